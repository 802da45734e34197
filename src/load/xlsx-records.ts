// Reading a record file kept as a workbook (members.xlsx, activities/2019.xlsx,
// assessments/2019.xlsx) into the same raw records as its CSV twin: the sheet named in mj.yaml
// or the first, its header found below any title rows, 序号 columns, 合计 rows and footer lines
// left out, each value the text Excel shows (a date as YYYY-MM-DD, a serial in a date column as
// its day). Every position is a cell: line = row, column = column. Ids Excel stores as numbers
// are named once per column: shown with zeros by a 0000 format (a warning), or with their zeros
// lost (an error).

import type { Code } from '../diagnostics/codes.js';
import { RECORD_FIELDS, knownHeaders, type RecordKind } from '../schema/fields.js';
import { headerMatcher } from '../schema/synonyms.js';
import { ZipError } from '../source/zip.js';
import { cellRef, openWorkbook, readSheetRows, serialDay, type SheetCell, type SheetRow, type Workbook, type WorkbookFailure } from '../source/xlsx.js';
import type { LoadContext } from './context.js';
import { bytes, reportFailure, resolveInside } from './files.js';
import { trimCell, type RawField, type RecordFile, type RecordSink } from './records.js';
import { findHeader, HEADER_SEARCH_ROWS, rowRole, type TableShape } from './sheet-table.js';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Reports why a workbook could not be read, on the file (and sheet) it is about. */
export function reportWorkbookFailure(ctx: LoadContext, file: string, failure: WorkbookFailure, what: string): void {
  const at = { file, line: 0, column: 0 };
  switch (failure.kind) {
    case 'encrypted':
      return ctx.report({ ...at, code: 'MJ015' });
    case 'legacy-xls':
      return ctx.report({ ...at, code: 'MJ016' });
    case 'not-a-workbook':
      return ctx.report({ ...at, code: 'MJ017', params: { reason: '@not-a-workbook' } });
    case 'corrupt':
      return ctx.report({ ...at, code: 'MJ017', params: { reason: failure.reason } });
    case 'bomb':
      return ctx.report({ ...at, code: 'MJ018', params: { size: bytes(failure.size), limit: bytes(failure.limit), ratio: failure.ratio } });
    case 'no-such-sheet':
      return ctx.report({ ...at, code: 'MJ019', params: { sheet: failure.sheet, sheets: failure.sheets.join('、') } });
    case 'no-sheet':
      return ctx.report({ ...at, code: 'MJ020', params: { sheet: '', why: '@empty-sheet' } });
    case 'not-a-worksheet':
      return ctx.report({ ...at, code: 'MJ020', params: { sheet: failure.sheet, why: `@chartsheet:${failure.type}` } });
    default:
      return reportFailure(ctx, file, failure, what);
  }
}

/** A cell's value for a field of this kind: dates as days, serials in date columns as their day, 是/否 from TRUE/FALSE. */
export function cellValue(cell: SheetCell, kind: string, values: readonly string[] | undefined, date1904: boolean): string {
  if ((kind === 'date' || kind === 'month') && cell.kind === 'number' && cell.number !== undefined && !cell.padded) {
    const day = serialDay(cell.number, date1904);
    if (day && cell.number >= 1000) return `${day.y}-${pad2(day.m)}-${pad2(day.d)}`;
  }
  if (cell.kind === 'bool' && values?.includes('是')) return cell.text === 'TRUE' ? '是' : '否';
  return cell.text;
}

/** Number-stored ids of one column, for the once-per-column reports. */
class NumberIds {
  readonly padded: string[] = [];
  readonly plain: { ref: string; text: string }[] = [];
  /** Widths of ids written as digits with a leading zero (text, or a 0000 format). */
  width = 0;
  format = '';
  firstPadded: { row: number; col: number } | undefined;
  firstPlain: { row: number; col: number } | undefined;
}

const listCells = (refs: readonly string[]): string => (refs.length <= 8 ? refs.join(', ') : `${refs.slice(0, 8).join(', ')} …`);

