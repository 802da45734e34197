// A diff document → JSON: every change, none left out, values in the machine form of CSV and
// JSON tables (points 87.33, ratios 0.7500, numbers bare), null where a version has no value.

import type { CellChange, DiffDoc, RowChange } from '../tables/diff-doc.js';
import { formatCell, isNumeric } from './cells.js';

function value(c: CellChange, side: 'before' | 'after'): string | number | null {
  const v = c[side];
  if (v === undefined || v === null) return null;
  const s = formatCell(v, c.column, 'machine');
  return isNumeric(v) ? Number(s) : s;
}

/** A number keeps its fixed decimals (87.50, 0.7500): written by hand, not by JSON.stringify. */
function valueText(c: CellChange, side: 'before' | 'after'): string {
  const v = c[side];
  if (v === undefined || v === null) return 'null';
  return isNumeric(v) ? formatCell(v, c.column, 'machine') : JSON.stringify(formatCell(v, c.column, 'machine'));
}

const PLACEHOLDER = (i: number): string => `\u0000${i}\u0000`;

export function renderDiffJson(doc: DiffDoc): string {
  const numbers: string[] = [];
  const keep = (c: CellChange, side: 'before' | 'after'): string | number | null => {
    const v = value(c, side);
    if (typeof v !== 'number') return v;
    numbers.push(valueText(c, side));
    return PLACEHOLDER(numbers.length - 1);
  };
  const change = (c: CellChange) => ({ column: c.column.key, header: c.column.header, before: keep(c, 'before'), after: keep(c, 'after'), changed: c.changed });
  const row = (r: RowChange, extra: Record<string, unknown> = {}) => ({ key: r.key, label: r.label, ...extra, status: r.status, changes: r.cells.map(change) });
  const data = {
    base: doc.base,
    head: doc.head,
    files: doc.files.map((f) => ({ path: f.path, change: f.change, year: f.year ?? null })),
    years: doc.years.map((y) => ({
      year: y.year,
      only: y.only ?? null,
      lock: y.lock === undefined ? null : { state: y.lock.state, file: y.lock.file, by: y.lock.by ?? null, reason: y.lock.reason ?? null },
      files: y.files.map((f) => f.path),
      unavailable: y.unavailable.map((u) => ({ side: u.side, errors: u.errors, first: u.first ?? null })),
      branches: y.branches.map((r) => row(r)),
      cells: y.cells.map((t) => ({ table: t.name, title: t.title, count: t.count, rows: t.rows.map((r) => row(r)) })),
      members: y.members.map((r) => row(r, { branch: r.context ?? null })),
    })),
  };
  return JSON.stringify(data, null, 2).replace(/"\\u0000(\d+)\\u0000"/g, (_, i: string) => numbers[Number(i)]!) + '\n';
}
