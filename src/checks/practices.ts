// Checks of the practice files: liaisons (联系基层), 政治巡查 and their 整改, the 领导班子 and the
// year's reviews. Each row's references exist (MJ302, MJ303, MJ304), its span ends after it starts
// (MJ230); an inspection targets a committee (MJ340); a finding names an inspection (MJ341), keeps
// one inspection and category over its rows (MJ342), with deadlines after the inspection began
// (MJ343); seats are in committees (MJ344); a review is of a seat holder (MJ345), once (MJ346);
// a liaison is not assigned twice over the same days (MJ339).
// A finding is its inspection's: its id is unique within that inspection, and its rows keep one
// category (MJ342).

import type { DiagnosticInput } from '../diagnostics/diagnostic.js';
import type { Inspection, Liaison } from '../model/practices.js';
import type { Day } from '../model/types.js';
import { fieldIndex } from '../schema/fields.js';
import { formatDay } from '../util/dates.js';
import { memberRef, orgRef, type HistoryRefs } from './history.js';
import { NONE, type FieldPlacer } from './place.js';

const L = { org: fieldIndex('liaisons', 'org'), member: fieldIndex('liaisons', 'member'), from: fieldIndex('liaisons', 'from'), until: fieldIndex('liaisons', 'until') };
const I = { target: fieldIndex('inspections', 'target'), team: fieldIndex('inspections', 'team'), end: fieldIndex('inspections', 'end') };
const F = { inspection: fieldIndex('findings', 'inspection'), finding: fieldIndex('findings', 'finding'), category: fieldIndex('findings', 'category'), deadline: fieldIndex('findings', 'deadline') };
const S = { org: fieldIndex('leaders', 'org'), member: fieldIndex('leaders', 'member'), until: fieldIndex('leaders', 'until') };
const V = { org: fieldIndex('reviews', 'org'), member: fieldIndex('reviews', 'member'), kind: fieldIndex('reviews', 'kind') };

export type PracticeRefs = HistoryRefs;

/** A span's end before its start (MJ230), at the end field. */
function spanOrder(from: Day | undefined, until: Day | undefined, field: number, place: FieldPlacer, text: string): readonly DiagnosticInput[] {
  if (from === undefined || until === undefined || until >= from) return NONE;
  return [place.at(field, 'MJ230', { until: formatDay(until), from: formatDay(from) }, { span: text.length })];
}

/** A liaisons row as decoded. */
export interface LiaisonSubject {
  readonly org: string | undefined;
  readonly member: string | undefined;
  readonly from: Day | undefined;
  readonly until: Day | undefined;
  readonly untilText: string;
}

export function liaisonRow(l: LiaisonSubject, place: FieldPlacer, refs: PracticeRefs): DiagnosticInput[] {
  return [...orgRef(l.org, L.org, place, refs, false), ...memberRef(l.member, L.member, place, refs), ...spanOrder(l.from, l.until, L.until, place, l.untilText)];
}

/** Two assignments of one liaison to one org over shared days (MJ339, a warning, at the later row). */
export function liaisonOverlaps(list: readonly { readonly liaison: Liaison; readonly place: FieldPlacer }[]): DiagnosticInput[] {
  const out: DiagnosticInput[] = [];
  const byPair = new Map<string, { liaison: Liaison; place: FieldPlacer }[]>();
  for (const x of list) {
    const key = `${x.liaison.org}\u0000${x.liaison.member}`;
    let l = byPair.get(key);
    if (!l) byPair.set(key, (l = []));
    for (const y of l) {
      if (x.liaison.from < y.liaison.until && y.liaison.from < x.liaison.until) {
        out.push(x.place.at(L.from, 'MJ339', { member: x.liaison.member, org: x.liaison.org, line: y.liaison.origin.line }, { span: formatDay(x.liaison.from).length }));
        break;
      }
    }
    l.push(x);
  }
  return out;
}

/** An inspections row as decoded. */
export interface InspectionSubject {
  readonly target: string | undefined;
  readonly team: readonly string[];
  readonly start: Day | undefined;
  readonly end: Day | undefined;
  readonly endText: string;
}

export function inspectionRow(s: InspectionSubject, place: FieldPlacer, refs: PracticeRefs): DiagnosticInput[] {
  const out = [...orgRef(s.target, I.target, place, refs, false)];
  const org = s.target === undefined ? undefined : refs.orgs.get(s.target);
  if (org?.type === '支部') out.push(place.at(I.target, 'MJ340', { value: org.id }, { span: org.id.length }));
  s.team.forEach((id, k) => {
    if (refs.members.has(id) || refs.brokenMembers.has(id)) return;
    const damaged = refs.zeros.match(id);
    if (damaged) {
      // Excel's lost zeros: named once, at the roster (MJ313).
      const at = place.atItem(I.team, k, 'MJ303');
      out.push(...refs.zeros.report(damaged, id, `${at.file}:${at.line}`));
    } else out.push(place.atItem(I.team, k, 'MJ303', { value: id }, { suggest: { value: id, pool: 'members' } }));
  });
  out.push(...spanOrder(s.start, s.end, I.end, place, s.endText));
  return out;
}

