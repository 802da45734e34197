// Checks and converts one raw record's fields by kind (ids, dates, list values, numbers),
// reporting each problem at the field's own line and column. Used by the decoders of members,
// activities and assessments.

import type { Day } from '../model/types.js';
import { formatDay, fromExcelSerial, parseDate, parseMonthOrDate } from '../util/dates.js';
import { RECORD_FIELDS } from '../schema/fields.js';
import { wronglySeparated } from '../util/separators.js';
import type { FieldPlacer, PlaceExtra } from '../checks/place.js';
import { CODES, type Code } from '../diagnostics/codes.js';
import type { DiagnosticInput, Params, Suggest } from '../diagnostics/diagnostic.js';
import type { LoadContext } from './context.js';
import type { RawRecord, RecordFile } from './records.js';

const ORG_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const SIGNED_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/** An id written as a number in scientific form (Excel's 1.23E+17): its digits are lost (MJ205). */
export function looksScientific(v: string): boolean {
  return SCIENTIFIC.test(v);
}

/** An org id of a form an org id may have (else MJ204, or MJ205 when it looks scientific). */
export function isOrgIdForm(v: string): boolean {
  return !SCIENTIFIC.test(v) && ORG_ID.test(v);
}

/** "Did you mean 2005-03-15?" for a number Excel shows instead of a date. */
function excelSerialHint(v: string): { suggest?: Suggest } {
  const day = fromExcelSerial(v);
  return day === undefined ? {} : { suggest: { value: v, pool: 'values', answer: formatDay(day) } };
}

/** Offset of the k-th non-empty item of a `;`-separated cell, past its leading spaces. */
function itemOffset(cell: string, k: number): number {
  let start = 0;
  let n = 0;
  for (let i = 0; i <= cell.length; i++) {
    const c = cell[i];
    if (i === cell.length || c === ';' || c === '；') {
      const piece = cell.slice(start, i);
      if (piece.trim() !== '') {
        if (n === k) return start + (piece.length - piece.trimStart().length);
        n++;
      }
      start = i + 1;
    }
  }
  return 0;
}

export class FieldReader implements FieldPlacer {
  /** Set when any field of the record had an error. */
  bad = false;

  constructor(
    private readonly ctx: LoadContext,
    private readonly file: RecordFile,
    private readonly rec: RawRecord,
  ) {
    // A control character was reported when the record was read (MJ214): it is not used.
    if (rec.tainted === true) this.bad = true;
  }

  private spec(i: number) {
    return RECORD_FIELDS[this.file.kind][i]!;
  }

  /** A problem in field i, placed at the field's line and column (not yet reported). */
  at(i: number, code: Code, params: Params = {}, extra: PlaceExtra = {}): DiagnosticInput {
    const spec = this.spec(i);
    const label = this.file.labels[i] ?? spec.label;
    const { offset, ...rest } = extra;
    return {
      // In a sheet a column is a cell: an item inside it moves no column.
      code, file: this.file.file, line: this.rec.lines[i] ?? this.rec.line, column: (this.rec.cols[i] || 1) + (this.file.sheet === undefined ? offset ?? 0 : 0),
      field: spec.key, label, params: { label, ...params }, ...rest,
    };
  }

  /** A problem with the k-th item of a list field, placed at the item inside the cell. */
  atItem(i: number, k: number, code: Code, params: Params = {}, extra: { suggest?: Suggest } = {}): DiagnosticInput {
    const v = this.rec.values[i];
    const offset = typeof v === 'string' ? itemOffset(v, k) : 0;
    const item = this.list(i)[k] ?? '';
    return this.at(i, code, params, { ...extra, span: item.length, offset });
  }

  /** Reports a problem; an error marks the record bad (it is not used). */
  add(d: DiagnosticInput): void {
    this.ctx.report(d);
    if ((d.severity ?? CODES[d.code]) === 'error') this.bad = true;
  }

  /** Reports a problem in field i. */
  report(i: number, code: Code, params: Params = {}, extra: PlaceExtra = {}): void {
    this.add(this.at(i, code, params, extra));
  }

  /** Reports a problem with one item of a list field, pointing at the item inside the cell. */
  reportItem(i: number, k: number, code: Code, params: Params = {}, extra: { suggest?: Suggest } = {}): void {
    this.add(this.atItem(i, k, code, params, extra));
  }

