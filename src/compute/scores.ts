// The score sheet: from the year's counts, each branch's measure per item, its points after
// tiers and caps, section subtotals, bonus, deductions and total — exact — then grades (vetoes,
// quotas) and ranks. Spec §1 "Counting rules" is the contract, rule by rule.

import type { Grade, Item, Rubric, Section, Veto } from '../model/rubric.js';
import type { Assessment, Org } from '../model/types.js';
import { Rational } from '../util/decimal-text.js';
import type { ScoreCounts } from './score-counts.js';
import type { YearScope } from './scope.js';
import { threeOnesComplete } from './three-ones.js';

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
  /** Points after the item's max and min. */
  readonly points: Rational;
  readonly cappedBy: 'max' | 'min' | undefined;
}

export interface SectionScore {
  readonly section: Section;
  readonly items: readonly ItemScore[];
  readonly positive: Rational;
  readonly negative: Rational;
  /** min(positive, max). */
  readonly capped: Rational;
  /** capped + negative. */
  readonly subtotal: Rational;
}

export interface ThreeOnes {
  readonly proposal: boolean;
  readonly service: boolean;
  /** Active members with a member-info record, and active members. */
  readonly covered: number;
  readonly active: number;
  readonly complete: boolean;
}

export interface BranchScore {
  readonly branch: Org;
  readonly sections: readonly SectionScore[];
  /** Base sections' capped parts together, held at the rubric's total. */
  readonly base: Rational;
  readonly baseCapped: boolean;
  /** Bonus sections' subtotals. */
  readonly bonus: Rational;
  /** Negative item points of the base sections (≤ 0). */
  readonly deduction: Rational;
  readonly total: Rational;
  readonly threeOnes: ThreeOnes;
  /** Grade by the total alone. */
  readonly gradeByTotal: string;
  /** The veto that lowered the grade, if any. */
  readonly veto: Veto | undefined;
  /** True when a quota pushed the grade down. */
  readonly quotaFell: boolean;
  readonly grade: string;
  readonly rank: number;
}

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

export function gradeOf(grades: readonly Grade[], total: Rational): number {
  const i = grades.findIndex((g) => total.cmp(g.min) >= 0);
  return i < 0 ? grades.length - 1 : i;
}

