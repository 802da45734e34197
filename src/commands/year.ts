// One year's computation shared by score, stats, progress, subsidy and report: the rules
// (rubric, assessments), the scope, and a single pass over the records feeding every counter
// the caller asks for. Problems are reported into ctx; the caller decides whether to stop.

import type { Activity, Assessment, Day } from '../model/types.js';
import type { Rubric } from '../model/rubric.js';
import { DEFAULT_THREE_ONES } from '../model/rubric.js';
import { ScoreCounts } from '../compute/score-counts.js';
import { scoreBranches, type BranchScore } from '../compute/scores.js';
import { makeScope, type YearScope } from '../compute/scope.js';
import { StatsCounts } from '../compute/stats.js';
import { computeSubsidy, type SubsidyResult } from '../compute/subsidy.js';
import type { LoadContext } from '../load/context.js';
import { fileOfYear, loadYearRules, streamYearRequired, type Dataset } from '../load/dataset.js';

export interface YearNeeds {
  /** Scores need a rubric (a missing one is an error). */
  readonly scores: boolean;
  readonly stats: boolean;
  /** Stats as of a day inside the year (progress): records after it are ignored. */
  readonly asOf?: Day | undefined;
  /** Keep the records of this branch and its members (--explain). */
  readonly keepFor?: string | undefined;
}

export interface YearComputation {
  readonly scope: YearScope;
  readonly rubric: Rubric | undefined;
  readonly assessments: readonly Assessment[];
  readonly scoreCounts: ScoreCounts | undefined;
  readonly stats: StatsCounts | undefined;
  readonly kept: readonly Activity[];
}

export async function computeYear(ctx: LoadContext, ds: Dataset, year: number, needs: YearNeeds): Promise<YearComputation> {
  const wantRubric = needs.scores || fileOfYear(ds.files.rubrics, year) !== undefined;
  const rules = wantRubric ? await loadYearRules(ctx, ds, year) : { rubric: undefined, assessments: [] };
  const rubric = rules.rubric;
  const scope = makeScope(ds.orgs, ds.members, year, needs.asOf);
  const scoreCounts = rubric && (needs.scores || rubric.memberItems.length > 0) ? new ScoreCounts(makeScope(ds.orgs, ds.members, year), rubric) : undefined;
  const stats = needs.stats ? new StatsCounts(scope, rubric?.threeOnes ?? DEFAULT_THREE_ONES, needs.asOf ?? scope.lastDay) : undefined;
  const kept: Activity[] = [];
  const keepMembers = needs.keepFor === undefined ? undefined : new Set(ds.members.filter((m) => m.org === needs.keepFor).map((m) => m.id));
  await streamYearRequired(ctx, ds, year, (a) => {
    scoreCounts?.visit(a);
    stats?.visit(a);
    if (keepMembers && (a.org === needs.keepFor || a.members.some((m) => keepMembers.has(m)))) kept.push(a);
  });
  return { scope, rubric, assessments: rules.assessments, scoreCounts, stats, kept };
}

/** Scores of the year's branches (the rubric and counts must be there: call after stopOnErrors). */
export function scoresOf(y: YearComputation): BranchScore[] {
  return scoreBranches(y.scoreCounts!.scope, y.rubric!, y.scoreCounts!, y.assessments);
}

export function subsidyOf(y: YearComputation, scores: readonly BranchScore[]): SubsidyResult | undefined {
  const rule = y.rubric?.subsidy;
  if (!rule) return undefined;
  const scope = y.scoreCounts!.scope;
  return computeSubsidy(rule, scores.map((s, b) => ({ members: scope.activeCount[b]!, grade: s.grade })));
}
