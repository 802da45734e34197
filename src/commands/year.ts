// One year's computation shared by score, stats, progress, subsidy and report: the rules
// (rubric, assessments), the scope, and a single pass over the records feeding every counter
// the caller asks for. Problems are reported into ctx; the caller decides whether to stop.

import type { Activity, Assessment, Day } from '../model/types.js';
import type { RecordView } from '../model/record-view.js';
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
  /** The scope of the score counts (31 December, whatever --as-of says). */
  readonly scoreScope: YearScope;
  readonly rubric: Rubric | undefined;
  readonly assessments: readonly Assessment[];
  readonly scoreCounts: ScoreCounts | undefined;
  readonly stats: StatsCounts | undefined;
  readonly kept: readonly Activity[];
}

export async function computeYear(ctx: LoadContext, ds: Dataset, year: number, needs: YearNeeds): Promise<YearComputation> {
  const wantRubric = needs.scores || fileOfYear(ds.files.rubrics, year) !== undefined;
  const rules = wantRubric ? await loadYearRules(ctx, ds, year) : { rubric: undefined, assessments: [], raw: undefined };
  const rubric = rules.rubric;
  const scope = makeScope(ds.orgs, ds.members, year, needs.asOf);
  const scoreScope = needs.asOf === undefined ? scope : makeScope(ds.orgs, ds.members, year);
  const scoreCounts = rubric && (needs.scores || rubric.memberItems.length > 0) ? new ScoreCounts(scoreScope, rubric, ds.vocab) : undefined;
  const stats = needs.stats ? new StatsCounts(scope, rubric?.threeOnes ?? DEFAULT_THREE_ONES, ds.vocab, needs.asOf ?? scope.lastDay) : undefined;
  const kept: Activity[] = [];
  // --explain: the records credited to the branch or listing one of its members.
  const keepOrg = needs.keepFor === undefined ? -1 : (ds.orgIndex.get(needs.keepFor) ?? -1);
  const keepMembers = new Uint8Array(keepOrg < 0 ? 0 : ds.members.length);
  if (keepOrg >= 0) ds.members.forEach((m, i) => (keepMembers[i] = m.org === needs.keepFor ? 1 : 0));
  await streamYearRequired(ctx, ds, year, {
    view: (v) => {
      scoreCounts?.visit(v);
      stats?.visit(v);
    },
    ...(keepOrg < 0 ? { counters: { score: scoreCounts, stats, rubric: rules.raw, scope, scoreScope } } : {}),
    ...(keepOrg >= 0
      ? {
          wantFull: (v: RecordView) => {
            if (v.org === keepOrg) return true;
            for (let i = 0; i < v.memberCount; i++) if (keepMembers[v.members[i]!] === 1) return true;
            return false;
          },
          full: (a: Activity) => void kept.push(a),
        }
      : {}),
  });
  return { scope, scoreScope, rubric, assessments: rules.assessments, scoreCounts, stats, kept };
}

/** Scores of the year's branches (the rubric and counts must be there: call after stopOnErrors). */
export function scoresOf(y: YearComputation): BranchScore[] {
  return scoreBranches(y.scoreScope, y.rubric!, y.scoreCounts!, y.assessments);
}

export function subsidyOf(y: YearComputation, scores: readonly BranchScore[]): SubsidyResult | undefined {
  const rule = y.rubric?.subsidy;
  if (!rule) return undefined;
  const scope = y.scoreScope;
  return computeSubsidy(rule, scores.map((s, b) => ({ members: scope.activeCount[b]!, grade: s.grade })));
}
