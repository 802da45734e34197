// Reading the practice files: liaisons.csv (领导和机关干部联系基层), inspections.csv and
// findings.csv (政治巡查, 问题和整改), leaders.csv (领导班子) and reviews/YEAR.csv (述职述评 and
// the other reviews). Fields are checked where they were written; only valid rows are kept.

import type { FieldPlacer } from '../checks/place.js';
import { CHECKS } from '../checks/index.js';
import type { FindingRefs, PracticeRefs, ReviewRefs } from '../checks/practices.js';
import { uniqueId } from '../checks/duplicates.js';
import {
  FINDING_CATEGORIES, LEADER_ROLES, LIAISON_ROLES, MEASURE_STATUSES, REVIEW_KINDS, REVIEW_RESULTS,
  type Inspection, type Leader, type Liaison, type Rectification, type Review,
} from '../model/practices.js';
import { NEVER } from '../model/types.js';
import { nextDay } from '../util/dates.js';
import { fieldIndex } from '../schema/fields.js';
import type { LoadContext } from './context.js';
import { FieldReader } from './read-fields.js';
import { readRecordFile } from './records.js';

const fields = <K extends string>(kind: Parameters<typeof fieldIndex>[0], keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, fieldIndex(kind, k)])) as Record<K, number>;

const L = fields('liaisons', ['org', 'member', 'role', 'from', 'until', 'note']);
const I = fields('inspections', ['id', 'target', 'start', 'end', 'team', 'talks', 'note']);
const F = fields('findings', ['inspection', 'finding', 'category', 'problem', 'measure', 'deadline', 'status', 'done', 'note']);
const S = fields('leaders', ['org', 'member', 'role', 'from', 'until', 'note']);
const V = fields('reviews', ['org', 'member', 'kind', 'result', 'note']);

const text = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(';') : '');

export async function loadLiaisons(ctx: LoadContext, file: string, refs: PracticeRefs): Promise<Liaison[] | undefined> {
  const out: { liaison: Liaison; place: FieldPlacer }[] = [];
  const ok = await readRecordFile(ctx, file, 'liaisons', '联系基层', (rec, rf) => {
    const r = new FieldReader(ctx, rf, rec);
    const org = r.orgId(L.org);
    const member = r.id(L.member);
    const role = r.oneOf(L.role, LIAISON_ROLES);
    const from = r.date(L.from);
    const until = r.date(L.until);
    r.text(L.note);
    for (const check of CHECKS.liaison) for (const d of check({ org, member, from, until, untilText: text(rec.values[L.until]) }, r, refs)) r.add(d);
    if (r.bad || org === undefined || member === undefined || role === undefined || from === undefined) return;
    // 结束日期 is the assignment's last day: the span ends the day after.
    out.push({ liaison: { org, member, role, from, until: until === undefined ? NEVER : nextDay(until), origin: { file: rf.file, line: rec.line, column: rec.cols[L.org] || 1 } }, place: r });
  });
  if (!ok) return undefined;
  for (const check of CHECKS.liaisons) for (const d of check(out)) ctx.report(d);
  return out.map((x) => x.liaison);
}

/** The inspections that passed their checks, and the ids of every row (one with an error too: findings may name it). */
export async function loadInspections(ctx: LoadContext, file: string, refs: PracticeRefs): Promise<{ readonly list: Inspection[]; readonly ids: ReadonlySet<string> } | undefined> {
  const out: Inspection[] = [];
  const seen = new Map<string, number>();
  const ok = await readRecordFile(ctx, file, 'inspections', '政治巡查', (rec, rf) => {
    const r = new FieldReader(ctx, rf, rec);
    const id = r.id(I.id);
    const target = r.orgId(I.target);
    const start = r.date(I.start);
    const end = r.date(I.end);
    const team = r.list(I.team);
    const talks = r.count(I.talks);
    const note = r.text(I.note);
    for (const check of CHECKS.inspection) for (const d of check({ target, team, start, end, endText: text(rec.values[I.end]) }, r, refs)) r.add(d);
    if (id !== undefined) for (const d of uniqueId(seen, id, rf.file, rec.line, (code, params) => r.at(I.id, code, params, { span: id.length }))) r.add(d);
    if (r.bad || id === undefined || target === undefined || start === undefined) return;
    out.push({ id, target, start, end, team, talks, note, origin: { file: rf.file, line: rec.line, column: rec.cols[I.id] || 1 } });
  });
  return ok ? { list: out, ids: new Set(seen.keys()) } : undefined;
}

