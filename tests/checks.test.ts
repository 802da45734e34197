// The cross-record checks on their own: the organisation tree (MJ302, MJ303, MJ305–MJ307) with
// exact positions and parameters, and the duplicate-id index used on millions of records.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZeroDamage } from '../src/checks/members.js';
import { orgPeople, orgTree } from '../src/checks/org-tree.js';
import { rubricRules } from '../src/checks/rubric.js';
import { RUBRIC_SCHEMA } from '../src/schema/structured.js';
import { parseYaml } from '../src/source/yaml.js';
import { IdIndex } from '../src/scan/id-index.js';
import { LoadContext } from '../src/load/context.js';
import { loadOrgs } from '../src/load/orgs.js';
import type { Member } from '../src/model/types.js';
import { member } from './helpers/builders.js';
import { scratchDirs } from './helpers/fixtures.js';

const scratch = scratchDirs();

interface Found {
  code: string;
  line: number;
  column: number;
  field: string | undefined;
  params: Record<string, unknown>;
  span: number | undefined;
  label?: string;
  suggest?: unknown;
}

async function tree(yaml: string, roster: readonly string[] = [], broken: readonly string[] = [], zeros = false): Promise<Found[]> {
  const dir = scratch();
  writeFileSync(join(dir, 'orgs.yaml'), yaml);
  const ctx = new LoadContext(dir);
  const loaded = await loadOrgs(ctx, 'orgs.yaml');
  expect(ctx.diagnostics.list).toEqual([]);
  for (const d of orgTree(loaded!)) ctx.report(d);
  const members = new Map<string, Member>(roster.map((id) => [id, member(id, 'b1')]));
  for (const d of orgPeople(loaded!, members, new Set(broken), zeros ? new ZeroDamage([...members.values()]) : undefined)) ctx.report(d);
  return ctx.diagnostics.list.map((d) => ({
    code: d.code, line: d.line, column: d.column, field: d.field, params: { ...d.params }, span: d.span,
    ...(d.label !== undefined ? { label: d.label } : {}), ...(d.suggest !== undefined ? { suggest: d.suggest } : {}),
  }));
}

const ROOT = '- id: root\n  name: 省委\n  type: 省委会\n';

