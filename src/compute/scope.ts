// The frame of one year's computation: which branches count that year (in org-tree order),
// which members are active on the reference day, and dense numbers for both so that the
// streaming counters can use typed arrays instead of maps keyed by strings.

import { isBranchOfYear, onRoster, orgOn, orgPeriods, rosterUntil, yearEnd, yearStart, type Day, type Member, type Org } from '../model/types.js';
import { previousDay } from '../util/dates.js';

export interface YearScope {
  readonly year: number;
  /** The day rosters are taken on: 31 December, or --as-of. */
  readonly asOf: Day;
  readonly firstDay: Day;
  readonly lastDay: Day;
  /** Every org in depth-first tree order (children in file order). */
  readonly orgsInTreeOrder: readonly Org[];
  readonly orgById: ReadonlyMap<string, Org>;
  /** The year's branches, in tree order. */
  readonly branches: readonly Org[];
  readonly branchIndex: ReadonlyMap<string, number>;
  /** Branch number of each org of the list given to makeScope (its index there), or -1. */
  readonly branchOfOrg: Int32Array;
  readonly members: readonly Member[];
  readonly memberIndex: ReadonlyMap<string, number>;
  /**
   * Branch number of each member's org on the scope's day (or on their last day on the roster
   * before it, or their first after it), or -1 when it is not one of the year's branches.
   */
  readonly memberBranch: Int32Array;
  /** The branch periods of the members who moved during the year, as extra slots; undefined when nobody did. */
  readonly slots: Slots | undefined;
  /** 1 when the member is on the roster on asOf. */
  readonly active: Uint8Array;
  /** Active members per branch. */
  readonly activeCount: Int32Array;
}

/**
 * A member's days in one branch during the year are a slot: slot m is member m's first period of
 * the year (for most members the only one); a member who moved has one more slot per later
 * period, numbered from M up. Counts per slot make one row per branch period in the member table.
 */
export interface Slots {
  /** Slots in all: M + the later periods. */
  readonly size: number;
  /** Per member: k of its first later period (slot M + k), or -1 when the member did not move during the year. */
  readonly next: Int32Array;
  /** Per later period k: its member and its first day (a member's later periods are consecutive, in day order). */
  readonly owner: Int32Array;
  readonly start: Int32Array;
  /** Per slot: the branch number of its period, or -1. */
  readonly branch: Int32Array;
}

/** The slot member m is counted in on day D. */
export function slotOn(slots: Slots, m: number, day: Day): number {
  let k = slots.next[m]!;
  if (k < 0) return m;
  const M = slots.next.length;
  let slot = m;
  while (k < slots.owner.length && slots.owner[k] === m && slots.start[k]! <= day) slot = M + k++;
  return slot;
}

/** The member of a slot. */
export function slotMember(slots: Slots | undefined, M: number, slot: number): number {
  return slot < M || slots === undefined ? slot : slots.owner[slot - M]!;
}

/** What the streaming counters need of a scope (a worker thread builds just this). */
export type CountScope = Pick<YearScope, 'branchOfOrg' | 'memberBranch' | 'active' | 'lastDay' | 'slots'> & {
  readonly branches: { readonly length: number };
  readonly members: { readonly length: number };
  /** The rubric's roster filters (where.who) as member masks, by whoKey. */
  readonly whoMasks?: ReadonlyMap<string, Uint8Array>;
};

/** The plain part of a scope the counters use (typed arrays: cheap to send to another thread). */
export function countScopeOf(s: YearScope, masks?: ReadonlyMap<string, Uint8Array>): CountScope {
  return {
    branches: { length: s.branches.length }, members: { length: s.members.length }, branchOfOrg: s.branchOfOrg, memberBranch: s.memberBranch,
    active: s.active, lastDay: s.lastDay, slots: s.slots, ...(masks && masks.size > 0 ? { whoMasks: masks } : {}),
  };
}

