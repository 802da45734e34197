// The quick checks of mj.yaml, orgs.yaml entries and rubrics (schema/quick.ts) must accept only
// what the zod schemas accept, and give back the same data: zod stays the judge of anything
// unusual. Checked on the shipped files and on thousands of random damages to them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickConfig, quickOrg, quickRubric } from '../src/schema/quick.js';
import { CONFIG_SCHEMA, ORG_SCHEMA, RUBRIC_SCHEMA } from '../src/schema/structured.js';
import { parseYaml } from '../src/source/yaml.js';

const ROOT = join(import.meta.dirname, '..');
const doc = async (...path: string[]): Promise<unknown> => (await parseYaml(readFileSync(join(ROOT, ...path), 'utf8'))).value;

const RUBRICS = [['data-examples', 'tiny', 'rubrics', '2019.yaml'], ['data-examples', 'guizhou', 'rubrics', '2019.yaml']];
const CONFIGS = [['data-examples', 'tiny', 'mj.yaml'], ['data-examples', 'guizhou', 'mj.yaml']];
const ORGS = ['data-examples', 'tiny', 'orgs.yaml'];

const CONFIG = { name: '民进某省委', locale: 'en', files: { orgs: 'o.yaml', rubrics: 'r/{year}.yaml' }, outcomes: ['市长采用'], limits: { max_file_mb: '10', max_record_chars: '5000' } };
const ORG = { id: 'gy-edu1', name: '贵阳一中支部', type: '支部', parent: 'gy', established: '2001-01-01', committee: [{ member: 'GZ1', role: '主委' }], liaison: 'GZ2' };

/** A rubric using every key the schema knows, each form of each. */
const FULL_RUBRIC = {
  title: '全部键', total: '100',
  grades: [{ name: '优秀', min: '90', quota: '0.3' }, { name: '合格', min: '0' }],
  sections: [
    { name: '基本', max: '60', items: [
      { id: 'a', name: 'A', measure: 'count', where: { type: ['提案', '建议'], level: '省', outcomes: ['立案'], tags: '教育' }, points: '2', max: '10', min: '-5', note: '' },
      { id: 'b', name: 'B', measure: 'coverage', where: { type: '社情民意', level: ['国家', '省'], outcomes: '省委会采用', tags: ['教育', '医疗'] }, at_least: '2', tiers: [{ at_least: '0.5', points: '5' }] },
      { id: 'c', name: 'C', measure: 'sum', field: 'hours', where: { type: '培训' }, points: '0.5' },
      { id: 'd', name: 'D', measure: 'manual', max: '10' },
    ] },
    { name: '加分', bonus: true, items: [{ id: 'e', name: 'E', measure: 'attendance', where: { type: '组织生活' }, points: '10' }] },
  ],
  member_items: [{ id: 'm', name: 'M', measure: 'count', where: { type: '提案' }, lead: true, points: '1' }],
  vetoes: [{ when: 'three_ones_incomplete', max_grade: '合格' }, { when: { item: 'a', below: '4' }, max_grade: '合格' }],
  three_ones: { proposal: { type: ['提案'] }, service: { type: '社会服务' }, member_info: { type: '社情民意', tags: '教育' } },
  subsidy: { base: '2000', per_member: '100', grade_factor: { 优秀: '0.3', 合格: '0' }, cap: '8000', budget: '600000' },
};

/** Every node's path (indices into the keys or items at each level), the root included. */
function pathsOf(v: unknown, prefix: number[] = []): number[][] {
  const out = [prefix];
  if (v !== null && typeof v === 'object') (Array.isArray(v) ? v : Object.values(v)).forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  return out;
}

