// Checks of the roster's history: moves between branches (transfers.csv) and spans in the reserve
// pool (reserve.csv). Row by row: the member and branches exist (MJ303, MJ302, MJ304), a move goes
// somewhere (MJ330). Across a member's rows: one move a day (MJ331), inside the member's days on
// the roster (MJ332), each from the branch the member was in (MJ333), ending where the roster says
// (MJ334), into a branch that existed that day (MJ335); pool spans that do not overlap (MJ336), begin
// on the roster (MJ337) and agree with the roster's 后备干部 column today (MJ338).

import type { DiagnosticInput } from '../diagnostics/diagnostic.js';
import { NEVER, rosterUntil, type Day, type IdFilter, type Member, type Org, type ReserveSpan } from '../model/types.js';
import { fieldIndex } from '../schema/fields.js';
import { formatDay } from '../util/dates.js';
import type { ZeroDamage } from './members.js';
import { NONE, type FieldPlacer } from './place.js';

const T = { member: fieldIndex('transfers', 'member'), date: fieldIndex('transfers', 'date'), from: fieldIndex('transfers', 'from'), to: fieldIndex('transfers', 'to') };
const R = { member: fieldIndex('reserve', 'member'), from: fieldIndex('reserve', 'from'), until: fieldIndex('reserve', 'until') };

/** What the rows of the history files are checked against. */
export interface HistoryRefs {
  readonly orgs: ReadonlyMap<string, Org>;
  readonly brokenOrgs: IdFilter;
  readonly members: ReadonlyMap<string, Member>;
  readonly brokenMembers: IdFilter;
  readonly zeros: ZeroDamage;
}

/** A reference to a roster member in field `field` of a row: MJ303 (or Excel's lost zeros, MJ313, once). */
export function memberRef(id: string | undefined, field: number, place: FieldPlacer, refs: Pick<HistoryRefs, 'members' | 'brokenMembers' | 'zeros'>): readonly DiagnosticInput[] {
  if (id === undefined || refs.members.has(id) || refs.brokenMembers.has(id)) return NONE;
  const damaged = refs.zeros.match(id);
  if (damaged) {
    const at = place.at(field, 'MJ303');
    return refs.zeros.report(damaged, id, `${at.file}:${at.line}`);
  }
  return [place.at(field, 'MJ303', { value: id }, { span: id.length, suggest: { value: id, pool: 'members' } })];
}

/** A reference to an org in field `field`: MJ302 when unknown; with `branch`, MJ304 when not a 支部. */
export function orgRef(id: string | undefined, field: number, place: FieldPlacer, refs: Pick<HistoryRefs, 'orgs' | 'brokenOrgs'>, branch: boolean): readonly DiagnosticInput[] {
  if (id === undefined) return NONE;
  const org = refs.orgs.get(id);
  if (org === undefined) {
    return refs.brokenOrgs.has(id) ? NONE : [place.at(field, 'MJ302', { value: id }, { span: id.length, suggest: { value: id, pool: branch ? 'branches' : 'orgs' } })];
  }
  if (branch && org.type !== '支部') return [place.at(field, 'MJ304', { value: id, type: org.type }, { span: id.length })];
  return NONE;
}

