// Score sheets: for each subject (a branch; later other units and members) each item's measure,
// its points after tiers and caps (the item's, then caps across items), section subtotals (their
// max, their floor, their weight), bonus, deductions and total — exact — then requirements, grades
// (requirements, vetoes, quotas) and ranks. Spec §1 "Counting rules" is the contract, rule by rule;
// the rubric language's extensions (caps, requirements, weights, floors) are in the README.

import type { Cap, Grade, Item, Requirement, Rubric, Section, Veto } from '../model/rubric.js';
import type { Assessment, Org } from '../model/types.js';
import { Rational } from '../util/decimal-text.js';
import type { ScoreCounts } from './score-counts.js';
import type { YearScope } from './scope.js';
import { threeOnesComplete } from './three-ones.js';
import { groupMeasure, type EarlierOf } from './measure.js';

export interface ItemScore {
  readonly item: Item;
  /** The measure's value (a count, a share 0..1, a sum, or the panel's points). */
  readonly value: Rational;
  /** For members/coverage: qualifying members and the active members they are counted among. */
  readonly ratio?: { readonly numerator: number; readonly denominator: number };
  /** Points before the item's caps. */
  readonly raw: Rational;
  /** The tier reached, when the item has tiers. */
  readonly tier: number | undefined;
  /** Points after the item's max and min, and the caps across items. */
  readonly points: Rational;
  /** What cut the points: the item's max or min, or a cap across items. */
  readonly cappedBy: 'max' | 'min' | 'cap' | undefined;
  /** The cap across items that cut them, when it did. */
  readonly cap?: Cap;
}

export interface SectionScore {
  readonly section: Section;
  readonly items: readonly ItemScore[];
  readonly positive: Rational;
  readonly negative: Rational;
  /** min(positive, max). */
  readonly capped: Rational;
  /** The deductions that count: negative, or less when the section's floor stops them. */
  readonly deducted: Rational;
  /** capped + deducted (before the weight). */
  readonly subtotal: Rational;
  /** subtotal × the section's weight: what the section adds to the total. */
  readonly weighted: Rational;
}

export interface ThreeOnes {
  readonly proposal: boolean;
  readonly service: boolean;
  /** Active members with a member-info record, and active members. */
  readonly covered: number;
  readonly active: number;
  readonly complete: boolean;
}

export interface RequirementResult {
  readonly requirement: Requirement;
  readonly value: Rational;
  readonly ratio?: { readonly numerator: number; readonly denominator: number };
  readonly met: boolean;
}

/** One subject's score on a sheet. */
export interface SheetScore {
  readonly sections: readonly SectionScore[];
  /** Base sections' capped parts together (weighted), held at the rubric's total. */
  readonly base: Rational;
  readonly baseCapped: boolean;
  /** Bonus sections' subtotals (weighted). */
  readonly bonus: Rational;
  /** Deductions of the base sections (weighted, ≤ 0). */
  readonly deduction: Rational;
  readonly total: Rational;
  readonly requirements: readonly RequirementResult[];
  /** Grade by the total (and the grades' requirements) alone. */
  readonly gradeByTotal: string;
  /** The veto that lowered the grade, if any. */
  readonly veto: Veto | undefined;
  /** True when a quota pushed the grade down. */
  readonly quotaFell: boolean;
  readonly grade: string;
  readonly rank: number;
}

export interface BranchScore extends SheetScore {
  readonly branch: Org;
  readonly threeOnes: ThreeOnes;
}

/** The rules of a score sheet: a rubric's own, or (later) a unit's or the members'. */
export type SheetRules = Pick<Rubric, 'total' | 'grades' | 'sections' | 'vetoes' | 'caps' | 'requirements'>;

/** A subject's measure of an item (a branch's from the counts, a member's, a unit's roll-up). */
export type MeasureOf = (item: Item, subject: number) => Pick<ItemScore, 'value' | 'ratio'>;

