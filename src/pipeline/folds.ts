// The one description of what a scan of the year's records feeds: fold specs (plain data), and
// the factory that builds a fold from a spec. The main thread and a scanning worker both build
// their folds with makeFold from the same specs, so the two can never feed different consumers.

import { ScoreCounts } from '../compute/score-counts.js';
import type { CountScope } from '../compute/scope.js';
import { countingRules, type SheetFold } from '../compute/sheets.js';
import { StatsCounts } from '../compute/stats.js';
import { PracticeCounts, type PracticeLayout } from '../compute/practices.js';
import { CourseCount } from '../compute/trainings.js';
import type { TrainingRule } from '../model/practices.js';
import { compileRubric } from '../load/compile-rubric.js';
import type { Fold, FoldSpec } from '../model/fold.js';
import type { Vocabulary } from '../model/record-view.js';
import type { ThreeOnesRule } from '../model/rubric.js';
import type { Day } from '../model/types.js';
import type { RawRubric } from '../schema/structured.js';

/** The score sheet's counts: per branch and rubric item, per member (coverage, member items). */
export interface ScoreSpec extends FoldSpec {
  readonly kind: 'score';
  /** The rubric as written (every thread compiles its own copy). */
  readonly rubric: RawRubric;
  readonly year: number;
  readonly scope: CountScope;
  /** A sheet beside the branches' (a unit sheet's own or subtree records, the member sheet); the branch sheet when absent. */
  readonly sheet?: SheetFold;
}

/** The statistics tables' counts; records dated after `until` are ignored (progress --as-of). */
export interface StatsSpec extends FoldSpec {
  readonly kind: 'stats';
  readonly threeOnes: ThreeOnesRule;
  readonly until: Day;
  readonly scope: CountScope;
}

/** Whether the year held a 新会员培训班 (records of type 培训 with one of the rule's tags). */
export interface CoursesSpec extends FoldSpec {
  readonly kind: 'courses';
  readonly rule: TrainingRule;
}

/** Liaison visits and the committees' meetings with their leaders' attendance, up to `until`. */
export interface PracticesSpec extends FoldSpec {
  readonly kind: 'practices';
  readonly layout: PracticeLayout;
  readonly until: Day;
}

export type CountSpec = ScoreSpec | StatsSpec | CoursesSpec | PracticesSpec;

export function makeFold(spec: FoldSpec, vocab: Vocabulary): Fold {
  const s = spec as CountSpec;
  switch (s.kind) {
    case 'score':
      return new ScoreCounts(s.scope, countingRules(compileRubric(s.rubric, s.year), s.sheet), vocab);
    case 'stats':
      return new StatsCounts(s.scope, s.threeOnes, vocab, s.until);
    case 'courses':
      return new CourseCount(s.rule, vocab);
    case 'practices':
      return new PracticeCounts(s.layout, vocab, s.until);
    default:
      throw new Error(`unknown fold ${(spec as FoldSpec).kind}`);
  }
}

/** Set by the single-file build, whose one file is also its worker's script. */
declare const __MJ_STANDALONE__: unknown;

/** The worker script that builds folds with makeFold (next to this module, or the single file itself). */
export const SCAN_WORKER = typeof __MJ_STANDALONE__ !== 'undefined' ? new URL(import.meta.url) : new URL('./scan-worker.js', import.meta.url);