/** A transfer row as decoded. */
export interface TransferSubject {
  readonly member: string | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

export type TransferCheck = (t: TransferSubject, place: FieldPlacer, refs: HistoryRefs) => readonly DiagnosticInput[];

/** The member and both branches exist; a move goes to another branch (MJ330). */
export const transferRefs: TransferCheck = (t, place, refs) => {
  const out = [...memberRef(t.member, T.member, place, refs), ...orgRef(t.from, T.from, place, refs, true), ...orgRef(t.to, T.to, place, refs, true)];
  if (t.from !== undefined && t.from === t.to) out.push(place.at(T.to, 'MJ330', { value: t.to }, { span: t.to.length }));
  return out;
};

/** A reserve row as decoded. */
export interface ReserveSubject {
  readonly member: string | undefined;
}

export const reserveRefs = (r: ReserveSubject, place: FieldPlacer, refs: HistoryRefs): readonly DiagnosticInput[] => memberRef(r.member, R.member, place, refs);

/** One member's moves as read, each with how to point at its fields. */
export interface MemberMoves {
  readonly member: Member;
  readonly moves: readonly { readonly day: Day; readonly from: string; readonly to: string; readonly place: FieldPlacer; readonly dateText: string }[];
}

/** The moves of one member, in day order, against each other, the roster and the org tree. */
export function memberMoves(h: MemberMoves, orgs: ReadonlyMap<string, Org>): DiagnosticInput[] {
  const out: DiagnosticInput[] = [];
  const m = h.member;
  const until = rosterUntil(m);
  let previous: (typeof h.moves)[number] | undefined;
  for (const mv of h.moves) {
    const span = { span: mv.dateText.length };
    if (previous && previous.day === mv.day) {
      out.push(mv.place.at(T.date, 'MJ331', { member: m.id, date: formatDay(mv.day), first: `${previous.place.at(T.date, 'MJ331').line}` }, span));
      continue;
    }
    if (mv.day <= m.joined || mv.day >= until) {
      const why = mv.day <= m.joined ? `@joined-on:${formatDay(m.joined)}` : `@already-left:${formatDay(until)}`;
      out.push(mv.place.at(T.date, 'MJ332', { member: m.id, date: formatDay(mv.day), why }, span));
    }
    if (previous && previous.to !== mv.from) {
      out.push(mv.place.at(T.from, 'MJ333', { member: m.id, value: mv.from, expected: previous.to, date: formatDay(mv.day), line: previous.place.at(T.to, 'MJ333').line }, { span: mv.from.length }));
    }
    const to = orgs.get(mv.to);
    if (to && ((to.dissolved !== undefined && to.dissolved <= mv.day) || (to.established !== undefined && to.established > mv.day))) {
      const why = to.dissolved !== undefined && to.dissolved <= mv.day ? `@already-dissolved:${formatDay(to.dissolved)}` : `@not-yet-established:${formatDay(to.established!)}`;
      out.push(mv.place.at(T.to, 'MJ335', { value: mv.to, date: formatDay(mv.day), why }, { span: mv.to.length }));
    }
    previous = mv;
  }
  if (previous && previous.to !== m.org) {
    out.push(previous.place.at(T.to, 'MJ334', { member: m.id, value: previous.to, org: m.org, line: m.origin.line }, { span: previous.to.length }));
  }
  return out;
}

/** One member's pool spans as read, each with how to point at its fields. */
export interface MemberSpans {
  readonly member: Member;
  readonly spans: readonly (ReserveSpan & { readonly place: FieldPlacer; readonly fromText: string })[];
}

/** Spans that do not overlap (MJ336), begin while on the roster (MJ337), and agree with the roster's column (MJ338). */
export function memberSpans(h: MemberSpans): DiagnosticInput[] {
  const out: DiagnosticInput[] = [];
  const m = h.member;
  let previous: (typeof h.spans)[number] | undefined;
  for (const s of h.spans) {
    if (previous && s.from < previous.until) {
      out.push(s.place.at(R.from, 'MJ336', { member: m.id, from: formatDay(s.from), line: previous.place.at(R.from, 'MJ336').line }, { span: s.fromText.length }));
    }
    if (s.from < m.joined || s.from >= rosterUntil(m)) {
      const why = s.from < m.joined ? `@not-yet-joined:${formatDay(m.joined)}` : `@already-left:${formatDay(rosterUntil(m))}`;
      out.push(s.place.at(R.from, 'MJ337', { member: m.id, date: formatDay(s.from), why }, { span: s.fromText.length }));
    }
    if (!previous || s.until > previous.until) previous = s;
  }
  return out;
}

/**
 * The roster's 后备干部 column is today's: 是 for a member 在册 whose 后备干部 span is still open,
 * 否 otherwise (MJ338, a warning at the roster row, once per member).
 */
export function reserveColumn(members: readonly Member[]): DiagnosticInput[] {
  const out: DiagnosticInput[] = [];
  for (const m of members) {
    const spans = m.reserveSpans;
    if (spans === undefined) continue;
    const open = m.status === '在册' && spans.some((s) => s.kind === '后备干部' && s.until === NEVER);
    if (open === m.reserve) continue;
    out.push({
      file: m.origin.file, line: m.origin.line, column: m.origin.column, code: 'MJ338', field: 'reserve', span: m.id.length,
      params: { member: m.id, column: m.reserve ? '是' : '否', pool: open ? '@in-pool' : '@not-in-pool' },
    });
  }
  return out;
}
