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
import { fileOfYear, loadYearRules, streamYearRequired } from '../load/dataset.js';
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

interface Request {
  readonly scores: boolean;
  readonly stats: boolean;
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
  const folds = specs.map((s) => makeFold(s, ds.vocab));
  const scoreCounts = folds[specs.findIndex((s) => s.kind === 'score')] as ScoreCounts | undefined;
  const stats = folds[specs.findIndex((s) => s.kind === 'stats')] as StatsCounts | undefined;

  const kept: Activity[] = [];
  await streamYearRequired(ctx, ds, year, { folds, split: { specs, workerUrl: SCAN_WORKER }, keep: req.explain === undefined ? undefined : keepFor(base, req.explain, kept) });
  return { scope, scoreScope, rubric, assessments: rules.assessments, scoreCounts, stats, kept };
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

/** Both, from one scan (mj report). */
export async function reportYear(base: Base, year: number): Promise<Stage<Scored & Counted>> {
  const run = await runYear(base, year, { scores: true, stats: true });
  const scored = scoredOf(run, year, undefined);
  const counted = countedOf(run, year);
  return finish(base, scored && counted ? { ...counted, ...scored } : undefined);
}
