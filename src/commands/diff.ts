// `mj diff [BASE] [HEAD]`: what a change to the data does to the results. BASE and HEAD are git
// revisions or folders; by default BASE is the merge base with the main branch and HEAD the work
// tree. A revision's data files are written out of git's objects into a temporary folder outside
// the work tree (never checked out over it). For every year the change touches: the branches
// whose 总分, 排名, 等级 or "三个一" change, the statistics cells, and the members whose counts
// change, as text, Markdown (the CI's job summary and pull-request comment) or JSON. Exit 0; 1
// when the new version's data has errors (the document says which year and why); 2 for usage
// problems (no git, not a repository, an unknown revision).

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Lang } from '../diagnostics/codes.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { message } from '../diagnostics/format.js';
import { t } from '../i18n/cli.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { CONFIG_FILE, findRoot, loadConfig } from '../load/config.js';
import { LoadContext } from '../load/context.js';
import { LOCK_DIR, lockFileOf, type YearLock } from '../model/closed.js';
import { openBase, type Base } from '../pipeline/base.js';
import { brokenLocks, closedYears } from '../pipeline/closed.js';
import { loadLock } from '../load/closed.js';
import { changedFiles, touchedYears, versionYear, type YearResults } from '../pipeline/compare.js';
import type { Problems, Stage } from '../pipeline/stage.js';
import { DIFF_RENDERERS } from '../render/registry.js';
import { commitOf, GitError, mainBranch, mergeBase, repoOf, shortCommit, type RepoPlace } from '../repo/git.js';
import { snapshot } from '../repo/snapshot.js';
import { diffYear, type DiffDoc, type LockNote, type Unavailable, type YearDiff, type YearTables } from '../tables/diff-doc.js';
import { rosterTable } from '../tables/roster-table.js';
import { scoresTable } from '../tables/scores-table.js';
import { branchesTable, membersTable } from '../tables/stats-tables.js';
import { subsidyTable } from '../tables/subsidy-table.js';
import { langOf, loadOptionsOf, printProblems, tableLang } from './common.js';
import { inputGuard, type InputGuard } from './inputs.js';
import { destination, emit, refuseInput, renderOptions, rendererFor, shownPath, type OutputOptions } from './output.js';

export interface DiffOptions extends OutputOptions {
  readonly mask?: boolean;
}

/** One side of the comparison: where its dataset is (undefined: that version has none), and its name. */
interface Version {
  readonly label: string;
  readonly root: string | undefined;
  readonly dispose: () => Promise<void>;
}

const nothing = async (): Promise<void> => undefined;

/** A git failure in the user's words. */
function gitUsage(e: GitError, lang: Lang, io: Io): UsageError {
  const f = e.failure;
  switch (f.kind) {
    case 'no-git':
      return new UsageError(t(lang, 'usage.gitMissing'), t(lang, 'usage.gitMissingHint'));
    case 'not-a-repo': {
      // git's own words only when they say more than "not a git repository" (dubious ownership …).
      const detail = /not a git repository/i.test(f.detail) ? '' : f.detail.replace(/^fatal: /, '');
      return new UsageError(t(lang, detail === '' ? 'usage.notARepo' : 'usage.notARepoWhy', { dir: shownPath(f.dir, io), detail }), t(lang, 'usage.notARepoHint'));
    }
    case 'bad-revision':
      return new UsageError(t(lang, 'usage.badRevision', { revision: f.revision }), t(lang, 'usage.badRevisionHint'));
    case 'no-main-branch':
      return new UsageError(t(lang, 'usage.noMainBranch'), t(lang, 'usage.noMainBranchHint'));
    case 'failed':
      return new UsageError(t(lang, 'usage.gitFailed', { command: f.command, detail: f.detail }));
  }
}

/** Paths matching a dataset's file patterns ({year} is four digits), and the lock files. */
function patternTest(patterns: readonly string[]): (path: string) => boolean {
  const res = patterns.map((p) => new RegExp(`^${p.split('{year}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\d{4}')}$`));
  const lock = new RegExp(`^${LOCK_DIR}/\\d{4}\\.yaml$`);
  return (path) => path === CONFIG_FILE || lock.test(path) || res.some((r) => r.test(path));
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}