/** Points of one item from its measure: per unit or by tier, then max, then min. */
export function itemPoints(item: Item, value: Rational): Pick<ItemScore, 'raw' | 'tier' | 'points' | 'cappedBy'> {
  let raw: Rational;
  let tier: number | undefined;
  if (item.measure === 'manual') raw = value;
  else if (item.tiers) {
    raw = Rational.ZERO;
    item.tiers.forEach((t, i) => {
      if (value.cmp(t.atLeast) >= 0) {
        raw = t.points;
        tier = i;
      }
    });
  } else raw = (item.points ?? Rational.ZERO).mul(value);
  let points = raw;
  let cappedBy: 'max' | 'min' | undefined;
  if (item.max !== undefined && points.cmp(item.max) > 0) {
    points = item.max;
    cappedBy = 'max';
  }
  if (item.min !== undefined && points.cmp(item.min) < 0) {
    points = item.min;
    cappedBy = 'min';
  }
  return { raw, tier, points, cappedBy };
}

/** The first band whose min the total reaches and whose requirements are met, else the last. */
export function gradeOf(grades: readonly Grade[], total: Rational, met: (requirement: string) => boolean = () => true): number {
  const i = grades.findIndex((g) => total.cmp(g.min) >= 0 && g.requires.every(met) && (g.requiresAny.length === 0 || g.requiresAny.some(met)));
  return i < 0 ? grades.length - 1 : i;
}

/**
 * Caps across items, in the rubric's order: the listed items' positive points are let through in
 * the listed order up to `max`, their deductions up to `min`; what is cut is cut from the items.
 */
function applyCaps(caps: readonly Cap[], scores: Map<string, ItemScore>): void {
  for (const cap of caps) {
    let up = Rational.ZERO;
    let down = Rational.ZERO;
    for (const id of cap.items) {
      const s = scores.get(id);
      if (!s) continue;
      const p = s.points;
      if (p.sign() > 0 && cap.max !== undefined) {
        const room = cap.max.sub(up).max(Rational.ZERO);
        const kept = p.min(room);
        up = up.add(kept);
        if (kept.cmp(p) < 0) scores.set(id, { ...s, points: kept, cappedBy: 'cap', cap });
      } else if (p.sign() < 0 && cap.min !== undefined) {
        const room = cap.min.sub(down).min(Rational.ZERO);
        const kept = p.max(room);
        down = down.add(kept);
        if (kept.cmp(p) > 0) scores.set(id, { ...s, points: kept, cappedBy: 'cap', cap });
      }
    }
  }
}

/** Sections, total and requirements of one subject. */
function scoreSubject(rules: SheetRules, measure: MeasureOf, subject: number): Omit<SheetScore, 'gradeByTotal' | 'veto' | 'quotaFell' | 'grade' | 'rank'> {
  const byId = new Map<string, ItemScore>();
  for (const section of rules.sections) {
    for (const item of section.items) {
      const m = measure(item, subject);
      byId.set(item.id, { item, ...m, ...itemPoints(item, m.value) });
    }
  }
  if (rules.caps.length > 0) applyCaps(rules.caps, byId);
  const sections: SectionScore[] = rules.sections.map((section) => {
    const items = section.items.map((item) => byId.get(item.id)!);
    let positive = Rational.ZERO;
    let negative = Rational.ZERO;
    for (const it of items) {
      if (it.points.sign() > 0) positive = positive.add(it.points);
      else negative = negative.add(it.points);
    }
    const capped = section.max !== undefined ? positive.min(section.max) : positive;
    // 扣完为止: the floor holds the subtotal, so deductions count only down to it.
    const deducted = section.min !== undefined ? negative.max(section.min.sub(capped).min(Rational.ZERO)) : negative;
    const subtotal = capped.add(deducted);
    return { section, items, positive, negative, capped, deducted, subtotal, weighted: subtotal.mul(section.weight) };
  });

  let baseSum = Rational.ZERO;
  let deduction = Rational.ZERO;
  let bonus = Rational.ZERO;
  for (const s of sections) {
    if (s.section.bonus) bonus = bonus.add(s.weighted);
    else {
      baseSum = baseSum.add(s.capped.mul(s.section.weight));
      deduction = deduction.add(s.deducted.mul(s.section.weight));
    }
  }
  const base = baseSum.min(rules.total);
  const requirements = rules.requirements.map((requirement): RequirementResult => {
    const m = measure(requirement.item, subject);
    return { requirement, ...m, met: m.value.cmp(requirement.target) >= 0 };
  });
  return { sections, base, baseCapped: baseSum.cmp(rules.total) > 0, bonus, deduction, total: base.add(deduction).add(bonus), requirements };
}

