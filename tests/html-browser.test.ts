// The HTML report in a real browser: headless Chromium (Debian's package) driven by
// playwright-core opens the pages of the tiny and guizhou examples from file:// and checks that
// no page logs an error or asks the network for anything, every branch has a card that the
// summary links to, every chart is a drawn <svg> with its text alternative and numbers, the
// sortable tables sort (and are whole without the script), hostile names stay text, and the
// cards print on A4 each from a new page (read back with poppler's pdfinfo and pdftotext).
// Without Chromium (or poppler) the tests are skipped with a notice.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDirs } from './helpers/fixtures.js';
import { HOSTILE, hostileTiny } from './helpers/hostile.js';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env['MJ_CHROMIUM'] ?? '/usr/bin/chromium';
/** The flags of a quiet, offline, throwaway browser (playwright gives it a fresh profile folder). */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const scratch = scratchDirs('mj-html-');

const missing = [existsSync(CHROMIUM) ? undefined : CHROMIUM, ...['pdfinfo', 'pdftotext'].filter((t) => spawnSync(t, ['-v'], { stdio: 'ignore' }).error)].filter((x): x is string => x !== undefined);
if (missing.length > 0) {
  console.warn(
    `\n  ⚠ html-browser: SKIPPING the browser tests of the HTML report — ${missing.join(', ')} not found.\n` +
      '    Install them with: apt-get install --no-install-recommends chromium poppler-utils fonts-noto-cjk\n',
  );
}

/** What a crawl of a site saw on each page. */
interface Seen {
  readonly problems: string[];
  readonly h1: number;
  /** Cards by href (file#id) → their heading. */
  readonly cards: Map<string, string>;
  /** The summary's branch links. */
  readonly links: { name: string; href: string }[];
}