export async function readXlsxRecords(ctx: LoadContext, file: string, kind: RecordKind, what: string, sink: RecordSink): Promise<boolean> {
  const abs = await resolveInside(ctx, file);
  if (abs === undefined) return false;
  const max = ctx.limits.maxFileBytes;
  const opened = await openWorkbook(abs, { sheet: ctx.declared.sheets.get(file), limits: { maxFileBytes: max, maxInflatedBytes: max } });
  if (!opened.ok) {
    reportWorkbookFailure(ctx, file, opened.failure, what);
    return false;
  }
  const book = opened.book;
  const sheet = book.sheet.name;
  ctx.facts.set(file, { path: abs, sheet });
  if (book.reachesLastRow) {
    ctx.report({ code: 'MJ021', file, line: 0, column: 0 });
    return false;
  }
  const reader = new SheetRecords(ctx, file, kind, sheet, book, sink);
  let result;
  try {
    result = await readSheetRows(book, (row) => reader.row(row));
  } catch (e) {
    if (e instanceof ZipError) result = { ok: false as const, failure: e.failure };
    else throw e;
  }
  if (!result.ok) {
    reportWorkbookFailure(ctx, file, result.failure, what);
    return false;
  }
  reader.finish();
  return true;
}

/** Turns the rows of a sheet into raw records of a kind. */
class SheetRecords {
  private readonly head: SheetRow[] = [];
  private shape: TableShape | undefined;
  private rf: RecordFile | undefined;
  private byCol = new Map<number, number>();
  private records = 0;
  private searching = true;
  private readonly specs;
  private readonly lookup;
  private readonly numbers = new Map<number, NumberIds>();

  constructor(
    private readonly ctx: LoadContext,
    private readonly file: string,
    private readonly kind: RecordKind,
    private readonly sheet: string,
    private readonly book: Workbook,
    private readonly sink: RecordSink,
  ) {
    this.specs = RECORD_FIELDS[kind];
    this.lookup = headerMatcher(kind, true);
  }

  row(r: SheetRow): void {
    if (!this.searching) return this.data(r);
    this.head.push(r);
    if (this.head.length >= HEADER_SEARCH_ROWS) this.settle();
  }

  /** Finds the header among the rows held so far, then reads the rows after it. */
  private settle(): void {
    this.searching = false;
    const shape = findHeader(this.head, this.lookup);
    if (!shape) return;
    this.shape = shape;
    this.onHeader(shape);
    const last = shape.headerRows[shape.headerRows.length - 1]!;
    for (const r of this.head) if (r.row > last) this.data(r);
  }

  private onHeader(shape: TableShape): void {
    const { ctx, file, specs } = this;
    const labels = specs.map((s) => s.label);
    const seen = new Map<number, number>();
    for (const [col, h] of [...shape.columns.entries()].sort((a, b) => a[0] - b[0])) {
      if (h.kind === 'serial') continue;
      if (h.kind === 'unknown') {
        if (h.label !== '') {
          ctx.report({
            code: 'MJ104', file, line: h.row, column: col, params: { column: h.label },
            suggest: { value: h.label, pool: 'columns', candidates: knownHeaders(this.kind) },
          });
        }
        continue;
      }
      const first = seen.get(h.field);
      if (first !== undefined) {
        ctx.report({ code: 'MJ106', file, line: h.row, column: col, params: { column: h.label, first: cellRef(h.row, first), key: specs[h.field]!.key } });
        continue;
      }
      seen.set(h.field, col);
      labels[h.field] = h.label;
      this.byCol.set(col, h.field);
    }
    const absent = new Set<number>();
    const line = shape.headerRows[0]!;
    specs.forEach((s, i) => {
      if (seen.has(i)) return;
      absent.add(i);
      if (s.required) ctx.report({ code: 'MJ105', file, line, column: 0, field: s.key, params: { column: `${s.label}（${s.key}）` } });
    });
    this.rf = { file, kind: this.kind, labels, absent, sheet: this.sheet };
  }

