// One year's computation, shared by score, stats, progress, subsidy and report: the year's rules
// (rubric, assessments), the scope, one scan of the records feeding the folds the request needs
// (folds.ts), then the results. Every stage stops on errors in the files it read, so a result
// always comes from clean data.

import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { explainBranch, type Explanation } from '../compute/explain.js';
import { memberPoints } from '../compute/member-points.js';
import type { ScoreCounts } from '../compute/score-counts.js';
import { scoreBranches, type BranchScore } from '../compute/scores.js';
import { countScopeOf, makeScope, type YearScope } from '../compute/scope.js';
import { whoMasks } from '../compute/where.js';
import { earlierOf, type EarlierYear } from '../compute/earlier.js';
import type { SheetScore } from '../compute/scores.js';
import { earlierRefs } from '../checks/rubric.js';
import type { LoadedRubric } from '../load/rubric.js';
import { earlierItems, rubricWheres, type Sheet } from '../model/rubric.js';
import {
  rollUpSubtree, scoreMembers, scoreUnits, unitCountScope, unitFolds, unitLayout, type MemberScore, type SheetFold, type UnitLayout, type UnitScore,
} from '../compute/sheets.js';
import type { StatsCounts } from '../compute/stats.js';
import { computeSubsidy, type SubsidyResult } from '../compute/subsidy.js';
import { fileOfYear, loadYearReviews, loadYearRules, requireRecordsFile, streamYearRequired } from '../load/dataset.js';
import { practiceLayout, type PracticeCounts, type PracticeLayout } from '../compute/practices.js';
import { isNewMemberCourse } from '../compute/trainings.js';
import type { Review } from '../model/practices.js';
import { ACTIVITY_TYPES } from '../model/types.js';
import { checkNewMemberCourse } from './trainings.js';
import type { Keep } from '../scan/csv-scan.js';
import type { RecordView } from '../model/record-view.js';
import { DEFAULT_THREE_ONES, type Rubric } from '../model/rubric.js';
import type { Activity, Assessment, Day } from '../model/types.js';
import type { Rational } from '../util/decimal-text.js';
import type { Base } from './base.js';
import { unlessErrors } from './base.js';
import { makeFold, SCAN_WORKER, type CountSpec } from './folds.js';
import type { Stage } from './stage.js';

/** The score sheet of a year. */
export interface Scored {
  readonly year: number;
  /** The scope of the scores (31 December). */
  readonly scoreScope: YearScope;
  readonly rubric: Rubric;
  readonly assessments: readonly Assessment[];
  readonly counts: ScoreCounts;
  readonly scores: readonly BranchScore[];
  /** undefined when the rubric has no subsidy rule. */
  readonly subsidy: SubsidyResult | undefined;
  /** --explain: how one branch's points were reached (undefined when it is not a branch of the year). */
  readonly explanation: Explanation | undefined;
  /** The unit sheets (总支, 市委会 …), in the rubric's order. */
  readonly units: readonly UnitSheetResult[];
  /** The member sheet, when the rubric has one. */
  readonly members: MemberSheetResult | undefined;
  /** The records kept for an explanation (--explain). */
  readonly kept: readonly Activity[];
}

export interface UnitSheetResult {
  readonly sheet: Sheet;
  readonly layout: UnitLayout;
  readonly scores: readonly UnitScore[];
}

export interface MemberSheetResult {
  readonly sheet: Sheet;
  readonly counts: ScoreCounts;
  readonly scores: readonly MemberScore[];
}

/** The statistics of a year (as of 31 December, or an --as-of day). */
export interface Counted {
  readonly year: number;
  readonly scope: YearScope;
  readonly rubric: Rubric | undefined;
  readonly stats: StatsCounts;
  /** 会员履职积分, when the year's rubric has member items. */
  readonly memberPoints: ((m: number) => Rational) | undefined;
}

/** The practices of a year that come from its records: liaison visits, committee meetings, trainings. */
export interface Practised {
  readonly year: number;
  readonly layout: PracticeLayout;
  readonly practices: PracticeCounts;
  /** The year's 培训 records, whole (for the trainings tables). */
  readonly trainingRecords: readonly Activity[];
  /** The year's reviews of the 领导班子. */
  readonly reviews: readonly Review[];
}

