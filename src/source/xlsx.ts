// Reading one sheet of an XLSX workbook as rows of cells, each with the text Excel shows and
// what kind of value it holds. First the container is looked at (zip.ts): the ZIP's directory,
// every entry inflated once with its real size counted (a zip bomb stops there), the sheet list,
// and the chosen sheet's merged ranges and last row. Then exceljs's streaming reader (loaded
// only here) reads the rows of that sheet. Formulas give their cached values; none is ever
// evaluated. The only code that knows the XLSX format on the reading side.

import { Readable } from 'node:stream';
import { DEFAULT_ZIP_LIMITS, checkDeclaredSizes, inflateEntry, readZipDirectory, storedZip, ZipError, type ZipEntry, type ZipFailure, type ZipLimits } from './zip.js';

/** Excel's last row: a sheet that uses it was most likely cut there. */
export const EXCEL_MAX_ROWS = 1_048_576;

export type CellKind = 'text' | 'number' | 'date' | 'bool' | 'error' | 'no-value';

export interface SheetCell {
  /** 1-based column. */
  readonly col: number;
  readonly kind: CellKind;
  /** What Excel shows: the text, the number (with a 0000 format's zeros), YYYY-MM-DD for a date. */
  readonly text: string;
  /** The cell's number format, when it has one besides General. */
  readonly numFmt?: string;
  /** A number shown with leading zeros by a format like 0000 (the value itself has none). */
  readonly padded?: boolean;
  /** The cell holds a formula; `text` is its cached value. */
  readonly formula?: string;
  /** A date whose format shows no day (yyyy-mm): `text` is YYYY-MM. */
  readonly monthOnly?: boolean;
  /** The value of a number cell, for reading it as a date serial. */
  readonly number?: number;
  /** Filled from the top-left cell of a merged range spanning rows. */
  readonly merged?: boolean;
}

export interface SheetRow {
  /** 1-based row number, as Excel numbers it. */
  readonly row: number;
  /** Non-empty cells, by column. */
  readonly cells: readonly SheetCell[];
}

export interface CellRange {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

export interface SheetInfo {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** worksheet, chartsheet, dialogsheet …, from the relationship's type. */
  readonly type: string;
  /** The part holding it, e.g. xl/worksheets/sheet1.xml. */
  readonly part: string | undefined;
}

export interface Workbook {
  readonly path: string;
  readonly sheets: readonly SheetInfo[];
  /** The sheet that is read. */
  readonly sheet: SheetInfo;
  readonly date1904: boolean;
  readonly merges: readonly CellRange[];
  /** The last row holding a value is Excel's last row. */
  readonly reachesLastRow: boolean;
  /** Inflated bytes of the parts read. */
  readonly inflated: number;
  /** The ZIP entries read, and the workbook's relationships as text. */
  readonly parts: { readonly workbook: ZipEntry; readonly rels: ZipEntry | undefined; readonly styles: ZipEntry | undefined; readonly sharedStrings: ZipEntry | undefined; readonly sheet: ZipEntry };
  readonly relsText: string;
}

export type WorkbookFailure =
  | ZipFailure
  | { kind: 'no-such-sheet'; sheet: string; sheets: readonly string[] }
  | { kind: 'not-a-worksheet'; sheet: string; type: string }
  | { kind: 'no-sheet' };

export interface WorkbookOptions {
  /** The sheet to read; the first visible one when absent. */
  readonly sheet?: string | undefined;
  readonly limits?: Partial<ZipLimits>;
}

const decodeXml = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    switch (e) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[2] ?? m[3] ?? '') : undefined;
};

