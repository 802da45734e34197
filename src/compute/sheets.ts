// Score sheets beside the branches': units of other org types (总支, 市委会, 工委 …) and the
// members. A unit is scored from its own records (scope: own), its subtree's (scope: subtree,
// counted at the nearest unit and rolled up to the units above), its members (the active members
// of the branches under it) and roll-ups of its branches' results on the branch sheet. A member is
// scored from the records that list them (by role: 主笔, 参与, or any; shared credit split),
// absences, the roster and the panel. Each sheet has its own ranks, grades and quotas. Pure.

import { sheetItems, type Item, type Rubric, type Sheet } from '../model/rubric.js';
import { isOrgOfYear, type Assessment, type Member, type Org } from '../model/types.js';
import { Rational } from '../util/decimal-text.js';
import { absencesOf, groupMeasure, whoCache, type EarlierOf, type Measured } from './measure.js';
import { whoMatcher } from './where.js';
import { COUNTED_MEASURES, type CountingRules, type ItemCounter, type ScoreCounts } from './score-counts.js';
import type { CountScope, YearScope } from './scope.js';
import { ancestorOfType, scoreSheet, type BranchScore, type SheetScore } from './scores.js';

/** Which counts a fold of the scan gathers: the branch sheet (and member items), a unit sheet's own or subtree records, or the member sheet. */
export type SheetFold = { readonly kind: 'unit'; readonly id: string; readonly scope: 'own' | 'subtree' } | { readonly kind: 'member' };

/** The items a fold counts, as the counters want them. */
export function countingRules(rubric: Rubric, fold: SheetFold | undefined): CountingRules {
  if (fold === undefined) return rubric;
  const none = { sections: [], requirements: [], memberItems: [] };
  if (fold.kind === 'member') {
    const sheet = rubric.memberSheet;
    return { ...none, year: rubric.year, threeOnes: rubric.threeOnes, memberItems: sheet ? sheetItems(sheet).filter((it) => COUNTED_MEASURES.has(it.measure)) : [] };
  }
  const sheet = rubric.units.find((u) => u.id === fold.id);
  if (!sheet) return { ...none, year: rubric.year, threeOnes: rubric.threeOnes };
  const mine = (it: Item): boolean => it.scope === fold.scope;
  return {
    ...none, year: rubric.year, threeOnes: rubric.threeOnes,
    sections: sheet.sections.map((s) => ({ ...s, items: s.items.filter(mine) })),
    requirements: sheet.requirements.filter((r) => mine(r.item)),
  };
}

/** The unit sheet's folds the rubric needs (own, subtree, or both). */
export function unitFolds(sheet: Sheet): SheetFold[] {
  const scopes = new Set(sheetItems(sheet).filter((it) => COUNTED_MEASURES.has(it.measure)).map((it) => it.scope));
  return (['own', 'subtree'] as const).filter((s) => scopes.has(s)).map((scope) => ({ kind: 'unit' as const, id: sheet.id, scope }));
}

/** The units of a sheet in a year, and how orgs, branches and members map to them. */
export interface UnitLayout {
  readonly sheet: Sheet;
  /** In org-tree order. */
  readonly units: readonly Org[];
  readonly unitIndex: ReadonlyMap<string, number>;
  /** Per org (the dataset's order): the unit it is, or -1. */
  readonly selfOfOrg: Int32Array;
  /** Per org: the nearest unit at or above it, or -1. */
  readonly nearestOfOrg: Int32Array;
  /** Per unit: the nearest unit above it, or -1. */
  readonly parentUnit: Int32Array;
  /** Per unit: the branches of the year under it (branch indices). */
  readonly branchesOf: readonly (readonly number[])[];
  /** Per unit: the active members of those branches. */
  readonly activeOf: readonly (readonly number[])[];
}

