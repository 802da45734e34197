// Print layout for the XLSX renderers: fonts, how wide text is, how many lines it wraps to, row
// heights that hold it, A4 page geometry, manual page breaks that never leave a page with only
// a header, page-number footers, and sheet names Excel accepts. Pure arithmetic: no exceljs here.
//
// Units. A column width w is in Excel's "characters": w × the maximum digit width of the
// workbook's Normal font (Calibri 11: 7 px = 5.25 pt in Excel). LibreOffice measures the same
// w with Carlito (metric-compatible with Calibri, installed with LibreOffice): 5.55 pt,
// measured. Without Carlito it falls back to DejaVu Sans: 7 pt, measured. So layouts are
// planned with three widths per unit: the narrowest (5.25, for how much text fits on a line),
// the design width (5.6, for what fits on a page), and the widest (7, for notes that must not
// run off the first page anywhere).

import { charWidth } from '../util/width.js';

/**
 * Every cell's font: 宋体 (SimSun) is on every Chinese Windows and in WPS; family 3 and charset
 * 134 (GB2312) are what Chinese Excel writes for it, so a machine without it substitutes a
 * Chinese font. LibreOffice on Linux draws its CJK glyphs from Noto Sans CJK and its Latin from
 * DejaVu Sans (its fontconfig match for 宋体; "SimSun" would match a serif).
 */
export const BODY_FONT = { name: '宋体', family: 3, charset: 134 } as const;
/** Titles: 黑体 (SimHei), a sans like the headings of official forms; same fallbacks. */
export const TITLE_FONT = { name: '黑体', family: 3, charset: 134 } as const;
export const BODY_SIZE = 10;
export const TITLE_SIZE = 16;

export const PT_PER_UNIT_NARROW = 5.25;
export const PT_PER_UNIT_DESIGN = 5.6;
export const PT_PER_UNIT_WIDE = 7;

/** Page geometry in points (A4), and the margins every sheet uses, in inches. */
export const A4 = { short: 595.28, long: 841.89 } as const;
export const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.35 } as const;

export interface Page {
  /** Printable width and height at 100 %, in points. */
  readonly width: number;
  readonly height: number;
}

export function a4(orientation: 'portrait' | 'landscape', margins: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number } = MARGINS): Page {
  const [w, h] = orientation === 'landscape' ? [A4.long, A4.short] : [A4.short, A4.long];
  return { width: w - (margins.left + margins.right) * 72, height: h - (margins.top + margins.bottom) * 72 };
}

/** Width of text in points at a font size: wide (CJK) characters are 1 em, others at most 0.65 em. */
export function textPoints(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch.codePointAt(0)!);
    w += cw === 2 ? size : cw === 0 ? 0 : size * (bold ? 0.7 : 0.65);
  }
  return w;
}

/** Cell padding (both sides together) in points. */
const PADDING = 5;
/** Share of a line that wrapping counts on: leaves room for kinsoku and rounding. */
const LINE_SHARE = 0.97;

/** The column width (in units) that shows text of this width on one line everywhere. */
export function unitsFor(textPt: number): number {
  return Math.ceil(((textPt / LINE_SHARE + PADDING) / PT_PER_UNIT_NARROW) * 4) / 4;
}

/** Tokens the way spreadsheets break lines: a CJK character alone, a Latin word, a space run. */
function tokens(text: string): string[] {
  return text.match(/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]|\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]+/gu) ?? [];
}

/**
 * How many lines text takes in a cell of `units` width (the narrowest measure: Excel's), with
 * explicit line breaks kept. A word longer than a line is broken inside.
 */
export function wrappedLines(text: string, units: number, size: number, bold = false): number {
  const room = (units * PT_PER_UNIT_NARROW - PADDING) * LINE_SHARE;
  let lines = 0;
  for (const para of text.split('\n')) {
    let line = 0;
    lines++;
    for (const tok of tokens(para)) {
      const w = textPoints(tok, size, bold);
      if (line + w <= room || (line === 0 && /^\s+$/.test(tok))) {
        line += w;
        continue;
      }
      if (/^\s+$/.test(tok)) continue; // a space at a line break takes no room
      if (w <= room) {
        lines++;
        line = w;
        continue;
      }
      for (const ch of tok) {
        const cw = textPoints(ch, size, bold);
        if (line + cw > room && line > 0) {
          lines++;
          line = 0;
        }
        line += cw;
      }
    }
  }
  return lines;
}

