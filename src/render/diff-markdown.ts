// A diff document → GitHub-flavoured Markdown, for a job summary and a pull-request comment: a
// heading per year and a table per section (a changed value shown old → **new**). Text from the
// data is escaped (never markup, never an @mention). A section lists at most ROWS rows, and past
// BUDGET characters the rest of the document keeps only its counts, so the comment stays within
// GitHub's limit (65,536 characters); `mj diff --format json` holds everything.

import { cellCount, diffWords, type DiffDoc, type RowChange } from '../tables/diff-doc.js';
import { mdCode, mdText } from '../util/markdown.js';
import { arrow, humanValue } from './diff-text.js';

const ROWS = 30;
const BUDGET = 50_000;

export function renderDiffMarkdown(doc: DiffDoc): string {
  const w = diffWords(doc.lang);
  const zh = doc.lang === 'zh';
  const out: string[] = [`## ${mdText(w.title(doc.base, doc.head))}`, ''];
  if (doc.files.length === 0) {
    out.push(mdText(w.noFiles), '');
    return out.join('\n');
  }
  let size = 0;
  const room = (): boolean => size < BUDGET;
  const push = (...lines: string[]): void => {
    for (const l of lines) size += l.length + 1;
    out.push(...lines);
  };
  const fileList = (files: DiffDoc['files']): string => files.map((f) => `${mdCode(f.path)}${zh ? `（${w.change(f.change)}）` : ` (${w.change(f.change)})`}`).join(w.fieldSep);
  push(`${w.files}${zh ? '：' : ': '}${fileList(doc.files)}`, '');
  if (doc.files.some((f) => f.year === undefined)) push(mdText(w.shared), '');
  const status = (r: RowChange): string => (r.status === 'added' ? w.added : r.status === 'removed' ? w.removed : '');
  const table = (headers: readonly string[], align: readonly ('l' | 'r')[], rows: readonly string[][], total: number): void => {
    const shown = room() ? rows.slice(0, ROWS) : [];
    if (shown.length > 0) {
      push(`| ${headers.map(mdText).join(' | ')} |`, `|${align.map((a) => (a === 'r' ? ' ---: ' : ' --- ')).join('|')}|`);
      for (const r of shown) push(`| ${r.join(' | ')} |`);
    }
    if (total > shown.length) push(...(shown.length > 0 ? [''] : []), mdText(w.more(total - shown.length)));
    push('');
  };
  for (const y of doc.years) {
    push(`### ${mdText(w.year(y.year))}`, '');
    const yearFiles = y.files.filter((f) => f.year !== undefined);
    if (yearFiles.length > 0) push(`${w.yearFiles}${zh ? '：' : ': '}${fileList(yearFiles)}`, '');
    if (y.only === 'head') push(mdText(w.onlyHead), '');
    if (y.only === 'base') push(mdText(w.onlyBase), '');
    if (y.lock !== undefined) push(`> ${y.lock.state === 'violated' ? '⚠️' : 'ℹ️'} ${mdText(w.lock(y.year, y.lock))}`, '');
    for (const u of y.unavailable) push(`> ❌ ${mdText(w.unavailable(u, y.year))}`, '');
    if (y.unavailable.length > 0) continue;
    const cells = cellCount(y);
    if (y.branches.length === 0 && cells === 0 && y.members.length === 0) {
      push(mdText(w.noChange), '');
      continue;
    }
    push(mdText(w.summary(y.branches.length, cells, y.members.length)), '');
    if (y.branches.length > 0) {
      push(`#### ${mdText(w.branches(y.branches.length))}`, '');
      const columns = y.branches[0]!.cells.map((c) => c.column);
      const rows = y.branches.map((r) => [
        mdText(r.label) + status(r), mdCode(r.key),
        ...r.cells.map((c) => (c.changed ? `${mdText(humanValue(c, 'before', w.none))} → **${mdText(humanValue(c, 'after', w.none))}**` : mdText(humanValue(c, 'after', w.none)))),
      ]);
      table([...w.branchHeaders, ...columns.map((c) => c.header)], ['l', 'l', ...columns.map((c) => (c.kind === 'text' ? 'l' : 'r') as 'l' | 'r')], rows, rows.length);
    }
    if (cells > 0) {
      push(`#### ${mdText(w.cells(cells))}`, '');
      const rows: string[][] = [];
      for (const t of y.cells) {
        for (const r of t.rows) {
          if (r.status !== 'changed') rows.push([mdText(w.table(t.name)), mdText(r.label) + status(r), '', '', '']);
          else for (const c of r.cells) rows.push([mdText(w.table(t.name)), mdText(r.label), mdText(c.column.header), mdText(humanValue(c, 'before', w.none)), `**${mdText(humanValue(c, 'after', w.none))}**`]);
        }
      }
      table(w.cellHeaders, ['l', 'l', 'l', 'r', 'r'], rows, rows.length);
    }
    if (y.members.length > 0) {
      push(`#### ${mdText(w.members(y.members.length))}`, '');
      const rows = y.members.map((r) => [
        mdCode(r.key), mdText(r.label) + status(r), mdText(r.context ?? ''),
        r.status === 'changed' ? r.cells.map((c) => mdText(`${c.column.header} ${arrow(c, w.none)}`)).join(w.listSep) : '',
      ]);
      table(w.memberHeaders, ['l', 'l', 'l', 'l'], rows, rows.length);
    }
  }
  return out.join('\n');
}
