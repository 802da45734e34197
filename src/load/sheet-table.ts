// Where the table is in a clerk's sheet: the header row found below any title rows (the row of
// the first rows that names the most fields), a second header row under merged header cells
// (基本情况 over 性别 | 民族 | 出生年月: the row below names fields the header row does not), the 序号 column, and the rows that are not records — 合计
// rows, the footer lines under a table (填表人 …) and empty rows. Pure: rows in, shape out.
// Used for XLSX data files and for the sheets `mj import` reads (XLSX or CSV).

import { FOOTER_STARTS, isSerialHeader, normHeader, TOTAL_WORDS } from '../schema/synonyms.js';

export interface TableCell {
  /** Position in the row: the sheet's column (1-based), or a CSV field's index + 1. */
  readonly col: number;
  readonly text: string;
  /** Copied from the first row of a merged range. */
  readonly merged?: boolean;
}

export interface TableRow {
  /** The sheet's row number, or a CSV record's line. */
  readonly row: number;
  readonly cells: readonly TableCell[];
}

export type HeaderColumn =
  | { readonly kind: 'field'; readonly field: number; readonly label: string; readonly row: number }
  | { readonly kind: 'serial'; readonly label: string; readonly row: number }
  | { readonly kind: 'unknown'; readonly label: string; readonly row: number };

export interface TableShape {
  /** The header row, and the second one under merged header cells. */
  readonly headerRows: readonly number[];
  /** By position (col). Positions without a header are absent. */
  readonly columns: ReadonlyMap<number, HeaderColumn>;
}

/** How many rows from the top are looked at for the header. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * The header of the table among the first rows: the row naming the most distinct fields (at
 * least two, or one when the kind has one required field only), the earliest on a tie.
 */
export function findHeader(rows: readonly TableRow[], lookup: (header: string) => number, minFields = 2): TableShape | undefined {
  let best: { index: number; score: number } | undefined;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, index) => {
    const fields = new Set<number>();
    for (const c of r.cells) {
      // A copy of a merged header cell above counts where it is written, not here.
      if (c.merged) continue;
      const f = lookup(c.text);
      if (f >= 0) fields.add(f);
    }
    if (fields.size >= minFields && (best === undefined || fields.size > best.score)) best = { index, score: fields.size };
  });
  if (best === undefined) return undefined;
  const head = rows[best.index]!;
  const columns = new Map<number, HeaderColumn>();
  for (const c of head.cells) if (!c.merged) columns.set(c.col, classify(c, head.row, lookup));
  const headerRows = [head.row];
  // A second header row: under merged header cells (or empty ones), naming fields of its own.
  const next = rows[best.index + 1];
  if (next && next.row === head.row + 1) {
    const named = new Set([...columns.values()].flatMap((c) => (c.kind === 'field' ? [c.field] : [])));
    const sub = next.cells.filter((c) => !c.merged && lookup(c.text) >= 0 && !named.has(lookup(c.text)));
    if (sub.length > 0) {
      headerRows.push(next.row);
      for (const c of next.cells) {
        if (c.merged) continue;
        const k = classify(c, next.row, lookup);
        const above = columns.get(c.col);
        if (k.kind !== 'unknown' || above === undefined || above.kind === 'unknown') columns.set(c.col, k);
      }
    }
  }
  return { headerRows, columns };
}

function classify(c: TableCell, row: number, lookup: (header: string) => number): HeaderColumn {
  const label = c.text.trim();
  const field = lookup(label);
  if (field >= 0) return { kind: 'field', field, label, row };
  if (isSerialHeader(label)) return { kind: 'serial', label, row };
  return { kind: 'unknown', label, row };
}

export type RowRole = 'record' | 'total' | 'footer' | 'empty';

const FOOTERS = FOOTER_STARTS.map(normHeader);
const TOTALS = new Set(TOTAL_WORDS);

/** Whether a row under the header is a record, a 合计 row, a footer line or empty. */
export function rowRole(row: TableRow, shape: TableShape): RowRole {
  const own = row.cells.filter((c) => !c.merged && c.text.trim() !== '');
  if (own.length === 0) return 'empty';
  const text = own[0]!.text;
  // Only text that could be one of those words is normalised (most first cells are ids or dates).
  if (text.length <= 40 && !/^[\d\s./-]+$/.test(text)) {
    const first = normHeader(text);
    if (TOTALS.has(first.replace(/[:：]$/, ''))) return 'total';
    if (FOOTERS.some((w) => first.startsWith(w))) return 'footer';
  }
  // Only a 序号 and nothing else: a numbered blank line of a form.
  if (own.every((c) => shape.columns.get(c.col)?.kind === 'serial')) return 'empty';
  return 'record';
}
