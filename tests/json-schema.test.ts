// The JSON Schemas `mj schema` writes for editors are as strict as `mj validate` where a schema
// can say it: every one compiles under Ajv's strict mode, the example datasets pass them (their
// YAML as mj's reader gives it, numbers as their text; their CSV records as YAML records would
// hold them; the practice files and the published schemes' datasets too), and values validate refuses — date forms, ids with spaces, quotas outside 0–1, a
// negative total — are refused.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { headerLookup, RECORD_FIELDS, type RecordKind } from '../src/schema/fields.js';
import { jsonSchemas } from '../src/schema/json-schema.js';
import { parseCsvText } from '../src/source/csv.js';
import { parseYaml } from '../src/source/yaml.js';

const ROOT = join(import.meta.dirname, '..');
const SCHEMES = readdirSync(join(ROOT, 'data-examples', 'schemes')).filter((n) => !n.includes('.')).map((n) => join('schemes', n));
const EXAMPLES = ['guizhou', 'tiny', ...SCHEMES].map((n) => join(ROOT, 'data-examples', n));
const PRACTICE_FILES = ['transfers', 'reserve', 'liaisons', 'inspections', 'findings', 'leaders'] as const;

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validators = new Map<string, ValidateFunction>(jsonSchemas().map(([name, schema]) => [name, ajv.compile(schema as object)]));
const check = (name: string, value: unknown): boolean => validators.get(name)!(value);

async function yaml(path: string): Promise<unknown> {
  const doc = await parseYaml(readFileSync(path, 'utf8'));
  expect(doc.problems).toEqual([]);
  return doc.value;
}

