// Table → JSON: title, columns, rows as objects keyed by column key, notes. Written by hand so
// that numbers keep their fixed decimals exactly as rounded (87.33, 0.7500) on every machine.

import type { Table } from '../tables/table.js';
import { formatCell, isNumeric } from './cells.js';

export function renderJson(table: Table): string {
  const s = (v: string): string => JSON.stringify(v);
  const lines: string[] = ['{'];
  lines.push(`  "table": ${s(table.name)},`);
  lines.push(`  "title": ${s(table.title)},`);
  lines.push('  "columns": [');
  table.columns.forEach((c, i) => {
    lines.push(`    { "key": ${s(c.key)}, "header": ${s(c.header)}, "kind": ${s(c.kind)} }${i + 1 < table.columns.length ? ',' : ''}`);
  });
  lines.push('  ],');
  lines.push('  "rows": [');
  let r = 0;
  for (const row of table.rows) {
    const fields = [`"kind": ${s(row.kind)}`];
    row.cells.forEach((v, i) => {
      const col = table.columns[i]!;
      const value = v === null ? 'null' : isNumeric(v) ? formatCell(v, col, 'machine') : s(formatCell(v, col, 'machine'));
      fields.push(`${s(col.key)}: ${value}`);
    });
    lines.push(`    { ${fields.join(', ')} }${++r < table.rows.length ? ',' : ''}`);
  }
  lines.push('  ],');
  lines.push(`  "notes": [${table.notes.length === 0 ? '' : '\n' + table.notes.map((n) => `    ${s(n)}`).join(',\n') + '\n  '}]`);
  lines.push('}');
  return lines.join('\n') + '\n';
}