/** A revision's dataset written out of git: mj.yaml first, then the files its patterns name. */
async function revisionVersion(place: RepoPlace, commit: string, label: string): Promise<Version> {
  const snap = await snapshot(place.top, commit, place.prefix);
  try {
    await snap.add((p) => p === CONFIG_FILE);
    if (!snap.files.some((f) => f.path === CONFIG_FILE)) return { label, root: undefined, dispose: snap.dispose };
    const config = await loadConfig(new LoadContext(snap.dir));
    const f = config?.files;
    // Every data file the patterns name: the practice files (transfers move members between branches) change results too.
    if (f) await snap.add(patternTest(Object.values(f).flat()));
    return { label, root: snap.dir, dispose: snap.dispose };
  } catch (e) {
    await snap.dispose();
    throw e;
  }
}

function firstError(p: Problems, lang: Lang): Unavailable['first'] {
  const d = sortDiagnostics(p.ctx?.diagnostics.list.filter((x) => x.severity === 'error') ?? [])[0] ?? p.missing;
  if (d === undefined) return undefined;
  const where = d.file === '' ? '' : d.line > 0 ? `${d.file}:${d.line}${d.column > 0 ? `:${d.column}` : ''} ` : `${d.file} `;
  return `${where}${d.code} ${message(d, lang)}`;
}

function tablesOf(r: YearResults, lang: 'zh' | 'en', mask: boolean): YearTables {
  const { ds } = r.base;
  const common = { datasetName: ds.config.name, lang, only: undefined, orgFilter: undefined };
  const c = r.counted;
  const stats = { ...common, scope: c.scope, counts: c.stats, byGroup: false, mask };
  const s = r.scored;
  return {
    scores: s && scoresTable({ ...common, rubric: s.rubric, scores: s.scores, orgById: ds.orgById }),
    branches: branchesTable(stats),
    roster: rosterTable({ ...common, orgsInTreeOrder: c.scope.orgsInTreeOrder, members: ds.members, year: c.year, asOf: c.scope.lastDay }),
    members: membersTable({ ...stats, points: c.memberPoints }),
    subsidy: s?.subsidy && subsidyTable({ ...common, rubric: s.rubric, branches: s.scoreScope.branches, result: s.subsidy }),
  };
}

