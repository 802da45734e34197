// Table → an XLSX workbook a clerk can print and hand in: a merged title row, the header
// (repeated on every printed page), the rows with numbers as numbers (formatted 0.00 / 0.0%)
// and ids as text, bold subtotal and total rows, the notes, and 填表单位 / 填表日期; page
// numbers in the footer. Printed on A4 landscape with body text never below 8 pt: a table
// that fits at 80 % or more is printed one page wide; a wider one goes across several pages
// with its name columns repeated on each. Row heights hold their wrapped text and manual page
// breaks keep the notes with the last rows (see xlsx-layout.ts for the measures). Bytes are
// deterministic: fixed document dates and zip entry times. exceljs is loaded only when an
// XLSX is written.

import type { Font, Workbook } from 'exceljs';
import type { Cell, Column, Table } from '../tables/table.js';
import { Rational } from '../util/decimal-text.js';
import { formatCell, xlsxText, isNumeric } from './cells.js';
import {
  a4, BODY_FONT, BODY_SIZE, MARGINS, pageBreaks, pageFooter, PT_PER_UNIT_DESIGN, PT_PER_UNIT_WIDE, rowHeight, sheetName as validSheetName,
  textPoints, TITLE_FONT, TITLE_SIZE, unitsFor, wrappedLines,
} from './xlsx-layout.js';

export interface XlsxOptions {
  /** 填表单位: the dataset's name. */
  readonly unit: string;
  /** 填表日期, as given by --date; blank when undefined (never the clock). */
  readonly date: string | undefined;
  readonly lang: 'zh' | 'en';
}

/** Every document date in the workbook. */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** Number formats by column kind. A quantity (already at most 2 decimals) shows as General: Excel prints 0.## as "16." for 16. */
const NUM_FORMAT: Partial<Record<string, string>> = { int: '0', points: '0.00', ratio: '0.0%', number: 'General' };

/** The smallest print scale: 10 pt body text stays at 8 pt or more. */
const MIN_SCALE = 0.8;
/** The scale of a table printed across several pages. */
const SPLIT_SCALE = 0.9;
/** Text columns wrap beyond this width unless the page has room to spare. */
const TEXT_CAP = 24;
/** More manual breaks than Excel keeps (1026): leave the paging to the application. */
const MAX_BREAKS = 1000;

/** A sheet name Excel accepts (see xlsx-layout.ts). */
export const sheetName = validSheetName;

export const THIN_BORDER = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
export const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as const;

/** The named font of every body cell (see xlsx-layout.ts for the choice). */
export function bodyFont(bold = false, size: number = BODY_SIZE): Partial<Font> {
  return bold ? { ...BODY_FONT, size, bold: true } : { ...BODY_FONT, size };
}

/** A workbook with mj's fixed document properties. */
export async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mj';
  wb.lastModifiedBy = 'mj';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.lastPrinted = FIXED_DATE;
  return wb;
}

/** The workbook's bytes, with the zip's entry times fixed. */
export async function workbookBytes(wb: Workbook): Promise<Uint8Array> {
  return fixZipTimes(new Uint8Array(await wb.xlsx.writeBuffer()));
}

const numeric = (c: Column): boolean => c.kind === 'int' || c.kind === 'points' || c.kind === 'ratio' || c.kind === 'number';

/** A cell as shown: numbers as the human format (what decides the column width), text guarded. */
function shown(v: Cell, col: Column): string {
  if (v === null) return '';
  if (isNumeric(v)) return formatCell(v, col, 'human');
  return xlsxText(String(v instanceof Rational ? v.toShort() : v));
}

