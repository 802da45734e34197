// Converting the values of a clerk's sheet to what the data files hold, one field kind at a
// time: full-width digits and letters half-width in ids, numbers and dates (text keeps its
// full-width punctuation); dates in every form clerks write, an Excel serial included; 是/否
// from the words and marks clerks use; numbers with their unit dropped; the words of a field's
// list from their common variants; list items split at 、 ， , spaces or ;. Pure.

import type { FieldSpec } from '../schema/fields.js';
import { halfWidth, NO_WORDS, VALUE_SYNONYMS, YES_WORDS } from '../schema/synonyms.js';
import { formatDay, makeDay } from '../util/dates.js';

export interface CellFacts {
  /** The text the cell shows. */
  readonly text: string;
  /** A workbook's number, when the cell holds one (a date serial in a date column). */
  readonly number?: number | undefined;
  /** The cell is a date in a workbook (its text is YYYY-MM-DD, or YYYY-MM). */
  readonly date?: boolean;
}

export type Converted = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly why: 'no-year' };

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The day of an Excel serial number (1900 or 1904 system). */
function serialText(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1000 || serial > 2958465) return undefined;
  const days = Math.floor(serial + 1e-9) + (date1904 ? 1462 : 0);
  const dt = new Date(Date.UTC(1899, 11, 30) + days * 86400000);
  return `${dt.getUTCFullYear()}-${pad2(dt.getUTCMonth() + 1)}-${pad2(dt.getUTCDate())}`;
}

/**
 * A date as clerks write it: 2019-3-5, 2019/3/5, 2019.3.5, 2019年3月5日(号), 20190305, with a
 * time after it, in full-width digits; 3月5日 or 3-5 take `year`. A month (出生年月) may stay a
 * month: 1985.10, 1985年10月, 198510. Undefined when it is none of these (left as written).
 */
export function convertDate(text: string, month: boolean, year: number | undefined): Converted | undefined {
  const t = halfWidth(text).trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '').replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const day = makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return day === undefined ? undefined : { ok: true, value: formatDay(day) };
  }
  if (month) {
    m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t);
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { ok: true, value: `${m[1]}-${pad2(Number(m[2]))}` };
    return undefined;
  }
  m = /^(\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(t);
  if (m) {
    if (year === undefined) return { ok: false, why: 'no-year' };
    const day = makeDay(year, Number(m[1]), Number(m[2]));
    return day === undefined ? undefined : { ok: true, value: formatDay(day) };
  }
  return undefined;
}

/** A number as written, its unit (学时, 小时, 分, h) and full-width digits gone. */
export function convertNumber(text: string): string {
  const t = halfWidth(text).trim().replace(/\s*(学时|小时|课时|分|h|hrs?|hours?)$/i, '');
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? t.replace(/^\+/, '') : text.trim();
}

/** 是 or 否 from the words and marks that mean them; the text itself otherwise. */
export function convertYesNo(text: string): string {
  const t = halfWidth(text).trim().toLowerCase();
  if (YES_WORDS.includes(t)) return '是';
  if (NO_WORDS.includes(t)) return '否';
  return text.trim();
}

/** The items of a list cell, split at ; ； 、 ， , or spaces. */
export function splitItems(text: string): string[] {
  return text.split(/[;；、，,\s]+/).map((x) => x.trim()).filter((x) => x !== '');
}

/** A word of a field's list from a variant clerks write (男性 → 男, 社情民意信息 → 社情民意). */
export function convertWord(spec: FieldSpec, text: string): string {
  const t = text.trim();
  if (spec.values?.includes(t)) return t;
  const synonyms = VALUE_SYNONYMS[spec.key];
  const lower = halfWidth(t).toLowerCase();
  return synonyms?.[t] ?? synonyms?.[lower] ?? t;
}

/**
 * One cell's value for a field (members and orgs are resolved by the caller): by the field's
 * kind; `year` completes a date written without one.
 */
export function convertCell(spec: FieldSpec, cell: CellFacts, year: number | undefined, date1904: boolean): Converted {
  const text = cell.text.trim();
  switch (spec.kind) {
    case 'date':
    case 'month': {
      if (cell.date) return { ok: true, value: text };
      if (cell.number !== undefined) {
        const s = serialText(cell.number, date1904);
        if (s !== undefined) return { ok: true, value: spec.kind === 'month' ? s.slice(0, 7) : s };
      }
      return convertDate(text, spec.kind === 'month', year) ?? { ok: true, value: text };
    }
    case 'id':
    case 'org-id':
      return { ok: true, value: halfWidth(text).trim() };
    case 'decimal':
    case 'signed-decimal':
      return { ok: true, value: convertNumber(text) };
    case 'enum':
      return { ok: true, value: spec.values?.includes('是') ? convertYesNo(text) : convertWord(spec, text) };
    case 'list-enum':
    case 'outcomes':
    case 'list-text':
      return { ok: true, value: splitItems(text).map((x) => (spec.kind === 'list-enum' ? convertWord(spec, x) : x)).join(';') };
    case 'list-id':
      return { ok: true, value: splitItems(halfWidth(text)).join(';') };
    default:
      return { ok: true, value: text };
  }
}
