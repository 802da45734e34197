// A scoring rubric as the engine uses it: numbers exact, lists normalised, defaults filled in.
// Built from the validated YAML by load/compile-rubric.ts. Imports only the number type.

import type { Rational } from '../util/decimal-text.js';

export type Measure = 'count' | 'members' | 'coverage' | 'sum' | 'attendance' | 'manual' | 'ratio' | 'roster' | 'rollup' | 'absences' | 'earlier';

/** Which activity records an item looks at; every given key must match (AND), values within a key are alternatives (OR). */
export interface Where {
  readonly type?: readonly string[];
  /** The record's outcomes must contain one of these phrases. */
  readonly outcomes?: readonly string[];
  readonly level?: readonly string[];
  /** The record's tags must contain one of these. */
  readonly tags?: readonly string[];
  /** Records matching this are left out (every key of it must match to leave one out). */
  readonly not?: Where;
  /** Which members count: on records, one listed member must match; for member measures, the members counted. */
  readonly who?: Who;
}

/** Calendar periods of the year: 每月, 每季度, 每半年. */
export interface Period {
  readonly every: 'month' | 'quarter' | 'half';
  /** Periods in a year: 12, 4 or 2. */
  readonly count: number;
  /** Records a period needs to count. */
  readonly atLeast: Rational;
}

/** The period (0-based) a day falls in. */
export function periodOf(every: Period['every'], day: number): number {
  const month = Math.floor(day / 100) % 100;
  return every === 'month' ? month - 1 : every === 'quarter' ? Math.floor((month - 1) / 3) : month <= 6 ? 0 : 1;
}

export const PERIODS_IN_YEAR = { month: 12, quarter: 4, half: 2 } as const;

/** A filter on the roster (名册): every given key must match; values within a key are alternatives. */
export interface Who {
  readonly gender?: readonly string[];
  readonly title?: readonly string[];
  readonly education?: readonly string[];
  readonly degree?: readonly string[];
  readonly sector?: readonly string[];
  /** The member holds one of these 政治安排 (roles). */
  readonly roles?: readonly string[];
  /** 后备干部 (true) or not (false). */
  readonly reserve?: boolean;
  /** Joined in the year scored (新发展会员). */
  readonly joinedThisYear?: boolean;
  /** Younger than this on the year's last day. */
  readonly ageBelow?: number;
}

/** An allowed value of a manual item: a 档次 (points), or a word and its points (是 → 2). */
export interface ManualValue {
  readonly word: string | undefined;
  readonly points: Rational;
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
  /** count: each matching outcome phrase of a record counts (per: outcome), not the record once. */
  readonly perOutcome: boolean;
  /** ratio: the records the share is taken of (采用率: adopted ÷ submitted); the item's where picks the part. */
  readonly of: Where | undefined;
  /** count: counted per calendar period, the measure being the periods with at least `atLeast` records. */
  readonly period: Period | undefined;
  /** manual: the values the panel may give (档次 3/2/1/0, or 是/否 with their points). */
  readonly values: readonly ManualValue[] | undefined;
  /** Unit sheets: the unit's own records, or those of its whole subtree (the default). */
  readonly scope: 'own' | 'subtree';
  /** rollup: a figure over the unit's branches on the branch sheet. */
  readonly rollup: Rollup | undefined;
  /** Member measures: which listed members a record credits (lead: the first listed, co: the others). */
  readonly role: 'any' | 'lead' | 'co';
  /** Member measures: a record's credit split among the members it credits — equally, or half to the lead and the rest equally (lead-half). */
  readonly split: 'equal' | 'lead-half' | undefined;
  /** absences: the records that excuse a member (请假), listing the members excused. */
  readonly excused: Where | undefined;
  /** earlier: the subject's points in an earlier year, by that year's own rubric (上年度得分 × 20%). */
  readonly earlier: Earlier | undefined;
  readonly points: Rational | undefined;
  /** Sorted by atLeast, ascending. */
  readonly tiers: readonly Tier[] | undefined;
  readonly max: Rational | undefined;
  readonly min: Rational | undefined;
}

export interface Earlier {
  /** 'total' (the subject's total that year) or the id of an item of that year's sheet. */
  readonly of: string;
  /** How many years back (1: last year). */
  readonly back: number;
}

export interface Section {
  readonly name: string;
  readonly max: Rational | undefined;
  /** The lowest the subtotal goes (扣完为止: deductions stop there). */
  readonly min: Rational | undefined;
  /** The subtotal counts × weight (平时 50% + 年度 50%); 1 when not given. */
  readonly weight: Rational;
  readonly bonus: boolean;
  readonly items: readonly Item[];
}

