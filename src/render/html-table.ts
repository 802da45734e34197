// Table → an HTML <table>: a caption, header cells with scope, one row header per row (the
// branch, member or group named), numbers right-aligned and rounded by cells.ts, subtotal and
// total rows in <tfoot> (so sorting moves only the data rows), the notes underneath. A sortable
// table carries each number's value for the page's script; without the script it is complete.

import type { Column, Row, Table } from '../tables/table.js';
import { formatCell, isNumeric } from './cells.js';
import { esc } from './html-escape.js';

export interface HtmlTableOptions {
  /** Headers become sort buttons (the page's script). */
  readonly sortable: boolean;
  /** A link for a data row's row-header cell (data rows counted from 0). */
  readonly rowLink?: (dataRow: number) => string | undefined;
  /** Caption text; the table's title when undefined. */
  readonly caption?: string;
  /** The heading the notes go under. */
  readonly notesHeading: string;
  /** Leave out the notes (a chart's small table). */
  readonly noNotes?: boolean;
}

const NUMERIC_KINDS = new Set<Column['kind']>(['int', 'number', 'points', 'ratio']);
const ROW_HEADER_KEYS = ['branch', 'name', 'group', 'category'];

/** The column that names a row: the branch, member, group or category, else the first. */
export function rowHeaderColumn(table: Pick<Table, 'columns'>): number {
  for (const key of ROW_HEADER_KEYS) {
    const i = table.columns.findIndex((c) => c.key === key);
    if (i >= 0) return i;
  }
  return 0;
}

/** Characters of a text cell kept on one line. */
const SHORT_TEXT = 16;

function cellHtml(row: Row, i: number, table: Table, head: number, link: string | undefined, sortable: boolean): string {
  const col = table.columns[i]!;
  const v = row.cells[i] ?? null;
  const num = NUMERIC_KINDS.has(col.kind);
  const shown = formatCell(v, col, 'human');
  const text = esc(shown);
  // The value a sort compares: the exact number to 6 decimals (rounded display values can tie).
  const sortValue = sortable && num ? ` data-v="${sortKey(v)}"` : '';
  // A short text (a name, a grade, a veto's reason) stays on one line; a longer one wraps.
  const cls = num ? ' class="num"' : shown.length > 0 && shown.length <= SHORT_TEXT ? ' class="nw"' : '';
  const content = link !== undefined ? `<a href="${esc(link)}">${text}</a>` : text;
  if (i === head) return `<th scope="row"${cls}${sortValue}>${content}</th>`;
  return `<td${cls}${sortValue}>${content}</td>`;
}

/** A sortable number for the script, as decimal text (exact values rounded to 6 decimals). */
function sortKey(v: Row['cells'][number]): string {
  if (!isNumeric(v)) return '';
  return typeof v === 'number' ? String(v) : (v as Exclude<typeof v, number | string | null>).toFixed(6);
}

/** The table's HTML, in pieces of a few hundred rows (a members table can be long). */
export function* tableHtml(table: Table, o: HtmlTableOptions): Generator<string> {
  const head = rowHeaderColumn(table);
  let out = `<div class="table-wrap"><table class="data"${o.sortable ? ' data-sortable' : ''}>\n<caption>${esc(o.caption ?? table.title)}</caption>\n<thead><tr>`;
  for (const c of table.columns) out += `<th scope="col"${NUMERIC_KINDS.has(c.kind) ? ' class="num"' : ''}>${esc(c.header)}</th>`;
  out += '</tr></thead>\n<tbody>\n';
  const foot: string[] = [];
  let dataRow = 0;
  let pending = 0;
  for (const row of table.rows) {
    if (row.kind !== 'data') {
      foot.push(`<tr class="${row.kind}">${row.cells.map((_, i) => cellHtml(row, i, table, head, undefined, false)).join('')}</tr>\n`);
      continue;
    }
    const link = o.rowLink?.(dataRow);
    out += `<tr>${row.cells.map((_, i) => cellHtml(row, i, table, head, i === head ? link : undefined, o.sortable)).join('')}</tr>\n`;
    dataRow++;
    if (++pending >= 500) {
      yield out;
      out = '';
      pending = 0;
    }
  }
  out += '</tbody>\n';
  if (foot.length > 0) out += `<tfoot>\n${foot.join('')}</tfoot>\n`;
  out += '</table></div>\n';
  if (!o.noNotes && table.notes.length > 0) {
    out += `<div class="notes"><p>${esc(o.notesHeading)}</p><ul>${table.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></div>\n`;
  }
  yield out;
}
