// Why one branch got its score, as data: for each item the measure with the records (or
// members) behind it, the per-unit points or tier, the caps that cut it; then sections, base,
// bonus, deductions, total, rank, grade (veto, quota) and "三个一". Pure.

import type { Item, Rubric } from '../model/rubric.js';
import type { Activity, Assessment } from '../model/types.js';
import { Rational } from '../util/decimal-text.js';
import type { BranchScore, ItemScore, RequirementResult } from './scores.js';
import type { YearScope } from './scope.js';
import { matcher, whoMatcher } from './where.js';
import { compareText } from '../util/compare.js';

export interface RecordRef {
  readonly id: string;
  readonly date: number;
  readonly title: string;
  readonly file: string;
  readonly line: number;
  readonly hours: string | undefined;
  /** For attendance: listed active members of the branch. */
  readonly present?: number;
  /** For ratio items: the record is in the part (the item's where), not only in `of`. */
  readonly part?: boolean;
}

export interface MemberRef {
  readonly id: string;
  readonly name: string;
  /** Matching records listing the member. */
  readonly count: number;
}

export interface ItemExplanation {
  readonly item: Item;
  readonly score: ItemScore;
  readonly records: readonly RecordRef[];
  readonly qualified: readonly MemberRef[];
  readonly notQualified: readonly MemberRef[];
  readonly assessment: Assessment | undefined;
}

export interface RequirementExplanation extends Pick<ItemExplanation, 'records' | 'qualified' | 'notQualified' | 'assessment'> {
  readonly result: RequirementResult;
}

export interface Explanation {
  readonly rubric: Rubric;
  readonly score: BranchScore;
  readonly branchCount: number;
  readonly asOf: number;
  readonly active: number;
  readonly items: ReadonlyMap<Item, ItemExplanation>;
  /** The requirements (基本要求) with the records or members behind each. */
  readonly requirements: readonly RequirementExplanation[];
  /** The type of the tree's root (省委会, 市委会 …): the scope of the rank. */
  readonly rootType: string | undefined;
  readonly threeOnes: {
    readonly proposalRecords: readonly RecordRef[];
    readonly serviceRecords: readonly RecordRef[];
    readonly missing: readonly MemberRef[];
  };
}

function ref(a: Activity, present?: number): RecordRef {
  return { id: a.id, date: a.date, title: a.title, file: a.origin.file, line: a.origin.line, hours: a.hours, ...(present === undefined ? {} : { present }) };
}

const byDateThenId = (a: RecordRef, b: RecordRef): number => a.date - b.date || compareText(a.id, b.id);

/**
 * `records` are the year's records credited to the branch or listing one of its members (the
 * command keeps only those while streaming).
 */
export function explainBranch(
  scope: YearScope, rubric: Rubric, scores: readonly BranchScore[], branchId: string, records: readonly Activity[], assessments: readonly Assessment[],
): Explanation {
  const score = scores.find((s) => s.branch.id === branchId)!;
  const b = scope.branchIndex.get(score.branch.id)!;
  const activeMembers = scope.members.filter((_, i) => scope.memberBranch[i] === b && scope.active[i] === 1);
  const activeIds = new Set(activeMembers.map((m) => m.id));
  const own = records.filter((a) => a.org === branchId);
  const items = new Map<Item, ItemExplanation>();

  const memberById = new Map(scope.members.map((m) => [m.id, m]));
  const evidence = (item: Item): Pick<ItemExplanation, 'records' | 'qualified' | 'notQualified' | 'assessment'> => {
    const whoOk = item.where.who ? whoMatcher(item.where.who, rubric.year) : undefined;
    const recordMatch = matcher(item.of ?? item.where);
    // where.who: a record counts when one listed member matches; members counted are those matching.
    const match = whoOk === undefined ? recordMatch : (a: Activity) => recordMatch(a) && a.members.some((id) => { const m = memberById.get(id); return m !== undefined && whoOk(m); });
    const counted = whoOk === undefined ? activeMembers : activeMembers.filter(whoOk);
    const countedIds = new Set(counted.map((m) => m.id));
    let refs: RecordRef[] = [];
    const qualified: MemberRef[] = [];
    const notQualified: MemberRef[] = [];
    if (item.measure === 'count' || item.measure === 'sum') refs = own.filter(match).map((a) => ref(a));
    if (item.measure === 'ratio') {
      const part = matcher(item.where);
      refs = own.filter(match).map((a) => ({ ...ref(a), part: part(a) }));
    }
    if (item.measure === 'attendance') {
      refs = own.filter(match).map((a) => ref(a, new Set(a.members.filter((m) => activeIds.has(m) && countedIds.has(m))).size));
    }
    if (item.measure === 'roster') for (const m of counted) qualified.push({ id: m.id, name: m.name, count: 0 });
    if (item.measure === 'members' || item.measure === 'coverage') {
      for (const m of counted) {
        const count = records.filter((a) => a.members.includes(m.id) && match(a)).length;
        (item.atLeast.cmp(Rational.int(count)) <= 0 ? qualified : notQualified).push({ id: m.id, name: m.name, count });
      }
    }
    refs.sort(byDateThenId);
    const assessment = item.measure === 'manual' ? assessments.find((a) => a.org === branchId && a.item === item.id) : undefined;
    return { records: refs, qualified, notQualified, assessment };
  };
  for (const section of score.sections) {
    for (const s of section.items) items.set(s.item, { item: s.item, score: s, ...evidence(s.item) });
  }
  const requirements = score.requirements.map((result) => ({ result, ...evidence(result.requirement.item) }));

  const proposal = matcher(rubric.threeOnes.proposal);
  const service = matcher(rubric.threeOnes.service);
  const info = matcher(rubric.threeOnes.memberInfo);
  const missing = activeMembers.filter((m) => !records.some((a) => a.members.includes(m.id) && info(a))).map((m) => ({ id: m.id, name: m.name, count: 0 }));
  return {
    rubric, score, branchCount: scores.length, asOf: scope.asOf, active: activeMembers.length, items, requirements,
    rootType: scope.orgsInTreeOrder.find((o) => o.parent === undefined)?.type,
    threeOnes: {
      proposalRecords: own.filter(proposal).map((a) => ref(a)).sort(byDateThenId),
      serviceRecords: own.filter(service).map((a) => ref(a)).sort(byDateThenId),
      missing,
    },
  };
}
