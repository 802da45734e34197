// How cells become text, the one rounding rule in one place: half away from zero, once, at
// output — points to 2 decimals; ratios to 4 decimals as fractions (CSV, JSON) or percents with
// 1 decimal (terminal, Markdown). Formula injection is neutralised here for text cells.

import type { Cell, Column } from '../tables/table.js';
import { Rational } from '../util/decimal-text.js';

export type NumberStyle = 'machine' | 'human';

function asRational(v: Cell): Rational | undefined {
  if (v instanceof Rational) return v;
  if (typeof v === 'number') return Rational.int(v);
  return undefined;
}

export function formatCell(v: Cell, col: Column, style: NumberStyle): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  // Whole numbers (most cells: counts) need no rounding: their digits as written, without bigints.
  if (typeof v === 'number' && Number.isSafeInteger(v)) return wholeCell(v === 0 ? '0' : String(v), col, style);
  if (v instanceof Rational && v.den === 1n) return wholeCell(v.num.toString(), col, style);
  const r = asRational(v)!;
  switch (col.kind) {
    case 'int':
      return r.toFixed(0);
    case 'points':
      return r.toFixed(2);
    case 'ratio':
      return style === 'machine' ? r.toFixed(4) : `${r.mul(Rational.int(100)).toFixed(1)}%`;
    default:
      return r.toShort(2);
  }
}

/** A whole number's cell, as formatCell writes it from a Rational (the same text). */
function wholeCell(digits: string, col: Column, style: NumberStyle): string {
  switch (col.kind) {
    case 'int':
      return digits;
    case 'points':
      return `${digits}.00`;
    case 'ratio':
      return style === 'machine' ? `${digits}.0000` : `${digits === '0' ? '0' : `${digits}00`}.0%`;
    default:
      return digits;
  }
}

/** True for a cell rendered as a number (CSV leaves it unguarded, JSON writes it bare). */
export function isNumeric(v: Cell): boolean {
  return typeof v === 'number' || v instanceof Rational;
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a
 * leading apostrophe, so it shows as written and never executes.
 */
export function guardFormula(text: string): string {
  if (text.length === 0) return text;
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${text}` : text;
}

/** The most characters an Excel cell holds. */
export const XLSX_CELL_MAX = 32767;

/** Text for an XLSX cell: guarded against formulas, and cut with "…" to what Excel holds (never half a character). */
export function xlsxText(text: string): string {
  const g = guardFormula(text);
  if (g.length <= XLSX_CELL_MAX) return g;
  let end = XLSX_CELL_MAX - 1;
  const c = g.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // a surrogate pair is not split
  return `${g.slice(0, end)}…`;
}
