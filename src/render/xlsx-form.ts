// Score forms → one XLSX workbook: the 评分汇总表 first (a table sheet, see xlsx.ts), then one
// A4 portrait sheet per branch, the official 基层支部年度工作量化考核评分表 — title, branch and
// parent, the items down the page with 分类 merged over each section, subtotals, 总分, 等级,
// 否决, and the signature line. Each form is one page wide, and one page long where it fits at
// 80 % (text 8 pt or larger); a longer one continues on a second page with the header repeated,
// breaking between sections.

import type { Cell as ExcelCell, Worksheet } from 'exceljs';
import type { ScoreForm, ScoreFormRow } from '../tables/score-form.js';
import type { Table } from '../tables/table.js';
import type { Rational } from '../util/decimal-text.js';
import { xlsxText } from './cells.js';
import { addTableSheet, bodyFont, HEADER_FILL, newWorkbook, THIN_BORDER, workbookBytes, type XlsxOptions } from './xlsx.js';
import { a4, BODY_SIZE, MARGINS, pageBreaks, pageFooter, rowHeight, TITLE_FONT, TITLE_SIZE, uniqueSheetNames, wrappedLines } from './xlsx-layout.js';

/** Column widths of a form (units): 分类, 考评项目, 评分标准, 分值, 自评, 审核 — 90 units fit A4 portrait. */
const FORM_WIDTHS = [9, 22, 33, 7, 9, 10] as const;

/**
 * The workbook of a year's forms: the summary table, then each form on its own sheet named
 * after the branch (made valid and unique for Excel).
 */
export async function renderScoreForms(summary: Table, forms: readonly ScoreForm[], options: XlsxOptions): Promise<Uint8Array> {
  const wb = await newWorkbook();
  const names = uniqueSheetNames([options.lang === 'zh' ? '评分汇总表' : 'Summary', ...forms.map((f) => f.branchName)]);
  addTableSheet(wb, summary, options, names[0]!, true);
  forms.forEach((form, i) => addFormSheet(wb.addWorksheet(names[i + 1]!, sheetOptions()), form, options));
  return workbookBytes(wb);
}

function sheetOptions(): Parameters<import('exceljs').Workbook['addWorksheet']>[1] {
  return {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: {
      paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { ...FORM_MARGINS },
      horizontalCentered: true, printTitlesRow: '3:3', firstPageNumber: 1,
    },
  };
}

const LAST = FORM_WIDTHS.length;
/** A form's margins: a little narrower at the top and bottom than a table's, for one page. */
const FORM_MARGINS = { ...MARGINS, top: 0.5, bottom: 0.6 } as const;
/** A form's lines: Noto Sans CJK's and SimSun's line height at 10 pt is at most 1.35 em plus the row's 3 pt. */
const FORM_LINE = 1.35;
const formRowHeight = (lines: number, size: number): number => rowHeight(lines, size, FORM_LINE);
/** The smallest scale a form is fitted to one page at: 10 pt body text stays 8 pt. */
const ONE_PAGE_SCALE = 0.8;
/** Points of blank above the signature line and inside its row; the tight space of a form just over one page. */
const SIGN_SPACE = 12;
const SIGN_SPACE_TIGHT = 4;
const units = (from: number, to: number): number => FORM_WIDTHS.slice(from - 1, to).reduce((a, b) => a + b, 0);

function style(cell: ExcelCell, opts: { bold?: boolean; align?: 'left' | 'center' | 'right'; fill?: boolean } = {}): void {
  cell.font = bodyFont(opts.bold === true);
  cell.alignment = { vertical: 'middle', horizontal: opts.align ?? 'left', wrapText: true };
  cell.border = THIN_BORDER;
  if (opts.fill) cell.fill = HEADER_FILL;
}

function number(cell: ExcelCell, v: Rational | undefined, format: string): void {
  if (v === undefined) return;
  cell.value = Number(v.toFixed(2));
  cell.numFmt = format;
}

