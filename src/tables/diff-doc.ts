// What a change to the data does to the results (mj diff), as a format-neutral document: for
// each year the change touches, the branches whose 总分, 排名, 等级 or "三个一" change (old → new),
// the cells of the year's tables that change (the score sheet's items and subtotals, 支部履职情况统计表,
// 会员结构统计表, 经费补助), and the members
// whose counts change (会员履职情况统计表). It compares the tables the two versions' data give,
// cell by cell and exactly (rationals, never rounded text); rows are matched by id (branches,
// members) or by their label (roster groups, 合计). Layout and wording only: render/diff-*.ts
// draw it.

import { Rational } from '../util/decimal-text.js';
import type { TableLang } from './headers.js';
import type { Cell, Column, Row, Table } from './table.js';

/** The tables of one year as one version's data gives them (undefined: that version has no such table). */
export interface YearTables {
  readonly scores: Table | undefined;
  readonly branches: Table;
  readonly roster: Table;
  readonly members: Table;
  readonly subsidy: Table | undefined;
}

/** A data file that differs between the versions; `year` undefined for the shared ones (mj.yaml, orgs, roster). */
export interface FileChange {
  readonly path: string;
  readonly change: 'changed' | 'added' | 'removed';
  readonly year: number | undefined;
}

export interface CellChange {
  readonly column: Column;
  /** undefined: the row (or column) is not in that version. */
  readonly before: Cell | undefined;
  readonly after: Cell | undefined;
  readonly changed: boolean;
}

export interface RowChange {
  /** The row's id (branch or member id), or its label (a roster group), or @total. */
  readonly key: string;
  readonly label: string;
  /** A member's branch. */
  readonly context?: string;
  readonly status: 'changed' | 'added' | 'removed';
  /** The branch section: every field compared; the others: the changed cells only. */
  readonly cells: readonly CellChange[];
}

export interface TableChanges {
  readonly name: string;
  readonly title: string;
  readonly rows: readonly RowChange[];
  /** Changed cells of the table (an added or removed row counts once). */
  readonly count: number;
}

/** A version whose year could not be computed: its data has errors. */
export interface Unavailable {
  readonly side: 'base' | 'head';
  readonly errors: number;
  /** The first error, as a line of text (file:line:column code message). */
  readonly first: string | undefined;
}

export interface LockNote {
  readonly state: 'violated' | 'reopened';
  /** The lock file, dataset-relative. */
  readonly file: string;
  /** Who reopened it and why (reopened). */
  readonly by?: string | undefined;
  readonly reason?: string | undefined;
}

export interface YearDiff {
  readonly year: number;
  /** The files of this year that differ (the shared ones are listed once, for the document). */
  readonly files: readonly FileChange[];
  /**
   * A closed year (mj close): closed in the new version, whose files no longer match its lock
   * (mj validate fails), or closed in the old version and reopened by the change.
   */
  readonly lock: LockNote | undefined;
  /** The year is in one version only. */
  readonly only: 'base' | 'head' | undefined;
  readonly unavailable: readonly Unavailable[];
  readonly branches: readonly RowChange[];
  readonly cells: readonly TableChanges[];
  readonly members: readonly RowChange[];
}

export interface DiffDoc {
  readonly lang: TableLang;
  readonly base: string;
  readonly head: string;
  readonly files: readonly FileChange[];
  readonly years: readonly YearDiff[];
}

const toRational = (c: Cell): Rational | undefined => (c instanceof Rational ? c : typeof c === 'number' ? Rational.int(c) : undefined);

/** Cells compared exactly; an empty cell and a missing one are the same. */
export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  const ra = toRational(a);
  const rb = toRational(b);
  if (ra !== undefined && rb !== undefined) return ra.cmp(rb) === 0;
  return false;
}

const TOTAL = '@total';

interface Indexed {
  readonly table: Table;
  readonly rows: Map<string, { row: Row; label: string; context: string | undefined }>;
}