/** A findings row as decoded (MJ342: a finding's rows keep one category). */
export interface FindingSubject {
  readonly inspection: string | undefined;
  readonly finding: string | undefined;
  readonly category: string | undefined;
  readonly deadline: Day | undefined;
  readonly deadlineText: string;
}

export interface FindingRefs {
  readonly inspections: ReadonlyMap<string, Inspection>;
  /** The ids of every row of the inspections file, those with an error too (their findings are not reported again). */
  readonly written: ReadonlySet<string>;
  /** The inspections file could not be read: references to it are not reported. */
  readonly inspectionsBroken: boolean;
  /** First row of each finding (inspection + id): its category and line. */
  readonly seen: Map<string, { inspection: string; category: string; line: number }>;
}

export function findingRow(f: FindingSubject, line: number, place: FieldPlacer, refs: FindingRefs): DiagnosticInput[] {
  const out: DiagnosticInput[] = [];
  if (f.inspection !== undefined && !refs.inspectionsBroken) {
    const ins = refs.inspections.get(f.inspection);
    if (ins === undefined && refs.written.has(f.inspection)) {
      // Its row has an error of its own, reported there.
    } else if (ins === undefined) {
      out.push(place.at(F.inspection, 'MJ341', { value: f.inspection }, { span: f.inspection.length, suggest: { value: f.inspection, pool: 'values', candidates: [...refs.inspections.keys()] } }));
    } else if (f.deadline !== undefined && f.deadline < ins.start) {
      out.push(place.at(F.deadline, 'MJ343', { deadline: formatDay(f.deadline), start: formatDay(ins.start), inspection: ins.id }, { span: f.deadlineText.length }));
    }
  }
  if (f.finding !== undefined && f.inspection !== undefined && f.category !== undefined) {
    // A finding is known by its inspection and its id (W1 of one inspection is not W1 of another).
    const key = `${f.inspection}\u0000${f.finding}`;
    const first = refs.seen.get(key);
    if (first === undefined) refs.seen.set(key, { inspection: f.inspection, category: f.category, line });
    else if (first.category !== f.category) {
      out.push(place.at(F.category, 'MJ342', { finding: f.finding, value: f.category, expected: first.category, line: first.line }, { span: f.category.length }));
    }
  }
  return out;
}

/** A leaders row as decoded. */
export interface LeaderSubject {
  readonly org: string | undefined;
  readonly member: string | undefined;
  readonly from: Day | undefined;
  readonly until: Day | undefined;
  readonly untilText: string;
}

export function leaderRow(s: LeaderSubject, place: FieldPlacer, refs: PracticeRefs): DiagnosticInput[] {
  const out = [...orgRef(s.org, S.org, place, refs, false), ...memberRef(s.member, S.member, place, refs), ...spanOrder(s.from, s.until, S.until, place, s.untilText)];
  const org = s.org === undefined ? undefined : refs.orgs.get(s.org);
  if (org?.type === '支部') out.push(place.at(S.org, 'MJ344', { value: org.id }, { span: org.id.length }));
  return out;
}

/** A reviews row as decoded. */
export interface ReviewSubject {
  readonly org: string | undefined;
  readonly member: string | undefined;
  readonly kind: string;
  readonly line: number;
}

export interface ReviewRefs extends PracticeRefs {
  readonly year: number;
  /** Whether the member held a seat in the org on some day of the year. */
  seated(org: string, member: string): boolean;
  /** First line of each org + member + kind. */
  readonly seen: Map<string, number>;
}

export function reviewRow(r: ReviewSubject, place: FieldPlacer, refs: ReviewRefs): DiagnosticInput[] {
  const out = [...orgRef(r.org, V.org, place, refs, false), ...memberRef(r.member, V.member, place, refs)];
  if (r.org === undefined || r.member === undefined || !refs.orgs.has(r.org) || !refs.members.has(r.member)) return out;
  const key = `${r.org}\u0000${r.member}\u0000${r.kind}`;
  const first = refs.seen.get(key);
  if (first !== undefined) out.push(place.at(V.member, 'MJ346', { member: r.member, org: r.org, kind: r.kind, line: first }, { span: r.member.length }));
  else refs.seen.set(key, r.line);
  if (!refs.seated(r.org, r.member)) out.push(place.at(V.member, 'MJ345', { member: r.member, org: r.org, year: refs.year }, { span: r.member.length }));
  return out;
}
