// The counts behind the 会员结构统计表: per roll-up group, the year's movement (年初 = last year's
// 年末, 发展, 省内转入/转出 between groups, 减少 by reason — 转出 is out of the province — and 年末 on
// the as-of day) and the structure of the members on the roster that day (gender, minorities, age,
// education, degree, title, posts, reserve cadres, sector). Each member counts in the group of
// the branch they belonged to on the day that matters. Counts add up: 年初 + 发展 + 转入 − 转出 −
// 减少 = 年末 for every group and for the total. Pure.

import { SECTORS, STATUSES, TITLES, inReserveOn, onRoster, orgOn, rosterUntil, yearEnd, type Day, type Member, type Org } from '../model/types.js';
import { previousDay } from '../util/dates.js';
import { ageOn } from '../util/dates.js';
import { groupsOf, type Group } from './groups.js';

export const LEAVE_REASONS = STATUSES.filter((s) => s !== '在册');

export interface RosterCounts {
  start: number;
  joined: number;
  /** Moves from a branch of another group (省内转入), and to one (省内转出). */
  transferIn: number;
  transferOut: number;
  left: Record<string, number>;
  end: number;
  female: number;
  minority: number;
  ageSum: number;
  ageKnown: number;
  le40: number;
  from41to60: number;
  over60: number;
  ageUnknown: number;
  postgrad: number;
  doctor: number;
  full: number;
  associate: number;
  deputies: number;
  cppcc: number;
  reserve: number;
  sectors: Record<string, number>;
  sectorUnknown: number;
  /** Every title (职称) of TITLES, and none written. */
  titles: Record<string, number>;
  titleUnknown: number;
}

export function zeroRoster(): RosterCounts {
  return {
    start: 0, joined: 0, transferIn: 0, transferOut: 0, left: Object.fromEntries(LEAVE_REASONS.map((r) => [r, 0])), end: 0, female: 0, minority: 0,
    ageSum: 0, ageKnown: 0, le40: 0, from41to60: 0, over60: 0, ageUnknown: 0, postgrad: 0, doctor: 0, full: 0, associate: 0,
    deputies: 0, cppcc: 0, reserve: 0, sectors: Object.fromEntries(SECTORS.map((s) => [s, 0])), sectorUnknown: 0,
    titles: Object.fromEntries(TITLES.map((t) => [t, 0])), titleUnknown: 0,
  };
}

export function addRoster(into: RosterCounts, c: RosterCounts): void {
  for (const k of Object.keys(into) as (keyof RosterCounts)[]) {
    const v = into[k];
    if (typeof v === 'number') (into[k] as number) = v + (c[k] as number);
    else for (const kk of Object.keys(v)) v[kk]! += (c[k] as Record<string, number>)[kk]!;
  }
}

/**
 * Adds one member's movement over the year up to `asOf`, each in the counts of the group of the
 * branch that day (`at` gives them, undefined outside the counted groups) — 年初 is the roster on
 * 31 December of the previous year (`before`), so it equals last year's 年末; 发展 joined from
 * 1 January on and stayed a day; a move to a branch of another group is 转出 there and 转入 here;
 * 减少 left after `before` up to `asOf` — and, if on the roster on asOf, their structure.
 */
function count(at: (org: string) => RosterCounts | undefined, m: Member, before: Day, asOf: Day): void {
  const atStart = onRoster(m, before);
  const joinedInYear = m.joined > before && m.joined <= asOf && rosterUntil(m) > m.joined;
  if (atStart) {
    const c = at(orgOn(m, before));
    if (c) c.start++;
  } else if (joinedInYear) {
    const c = at(orgOn(m, m.joined));
    if (c) c.joined++;
  }
  if (m.moves !== undefined && (atStart || joinedInYear)) {
    for (const mv of m.moves) {
      if (mv.day <= before || mv.day > asOf || mv.day <= m.joined || mv.day >= rosterUntil(m)) continue;
      const from = at(orgOn(m, previousDay(mv.day)));
      const to = at(orgOn(m, mv.day));
      if (from === to) continue;
      if (from) from.transferOut++;
      if (to) to.transferIn++;
    }
  }
  if ((atStart || joinedInYear) && m.status !== '在册' && m.left !== undefined && m.left > before && m.left <= asOf) {
    const c = at(orgOn(m, previousDay(m.left)));
    if (c) c.left[m.status]!++;
  }
  if (!onRoster(m, asOf)) return;
  const c = at(orgOn(m, asOf));
  if (c === undefined) return;
  c.end++;
  addStructure(c, m, asOf);
}

/** Adds a member's structure on day `asOf` (gender … sector) to `c`. */
export function addStructure(c: RosterCounts, m: Member, asOf: Day): void {
  if (m.gender === '女') c.female++;
  if (m.ethnicity !== undefined && m.ethnicity !== '汉族' && m.ethnicity !== '汉') c.minority++;
  if (m.birth === undefined) c.ageUnknown++;
  else {
    const age = ageOn(m.birth, asOf);
    c.ageSum += age;
    c.ageKnown++;
    if (age <= 40) c.le40++;
    else if (age <= 60) c.from41to60++;
    else c.over60++;
  }
  if (m.education === '研究生') c.postgrad++;
  if (m.degree === '博士') c.doctor++;
  if (m.title === '正高级') c.full++;
  if (m.title === '副高级') c.associate++;
  if (m.title === undefined) c.titleUnknown++;
  else c.titles[m.title]!++;
  if (m.roles.some((r) => r.endsWith('人大代表'))) c.deputies++;
  if (m.roles.some((r) => r.endsWith('政协委员'))) c.cppcc++;
  if (inReserveOn(m, asOf, '后备干部')) c.reserve++;
  if (m.sector === undefined) c.sectorUnknown++;
  else c.sectors[m.sector]!++;
}

export interface RosterInput {
  readonly orgsInTreeOrder: readonly Org[];
  readonly members: readonly Member[];
  readonly year: number;
  readonly asOf: Day;
  /** Org ids to count (an --org subtree), or undefined for all. */
  readonly only: ReadonlySet<string> | undefined;
}

export interface RosterResult {
  /** Groups in tree order of their first branch; each member counted in their branch's group. */
  readonly groups: readonly { readonly group: Group; readonly counts: RosterCounts }[];
  readonly total: RosterCounts;
}

export function rosterCounts(input: RosterInput): RosterResult {
  const groups = groupsOf(input.orgsInTreeOrder);
  const before = yearEnd(input.year - 1);
  const order: Group[] = [];
  const byKey = new Map<string, RosterCounts>();
  for (const o of input.orgsInTreeOrder) {
    const g = groups.get(o.id);
    if (!g || byKey.has(g.key) || o.type !== '支部') continue;
    if (input.only && !input.only.has(o.id)) continue;
    order.push(g);
    byKey.set(g.key, zeroRoster());
  }
  const at = (org: string): RosterCounts | undefined => {
    if (input.only && !input.only.has(org)) return undefined;
    const g = groups.get(org);
    return g && byKey.get(g.key);
  };
  for (const m of input.members) count(at, m, before, input.asOf);
  const total = zeroRoster();
  const list = order.map((group) => {
    const counts = byKey.get(group.key) ?? zeroRoster();
    addRoster(total, counts);
    return { group, counts };
  });
  return { groups: list, total };
}