/** A small entry (the workbook's own parts) as text. */
async function entryText(path: string, entry: ZipEntry, max = 16 << 20): Promise<string> {
  if (entry.size > max) throw new ZipError({ kind: 'corrupt', reason: '@xlsx-part-size' });
  const parts: Buffer[] = [];
  for await (const c of inflateEntry(path, entry)) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

/** Column letters (A, Z, AA …) as a 1-based number. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A 1-based column number as letters. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseRange(ref: string): CellRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const c1 = columnNumber(m[1]!), r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1, r2 = m[4] ? Number(m[4]) : r1;
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/**
 * Looks at a workbook: the container, every entry's real size, the sheets, and the chosen
 * sheet's merged ranges. Reads no cell.
 */
export async function openWorkbook(path: string, options: WorkbookOptions = {}): Promise<{ ok: true; book: Workbook } | { ok: false; failure: WorkbookFailure }> {
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const dir = await readZipDirectory(path, limits);
  if (!dir.ok) return dir;
  const declared = checkDeclaredSizes(dir.entries, limits);
  if (declared) return { ok: false, failure: declared };
  const byName = new Map(dir.entries.map((e) => [e.name, e]));
  try {
    const wbEntry = byName.get('xl/workbook.xml');
    if (!wbEntry) return { ok: false, failure: { kind: 'corrupt', reason: '@xlsx-no-workbook' } };
    const wbXml = await entryText(path, wbEntry);
    const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
    const relsXml = relsEntry ? await entryText(path, relsEntry) : '';
    const rels = new Map<string, { target: string; type: string }>();
    for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id === undefined || target === undefined) continue;
      const type = (attr(m[0], 'Type') ?? '').replace(/^.*\//, '');
      const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/[^/]+\/\.\.\//g, '/');
      rels.set(id, { target: part, type });
    }
    const sheets: SheetInfo[] = [];
    for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = attr(m[0], 'name') ?? '';
      const state = attr(m[0], 'state');
      const rel = rels.get(attr(m[0], 'r:id') ?? attr(m[0], 'id') ?? '');
      sheets.push({ name, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', type: rel?.type ?? 'worksheet', part: rel?.target });
    }
    const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(wbXml)?.[0];
    const d1904 = pr ? attr(pr, 'date1904') : undefined;
    const date1904 = d1904 === '1' || d1904 === 'true';
    let sheet: SheetInfo | undefined;
    if (options.sheet !== undefined) {
      const want = options.sheet.trim();
      sheet = sheets.find((s) => s.name === want) ?? sheets.find((s) => s.name.trim().toLowerCase() === want.toLowerCase());
      if (!sheet) return { ok: false, failure: { kind: 'no-such-sheet', sheet: want, sheets: sheets.map((s) => s.name) } };
    } else {
      sheet = sheets.find((s) => s.state === 'visible') ?? sheets[0];
      if (!sheet) return { ok: false, failure: { kind: 'no-sheet' } };
    }
    if (sheet.type !== 'worksheet') return { ok: false, failure: { kind: 'not-a-worksheet', sheet: sheet.name, type: sheet.type } };
    if (sheet.part === undefined || !byName.has(sheet.part)) return { ok: false, failure: { kind: 'corrupt', reason: '@xlsx-no-sheet-part' } };

    // Only the parts read are ever inflated: the workbook's own, the styles, the shared strings
    // and the chosen sheet (scanned here for its merged ranges, which follow its rows).
    const sheetEntry = byName.get(sheet.part)!;
    const scan = await scanSheet(path, sheetEntry);
    const parts = { workbook: wbEntry, rels: relsEntry, styles: byName.get('xl/styles.xml'), sharedStrings: byName.get('xl/sharedStrings.xml'), sheet: sheetEntry };
    const inflated = [parts.workbook, parts.rels, parts.styles, parts.sharedStrings, parts.sheet].reduce((n, e) => n + (e?.size ?? 0), 0);
    if (inflated > limits.maxInflatedBytes) return { ok: false, failure: { kind: 'bomb', size: inflated, limit: limits.maxInflatedBytes, ratio: Math.round(inflated / dir.size) } };
    const merges = scan.merges;
    const reachesLastRow = scan.reachesLastRow;
    const relsText = relsXml;
    return { ok: true, book: { path, sheets, sheet, date1904, merges, reachesLastRow, inflated, parts, relsText } };
  } catch (e) {
    if (e instanceof ZipError) return { ok: false, failure: e.failure };
    const code = (e as { code?: string }).code;
    return { ok: false, failure: { kind: 'io', message: code ?? String(e) } };
  }
}

const LAST_ROW_CELL = new RegExp(`<(?:\\w+:)?c\\s+r="[A-Z]{1,3}${EXCEL_MAX_ROWS}"[^>]*[^/]>`);

/** The sheet part's merged ranges (they follow the rows) and whether its last row holds a value. */
async function scanSheet(path: string, entry: ZipEntry): Promise<{ merges: CellRange[]; reachesLastRow: boolean }> {
  const merges: CellRange[] = [];
  let carry = '';
  let reachesLastRow = false;
  const dec = new TextDecoder('utf-8');
  for await (const chunk of inflateEntry(path, entry)) {
    const text = carry + dec.decode(chunk, { stream: true });
    if (!reachesLastRow && LAST_ROW_CELL.test(text)) reachesLastRow = true;
    let last = 0;
    for (const m of text.matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)) {
      const r = parseRange(attr(m[0], 'ref') ?? '');
      if (r) merges.push(r);
      last = m.index + m[0].length;
    }
    // Keep a tail that may hold the start of a tag cut by the chunk's end.
    const keepFrom = Math.max(last, text.length - 256);
    carry = text.slice(keepFrom);
  }
  return { merges, reachesLastRow };
}

