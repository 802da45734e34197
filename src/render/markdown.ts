// Table → Markdown (GitHub-flavoured): a heading, the table with numbers right-aligned, and the
// notes as a list. Pipes and line breaks inside cells are escaped.

import type { Table } from '../tables/table.js';
import { formatCell } from './cells.js';

function escape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function renderMarkdown(table: Table, options: { notesHeading: string }): string {
  const out: string[] = [`## ${escape(table.title)}`, ''];
  out.push(`| ${table.columns.map((c) => escape(c.header)).join(' | ')} |`);
  out.push(`|${table.columns.map((c) => (c.kind === 'text' || c.kind === 'id' ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const row of table.rows) {
    const cells = row.cells.map((v, i) => escape(formatCell(v, table.columns[i]!, 'human')));
    out.push(`| ${cells.map((c) => (row.kind === 'data' || c === '' ? c : `**${c}**`)).join(' | ')} |`);
  }
  if (table.notes.length > 0) {
    out.push('', `${options.notesHeading}`, '');
    for (const n of table.notes) out.push(`- ${escape(n)}`);
  }
  return out.join('\n') + '\n';
}