export function unitLayout(scope: YearScope, sheet: Sheet): UnitLayout {
  const orgs = [...scope.orgById.values()];
  const types = new Set(sheet.types);
  const units = scope.orgsInTreeOrder.filter((o) => types.has(o.type) && isOrgOfYear(o, scope.year));
  const unitIndex = new Map(units.map((u, i) => [u.id, i]));
  // The nearest unit at or above each org (walking up; a cycle, reported by validation, stops the walk).
  const nearest = new Map<string, number>();
  const nearestOf = (id: string | undefined): number => {
    const path: string[] = [];
    let at = id;
    let found = -1;
    while (at !== undefined && !path.includes(at)) {
      const known = nearest.get(at);
      if (known !== undefined) {
        found = known;
        break;
      }
      const u = unitIndex.get(at);
      if (u !== undefined) {
        found = u;
        break;
      }
      path.push(at);
      at = scope.orgById.get(at)?.parent;
    }
    for (const p of path) nearest.set(p, found);
    return found;
  };
  const selfOfOrg = Int32Array.from(orgs, (o) => unitIndex.get(o.id) ?? -1);
  const nearestOfOrg = Int32Array.from(orgs, (o) => nearestOf(o.id));
  const parentUnit = Int32Array.from(units, (u) => nearestOf(u.parent));
  const above = (u: number): number[] => {
    const out: number[] = [];
    for (let at = u; at >= 0 && !out.includes(at); at = parentUnit[at]!) out.push(at);
    return out;
  };
  const branchesOf: number[][] = units.map(() => []);
  const unitsOfBranch = scope.branches.map((b) => above(nearestOf(b.id)));
  unitsOfBranch.forEach((us, b) => {
    for (const u of us) branchesOf[u]!.push(b);
  });
  const activeOf: number[][] = units.map(() => []);
  scope.members.forEach((_, m) => {
    const b = scope.memberBranch[m]!;
    if (b < 0 || scope.active[m] !== 1) return;
    for (const u of unitsOfBranch[b]!) activeOf[u]!.push(m);
  });
  return { sheet, units, unitIndex, selfOfOrg, nearestOfOrg, parentUnit, branchesOf, activeOf };
}

/** The counting scope of a unit fold: records land on the unit itself (own) or the nearest unit above (subtree). */
export function unitCountScope(base: CountScope, layout: UnitLayout, scope: 'own' | 'subtree'): CountScope {
  return { ...base, branches: { length: layout.units.length }, branchOfOrg: scope === 'own' ? layout.selfOfOrg : layout.nearestOfOrg };
}

/**
 * After the scan: each unit's subtree counts add into the units above it (deepest first). No
 * attendance among them: it is not a measure of unit sheets (checks/rubric.ts, @attendance-not-unit).
 */
export function rollUpSubtree(counts: ScoreCounts, layout: UnitLayout): void {
  const order = layout.units.map((_, i) => i).reverse();
  for (const c of [...counts.items, ...counts.requirementItems]) {
    const periods = c.item.period?.count ?? 0;
    for (const u of order) {
      const p = layout.parentUnit[u]!;
      if (p < 0) continue;
      c.records[p]! += c.records[u]!;
      if (c.denominators) c.denominators[p]! += c.denominators[u]!;
      if (c.periodRecords) for (let k = 0; k < periods; k++) c.periodRecords[p * periods + k]! += c.periodRecords[u * periods + k]!;
      if (c.sums) c.sums.addFrom(p, u);
    }
  }
}

export interface UnitScore extends SheetScore {
  readonly unit: Org;
}

export interface MemberScore extends SheetScore {
  readonly member: Member;
  /** The member's branch (index in the scope), or -1. */
  readonly branch: number;
}

/** A unit's figure over its branches' results on the branch sheet. */
function rollupOf(item: Item, branches: readonly number[], scores: readonly BranchScore[]): Measured {
  const r = item.rollup!;
  const figure = (s: BranchScore): Rational => {
    if (r.of === 'total') return s.total;
    for (const sec of s.sections) for (const it of sec.items) if (it.item.id === r.of) return it.points;
    return Rational.ZERO;
  };
  const list = branches.map((b) => scores[b]!);
  if (r.how === 'sum' || r.how === 'mean') {
    const sum = list.reduce((t, s) => t.add(figure(s)), Rational.ZERO);
    if (r.how === 'sum') return { value: sum };
    return { value: list.length === 0 ? Rational.ZERO : sum.div(Rational.int(list.length)), ratio: { numerator: list.length, denominator: list.length } };
  }
  const meets = (s: BranchScore): boolean =>
    (r.grades === undefined || r.grades.includes(s.grade)) && (r.atLeast === undefined || figure(s).cmp(r.atLeast) >= 0) && (!r.threeOnes || s.threeOnes.complete);
  const k = list.filter(meets).length;
  const ratio = { numerator: k, denominator: list.length };
  if (r.how === 'count') return { value: Rational.int(k), ratio };
  return { value: list.length === 0 ? Rational.ZERO : Rational.of(BigInt(k), BigInt(list.length)), ratio };
}

/** The key of a manual row: a unit's or a member's id with the item's. */
const manualKey = (subject: string, item: string): string => `${subject}\u0000${item}`;