describe('organisation tree checks', () => {
  it('accepts a sound tree', async () => {
    expect(await tree(`${ROOT}- id: c1\n  name: 市委\n  type: 市委会\n  parent: root\n- id: b1\n  name: 支部\n  type: 支部\n  parent: c1\n`)).toEqual([]);
  });

  it('MJ302: a parent that is not in the file, at the parent value', async () => {
    const found = await tree(`${ROOT}- id: b1\n  name: 支部\n  type: 支部\n  parent: rot\n`);
    expect(found).toEqual([{ code: 'MJ302', line: 7, column: 11, field: 'parent', label: 'parent', params: { label: 'parent', value: 'rot' }, span: 3, suggest: { value: 'rot', pool: 'orgs' } }]);
  });

  it('MJ302 is not repeated for a parent that was itself written with errors', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'orgs.yaml'), `${ROOT}- id: b1\n  name: 支部\n  type: 支部\n  parent: gone\n`);
    const ctx = new LoadContext(dir);
    const loaded = await loadOrgs(ctx, 'orgs.yaml');
    for (const d of orgTree({ ...loaded!, broken: new Set(['gone']) })) ctx.report(d);
    expect(ctx.diagnostics.list).toEqual([]);
  });

  it('MJ307: a parent that is a 支部', async () => {
    const found = await tree(`${ROOT}- id: b1\n  name: 支部一\n  type: 支部\n  parent: root\n- id: b2\n  name: 支部二\n  type: 支部\n  parent: b1\n`);
    expect(found).toEqual([{ code: 'MJ307', line: 11, column: 11, field: 'parent', label: 'parent', params: { parent: 'b1' }, span: undefined }]);
  });

  it('MJ306: two roots, reported at the second one with both named', async () => {
    const found = await tree(`${ROOT}- id: root2\n  name: 另一个省委\n  type: 省委会\n`);
    expect(found).toEqual([{ code: 'MJ306', line: 4, column: 7, field: undefined, params: { count: 2, ids: 'root、root2' }, span: 5 }]);
  });

  it('MJ306: no root at all (every org has a parent), at the top of the file', async () => {
    const found = await tree('- id: a\n  name: 甲\n  type: 市委会\n  parent: b\n- id: b\n  name: 乙\n  type: 市委会\n  parent: a\n');
    expect(found.filter((f) => f.code === 'MJ306')).toEqual([{ code: 'MJ306', line: 1, column: 1, field: undefined, params: { count: 0, ids: '—' }, span: undefined }]);
  });

  it('an empty file has no root problem of its own', async () => {
    expect(await tree('[]\n')).toEqual([]);
  });

  it('MJ305: a cycle is reported once, from its first org in file order, however it is entered', async () => {
    // d hangs from the cycle; the cycle is listed c, a, b in the file but entered from d.
    const yaml =
      `${ROOT}- id: d\n  name: 丁\n  type: 支部\n  parent: a\n- id: c\n  name: 丙\n  type: 总支\n  parent: b\n` +
      '- id: a\n  name: 甲\n  type: 市委会\n  parent: c\n- id: b\n  name: 乙\n  type: 市委会\n  parent: a\n';
    const cycles = (await tree(yaml)).filter((f) => f.code === 'MJ305');
    expect(cycles).toEqual([{ code: 'MJ305', line: 11, column: 11, field: 'parent', label: 'parent', params: { cycle: 'c → b → a → c' }, span: undefined }]);
  });

  it('MJ305: an org that is its own parent', async () => {
    const found = (await tree(`${ROOT}- id: x\n  name: 自己\n  type: 总支\n  parent: x\n`)).filter((f) => f.code === 'MJ305');
    expect(found).toEqual([{ code: 'MJ305', line: 7, column: 11, field: 'parent', label: 'parent', params: { cycle: 'x → x' }, span: undefined }]);
  });

  it('two separate cycles are two reports', async () => {
    const yaml = `${ROOT}- id: a\n  name: 甲\n  type: 总支\n  parent: b\n- id: b\n  name: 乙\n  type: 总支\n  parent: a\n- id: c\n  name: 丙\n  type: 总支\n  parent: c\n`;
    expect((await tree(yaml)).filter((f) => f.code === 'MJ305').map((f) => f.params['cycle'])).toEqual(['a → b → a', 'c → c']);
  });

  it('MJ303: committee members and liaisons must be on the roster (unless their row was broken)', async () => {
    const yaml =
      `${ROOT}- id: b1\n  name: 支部\n  type: 支部\n  parent: root\n  liaison: "0099"\n  committee:\n` +
      '    - { member: "0001", role: 主委 }\n    - { member: "0042", role: 委员 }\n    - { member: "0077", role: 委员 }\n';
    const found = await tree(yaml, ['0001'], ['0077']);
    expect(found).toEqual([
      { code: 'MJ303', line: 11, column: 17, field: 'committee.member', label: 'member', params: { value: '0042' }, span: 4, suggest: { value: '0042', pool: 'members' } },
      { code: 'MJ303', line: 8, column: 12, field: 'liaison', label: 'liaison', params: { value: '0099' }, span: 4, suggest: { value: '0099', pool: 'members' } },
    ]);
    expect(await tree(yaml, ['0001', '0042', '0099'], ['0077'])).toEqual([]);
    expect((await tree(yaml, ['0001', '0042'], ['0099', '0077'])).length).toBe(0);
  });

  it('MJ313 instead: a committee member or liaison whose roster id lost its zeros in Excel, named once, at the roster, with the first reference', async () => {
    const yaml = (liaison: string, member: string) => `${ROOT}- id: b1\n  name: 支部\n  type: 支部\n  parent: root\n  liaison: "${liaison}"\n  committee:\n    - { member: "${member}", role: 主委 }\n`;
    const at = (found: Found[]) => found.map((f) => [f.code, f.params['ref'], f.params['where']]);
    expect(at(await tree(yaml('0099', '0042'), ['42', '99'], [], true))).toEqual([['MJ313', '0042', 'orgs.yaml:10']]);
    expect(at(await tree(yaml('0099', '42'), ['42', '99'], [], true))).toEqual([['MJ313', '0099', 'orgs.yaml:8']]);
    expect(at(await tree(yaml('0099', '42'), ['42', '99'], [], false))).toEqual([['MJ303', undefined, undefined]]);
  });
});