interface Request {
  readonly scores: boolean;
  readonly stats: boolean;
  /** Liaison visits and committee meetings (a practices fold), the 培训 records kept whole, the reviews. */
  readonly practices?: boolean;
  /** The 培训 records kept whole (without the rest of the practices). */
  readonly trainings?: boolean;
  readonly asOf?: Day | undefined;
  /** --explain: keep the records of this branch and its members. */
  readonly explain?: string | undefined;
  /** --explain of a member: keep the records listing them. */
  readonly explainMember?: string | undefined;
  /** Keep the records of every branch and its members (all that count), for explaining each. */
  readonly explainAll?: boolean;
  /** Count the rubric's member items for the members' points (stats: only the members table shows them). Default true. */
  readonly memberPoints?: boolean | undefined;
}

/**
 * How every branch's points were reached (the HTML report's score cards), or only the points
 * when the year's records were too many to keep.
 */
export interface Explained {
  /** The branch's explanation, record by record; undefined when the records were not kept. */
  explain(branchId: string): Explanation | undefined;
  /** Why records are not listed: the records file's size above the limit (bytes), or undefined when they are. */
  readonly omitted: { readonly bytes: number; readonly limit: number } | undefined;
}

/**
 * The largest records file whose records are kept to explain every branch. Kept records cost
 * about 4.4 bytes of heap per byte of CSV, and keeping them reads every row whole on one thread
 * (measured: ARCHITECTURE.md, "Explanations at scale"). At 32 MB (some 220,000 records, a
 * province of 20,000 members) that is about 140 MB and a few seconds more; a national file
 * (300 MB, 2 million records) would need 1.3 GB, so there the cards show every point and its
 * measure without the record lists.
 */
export const EXPLAIN_ALL_MAX_BYTES = 32 * 1024 * 1024;

interface Run {
  readonly scope: YearScope;
  readonly scoreScope: YearScope;
  readonly rubric: Rubric | undefined;
  readonly assessments: readonly Assessment[];
  readonly scoreCounts: ScoreCounts | undefined;
  readonly stats: StatsCounts | undefined;
  readonly kept: readonly Activity[];
  /** measure: earlier — the earlier years' results the rubric asks for (undefined: no rubric that year). */
  readonly earlier: ReadonlyMap<number, EarlierYear | undefined>;
  readonly layouts: readonly UnitLayout[];
  readonly sheetFolds: readonly { readonly fold: SheetFold; readonly counts: ScoreCounts }[];
  readonly trainingRecords: readonly Activity[];
  readonly practised: Practised | undefined;
}

async function runYear(base: Base, year: number, req: Request): Promise<Run> {
  const { ctx, ds } = base;
  const wantRubric = req.scores || fileOfYear(ds.files.rubrics, year) !== undefined;
  const rules = wantRubric ? await loadYearRules(ctx, ds, year) : { rubric: undefined, assessments: [], raw: undefined, loaded: undefined };
  const rubric = rules.rubric;
  const scope = makeScope(ds.orgs, ds.members, year, req.asOf, ds.memberIndex);
  const scoreScope = req.asOf === undefined ? scope : makeScope(ds.orgs, ds.members, year, undefined, ds.memberIndex);

  // What the scan feeds, as data: both threads of a split scan build their folds from these.
  const specs: CountSpec[] = [];
  const layouts: UnitLayout[] = [];
  if (rules.raw && rubric && (req.scores || (req.memberPoints !== false && rubric.memberItems.length > 0))) {
    const masks = whoMasks(rubricWheres(rubric), year, ds.members);
    const base = countScopeOf(scoreScope, masks);
    specs.push({ kind: 'score', rubric: rules.raw, year, scope: base });
    if (req.scores) {
      // Each further sheet counts in its own folds (only when the rubric has such sheets).
      for (const sheet of rubric.units) {
        const layout = unitLayout(scoreScope, sheet);
        layouts.push(layout);
        for (const fold of unitFolds(sheet)) if (fold.kind === 'unit') specs.push({ kind: 'score', rubric: rules.raw, year, scope: unitCountScope(base, layout, fold.scope), sheet: fold });
      }
      if (rubric.memberSheet) specs.push({ kind: 'score', rubric: rules.raw, year, scope: base, sheet: { kind: 'member' } });
    }
  }
  if (req.stats) specs.push({ kind: 'stats', threeOnes: rubric?.threeOnes ?? DEFAULT_THREE_ONES, until: req.asOf ?? scope.lastDay, scope: countScopeOf(scope) });
  const layout = req.practices ? practiceLayout(ds.orgs, ds.orgIndex, ds.memberIndex, ds.members.length, ds.liaisons, ds.leaders) : undefined;
  if (layout) specs.push({ kind: 'practices', layout, until: req.asOf ?? scope.lastDay });
  const folds = specs.map((s) => makeFold(s, ds.vocab));
  const scoreCounts = folds[specs.findIndex((s) => s.kind === 'score' && s.sheet === undefined)] as ScoreCounts | undefined;
  const sheetFolds = specs.flatMap((s, i) => (s.kind === 'score' && s.sheet !== undefined ? [{ fold: s.sheet, counts: folds[i] as ScoreCounts }] : []));
  const stats = folds[specs.findIndex((s) => s.kind === 'stats')] as StatsCounts | undefined;
  const practices = folds[specs.findIndex((s) => s.kind === 'practices')] as PracticeCounts | undefined;

  const kept: Activity[] = [];
  const training: Activity[] = [];
  const explainKeep = req.explainAll
    ? keepAll(base, scoreScope, kept)
    : req.explain !== undefined
      ? keepFor(base, req.explain, kept)
      : req.explainMember !== undefined ? keepMember(base, req.explainMember, kept) : undefined;
  const trainingKeep = req.practices || req.trainings ? keepTrainings(training) : undefined;
  const keep = explainKeep && trainingKeep ? keepBoth(explainKeep, trainingKeep) : explainKeep ?? trainingKeep;
  await streamYearRequired(ctx, ds, year, { folds, split: { specs, workerUrl: SCAN_WORKER }, keep });
  for (const { fold, counts } of sheetFolds) {
    if (fold.kind === 'unit' && fold.scope === 'subtree') rollUpSubtree(counts, layouts.find((l) => l.sheet.id === fold.id)!);
  }
  const earlier = req.scores && rubric && rules.loaded ? await earlierYearsOf(base, year, rubric, rules.loaded) : new Map<number, EarlierYear | undefined>();
  let practised: Practised | undefined;
  if (layout && practices) {
    const reviews = await loadYearReviews(ctx, ds, year);
    checkNewMemberCourse(ctx, ds, year, training.filter((a) => isNewMemberCourse(a, ds.config.training)).length);
    practised = { year, layout, practices, trainingRecords: training, reviews };
  }
  return { scope, scoreScope, rubric, assessments: rules.assessments, scoreCounts, stats, kept, earlier, layouts, sheetFolds, trainingRecords: training, practised };
}