/** Scores the units of a unit sheet. `folds` are the sheet's counts (own and/or subtree, subtree already rolled up). */
export function scoreUnits(
  scope: YearScope, rubric: Rubric, layout: UnitLayout, folds: readonly ScoreCounts[], branchScores: readonly BranchScore[], assessments: readonly Assessment[],
  earlier?: EarlierOf,
): UnitScore[] {
  const manual = new Map<string, Rational>();
  for (const a of assessments) if (a.points !== undefined && a.member === undefined) manual.set(manualKey(a.org, a.item), Rational.parse(a.points));
  const counterOf = new Map<string, { counts: ScoreCounts; counter: ItemCounter }>();
  for (const counts of folds) for (const c of [...counts.items, ...counts.requirementItems]) counterOf.set(c.item.id, { counts, counter: c });
  const base = groupMeasure({
    year: rubric.year, members: scope.members, countsOf: (item) => counterOf.get(item.id),
    activeOf: (u) => layout.activeOf[u]!,
    manual: (u, item) => manual.get(manualKey(layout.units[u]!.id, item.id)) ?? Rational.ZERO,
    earlier: earlier && ((u, item) => earlier(layout.units[u]!.id, item)),
  }, (m) => scope.memberBranch[m]!);
  const measure = (item: Item, u: number): Measured => (item.measure === 'rollup' ? rollupOf(item, layout.branchesOf[u]!, branchScores) : base(item, u));
  const sheet = scoreSheet(layout.sheet, layout.units.length, measure, { groupOf: (type, u) => ancestorOfType(scope.orgById, layout.units[u]!.id, type) });
  return sheet.map((s, u) => ({ ...s, unit: layout.units[u]! }));
}

/** The subjects of the member sheet: the members on the roster on the year's last day (those matching its who), in roster order. */
export function memberSubjects(scope: YearScope, sheet: Sheet): number[] {
  const match = sheet.who ? whoMatcher(sheet.who, scope.year) : undefined;
  const out: number[] = [];
  scope.members.forEach((member, m) => {
    if (scope.active[m] === 1 && (match === undefined || match(member))) out.push(m);
  });
  return out;
}

/** Scores the members on the member sheet from its fold's counts. */
export function scoreMembers(scope: YearScope, rubric: Rubric, counts: ScoreCounts, assessments: readonly Assessment[], earlier?: EarlierOf): MemberScore[] {
  const sheet = rubric.memberSheet!;
  const subjects = memberSubjects(scope, sheet);
  const manual = new Map<string, Rational>();
  for (const a of assessments) if (a.member !== undefined && a.points !== undefined) manual.set(manualKey(a.member, a.item), Rational.parse(a.points));
  const counterOf = new Map(counts.memberItems.map((c) => [c.item.id, c]));
  const whoOf = whoCache(rubric.year, scope.members, (item) => {
    const counter = counterOf.get(item.id);
    return counter && { counts, counter };
  });
  const measure = (item: Item, i: number): Measured => {
    const m = subjects[i]!;
    const member = scope.members[m]!;
    if (item.measure === 'manual') return { value: manual.get(manualKey(member.id, item.id)) ?? Rational.ZERO };
    if (item.measure === 'earlier') return { value: earlier?.(member.id, item) ?? Rational.ZERO };
    const who = whoOf(item);
    if (item.measure === 'roster') return { value: who === undefined || who[m] === 1 ? Rational.ONE : Rational.ZERO };
    const c = counterOf.get(item.id);
    if (c === undefined) return { value: Rational.ZERO };
    if (who !== undefined && who[m] !== 1) return { value: Rational.ZERO };
    switch (item.measure) {
      case 'count':
        return { value: c.splits ? counts.shared(c, m) : Rational.int(counts.count(c, m)) };
      case 'sum':
        return { value: c.memberSums!.get(m) };
      case 'absences':
        return { value: Rational.int(absencesOf(counts, c, m, member, scope.memberBranch[m]!)) };
      default:
        return { value: Rational.ZERO };
    }
  };
  const scored = scoreSheet(sheet, subjects.length, measure, {
    groupOf: (type, i) => {
      const b = scope.memberBranch[subjects[i]!]!;
      return b < 0 ? undefined : ancestorOfType(scope.orgById, scope.branches[b]!.id, type);
    },
  });
  return scored.map((s, i) => ({ ...s, member: scope.members[subjects[i]!]!, branch: scope.memberBranch[subjects[i]!]! }));
}