/**
 * Scores `n` subjects on a sheet: each subject's points, then grades (requirements, vetoes,
 * quotas over all n) and ranks. `threeOnes` gives the subjects' "三个一" for its veto.
 */
export function scoreSheet(
  rules: SheetRules, n: number, measure: MeasureOf,
  options: { readonly threeOnes?: (subject: number) => ThreeOnes; readonly groupOf?: (type: string, subject: number) => string | undefined } = {},
): SheetScore[] {
  const { threeOnes } = options;
  const partial = Array.from({ length: n }, (_, i) => {
    const p = scoreSubject(rules, measure, i);
    const met = (id: string): boolean => p.requirements.find((r) => r.requirement.id === id)?.met ?? true;
    return { ...p, gradeIndex: gradeOf(rules.grades, p.total, met), threeOnes: threeOnes?.(i) };
  });
  const grades = assignGrades(rules, partial, options.groupOf);
  const ranks = rankByTotal(partial.map((p) => p.total));
  return partial.map(({ gradeIndex, threeOnes: _t, ...p }, i) => ({ ...p, gradeByTotal: rules.grades[gradeIndex]!.name, ...grades[i]!, rank: ranks[i]! }));
}

/** Scores every branch of the year. Assessments give manual items' points (0 without a row). */
export function scoreBranches(scope: YearScope, rubric: Rubric, counts: ScoreCounts, assessments: readonly Assessment[], earlier?: EarlierOf): BranchScore[] {
  const manual = new Map<string, Rational>();
  for (const a of assessments) if (a.points !== undefined && a.member === undefined) manual.set(`${a.org}\u0000${a.item}`, Rational.parse(a.points));
  // By id: the counts may come from their own compilation of the same rubric (ids are unique).
  const counterOf = new Map([...counts.items, ...counts.requirementItems].map((c) => [c.item.id, c]));
  const activeOf: number[][] = scope.branches.map(() => []);
  scope.members.forEach((_, m) => {
    const b = scope.memberBranch[m]!;
    if (b >= 0 && scope.active[m] === 1) activeOf[b]!.push(m);
  });

  const measure: MeasureOf = groupMeasure({
    year: rubric.year, members: scope.members,
    countsOf: (item) => {
      const counter = counterOf.get(item.id);
      return counter && { counts, counter };
    },
    activeOf: (b) => activeOf[b]!,
    manual: (b, item) => manual.get(`${scope.branches[b]!.id}\u0000${item.id}`) ?? Rational.ZERO,
    earlier: earlier && ((b, item) => earlier(scope.branches[b]!.id, item)),
  }, (m) => scope.memberBranch[m]!);
  const threeOnes = (b: number): ThreeOnes => {
    let covered = 0;
    for (const m of activeOf[b]!) if (counts.memberInfo(m) > 0) covered++;
    const proposal = counts.proposal[b]! > 0;
    const service = counts.service[b]! > 0;
    const active = scope.activeCount[b]!;
    return { proposal, service, covered, active, complete: threeOnesComplete({ proposal, service, covered, active }) };
  };
  const sheet = scoreSheet(rubric, scope.branches.length, measure, { threeOnes, groupOf: (type, b) => ancestorOfType(scope.orgById, scope.branches[b]!.id, type) });
  return sheet.map((s, b) => ({ ...s, branch: scope.branches[b]!, threeOnes: threeOnes(b) }));
}

/** Rank = 1 + the number of strictly higher totals (ties share a rank: 1, 2, 2, 4). */
export function rankByTotal(totals: readonly Rational[]): number[] {
  const order = totals.map((t, i) => ({ t, i })).sort((a, b) => b.t.cmp(a.t));
  const ranks = new Array<number>(totals.length);
  order.forEach((e, k) => {
    ranks[e.i] = k > 0 && order[k - 1]!.t.cmp(e.t) === 0 ? ranks[order[k - 1]!.i]! : k + 1;
  });
  return ranks;
}