/**
 * measure: earlier — each earlier year the rubric's items ask for, scored by its own rubric
 * (which may ask for years before it in turn), and the items checked against that rubric
 * (MJ418, MJ419). A year without a rubric is undefined: its items measure 0.
 */
async function earlierYearsOf(base: Base, year: number, rubric: Rubric, loaded: LoadedRubric): Promise<Map<number, EarlierYear | undefined>> {
  const out = new Map<number, EarlierYear | undefined>();
  const past = new Map<number, Rubric | null>();
  const backs = [...new Set(earlierItems(rubric).map((it) => it.earlier!.back))].sort((a, b) => a - b);
  for (const back of backs) {
    const y = year - back;
    if (fileOfYear(base.ds.files.rubrics, y) === undefined) {
      out.set(y, undefined);
      continue;
    }
    // Its points come from its own records: without them, that is the error (as validate says).
    if (!requireRecordsFile(base.ctx, base.ds, y, year)) {
      past.set(y, null);
      continue;
    }
    const scored = await scoreYear(base, y);
    if (!scored.ok) {
      past.set(y, null);
      continue;
    }
    const s = scored.value;
    past.set(y, s.rubric);
    const byId = <T extends SheetScore>(list: readonly T[], id: (x: T) => string): ReadonlyMap<string, SheetScore> => new Map(list.map((x) => [id(x), x]));
    const sheets = new Map<string, ReadonlyMap<string, SheetScore>>([['', byId(s.scores, (b) => b.branch.id)]]);
    for (const u of s.units) sheets.set(u.sheet.id, byId(u.scores, (x) => x.unit.id));
    if (s.members) sheets.set('members', byId(s.members.scores, (m) => m.member.id));
    out.set(y, { sheet: (id) => sheets.get(id) });
  }
  const refs = { file: loaded.file, year, locate: (path: readonly (string | number)[]) => loaded.doc.locate(path) };
  for (const d of earlierRefs(loaded.rubric, refs, (y) => past.get(y))) base.ctx.report(d);
  return out;
}

const TRAINING = ACTIVITY_TYPES.indexOf('培训');

/** The year's 培训 records, whole: by type, so the scan may still be split. */
function keepTrainings(into: Activity[]): Keep {
  return { want: (v) => v.type === TRAINING, take: (a) => void into.push(a), types: 1 << TRAINING };
}

/**
 * Two keeps in one scan (mj report's explanations and its trainings tables). The scan calls
 * take right after the want that chose a record, so each takes what it wanted. Has no types:
 * a scan keeping for an explanation is read on one thread anyway.
 */
