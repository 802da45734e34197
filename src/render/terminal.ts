// Table → a table for the terminal: the title, a box-drawn grid (CJK characters counted as two
// columns), the notes. On a terminal of known width the table is laid out to fit it:
// the table's compact view (its essential columns, maybe in rank order) unless --wide, long
// headers wrapped, long text cut with "…", and columns that still do not fit left out — with a
// note saying what was left out and how to see everything. Colour only when asked.

import { Chalk } from 'chalk';
import type { Table } from '../tables/table.js';
import { charWidth, displayWidth } from '../util/width.js';
import { formatCell } from './cells.js';

export interface TerminalOptions {
  readonly color: boolean;
  readonly notesHeading: string;
  readonly lang: 'zh' | 'en';
  /** Columns of the terminal the table is shown on; undefined: not a terminal (nothing is fitted). */
  readonly width?: number | undefined;
  /** Every column, in the table's own order (--wide). */
  readonly wide?: boolean;
}

/** Narrowest a text column is cut to, and the most lines a header wraps onto. */
const MIN_TEXT = 8;
const COMFORT_TEXT = 16;
const HEADER_LINES = 3;
/** Headers' English words up to this long are never broken across lines. */
const LONGEST_WORD = 12;

/** The first characters of `s` that fit `width` columns, with "…" when cut. */
export function cut(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Chinese characters and punctuation, full-width forms: text that breaks anywhere. */
const CJK = '\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF';
/** A word of other text with its punctuation ("Three, ones", 50%) — never broken where it fits a line —, spaces, or one character. */
const TOKEN = new RegExp(`[^\\s${CJK}]+|\\s+|.`, 'gu');
const WORD = new RegExp(`^[^\\s${CJK}]`, 'u');

/** Display width of the longest such word in `s` (0 for Chinese text). */
export function longestWord(s: string): number {
  let most = 0;
  for (const [token] of s.matchAll(TOKEN)) if (WORD.test(token)) most = Math.max(most, displayWidth(token));
  return most;
}

/**
 * `s` broken into lines of at most `width` columns: Chinese text anywhere, other text between
 * words (a word longer than a line is broken too); no line starts or ends with a space.
 */
export function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  const flush = (): void => {
    const t = line.trimEnd();
    if (t !== '') lines.push(t);
    line = '';
    w = 0;
  };
  for (const [token] of s.matchAll(TOKEN)) {
    const tw = displayWidth(token);
    if (token.trim() === '') {
      if (line === '') continue;
      if (w + tw > width) flush();
      else {
        line += token;
        w += tw;
      }
    } else if (w + tw <= width) {
      line += token;
      w += tw;
    } else if (tw <= width && WORD.test(token)) {
      flush();
      line = token;
      w = tw;
    } else {
      for (const ch of token) {
        const cw = charWidth(ch.codePointAt(0)!);
        if (w + cw > width && line !== '') flush();
        line += ch;
        w += cw;
      }
    }
  }
  flush();
  return lines;
}

interface View {
  /** Indices of the table's columns shown. */
  readonly columns: number[];
  readonly widths: number[] | undefined;
  readonly rows: { kind: string; cells: string[] }[];
  readonly notes: string[];
}