export async function loadFindings(ctx: LoadContext, file: string, inspections: { readonly list: readonly Inspection[]; readonly ids: ReadonlySet<string> } | undefined): Promise<Rectification[] | undefined> {
  const out: Rectification[] = [];
  const refs: FindingRefs = {
    inspections: new Map((inspections?.list ?? []).map((i) => [i.id, i])), written: inspections?.ids ?? new Set(), inspectionsBroken: inspections === undefined, seen: new Map(),
  };
  const ok = await readRecordFile(ctx, file, 'findings', '巡查整改', (rec, rf) => {
    const r = new FieldReader(ctx, rf, rec);
    const inspection = r.id(F.inspection);
    const finding = r.id(F.finding);
    const category = r.oneOf(F.category, FINDING_CATEGORIES);
    const problem = r.text(F.problem);
    const measure = r.text(F.measure);
    const deadline = r.date(F.deadline);
    const status = r.oneOf(F.status, MEASURE_STATUSES) ?? (rec.values[F.status] === undefined ? '整改中' : undefined);
    const done = r.date(F.done);
    r.text(F.note);
    if (status === '已完成' && rec.values[F.done] === undefined) r.report(F.status, 'MJ231', {}, { span: status.length });
    if (status === '整改中' && done !== undefined) r.report(F.done, 'MJ232', { done: text(rec.values[F.done]) }, { span: text(rec.values[F.done]).length });
    for (const check of CHECKS.finding) for (const d of check({ inspection, finding, category, deadline, deadlineText: text(rec.values[F.deadline]) }, rec.line, r, refs)) r.add(d);
    if (r.bad || inspection === undefined || finding === undefined || category === undefined || deadline === undefined || status === undefined) return;
    out.push({ inspection, finding, category, problem, measure, deadline, done: status === '已完成' ? done : undefined, origin: { file: rf.file, line: rec.line, column: rec.cols[F.finding] || 1 } });
  });
  return ok ? out : undefined;
}

export async function loadLeaders(ctx: LoadContext, file: string, refs: PracticeRefs): Promise<Leader[] | undefined> {
  const out: Leader[] = [];
  const ok = await readRecordFile(ctx, file, 'leaders', '领导班子', (rec, rf) => {
    const r = new FieldReader(ctx, rf, rec);
    const org = r.orgId(S.org);
    const member = r.id(S.member);
    const role = r.oneOf(S.role, LEADER_ROLES);
    const from = r.date(S.from);
    const until = r.date(S.until);
    r.text(S.note);
    for (const check of CHECKS.leader) for (const d of check({ org, member, from, until, untilText: text(rec.values[S.until]) }, r, refs)) r.add(d);
    if (r.bad || org === undefined || member === undefined || role === undefined || from === undefined) return;
    out.push({ org, member, role, from, until: until ?? NEVER, origin: { file: rf.file, line: rec.line, column: rec.cols[S.org] || 1 } });
  });
  return ok ? out : undefined;
}

export async function loadReviews(
  ctx: LoadContext, file: string, refs: PracticeRefs, year: number, seated: ReviewRefs['seated'],
): Promise<Review[] | undefined> {
  const out: Review[] = [];
  const all: ReviewRefs = { ...refs, year, seated, seen: new Map() };
  const ok = await readRecordFile(ctx, file, 'reviews', '领导班子考评', (rec, rf) => {
    const r = new FieldReader(ctx, rf, rec);
    const org = r.orgId(V.org);
    const member = r.id(V.member);
    const kind = r.oneOf(V.kind, REVIEW_KINDS) ?? (rec.values[V.kind] === undefined ? '述职述评' : undefined);
    const result = r.oneOf(V.result, REVIEW_RESULTS);
    const note = r.text(V.note);
    if (kind !== undefined) for (const check of CHECKS.review) for (const d of check({ org, member, kind, line: rec.line }, r, all)) r.add(d);
    if (r.bad || org === undefined || member === undefined || kind === undefined || result === undefined) return;
    out.push({ org, member, kind, result, note, origin: { file: rf.file, line: rec.line, column: rec.cols[V.org] || 1 } });
  });
  return ok ? out : undefined;
}