function keepBoth(a: Keep, b: Keep): Keep {
  let wa = false, wb = false;
  return {
    want: (v) => {
      wa = a.want(v);
      wb = b.want(v);
      return wa || wb;
    },
    take: (x) => {
      if (wa) a.take(x);
      if (wb) b.take(x);
    },
  };
}

/**
 * Every record that can explain a point: credited to a branch of the year or listing one of its
 * members. Kept lean: member ids are the roster's own strings, and the note (never shown) is dropped.
 */
function keepAll(base: Base, scope: YearScope, into: Activity[]): Keep {
  const { memberById } = base.ds;
  return {
    want: (v: RecordView) => {
      if (v.org >= 0 && scope.branchOfOrg[v.org]! >= 0) return true;
      for (let i = 0; i < v.memberCount; i++) if (scope.memberBranch[v.members[i]!]! >= 0) return true;
      return false;
    },
    take: (a) => void into.push({ ...a, members: a.members.map((id) => memberById.get(id)?.id ?? id), note: undefined }),
  };
}

/** The kept records of each branch: its own and those listing one of its members, each once. */
function recordsByBranch(scope: YearScope, kept: readonly Activity[]): Activity[][] {
  const out: Activity[][] = Array.from({ length: scope.branches.length }, () => []);
  const taken: number[] = [];
  for (const a of kept) {
    taken.length = 0;
    const own = scope.branchIndex.get(a.org);
    if (own !== undefined) taken.push(own);
    for (const id of a.members) {
      const m = scope.memberIndex.get(id);
      const b = m === undefined ? -1 : scope.memberBranch[m]!;
      if (b >= 0 && !taken.includes(b)) taken.push(b);
    }
    for (const b of taken) out[b]!.push(a);
  }
  return out;
}

/** --explain of a member: the records listing them. */
function keepMember(base: Base, id: string, into: Activity[]): Keep {
  const m = base.ds.members.findIndex((x) => x.id === id);
  return {
    want: (v: RecordView) => {
      for (let i = 0; i < v.memberCount; i++) if (v.members[i] === m) return true;
      return false;
    },
    take: (a) => void into.push(a),
  };
}

/** --explain: the records credited to the branch or listing one of its members. */
function keepFor(base: Base, branch: string, into: Activity[]): Keep {
  const org = base.ds.orgIndex.get(branch) ?? -1;
  // Its members: any who were in it on a day of the year (a member who moved away is still explained).
  const mine = Uint8Array.from(base.ds.members, (m) => (m.org === branch || (m.moves ?? []).some((mv) => mv.from === branch || mv.to === branch) ? 1 : 0));
  return {
    want: (v: RecordView) => {
      if (v.org === org) return true;
      for (let i = 0; i < v.memberCount; i++) if (mine[v.members[i]!] === 1) return true;
      return false;
    },
    take: (a) => void into.push(a),
  };
}

function scoredOf(run: Run, year: number, explain: string | undefined): Scored | undefined {
  const { rubric, scoreCounts: counts, scoreScope } = run;
  if (!rubric || !counts) return undefined;
  const past = (sheet: string) => (run.earlier.size > 0 ? earlierOf(year, sheet, run.earlier) : undefined);
  const scores = scoreBranches(scoreScope, rubric, counts, run.assessments, past(''));
  const subsidy = rubric.subsidy && computeSubsidy(rubric.subsidy, scores.map((s, b) => ({ members: scoreScope.activeCount[b]!, grade: s.grade })));
  const explanation = explain !== undefined && scoreScope.branchIndex.has(explain)
    ? explainBranch(scoreScope, rubric, scores, explain, run.kept, run.assessments)
    : undefined;
  const units = run.layouts.map((layout): UnitSheetResult => {
    const folds = run.sheetFolds.filter((f) => f.fold.kind === 'unit' && f.fold.id === layout.sheet.id).map((f) => f.counts);
    return { sheet: layout.sheet, layout, scores: scoreUnits(scoreScope, rubric, layout, folds, scores, run.assessments, past(layout.sheet.id)) };
  });
  const memberFold = run.sheetFolds.find((f) => f.fold.kind === 'member');
  const members = rubric.memberSheet && memberFold ? { sheet: rubric.memberSheet, counts: memberFold.counts, scores: scoreMembers(scoreScope, rubric, memberFold.counts, run.assessments, past('members')) } : undefined;
  return { year, scoreScope, rubric, assessments: run.assessments, counts, scores, subsidy, explanation, units, members, kept: run.kept };
}