function layout(table: Table, o: TerminalOptions): View {
  const all = table.columns.map((_, i) => i);
  const zh = o.lang === 'zh';
  const text = (): { kind: string; cells: string[] }[] =>
    [...table.rows].map((r) => ({ kind: r.kind, cells: r.cells.map((v, i) => formatCell(v, table.columns[i]!, 'human')) }));
  if (o.width === undefined || o.wide) return { columns: all, widths: undefined, rows: text(), notes: [] };

  const notes: string[] = [];
  let columns = all;
  let rows = text();
  const compact = table.compact;
  if (compact) {
    const byKey = new Map(table.columns.map((c, i) => [c.key, i]));
    columns = compact.keys.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
    const by = compact.sortBy === undefined ? undefined : byKey.get(compact.sortBy);
    if (by !== undefined && rows.every((r) => r.kind === 'data')) {
      const rank = [...table.rows].map((r) => Number(r.cells[by] ?? 0));
      rows = rows.map((r, i) => ({ r, k: rank[i]! })).sort((a, b) => a.k - b.k).map((x) => x.r);
      notes.push(zh ? '按排名排列（完整表格按组织顺序）。' : 'Rows in rank order (the full table is in org order).');
    }
  }
  const header = (i: number): string => table.columns[i]!.header;
  const isText = (i: number): boolean => table.columns[i]!.kind === 'text';
  const widthOf = (i: number): number => {
    let cells = 0;
    for (const r of rows) cells = Math.max(cells, displayWidth(r.cells[i] ?? ''));
    // Wide enough for the header on its lines, and for its longest English word (up to 12).
    const head = Math.max(4, Math.ceil(displayWidth(header(i)) / HEADER_LINES), Math.min(longestWord(header(i)), LONGEST_WORD));
    return Math.max(cells, head, Math.min(displayWidth(header(i)), 4));
  };
  let widths = columns.map(widthOf);
  const frame = (): number => widths.reduce((n, w) => n + w + 3, 1);
  /** Cuts the widest text columns first, down to `floor` columns wide. */
  const cutText = (floor: number): void => {
    while (frame() > o.width!) {
      let widest = -1;
      widths.forEach((w, k) => {
        if (isText(columns[k]!) && w > floor && (widest < 0 || w > widths[widest]!)) widest = k;
      });
      if (widest < 0) return;
      widths[widest] = Math.max(floor, widths[widest]! - (frame() - o.width!));
    }
  };
  const drop = (k: number): void => {
    columns = columns.filter((_, j) => j !== k);
    widths = widths.filter((_, j) => j !== k);
  };
  // Names stay readable while columns the table can spare go; then names are cut further, and
  // last, columns go from the right (the first two stay: what a row is about).
  cutText(COMFORT_TEXT);
  const byKey = new Map(table.columns.map((c, i) => [c.key, i]));
  for (const key of compact?.dropFirst ?? []) {
    if (frame() <= o.width) break;
    const k = columns.indexOf(byKey.get(key) ?? -1);
    if (k >= 0) drop(k);
  }
  cutText(MIN_TEXT);
  while (frame() > o.width && columns.length > 2) drop(columns.length - 1);
  const omitted = all.length - columns.length;
  if (omitted > 0) {
    const names = all.filter((i) => !columns.includes(i)).map(header);
    const list = names.length <= 6 ? names.join(zh ? '、' : ', ') : `${names.slice(0, 6).join(zh ? '、' : ', ')}${zh ? ` 等 ${names.length} 列` : ` and ${names.length - 6} more`}`;
    notes.push(zh
      ? `终端宽 ${o.width} 列，只显示全部 ${all.length} 列中的 ${columns.length} 列（未显示：${list}）；加 --wide 显示全部列，或用 --format csv、--out 文件.xlsx 得到完整表格。`
      : `The terminal is ${o.width} columns wide: ${columns.length} of the ${all.length} columns are shown (left out: ${list}); add --wide for all of them, or use --format csv or --out FILE.xlsx for the whole table.`);
  }
  return { columns, widths, rows, notes };
}

/** `s` padded to `width` columns, on the left (right-aligned) or on the right. */
function pad(s: string, width: number, right: boolean): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? gap + s : s + gap;
}

/**
 * The grid: a rule above, the header (its cells may hold several lines), a rule under it, the
 * rows, a rule below; one space inside each side of a cell. Drawn directly: a general table
 * library took 8 s for the 4,800 rows of a province's member table.
 */
function drawGrid(head: readonly string[][], rows: readonly string[][], bold: readonly boolean[], right: readonly boolean[], style: (s: string, bold: boolean) => string): string {
  const n = head.length;
  const widths = head.map((lines, k) => {
    let w = 0;
    for (const l of lines) w = Math.max(w, displayWidth(l));
    for (const r of rows) w = Math.max(w, displayWidth(r[k] ?? ''));
    return w;
  });
  const rule = (l: string, m: string, r: string): string => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const out: string[] = [rule('┌', '┬', '┐')];
  const headLines = Math.max(1, ...head.map((h) => h.length));
  for (let line = 0; line < headLines; line++) {
    out.push(`│${head.map((h, k) => ` ${style(pad(h[line] ?? '', widths[k]!, right[k]!), true)} `).join('│')}│`);
  }
  out.push(rule('├', '┼', '┤'));
  rows.forEach((r, i) => {
    const b = bold[i]!;
    let text = '│';
    for (let k = 0; k < n; k++) text += ` ${style(pad(r[k] ?? '', widths[k]!, right[k]!), b)} │`;
    out.push(text);
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

export function renderTerminal(table: Table, options: TerminalOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const view = layout(table, options);
  const widths = view.widths;
  const head = view.columns.map((i, k) => {
    const h = table.columns[i]!.header;
    if (!widths) return [h];
    const lines = wrap(h, widths[k]!);
    // A header longer than its lines: the last line shows that it goes on.
    return lines.length <= HEADER_LINES ? lines : [...lines.slice(0, HEADER_LINES - 1), cut(lines.slice(HEADER_LINES - 1).join(' '), widths[k]!)];
  });
  const rows = view.rows.map((row) => view.columns.map((i, k) => (widths ? cut(row.cells[i] ?? '', widths[k]!) : (row.cells[i] ?? ''))));
  const right = view.columns.map((i) => table.columns[i]!.kind !== 'text' && table.columns[i]!.kind !== 'id');
  const grid = drawGrid(head, rows, view.rows.map((r) => r.kind !== 'data'), right, (s, bold) => (bold ? c.bold(s) : s));
  const out = [c.bold(table.title), grid];
  const notes = [...view.notes, ...table.notes];
  if (notes.length > 0) {
    out.push(c.dim(options.notesHeading));
    for (const n of notes) out.push(c.dim(`  · ${n}`));
  }
  return out.join('\n') + '\n';
}