  private data(r: SheetRow): void {
    const shape = this.shape;
    const rf = this.rf;
    if (!shape || !rf) return;
    if (rowRole(r, shape) !== 'record') return;
    this.records++;
    const n = this.specs.length;
    const values: RawField[] = new Array<RawField>(n).fill(undefined);
    const lines: number[] = new Array<number>(n).fill(r.row);
    const cols: number[] = new Array<number>(n).fill(0);
    let reported: Set<number> | undefined;
    for (const cell of r.cells) {
      const i = this.byCol.get(cell.col);
      if (i === undefined) continue;
      const spec = this.specs[i]!;
      cols[i] = cell.col;
      if (cell.kind === 'no-value' || cell.kind === 'error') {
        const code: Code = cell.kind === 'no-value' ? 'MJ223' : 'MJ224';
        this.ctx.report({ code, file: this.file, line: r.row, column: cell.col, field: spec.key, label: rf.labels[i] ?? spec.label, params: { formula: cell.formula ?? '', value: cell.text } });
        (reported ??= new Set()).add(i);
        continue;
      }
      if ((spec.kind === 'id' || spec.kind === 'list-id') && cell.kind === 'number') this.numberId(cell, r.row);
      else if ((spec.kind === 'id' || spec.kind === 'list-id') && /^0\d+$/.test(cell.text.trim())) {
        const ids = this.idsOf(cell.col);
        ids.width = Math.max(ids.width, cell.text.trim().length);
      }
      values[i] = trimCell(cellValue(cell, spec.kind, spec.values, this.book.date1904));
    }
    this.sink({ line: r.row, values, lines, cols, ...(reported ? { reported } : {}) }, rf);
  }

  private idsOf(col: number): NumberIds {
    let ids = this.numbers.get(col);
    if (!ids) this.numbers.set(col, (ids = new NumberIds()));
    return ids;
  }

  private numberId(cell: SheetCell, row: number): void {
    const ids = this.idsOf(cell.col);
    const ref = cellRef(row, cell.col);
    if (cell.padded) {
      ids.padded.push(ref);
      ids.format = cell.numFmt ?? '';
      ids.width = Math.max(ids.width, cell.text.length);
      ids.firstPadded ??= { row, col: cell.col };
    } else {
      ids.plain.push({ ref, text: cell.text });
      ids.firstPlain ??= { row, col: cell.col };
    }
  }

  finish(): void {
    if (this.searching) this.settle();
    const { ctx, file, sheet } = this;
    if (!this.shape) {
      const empty = this.head.length === 0;
      ctx.report({ code: 'MJ020', file, line: 0, column: 0, params: { sheet, why: empty ? '@empty-sheet' : '@no-header' } });
      return;
    }
    const rf = this.rf!;
    for (const [col, ids] of [...this.numbers.entries()].sort((a, b) => a[0] - b[0])) {
      const i = this.byCol.get(col)!;
      const label = rf.labels[i]!;
      const field = this.specs[i]!.key;
      if (ids.padded.length > 0 && ids.firstPadded) {
        ctx.report({ code: 'MJ221', file, line: ids.firstPadded.row, column: col, field, label, params: { label, n: ids.padded.length, format: ids.format, cells: listCells(ids.padded) } });
      }
      const lost = ids.plain.filter((p) => /^\d+$/.test(p.text) && p.text.length < ids.width);
      if (lost.length > 0) {
        const first = lost[0]!;
        const m = /^([A-Z]+)(\d+)$/.exec(first.ref)!;
        ctx.report({ code: 'MJ222', file, line: Number(m[2]), column: col, field, label, params: { label, n: lost.length, cells: listCells(lost.map((p) => p.ref)), value: first.text, width: ids.width } });
      }
    }
    // An empty roster is an error of its own (MJ014, load/members.ts).
    if (this.records === 0 && this.kind !== 'members') ctx.report({ code: 'MJ011', file, line: this.shape.headerRows[0]!, column: 0, severity: 'warning' });
  }
}
