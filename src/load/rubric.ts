// Reading rubrics/YEAR.yaml: the schema, then the rules the schema cannot say (grades in order,
// quotas within 0–1, unique item ids, each item's form complete, vetoes naming real items,
// outcome phrases from the vocabulary). The scoring engine takes the result as is.

import { parseYaml, type YamlDoc } from '../source/yaml.js';
import { quickRubric } from '../schema/quick.js';
import type { RawItem, RawRubric, RawWhere } from '../schema/structured.js';
import { compareDecimal } from '../util/decimal-text.js';
import type { LoadContext } from './context.js';
import { readDataFile } from './files.js';
import { reportYamlProblems } from './yaml-problems.js';
import { readStructured } from './zod-problems.js';

export interface LoadedRubric {
  readonly year: number;
  readonly file: string;
  readonly rubric: RawRubric;
  readonly doc: YamlDoc;
}

export async function loadRubric(ctx: LoadContext, file: string, year: number, outcomes: ReadonlySet<string>): Promise<LoadedRubric | undefined> {
  const text = await readDataFile(ctx, file, '评分表');
  if (text === undefined) return undefined;
  const doc = await parseYaml(text);
  reportYamlProblems(ctx, file, doc.problems);
  if (doc.problems.length > 0) return undefined;
  const rubric = await readStructured(ctx, file, doc, doc.value ?? {}, quickRubric, async () => (await import('../schema/structured.js')).RUBRIC_SCHEMA);
  if (rubric === undefined) return undefined;
  const before = ctx.diagnostics.errorsIn(new Set([file]));
  checkRubric(ctx, file, year, doc, rubric, outcomes);
  if (ctx.diagnostics.errorsIn(new Set([file])) > before) return undefined;
  return { year, file, rubric, doc };
}

function checkRubric(ctx: LoadContext, file: string, year: number, doc: YamlDoc, rubric: RawRubric, outcomes: ReadonlySet<string>): void {
  const at = (...path: (string | number)[]) => ({ file, ...doc.locate(path) });

  const titleYear = /(\d{4})\s*年/.exec(rubric.title)?.[1];
  if (titleYear !== undefined && Number(titleYear) !== year) {
    ctx.report({ ...at('title'), code: 'MJ409', severity: 'warning', field: 'title', params: { found: titleYear, year } });
  }

  rubric.grades.forEach((g, i) => {
    const prev = rubric.grades[i - 1];
    if (prev !== undefined && compareDecimal(g.min, prev.min) >= 0) {
      ctx.report({ ...at('grades', i, 'min'), code: 'MJ404', field: 'grades.min', params: { name: g.name, min: g.min } });
    }
    if (g.quota !== undefined && (compareDecimal(g.quota, '0') < 0 || compareDecimal(g.quota, '1') > 0)) {
      ctx.report({ ...at('grades', i, 'quota'), code: 'MJ410', field: 'grades.quota', params: { value: g.quota } });
    }
  });

  const items = new Map<string, RawItem>();
  const firstLine = new Map<string, number>();
  const checkItems = (list: readonly RawItem[], path: (string | number)[], member: boolean): void => {
    list.forEach((item, k) => {
      const p = [...path, k];
      if (!member) {
        const first = firstLine.get(item.id);
        if (first !== undefined) {
          ctx.report({ ...at(...p, 'id'), code: 'MJ405', field: 'id', params: { id: item.id, first } });
        } else {
          firstLine.set(item.id, doc.locate([...p, 'id']).line);
          items.set(item.id, item);
        }
      }
      const problem = itemProblem(item, member);
      if (problem !== undefined) ctx.report({ ...at(...p), code: 'MJ406', field: 'measure', params: { id: item.id, problem } });
      if (item.where) checkWhere(item.where, [...p, 'where']);
    });
  };
  const checkWhere = (where: RawWhere, path: (string | number)[]): void => {
    const list = where.outcomes === undefined ? [] : Array.isArray(where.outcomes) ? where.outcomes : [where.outcomes];
    list.forEach((o, k) => {
      if (outcomes.has(o)) return;
      const p = Array.isArray(where.outcomes) ? [...path, 'outcomes', k] : [...path, 'outcomes'];
      ctx.report({
        ...at(...p), code: 'MJ203', field: 'outcomes', label: 'outcomes', params: { label: 'outcomes', value: o },
        suggest: { value: o, pool: 'values', candidates: [...outcomes] },
      });
    });
  };
  rubric.sections.forEach((s, i) => checkItems(s.items, ['sections', i, 'items'], false));
  if (rubric.member_items) checkItems(rubric.member_items, ['member_items'], true);
  if (rubric.three_ones) {
    for (const key of ['proposal', 'service', 'member_info'] as const) {
      const w = rubric.three_ones[key];
      if (w) checkWhere(w, ['three_ones', key]);
    }
  }

  const gradeNames = new Set(rubric.grades.map((g) => g.name));
  (rubric.vetoes ?? []).forEach((v, i) => {
    if (typeof v.when === 'object' && !items.has(v.when.item)) {
      ctx.report({
        ...at('vetoes', i, 'when', 'item'), code: 'MJ407', field: 'when.item', params: { item: v.when.item },
        suggest: { value: v.when.item, pool: 'items', candidates: [...items.keys()] },
      });
    }
    if (!gradeNames.has(v.max_grade)) {
      ctx.report({
        ...at('vetoes', i, 'max_grade'), code: 'MJ203', field: 'max_grade', label: 'max_grade',
        params: { label: 'max_grade', value: v.max_grade }, suggest: { value: v.max_grade, pool: 'values', candidates: [...gradeNames] },
      });
    }
  });
  if (rubric.subsidy) {
    for (const g of Object.keys(rubric.subsidy.grade_factor)) {
      if (gradeNames.has(g)) continue;
      ctx.report({
        ...at('subsidy', 'grade_factor', g), code: 'MJ203', field: 'grade_factor', label: 'grade_factor',
        params: { label: 'grade_factor', value: g }, suggest: { value: g, pool: 'values', candidates: [...gradeNames] },
      });
    }
  }
}

/** What an item's form lacks or has in excess, as a message term; undefined when complete. */
function itemProblem(item: RawItem, member: boolean): string | undefined {
  if (item.measure === 'manual') {
    if (member) return '@manual-member';
    if (item.max === undefined) return '@manual-needs-max';
    if (item.points !== undefined || item.tiers !== undefined || item.where !== undefined) return '@manual-no-points';
    return undefined;
  }
  if (member && item.measure !== 'count' && item.measure !== 'sum') return '@member-measure';
  if (item.points === undefined && item.tiers === undefined) return '@needs-points';
  if (item.points !== undefined && item.tiers !== undefined) return '@points-or-tiers';
  if (item.measure === 'sum' && item.field === undefined) return '@sum-needs-field';
  if (item.measure !== 'sum' && item.field !== undefined) return '@field-only-sum';
  if (item.lead !== undefined && !member) return '@lead-member-only';
  if (item.max !== undefined && item.min !== undefined && compareDecimal(item.min, item.max) > 0) return '@min-above-max';
  if (item.at_least !== undefined && compareDecimal(item.at_least, '0') <= 0) return '@at-least-positive';
  return undefined;
}

/** The manual items of a rubric, by id. */
export function manualItems(rubric: RawRubric): Map<string, RawItem> {
  const out = new Map<string, RawItem>();
  for (const s of rubric.sections) for (const it of s.items) if (it.measure === 'manual') out.set(it.id, it);
  return out;
}
