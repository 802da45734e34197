// Domain model: the readonly records mj computes on, normalised from the files by src/load/.
// Imports nothing. Dates are calendar days as integers YYYYMMDD (20190310), which compare
// and sort like the dates they stand for.

import { nextDay } from '../util/dates.js';

export type Day = number;

export const ORG_TYPES = ['省委会', '市委会', '工委', '总支', '支部'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const COMMITTEE_ROLES = ['主委', '副主委', '委员'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

/** Where a record or value came from: file path relative to the dataset root, 1-based line/column. */
export interface Origin {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Org {
  readonly id: string;
  readonly name: string;
  readonly type: OrgType;
  readonly parent: string | undefined;
  readonly established: Day | undefined;
  readonly dissolved: Day | undefined;
  readonly committee: readonly { readonly member: string; readonly role: CommitteeRole }[];
  readonly liaison: string | undefined;
  readonly origin: Origin;
}

export const GENDERS = ['男', '女'] as const;
export const TITLES = ['正高级', '副高级', '中级', '初级', '无'] as const;
export const EDUCATIONS = ['研究生', '大学本科', '大学专科', '中专及以下'] as const;
export const DEGREES = ['博士', '硕士', '学士', '无'] as const;
export const SECTORS = ['高校', '中小学', '医疗卫生', '科研院所', '文化', '出版', '党政机关', '企业', '其他'] as const;
export const ROLES = [
  '全国人大代表', '全国政协委员', '省人大代表', '省政协委员',
  '市人大代表', '市政协委员', '县人大代表', '县政协委员',
] as const;
export const RESERVE = ['是', '否'] as const;
export const STATUSES = ['在册', '退会', '除名', '开除', '去世', '转出'] as const;
export type Status = (typeof STATUSES)[number];

export interface Member {
  readonly id: string;
  readonly name: string;
  readonly gender: (typeof GENDERS)[number];
  /** Birth day; a `YYYY-MM` birth is the 1st of that month. */
  readonly birth: Day | undefined;
  readonly ethnicity: string | undefined;
  readonly joined: Day;
  readonly org: string;
  readonly title: (typeof TITLES)[number] | undefined;
  readonly education: (typeof EDUCATIONS)[number] | undefined;
  readonly degree: (typeof DEGREES)[number] | undefined;
  readonly employer: string | undefined;
  readonly sector: (typeof SECTORS)[number] | undefined;
  readonly roles: readonly (typeof ROLES)[number][];
  readonly reserve: boolean;
  readonly status: Status;
  readonly left: Day | undefined;
  readonly origin: Origin;
  /** Column of the org cell, for checks that point at it. */
  readonly orgColumn: number;
  /**
   * Moves between branches (transfers.csv), by day; `org` is the branch after the last one (the
   * roster's column is today's, like status). Absent or empty: `org` for all dates.
   */
  readonly moves?: readonly Move[];
  /**
   * Spans in the reserve pool (reserve.csv), by day. Absent when the dataset keeps no pool
   * history: then the roster's `reserve` (today's) holds for all dates.
   */
  readonly reserveSpans?: readonly ReserveSpan[];
}

/** A move between branches: from `day` on, the member belongs to `to` (until the next move). */
export interface Move {
  readonly day: Day;
  readonly from: string;
  readonly to: string;
  readonly origin: Origin;
}

export const RESERVE_KINDS = ['后备干部', '代表人士'] as const;
export type ReserveKind = (typeof RESERVE_KINDS)[number];
export const RESERVE_EXITS = ['换届使用', '提拔任用', '年龄', '调出', '离会', '其他'] as const;

/** A span in the reserve pool: [from, until) — until is the first day out, NEVER while in. */
export interface ReserveSpan {
  readonly kind: ReserveKind;
  readonly from: Day;
  readonly until: Day;
  /** Why the member left the pool, when they did. */
  readonly reason: (typeof RESERVE_EXITS)[number] | undefined;
  readonly origin: Origin;
}

export const ACTIVITY_TYPES = [
  '提案', '建议', '社情民意', '社会服务', '组织生活', '支委会', '学习', '培训', '调研', '宣传', '其他',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const LEVELS = ['国家', '省', '市', '县'] as const;

export const OUTCOMES = [
  '立案', '重点提案', '未立案', '省委会采用', '市政协采用', '市委统战部采用', '省政协采用',
  '省委办公厅采用', '省委统战部采用', '民进中央采用', '中央统战部采用', '全国政协转送',
  '全国政协单篇采用', '市领导批示', '省领导批示', '省主要领导批示', '国家部委批示', '中央领导批示',
] as const;

export interface Activity {
  readonly id: string;
  readonly date: Day;
  readonly type: ActivityType;
  readonly org: string;
  /** Authors or participants; the first is the lead author. */
  readonly members: readonly string[];
  readonly title: string;
  readonly level: (typeof LEVELS)[number] | undefined;
  readonly outcomes: readonly string[];
  /** Decimal text as written (exact), e.g. "2.5". */
  readonly hours: string | undefined;
  readonly tags: readonly string[];
  readonly note: string | undefined;
  readonly origin: Origin;
}

export interface Assessment {
  readonly org: string;
  readonly item: string;
  /** Decimal text as written (for an item with word values: the word's points); none on a row that gives only the 自评 of a computed item. */
  readonly points: string | undefined;
  readonly self: string | undefined;
  /** The word written, for an item whose values are words (是/否). */
  readonly value?: string;
  /** The 自评 word written, for such an item (self holds its points). */
  readonly selfValue?: string;
  /** The member assessed, for an item of the member sheet (会员编号). */
  readonly member?: string;
  readonly note: string | undefined;
  readonly origin: Origin;
}

/** The first and last day of a calendar year. */
export const yearStart = (year: number): Day => year * 10000 + 101;
export const yearEnd = (year: number): Day => year * 10000 + 1231;

/** A day after every day a dataset holds (an open end). */
export const NEVER: Day = 99999999;

/**
 * The first day a member is off the roster again: the left date, or never while still 在册 (a
 * member who left on D is gone on D; the status column is today's, the left date decides the past).
 * With the join date it makes the half-open span [joined, until) of days on the roster. The one
 * home of the roster rule: every reader of it — the careful checks, the byte-level reader's member
 * table, scopes and tables — asks rosterUntil, onRoster or rosterSpan.
 */
export function rosterUntil(m: Pick<Member, 'joined' | 'status' | 'left'>): Day {
  const until = m.left !== undefined ? m.left : m.status === '在册' ? NEVER : m.joined;
  return until < m.joined ? m.joined : until;
}

/** The days a member is on the roster, as the half-open span [from, until). */
export function rosterSpan(m: Pick<Member, 'joined' | 'status' | 'left'>): { readonly from: Day; readonly until: Day } {
  return { from: m.joined, until: rosterUntil(m) };
}

/** On the roster on day D (spec §1 "On the roster on day D"). */
export function onRoster(m: Pick<Member, 'joined' | 'status' | 'left'>, day: Day): boolean {
  return m.joined <= day && day < rosterUntil(m);
}

/** On the roster on at least one day of [first, last]. */
export function onRosterDuring(m: Pick<Member, 'joined' | 'status' | 'left'>, first: Day, last: Day): boolean {
  return m.joined <= last && rosterUntil(m) > Math.max(first, m.joined);
}

/**
 * The org a member belongs to on day D by their moves (the roster span aside): the `from` of
 * the first move after D, else `org`. The one home of "a member's branch on a day": scopes, the
 * roster table, the member table's periods and the checks all ask orgOn or orgPeriods.
 */
export function orgOn(m: Pick<Member, 'org' | 'moves'>, day: Day): string {
  const moves = m.moves;
  if (moves === undefined) return m.org;
  for (let i = 0; i < moves.length; i++) if (day < moves[i]!.day) return moves[i]!.from;
  return m.org;
}

/** A stretch of days [from, until) in one org. */
export interface OrgPeriod {
  readonly org: string;
  readonly from: Day;
  readonly until: Day;
}

/**
 * The member's periods in each org within [first, last], clipped to their roster span, in order
 * (a member who never moved has at most one). A day belongs to exactly one period: a transfer
 * never counts a member twice on one day.
 */
export function orgPeriods(m: Pick<Member, 'org' | 'moves' | 'joined' | 'status' | 'left'>, first: Day, last: Day): OrgPeriod[] {
  const from0 = Math.max(first, m.joined);
  const until0 = Math.min(rosterUntil(m), nextDay(last));
  if (from0 >= until0) return [];
  const moves = m.moves ?? [];
  const out: OrgPeriod[] = [];
  let start = from0;
  for (const mv of moves) {
    if (mv.day <= start) continue;
    if (mv.day >= until0) break;
    out.push({ org: orgOn(m, start), from: start, until: mv.day });
    start = mv.day;
  }
  out.push({ org: orgOn(m, start), from: start, until: until0 });
  return out;
}

/**
 * In the reserve pool (of kind `kind`, or any) on day D: by the pool's history when the dataset
 * keeps one (reserve.csv), else the roster's `reserve` column, which then holds for all dates.
 */
export function inReserveOn(m: Pick<Member, 'reserve' | 'reserveSpans'>, day: Day, kind?: ReserveKind): boolean {
  const spans = m.reserveSpans;
  if (spans === undefined) return m.reserve && (kind === undefined || kind === '后备干部');
  for (const s of spans) if (s.from <= day && day < s.until && (kind === undefined || s.kind === kind)) return true;
  return false;
}

/** Branches of a year: type 支部, not established after 31 December, not dissolved before 1 January. */
export function isBranchOfYear(o: Pick<Org, 'type' | 'established' | 'dissolved'>, year: number): boolean {
  return o.type === '支部' && isOrgOfYear(o, year);
}

/** The org exists at some time in the year (established by its end, not dissolved before its start). */
export function isOrgOfYear(o: Pick<Org, 'established' | 'dissolved'>, year: number): boolean {
  if (o.established !== undefined && o.established > yearEnd(year)) return false;
  if (o.dissolved !== undefined && o.dissolved < yearStart(year)) return false;
  return true;
}

/** A set of ids to look up (a Set, or "every id" when a file could not be read at all). */
export interface IdFilter {
  has(id: string): boolean;
}

export const EVERY_ID: IdFilter = { has: () => true };
export const NO_ID: IdFilter = { has: () => false };