function countedOf(run: Run, year: number): Counted | undefined {
  if (!run.stats) return undefined;
  return { year, scope: run.scope, rubric: run.rubric, stats: run.stats, memberPoints: run.scoreCounts && memberPoints(run.scoreCounts) };
}

/** Stops on errors; a result missing after a clean run would be a bug in mj, not bad data. */
function finish<T>(base: Base, value: T | undefined): Stage<T> {
  const stage = unlessErrors(base, value);
  if (stage.ok && stage.value === undefined) throw new Error('year stage: no result without errors');
  return stage as Stage<T>;
}

/** The year's score sheet (a missing rubric or records file is an error). */
export async function scoreYear(base: Base, year: number, options: { explain?: string | undefined; explainMember?: string | undefined } = {}): Promise<Stage<Scored>> {
  const run = await runYear(base, year, { scores: true, stats: false, explain: options.explain, explainMember: options.explainMember });
  return finish(base, scoredOf(run, year, options.explain));
}

/**
 * The year's statistics, as of 31 December or `asOf`; with `memberPoints: false`, without the
 * members' points (not counting the rubric's member items: a quarter of the scan's work).
 */
export async function countYear(base: Base, year: number, asOf?: Day, options: { memberPoints?: boolean } = {}): Promise<Stage<Counted>> {
  const run = await runYear(base, year, { scores: false, stats: true, asOf, memberPoints: options.memberPoints });
  return finish(base, countedOf(run, year));
}

/** All of them, from one scan (mj report); with `explainAll`, also how every branch's points were reached. */
export async function reportYear(
  base: Base, year: number, options: { explainAll?: boolean; explainMaxBytes?: number } = {},
): Promise<Stage<Scored & Counted & Practised & { explained: Explained | undefined }>> {
  const limit = options.explainMaxBytes ?? EXPLAIN_ALL_MAX_BYTES;
  const bytes = options.explainAll ? await recordsBytes(base, year) : 0;
  const keepAll = options.explainAll === true && bytes <= limit;
  const run = await runYear(base, year, { scores: true, stats: true, practices: true, explainAll: keepAll });
  const scored = scoredOf(run, year, undefined);
  const counted = countedOf(run, year);
  let explained: Explained | undefined;
  if (scored && options.explainAll) {
    const { scoreScope, rubric, scores } = scored;
    const byBranch = keepAll ? recordsByBranch(scoreScope, run.kept) : undefined;
    explained = {
      omitted: keepAll ? undefined : { bytes, limit },
      explain: (id) => {
        const b = scoreScope.branchIndex.get(id);
        return byBranch && b !== undefined ? explainBranch(scoreScope, rubric, scores, id, byBranch[b]!, run.assessments) : undefined;
      },
    };
  }
  return finish(base, scored && counted && run.practised ? { ...counted, ...scored, ...run.practised, explained } : undefined);
}

/** The size of the year's records file (0 when there is none or it cannot be read: the scan reports that). */
async function recordsBytes(base: Base, year: number): Promise<number> {
  const file = fileOfYear(base.ds.files.activities, year);
  if (file === undefined) return 0;
  return (await stat(join(base.ds.root, file)).catch(() => undefined))?.size ?? 0;
}

/** The year's practices (liaison visits, committee meetings, trainings, reviews), with its statistics. */
export async function practiceYear(base: Base, year: number): Promise<Stage<Counted & Practised>> {
  const run = await runYear(base, year, { scores: false, stats: true, practices: true });
  const counted = countedOf(run, year);
  return finish(base, counted && run.practised ? { ...counted, ...run.practised } : undefined);
}

/** One year of a trend: its statistics, its scores where it has a rubric, its 培训 records. */
export interface TrendResult {
  readonly counted: Counted;
  readonly scored: Scored | undefined;
  readonly trainingRecords: readonly Activity[];
}

/**
 * The given years, oldest first, each with its own rubric when it has one (mj trend, and the HTML
 * report's trends): statistics and, where a rubric is, scores. An error in any year stops it.
 */
export async function trendYears(base: Base, years: readonly number[]): Promise<Stage<readonly TrendResult[]>> {
  const out: TrendResult[] = [];
  for (const year of years) {
    const scores = fileOfYear(base.ds.files.rubrics, year) !== undefined;
    const run = await runYear(base, year, { scores, stats: true, trainings: true });
    const counted = countedOf(run, year);
    if (counted) out.push({ counted, scored: scores ? scoredOf(run, year, undefined) : undefined, trainingRecords: run.trainingRecords });
  }
  return finish(base, out.length === years.length ? out : undefined);
}
