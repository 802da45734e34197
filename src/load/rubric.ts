// Reading rubrics/YEAR.yaml: the schema, then the rules the schema cannot say (checks/rubric.ts).
// The scoring engine takes the result as is.

import { parseYaml, type YamlDoc } from '../source/yaml.js';
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
  reportYamlProblems(ctx, file, doc.problems);
  if (doc.problems.length > 0) return undefined;
  const value = withoutControlChars(ctx, file, doc, doc.value);
  const rubric = await readStructured(ctx, file, doc, value ?? {}, quickRubric, async () => (await import('../schema/structured.js')).RUBRIC_SCHEMA);
  if (rubric === undefined) return undefined;
  const before = ctx.diagnostics.errorsIn(new Set([file]));
  const refs = { file, year, outcomes, locate: (path: readonly (string | number)[]) => doc.locate(path) };
  for (const check of CHECKS.rubric) for (const d of check(rubric, refs)) ctx.report(d);
  if (ctx.diagnostics.errorsIn(new Set([file])) > before) return undefined;
  return { year, file, rubric, doc };
}

/** The manual items of a rubric, by id. */
export function manualItems(rubric: RawRubric): Map<string, RawItem> {
  const out = new Map<string, RawItem>();
  for (const s of rubric.sections) for (const it of s.items) if (it.measure === 'manual') out.set(it.id, it);
  return out;
}
