// Facts of a year's branches and members that several tables share: per branch its active
// members, new members, members reporting, "三个一" coverage and completion, the active members
// yet to report; and which members count in a year's member table at all. From the scope and the
// statistics counts; pure.

import { onRosterDuring, rosterUntil } from '../model/types.js';
import type { YearScope } from './scope.js';
import type { StatsCounts } from './stats.js';
import { threeOnesComplete } from './three-ones.js';

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
    const b = scope.memberBranch[i]!;
    if (b < 0) return;
    if (m.joined >= scope.firstDay && m.joined <= scope.lastDay) newMembers[b]!++;
    if (scope.active[i] === 1) {
      if (counts.mSqmy[i]! > 0) reporters[b]!++;
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

/** Members on the roster on any day of the year, in branch tree order then id (code points). */
export function membersOfYear(scope: YearScope): number[] {
  const out: number[] = [];
  scope.members.forEach((m, i) => {
    if (onRosterDuring(m, scope.firstDay, scope.lastDay)) out.push(i);
  });
  const rank = (i: number): number => {
    const b = scope.memberBranch[i]!;
    return b < 0 ? Number.MAX_SAFE_INTEGER : b;
  };
  return out.sort((a, b) => rank(a) - rank(b) || (scope.members[a]!.id < scope.members[b]!.id ? -1 : scope.members[a]!.id > scope.members[b]!.id ? 1 : 0));
}

/**
 * Per member: their branch's 组织生活 records held while they were on its roster — the
 * denominator of a member's 参加率 (one who left in August is not counted against September).
 */
export function meetingsWhileOnRoster(scope: YearScope, counts: StatsCounts): Int32Array {
  const out = new Int32Array(scope.members.length);
  scope.members.forEach((m, i) => {
    out[i] = counts.meetingsBetween(scope.memberBranch[i]!, m.joined, rosterUntil(m));
  });
  return out;
}
