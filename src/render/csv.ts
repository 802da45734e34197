// Table → CSV: the header, the rows and the 合计 row only (titles and notes are for the other
// formats). UTF-8 and LF by default; the Excel profile adds a BOM and CRLF, and writes text that
// Excel would read as a number or a date (0001, 3/12) so that it stays text. Text cells are
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

/**
 * Text a spreadsheet turns into a number or a date when it opens a CSV: 0001 (its zeros lost),
 * 123456789012345678 (its last digits), 3/12 (a day in March), 1.5E3, 45%, 9:30.
 */
const COERCED = /^[+-]?(?:\d[\d,]*(?:\.\d+)?(?:[eE][+-]?\d+)?%?|\.\d+)$|^\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?$|^\d{1,2}:\d{2}(?::\d{2})?$/;

/**
 * A text cell for the Excel profile: one that Excel would take for a number or a date is written
 * as the formula ="…", which Excel and LibreOffice show as exactly that text.
 */
function excelText(text: string): string {
  return COERCED.test(text) ? `="${text.replace(/"/g, '""')}"` : guardFormula(text);
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
          return quote(isNumeric(v) ? text : options.excel ? excelText(text) : guardFormula(text));
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
