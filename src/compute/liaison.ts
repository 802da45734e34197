// 领导和机关干部联系基层 in a year: per org (every org of the year but the root, in tree order) the
// liaisons assigned on some day of it, each one's visits and last visit, and the org's visits (a
// record credited to the org that lists one of its liaisons, on a day of their assignment,
// counted once however many of them it lists). From the practices fold. Pure.

import type { Liaison } from '../model/practices.js';
import { yearEnd, yearStart, type Day, type Org } from '../model/types.js';
import type { PracticeCounts, PracticeLayout } from './practices.js';
import { compareText as cmp } from '../util/compare.js';

export interface LiaisonVisits {
  readonly liaison: Liaison;
  readonly visits: number;
  /** Day of the last visit in the year, or undefined. */
  readonly last: Day | undefined;
}

export interface OrgContact {
  readonly org: Org;
  readonly liaisons: readonly LiaisonVisits[];
  readonly visits: number;
  readonly last: Day | undefined;
}

/** Orgs of a year: not established after 31 December, not dissolved before 1 January (any type). */
export function isOrgOfYear(o: Pick<Org, 'established' | 'dissolved'>, year: number): boolean {
  return !(o.established !== undefined && o.established > yearEnd(year)) && !(o.dissolved !== undefined && o.dissolved < yearStart(year));
}

export function liaisonYear(
  year: number, orgsInTreeOrder: readonly Org[], orgIndex: ReadonlyMap<string, number>, liaisons: readonly Liaison[],
  layout: PracticeLayout, counts: PracticeCounts,
): OrgContact[] {
  const first = yearStart(year), last = yearEnd(year);
  // Visits per liaison (index in the list), through the layout's posting order.
  const visits = new Int32Array(liaisons.length);
  const lastVisit = new Int32Array(liaisons.length);
  layout.liaisonOrder.forEach((i, p) => {
    visits[i] = counts.visits[p]!;
    lastVisit[i] = counts.lastVisit[p]!;
  });
  const byOrg = new Map<string, LiaisonVisits[]>();
  liaisons.forEach((l, i) => {
    if (l.from > last || l.until <= first) return;
    let list = byOrg.get(l.org);
    if (!list) byOrg.set(l.org, (list = []));
    list.push({ liaison: l, visits: visits[i]!, last: lastVisit[i]! > 0 ? lastVisit[i]! : undefined });
  });
  const out: OrgContact[] = [];
  for (const o of orgsInTreeOrder) {
    if (o.parent === undefined || !isOrgOfYear(o, year)) continue;
    const k = orgIndex.get(o.id) ?? -1;
    const lastDay = k >= 0 ? counts.orgLast[k]! : 0;
    const list = (byOrg.get(o.id) ?? []).sort((a, b) => roleRank(a.liaison) - roleRank(b.liaison) || a.liaison.from - b.liaison.from || cmp(a.liaison.member, b.liaison.member));
    out.push({ org: o, liaisons: list, visits: k >= 0 ? counts.orgVisits[k]! : 0, last: lastDay > 0 ? lastDay : undefined });
  }
  return out;
}

const roleRank = (l: Liaison): number => (l.role === '领导' ? 0 : 1);
