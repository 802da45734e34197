// The 领导班子 of the committees in a year: each seat held on a day of it, the holder's results in
// the year's reviews (述职述评 and the 平时, 年度, 任期 assessments), and their attendance at the
// committee's meetings held while they held the seat (支委会 records credited to the committee;
// 主委会 and 常委会 by tag; a 主委会 expects the 主委, 副主委 and 秘书长 only, a 常委会 and any other
// meeting every seat). From the practices fold. Pure.

import { LEADER_ROLES, REVIEW_KINDS, type Leader, type Review } from '../model/practices.js';
import { nextDay } from '../util/dates.js';
import { yearEnd, yearStart, type Org } from '../model/types.js';
import { MEETING_KINDS, type PracticeCounts, type PracticeLayout } from './practices.js';
import { compareText } from '../util/compare.js';

/** The seats a 主委会 is held by (主委, 副主委, 秘书长); 常委会 and other meetings expect every seat. */
export const CHAIRS: ReadonlySet<string> = new Set(['主委', '副主委', '秘书长']);

export interface SeatYear {
  readonly org: Org;
  readonly leader: Leader;
  /** Result per review kind, when reviewed this year. */
  readonly results: Readonly<Partial<Record<(typeof REVIEW_KINDS)[number], string>>>;
  /** Per meeting kind (MEETING_KINDS): meetings held during the seat in the year, and attended. */
  readonly held: readonly number[];
  readonly attended: readonly number[];
}

export function leadershipYear(
  year: number, orgsInTreeOrder: readonly Org[], orgIndex: ReadonlyMap<string, number>, leaders: readonly Leader[], reviews: readonly Review[],
  layout: PracticeLayout, counts: PracticeCounts,
): SeatYear[] {
  const first = yearStart(year), after = nextDay(yearEnd(year));
  const posting = new Int32Array(leaders.length).fill(-1);
  layout.seatOrder.forEach((i, p) => {
    posting[i] = p;
  });
  const review = new Map<string, Partial<Record<(typeof REVIEW_KINDS)[number], string>>>();
  for (const r of reviews) {
    const key = `${r.org}\u0000${r.member}`;
    review.set(key, { ...(review.get(key) ?? {}), [r.kind]: r.result });
  }
  const rank = new Map(orgsInTreeOrder.map((o, i) => [o.id, i]));
  const orgById = new Map(orgsInTreeOrder.map((o) => [o.id, o]));
  const out: SeatYear[] = [];
  leaders.forEach((l, i) => {
    const org = orgById.get(l.org);
    if (!org || l.from >= after || l.until <= first) return;
    const k = orgIndex.get(l.org) ?? -1;
    const from = Math.max(first, l.from), until = Math.min(after, l.until);
    const p = posting[i]!;
    const expected = (kind: number): boolean => kind !== 0 || CHAIRS.has(l.role);
    out.push({
      org, leader: l, results: review.get(`${l.org}\u0000${l.member}`) ?? {},
      held: MEETING_KINDS.map((_, kind) => (k < 0 || !expected(kind) ? 0 : counts.meetings(k, kind, from, until))),
      attended: MEETING_KINDS.map((_, kind) => (p < 0 || !expected(kind) ? 0 : counts.attended[p * MEETING_KINDS.length + kind]!)),
    });
  });
  const roleRank = (l: Leader): number => LEADER_ROLES.indexOf(l.role);
  return out.sort((a, b) => (rank.get(a.org.id) ?? 0) - (rank.get(b.org.id) ?? 0) || roleRank(a.leader) - roleRank(b.leader) || a.leader.from - b.leader.from || compareText(a.leader.member, b.leader.member));
}
