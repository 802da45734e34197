// The loading pipeline: mj.yaml → orgs → members (kept in memory) → per year: rubric,
// assessments, and the duty records streamed to whoever needs them. Each stage reports into
// the shared LoadContext and goes on, so one run shows every problem.

import { EVERY_ID, type Assessment, type IdFilter, type Member, type Org } from '../model/types.js';
import { CHECKS } from '../checks/index.js';
import { ZeroDamage } from '../checks/members.js';
import { loadAssessments } from './assessments.js';
import { streamActivities, type DatasetRefs, type ActivityStats, type RecordConsumers } from './activities.js';
import { Vocabulary } from '../model/record-view.js';
import { loadConfig, type Config } from './config.js';
import type { LoadContext } from './context.js';
import { listYearFiles, pickFile, type YearFile } from './files.js';
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
}

/** Loads settings, the org tree and the roster, with their checks. Undefined without a usable mj.yaml. */
export async function loadBase(ctx: LoadContext): Promise<Dataset | undefined> {
  const config = await loadConfig(ctx);
  if (config === undefined) return undefined;
  const orgsPick = await pickFile(ctx, config.files.orgs);
  const membersPick = await pickFile(ctx, config.files.members);
  const orgsFile = orgsPick ?? undefined;
  const membersFile = membersPick ?? undefined;
  if (orgsPick === undefined) ctx.report({ code: 'MJ002', file: config.files.orgs[0]!, line: 0, column: 0, params: { what: '@orgs', path: config.files.orgs[0]! } });
  if (membersPick === undefined) ctx.report({ code: 'MJ002', file: config.files.members[0]!, line: 0, column: 0, params: { what: '@members', path: config.files.members[0]! } });

  const loadedOrgs = orgsFile === undefined ? undefined : await loadOrgs(ctx, orgsFile);
  const orgs = loadedOrgs?.orgs ?? [];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const brokenOrgs: IdFilter = loadedOrgs?.broken ?? EVERY_ID;

  const loadedMembers = membersFile === undefined ? undefined : await loadMembers(ctx, membersFile, orgById, brokenOrgs);
  const memberById = loadedMembers?.byId ?? new Map<string, Member>();
  // An unreadable or empty roster: references to members cannot be checked, so are not reported.
  const brokenMembers: IdFilter = loadedMembers === undefined || loadedMembers.members.length === 0 ? EVERY_ID : loadedMembers.broken;
  const zeros = new ZeroDamage(loadedMembers?.members ?? []);
  const subject = { tree: loadedOrgs, orgById, members: loadedMembers?.members ?? [], memberById, brokenMembers, zeros };
  for (const check of CHECKS.dataset) for (const d of check(subject)) ctx.report(d);

  return {
    root: ctx.root,
    config,
    files: {
      orgs: orgsFile,
      members: membersFile,
      activities: await listYearFiles(ctx, config.files.activities),
      assessments: await listYearFiles(ctx, config.files.assessments),
      rubrics: await listYearFiles(ctx, config.files.rubrics),
    },
    orgs,
    orgById,
    brokenOrgs,
    members: loadedMembers?.members ?? [],
    memberById,
    brokenMembers,
    zeros,
    orgIndex: new Map(orgs.map((o, i) => [o.id, i])),
    memberIndex: new Map((loadedMembers?.members ?? []).map((m, i) => [m.id, i])),
    vocab: new Vocabulary(config.outcomes),
  };
}

export function fileOfYear(files: readonly YearFile[], year: number): string | undefined {
  return files.find((f) => f.year === year)?.file;
}

/** Every year that has any yearly file. */
export function yearsOf(ds: Dataset): number[] {
  const ys = new Set<number>();
  for (const list of [ds.files.activities, ds.files.assessments, ds.files.rubrics]) for (const f of list) ys.add(f.year);
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
  if (rubric && items) for (const d of unassessedItems(rubric.rubric, rows, year, rubric.file, (path) => rubric.doc.locate(path))) ctx.report(d);
  return rows;
}

export interface YearData {
  readonly rubric: Rubric | undefined;
  /** The rubric as written (a worker thread compiles its own copy). */
  readonly raw: RawRubric | undefined;
  readonly assessments: readonly Assessment[];
}

/** A year's rubric (compiled) and assessments, for the commands that score; a missing rubric is an error. */
export async function loadYearRules(ctx: LoadContext, ds: Dataset, year: number): Promise<YearData> {
  const loaded = await loadYearRubric(ctx, ds, year);
  if (fileOfYear(ds.files.rubrics, year) === undefined) {
    const path = ds.config.files.rubrics[0]!.replace('{year}', String(year));
    ctx.report({ code: 'MJ002', file: path, line: 0, column: 0, params: { what: '@rubric', path } });
  }
  const assessments = await loadYearAssessments(ctx, ds, year, loaded);
  return { rubric: loaded ? compileRubric(loaded.rubric, year) : undefined, raw: loaded?.rubric, assessments };
}

/** Streams the year's duty records; a year without a records file is an error. */
export async function streamYearRequired(ctx: LoadContext, ds: Dataset, year: number, to: RecordConsumers): Promise<void> {
  if (fileOfYear(ds.files.activities, year) === undefined) {
    const path = ds.config.files.activities[0]!.replace('{year}', String(year));
    ctx.report({ code: 'MJ002', file: path, line: 0, column: 0, params: { what: '@activities', path } });
    return;
  }
  await streamYear(ctx, ds, year, to);
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
