#!/usr/bin/env node
// Makes the README's one picture of the HTML report, docs/html-report.png: the guizhou example's
// index page (headline figures and the first charts), 800 px wide, as headless Chromium shows it.
// Run by hand after the pages change (`npm run build` first, then `node scripts/screenshot.mjs`),
// and commit the picture; tests never make or compare it. Needs Debian's chromium package
// (or MJ_CHROMIUM=/path/to/chrome) and the playwright-core dev dependency.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'html-report.png');
const work = mkdtempSync(join(tmpdir(), 'mj-shot-'));
try {
  execFileSync(process.execPath, [join(root, 'bin', 'mj.js'), 'report', '2019', '--format', 'html', '--data', join(root, 'data-examples', 'guizhou'), '--out', work], { stdio: 'inherit' });
  const browser = await chromium.launch({
    executablePath: process.env.MJ_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 800, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(work, 'html', 'index.html')).href);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 800, height: 1000 } });
  await browser.close();
  console.log(`wrote ${out} (${Math.round(statSync(out).size / 1024)} KB)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
