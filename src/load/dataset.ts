// The loading pipeline: mj.yaml → orgs → members (kept in memory) → per year: rubric,
// assessments, and the duty records streamed to whoever needs them. Each stage reports into
// the shared LoadContext and goes on, so one run shows every problem.

import { readdir } from 'node:fs/promises';
import { EVERY_ID, NEVER, type Assessment, type IdFilter, type Member, type Org } from '../model/types.js';
import type { Inspection, Leader, Liaison, Rectification, Review } from '../model/practices.js';
import type { HistoryRefs } from '../checks/history.js';
import { loadReserve, loadTransfers, movesOf, spansOf } from './history.js';
import { loadFindings, loadInspections, loadLeaders, loadLiaisons, loadReviews } from './practices.js';
import { CHECKS } from '../checks/index.js';
import { ZeroDamage } from '../checks/members.js';
import { loadAssessments } from './assessments.js';
import { startEarlyScan, streamActivities, type DatasetRefs, type ActivityStats, type RecordConsumers } from './activities.js';
import { Vocabulary } from '../model/record-view.js';
import { loadConfig, type Config } from './config.js';
import type { LoadContext } from './context.js';
import { listYearFiles, pickFile, prefetchRecordsFile, type YearFile } from './files.js';
import { loadMembers } from './members.js';
import { unassessedItems } from '../checks/assessments.js';
import { loadOrgs } from './orgs.js';
import { assessableItems, loadRubric, type LoadedRubric } from './rubric.js';
import { compileRubric } from './compile-rubric.js';
import type { Rubric } from '../model/rubric.js';
import type { RawRubric } from '../schema/structured.js';

export interface Dataset {
  /** Absolute path of the dataset root. */
  readonly root: string;
  readonly config: Config;
  readonly files: {
    readonly orgs: string | undefined;
    readonly members: string | undefined;
    readonly activities: readonly YearFile[];
    readonly assessments: readonly YearFile[];
    readonly rubrics: readonly YearFile[];
    readonly transfers: string | undefined;
    readonly reserve: string | undefined;
    readonly liaisons: string | undefined;
    readonly inspections: string | undefined;
    readonly findings: string | undefined;
    readonly leaders: string | undefined;
    readonly reviews: readonly YearFile[];
  };
  /** In the order orgs.yaml lists them. */
  readonly orgs: readonly Org[];
  readonly orgById: ReadonlyMap<string, Org>;
  readonly brokenOrgs: IdFilter;
  /** In the order the roster lists them. */
  readonly members: readonly Member[];
  readonly memberById: ReadonlyMap<string, Member>;
  readonly brokenMembers: IdFilter;
  /** Roster ids whose leading zeros Excel dropped (named once, at the roster). */
  readonly zeros: ZeroDamage;
  /** Positions in `orgs` and `members`: the numbers record views use. */
  readonly orgIndex: ReadonlyMap<string, number>;
  readonly memberIndex: ReadonlyMap<string, number>;
  /** The words of records as numbers (types, levels, outcomes, tags). */
  readonly vocab: Vocabulary;
  /** The pool's history is kept (reserve.csv): members' reserveSpans decide who is in it on a day. */
  readonly reserveHistory: boolean;
  /** Who keeps contact with which org: liaisons.csv, plus orgs.yaml's `liaison` (undated, a leader). */
  readonly liaisons: readonly Liaison[];
  readonly inspections: readonly Inspection[];
  readonly rectifications: readonly Rectification[];
  /**
   * The committees' 领导班子: leaders.csv for the orgs it lists, orgs.yaml's `committee` (undated)
   * for the other committees (every org but a 支部).
   */
  readonly leaders: readonly Leader[];
}

/** Loads settings, the org tree and the roster, with their checks. Undefined without a usable mj.yaml. */
/** A file beside `path` with the same name and another extension (members.txt for members.csv), if there is one. */
async function nearName(root: string, path: string): Promise<string | undefined> {
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash);
  const stem = path.slice(slash + 1).replace(/\.[^.]*$/, '');
  let names: string[];
  try {
    names = await readdir(dir === '' ? root : `${root}/${dir}`);
  } catch {
    return undefined;
  }
  const found = names.sort().find((n) => n !== path.slice(slash + 1) && n.replace(/\.[^.]*$/, '') === stem && /\.(txt|tsv|csv|xls|xlsx)$/i.test(n));
  return found === undefined ? undefined : dir === '' ? found : `${dir}/${found}`;
}

