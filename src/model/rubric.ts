// A scoring rubric as the engine uses it: numbers exact, lists normalised, defaults filled in.
// Built from the validated YAML by load/compile-rubric.ts. Imports only the number type.

import type { Rational } from '../util/decimal-text.js';

export type Measure = 'count' | 'members' | 'coverage' | 'sum' | 'attendance' | 'manual';

/** Which activity records an item looks at; every given key must match (AND), values within a key are alternatives (OR). */
export interface Where {
  readonly type?: readonly string[];
  /** The record's outcomes must contain one of these phrases. */
  readonly outcomes?: readonly string[];
  readonly level?: readonly string[];
  /** The record's tags must contain one of these. */
  readonly tags?: readonly string[];
}

export interface Tier {
  readonly atLeast: Rational;
  readonly points: Rational;
}

export interface Item {
  readonly id: string;
  readonly name: string;
  readonly measure: Measure;
  readonly where: Where;
  readonly field: 'hours' | undefined;
  /** For members/coverage: records a member needs to count (default 1). */
  readonly atLeast: Rational;
  /** Member items: count only records where the member is the lead author. */
  readonly lead: boolean;
  readonly points: Rational | undefined;
  /** Sorted by atLeast, ascending. */
  readonly tiers: readonly Tier[] | undefined;
  readonly max: Rational | undefined;
  readonly min: Rational | undefined;
}

export interface Section {
  readonly name: string;
  readonly max: Rational | undefined;
  readonly bonus: boolean;
  readonly items: readonly Item[];
}

export interface Grade {
  readonly name: string;
  readonly min: Rational;
  readonly quota: Rational | undefined;
}

export type VetoCondition = { readonly kind: 'three-ones' } | { readonly kind: 'item'; readonly item: string; readonly below: Rational };

export interface Veto {
  readonly when: VetoCondition;
  readonly maxGrade: string;
}

export interface ThreeOnesRule {
  readonly proposal: Where;
  readonly service: Where;
  readonly memberInfo: Where;
}

export interface SubsidyRule {
  readonly base: Rational;
  readonly perMember: Rational;
  readonly gradeFactor: ReadonlyMap<string, Rational>;
  readonly cap: Rational | undefined;
  readonly budget: Rational | undefined;
}

export interface Rubric {
  readonly year: number;
  readonly title: string;
  readonly total: Rational;
  /** In order, highest threshold first. */
  readonly grades: readonly Grade[];
  readonly sections: readonly Section[];
  readonly memberItems: readonly Item[];
  readonly vetoes: readonly Veto[];
  readonly threeOnes: ThreeOnesRule;
  readonly subsidy: SubsidyRule | undefined;
}

export const DEFAULT_THREE_ONES: ThreeOnesRule = {
  proposal: { type: ['提案', '建议'] },
  service: { type: ['社会服务'] },
  memberInfo: { type: ['社情民意'] },
};
