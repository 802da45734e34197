// One run shows every independent problem: a schema error in one orgs.yaml entry does not hide
// that entry's other checks, a duplicate YAML key does not hide the rest of its file, a schema
// error in a rubric does not hide the rubric's own rules, a typo in mj.yaml does not hide the
// other files.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { BASE, scratchDirs } from './helpers/fixtures.js';

const scratch = scratchDirs();

function baseWith(edits: Record<string, (text: string) => string>): string {
  const d = scratch();
  cpSync(BASE, d, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(d, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
  }
  return d;
}

async function found(d: string): Promise<string[]> {
  const r = await mj(['validate', '--format', 'json'], { cwd: d });
  return (JSON.parse(r.stdout) as { diagnostics: { code: string; file: string; line: number }[] }).diagnostics.map((x) => `${x.code} ${x.file}:${x.line}`);
}

describe('every problem of a file in one run', () => {
  it('checks the id and dates of an orgs.yaml entry that also fails its schema', async () => {
    const d = baseWith({
      'orgs.yaml': (t) => t
        .replace('- id: gy-med1\n  name: 贵阳市第一人民医院支部\n  type: 支部\n', '- id: gy med1\n  name: 贵阳市第一人民医院支部\n  type: 支部\n  establised: 2001-01-01\n  established: 2019-02-30\n')
        .replace('- id: sz-new\n  name: 省直新建支部\n  type: 支部\n  parent: sl\n  established: 2019-09-01', '- id: sz-new\n  name: 省直新建支部\n  type: 直属支部\n  parent: sl\n  established: 2019-09-01\n  dissolved: 2019-01-01'),
    });
    expect(await found(d)).toEqual(expect.arrayContaining([
      'MJ204 orgs.yaml:17', // the id with a space
      'MJ120 orgs.yaml:20', // establised
      'MJ202 orgs.yaml:21', // 2019-02-30
      'MJ203 orgs.yaml:43', // type 直属支部
      'MJ212 orgs.yaml:46', // dissolved before established
    ]));
  });

  it('checks the references of an org left out for a bad date: its parent, committee and liaison', async () => {
    const d = baseWith({
      'orgs.yaml': (t) => t.replace('- id: gy-pub1\n  name: 贵阳出版支部\n  type: 支部\n  parent: gy-zz\n', '- id: gy-pub1\n  name: 贵阳出版支部\n  type: 支部\n  parent: gy-zzz\n  established: 2019-13-01\n  liaison: "0099"\n'),
    });
    expect(await found(d)).toEqual(expect.arrayContaining(['MJ302 orgs.yaml:30', 'MJ202 orgs.yaml:31', 'MJ303 orgs.yaml:32']));
  });

  it('reads on past a duplicate key in orgs.yaml: the other entries are checked', async () => {
    const d = baseWith({
      'orgs.yaml': (t) => t.replace('- id: gy-zz\n  name: 民进贵阳市文化总支\n', '- id: gy-zz\n  name: 民进贵阳市文化总支\n  name: 文化总支\n').replace('established: 2019-09-01', 'established: 2019-09-31'),
    });
    expect(await found(d)).toEqual(expect.arrayContaining(['MJ111 orgs.yaml:25', 'MJ202 orgs.yaml:44']));
  });

  it('reads on past a duplicate key in a rubric: its numbers and rules are checked', async () => {
    const d = baseWith({ 'rubrics/2019.yaml': (t) => t.replace('total: 100', 'total: -100\ntotal: 100').replace('{ name: 良好, min: 80 }', '{ name: 良好, min: 95 }') });
    expect(await found(d)).toEqual(expect.arrayContaining(['MJ111 rubrics/2019.yaml:4', 'MJ411 rubrics/2019.yaml:3', 'MJ404 rubrics/2019.yaml:7']));
  });

  it('checks a rubric\'s own rules beside a schema error in one of its items', async () => {
    const d = baseWith({
      'rubrics/2019.yaml': (t) => t
        .replace('        points: 10\n        max: 20\n', '        points: 10\n        max: 20\n        maximum: 30\n')
        .replace('{ name: 良好, min: 80 }', '{ name: 良好, min: 95 }')
        .trimEnd() + '\nsubsidy: { base: 2000, per_member: 100, grade_factor: { 优秀: 0.3 }, budget: -1 }\n',
    });
    expect(await found(d)).toEqual(expect.arrayContaining(['MJ120 rubrics/2019.yaml:19', 'MJ404 rubrics/2019.yaml:6', 'MJ411 rubrics/2019.yaml:48']));
  });

  it('does not call a veto\'s item unknown when that item is only broken', async () => {
    const d = baseWith({
      'rubrics/2019.yaml': (t) => t.replace('      - id: meetings\n        name: 组织生活\n', '      - id: meetings\n        name: 组织生活\n        weight: 2\n').trimEnd()
        + '\n  - { when: { item: meetings, below: 1 }, max_grade: 合格 }\n',
    });
    const codes = await found(d);
    expect(codes).toEqual(expect.arrayContaining(['MJ120 rubrics/2019.yaml:29']));
    expect(codes.filter((c) => c.startsWith('MJ407'))).toEqual([]);
  });

  it('checks the other files beside an unknown key in mj.yaml', async () => {
    const d = baseWith({
      'mj.yaml': (t) => t + '\noutcome: [市长批示]\n',
      'members.csv': (t) => t.replace('0003,张伟,男,1982-11,汉族,2012-05-20', '0003,张伟,男,1982-11,汉族,2012-05-40'),
    });
    expect(await found(d)).toEqual(['MJ202 members.csv:4', 'MJ120 mj.yaml:5']);
  });
});