/** How a table is laid out on paper; everything in column-width units and points. */
export interface TablePlan {
  readonly widths: number[];
  /** Text columns of short words, centred. */
  readonly center: boolean[];
  /** Print scale, 0.8 … 1. */
  readonly scale: number;
  /** Wider than one page: printed across pages. */
  readonly split: boolean;
  /** Leading columns printed on every page across (print titles). */
  readonly repeatColumns: number;
  /** Planned to fit one page wide even where a column unit is widest. */
  readonly robust: boolean;
  /** Columns the title, notes and footer span: spanFrom … spanColumns, on the first page wherever it is printed. */
  readonly spanFrom: number;
  readonly spanColumns: number;
}

/**
 * Column widths and print scale for a table (pure). A `robust` plan fits the page even where a
 * unit is widest (LibreOffice without Carlito), when it can at MIN_SCALE or more; otherwise
 * plans are made for Excel and LibreOffice with Carlito.
 */
export function planTable(table: Table, robust = false): TablePlan {
  const cols = table.columns;
  const data = cols.map(() => 0);
  const dataRowsOnly = cols.map(() => 0);
  for (const row of table.rows) {
    row.cells.forEach((v, i) => {
      const col = cols[i];
      if (!col) return;
      const w = textPoints(shown(v, col), BODY_SIZE, row.kind !== 'data');
      data[i] = Math.max(data[i]!, w);
      if (row.kind === 'data') dataRowsOnly[i] = Math.max(dataRowsOnly[i]!, w);
    });
  }
  // Short words (是/否, 完成, a grade) read better centred.
  const center = cols.map((c, i) => c.kind === 'text' && dataRowsOnly[i]! <= 4 * BODY_SIZE);
  const natural: number[] = [];
  const widths = cols.map((c, i) => {
    const head = textPoints(c.header, BODY_SIZE, true);
    const fit = unitsFor(data[i]!);
    if (numeric(c)) return Math.max(fit, Math.min(unitsFor(head), Math.max(7, unitsFor(head / 3))), 5);
    if (c.kind === 'id') return Math.max(fit, Math.min(unitsFor(head), Math.max(7, unitsFor(head / 2))), 5);
    const want = Math.max(fit, Math.min(unitsFor(head), Math.max(8, unitsFor(head / 2))), 6);
    natural[i] = want;
    return Math.min(want, TEXT_CAP);
  });
  const page = a4('landscape');
  const total = (): number => widths.reduce((a, b) => a + b, 0);
  let scale: number;
  let split = false;
  const perUnit = robust && page.width / (total() * PT_PER_UNIT_WIDE) >= MIN_SCALE ? PT_PER_UNIT_WIDE : PT_PER_UNIT_DESIGN;
  const fits = (units: number): number => page.width / (units * perUnit);
  if (fits(total()) >= MIN_SCALE) {
    // Text columns that wrap get room: first what the page has to spare, then, for long text,
    // more in exchange for a smaller print (never below MIN_SCALE).
    let spare = Math.floor(page.width / (perUnit * MIN_SCALE)) - total();
    const wrapping = widths.map((w, i) => ({ i, deficit: (natural[i] ?? w) - w })).filter((x) => x.deficit > 0).sort((a, b) => b.deficit - a.deficit || a.i - b.i);
    const atFull = Math.max(0, Math.floor(page.width / perUnit) - total());
    const wanted = wrapping.reduce((a, x) => a + x.deficit, 0);
    if (wanted <= atFull) spare = atFull;
    for (const x of wrapping) {
      const add = Math.floor(Math.min(x.deficit, Math.max(0, spare)));
      widths[x.i] = widths[x.i]! + add;
      spare -= add;
    }
    scale = Math.min(1, Math.floor(fits(total()) * 100) / 100);
  } else {
    scale = SPLIT_SCALE;
    split = true;
  }
  // Repeated on every page across: the leading columns up to the first text column (rank and
  // name, or id and name), if they leave most of the page for the rest. A table planned one
  // page wide repeats them too, for a printer whose columns come out wider than planned.
  let repeatColumns = 0;
  {
    const first = cols.findIndex((c) => c.kind === 'text');
    const lead = first < 0 ? 0 : first + 1;
    const leadWidth = widths.slice(0, lead).reduce((a, b) => a + b, 0);
    if (lead > 0 && leadWidth * PT_PER_UNIT_DESIGN * scale <= page.width * 0.35) repeatColumns = lead;
  }
  // The columns on the first page even where a unit is widest; in a split table the title and
  // notes start after the repeated columns, which would otherwise print a clipped piece of
  // them on every page.
  let spanColumns = 0;
  let span = 0;
  for (const w of widths) {
    if ((span + w) * PT_PER_UNIT_WIDE * scale > page.width && spanColumns > repeatColumns) break;
    span += w;
    spanColumns++;
  }
  const spanFrom = split ? repeatColumns + 1 : 1;
  return { widths, center, scale, split, repeatColumns, spanFrom, spanColumns, robust: perUnit === PT_PER_UNIT_WIDE };
}

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export async function renderXlsx(table: Table, options: XlsxOptions): Promise<Uint8Array> {
  const wb = await newWorkbook();
  addTableSheet(wb, table, options, sheetName(table.title));
  return workbookBytes(wb);
}