/** Scores every branch of the year. Assessments give manual items' points (0 without a row). */
export function scoreBranches(scope: YearScope, rubric: Rubric, counts: ScoreCounts, assessments: readonly Assessment[]): BranchScore[] {
  const manual = new Map<string, Rational>();
  for (const a of assessments) manual.set(`${a.org}\u0000${a.item}`, Rational.parse(a.points));
  // By id: the counts may come from their own compilation of the same rubric (ids are unique).
  const counterOf = new Map(counts.items.map((c) => [c.item.id, c]));

  type Partial = Omit<BranchScore, 'grade' | 'rank' | 'veto' | 'quotaFell'> & { gradeIndex: number };
  const activeOf: number[][] = scope.branches.map(() => []);
  scope.members.forEach((_, m) => {
    const b = scope.memberBranch[m]!;
    if (b >= 0 && scope.active[m] === 1) activeOf[b]!.push(m);
  });
  const partial: Partial[] = scope.branches.map((branch, b) => {
    const activeMembers = activeOf[b]!;
    const active = scope.activeCount[b]!;

    const measure = (item: Item): Pick<ItemScore, 'value' | 'ratio'> => {
      if (item.measure === 'manual') return { value: manual.get(`${branch.id}\u0000${item.id}`) ?? Rational.ZERO };
      const c = counterOf.get(item.id)!;
      switch (item.measure) {
        case 'count':
          return { value: Rational.int(c.records[b]!) };
        case 'sum':
          return { value: c.sums!.get(b) };
        case 'attendance': {
          const n = c.records[b]!;
          if (n === 0 || active === 0) return { value: Rational.ZERO };
          return { value: Rational.of(BigInt(c.listedActive[b]!), BigInt(n) * BigInt(active)) };
        }
        case 'members':
        case 'coverage': {
          let k = 0;
          for (const m of activeMembers) if (Rational.int(counts.count(c, m)).cmp(item.atLeast) >= 0) k++;
          const ratio = { numerator: k, denominator: active };
          if (item.measure === 'members') return { value: Rational.int(k), ratio };
          return { value: active === 0 ? Rational.ZERO : Rational.of(BigInt(k), BigInt(active)), ratio };
        }
      }
    };

    const sections: SectionScore[] = rubric.sections.map((section) => {
      const items = section.items.map((item): ItemScore => {
        const m = measure(item);
        return { item, ...m, ...itemPoints(item, m.value) };
      });
      let positive = Rational.ZERO;
      let negative = Rational.ZERO;
      for (const it of items) {
        if (it.points.sign() > 0) positive = positive.add(it.points);
        else negative = negative.add(it.points);
      }
      const capped = section.max !== undefined ? positive.min(section.max) : positive;
      return { section, items, positive, negative, capped, subtotal: capped.add(negative) };
    });

    let baseSum = Rational.ZERO;
    let deduction = Rational.ZERO;
    let bonus = Rational.ZERO;
    for (const s of sections) {
      if (s.section.bonus) bonus = bonus.add(s.subtotal);
      else {
        baseSum = baseSum.add(s.capped);
        deduction = deduction.add(s.negative);
      }
    }
    const base = baseSum.min(rubric.total);
    const total = base.add(deduction).add(bonus);

    let covered = 0;
    for (const m of activeMembers) if (counts.memberInfo(m) > 0) covered++;
    const proposal = counts.proposal[b]! > 0;
    const service = counts.service[b]! > 0;
    const threeOnes: ThreeOnes = { proposal, service, covered, active, complete: threeOnesComplete({ proposal, service, covered, active }) };

    const gradeIndex = gradeOf(rubric.grades, total);
    return {
      branch, sections, base, baseCapped: baseSum.cmp(rubric.total) > 0, bonus, deduction, total, threeOnes,
      gradeByTotal: rubric.grades[gradeIndex]!.name, gradeIndex,
    };
  });

  const grades = assignGrades(rubric, partial);
  const ranks = rankByTotal(partial.map((p) => p.total));
  return partial.map(({ gradeIndex: _gradeIndex, ...p }, i) => ({ ...p, ...grades[i]!, rank: ranks[i]! }));
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

/**
 * Grades after vetoes, then quotas: allowed = ⌊quota × branches⌋; branches tied at the cut
 * fall together to the next band, whose quota then applies.
 */
export function assignGrades(
  rubric: Rubric,
  scores: readonly { readonly gradeIndex: number; readonly total: Rational; readonly threeOnes: ThreeOnes; readonly sections: readonly SectionScore[] }[],
): { grade: string; veto: Veto | undefined; quotaFell: boolean }[] {
  const names = rubric.grades.map((g) => g.name);
  const state = scores.map((s) => {
    let g = s.gradeIndex;
    let veto: Veto | undefined;
    for (const v of rubric.vetoes) {
      const cap = names.indexOf(v.maxGrade);
      if (cap < 0) continue;
      let met: boolean;
      if (v.when.kind === 'three-ones') met = !s.threeOnes.complete;
      else {
        const id = v.when.item;
        const it = s.sections.flatMap((x) => x.items).find((x) => x.item.id === id);
        met = it !== undefined && it.points.cmp(v.when.below) < 0;
      }
      if (met && g < cap) {
        g = cap;
        veto = v;
      }
    }
    return { g, veto, fell: false };
  });
  const n = scores.length;
  rubric.grades.forEach((grade, gi) => {
    if (grade.quota === undefined || gi === rubric.grades.length - 1) return;
    const allowed = Number(grade.quota.mul(Rational.int(n)).floor());
    const holders = state.map((s, i) => ({ s, i })).filter((x) => x.s.g === gi);
    if (holders.length <= allowed) return;
    holders.sort((a, b) => scores[b.i]!.total.cmp(scores[a.i]!.total));
    const cut = scores[holders[allowed]!.i]!.total;
    for (const h of holders) {
      if (scores[h.i]!.total.cmp(cut) <= 0) {
        h.s.g = gi + 1;
        h.s.fell = true;
      }
    }
  });
  return state.map((s) => ({ grade: names[s.g]!, veto: s.veto, quotaFell: s.fell }));
}