  /** The field's single text, or undefined; a required empty field is reported. */
  raw(i: number): string | undefined {
    const v = this.rec.values[i];
    if (this.rec.reported?.has(i)) {
      this.bad = true;
      return undefined;
    }
    if (v === undefined) {
      if (this.spec(i).required && !this.file.absent.has(i)) this.report(i, 'MJ201');
      return undefined;
    }
    return typeof v === 'string' ? v : v.join(';');
  }

  text(i: number): string | undefined {
    return this.raw(i);
  }

  id(i: number): string | undefined {
    const v = this.raw(i);
    if (v === undefined) return undefined;
    if (looksScientific(v)) {
      this.report(i, 'MJ205', { value: v }, { span: v.length });
      return undefined;
    }
    return v;
  }

  orgId(i: number): string | undefined {
    const v = this.id(i);
    if (v === undefined) return undefined;
    if (!isOrgIdForm(v)) {
      this.report(i, 'MJ204', { value: v }, { span: v.length, suggest: { value: v, pool: 'orgs' } });
      return undefined;
    }
    return v;
  }

  date(i: number): Day | undefined {
    const v = this.raw(i);
    if (v === undefined) return undefined;
    const r = parseDate(v);
    if (r.ok) return r.day;
    this.report(i, 'MJ202', { value: v, why: r.reason === 'calendar' ? '@no-such-day' : '' }, { span: v.length, ...excelSerialHint(v) });
    return undefined;
  }

  month(i: number): Day | undefined {
    const v = this.raw(i);
    if (v === undefined) return undefined;
    const r = parseMonthOrDate(v);
    if (r.ok) return r.day;
    if (r.reason === 'excel-damaged') this.report(i, 'MJ206', { value: v, year: r.year, month: r.month }, { span: v.length });
    else this.report(i, 'MJ202', { value: v, why: r.reason === 'calendar' ? '@no-such-day' : '@month-form' }, { span: v.length, ...excelSerialHint(v) });
    return undefined;
  }

  oneOf<T extends string>(i: number, values: readonly T[]): T | undefined {
    const v = this.raw(i);
    if (v === undefined) return undefined;
    // The list's own string: one copy for every record that holds it.
    const k = (values as readonly string[]).indexOf(v);
    if (k >= 0) return values[k];
    this.report(i, 'MJ203', { value: v }, { span: v.length, suggest: { value: v, pool: 'values', candidates: values } });
    return undefined;
  }

  /** A `;`-separated list (or a YAML list); empty items are dropped. */
  list(i: number): string[] {
    const v = this.rec.values[i];
    if (this.rec.reported?.has(i)) {
      this.bad = true;
      return [];
    }
    if (v === undefined) {
      if (this.spec(i).required && !this.file.absent.has(i)) this.report(i, 'MJ201');
      return [];
    }
    const items = typeof v === 'string' ? v.split(/[;；]/) : [...v];
    const out: string[] = [];
    for (const item of items) {
      const t = item.trim();
      if (t !== '') out.push(t);
    }
    return out;
  }

  listOf<T extends string>(i: number, values: readonly T[] | ReadonlySet<string>): T[] {
    const out: T[] = [];
    const has = (x: string): boolean => (values instanceof Set ? values.has(x) : (values as readonly string[]).includes(x));
    this.list(i).forEach((x, k) => {
      if (has(x)) out.push((values instanceof Set ? x : (values as readonly string[])[(values as readonly string[]).indexOf(x)]) as T);
      else {
        const wrong = wronglySeparated(x);
        if (wrong && wrong.parts.every(has)) {
          this.reportItem(i, k, 'MJ220', { value: x, sep: wrong.sep === ' ' ? '@space' : wrong.sep, items: '@sep-values', example: wrong.parts.join(';') });
          return;
        }
        const candidates = values instanceof Set ? [...values] : [...(values as readonly string[])];
        this.reportItem(i, k, 'MJ203', { value: x }, { suggest: { value: x, pool: 'values', candidates } });
      }
    });
    return out;
  }

  /** A whole number ≥ 0. */
  count(i: number): number | undefined {
    const v = this.raw(i);
    if (v === undefined) return undefined;
    if (/^\d{1,9}$/.test(v)) return Number(v);
    this.report(i, 'MJ207', { value: v }, { span: v.length });
    return undefined;
  }

  /** A number ≥ 0 (or signed), kept as its decimal text. */
  decimal(i: number, signed = false): string | undefined {
    const v = this.raw(i);
    if (v === undefined) return undefined;
    if ((signed ? SIGNED_DECIMAL : DECIMAL).test(v)) return v;
    this.report(i, 'MJ207', { value: v }, { span: v.length });
    return undefined;
  }
}
