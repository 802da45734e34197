// Table → CSV: the header, the rows and the 合计 row only (titles and notes are for the other
// formats). UTF-8 and LF by default; the Excel profile adds a BOM and CRLF. Text cells are
// guarded against formula injection; numbers stay numbers.

import type { Table } from '../tables/table.js';
import { formatCell, guardFormula, isNumeric } from './cells.js';

export interface CsvOptions {
  readonly excel?: boolean;
}

/** A quote, comma or line break, or white space at either end (what trim() removes: \s is that set). */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function quote(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text in pieces of about a thousand rows (a national table is never one string). */
export function* csvChunks(table: Table, options: CsvOptions = {}): Generator<string> {
  const eol = options.excel ? '\r\n' : '\n';
  let lines = [(options.excel ? '\uFEFF' : '') + table.columns.map((c) => quote(guardFormula(c.header))).join(',')];
  for (const row of table.rows) {
    lines.push(
      row.cells
        .map((v, i) => {
          const text = formatCell(v, table.columns[i]!, 'machine');
          return quote(isNumeric(v) ? text : guardFormula(text));
        })
        .join(','),
    );
    if (lines.length >= 1000) {
      yield lines.join(eol) + eol;
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join(eol) + eol;
}

export function renderCsv(table: Table, options: CsvOptions = {}): string {
  return [...csvChunks(table, options)].join('');
}
