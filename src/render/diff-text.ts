// A diff document (tables/diff-doc.ts) → text for a terminal or a .txt file: per year, the
// branches whose total, rank, grade or "三个一" change, the statistics cells, and the members,
// one line each, values rounded once (render/cells.ts) and shown old → new.

import { cellCount, diffWords, type CellChange, type DiffDoc, type RowChange } from '../tables/diff-doc.js';
import { visible } from '../util/control-chars.js';
import { formatCell } from './cells.js';

/** A value as people read it, or — when the row or column is not in that version. */
export function humanValue(c: CellChange, side: 'before' | 'after', none: string): string {
  const v = c[side];
  if (v === undefined) return none;
  const s = formatCell(v, c.column, 'human');
  return s === '' ? none : s;
}

export const arrow = (c: CellChange, none: string): string => `${humanValue(c, 'before', none)} → ${humanValue(c, 'after', none)}`;

function statusWord(r: RowChange, w: ReturnType<typeof diffWords>): string {
  return r.status === 'added' ? w.added : r.status === 'removed' ? w.removed : '';
}

export function renderDiffText(doc: DiffDoc): string {
  const w = diffWords(doc.lang);
  const zh = doc.lang === 'zh';
  const out: string[] = [visible(w.title(doc.base, doc.head))];
  if (doc.files.length === 0) {
    out.push(w.noFiles);
    return out.join('\n') + '\n';
  }
  out.push(`${w.files}${zh ? '：' : ': '}${doc.files.map((f) => `${visible(f.path)}${zh ? `（${w.change(f.change)}）` : ` (${w.change(f.change)})`}`).join(w.fieldSep)}`);
  if (doc.files.some((f) => f.year === undefined)) out.push(w.shared);
  for (const y of doc.years) {
    out.push('', w.year(y.year));
    if (y.only === 'head') out.push(`  ${w.onlyHead}`);
    if (y.only === 'base') out.push(`  ${w.onlyBase}`);
    if (y.lock !== undefined) out.push(`  ${visible(w.lock(y.year, y.lock))}`);
    for (const u of y.unavailable) out.push(`  ${visible(w.unavailable(u, y.year))}`);
    if (y.unavailable.length > 0) continue;
    const cells = cellCount(y);
    if (y.branches.length === 0 && cells === 0 && y.members.length === 0) {
      out.push(`  ${w.noChange}`);
      continue;
    }
    if (y.branches.length > 0) {
      out.push(`  ${w.branches(y.branches.length)}`);
      for (const r of y.branches) {
        const fields = r.cells.filter((c) => c.changed).map((c) => `${c.column.header} ${arrow(c, w.none)}`).join(w.fieldSep);
        out.push(`    ${visible(r.label)}${zh ? `（${visible(r.key)}）` : ` (${visible(r.key)})`}${statusWord(r, w)}${zh ? '：' : ': '}${visible(fields)}`);
      }
    }
    if (cells > 0) {
      out.push(`  ${w.cells(cells)}`);
      for (const t of y.cells) {
        for (const r of t.rows) {
          const what = r.status === 'changed' ? r.cells.map((c) => `${c.column.header} ${arrow(c, w.none)}`).join(w.listSep) : statusWord(r, w);
          out.push(`    ${visible(`${w.table(t.name)} · ${r.label}`)}${zh ? '：' : ': '}${visible(what)}`);
        }
      }
    }
    if (y.members.length > 0) {
      out.push(`  ${w.members(y.members.length)}`);
      for (const r of y.members) {
        const what = r.status === 'changed' ? r.cells.map((c) => `${c.column.header} ${arrow(c, w.none)}`).join(w.listSep) : statusWord(r, w);
        const where = r.context ? (zh ? `（${r.context}）` : ` (${r.context})`) : '';
        out.push(`    ${visible(`${r.key} ${r.label}${where}`)}${zh ? '：' : ': '}${visible(what)}`);
      }
    }
  }
  return out.join('\n') + '\n';
}