/** Random damage to a YAML value: a key dropped, renamed or added, a value replaced, a list emptied or doubled. */
const scalar = fc.oneof(
  fc.constantFrom('', 'x', '5', '-2.5', '1e3', 'hours', 'count', 'manual', '社情民意', '省', '支部', '主委', 'three_ones_incomplete', 'zh-CN', '007', '0.3'),
  fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}),
);
function damage(v: unknown, path: number[], replacement: unknown, op: number): unknown {
  if (path.length === 0 || v === null || typeof v !== 'object') {
    switch (op % 5) {
      case 0: return replacement;
      case 1: return Array.isArray(v) ? [] : v !== null && typeof v === 'object' ? { ...v, extra: replacement } : replacement;
      case 2: return Array.isArray(v) ? [...v, ...v] : [v];
      case 3: return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).slice(1)) : replacement;
      default: return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, x], i) => [i === 0 ? `${k}s` : k, x])) : replacement;
    }
  }
  const [head, ...rest] = path;
  if (Array.isArray(v)) {
    if (v.length === 0) return damage(v, [], replacement, op);
    const i = head! % v.length;
    return v.map((x, k) => (k === i ? damage(x, rest, replacement, op) : x));
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return damage(v, [], replacement, op);
  const key = keys[head! % keys.length]!;
  return { ...(v as Record<string, unknown>), [key]: damage((v as Record<string, unknown>)[key], rest, replacement, op) };
}
const damages = fc.array(fc.record({ path: fc.array(fc.nat(), { maxLength: 5 }), replacement: scalar, op: fc.nat() }), { minLength: 1, maxLength: 3 });

function agrees(quick: (v: unknown) => unknown, schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }, v: unknown): boolean {
  const q = quick(v);
  if (q === undefined) return false;
  const parsed = schema.safeParse(v);
  expect(parsed.success).toBe(true);
  expect(q).toEqual(parsed.data);
  return true;
}

describe('quick schema checks', () => {
  it('take the shipped files themselves, so zod is not loaded for them', async () => {
    for (const p of RUBRICS) expect(agrees(quickRubric, RUBRIC_SCHEMA, await doc(...p)), p.join('/')).toBe(true);
    for (const p of CONFIGS) expect(agrees(quickConfig, CONFIG_SCHEMA, await doc(...p)), p.join('/')).toBe(true);
    for (const o of (await doc(...ORGS)) as unknown[]) expect(agrees(quickOrg, ORG_SCHEMA, o)).toBe(true);
  });

  it('accept no singly damaged rubric, config or org that zod refuses: every node, every damage', async () => {
    const REPLACEMENTS = ['', 'x', '5', '-2.5', '1e3', 'hours', 'manual', '社情民意', '省', '支部', '主委', 'three_ones_incomplete', 'zh-CN', true, null, [], {}];
    let taken = 0, tried = 0;
    const cases = [[quickRubric, RUBRIC_SCHEMA, await doc(...RUBRICS[0]!)], [quickRubric, RUBRIC_SCHEMA, FULL_RUBRIC], [quickConfig, CONFIG_SCHEMA, CONFIG], [quickOrg, ORG_SCHEMA, ORG]] as const;
    expect(agrees(quickRubric, RUBRIC_SCHEMA, FULL_RUBRIC)).toBe(true);
    for (const [quick, schema, base] of cases) {
      for (const path of pathsOf(base)) {
        for (const r of REPLACEMENTS) {
          for (let op = 0; op < 5; op++) {
            tried++;
            if (agrees(quick, schema, damage(base, path, r, op))) taken++;
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(10_000);
    expect(taken).toBeGreaterThan(500);
  });

  it('accept no damaged rubric, config or org that zod refuses', async () => {
    const rubric = await doc(...RUBRICS[0]!);
    const config = CONFIG, org = ORG;
    let taken = 0;
    fc.assert(
      fc.property(damages, (ds) => {
        for (const [quick, schema, base] of [[quickRubric, RUBRIC_SCHEMA, rubric], [quickConfig, CONFIG_SCHEMA, config], [quickOrg, ORG_SCHEMA, org]] as const) {
          const v = ds.reduce((acc, d) => damage(acc, d.path, d.replacement, d.op), base as unknown);
          if (agrees(quick, schema, v)) taken++;
        }
      }),
      { numRuns: 3000, seed: 20191231 },
    );
    expect(taken).toBeGreaterThan(300); // many damages leave a valid file: the quick path is exercised
  });
});
