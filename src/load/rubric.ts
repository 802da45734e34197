import type { AssessableItem } from '../checks/assessments.js';
// Reading rubrics/YEAR.yaml: the schema, then the rules the schema cannot say (checks/rubric.ts).
// The scoring engine takes the result as is.

import { parseYaml, type RawValue, type YamlDoc } from '../source/yaml.js';
import type { RubricParts } from '../checks/rubric.js';
import { quickRubric } from '../schema/quick.js';
import { CHECKS } from '../checks/index.js';
import type { RawItem, RawRubric } from '../schema/structured.js';
import type { LoadContext } from './context.js';
import { readDataFile } from './files.js';
import { withoutControlChars } from './yaml-controls.js';
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
  const before = ctx.diagnostics.errorsIn(new Set([file]));
  reportYamlProblems(ctx, file, doc.problems);
  if (doc.value === undefined && doc.problems.length > 0) return undefined; // else only repeated keys: read on
  const value = withoutControlChars(ctx, file, doc, doc.value);
  const rubric = await readStructured(ctx, file, doc, value ?? {}, quickRubric, async () => (await import('../schema/structured.js')).RUBRIC_SCHEMA);
  const refs = { file, year, outcomes, locate: (path: readonly (string | number)[]) => doc.locate(path) };
  if (rubric === undefined) {
    // The schema's problems are reported; the rubric's own rules are still checked on the parts
    // that passed it, so one run shows both.
    const { parts, brokenItems, gradesIncomplete } = rubricParts(value, await import('../schema/structured.js'));
    for (const check of CHECKS.rubric) for (const d of check(parts, { ...refs, brokenItems, gradesIncomplete })) ctx.report(d);
    return undefined;
  }
  for (const check of CHECKS.rubric) for (const d of check(rubric, refs)) ctx.report(d);
  if (ctx.diagnostics.errorsIn(new Set([file])) > before) return undefined;
  return { year, file, rubric, doc };
}

/**
 * The parts of a rubric that pass the schema, each where it was: a left-out grade, section,
 * item or veto is a hole in its list (so every kept one keeps its index, and its place in the
 * file); a section that fails keeps the items of it that pass.
 */
function rubricParts(value: RawValue | undefined, s: typeof import('../schema/structured.js')): { parts: RubricParts; brokenItems: Set<string>; gradesIncomplete: boolean } {
  const shape = s.RUBRIC_SCHEMA.shape;
  const v = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const brokenItems = new Set<string>();
  const one = <T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false } }, x: unknown): T | undefined => {
    const r = schema.safeParse(x);
    return r.success ? r.data : undefined;
  };
  /** The entries of a list that pass, the others left as holes. */
  const kept = <T>(list: unknown, pass: (x: unknown) => T | undefined): { out: T[]; whole: boolean } => {
    const out: T[] = [];
    let whole = true;
    if (!Array.isArray(list)) return { out, whole: list === undefined };
    list.forEach((x, k) => {
      const y = pass(x);
      if (y === undefined) whole = false;
      else out[k] = y;
    });
    return { out, whole };
  };
  const items = (list: unknown): RawItem[] => kept(list, (x) => {
    const item = one(s.ITEM_SCHEMA, x);
    const id = x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>)['id'] : undefined;
    if (item === undefined && typeof id === 'string') brokenItems.add(id);
    return item;
  }).out;
  const section = shape.sections.element;
  const grades = kept(v['grades'], (x) => one(shape.grades.element, x));
  const parts: RubricParts = {
    title: one(shape.title, v['title']),
    total: one(shape.total, v['total']),
    grades: grades.out,
    sections: kept(v['sections'], (x) => {
      const whole = one(section, x);
      if (whole !== undefined) return whole;
      const m = x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
      return { name: '', max: one(section.shape.max, m['max']), items: items(m['items']) };
    }).out,
    member_items: items(v['member_items']),
    vetoes: kept(v['vetoes'], (x) => one(shape.vetoes.unwrap().element, x)).out,
    three_ones: one(shape.three_ones, v['three_ones']),
    subsidy: one(shape.subsidy, v['subsidy']),
  };
  return { parts, brokenItems, gradesIncomplete: !grades.whole || !Array.isArray(v['grades']) };
}

/** The items of a rubric an assessments row may name, by id: every item and requirement of every sheet, with its sheet. */
export type { AssessableItem };

export function assessableItems(rubric: RawRubric): Map<string, AssessableItem> {
  const out = new Map<string, AssessableItem>();
  const sheet = (raw: Pick<RawRubric, 'sections' | 'requirements'>, kind: AssessableItem['sheet'], types: readonly string[]): void => {
    for (const s of raw.sections) for (const it of s.items) if (!out.has(it.id)) out.set(it.id, { spec: it, sheet: kind, types });
    // A panel-judged requirement: the panel writes 0 up to its target (the target meets it).
    for (const r of raw.requirements ?? []) {
      if (out.has(r.id)) continue;
      out.set(r.id, { spec: r.measure === 'manual' ? { id: r.id, name: r.name, measure: 'manual', min: '0', max: r.target } : { id: r.id, name: r.name, measure: r.measure }, sheet: kind, types });
    }
  };
  sheet(rubric, 'branch', ['支部']);
  for (const u of rubric.units ?? []) sheet(u, 'unit', typeof u.types === 'string' ? [u.types] : u.types);
  if (rubric.members) sheet(rubric.members, 'member', ['支部']);
  return out;
}
