// Checks of the panel's assessments against the org tree, the roster and the year's rubric: each
// row names an org of the item's sheet (a 支部; a unit of a unit sheet's types: MJ302, MJ312), and
// for a member sheet's item a member of that branch (MJ303, MJ417); an item of the rubric (MJ401)
// whose panel points only a manual item takes (MJ416, MJ201), inside its bounds or values (MJ402,
// MJ413), the 自评 likewise; a year with assessments has a rubric (MJ403); one row per subject and
// item (MJ311); every manual item has rows (MJ408, a warning).

import type { DiagnosticInput } from '../diagnostics/diagnostic.js';
import type { Assessment, IdFilter, Member, Org } from '../model/types.js';
import { fieldIndex } from '../schema/fields.js';
import type { RawItem, RawRubric } from '../schema/structured.js';
import { compareDecimal } from '../util/decimal-text.js';
import { NONE, type FieldPlacer } from './place.js';

const F = {
  org: fieldIndex('assessments', 'org'), item: fieldIndex('assessments', 'item'), points: fieldIndex('assessments', 'points'), self: fieldIndex('assessments', 'self'),
  member: fieldIndex('assessments', 'member'),
};

/** An item an assessments row may name: its rule (bounds, values, measure) and its sheet. */
export interface AssessableItem {
  readonly spec: Pick<RawItem, 'id' | 'name' | 'measure'> & Partial<Pick<RawItem, 'min' | 'max' | 'values'>>;
  readonly sheet: 'branch' | 'unit' | 'member';
  /** The org types its subjects are (支部 for the branch and member sheets). */
  readonly types: readonly string[];
}

export interface AssessmentRefs {
  readonly year: number;
  readonly orgs: ReadonlyMap<string, Org>;
  readonly brokenOrgs: IdFilter;
  /** The year's items, or undefined when the year has no (valid) rubric. */
  readonly items: ReadonlyMap<string, AssessableItem> | undefined;
  /** The roster's members by id (for a member sheet's rows). */
  readonly members: ReadonlyMap<string, Pick<Member, 'id' | 'org'>>;
  /** The year has no rubric file at all. */
  readonly rubricMissing: boolean;
  /** First line of each org + item seen so far in the file. */
  readonly seen: Map<string, number>;
}

/** An assessment row as decoded: the fields that passed their own checks. */
export interface AssessmentSubject {
  readonly line: number;
  readonly org: string | undefined;
  readonly item: string | undefined;
  readonly points: string | undefined;
  /** 支部自评得分, as written. */
  readonly self?: string | undefined;
  /** 会员编号, for a member sheet's item. */
  readonly member?: string | undefined;
}

export type AssessmentCheck = (a: AssessmentSubject, place: FieldPlacer, refs: AssessmentRefs) => readonly DiagnosticInput[];

/** The row names an org of its item's sheet (a branch, or a unit of the sheet's types), and a member of it for a member sheet's item. */
export const assessedOrg: AssessmentCheck = (a, place, refs) => {
  if (a.org === undefined) return NONE;
  const id = a.org;
  const org = refs.orgs.get(id);
  if (org === undefined) return refs.brokenOrgs.has(id) ? NONE : [place.at(F.org, 'MJ302', { value: id }, { span: id.length, suggest: { value: id, pool: 'branches' } })];
  const item = a.item === undefined ? undefined : refs.items?.get(a.item);
  const types = item?.types ?? ['支部'];
  if (!types.includes(org.type)) return [place.at(F.org, 'MJ312', { value: id, type: org.type, types: types.join('、') }, { span: id.length })];
  if (item?.sheet === 'member') {
    if (a.member === undefined) return [place.at(F.member, 'MJ201', { label: '会员编号' })];
    const m = refs.members.get(a.member);
    if (m === undefined) return [place.at(F.member, 'MJ303', { value: a.member }, { span: a.member.length, suggest: { value: a.member, pool: 'members' } })];
    if (m.org !== id) return [place.at(F.member, 'MJ417', { member: a.member, org: id, actual: m.org }, { span: a.member.length })];
  } else if (a.member !== undefined && item !== undefined) {
    return [place.at(F.member, 'MJ416', { item: item.spec.id, why: '@not-member-item' }, { span: a.member.length })];
  }
  return NONE;
};