export async function loadBase(ctx: LoadContext): Promise<Dataset | undefined> {
  const config = await loadConfig(ctx);
  if (config === undefined) return undefined;
  const orgsPick = await pickFile(ctx, config.files.orgs);
  const membersPick = await pickFile(ctx, config.files.members);
  const orgsFile = orgsPick ?? undefined;
  const membersFile = membersPick ?? undefined;
  // The records files, listed first: the ones the command reads first are looked at while the
  // base loads, and a large one's later part may be read by a worker already.
  const activities = await listYearFiles(ctx, config.files.activities);
  const first = ctx.options.prefetchYears;
  for (const f of first === 'earliest' ? activities.slice(0, 1) : activities.filter((a) => first?.includes(a.year))) {
    void prefetchRecordsFile(ctx, f.file).catch(() => undefined);
    if (orgsFile !== undefined && membersFile !== undefined) void startEarlyScan(ctx, f.file, f.year, orgsFile, membersFile, config.outcomes).catch(() => undefined);
  }
  if (orgsPick === undefined) ctx.report({ code: 'MJ002', file: config.files.orgs[0]!, line: 0, column: 0, params: { what: '@orgs', path: config.files.orgs[0]!, also: '' } });
  if (membersPick === undefined) {
    // Excel saves "Unicode 文本" as members.txt: a roster under another name is named in the message.
    const other = await nearName(ctx.root, config.files.members[0]!);
    ctx.report({ code: 'MJ002', file: config.files.members[0]!, line: 0, column: 0, params: { what: '@members', path: config.files.members[0]!, also: other === undefined ? '' : `@found-instead:${other}` } });
  }

  const trace = ctx.options.traceTime;
  const loadedOrgs = orgsFile === undefined ? undefined : await loadOrgs(ctx, orgsFile);
  trace?.('org tree read');
  const orgs = loadedOrgs?.orgs ?? [];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const brokenOrgs: IdFilter = loadedOrgs?.broken ?? EVERY_ID;

  const optional = async (patterns: readonly string[]): Promise<string | undefined> => (await pickFile(ctx, patterns)) ?? undefined;
  const reserveFile = await optional(config.files.reserve);
  const loadedMembers = membersFile === undefined ? undefined : await loadMembers(ctx, membersFile, orgById, brokenOrgs, reserveFile !== undefined);
  trace?.('roster read');
  const memberById = loadedMembers?.byId ?? new Map<string, Member>();
  // An unreadable or empty roster: references to members cannot be checked, so are not reported.
  const brokenMembers: IdFilter = loadedMembers === undefined || loadedMembers.members.length === 0 ? EVERY_ID : loadedMembers.broken;
  const members = loadedMembers?.members ?? [];
  const zeros = new ZeroDamage(members);
  const refs: HistoryRefs = { orgs: orgById, brokenOrgs, members: memberById, brokenMembers, zeros };

  // The roster's history: moves between branches and spans in the pool, attached to the members.
  const transfersFile = await optional(config.files.transfers);
  const moves = transfersFile === undefined ? undefined : await loadTransfers(ctx, transfersFile, refs);
  const spans = reserveFile === undefined ? undefined : await loadReserve(ctx, reserveFile, refs);
  if ((moves?.size ?? 0) > 0 || (spans?.size ?? 0) > 0) {
    members.forEach((m, i) => {
      const mv = moves?.get(m.id);
      const sp = spans?.get(m.id);
      if (!mv && !sp) return;
      const next: Member = { ...m, ...(mv ? { moves: movesOf(ctx, m, mv, orgById) } : {}), ...(sp ? { reserveSpans: spansOf(ctx, m, sp) } : {}) };
      members[i] = next;
      memberById.set(m.id, next);
    });
  }
  // With the roster's zeros lost (MJ313), the pool's ids cannot be matched to it: the column is not judged.
  if (reserveFile !== undefined && spans !== undefined && !zeros.seen) for (const check of CHECKS.pool) for (const d of check(members)) ctx.report(d);

  trace?.('roster history read');
  const subject = { tree: loadedOrgs, orgById, members, memberById, brokenMembers, zeros };
  for (const check of CHECKS.dataset) for (const d of check(subject)) ctx.report(d);

  trace?.('base checked');
  // The practices: liaisons, 政治巡查 and 整改, the 领导班子.
  const liaisonsFile = await optional(config.files.liaisons);
  const liaisons = [
    ...orgs.filter((o) => o.liaison !== undefined).map((o): Liaison => ({ org: o.id, member: o.liaison!, role: '领导', from: 0, until: NEVER, origin: o.origin })),
    ...((liaisonsFile === undefined ? undefined : await loadLiaisons(ctx, liaisonsFile, refs)) ?? []),
  ];
  const inspectionsFile = await optional(config.files.inspections);
  const findingsFile = await optional(config.files.findings);
  const loadedInspections = inspectionsFile === undefined ? { list: [], ids: new Set<string>() } : await loadInspections(ctx, inspectionsFile, refs);
  const inspections = loadedInspections?.list;
  const rectifications = findingsFile === undefined ? [] : ((await loadFindings(ctx, findingsFile, loadedInspections)) ?? []);
  const leadersFile = await optional(config.files.leaders);
  const seats = leadersFile === undefined ? [] : ((await loadLeaders(ctx, leadersFile, refs)) ?? []);
  const listed = new Set(seats.map((l) => l.org));
  const leaders = [
    ...orgs.filter((o) => o.type !== '支部' && !listed.has(o.id)).flatMap((o) => o.committee.map((c): Leader => ({ org: o.id, member: c.member, role: c.role, from: 0, until: NEVER, origin: o.origin }))),
    ...seats,
  ];
  trace?.('practices read');

  return {
    root: ctx.root,
    config,
    files: {
      orgs: orgsFile,
      members: membersFile,
      activities,
      assessments: await listYearFiles(ctx, config.files.assessments),
      rubrics: await listYearFiles(ctx, config.files.rubrics),
      transfers: transfersFile,
      reserve: reserveFile,
      liaisons: liaisonsFile,
      inspections: inspectionsFile,
      findings: findingsFile,
      leaders: leadersFile,
      reviews: await listYearFiles(ctx, config.files.reviews),
    },
    orgs,
    orgById,
    brokenOrgs,
    members,
    memberById,
    brokenMembers,
    zeros,
    orgIndex: indexById(orgs),
    memberIndex: indexById(members),
    vocab: new Vocabulary(config.outcomes),
    reserveHistory: reserveFile !== undefined,
    liaisons,
    inspections: inspections ?? [],
    rectifications,
    leaders,
  };
}