function addFormSheet(ws: Worksheet, form: ScoreForm, options: XlsxOptions): void {
  FORM_WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const heights: number[] = [];
  const row = (n: number) => ws.getRow(n);

  const title = row(1).getCell(1);
  title.value = xlsxText(form.title);
  title.font = { ...TITLE_FONT, size: TITLE_SIZE, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.mergeCells(1, 1, 1, LAST);
  heights.push(formRowHeight(wrappedLines(form.title, units(1, LAST), TITLE_SIZE, true), TITLE_SIZE) + 6);

  const sub = row(2).getCell(1);
  sub.value = xlsxText(form.subtitle);
  sub.font = bodyFont();
  sub.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.mergeCells(2, 1, 2, LAST);
  heights.push(formRowHeight(wrappedLines(form.subtitle, units(1, LAST), BODY_SIZE), BODY_SIZE) + 4);

  let lines = 1;
  form.headers.forEach((h, i) => {
    const cell = row(3).getCell(i + 1);
    cell.value = xlsxText(h);
    style(cell, { bold: true, align: 'center', fill: true });
    lines = Math.max(lines, wrappedLines(h, FORM_WIDTHS[i]!, BODY_SIZE, true));
  });
  heights.push(formRowHeight(lines, BODY_SIZE));

  // The rows; 分类 is merged over each section's items and subtotal.
  const starts = new Set<number>();
  let at = 4;
  let blockStart = 4;
  const inBlock = (r: ScoreFormRow | undefined): r is ScoreFormRow => r !== undefined && (r.kind === 'item' || r.kind === 'subtotal' || r.kind === 'requirement');
  form.rows.forEach((r, k) => {
    const prev = form.rows[k - 1];
    const next = form.rows[k + 1];
    if (!inBlock(r) || !inBlock(prev) || prev.section !== r.section) {
      blockStart = at;
      starts.add(at);
    }
    heights.push(formRow(ws, at, r));
    if (inBlock(r) && (!inBlock(next) || next.section !== r.section)) {
      const cell = row(blockStart).getCell(1);
      cell.value = xlsxText(r.section);
      style(cell, { bold: true, align: 'center' });
      if (at > blockStart) ws.mergeCells(blockStart, 1, at, 1);
      // The merged section name must fit its rows.
      const need = formRowHeight(wrappedLines(r.section, FORM_WIDTHS[0], BODY_SIZE, true), BODY_SIZE);
      let have = 0;
      for (let q = blockStart; q <= at; q++) have += heights[q - 1]!;
      if (need > have) heights[at - 1] = heights[at - 1]! + (need - have);
    }
    at++;
  });
  const tail = at;
  const spacer = heights.length;
  heights.push(SIGN_SPACE);
  at++;
  const sign = row(at).getCell(1);
  sign.value = xlsxText(form.signatures);
  sign.font = bodyFont();
  sign.alignment = { horizontal: 'left', vertical: 'bottom', wrapText: true };
  ws.mergeCells(at, 1, at, LAST);
  const signLines = formRowHeight(wrappedLines(form.signatures, units(1, LAST), BODY_SIZE), BODY_SIZE);
  heights.push(signLines + SIGN_SPACE);

  const page = a4('portrait', FORM_MARGINS);
  // One page when the form fits at 80 % or more (body text 8 pt or larger); a longer one goes on
  // over pages at full size, breaking between sections. A form just over (a 否决 line more) first
  // gives up most of the blank space above the signature line.
  let total = heights.reduce((a, b) => a + b, 0);
  const room = page.height * 0.97;
  const saved = 2 * (SIGN_SPACE - SIGN_SPACE_TIGHT);
  if (total * ONE_PAGE_SCALE > room && (total - saved) * ONE_PAGE_SCALE <= room) {
    heights[spacer] = SIGN_SPACE_TIGHT;
    heights[spacer + 1] = signLines + SIGN_SPACE_TIGHT;
    total -= saved;
  }
  heights.forEach((h, i) => {
    row(i + 1).height = h;
  });
  if (total > room && total * ONE_PAGE_SCALE <= room) {
    ws.pageSetup.fitToHeight = 1;
    ws.headerFooter.oddFooter = pageFooter(options.unit, options.lang, 1);
    return;
  }
  const breaks = pageBreaks(heights, { pageHeight: page.height, scale: 1, repeat: { from: 3, to: 3 }, body: 4, tail, startsPage: (r) => starts.has(r) });
  for (const b of breaks) row(b).addPageBreak();
  // The form's own page count: the breaks are all there are, as the form is one page wide.
  ws.headerFooter.oddFooter = pageFooter(options.unit, options.lang, breaks.length + 1);
}

/** Writes one form line (columns 2 to 6, or 1 to 6 for the closing lines); returns its height. */
function formRow(ws: Worksheet, at: number, r: ScoreFormRow): number {
  const xr = ws.getRow(at);
  const closing = r.kind === 'total' || r.kind === 'grade' || r.kind === 'veto';
  const bold = r.kind !== 'item' && r.kind !== 'requirement';
  const nameFrom = closing ? 1 : 2;
  const name = xr.getCell(nameFrom);
  name.value = xlsxText(r.name);
  style(name, { bold, align: bold ? 'center' : 'left' });
  if (closing) {
    style(xr.getCell(2), { bold });
    ws.mergeCells(at, 1, at, 2);
  }
  const standard = xr.getCell(3);
  standard.value = xlsxText(r.standard);
  style(standard);
  const full = xr.getCell(4);
  style(full, { bold, align: 'right' });
  number(full, r.full, 'General');
  const self = xr.getCell(5);
  style(self, { bold, align: 'right' });
  number(self, r.self, '0.00');
  const result = xr.getCell(6);
  if (typeof r.result === 'string') {
    result.value = xlsxText(r.result);
    style(result, { bold, align: 'center' });
  } else {
    style(result, { bold, align: 'right' });
    number(result, r.result, '0.00');
  }
  const lines = Math.max(
    wrappedLines(r.name, closing ? units(1, 2) : FORM_WIDTHS[1], BODY_SIZE, bold),
    wrappedLines(r.standard, FORM_WIDTHS[2], BODY_SIZE),
    typeof r.result === 'string' ? wrappedLines(r.result, FORM_WIDTHS[5], BODY_SIZE, bold) : 1,
  );
  return formRowHeight(lines, BODY_SIZE);
}
