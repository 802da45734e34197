// Printing XLSX for real: headless LibreOffice converts workbooks to PDF, poppler's pdftotext
// -bbox gives every word with its box, and these helpers turn that into pages, lines, text
// sizes and footers for the print-layout tests.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The programs the print tests need, and which of them are missing. */
export function missingPrintTools(): string[] {
  const missing: string[] = [];
  for (const [tool, args] of [['soffice', ['--version']], ['pdftotext', ['-v']], ['pdfinfo', ['-v']], ['pdffonts', ['-v']]] as const) {
    const r = spawnSync(tool, [...args], { stdio: 'ignore', timeout: 60_000 });
    if (r.error) missing.push(tool);
  }
  return missing;
}

/**
 * Converts workbooks to PDF in one LibreOffice run (a fresh profile each time, so no earlier
 * run's settings or lock get in the way). The PDFs land in outDir under the same base names.
 */
export function convertToPdf(files: readonly string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'mj-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      stdio: 'pipe', timeout: 300_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly words: readonly Word[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every page of a PDF with its words (pdftotext -bbox). */
export function readPdf(file: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const m of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words: Word[] = [];
    for (const w of m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({
        xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]),
        text: w[5]!.replace(/&(\w+);/g, (all, e: string) => ENTITIES[e] ?? all),
      });
    }
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/** Words grouped into lines (by their vertical middle, 2 pt apart at most), top to bottom, each left to right. */
export function lines(page: PdfPage): Word[][] {
  const sorted = [...page.words].sort((a, b) => (a.yMin + a.yMax) / 2 - (b.yMin + b.yMax) / 2 || a.xMin - b.xMin);
  const out: Word[][] = [];
  for (const w of sorted) {
    const mid = (w.yMin + w.yMax) / 2;
    const line = out[out.length - 1];
    if (line && Math.abs((line[0]!.yMin + line[0]!.yMax) / 2 - mid) <= 2) line.push(w);
    else out.push([w]);
  }
  return out.map((l) => l.sort((a, b) => a.xMin - b.xMin));
}

/** The text of a line, words joined by spaces. */
export const lineText = (line: readonly Word[]): string => line.map((w) => w.text).join(' ');

/**
 * Height of a word's box per point of font size, for the fonts LibreOffice uses here: measure
 * it on text whose size is known (a calibration page), then size = box height / this.
 */
export function boxPerPoint(page: PdfPage, knownSize: number): number {
  const heights = page.words.map((w) => w.yMax - w.yMin).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)]! / knownSize;
}

/** The smallest text size on a page, in points. */
export function smallestText(page: PdfPage, perPoint: number): number {
  return Math.min(...page.words.map((w) => (w.yMax - w.yMin) / perPoint));
}

/** The page-number footer of a page (第 k 页 共 n 页, or Page k of n), as [k, n]. */
export function pageNumber(page: PdfPage): [number, number] | undefined {
  const bottom = page.words.filter((w) => w.yMin > page.height * 0.85);
  const text = lines({ ...page, words: bottom }).map(lineText).join(' ');
  const m = /第 (\d+) 页 共 (\d+) 页/.exec(text) ?? /Page (\d+) of (\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** The fonts a PDF embeds (pdffonts), without their subset prefixes. */
export function pdfFonts(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out.split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}

/** The page count pdfinfo reports. */
export function pageCount(file: string): number {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(out)![1]);
}

/**
 * The text of one column of a page, read down: the words whose left edge lies between two x
 * positions, line by line, joined without spaces (a wrapped cell reads as one string).
 */
export function columnText(page: PdfPage, fromX: number, toX: number, belowY = 0): string {
  const words = page.words.filter((w) => w.xMin >= fromX && w.xMin < toX && w.yMin >= belowY);
  return lines({ ...page, words }).map((l) => l.map((w) => w.text).join('')).join('');
}