export function fileOfYear(files: readonly YearFile[], year: number): string | undefined {
  return files.find((f) => f.year === year)?.file;
}

/** Every year that has any yearly file. */
export function yearsOf(ds: Dataset): number[] {
  const ys = new Set<number>();
  for (const list of [ds.files.activities, ds.files.assessments, ds.files.rubrics, ds.files.reviews]) for (const f of list) ys.add(f.year);
  return [...ys].sort((a, b) => a - b);
}

export async function loadYearRubric(ctx: LoadContext, ds: Dataset, year: number): Promise<LoadedRubric | undefined> {
  const file = fileOfYear(ds.files.rubrics, year);
  return file === undefined ? undefined : loadRubric(ctx, file, year, ds.config.outcomes);
}

export async function loadYearAssessments(ctx: LoadContext, ds: Dataset, year: number, rubric: LoadedRubric | undefined): Promise<Assessment[]> {
  const file = fileOfYear(ds.files.assessments, year);
  const rubricFile = fileOfYear(ds.files.rubrics, year);
  const items = rubric ? assessableItems(rubric.rubric) : undefined;
  let rows: Assessment[] = [];
  if (file !== undefined) {
    rows = (await loadAssessments(ctx, file, year, ds.orgById, ds.brokenOrgs, items, rubricFile === undefined, ds.memberById)) ?? [];
  }
  // An item with no row is worth saying only when the rows are all read: rows with errors of their own are not "no rows".
  const broken = file !== undefined && ctx.diagnostics.errorsIn(new Set([file])) > 0;
  if (rubric && items && !broken) for (const d of unassessedItems(rubric.rubric, rows, year, rubric.file, (path) => rubric.doc.locate(path))) ctx.report(d);
  return rows;
}

export interface YearData {
  readonly rubric: Rubric | undefined;
  /** The rubric as written (a worker thread compiles its own copy). */
  readonly raw: RawRubric | undefined;
  /** The rubric's file and document (positions for checks made later: measure: earlier). */
  readonly loaded: LoadedRubric | undefined;
  readonly assessments: readonly Assessment[];
}

