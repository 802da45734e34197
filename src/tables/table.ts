// The one format-neutral table every command builds and every renderer draws: a title, typed
// columns, rows of typed cells (with subtotal and total rows marked), and notes. Numbers stay
// exact here; renderers round them once, by the rule in render/cells.ts.

import type { Rational } from '../util/decimal-text.js';

/**
 * Cell kinds: text; int (a count); points (2 decimals); ratio (a share 0..1: 4 decimals as a
 * fraction in CSV/JSON, a percent with 1 decimal elsewhere); number (a quantity such as hours,
 * shortest exact form up to 2 decimals); id (text that must never become a number, e.g. 0012).
 */
export type ColumnKind = 'text' | 'id' | 'int' | 'number' | 'points' | 'ratio';

export interface Column {
  /** Stable machine key (JSON field). */
  readonly key: string;
  readonly header: string;
  readonly kind: ColumnKind;
}

export type Cell = string | number | Rational | null;

export type RowKind = 'data' | 'subtotal' | 'total';

export interface Row {
  readonly kind: RowKind;
  readonly cells: readonly Cell[];
}

/**
 * The rows of a table, read in order as often as a renderer needs: an array, or rows made on
 * demand (a national members table is made while it is written, never held whole).
 */
export interface Rows extends Iterable<Row> {
  readonly length: number;
}

export interface Table {
  /** Machine name of the table (file names in reports): scores, branches, members … */
  readonly name: string;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: Rows;
  /** Sentences under the table: the counting rules that matter, in the table's language. */
  readonly notes: readonly string[];
  /**
   * The table as a terminal shows it by default: its essential columns (keys, in order) and,
   * maybe, the column its rows are sorted by there. Files always hold every column.
   */
  readonly compact?: {
    readonly keys: readonly string[];
    readonly sortBy?: string;
    /** Keys a narrow terminal leaves out first, in this order (then columns from the right). */
    readonly dropFirst?: readonly string[];
  };
}