/** A table's rows by key: data rows by the key column's text, subtotal and total rows by their label. */
function indexRows(table: Table | undefined, key: string, label: string, context?: string): Indexed | undefined {
  if (table === undefined) return undefined;
  const k = table.columns.findIndex((c) => c.key === key);
  const l = table.columns.findIndex((c) => c.key === label);
  const x = context === undefined ? -1 : table.columns.findIndex((c) => c.key === context);
  const rows = new Map<string, { row: Row; label: string; context: string | undefined }>();
  for (const row of table.rows) {
    const text = (i: number): string => (i < 0 ? '' : String(row.cells[i] ?? ''));
    const id = row.kind === 'total' ? TOTAL : row.kind === 'subtotal' ? `@${text(0)}` : text(k);
    if (!rows.has(id)) rows.set(id, { row, label: row.kind === 'data' ? text(l) : text(0), context: x < 0 || row.kind !== 'data' ? undefined : text(x) });
  }
  return { table, rows };
}

/** The keys of both versions: the new version's order, then the rows only the old one has. */
function keysOf(before: Indexed | undefined, after: Indexed | undefined): string[] {
  const keys = [...(after?.rows.keys() ?? [])];
  const seen = new Set(keys);
  for (const k of before?.rows.keys() ?? []) if (!seen.has(k)) keys.push(k);
  return keys;
}

function cellOf(ix: Indexed | undefined, key: string, column: string): Cell | undefined {
  const entry = ix?.rows.get(key);
  if (!entry) return undefined;
  const i = ix!.table.columns.findIndex((c) => c.key === column);
  return i < 0 ? undefined : (entry.row.cells[i] ?? null);
}

/** Changed cells of rows matched by key, leaving out the columns that name the row. */
function diffRows(before: Indexed | undefined, after: Indexed | undefined, ignore: ReadonlySet<string>): RowChange[] {
  const columns: Column[] = [];
  const seen = new Set<string>();
  for (const t of [after?.table, before?.table]) {
    for (const c of t?.columns ?? []) {
      if (ignore.has(c.key) || seen.has(c.key)) continue;
      seen.add(c.key);
      columns.push(c);
    }
  }
  const out: RowChange[] = [];
  for (const key of keysOf(before, after)) {
    const b = before?.rows.get(key);
    const a = after?.rows.get(key);
    const status = b === undefined ? 'added' : a === undefined ? 'removed' : 'changed';
    const cells: CellChange[] = [];
    for (const column of columns) {
      const was = cellOf(before, key, column.key);
      const now = cellOf(after, key, column.key);
      if (!sameCell(was, now)) cells.push({ column, before: b === undefined ? undefined : was, after: a === undefined ? undefined : now, changed: true });
    }
    if (status === 'changed' && cells.length === 0) continue;
    const entry = (a ?? b)!;
    out.push({ key, label: entry.label, ...(entry.context !== undefined ? { context: entry.context } : {}), status, cells });
  }
  return out;
}

/** The score fields a branch is shown with: 总分, 排名, 等级 (score sheet) and "三个一" (branch statistics). */
const BRANCH_FIELDS: readonly (readonly ['scores' | 'branches', string])[] = [['scores', 'total'], ['scores', 'rank'], ['scores', 'grade'], ['branches', 'threeOnes']];

