// Table → a table for the terminal (cli-table3, which measures CJK characters as two columns):
// the title, the grid, the notes. Colour only when asked (a TTY without NO_COLOR).

import Table3 from 'cli-table3';
import { Chalk } from 'chalk';
import type { Table } from '../tables/table.js';
import { formatCell } from './cells.js';

export interface TerminalOptions {
  readonly color: boolean;
  readonly notesHeading: string;
}

export function renderTerminal(table: Table, options: TerminalOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const grid = new Table3({
    head: table.columns.map((col) => c.bold(col.header)),
    // compact: a rule under the header only, so long tables stay readable.
    style: { head: [], border: [], compact: true },
    colAligns: table.columns.map((col) => (col.kind === 'text' || col.kind === 'id' ? 'left' : 'right')),
  });
  for (const row of table.rows) {
    const cells = row.cells.map((v, i) => formatCell(v, table.columns[i]!, 'human'));
    grid.push(row.kind === 'data' ? cells : cells.map((x) => c.bold(x)));
  }
  const out = [c.bold(table.title), grid.toString()];
  if (table.notes.length > 0) {
    out.push(c.dim(options.notesHeading));
    for (const n of table.notes) out.push(c.dim(`  · ${n}`));
  }
  return out.join('\n') + '\n';
}