/** The row names an item of the year's rubric; panel points only for a manual item, within its bounds or values; 自评 likewise. */
export const assessedItem: AssessmentCheck = (a, place, refs) => {
  if (a.item === undefined || refs.rubricMissing || refs.items === undefined) return NONE;
  const found = refs.items.get(a.item);
  if (found === undefined) {
    return [place.at(F.item, 'MJ401', { item: a.item, year: refs.year }, { span: a.item.length, suggest: { value: a.item, pool: 'values', candidates: [...refs.items.keys()] } })];
  }
  const spec = found.spec;
  const manual = spec.measure === 'manual';
  if (!manual && a.points !== undefined) return [place.at(F.points, 'MJ416', { item: spec.id, why: '@computed-item' }, { span: a.points.length })];
  if (manual && a.points === undefined) return [place.at(F.points, 'MJ201', { label: '考评组审核得分' })];
  const out: DiagnosticInput[] = [];
  const judge = (field: number, value: string | undefined): void => {
    if (value === undefined) return;
    const values = spec.values;
    if (values !== undefined) {
      // 档次 or words: only the values the rubric lists.
      const allowed = Array.isArray(values) ? values : Object.keys(values);
      const ok = Array.isArray(values) ? values.some((v) => compareDecimal(v, value) === 0) : Object.hasOwn(values, value);
      if (!ok) out.push(place.at(field, 'MJ413', { value, item: spec.id, allowed: allowed.join(' / ') }, { span: value.length }));
      return;
    }
    // A computed item's 自评 is held to its bounds where it has them.
    if (!manual && spec.max === undefined && spec.min === undefined) return;
    const min = spec.min ?? (manual ? '0' : undefined);
    const max = spec.max;
    if ((max !== undefined && compareDecimal(value, max) > 0) || (min !== undefined && compareDecimal(value, min) < 0)) {
      out.push(place.at(field, 'MJ402', { points: value, min: min ?? '-∞', max: max ?? '∞' }, { span: value.length }));
    }
  };
  judge(F.points, a.points);
  // 支部自评 is held to the same bounds as the panel's points.
  if (a.self !== undefined && a.self !== '') judge(F.self, a.self);
  return out.length === 0 ? NONE : out;
};

/** One row per branch and item. */
export const assessedOnce: AssessmentCheck = (a, place, refs) => {
  if (a.org === undefined || a.item === undefined) return NONE;
  const key = `${a.member ?? a.org}\u0000${a.item}`;
  const first = refs.seen.get(key);
  if (first === undefined) {
    refs.seen.set(key, a.line);
    return NONE;
  }
  return [place.at(F.item, 'MJ311', { org: a.org, item: a.item, first })];
};

/** Assessments in a year without a rubric: once, at the first row (MJ403). */
export function assessmentsWithoutRubric(file: string, firstRow: number | undefined, year: number): readonly DiagnosticInput[] {
  return firstRow === undefined ? NONE : [{ code: 'MJ403', file, line: firstRow, column: 1, params: { year } }];
}

/** Manual items no branch was assessed on (MJ408, a warning: they score 0). */
export function unassessedItems(
  rubric: RawRubric, rows: readonly Assessment[], year: number, file: string, locate: (path: readonly (string | number)[]) => { line: number; column: number },
): DiagnosticInput[] {
  const out: DiagnosticInput[] = [];
  const assessed = new Set(rows.map((a) => a.item));
  rubric.sections.forEach((s, i) => s.items.forEach((it, k) => {
    if (it.measure !== 'manual' || assessed.has(it.id)) return;
    out.push({ code: 'MJ408', file, ...locate(['sections', i, 'items', k, 'id']), field: 'id', params: { item: it.id, year } });
  }));
  return out;
}