// ── cells ────────────────────────────────────────────────────────────────────────────

/** Excel's _xHHHH_ escapes (control characters in shared strings). */
const unescapeExcel = (s: string): string => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** A number as Excel's General format shows it: whole numbers in full up to 15 digits, else 15 significant digits, E notation past that. */
export function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (Math.abs(n) >= 1e15) {
    const [mant, exp] = n.toExponential(5).split('e') as [string, string];
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    return `${m}E${exp.startsWith('-') ? '-' : '+'}${exp.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  const s = String(Number(n.toPrecision(15)));
  return s.includes('e') ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : s;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The calendar day of an Excel serial (1900 or 1904 system), time of day dropped. */
export function serialDay(serial: number, date1904: boolean): { y: number; m: number; d: number } | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const days = Math.floor(serial + 1e-9) + (date1904 ? 1462 : 0);
  // Excel's 1900 system counts a 29 February 1900 that never was (serial 60).
  const ms = Date.UTC(1899, 11, 30) + days * 86400000;
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

const isDateFormat = (fmt: string): boolean => {
  const bare = fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmy]/i.test(bare) && !/^[#0.,%E+-]*$/.test(bare);
};

const dayText = (y: number, m: number, d: number, monthOnly: boolean): string => (monthOnly ? `${y}-${pad2(m)}` : `${y}-${pad2(m)}-${pad2(d)}`);

/** Whether a date format shows no day (yyyy-mm, yyyy"年"m"月"). */
const formatWithoutDay = (fmt: string): boolean => !/d/i.test(fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ''));

interface ExcelCellLike {
  readonly value: unknown;
  readonly numFmt?: string | undefined;
}

/** One exceljs cell as a SheetCell; undefined when empty. Built without spreads: it runs per cell. */
export function sheetCell(cell: ExcelCellLike, col: number, date1904: boolean): SheetCell | undefined {
  const fmtRaw = cell.numFmt;
  const numFmt = typeof fmtRaw === 'string' && fmtRaw !== 'General' ? fmtRaw : undefined;
  let v = cell.value;
  if (typeof v === 'string') {
    // The common case first: text.
    if (v === '') return undefined;
    const out: { col: number; kind: CellKind; text: string; numFmt?: string } = { col, kind: 'text', text: v.includes('_x') ? unescapeExcel(v) : v };
    if (numFmt !== undefined) out.numFmt = numFmt;
    return out;
  }
  let formula: string | undefined;
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { formula?: string; sharedFormula?: string; result?: unknown; richText?: { text?: string }[]; error?: string; text?: unknown };
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      formula = o.formula ?? o.sharedFormula ?? '';
      v = o.result;
      if (v === undefined || (typeof v === 'number' && Number.isNaN(v))) return make(col, 'no-value', '', numFmt, formula);
      if (v !== null && typeof v === 'object' && 'error' in (v as object)) return make(col, 'error', String((v as { error: unknown }).error), numFmt, formula);
    } else if (Array.isArray(o.richText)) {
      v = o.richText.map((r) => r.text ?? '').join('');
    } else if (o.error !== undefined) {
      return make(col, 'error', String(o.error), numFmt, undefined);
    } else if (o.text !== undefined) {
      const t = o.text as { richText?: { text?: string }[] } | string;
      v = typeof t === 'string' ? t : Array.isArray(t.richText) ? t.richText.map((r) => r.text ?? '').join('') : String(t);
    }
  }
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v === '' && formula === undefined ? undefined : make(col, 'text', unescapeExcel(v), numFmt, formula);
  if (typeof v === 'boolean') return make(col, 'bool', v ? 'TRUE' : 'FALSE', numFmt, formula);
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) return make(col, 'error', '#VALUE!', numFmt, formula);
    // exceljs rounds the serial to milliseconds in UTC; a time of day is dropped.
    const dt = new Date(Math.floor(t / 86400000 + 1e-9) * 86400000);
    const monthOnly = numFmt !== undefined && formatWithoutDay(numFmt);
    const c = make(col, 'date', dayText(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), monthOnly), numFmt, formula);
    if (monthOnly) c.monthOnly = true;
    return c;
  }
  if (typeof v === 'number') {
    // A formula's result is not turned into a date by exceljs: its format says it is one.
    if (numFmt !== undefined && isDateFormat(numFmt)) {
      const day = serialDay(v, date1904);
      if (day) {
        const monthOnly = formatWithoutDay(numFmt);
        const c = make(col, 'date', dayText(day.y, day.m, day.d, monthOnly), numFmt, formula);
        if (monthOnly) c.monthOnly = true;
        c.number = v;
        return c;
      }
    }
    const zeros = numFmt !== undefined && /^0+$/.test(numFmt) && Number.isInteger(v) && v >= 0 ? numFmt.length : 0;
    const plain = generalNumber(v);
    const c = make(col, 'number', zeros > plain.length ? plain.padStart(zeros, '0') : plain, numFmt, formula);
    if (zeros > plain.length) c.padded = true;
    c.number = v;
    return c;
  }
  return make(col, 'text', String(v), numFmt, formula);
}

type MutableCell = { -readonly [K in keyof SheetCell]: SheetCell[K] };

function make(col: number, kind: CellKind, text: string, numFmt: string | undefined, formula: string | undefined): MutableCell {
  const c: MutableCell = { col, kind, text };
  if (numFmt !== undefined) c.numFmt = numFmt;
  if (formula !== undefined) c.formula = formula;
  return c;
}

interface RowLike {
  readonly number: number;
  eachCell(options: { includeEmpty: boolean }, fn: (cell: ExcelCellLike, col: number) => void): void;
}

/**
 * The parts exceljs reads, stored and in the order it needs them: relationships, workbook,
 * styles and shared strings before the one sheet (given another order, exceljs parks sheets in
 * temp files and, under some timings, stops before the shared strings). The sheet is renamed
 * sheet1.xml, and its relationship pointed at that name.
 */
function feed(book: Workbook): Readable {
  const p = book.parts;
  const rels = book.relsText.replace(/(<(?:\w+:)?Relationship\b[^>]*\bTarget\s*=\s*")([^"]*)(")/g, (m, pre: string, target: string, post: string) => {
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    if (part === book.sheet.part) return `${pre}worksheets/sheet1.xml${post}`;
    return /worksheets\//.test(part) ? `${pre}worksheets/other-${target.replace(/[^A-Za-z0-9]/g, '')}${post}` : m;
  });
  const list: { entry: ZipEntry; as?: string; text?: string }[] = [];
  list.push({ entry: p.rels ?? p.workbook, as: 'xl/_rels/workbook.xml.rels', text: rels || '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>' });
  list.push({ entry: p.workbook });
  if (p.styles) list.push({ entry: p.styles });
  list.push(p.sharedStrings ? { entry: p.sharedStrings } : { entry: p.workbook, as: 'xl/sharedStrings.xml', text: '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>' });
  list.push({ entry: p.sheet, as: 'xl/worksheets/sheet1.xml' });
  return Readable.from(storedZip(book.path, list));
}

export type ReadResult = { ok: true; rows: number } | { ok: false; failure: WorkbookFailure };

/**
 * Streams the rows of the workbook's chosen sheet to `onRow`, in order, each with its non-empty
 * cells; a merged range spanning rows gives its value to each of its rows (in its first
 * column). Rows with no cell are not passed.
 */
export async function readSheetRows(book: Workbook, onRow: (row: SheetRow) => void): Promise<ReadResult> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(feed(book), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  const vertical = book.merges.filter((m) => m.r2 > m.r1);
  const byStart = new Map<number, CellRange[]>();
  for (const m of vertical) {
    const list = byStart.get(m.r1) ?? [];
    list.push(m);
    byStart.set(m.r1, list);
  }
  // Ranges whose top-left value is known, and the rows they still cover.
  let open: { range: CellRange; cell: SheetCell }[] = [];
  let rows = 0;
  try {
    for await (const ws of reader) {
      for await (const row of ws as unknown as AsyncIterable<RowLike>) {
        const cells: SheetCell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const c = sheetCell(cell, col, book.date1904);
          if (c) cells.push(c);
        });
        const r = row.number;
        if (open.length > 0) {
          open = open.filter((o) => o.range.r2 >= r);
          for (const o of open) if (!cells.some((c) => c.col === o.range.c1)) cells.push({ ...o.cell, merged: true });
        }
        for (const range of byStart.get(r) ?? []) {
          const top = cells.find((c) => c.col === range.c1);
          if (top) open.push({ range, cell: top });
        }
        if (cells.length === 0) continue;
        cells.sort((a, b) => a.col - b.col);
        rows++;
        onRow({ row: r, cells });
      }
    }
  } catch (e) {
    if (e instanceof ZipError) return { ok: false, failure: e.failure };
    const code = (e as { code?: string }).code;
    if (code !== undefined && !code.startsWith('ERR_')) return { ok: false, failure: { kind: 'io', message: code } };
    return { ok: false, failure: { kind: 'corrupt', reason: '@xlsx-xml' } };
  }
  return { ok: true, rows };
}

/** `members.xlsx!G12`: where a cell is, as Excel writes a reference. */
export function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}