/** Depth-first order of the tree from its roots, children in file order; orgs off the tree last. */
export function treeOrder(orgs: readonly Org[]): Org[] {
  const children = new Map<string, Org[]>();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const roots: Org[] = [];
  for (const o of orgs) {
    if (o.parent === undefined || !byId.has(o.parent)) roots.push(o);
    else {
      let list = children.get(o.parent);
      if (!list) children.set(o.parent, (list = []));
      list.push(o);
    }
  }
  const out: Org[] = [];
  const seen = new Set<string>();
  // Depth first with a stack of its own: a tree may be thousands of levels deep.
  const visit = (start: Org): void => {
    const stack: Org[] = [start];
    while (stack.length > 0) {
      const o = stack.pop()!;
      if (seen.has(o.id)) continue;
      seen.add(o.id);
      out.push(o);
      const kids = children.get(o.id);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  };
  for (const r of roots) visit(r);
  for (const o of orgs) if (!seen.has(o.id)) visit(o); // cycles, reported by validation
  return out;
}

/**
 * The scope of `year` on day `asOf` (31 December when absent). `memberIndex`, when the caller has
 * it, is the members' numbers by id (the dataset's: at national scale a map of 200,000 ids costs
 * some 0.15 s to build again); it must number `members` as they are listed.
 */
export function makeScope(orgs: readonly Org[], members: readonly Member[], year: number, asOf?: Day, memberIndex?: ReadonlyMap<string, number>): YearScope {
  const orgsInTreeOrder = treeOrder(orgs);
  const branches = orgsInTreeOrder.filter((o) => isBranchOfYear(o, year));
  const branchIndex = new Map(branches.map((b, i) => [b.id, i]));
  const day = asOf ?? yearEnd(year);
  const index = memberIndex === undefined ? new Map<string, number>() : undefined;
  const memberBranch = new Int32Array(members.length);
  const active = new Uint8Array(members.length);
  const activeCount = new Int32Array(branches.length);
  const first = yearStart(year), last = yearEnd(year);
  let moved: number[] | undefined;
  members.forEach((m, i) => {
    index?.set(m.id, i);
    let org = m.org;
    if (m.moves !== undefined && m.moves.length > 0) {
      // The branch on the scope's day, or on the nearest day on the roster.
      const until = rosterUntil(m);
      org = orgOn(m, day < m.joined ? m.joined : day >= until && until > m.joined ? previousDay(until) : day);
      if (m.moves.some((mv) => mv.day > first && mv.day <= last)) (moved ??= []).push(i);
    }
    const b = branchIndex.get(org) ?? -1;
    memberBranch[i] = b;
    if (b >= 0 && onRoster(m, day)) {
      active[i] = 1;
      activeCount[b]!++;
    }
  });
  const branchOfOrg = new Int32Array(orgs.length);
  orgs.forEach((o, i) => {
    branchOfOrg[i] = branchIndex.get(o.id) ?? -1;
  });
  return {
    year, asOf: day, firstDay: yearStart(year), lastDay: yearEnd(year),
    orgsInTreeOrder, orgById: new Map(orgs.map((o) => [o.id, o])),
    branches, branchIndex, branchOfOrg, members, memberIndex: index ?? memberIndex!, memberBranch, active, activeCount,
    slots: moved === undefined ? undefined : slotsOf(members, moved, branchIndex, memberBranch, first, last),
  };
}

/** The slots of a year whose moved members are `moved` (in roster order). */
function slotsOf(
  members: readonly Member[], moved: readonly number[], branchIndex: ReadonlyMap<string, number>, memberBranch: Int32Array, first: Day, last: Day,
): Slots | undefined {
  const M = members.length;
  const next = new Int32Array(M).fill(-1);
  const owner: number[] = [];
  const start: number[] = [];
  const later: number[] = [];
  const firstBranch = new Map<number, number>();
  for (const i of moved) {
    const periods = orgPeriods(members[i]!, first, last);
    if (periods.length === 0) continue;
    firstBranch.set(i, branchIndex.get(periods[0]!.org) ?? -1);
    if (periods.length === 1) continue;
    next[i] = owner.length;
    for (const p of periods.slice(1)) {
      owner.push(i);
      start.push(p.from);
      later.push(branchIndex.get(p.org) ?? -1);
    }
  }
  if (owner.length === 0) return undefined;
  // A member who did not move during the year is in the same branch all year: the scope's.
  const branch = new Int32Array(M + owner.length);
  branch.set(memberBranch);
  for (const [i, b] of firstBranch) branch[i] = b;
  later.forEach((b, k) => {
    branch[M + k] = b;
  });
  return { size: M + owner.length, next, owner: Int32Array.from(owner), start: Int32Array.from(start), branch };
}

/** Ids of an org and every org below it. */
export function subtree(orgs: readonly Org[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of orgs) {
    if (o.parent === undefined) continue;
    let list = children.get(o.parent);
    if (!list) children.set(o.parent, (list = []));
    list.push(o.id);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of children.get(id) ?? []) stack.push(c);
  }
  return out;
}
