// Facts of a year's branches and members that several tables share: per branch its active
// members, new members, members reporting, "三个一" coverage and completion, the active members
// yet to report; and which members count in a year's member table at all. From the scope and the
// statistics counts; pure.

import { onRosterDuring, orgOn, orgPeriods, rosterUntil, type Day } from '../model/types.js';
import { slotMember, type YearScope } from './scope.js';
import type { StatsCounts } from './stats.js';
import { threeOnesComplete } from './three-ones.js';
import { compareText } from '../util/compare.js';

export interface BranchFacts {
  /** Active members on the scope's day, per branch. */
  readonly active: Int32Array;
  /** Members who joined in the year. */
  readonly newMembers: Int32Array;
  /** Active members with a 社情民意 record of their own. */
  readonly reporters: Int32Array;
  /** Active members with a "三个一" member report. */
  readonly covered: Int32Array;
  /** 1 when the branch completed "三个一". */
  readonly done: Uint8Array;
  /** Active members without a "三个一" member report, per branch, in roster order. */
  readonly missing: readonly (readonly number[])[];
}

export function branchFacts(scope: YearScope, counts: StatsCounts): BranchFacts {
  const B = scope.branches.length;
  const active = scope.activeCount;
  const newMembers = new Int32Array(B);
  const reporters = new Int32Array(B);
  const covered = new Int32Array(B);
  const missing: number[][] = Array.from({ length: B }, () => []);
  scope.members.forEach((m, i) => {
    // A new member counts in the branch they joined (a move later in the year takes them along
    // to the 年末 count, not to 新发展).
    if (m.joined >= scope.firstDay && m.joined <= scope.lastDay) {
      const nb = m.moves === undefined ? scope.memberBranch[i]! : (scope.branchIndex.get(orgOn(m, m.joined)) ?? -1);
      if (nb >= 0) newMembers[nb]!++;
    }
    const b = scope.memberBranch[i]!;
    if (b < 0) return;
    if (scope.active[i] === 1) {
      if (counts.ofMember(counts.mSqmy, i) > 0) reporters[b]!++;
      if (counts.mThreeInfo[i]! > 0) covered[b]!++;
      else missing[b]!.push(i);
    }
  });
  const done = new Uint8Array(B);
  for (let b = 0; b < B; b++) {
    done[b] = threeOnesComplete({ proposal: counts.threeProposal[b]! > 0, service: counts.threeService[b]! > 0, covered: covered[b]!, active: active[b]! }) ? 1 : 0;
  }
  return { active, newMembers, reporters, covered, done, missing };
}

/** One period of a member in one branch during the year: a row of the member table. */
export interface SlotPeriod {
  readonly slot: number;
  readonly member: number;
  /** Branch number, or -1. */
  readonly branch: number;
  readonly from: Day;
  readonly until: Day;
  /** On the roster on the scope's day, in this period (年末在册 in this branch). */
  readonly active: boolean;
}

/** The period of a slot (see Slots): its member, branch and days within the year. */
export function slotPeriod(scope: YearScope, slot: number): SlotPeriod {
  const M = scope.members.length;
  const i = slotMember(scope.slots, M, slot);
  const m = scope.members[i]!;
  const branch = scope.slots?.branch[slot] ?? scope.memberBranch[i]!;
  if (scope.slots === undefined || scope.slots.next[i]! < 0) {
    return { slot, member: i, branch, from: m.joined, until: rosterUntil(m), active: scope.active[i] === 1 };
  }
  const periods = orgPeriods(m, scope.firstDay, scope.lastDay);
  const p = periods[slot < M ? 0 : slot - M - scope.slots.next[i]! + 1]!;
  return { slot, member: i, branch, from: p.from, until: p.until, active: scope.active[i] === 1 && p.from <= scope.asOf && scope.asOf < p.until };
}

/**
 * The member table's rows: each member's periods in a branch during the year (one for a member
 * who did not move), as slots, in branch tree order, then member id (code points), then day.
 */
export function membersOfYear(scope: YearScope): number[] {
  const out: number[] = [];
  const M = scope.members.length;
  scope.members.forEach((m, i) => {
    if (onRosterDuring(m, scope.firstDay, scope.lastDay)) out.push(i);
  });
  const slots = scope.slots;
  if (slots) for (let k = 0; k < slots.owner.length; k++) out.push(M + k);
  const branchOf = slots ? slots.branch : scope.memberBranch;
  const rank = (s: number): number => {
    const b = branchOf[s]!;
    return b < 0 ? Number.MAX_SAFE_INTEGER : b;
  };
  const id = (s: number): string => scope.members[slotMember(slots, M, s)]!.id;
  return out.sort((a, b) => rank(a) - rank(b) || compareText(id(a), id(b)) || a - b);
}

/**
 * Per slot: its branch's 组织生活 records held while the member was on its roster in that period
 * — the denominator of a member's 参加率 (one who left in August is not counted against September).
 */
export function meetingsWhileOnRoster(scope: YearScope, counts: StatsCounts): Int32Array {
  const M = scope.members.length;
  const out = new Int32Array(scope.slots?.size ?? M);
  scope.members.forEach((m, i) => {
    if (scope.slots === undefined || scope.slots.next[i]! < 0) out[i] = counts.meetingsBetween(scope.slots?.branch[i] ?? scope.memberBranch[i]!, m.joined, rosterUntil(m));
  });
  if (scope.slots) {
    const moved = new Set(scope.slots.owner);
    for (const i of moved) {
      const periods = orgPeriods(scope.members[i]!, scope.firstDay, scope.lastDay);
      periods.forEach((p, j) => {
        const slot = j === 0 ? i : M + scope.slots!.next[i]! + j - 1;
        out[slot] = counts.meetingsBetween(scope.branchIndex.get(p.org) ?? -1, p.from, p.until);
      });
    }
  }
  return out;
}
