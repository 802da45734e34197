// Two versions of a dataset (two folders: the work tree, another folder, or a revision written
// out of git) side by side for `mj diff`: which data files differ (hashed with CR LF read as LF,
// so a checkout's line ends are no change), which years that touches (every year when mj.yaml,
// the org tree or the roster changed), and one year's results in one version, each year read in
// a context of its own so that an error in one year never hides another's results.

import { CONFIG_FILE } from '../load/config.js';
import { fileOfYear, yearsOf } from '../load/dataset.js';
import type { LoadOptions } from '../load/context.js';
import { hashesOf } from './closed.js';
import { openBase, type Base } from './base.js';
import type { Stage } from './stage.js';
import { countYear, reportYear, type Counted, type Scored } from './year.js';

/** A data file of one version, by what it is (mj.yaml, orgs, members, a practice file, or a kind and year). */
interface RoleFile {
  readonly role: string;
  readonly year: number | undefined;
  readonly path: string;
}

function roleFiles(base: Base | undefined): RoleFile[] {
  if (base === undefined) return [];
  const { ds } = base;
  const out: RoleFile[] = [{ role: 'config', year: undefined, path: CONFIG_FILE }];
  if (ds.files.orgs !== undefined) out.push({ role: 'orgs', year: undefined, path: ds.files.orgs });
  if (ds.files.members !== undefined) out.push({ role: 'members', year: undefined, path: ds.files.members });
  // The roster's history and the practice files hold no year of their own: a change may touch any year.
  for (const kind of ['transfers', 'reserve', 'liaisons', 'inspections', 'findings', 'leaders'] as const) {
    const path = ds.files[kind];
    if (path !== undefined) out.push({ role: kind, year: undefined, path });
  }
  for (const kind of ['activities', 'assessments', 'rubrics', 'reviews'] as const) {
    for (const f of ds.files[kind]) out.push({ role: `${kind}:${f.year}`, year: f.year, path: f.file });
  }
  return out;
}

export interface ChangedFile {
  readonly path: string;
  readonly change: 'changed' | 'added' | 'removed';
  /** undefined for mj.yaml, the org tree and the roster. */
  readonly year: number | undefined;
}

/** The data files that differ between two versions, shared ones first, then by year and kind. */
export async function changedFiles(before: Base | undefined, after: Base | undefined): Promise<ChangedFile[]> {
  const b = roleFiles(before);
  const a = roleFiles(after);
  const bh = before ? await hashesOf(before.ds.root, b.map((f) => f.path)) : new Map<string, string | undefined>();
  const ah = after ? await hashesOf(after.ds.root, a.map((f) => f.path)) : new Map<string, string | undefined>();
  const byRole = new Map(b.map((f) => [f.role, f]));
  const out: ChangedFile[] = [];
  for (const f of a) {
    const old = byRole.get(f.role);
    byRole.delete(f.role);
    if (old === undefined) out.push({ path: f.path, change: 'added', year: f.year });
    else if (old.path !== f.path || bh.get(old.path) !== ah.get(f.path)) out.push({ path: f.path, change: 'changed', year: f.year });
  }
  for (const f of byRole.values()) out.push({ path: f.path, change: 'removed', year: f.year });
  const rank = (c: ChangedFile): number => (c.year === undefined ? 0 : c.year);
  return out.sort((x, y) => rank(x) - rank(y));
}

/** The years a change touches: every year of either version when a shared file changed, else the years of the changed files. */
export function touchedYears(changes: readonly ChangedFile[], before: Base | undefined, after: Base | undefined): number[] {
  const years = new Set<number>();
  if (changes.some((c) => c.year === undefined)) {
    for (const b of [before, after]) for (const y of b ? yearsOf(b.ds) : []) years.add(y);
  } else for (const c of changes) years.add(c.year!);
  return [...years].sort((x, y) => x - y);
}

/** One version's results of a year: scores and statistics (statistics only without a rubric). */
export type YearResults = { readonly base: Base; readonly counted: Counted; readonly scored: Scored | undefined };

/**
 * A year's results in the version at `root`, read afresh; undefined when that version has no
 * records and no rubric for the year; the problems when its data has errors.
 */
export async function versionYear(root: string, year: number, options: LoadOptions): Promise<Stage<YearResults> | undefined> {
  const opened = await openBase(root, root, options);
  if (!opened.ok) return opened;
  const base = opened.value;
  const { ds } = base;
  const rubric = fileOfYear(ds.files.rubrics, year) !== undefined;
  const records = fileOfYear(ds.files.activities, year) !== undefined;
  if (!rubric && !records) return undefined;
  if (rubric) {
    const r = await reportYear(base, year);
    return r.ok ? { ok: true, value: { base, counted: r.value, scored: r.value } } : r;
  }
  const c = await countYear(base, year);
  return c.ok ? { ok: true, value: { base, counted: c.value, scored: undefined } } : c;
}