/** Row height in points for n lines of text (LibreOffice's CJK line is 1.45 em, measured), on the 0.75 pt grid Excel rounds to. */
export function rowHeight(lines: number, size: number, lineHeight = 1.45): number {
  const h = Math.max(1, lines) * size * lineHeight + 3;
  return Math.ceil(h / 0.75) * 0.75;
}

/**
 * Manual page breaks for one sheet, as the rows after which a page ends. Rows are given by
 * height in points (row 1 first); rows `repeat.from`..`repeat.to` (the header) are printed again at
 * the top of every later page; `body` is the first data row, `tail` the first row of the closing block
 * (notes, footer) that stays together with at least `keep` data rows, so that no page holds
 * only a header. Heights are at 100 %; `scale` shrinks them as printing does. With `startsPage`,
 * a page starts only at a row it allows (as long as one fits), so blocks stay together.
 */
export function pageBreaks(
  heights: readonly number[], opts: { readonly pageHeight: number; readonly scale: number; readonly repeat: { readonly from: number; readonly to: number }; readonly body: number; readonly tail: number; readonly keep?: number; readonly startsPage?: (row: number) => boolean },
): number[] {
  const room = (opts.pageHeight / opts.scale) * 0.97;
  const h = (row: number): number => heights[row - 1] ?? 0;
  let repeated = 0;
  for (let r = opts.repeat.from; r <= opts.repeat.to; r++) repeated += h(r);
  const last = heights.length;
  const breaks: number[] = [];
  let used = 0;
  for (let r = 1; r < opts.body; r++) used += h(r);
  let pageStart = opts.body;
  const allowed = opts.startsPage ?? (() => true);
  for (let r = opts.body; r < opts.tail; r++) {
    if (used + h(r) > room && r > pageStart) {
      // Start the page at the last row since pageStart that may start one, else here.
      let start = r;
      while (start > pageStart + 1 && !allowed(start)) start--;
      if (!allowed(start)) start = r;
      breaks.push(start - 1);
      used = repeated;
      for (let q = start; q < r; q++) used += h(q);
      pageStart = start;
    }
    used += h(r);
  }
  let tail = 0;
  for (let r = opts.tail; r <= last; r++) tail += h(r);
  if (used + tail > room && opts.tail > opts.body) {
    // The closing block does not fit under the last rows: carry the last few data rows over
    // with it, as many as fit beside it (at least one, at most those on the last page).
    const keep = Math.min(opts.keep ?? 3, opts.tail - pageStart);
    let k = 0;
    let carried = repeated + tail;
    while (k < keep && carried + h(opts.tail - 1 - k) <= room) {
      carried += h(opts.tail - 1 - k);
      k++;
    }
    const at = opts.tail - 1 - Math.max(1, k);
    if (at >= pageStart) breaks.push(at);
  }
  return breaks;
}

/** A header or footer string: & is the code character there, so a literal one is doubled. */
export function footerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * The footer: the compiling unit at the left, 第 &P 页 共 &N 页 in the centre. In a workbook of
 * several sheets &N counts the pages of all of them (LibreOffice), so a sheet whose page count
 * is known gives it as `pages`, and numbers its pages from 1.
 */
export function pageFooter(unit: string, lang: 'zh' | 'en', pages?: number): string {
  const font = `&"${BODY_FONT.name},Regular"&${BODY_SIZE}`;
  const of = pages === undefined ? '&N' : String(pages);
  const numbers = lang === 'zh' ? `第 &P 页 共 ${of} 页` : `Page &P of ${of}`;
  return `&L${font}${footerText(unit)}&C${font}${numbers}`;
}

const RESERVED = new Set(['history']);

/**
 * A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not blank, not starting
 * or ending with an apostrophe (apostrophes become ’, since print-title references quote the
 * name), and not the reserved name History.
 */
export function sheetName(name: string): string {
  let clean = name.replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ').replace(/'/g, '’').replace(/\s+/g, ' ').trim();
  clean = [...clean].slice(0, 31).join('').trim();
  if (clean === '' || RESERVED.has(clean.toLowerCase())) return clean === '' ? 'Sheet1' : `${clean}1`;
  return clean;
}

/**
 * Names for sheets in order, each valid (see sheetName) and unique ignoring case, as Excel
 * compares them: a repeated name gets " (2)", " (3)" …, shortened to stay within 31 characters.
 */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw) => {
    const base = sheetName(raw);
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      name = [...base].slice(0, 31 - suffix.length).join('').trimEnd() + suffix;
    }
    seen.add(name.toLowerCase());
    return name;
  });
}