function branchChanges(before: YearTables | undefined, after: YearTables | undefined): RowChange[] {
  const ix = (v: YearTables | undefined) => ({
    scores: indexRows(v?.scores, 'id', 'branch'),
    branches: indexRows(v?.branches, 'id', 'branch'),
  });
  const b = ix(before);
  const a = ix(after);
  const column = (which: 'scores' | 'branches', key: string): Column | undefined =>
    (after?.[which] ?? before?.[which])?.columns.find((c) => c.key === key);
  const keys = keysOf(b.branches, a.branches).filter((k) => k !== TOTAL && !k.startsWith('@'));
  const out: RowChange[] = [];
  for (const key of keys) {
    const was = b.branches?.rows.get(key);
    const now = a.branches?.rows.get(key);
    const cells: CellChange[] = [];
    for (const [which, field] of BRANCH_FIELDS) {
      const col = column(which, field);
      if (col === undefined) continue;
      const x = cellOf(b[which], key, field);
      const y = cellOf(a[which], key, field);
      cells.push({ column: col, before: x, after: y, changed: !sameCell(x, y) });
    }
    if (!cells.some((c) => c.changed)) continue;
    out.push({ key, label: (now ?? was)!.label, status: was === undefined ? 'added' : now === undefined ? 'removed' : 'changed', cells });
  }
  return out;
}

const STAT_TABLES: readonly { name: 'scores' | 'branches' | 'roster' | 'subsidy'; key: string; label: string; ignore: readonly string[] }[] = [
  { name: 'scores', key: 'id', label: 'branch', ignore: ['branch', 'id', 'parent', 'rank', 'total', 'grade'] },
  { name: 'branches', key: 'id', label: 'branch', ignore: ['branch', 'id', 'parent', 'threeOnes'] },
  { name: 'roster', key: 'group', label: 'group', ignore: ['group'] },
  { name: 'subsidy', key: 'id', label: 'branch', ignore: ['branch', 'id', 'grade'] },
];

/** One year's changes between two versions' tables (undefined: the year is not in that version, or could not be computed). */
export function diffYear(
  year: number, before: YearTables | undefined, after: YearTables | undefined,
  facts: { files: readonly FileChange[]; lock: LockNote | undefined; only: 'base' | 'head' | undefined; unavailable: readonly Unavailable[] },
): YearDiff {
  const computed = facts.unavailable.length === 0;
  const cells: TableChanges[] = [];
  if (computed) {
    for (const spec of STAT_TABLES) {
      const b = before?.[spec.name];
      const a = after?.[spec.name];
      if (a === undefined && b === undefined) continue;
      const rows = diffRows(indexRows(b, spec.key, spec.label), indexRows(a, spec.key, spec.label), new Set(spec.ignore));
      if (rows.length === 0) continue;
      cells.push({ name: spec.name, title: (a ?? b)!.title, rows, count: rows.reduce((n, r) => n + (r.status === 'changed' ? r.cells.length : 1), 0) });
    }
  }
  const members = computed
    ? diffRows(indexRows(before?.members, 'id', 'name', 'branch'), indexRows(after?.members, 'id', 'name', 'branch'), new Set(['id', 'name', 'branch'])).filter((r) => r.key !== TOTAL)
    : [];
  return { year, ...facts, branches: computed ? branchChanges(before, after) : [], cells, members };
}