/** A unit's figure over its branches: the sum or mean of their totals (or an item's points), or how many (what share) meet a condition. */
export interface Rollup {
  /** 'total', or an item id of the branch sheet. */
  readonly of: string;
  readonly how: 'sum' | 'mean' | 'count' | 'share';
  /** count/share: branches with one of these grades … */
  readonly grades: readonly string[] | undefined;
  /** … or with `of` at least this … */
  readonly atLeast: Rational | undefined;
  /** … or with "三个一" complete. */
  readonly threeOnes: boolean;
}

export interface Grade {
  readonly name: string;
  readonly min: Rational;
  /** At most this share of the subjects (exact: 0.3 or 1/3). */
  readonly quota: Rational | undefined;
  /** The quota counts per group: the subjects under each org of this type (per 市委会). */
  readonly quotaPer: string | undefined;
  /** At most this many subjects (top N). */
  readonly top: number | undefined;
  /** Subjects tied at a quota's cut: all fall to the next band (the default), or all keep the grade. */
  readonly ties: 'fall' | 'keep';
  /** Requirements a subject must meet to hold this grade (else it falls to the next band). */
  readonly requires: readonly string[];
  /** Of these, at least one must be met (empty: none asked). */
  readonly requiresAny: readonly string[];
}

/** A cap across items (a group, maybe across sections): their positive points held at max, their deductions at min. */
export interface Cap {
  readonly name: string | undefined;
  /** Item ids, in the order points are let through. */
  readonly items: readonly string[];
  readonly max: Rational | undefined;
  readonly min: Rational | undefined;
}

/** A requirement without points (基本要求, 达标/未达标): met when the measure reaches `target`. */
export interface Requirement {
  readonly id: string;
  readonly name: string;
  /** The measure, as an item's (points and caps unused). */
  readonly item: Item;
  readonly target: Rational;
}

export type VetoCondition =
  | { readonly kind: 'three-ones' }
  | { readonly kind: 'item'; readonly item: string; readonly below: Rational }
  | { readonly kind: 'requirement'; readonly requirement: string };

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

/** The rules of one score sheet: full marks, grades, sections, caps, requirements, vetoes. */
export interface SheetRules {
  readonly total: Rational;
  /** In order, highest threshold first. */
  readonly grades: readonly Grade[];
  readonly sections: readonly Section[];
  readonly vetoes: readonly Veto[];
  readonly caps: readonly Cap[];
  readonly requirements: readonly Requirement[];
}

/** A score sheet beside the branches': for units of some org types, or for the members. */
export interface Sheet extends SheetRules {
  /** The sheet's id (units: as written; the member sheet: 'members'). */
  readonly id: string;
  readonly name: string;
  readonly kind: 'unit' | 'member';
  /** Units: the org types scored. */
  readonly types: readonly string[];
  /** The member sheet: only the active members matching this are scored. */
  readonly who: Who | undefined;
}

export interface Rubric extends SheetRules {
  readonly year: number;
  readonly title: string;
  readonly memberItems: readonly Item[];
  /** Sheets for units beyond the 支部 (总支, 市委会 …), each its own table, ranks and grades. */
  readonly units: readonly Sheet[];
  /** Members as scoring subjects, with grades, ranks and quotas. */
  readonly memberSheet: Sheet | undefined;
  readonly threeOnes: ThreeOnesRule;
  /** The rubric uses "三个一" (a three_ones veto, or its own three_ones definitions): --explain shows it. */
  readonly usesThreeOnes: boolean;
  readonly subsidy: SubsidyRule | undefined;
}

export const DEFAULT_THREE_ONES: ThreeOnesRule = {
  proposal: { type: ['提案', '建议'] },
  service: { type: ['社会服务'] },
  memberInfo: { type: ['社情民意'] },
};

/** A measure whose value is a share of 0 to 1 (coverage, mean attendance, a ratio, a roll-up's share), shown as a percentage. */
export function measuresShare(item: Pick<Item, 'measure' | 'rollup'>): boolean {
  return item.measure === 'coverage' || item.measure === 'attendance' || item.measure === 'ratio' || (item.measure === 'rollup' && item.rollup?.how === 'share');
}

/** The items of a sheet's rules: its sections' and its requirements' measures. */
export function sheetItems(r: Pick<SheetRules, 'sections' | 'requirements'>): Item[] {
  return [...r.sections.flatMap((s) => s.items), ...r.requirements.map((q) => q.item)];
}

/** The items measured by an earlier year's points (measure: earlier), every sheet. */
export function earlierItems(r: Rubric): Item[] {
  const sheets = [r, ...r.units, ...(r.memberSheet ? [r.memberSheet] : [])];
  return sheets.flatMap(sheetItems).filter((it) => it.measure === 'earlier');
}

/** Every item's where in a rubric (every sheet, requirements, member items). */
export function rubricWheres(r: Rubric): Where[] {
  const sheets = [r, ...r.units, ...(r.memberSheet ? [r.memberSheet] : [])];
  return [...sheets.flatMap(sheetItems), ...r.memberItems].flatMap((it) => [it.where, ...(it.excused ? [it.excused] : [])]);
}