describe('duplicate-id index', () => {
  const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');

  it('a repeat is a candidate naming the id, both lines and the column', () => {
    const ix = new IdIndex();
    expect(ix.add(bytes('A-1'), 0, 3, 2, 1)).toBe(false);
    expect(ix.add(bytes('A-2'), 0, 3, 3, 1)).toBe(false);
    expect(ix.add(bytes('xA-1y'), 1, 4, 9, 5)).toBe(true);
    expect(ix.candidates).toEqual([{ id: 'A-1', line: 9, column: 5, firstLine: 2 }]);
  });

  it('reads only the bytes of the id, not its neighbours', () => {
    const ix = new IdIndex();
    expect(ix.add(bytes('ab,c'), 0, 2, 1, 1)).toBe(false);
    expect(ix.add(bytes('ab,d'), 0, 2, 2, 1)).toBe(true);
    expect(ix.add(bytes('abc'), 0, 3, 3, 1)).toBe(false);
    expect(ix.add(bytes('ab'), 0, 1, 4, 1)).toBe(false);
  });

  it('keeps every id and its first line while growing far past its first size', () => {
    const ix = new IdIndex(10);
    const n = 50_000;
    for (let i = 0; i < n; i++) ix.addString(`M${i}`, i + 2, 1);
    expect(ix.candidates).toEqual([]);
    for (let i = 0; i < n; i += 997) ix.addString(`M${i}`, n + 10 + i, 3);
    expect(ix.candidates.length).toBe(Math.ceil(n / 997));
    for (const c of ix.candidates) expect(c.firstLine).toBe(Number(c.id.slice(1)) + 2);
    expect(ix.candidates.every((c) => c.column === 3 && c.line === n + 10 + Number(c.id.slice(1)))).toBe(true);
  });

  it('merges another index: its repeats become candidates with shifted lines', () => {
    const first = new IdIndex();
    for (let i = 0; i < 3000; i++) first.addString(`R${i}`, i + 2, 1);
    const second = new IdIndex();
    second.addString('R5', 1, 1);
    second.addString('NEW', 2, 1);
    second.addString('R2999', 3, 1);
    first.mergeSlots(second.exportSlots(), 3001);
    const found = first.candidates.map((c) => [c.line, c.firstLine, c.id, c.column]).sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(found).toEqual([
      [3002, 7, '', 0],
      [3004, 3001, '', 0],
    ]);
    // The merged ids are now known too.
    first.addString('NEW', 9000, 1);
    expect(first.candidates.at(-1)).toEqual({ id: 'NEW', line: 9000, column: 1, firstLine: 3003 });
  });

  it('looks ids added after a merge up in the merged index, which it never copies', () => {
    const first = new IdIndex(16);
    first.addString('A', 2, 1);
    const second = new IdIndex(16);
    second.addString('A', 1, 1);
    second.addString('B', 2, 1);
    first.mergeSlots(second.exportSlots(), 10);
    expect(first.candidates).toEqual([{ id: '', line: 11, column: 0, firstLine: 2 }]);
    first.addString('B', 30, 4); // only in the merged index: named at its line there
    first.addString('C', 31, 1); // new
    first.addString('C', 32, 1);
    first.addString('A', 33, 1); // in both: this index's line
    expect(first.candidates.slice(1)).toEqual([
      { id: 'B', line: 30, column: 4, firstLine: 12 },
      { id: 'C', line: 32, column: 1, firstLine: 31 },
      { id: 'A', line: 33, column: 1, firstLine: 2 },
    ]);
  });

  it('takes two ids for one only when both halves of their 64-bit hashes agree', () => {
    // Slots as another thread exports them: [hash high, hash low (0 = empty), line] each.
    const ix = new IdIndex(16);
    ix.mergeSlots(Uint32Array.of(7, 5, 10, 8, 5, 11, 7, 6, 12, 0, 0, 0), 0); // same low, same high, neither
    expect(ix.candidates).toEqual([]);
    ix.mergeSlots(Uint32Array.of(8, 5, 40), 100);
    expect(ix.candidates).toEqual([{ id: '', line: 140, column: 0, firstLine: 11 }]);
  });
});

describe('rubric rules', () => {
  async function rules(yaml: string): Promise<[string, number, number, string][]> {
    const doc = await parseYaml(yaml);
    const rubric = RUBRIC_SCHEMA.parse(doc.value);
    return rubricRules(rubric, { file: 'r.yaml', year: 2019, outcomes: new Set(), locate: (p) => doc.locate(p) })
      .map((d) => [d.code, d.line, d.column, `${String(d.params?.['key'])}=${String(d.params?.['value'])}`]);
  }
  const BASE_RUBRIC = 'title: t\ntotal: 100\ngrades: [{ name: A, min: 0 }]\nsections:\n  - name: s\n    items:\n      - { id: a, name: a, measure: count, points: 1 }\n';

  it('refuses numbers that make no sense (MJ411), member items too, at the value', async () => {
    expect(await rules(BASE_RUBRIC + 'member_items:\n  - { id: m, name: m, measure: count, tiers: [{ at_least: -1, points: 1 }], max: -3 }\n')).toEqual([
      ['MJ411', 9, 82, 'max=-3'],
      ['MJ411', 9, 59, 'at_least=-1'],
    ]);
    expect(await rules(BASE_RUBRIC.replace('total: 100', 'total: 0'))).toEqual([['MJ411', 2, 8, 'total=0']]);
  });

  it('accepts zeros where they make sense: a tier at 0 records, a section capped at 0, no subsidy cap', async () => {
    const ok = BASE_RUBRIC.replace('    items:', '    max: 0\n    items:').replace('points: 1 }', 'tiers: [{ at_least: 0, points: -5 }, { at_least: 1, points: 0 }] }')
      + 'subsidy: { base: 0, per_member: 0, grade_factor: { A: 0 }, budget: 0 }\n';
    expect(await rules(ok)).toEqual([]);
  });
});