/** The item of a sheet with this id (a nested search: no list of all the items per subject and veto). */
function itemIn(sections: readonly SectionScore[], id: string): SectionScore['items'][number] | undefined {
  for (const x of sections) for (const it of x.items) if (it.item.id === id) return it;
  return undefined;
}

/**
 * Grades after vetoes, then quotas: allowed = ⌊quota × subjects⌋; subjects tied at the cut
 * fall together to the next band, whose quota then applies.
 */
export function assignGrades(
  rubric: Pick<SheetRules, 'grades' | 'vetoes'>,
  scores: readonly {
    readonly gradeIndex: number; readonly total: Rational; readonly threeOnes?: ThreeOnes | undefined; readonly sections: readonly SectionScore[];
    readonly requirements?: readonly RequirementResult[];
  }[],
  /** The group of subject i for a quota counted per org of a type (per 市委会), undefined outside any. */
  groupOf?: (type: string, i: number) => string | undefined,
): { grade: string; veto: Veto | undefined; quotaFell: boolean }[] {
  const names = rubric.grades.map((g) => g.name);
  const state = scores.map((s) => {
    let g = s.gradeIndex;
    let veto: Veto | undefined;
    for (const v of rubric.vetoes) {
      const cap = names.indexOf(v.maxGrade);
      if (cap < 0) continue;
      let met: boolean;
      if (v.when.kind === 'three-ones') met = s.threeOnes !== undefined && !s.threeOnes.complete;
      else if (v.when.kind === 'requirement') {
        const id = v.when.requirement;
        met = s.requirements?.some((r) => r.requirement.id === id && !r.met) ?? false;
      } else {
        const { item: id, below } = v.when;
        const it = itemIn(s.sections, id);
        met = it !== undefined && it.points.cmp(below) < 0;
      }
      if (met && g < cap) {
        g = cap;
        veto = v;
      }
    }
    return { g, veto, fell: false };
  });
  rubric.grades.forEach((grade, gi) => {
    if ((grade.quota === undefined && grade.top === undefined) || gi === rubric.grades.length - 1) return;
    // Per group (quota_per: the subjects under each org of that type), else over all subjects.
    const groups = new Map<string, number[]>();
    scores.forEach((_, i) => {
      const key = grade.quotaPer === undefined ? '' : (groupOf?.(grade.quotaPer, i) ?? '');
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(i);
    });
    for (const members of groups.values()) {
      let allowed = grade.quota === undefined ? Infinity : Number(grade.quota.mul(Rational.int(members.length)).floor());
      if (grade.top !== undefined) allowed = Math.min(allowed, grade.top);
      const holders = members.filter((i) => state[i]!.g === gi);
      if (holders.length <= allowed) continue;
      holders.sort((a, b) => scores[b]!.total.cmp(scores[a]!.total));
      // ties: fall — those tied at the first place past the quota fall with it; keep — those tied with the last place within it stay.
      const fallsAt = (i: number): boolean => {
        const t = scores[i]!.total;
        if (grade.ties === 'keep') return allowed === 0 || t.cmp(scores[holders[allowed - 1]!]!.total) < 0;
        return t.cmp(scores[holders[allowed]!]!.total) <= 0;
      };
      for (const i of holders) {
        if (fallsAt(i)) {
          state[i]!.g = gi + 1;
          state[i]!.fell = true;
        }
      }
    }
  });
  return state.map((s) => ({ grade: names[s.g]!, veto: s.veto, quotaFell: s.fell }));
}

/** The id of the nearest org of `type` at or above `id` (the group of a per-group quota), or undefined. */
export function ancestorOfType(orgById: ReadonlyMap<string, Org>, id: string, type: string): string | undefined {
  const seen = new Set<string>();
  for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = orgById.get(at)?.parent) {
    seen.add(at);
    if (orgById.get(at)?.type === type) return at;
  }
  return undefined;
}