describe.skipIf(missing.length > 0)('the HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  /** Problems of the page being visited: console errors and warnings, page errors, dialogs, requests beyond file: and data:. */
  let problems: string[] = [];
  const sites: Record<'tiny' | 'guizhou' | 'hostile', string> = { tiny: '', guizhou: '', hostile: '' };
  const seen = new Map<string, Seen>();

  const htmlFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  async function open(file: string): Promise<Page> {
    problems = [];
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  beforeAll(async () => {
    // The built CLI (npm test builds it first) makes the sites: quicker than in-process.
    const bin = join(ROOT, 'bin', 'mj.js');
    for (const [name, data] of [['tiny', join(ROOT, 'data-examples', 'tiny')], ['guizhou', join(ROOT, 'data-examples', 'guizhou')]] as const) {
      const out = scratch();
      execFileSync(process.execPath, [bin, 'report', '2019', '--format', 'html', '--out', out, '--data', data], { stdio: 'pipe' });
      sites[name] = join(out, 'html');
    }
    const hostile = scratch();
    hostileTiny(hostile);
    execFileSync(process.execPath, [bin, 'report', '2019', '--format', 'html', '--data', hostile], { stdio: 'pipe' });
    sites.hostile = join(hostile, 'reports', '2019', 'html');

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!/^(file|data):/.test(r.url())) problems.push(`request: ${r.url()}`);
    });
    // One visit of every page of each site, noting what the tests ask about.
    for (const site of Object.values(sites)) {
      for (const f of htmlFiles(site)) {
        await open(join(site, f));
        const cards = new Map<string, string>();
        for (const c of await page.$$eval('article.card', (as) => as.map((a) => ({ id: a.id, name: a.querySelector('h2')?.textContent ?? '' })))) cards.set(`${f}#${c.id}`, c.name);
        const links = f === 'summary.html' ? await page.$$eval('table.data tbody th a', (as) => as.map((a) => ({ name: a.textContent ?? '', href: a.getAttribute('href') ?? '' }))) : [];
        seen.set(join(site, f), { problems, h1: await page.locator('main h1').count(), cards, links });
      }
    }
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  const pagesOf = (site: string): Seen[] => htmlFiles(site).map((f) => seen.get(join(site, f))!);

  it('opens every page of both examples with no error and no request beyond the files', () => {
    for (const site of [sites.tiny, sites.guizhou]) {
      for (const f of htmlFiles(site)) {
        expect(seen.get(join(site, f))!.problems, f).toEqual([]);
        expect(seen.get(join(site, f))!.h1, f).toBe(1);
      }
    }
  });

  it('has a card for every branch, and the summary links each branch to its card', () => {
    for (const site of [sites.tiny, sites.guizhou]) {
      const links = seen.get(join(site, 'summary.html'))!.links;
      const cards = new Map(pagesOf(site).flatMap((p) => [...p.cards]));
      expect(links.length).toBeGreaterThan(0);
      expect(cards.size).toBe(links.length);
      for (const l of links) expect(cards.get(l.href), l.href).toBe(l.name);
    }
  });

  it('draws every chart as an <svg> with marks, a text alternative and its numbers', async () => {
    for (const site of [sites.tiny, sites.guizhou]) {
      await open(join(site, 'index.html'));
      const charts = await page.$$eval('figure.chart', (fs) => fs.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return {
          id: f.id, role: svg?.getAttribute('role'), label: svg?.getAttribute('aria-label') ?? '', marks: svg?.querySelectorAll('path, rect').length ?? 0,
          texts: svg?.querySelectorAll('text').length ?? 0, width: box?.width ?? 0, height: box?.height ?? 0, rows: f.querySelectorAll('details table tbody tr').length,
          // Every label inside its picture (an svg hides what overflows it: 优秀 cut in half). A text's
          // box is its line's, a little taller than its ink: 2 px of it may pass the edge.
          outside: [...(svg?.querySelectorAll('text') ?? [])].filter((t) => {
            const b = t.getBoundingClientRect();
            return box !== undefined && b.width > 0 && (b.top < box.top - 2 || b.bottom > box.bottom + 2 || b.left < box.left - 2 || b.right > box.right + 2);
          }).map((t) => { const b = t.getBoundingClientRect(); return `${t.textContent ?? ''} ${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)} in ${Math.round(box!.left)},${Math.round(box!.top)}–${Math.round(box!.right)},${Math.round(box!.bottom)}`; }),
        };
      }));
      const ids = charts.map((c) => c.id);
      for (const key of ['scores-by-group', 'grades', 'three-ones-by-group', 'reports-by-level', 'ages', 'titles', 'sectors', 'gender']) expect(ids).toContain(`chart-${key}`);
      if (site === sites.guizhou) {
        expect(ids).toEqual(expect.arrayContaining(['chart-members-trend', 'chart-senior-trend', 'chart-sqmy-trend', 'chart-three-ones-trend', 'chart-score-trend']));
      }
      for (const c of charts) {
        expect(c.role, c.id).toBe('img');
        expect(c.label.length, c.id).toBeGreaterThan(10);
        expect(c.marks, c.id).toBeGreaterThan(5);
        expect(c.texts, c.id).toBeGreaterThan(2);
        expect(c.width * c.height, c.id).toBeGreaterThan(10_000);
        expect(c.rows, c.id).toBeGreaterThan(0);
        expect(c.outside, c.id).toEqual([]);
      }
    }
  });

  it('sorts a table by a header click, the other way on a second, and shows it whole without the script', async () => {
    await open(join(sites.guizhou, 'summary.html'));
    const header = (text: string) => page.locator('table.data thead th', { hasText: text });
    const column = (i: number): Promise<string[]> => page.$$eval('table.data tbody tr', (rows, k) => rows.map((r) => {
      const cell = (r as unknown as { cells: ArrayLike<{ getAttribute(n: string): string | null; textContent: string | null }> }).cells[k]!;
      return cell.getAttribute('data-v') ?? cell.textContent ?? '';
    }), i);
    const totalAt = await page.$$eval('table.data thead th', (ths) => ths.findIndex((th) => th.textContent?.trim().startsWith('总分')));
    const before = (await column(totalAt)).map(Number);
    expect(before).toEqual([...before].sort((a, b) => b - a)); // by rank at first
    await header('总分').locator('button').click();
    const up = (await column(totalAt)).map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await header('总分').getAttribute('aria-sort')).toBe('ascending');
    await header('总分').locator('button').click();
    const down = (await column(totalAt)).map(Number);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await header('支部').locator('button').click();
    const names = await column(1);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const p = await plain.newPage();
    await p.goto(pathToFileURL(join(sites.guizhou, 'summary.html')).href);
    expect(await p.locator('table.data tbody tr').count()).toBe(before.length);
    expect(await p.locator('th button').count()).toBe(0);
    await plain.close();
  });

  it('keeps a wide sheet readable: names, grades and vetoes on one line, the sheet scrolling sideways', async () => {
    await open(join(sites.guizhou, 'scores.html'));
    const heights = await page.$$eval('table.data tbody tr', (rows) => rows.map((r) => r.getBoundingClientRect().height));
    const line = await page.$eval('table.data tbody td.num', (td) => parseFloat((globalThis as unknown as { getComputedStyle(x: unknown): { lineHeight: string } }).getComputedStyle(td).lineHeight) || td.getBoundingClientRect().height);
    expect(heights.length).toBeGreaterThan(100);
    // One line of text a row (before, a branch's name and a veto's reason stood one character a line).
    expect(Math.max(...heights)).toBeLessThan(line * 2);
    const veto = page.locator('table.data tbody td', { hasText: '未完成（最高良好）' }).first();
    expect(await veto.evaluate((td) => (globalThis as unknown as { getComputedStyle(x: unknown): { whiteSpace: string } }).getComputedStyle(td).whiteSpace)).toBe('nowrap');
    expect(await page.$eval('.table-wrap', (w) => w.scrollWidth > w.clientWidth)).toBe(true);
  });

  it('keeps hostile names as text: nothing runs, the card shows the name as written', async () => {
    for (const f of htmlFiles(sites.hostile)) expect(seen.get(join(sites.hostile, f))!.problems, f).toEqual([]);
    const cards = new Map(pagesOf(sites.hostile).flatMap((p) => [...p.cards]));
    expect([...cards.values()]).toEqual(expect.arrayContaining([HOSTILE.branch, HOSTILE.branch2]));
    await open(join(sites.hostile, 'cards-01.html'));
    expect(await page.locator('main img, main b, main i, main script, main svg[onload]').count()).toBe(0);
    expect(await page.locator('main h1').textContent()).toBe(`评分卡：${HOSTILE.city}`);
  });

  it('prints the cards on A4, each card from a new page; tables on landscape pages', async () => {
    const pdfDir = scratch();
    const pdfPages = (pdf: string): string[] => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    const firstLines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2);
    // tiny's cards, and those of guizhou's smallest group (all 220 cards print some 700 pages)
    const groups = htmlFiles(sites.guizhou).filter((f) => f.startsWith('cards-')).map((f) => ({ f, n: seen.get(join(sites.guizhou, f))!.cards.size }));
    const smallest = groups.sort((a, b) => a.n - b.n || (a.f < b.f ? -1 : 1))[0]!.f;
    for (const [site, file] of [[sites.tiny, 'cards-01.html'], [sites.tiny, 'cards-02.html'], [sites.guizhou, smallest]] as const) {
      await open(join(site, file));
      const names = [...seen.get(join(site, file))!.cards.values()];
      const pdf = join(pdfDir, `${file}-${names.length}.pdf`);
      writeFileSync(pdf, await page.pdf({ format: 'A4' }));
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+59[56]\.\d+ x 84[12]\.\d+/);
      const pages = pdfPages(pdf);
      expect(pages.length).toBeGreaterThanOrEqual(names.length);
      // Card k starts a page: its name is that page's first line (the second on page 1, under the page's title).
      const starts = names.map((name, k) => pages.findIndex((p) => firstLines(p)[k === 0 ? 1 : 0] === name));
      expect(starts[0], file).toBe(0);
      for (let k = 1; k < starts.length; k++) expect(starts[k]!, `${file}: ${names[k]}`).toBeGreaterThan(starts[k - 1]!);
    }
    await open(join(sites.tiny, 'branches.html'));
    const pdf = join(pdfDir, 'branches.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+84[12]\.\d+ x 59[45]\.\d+/);
  });
});