/**
 * Adds a table as one printable sheet (the layout above) to a workbook. In a workbook of several
 * sheets (`ownPages`), its footer counts its own pages where they are known.
 */
export function addTableSheet(wb: Workbook, table: Table, options: XlsxOptions, name: string, ownPages = false): void {
  const zh = options.lang === 'zh';
  const n = table.columns.length;
  const plan = planTable(table, ownPages);
  const { widths, scale, split } = plan;
  const page = a4('landscape');
  const ws = wb.addWorksheet(name, {
    views: [split && plan.repeatColumns > 0 ? { state: 'frozen', xSplit: plan.repeatColumns, ySplit: 2 } : { state: 'frozen', ySplit: 2 }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: false, scale: Math.round(scale * 100), margins: { ...MARGINS },
      horizontalCentered: !split, printTitlesRow: '2:2',
      ...(split ? { pageOrder: 'overThenDown' as const } : {}),
      ...(plan.repeatColumns > 0 ? { printTitlesColumn: `A:${columnLetter(plan.repeatColumns)}` } : {}),
    },
    headerFooter: { oddFooter: pageFooter(options.unit, options.lang) },
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const heights: number[] = [];
  const spanWidth = (from: number, to: number): number => widths.slice(from - 1, to).reduce((a, b) => a + b, 0);

  // Title: across the whole table, or across the first page of a split one.
  const from = plan.spanFrom;
  const titleTo = split ? plan.spanColumns : n;
  const title = ws.getRow(1).getCell(from);
  title.value = xlsxText(table.title);
  title.font = { ...TITLE_FONT, size: TITLE_SIZE, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  heights.push(rowHeight(wrappedLines(table.title, spanWidth(from, titleTo), TITLE_SIZE, true), TITLE_SIZE) + 6);
  if (titleTo > from) ws.mergeCells(1, from, 1, titleTo);

  // Header.
  const head = ws.getRow(2);
  let headLines = 1;
  table.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = xlsxText(c.header);
    cell.font = bodyFont(true);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
    cell.fill = HEADER_FILL;
    headLines = Math.max(headLines, wrappedLines(c.header, widths[i]!, BODY_SIZE, true));
  });
  heights.push(rowHeight(headLines, BODY_SIZE));

  // Rows.
  let at = 3;
  for (const row of table.rows) {
    const xr = ws.getRow(at++);
    const bold = row.kind !== 'data';
    let lines = 1;
    row.cells.forEach((v, i) => {
      const col = table.columns[i]!;
      const cell = xr.getCell(i + 1);
      if (v === null) cell.value = null;
      else if (isNumeric(v)) {
        cell.value = Number(formatCell(v, col, 'machine'));
        const fmt = NUM_FORMAT[col.kind];
        if (fmt) cell.numFmt = fmt;
      } else {
        const text = shown(v, col);
        cell.value = text;
        if (col.kind === 'id') cell.numFmt = '@';
        else lines = Math.max(lines, wrappedLines(text, widths[i]!, BODY_SIZE, bold));
      }
      cell.border = THIN_BORDER;
      cell.font = bodyFont(bold);
      const left = col.kind === 'text' || col.kind === 'id';
      const horizontal = plan.center[i] ? 'center' : left ? 'left' : 'right';
      cell.alignment = { vertical: 'middle', horizontal, ...(col.kind === 'text' ? { wrapText: true } : {}) };
    });
    heights.push(rowHeight(lines, BODY_SIZE));
  }
  const tail = at;

  // Notes and the closing line, across the columns of the first page.
  const to = Math.max(from, plan.spanColumns);
  const spanUnits = spanWidth(from, to);
  const gap = (): void => {
    heights.push(6);
    at++;
  };
  const merged = (text: string, bold = false): void => {
    const cell = ws.getRow(at).getCell(from);
    cell.value = xlsxText(text);
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    cell.font = bodyFont(bold);
    if (to > from) ws.mergeCells(at, from, at, to);
    heights.push(rowHeight(wrappedLines(text, spanUnits, BODY_SIZE, bold), BODY_SIZE));
    at++;
  };
  gap();
  if (table.notes.length > 0) {
    merged(zh ? '说明：' : 'Notes:', true);
    table.notes.forEach((note, i) => merged(`${i + 1}. ${note}`));
  }
  gap();
  // 填表单位 on the left half, 填表日期 on the right half.
  const footer = ws.getRow(at);
  const unitText = xlsxText(`${zh ? '填表单位：' : 'Compiled by: '}${options.unit}`);
  const dateText = xlsxText(`${zh ? '填表日期：' : 'Date: '}${options.date ?? ''}`);
  const unitCell = footer.getCell(from);
  unitCell.value = unitText;
  unitCell.font = bodyFont();
  const half = to > from ? from + Math.floor((to - from + 1) / 2) - 1 : from;
  const dateCell = footer.getCell(half + 1);
  dateCell.value = dateText;
  dateCell.font = bodyFont();
  let footerLines = 1;
  if (to > from) {
    if (half > from) ws.mergeCells(at, from, at, half);
    if (to > half + 1) ws.mergeCells(at, half + 1, at, to);
    unitCell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    dateCell.alignment = { horizontal: 'right', vertical: 'middle', wrapText: true };
    footerLines = Math.max(wrappedLines(unitText, spanWidth(from, half), BODY_SIZE), wrappedLines(dateText, spanWidth(half + 1, to), BODY_SIZE));
  }
  heights.push(rowHeight(footerLines, BODY_SIZE));

  heights.forEach((h, i) => {
    ws.getRow(i + 1).height = h;
  });
  const breaks = pageBreaks(heights, { pageHeight: page.height, scale, repeat: { from: 2, to: 2 }, body: 3, tail });
  if (breaks.length <= MAX_BREAKS) for (const b of breaks) ws.getRow(b).addPageBreak();
  if (ownPages && plan.robust && breaks.length <= MAX_BREAKS) {
    ws.pageSetup.firstPageNumber = 1;
    ws.headerFooter.oddFooter = pageFooter(options.unit, options.lang, breaks.length + 1);
  }
}

/**
 * Sets every entry's modification time in the zip (local headers and central directory) to
 * 1980-01-01 00:00, the DOS epoch: the zip library stamps the clock there. Times are not part
 * of an entry's CRC, so patching them keeps the archive valid.
 */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('xlsx: no end of central directory');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (let k = 0; k < entries; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('xlsx: bad central directory');
    view.setUint16(p + 12, 0, true);
    view.setUint16(p + 14, DOS_DATE, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('xlsx: bad local header');
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, DOS_DATE, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return zip;
}