/** A year's rubric (compiled) and assessments, for the commands that score; a missing rubric is an error. */
export async function loadYearRules(ctx: LoadContext, ds: Dataset, year: number): Promise<YearData> {
  const loaded = await loadYearRubric(ctx, ds, year);
  if (fileOfYear(ds.files.rubrics, year) === undefined) {
    const path = ds.config.files.rubrics[0]!.replace('{year}', String(year));
    ctx.report({ code: 'MJ002', file: path, line: 0, column: 0, params: { what: '@rubric', path, also: otherYears(ds, year) } });
  }
  const assessments = await loadYearAssessments(ctx, ds, year, loaded);
  return { rubric: loaded ? compileRubric(loaded.rubric, year) : undefined, raw: loaded?.rubric, loaded, assessments };
}

/** Whether the year has a duty-records file; when it has none, that is an error (MJ002). */
export function requireRecordsFile(ctx: LoadContext, ds: Dataset, year: number, neededBy?: number): boolean {
  if (fileOfYear(ds.files.activities, year) !== undefined) return true;
  const path = ds.config.files.activities[0]!.replace('{year}', String(year));
  ctx.report({ code: 'MJ002', file: path, line: 0, column: 0, params: { what: '@activities', path, also: neededBy === undefined ? otherYears(ds, year) : `@needed-by-earlier:${neededBy}` } });
  return false;
}

/** For a year with no file of its own at all: the years the data has (a mistyped year, say). */
function otherYears(ds: Dataset, year: number): string {
  const years = yearsOf(ds);
  return years.length === 0 || years.includes(year) ? '' : `@years-present:${years.join('、')}`;
}

/** Streams the year's duty records; a year without a records file is an error. */
export async function streamYearRequired(ctx: LoadContext, ds: Dataset, year: number, to: RecordConsumers): Promise<void> {
  if (requireRecordsFile(ctx, ds, year)) await streamYear(ctx, ds, year, to);
}

/** Streams one year's duty records; undefined when the year has no records file or it cannot be read. */
export async function streamYear(ctx: LoadContext, ds: Dataset, year: number, to: RecordConsumers): Promise<ActivityStats | undefined> {
  const file = fileOfYear(ds.files.activities, year);
  if (file === undefined) return undefined;
  return streamActivities(ctx, file, year, refsOf(ds), to);
}

const refsCache = new WeakMap<Dataset, DatasetRefs>();

/** What checking a duty record needs from the dataset (one object per dataset, so lookup tables are built once). */
function refsOf(ds: Dataset): DatasetRefs {
  let r = refsCache.get(ds);
  if (!r) {
    r = {
      orgs: ds.orgById, brokenOrgs: ds.brokenOrgs, members: ds.memberById, brokenMembers: ds.brokenMembers, zeros: ds.zeros, outcomes: ds.config.outcomes,
      orgList: ds.orgs, memberList: ds.members, orgIndex: ds.orgIndex, memberIndex: ds.memberIndex, vocab: ds.vocab,
    };
    refsCache.set(ds, r);
  }
  return r;
}

/** The practice refs of a dataset: what its rows are checked against. */
export function practiceRefs(ds: Dataset): HistoryRefs {
  return { orgs: ds.orgById, brokenOrgs: ds.brokenOrgs, members: ds.memberById, brokenMembers: ds.brokenMembers, zeros: ds.zeros };
}

/** The year's reviews of the 领导班子 (reviews/YEAR.csv), checked against the year's seats; [] without a file. */
export async function loadYearReviews(ctx: LoadContext, ds: Dataset, year: number): Promise<Review[]> {
  const file = fileOfYear(ds.files.reviews, year);
  if (file === undefined) return [];
  const first = year * 10000 + 101, last = year * 10000 + 1231;
  const seated = (org: string, member: string): boolean => ds.leaders.some((l) => l.org === org && l.member === member && l.from <= last && l.until > first);
  return (await loadReviews(ctx, file, practiceRefs(ds), year, seated)) ?? [];
}

/** Each item's number by its id (a loop: no array of pairs, a national roster's 200,000 of them). */
function indexById(list: readonly { readonly id: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < list.length; i++) out.set(list[i]!.id, i);
  return out;
}
