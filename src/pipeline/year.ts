// One year's computation, shared by score, stats, progress, subsidy and report: the year's rules
// (rubric, assessments), the scope, one scan of the records feeding the folds the request needs
// (folds.ts), then the results. Every stage stops on errors in the files it read, so a result
// always comes from clean data.

import { explainBranch, type Explanation } from '../compute/explain.js';
import { memberPoints } from '../compute/member-points.js';
import type { ScoreCounts } from '../compute/score-counts.js';
import { scoreBranches, type BranchScore } from '../compute/scores.js';
import { countScopeOf, makeScope, type YearScope } from '../compute/scope.js';
import type { StatsCounts } from '../compute/stats.js';
import { computeSubsidy, type SubsidyResult } from '../compute/subsidy.js';
import { fileOfYear, loadYearReviews, loadYearRules, streamYearRequired } from '../load/dataset.js';
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
}

interface Run {
  readonly scope: YearScope;
  readonly scoreScope: YearScope;
  readonly rubric: Rubric | undefined;
  readonly assessments: readonly Assessment[];
  readonly scoreCounts: ScoreCounts | undefined;
  readonly stats: StatsCounts | undefined;
  readonly kept: readonly Activity[];
  readonly trainingRecords: readonly Activity[];
  readonly practised: Practised | undefined;
}

async function runYear(base: Base, year: number, req: Request): Promise<Run> {
  const { ctx, ds } = base;
  const wantRubric = req.scores || fileOfYear(ds.files.rubrics, year) !== undefined;
  const rules = wantRubric ? await loadYearRules(ctx, ds, year) : { rubric: undefined, assessments: [], raw: undefined };
  const rubric = rules.rubric;
  const scope = makeScope(ds.orgs, ds.members, year, req.asOf);
  const scoreScope = req.asOf === undefined ? scope : makeScope(ds.orgs, ds.members, year);

  // What the scan feeds, as data: both threads of a split scan build their folds from these.
  const specs: CountSpec[] = [];
  if (rules.raw && (req.scores || (rubric?.memberItems.length ?? 0) > 0)) specs.push({ kind: 'score', rubric: rules.raw, year, scope: countScopeOf(scoreScope) });
  if (req.stats) specs.push({ kind: 'stats', threeOnes: rubric?.threeOnes ?? DEFAULT_THREE_ONES, until: req.asOf ?? scope.lastDay, scope: countScopeOf(scope) });
  const layout = req.practices ? practiceLayout(ds.orgs, ds.orgIndex, ds.memberIndex, ds.members.length, ds.liaisons, ds.leaders) : undefined;
  if (layout) specs.push({ kind: 'practices', layout, until: req.asOf ?? scope.lastDay });
  const folds = specs.map((s) => makeFold(s, ds.vocab));
  const scoreCounts = folds[specs.findIndex((s) => s.kind === 'score')] as ScoreCounts | undefined;
  const stats = folds[specs.findIndex((s) => s.kind === 'stats')] as StatsCounts | undefined;
  const practices = folds[specs.findIndex((s) => s.kind === 'practices')] as PracticeCounts | undefined;

  const kept: Activity[] = [];
  const training: Activity[] = [];
  const keep = req.explain !== undefined ? keepFor(base, req.explain, kept) : req.practices || req.trainings ? keepTrainings(training) : undefined;
  await streamYearRequired(ctx, ds, year, { folds, split: { specs, workerUrl: SCAN_WORKER }, keep });
  let practised: Practised | undefined;
  if (layout && practices) {
    const reviews = await loadYearReviews(ctx, ds, year);
    checkNewMemberCourse(ctx, ds, year, training.filter((a) => isNewMemberCourse(a, ds.config.training)).length);
    practised = { year, layout, practices, trainingRecords: training, reviews };
  }
  return { scope, scoreScope, rubric, assessments: rules.assessments, scoreCounts, stats, kept, trainingRecords: training, practised };
}

const TRAINING = ACTIVITY_TYPES.indexOf('培训');

/** The year's 培训 records, whole: by type, so the scan may still be split. */
function keepTrainings(into: Activity[]): Keep {
  return { want: (v) => v.type === TRAINING, take: (a) => void into.push(a), types: 1 << TRAINING };
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
  const scores = scoreBranches(scoreScope, rubric, counts, run.assessments);
  const subsidy = rubric.subsidy && computeSubsidy(rubric.subsidy, scores.map((s, b) => ({ members: scoreScope.activeCount[b]!, grade: s.grade })));
  const explanation = explain !== undefined && scoreScope.branchIndex.has(explain)
    ? explainBranch(scoreScope, rubric, scores, explain, run.kept, run.assessments)
    : undefined;
  return { year, scoreScope, rubric, assessments: run.assessments, counts, scores, subsidy, explanation };
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
export async function scoreYear(base: Base, year: number, options: { explain?: string | undefined } = {}): Promise<Stage<Scored>> {
  const run = await runYear(base, year, { scores: true, stats: false, explain: options.explain });
  return finish(base, scoredOf(run, year, options.explain));
}

/** The year's statistics, as of 31 December or `asOf`. */
export async function countYear(base: Base, year: number, asOf?: Day): Promise<Stage<Counted>> {
  const run = await runYear(base, year, { scores: false, stats: true, asOf });
  return finish(base, countedOf(run, year));
}

/** All of them, from one scan (mj report). */
export async function reportYear(base: Base, year: number): Promise<Stage<Scored & Counted & Practised>> {
  const run = await runYear(base, year, { scores: true, stats: true, practices: true });
  const scored = scoredOf(run, year, undefined);
  const counted = countedOf(run, year);
  return finish(base, scored && counted && run.practised ? { ...counted, ...scored, ...run.practised } : undefined);
}

/** The year's practices (liaison visits, committee meetings, trainings, reviews), with its statistics. */
export async function practiceYear(base: Base, year: number): Promise<Stage<Counted & Practised>> {
  const run = await runYear(base, year, { scores: false, stats: true, practices: true });
  const counted = countedOf(run, year);
  return finish(base, counted && run.practised ? { ...counted, ...run.practised } : undefined);
}

/** The years FROM..TO, each with its own rubric when it has one (mj trend): statistics and, where a rubric is, scores. */
export async function trendYears(
  base: Base, from: number, to: number,
): Promise<Stage<readonly { readonly counted: Counted; readonly scored: Scored | undefined; readonly trainingRecords: readonly Activity[] }[]>> {
  const out: { counted: Counted; scored: Scored | undefined; trainingRecords: readonly Activity[] }[] = [];
  for (let year = from; year <= to; year++) {
    const scores = fileOfYear(base.ds.files.rubrics, year) !== undefined;
    const run = await runYear(base, year, { scores, stats: true, trainings: true });
    const counted = countedOf(run, year);
    if (counted) out.push({ counted, scored: scores ? scoredOf(run, year, undefined) : undefined, trainingRecords: run.trainingRecords });
  }
  return finish(base, out.length === to - from + 1 ? out : undefined);
}