/** The words of the document, in its language (renderers lay them out). */
export function diffWords(lang: TableLang) {
  const zh = lang === 'zh';
  return {
    title: (base: string, head: string) => (zh ? `mj diff：${base} → ${head}` : `mj diff: ${base} → ${head}`),
    files: zh ? '改动的数据文件' : 'Data files changed',
    change: (c: FileChange['change']) => (zh ? { changed: '修改', added: '新增', removed: '删除' } : { changed: 'changed', added: 'added', removed: 'removed' })[c],
    noFiles: zh
      ? '没有改动数据文件（mj.yaml、组织树、名册、转接等组织工作文件、各年的履职记录、考评组评分和评分表），各年的结果不变。'
      : 'No data file changed (mj.yaml, the org tree, the roster, the transfers and other practice files, any year\'s records, assessments or rubric): every year\'s results are as they were.',
    shared: zh ? 'mj.yaml、组织树、名册或转接等组织工作文件有改动，每一年都可能受影响。' : 'mj.yaml, the org tree, the roster or a practice file (transfers …) changed, which may touch every year.',
    year: (y: number) => (zh ? `${y} 年` : String(y)),
    yearFiles: zh ? '本年改动的文件' : 'Files of the year changed',
    onlyHead: zh ? '新增的年度（原版本中没有这一年的数据）。' : 'A new year (the old version has no data for it).',
    onlyBase: zh ? '删除的年度（新版本中没有这一年的数据）。' : 'A year removed (the new version has no data for it).',
    lock: (y: number, n: LockNote) => n.state === 'violated'
      ? zh
        ? `${y} 年已关账（${n.file}）：这些改动会使 mj validate 失败（MJ801）；确需修改，先运行 mj reopen ${y} --reason "原因"。`
        : `${y} is closed (${n.file}): these changes make mj validate fail (MJ801); to make them, first run mj reopen ${y} --reason "why".`
      : zh
        ? `这次改动重新打开了已关账的 ${y} 年（${n.file}，${n.by ?? '?'}：${n.reason ?? ''}）。`
        : `This change reopens ${y}, which was closed (${n.file}, ${n.by ?? '?'}: ${n.reason ?? ''}).`,
    side: (s: 'base' | 'head') => (zh ? (s === 'base' ? '原版本' : '新版本') : s === 'base' ? 'the old version' : 'the new version'),
    unavailable: (u: Unavailable, y: number) => (zh
      ? `${u.side === 'base' ? '原版本' : '新版本'}的数据有 ${u.errors} 个错误，无法计算 ${y} 年的结果（mj validate 列出全部）${u.first ? `：${u.first}` : ''}`
      : `${u.side === 'base' ? 'The old' : 'The new'} version's data has ${u.errors} error${u.errors === 1 ? '' : 's'}, so ${y}'s results cannot be computed (mj validate lists them)${u.first ? `: ${u.first}` : ''}`),
    noChange: zh ? '结果没有变化。' : 'The results do not change.',
    branches: (n: number) => (zh ? `总分、排名、等级或“三个一”有变化的支部：${n} 个` : `Branches whose total, rank, grade or "three ones" change: ${n}`),
    cells: (n: number) => (zh ? `各表中有变化的单元格：${n} 个` : `Table cells that change: ${n}`),
    table: (name: string) => (zh
      ? ({ scores: '考核评分表', branches: '支部履职情况统计表', roster: '会员结构统计表', subsidy: '经费补助' } as Record<string, string>)[name] ?? name
      : ({ scores: 'Score sheet', branches: 'Branch statistics', roster: 'Membership structure', subsidy: 'Subsidy' } as Record<string, string>)[name] ?? name),
    members: (n: number) => (zh ? `履职统计有变化的会员：${n} 名` : `Members whose counts change: ${n}`),
    added: zh ? '（新增）' : ' (added)',
    removed: zh ? '（删除）' : ' (removed)',
    more: (n: number) => (zh ? `另有 ${n} 行未列出（全部：mj diff --format json）。` : `${n} more rows not listed (all of them: mj diff --format json).`),
    branchHeaders: zh ? ['支部', '编号'] : ['Branch', 'Id'],
    cellHeaders: zh ? ['表', '行', '列', '原值', '新值'] : ['Table', 'Row', 'Column', 'Before', 'After'],
    memberHeaders: zh ? ['会员编号', '姓名', '支部', '变化'] : ['Member id', 'Name', 'Branch', 'Changes'],
    none: '—',
    listSep: zh ? '；' : '; ',
    fieldSep: zh ? '，' : ', ',
    summary: (b: number, c: number, m: number) => (zh
      ? `${b} 个支部的总分、排名、等级或“三个一”有变化，各表中 ${c} 个单元格有变化，${m} 名会员的履职统计有变化。`
      : `${b} branches change in total, rank, grade or "three ones"; ${c} table cells change; ${m} members' counts change.`),
  };
}

export type DiffWords = ReturnType<typeof diffWords>;

/** Changed cells of a year's statistics tables. */
export const cellCount = (y: YearDiff): number => y.cells.reduce((n, t) => n + t.count, 0);