export async function runDiff(baseArg: string | undefined, headArg: string | undefined, opts: DiffOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const dest = destination(opts, io, lang, 'table');
  const render = rendererFor(DIFF_RENDERERS, dest, lang);
  const zh = lang === 'zh';
  const here = await findRoot(io.cwd, opts.data);
  const versions: Version[] = [];
  try {
    let place: RepoPlace | undefined;
    const repo = async (): Promise<RepoPlace> => (place ??= await repoOf(here ?? io.cwd));
    const revision = async (rev: string): Promise<Version> => {
      const p = await repo();
      const commit = await commitOf(p.top, rev);
      return revisionVersion(p, commit, zh ? `${rev}（${await shortCommit(p.top, commit)}）` : `${rev} (${await shortCommit(p.top, commit)})`);
    };
    const side = async (arg: string | undefined, fallback: () => Promise<Version>): Promise<Version> => {
      if (arg === undefined) return fallback();
      const abs = resolve(io.cwd, arg);
      if (await isFolder(abs)) {
        const root = await findRoot(abs, abs);
        if (root === undefined) throw new UsageError(t(lang, 'usage.diffNoDataset', { dir: arg }));
        return { label: shownPath(root, io) || '.', root, dispose: nothing };
      }
      return revision(arg);
    };
    const workTree = async (): Promise<Version> => {
      if (here === undefined) throw new UsageError(t(lang, 'usage.diffNoDataset', { dir: opts.data ?? '.' }), t(lang, 'usage.diffNoDatasetHint'));
      return { label: zh ? '工作区' : 'the work tree', root: here, dispose: nothing };
    };
    const mergeBaseVersion = async (): Promise<Version> => {
      const p = await repo();
      const main = await mainBranch(p.top);
      const commit = await mergeBase(p.top, await commitOf(p.top, main), await commitOf(p.top, 'HEAD'));
      const short = await shortCommit(p.top, commit);
      return revisionVersion(p, commit, zh ? `${main} 的合并基点（${short}）` : `the merge base with ${main} (${short})`);
    };
    versions.push(await side(baseArg, mergeBaseVersion));
    versions.push(await side(headArg, workTree));
    const [before, after] = versions as [Version, Version];
    const options = loadOptionsOf(opts, io, lang);
    const open = async (v: Version): Promise<Stage<Base> | undefined> => (v.root === undefined ? undefined : openBase(v.root, v.root, options));
    const b = await open(before);
    const a = await open(after);
    const bBase = b?.ok ? b.value : undefined;
    const aBase = a?.ok ? a.value : undefined;
    const files = await changedFiles(bBase, aBase);
    const years = touchedYears(files, bBase, aBase);
    // Closed years: broken in the new version, or reopened by the change.
    const broken = after.root !== undefined && aBase ? await brokenLocks(after.root, aBase.ds) : new Map<number, YearLock>();
    const closedBefore = before.root === undefined ? new Map<number, YearLock>() : await closedYears(before.root);
    const closedAfter = after.root === undefined ? new Map<number, YearLock>() : await closedYears(after.root);
    const lockNote = async (year: number): Promise<LockNote | undefined> => {
      const b = broken.get(year);
      if (b) return { state: 'violated', file: b.file };
      if (closedBefore.has(year) && !closedAfter.has(year) && after.root !== undefined) {
        const reopened = await loadLock(new LoadContext(after.root), year);
        const last = reopened?.history[reopened.history.length - 1];
        return { state: 'reopened', file: lockFileOf(year), by: last?.by, reason: last?.reason };
      }
      return undefined;
    };
    const tl = tableLang(opts, aBase?.ds.config.locale ?? bBase?.ds.config.locale);
    const mask = opts.mask === true;
    let headErrors = false;
    const diffs: YearDiff[] = [];
    for (const year of years) {
      const unavailable: Unavailable[] = [];
      const tables: (YearTables | undefined)[] = [];
      const present: boolean[] = [];
      for (const [sideName, v] of [['base', before], ['head', after]] as const) {
        const r = v.root === undefined ? undefined : await versionYear(v.root, year, options);
        present.push(r !== undefined);
        if (r === undefined) tables.push(undefined);
        else if (!r.ok) {
          unavailable.push({ side: sideName, errors: Math.max(1, r.problems.ctx?.diagnostics.errors ?? 0), first: firstError(r.problems, lang) });
          if (sideName === 'head') headErrors = true;
          tables.push(undefined);
        } else tables.push(tablesOf(r.value, tl, mask));
      }
      const only = present[0] && !present[1] ? 'base' : !present[0] && present[1] ? 'head' : undefined;
      diffs.push(diffYear(year, tables[0], tables[1], {
        files: files.filter((f) => f.year === year || f.year === undefined), lock: await lockNote(year), only, unavailable,
      }));
    }
    const doc: DiffDoc = { lang: tl, base: before.label, head: after.label, files, years: diffs };
    // Never written over an input of the dataset here (the work tree's).
    let guard: InputGuard = { clash: async () => undefined };
    if (here !== undefined) {
      const mine = after.root === here ? a : before.root === here ? b : await openBase(here, here, options);
      if (mine !== undefined && !mine.ok) return printProblems(mine.problems, opts, io, lang);
      if (mine !== undefined) guard = await inputGuard(mine.value.ds);
    }
    if (dest.path !== undefined) await refuseInput(guard, dest.path, io, lang);
    const ro = renderOptions(opts, io, lang, tl, dest.path !== undefined, aBase?.ds.config.name ?? '');
    const code = await emit(await render(doc, ro), dest, guard, io, lang);
    return code !== EXIT.ok ? code : headErrors ? EXIT.data : EXIT.ok;
  } catch (e) {
    if (e instanceof GitError) throw gitUsage(e, lang, io);
    throw e;
  } finally {
    for (const v of versions) await v.dispose();
  }
}
