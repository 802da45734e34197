// The reserve pool (后备干部、代表人士库) in a year: who was in it, with the days each entered and
// left (its "动态管理"), and its structure by kind — 年初在库, 本年入库, 本年出库, 年末在库 and, for
// the members in it on the as-of day, the roster's structure (age, title, sector, 政治安排). A
// member is in the pool on a day when on the roster and inside a span (reserve.csv), or, without
// the pool's history, when the roster's 后备干部 says 是. Counts add up: 年初 + 入库 − 出库 = 年末
// for every kind and in total. Pure.

import { RESERVE_KINDS, orgOn, rosterUntil, yearEnd, yearStart, type Day, type Member, type ReserveKind } from '../model/types.js';
import { previousDay } from '../util/dates.js';
import { addRoster, addStructure, zeroRoster, type RosterCounts } from './roster.js';
import { compareText as cmp } from '../util/compare.js';

/** A stretch of days in the pool: a span within the member's days on the roster. */
export interface PoolStay {
  readonly member: number;
  readonly kind: ReserveKind;
  /** The first day in, and the first day out (NEVER while in); undefined without the pool's history. */
  readonly from: Day | undefined;
  readonly until: Day | undefined;
  readonly reason: string | undefined;
  /** The branch on the stay's last day in the year. */
  readonly branch: string;
  /** Entered, left, during the year. */
  readonly entered: boolean;
  readonly left: boolean;
}

/** A member's stays in the pool: spans clipped to their days on the roster. */
export function poolStays(m: Member): { kind: ReserveKind; from: Day; until: Day; reason: string | undefined }[] {
  const until = rosterUntil(m);
  if (m.reserveSpans === undefined) return m.reserve && until > m.joined ? [{ kind: '后备干部', from: m.joined, until, reason: undefined }] : [];
  const out: { kind: ReserveKind; from: Day; until: Day; reason: string | undefined }[] = [];
  for (const s of m.reserveSpans) {
    const from = Math.max(s.from, m.joined), to = Math.min(s.until, until);
    if (from < to) out.push({ kind: s.kind, from, until: to, reason: s.until <= until ? s.reason : undefined });
  }
  return out;
}

/** The pool's stays overlapping the year (as of `asOf`), one row each, by branch tree order then id then day. */
export function poolOfYear(members: readonly Member[], year: number, asOf: Day, treeRank: ReadonlyMap<string, number>, history: boolean): PoolStay[] {
  const first = yearStart(year);
  const out: PoolStay[] = [];
  members.forEach((m, i) => {
    for (const s of poolStays(m)) {
      if (s.from > asOf || s.until <= first) continue;
      const lastDay = Math.min(asOf, previousDay(s.until));
      out.push({
        member: i, kind: s.kind, from: history ? s.from : undefined, until: history ? s.until : undefined, reason: s.reason,
        branch: orgOn(m, lastDay), entered: history && s.from >= first, left: history && s.until <= asOf,
      });
    }
  });
  const rank = (p: PoolStay): number => treeRank.get(p.branch) ?? Number.MAX_SAFE_INTEGER;
  return out.sort((a, b) => rank(a) - rank(b) || cmp(members[a.member]!.id, members[b.member]!.id) || (a.from ?? 0) - (b.from ?? 0));
}

export interface PoolCounts {
  readonly start: number;
  readonly entered: number;
  readonly exited: number;
  /** The structure of the members in the pool on the as-of day (end = structure.end). */
  readonly structure: RosterCounts;
}

/** The pool's movement and structure per kind, and in total. */
export function poolStructure(members: readonly Member[], year: number, asOf: Day): { kinds: { kind: ReserveKind; counts: PoolCounts }[]; total: PoolCounts } {
  const before = yearEnd(year - 1);
  const per = new Map(RESERVE_KINDS.map((k) => [k, { start: 0, entered: 0, exited: 0, structure: zeroRoster() }]));
  for (const m of members) {
    for (const s of poolStays(m)) {
      const c = per.get(s.kind)!;
      if (s.from <= before && before < s.until) c.start++;
      if (s.from > before && s.from <= asOf) c.entered++;
      if (s.until > before && s.until <= asOf) c.exited++;
      if (s.from <= asOf && asOf < s.until) {
        c.structure.end++;
        addStructure(c.structure, m, asOf);
      }
    }
  }
  const total = { start: 0, entered: 0, exited: 0, structure: zeroRoster() };
  const kinds = RESERVE_KINDS.map((kind) => {
    const counts = per.get(kind)!;
    total.start += counts.start;
    total.entered += counts.entered;
    total.exited += counts.exited;
    addRoster(total.structure, counts.structure);
    return { kind, counts };
  });
  return { kinds, total };
}

