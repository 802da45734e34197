// Table → an XLSX workbook a clerk can hand in: a merged title row, the header, the rows with
// numbers as numbers (formatted 0.00 / 0.0%) and ids as text, bold subtotal and total rows, the
// notes, and a footer with 填表单位 and 填表日期. Frozen header, A4 landscape fit to width,
// CJK-aware column widths. Bytes are deterministic: fixed document dates and zip entry times.
// exceljs is loaded only when an XLSX is written.

import type { Table } from '../tables/table.js';
import { Rational } from '../util/decimal-text.js';
import { displayWidth } from '../util/width.js';
import { formatCell, guardFormula, isNumeric } from './cells.js';

export interface XlsxOptions {
  /** 填表单位: the dataset's name. */
  readonly unit: string;
  /** 填表日期, as given by --date; blank when undefined (never the clock). */
  readonly date: string | undefined;
  readonly lang: 'zh' | 'en';
}

/** Every document date in the workbook. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

const NUM_FORMAT: Partial<Record<string, string>> = { int: '0', points: '0.00', ratio: '0.0%', number: '0.##' };

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\. */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').trim();
  return [...clean].slice(0, 31).join('') || 'Sheet1';
}

export async function renderXlsx(table: Table, options: XlsxOptions): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mj';
  wb.lastModifiedBy = 'mj';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.lastPrinted = FIXED_DATE;
  const zh = options.lang === 'zh';
  const n = table.columns.length;
  const ws = wb.addWorksheet(sheetName(table.title), {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });

  // Title.
  const title = ws.getRow(1);
  title.getCell(1).value = table.title;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  if (n > 1) ws.mergeCells(1, 1, 1, n);

  // Header.
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const head = ws.getRow(2);
  table.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = guardFormula(c.header);
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });

  // Rows.
  const widths = table.columns.map((c) => Math.min(14, displayWidth(c.header)));
  let r = 0;
  for (const row of table.rows) {
    const xr = ws.getRow(3 + r++);
    row.cells.forEach((v, i) => {
      const col = table.columns[i]!;
      const cell = xr.getCell(i + 1);
      if (v === null) cell.value = null;
      else if (isNumeric(v)) {
        const text = formatCell(v, col, 'machine');
        cell.value = Number(text);
        const fmt = NUM_FORMAT[col.kind];
        if (fmt) cell.numFmt = fmt;
        widths[i] = Math.max(widths[i]!, displayWidth(formatCell(v, col, 'human')));
      } else {
        const text = guardFormula(String(v instanceof Rational ? v.toShort() : v));
        cell.value = text;
        if (col.kind === 'id') cell.numFmt = '@';
        widths[i] = Math.max(widths[i]!, displayWidth(text));
      }
      cell.border = border;
      if (row.kind !== 'data') cell.font = { bold: true };
      cell.alignment = { vertical: 'middle', horizontal: col.kind === 'text' || col.kind === 'id' ? 'left' : 'right' };
    });
  }
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = Math.max(6, Math.min(40, w + 2));
  });

  // Notes and footer.
  let at = 3 + table.rows.length + 1;
  const merged = (text: string, bold = false): void => {
    const cell = ws.getRow(at).getCell(1);
    cell.value = guardFormula(text);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (bold) cell.font = { bold: true };
    if (n > 1) ws.mergeCells(at, 1, at, n);
    at++;
  };
  if (table.notes.length > 0) {
    merged(zh ? '说明：' : 'Notes:', true);
    table.notes.forEach((note, i) => merged(`${i + 1}. ${note}`));
  }
  at++;
  const footer = ws.getRow(at);
  footer.getCell(1).value = guardFormula(`${zh ? '填表单位：' : 'Compiled by: '}${options.unit}`);
  const dateCol = Math.max(2, n - 2);
  footer.getCell(dateCol).value = `${zh ? '填表日期：' : 'Date: '}${options.date ?? ''}`;

  const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
  return fixZipTimes(buffer);
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
