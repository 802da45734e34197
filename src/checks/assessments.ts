// Checks of the panel's assessments against the org tree and the year's rubric: each row names
// a 支部 (MJ302, MJ312) and a manual item of the rubric (MJ401) with points inside its bounds
// (MJ402); a year with assessments has a rubric (MJ403); one row per branch and item (MJ311);
// every manual item has rows (MJ408, a warning).

import type { DiagnosticInput } from '../diagnostics/diagnostic.js';
import type { Assessment, IdFilter, Org } from '../model/types.js';
import { fieldIndex } from '../schema/fields.js';
import type { RawItem, RawRubric } from '../schema/structured.js';
import { compareDecimal } from '../util/decimal-text.js';
import { NONE, type FieldPlacer } from './place.js';

const F = {
  org: fieldIndex('assessments', 'org'), item: fieldIndex('assessments', 'item'), points: fieldIndex('assessments', 'points'), self: fieldIndex('assessments', 'self'),
};

export interface AssessmentRefs {
  readonly year: number;
  readonly orgs: ReadonlyMap<string, Org>;
  readonly brokenOrgs: IdFilter;
  /** The year's manual items, or undefined when the year has no (valid) rubric. */
  readonly manual: ReadonlyMap<string, RawItem> | undefined;
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
}

export type AssessmentCheck = (a: AssessmentSubject, place: FieldPlacer, refs: AssessmentRefs) => readonly DiagnosticInput[];

/** The row names a branch. */
export const assessedOrg: AssessmentCheck = (a, place, refs) => {
  if (a.org === undefined) return NONE;
  const id = a.org;
  const org = refs.orgs.get(id);
  if (org === undefined) return refs.brokenOrgs.has(id) ? NONE : [place.at(F.org, 'MJ302', { value: id }, { span: id.length, suggest: { value: id, pool: 'branches' } })];
  if (org.type !== '支部') return [place.at(F.org, 'MJ312', { value: id, type: org.type }, { span: id.length })];
  return NONE;
};

/** The row names a manual item of the year's rubric, with points within the item's min and max. */
export const assessedItem: AssessmentCheck = (a, place, refs) => {
  if (a.item === undefined || refs.rubricMissing || refs.manual === undefined) return NONE;
  const spec = refs.manual.get(a.item);
  if (spec === undefined) {
    return [place.at(F.item, 'MJ401', { item: a.item, year: refs.year }, { span: a.item.length, suggest: { value: a.item, pool: 'values', candidates: [...refs.manual.keys()] } })];
  }
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
    const min = spec.min ?? '0';
    const max = spec.max ?? '0';
    if (compareDecimal(value, max) > 0 || compareDecimal(value, min) < 0) out.push(place.at(field, 'MJ402', { points: value, min, max }, { span: value.length }));
  };
  judge(F.points, a.points);
  // 支部自评 is held to the same bounds as the panel's points.
  if (a.self !== undefined && a.self !== '') judge(F.self, a.self);
  return out.length === 0 ? NONE : out;
};

/** One row per branch and item. */
export const assessedOnce: AssessmentCheck = (a, place, refs) => {
  if (a.org === undefined || a.item === undefined) return NONE;
  const key = `${a.org}\u0000${a.item}`;
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