/** A CSV record file as the YAML records of its kind would hold it: canonical keys, no empty cells. */
function csvAsYaml(path: string, kind: RecordKind): Record<string, string>[] {
  const { records } = parseCsvText(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  const find = headerLookup(kind);
  const keys = records[0]!.fields.map((h) => RECORD_FIELDS[kind][find(h)]?.key);
  return records.slice(1).map((r) => {
    const out: Record<string, string> = {};
    r.fields.forEach((v, c) => {
      const key = keys[c];
      if (key !== undefined && v.trim() !== '') out[key] = v.trim();
    });
    return out;
  });
}

function errorsOf(name: string, value: unknown): string {
  check(name, value);
  return ajv.errorsText(validators.get(name)!.errors);
}

describe('the JSON Schemas', () => {
  it('compile under Ajv strict mode, every one', () => {
    expect([...validators.keys()]).toEqual([
      'mj.schema.json', 'orgs.schema.json', 'members.schema.json', 'activities.schema.json', 'assessments.schema.json', 'rubric.schema.json',
      'transfers.schema.json', 'reserve.schema.json', 'liaisons.schema.json', 'inspections.schema.json', 'findings.schema.json', 'leaders.schema.json', 'reviews.schema.json',
    ]);
  });

  it.each(EXAMPLES)('accept the example dataset %s', async (dir) => {
    expect(errorsOf('mj.schema.json', await yaml(join(dir, 'mj.yaml')))).toBe('No errors');
    expect(errorsOf('orgs.schema.json', await yaml(join(dir, 'orgs.yaml')))).toBe('No errors');
    for (const f of readdirSync(join(dir, 'rubrics'))) expect(errorsOf('rubric.schema.json', await yaml(join(dir, 'rubrics', f)))).toBe('No errors');
    expect(errorsOf('members.schema.json', csvAsYaml(join(dir, 'members.csv'), 'members'))).toBe('No errors');
    for (const f of readdirSync(join(dir, 'activities'))) expect(errorsOf('activities.schema.json', csvAsYaml(join(dir, 'activities', f), 'activities'))).toBe('No errors');
    const each = (sub: string): string[] => (existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)) : []);
    for (const f of each('assessments')) expect(errorsOf('assessments.schema.json', csvAsYaml(join(dir, 'assessments', f), 'assessments'))).toBe('No errors');
    for (const kind of PRACTICE_FILES) {
      if (existsSync(join(dir, `${kind}.csv`))) expect(errorsOf(`${kind}.schema.json`, csvAsYaml(join(dir, `${kind}.csv`), kind)), kind).toBe('No errors');
    }
    for (const f of each('reviews')) expect(errorsOf('reviews.schema.json', csvAsYaml(join(dir, 'reviews', f), 'reviews'))).toBe('No errors');
  });

  it('accept numbers and ids as an editor reads them (YAML numbers) and as mj does (their text)', () => {
    const org = { id: 'gy-edu1', name: '贵阳一中支部', type: '支部', parent: 'gy', established: '2001-06-01', committee: [{ member: '0001', role: '主委' }], liaison: 20 };
    expect(check('orgs.schema.json', [org, { ...org, id: 2019 }])).toBe(true);
    const rubric = { title: 't', total: 100, grades: [{ name: '优秀', min: 90, quota: 0.33 }, { name: '合格', min: '0', quota: '1' }], sections: [{ name: 's', max: '40', items: [{ id: 'a', name: 'a', measure: 'count', points: '-5', tiers: [{ at_least: 0, points: 1 }] }] }] };
    expect(errorsOf('rubric.schema.json', rubric)).toBe('No errors');
    expect(check('members.schema.json', [{ id: 12, name: '王明华', gender: '男', birth: '1968-04', joined: '2001/6/1 0:00', org: 'gy-edu1' }])).toBe(true);
    expect(check('activities.schema.json', [{ id: 'A1', date: '2019年3月5日', type: '学习', org: 'gy-edu1', title: 't', hours: 2.5 }])).toBe(true);
    // A manual item's value as its word (档次), beside points as a number and as text.
    expect(check('assessments.schema.json', [{ org: 'gy', item: 'panel', points: '较好', self: '好' }, { org: 'gy', item: 'p2', points: 8.5 }, { org: 'gy', item: 'p3', points: '-2' }])).toBe(true);
  });

  const ORG = { id: 'gy-edu1', name: '贵阳一中支部', type: '支部', parent: 'gy' };
  const RUBRIC = { title: 't', total: '100', grades: [{ name: '优秀', min: '90' }], sections: [{ name: 's', items: [{ id: 'a', name: 'a', measure: 'count', points: '1' }] }] };
  const MEMBER = { id: '0001', name: '王明华', gender: '男', joined: '2001-06-01', org: 'gy-edu1' };

  it.each([
    ['orgs.schema.json', 'a date in words', [{ ...ORG, established: '去年' }]],
    ['orgs.schema.json', 'a date with a time of day', [{ ...ORG, dissolved: '2019-03-05 9:30' }]],
    ['orgs.schema.json', 'an org id with a space', [{ ...ORG, id: '某某 大学' }]],
    ['orgs.schema.json', 'a parent id with a space', [{ ...ORG, parent: 'gy edu' }]],
    ['orgs.schema.json', 'a negative number for an id', [{ ...ORG, id: -3 }]],
    ['members.schema.json', 'a date joined in words', [{ ...MEMBER, joined: '去年' }]],
    ['members.schema.json', 'a damaged birth month (1985.1)', [{ ...MEMBER, birth: '1985.1' }]],
    ['members.schema.json', 'a member id in scientific notation', [{ ...MEMBER, id: '1.23E+17' }]],
    ['members.schema.json', 'an org id with a space', [{ ...MEMBER, org: '某某 大学' }]],
    ['activities.schema.json', 'negative hours', [{ id: 'A1', date: '2019-03-05', type: '学习', org: 'gy', title: 't', hours: '-2' }]],
    ['assessments.schema.json', 'points that are neither a number nor a word (a list)', [{ org: 'gy', item: 'panel', points: ['90'] }]],
    ['rubric.schema.json', 'a quota of 30 (a number)', { ...RUBRIC, grades: [{ name: '优秀', min: '90', quota: 30 }] }],
    ['rubric.schema.json', 'a quota of 30 (its text)', { ...RUBRIC, grades: [{ name: '优秀', min: '90', quota: '30' }] }],
    ['rubric.schema.json', 'a negative total (a number)', { ...RUBRIC, total: -100 }],
    ['rubric.schema.json', 'a negative total (its text)', { ...RUBRIC, total: '-100' }],
    ['rubric.schema.json', 'a total of 0', { ...RUBRIC, total: '0' }],
    ['rubric.schema.json', 'a negative budget', { ...RUBRIC, subsidy: { base: '2000', per_member: '100', grade_factor: {}, budget: '-1' } }],
    ['rubric.schema.json', 'a negative item max', { ...RUBRIC, sections: [{ name: 's', items: [{ id: 'a', name: 'a', measure: 'count', points: '1', max: '-9' }] }] }],
    ['rubric.schema.json', 'a negative tier', { ...RUBRIC, sections: [{ name: 's', items: [{ id: 'a', name: 'a', measure: 'count', tiers: [{ at_least: '-1', points: '1' }] }] }] }],
    ['rubric.schema.json', 'a number that is no number', { ...RUBRIC, total: '一百' }],
  ])('refuse, in %s, %s', (name, _what, value) => {
    expect(check(name, value)).toBe(false);
  });
});
