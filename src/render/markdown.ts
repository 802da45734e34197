// Table → Markdown (GitHub-flavoured): a heading, the table with numbers right-aligned, and the
// notes as a list. Pipes and line breaks inside cells are escaped.

import type { Table } from '../tables/table.js';
import { formatCell } from './cells.js';

const SPECIAL = /[\\|\n]/;

function escape(s: string): string {
  // Most cells (numbers, names) hold none of the three: looked for once, not replaced three times.
  if (!SPECIAL.test(s)) return s;
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Text outside a table: characters Markdown would read as markup are escaped; line breaks become spaces. */
export function escapeInline(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, '\\$&').replace(/\r?\n/g, ' ');
}

export function renderMarkdown(table: Table, options: { notesHeading: string }): string {
  return [...markdownChunks(table, options)].join('');
}

/** The Markdown text in pieces of about a thousand rows. */
export function* markdownChunks(table: Table, options: { notesHeading: string }): Generator<string> {
  let out: string[] = [`## ${escape(table.title)}`, ''];
  out.push(`| ${table.columns.map((c) => escape(c.header)).join(' | ')} |`);
  out.push(`|${table.columns.map((c) => (c.kind === 'text' || c.kind === 'id' ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const row of table.rows) {
    const cells = row.cells.map((v, i) => escape(formatCell(v, table.columns[i]!, 'human')));
    out.push(`| ${cells.map((c) => (row.kind === 'data' || c === '' ? c : `**${c}**`)).join(' | ')} |`);
    if (out.length >= 1000) {
      yield out.join('\n') + '\n';
      out = [];
    }
  }
  if (table.notes.length > 0) {
    out.push('', `${options.notesHeading}`, '');
    for (const n of table.notes) out.push(`- ${escape(n)}`);
  }
  if (out.length > 0) yield out.join('\n') + '\n';
}
