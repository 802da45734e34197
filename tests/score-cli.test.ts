// `mj score` end to end: golden outputs on the tiny example in every format and of --explain,
// files written whole and never over inputs, errors blocking output, order independence.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { tempCopies } from './helpers/fixtures.js';
import { golden } from './helpers/golden.js';

const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'data-examples', 'tiny');
const copyTiny = tempCopies(TINY);

describe('mj score: golden outputs on the tiny example', () => {
  it.each(['csv', 'md', 'json', 'table'])('--format %s', async (format) => {
    const r = await mj(['score', '2019', '--format', format], { cwd: TINY });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    golden(`score/tiny.${format === 'table' ? 'txt' : format}`, r.stdout);
  });

  it('in English with --lang en', async () => {
    const r = await mj(['score', '2019', '--format', 'csv', '--lang', 'en'], { cwd: TINY });
    golden('score/tiny.en.csv', r.stdout);
  });

  it('--explain tells how each point was reached', async () => {
    const r = await mj(['score', '2019', '--explain', 'sz-gzu'], { cwd: TINY });
    expect(r.code).toBe(0);
    golden('score/explain-sz-gzu.txt', r.stdout);
    const j = await mj(['score', '2019', '--explain', 'gy-edu1', '--format', 'json'], { cwd: TINY });
    golden('score/explain-gy-edu1.json', j.stdout);
  });

  it('--explain is a document: text, Markdown or JSON, and a usage error naming them for csv and xlsx', async () => {
    const d = copyTiny();
    const text = (await mj(['score', '2019', '--explain', 'gy-edu1'], { cwd: d })).stdout;
    expect((await mj(['score', '2019', '--explain', 'gy-edu1', '--out', 'e.txt'], { cwd: d })).code).toBe(0);
    expect(readFileSync(join(d, 'e.txt'), 'utf8')).toBe(text);
    const md = await mj(['score', '2019', '--explain', 'gy-edu1', '--format', 'md'], { cwd: d });
    expect(md.code).toBe(0);
    expect(md.stdout.startsWith('# 贵阳一中支部（gy-edu1）2019 年度考核得分说明\n\n')).toBe(true);
    expect(md.stdout).toContain('\n## 组织建设，上限 25.00\n\n- 组织生活次数 \\[meetings\\]：');
    expect(md.stdout).toMatch(/\n {4}- A\d+ 2019-/);
    for (const out of ['e.xlsx', 'e.csv']) {
      const r = await mj(['score', '2019', '--explain', 'gy-edu1', '--out', out], { cwd: d });
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain('可用的格式：table、md、json');
      expect(existsSync(join(d, out))).toBe(false);
    }
    expect((await mj(['score', '2019', '--explain', 'gy-edu1', '--format', 'csv'], { cwd: d })).code).toBe(2);
  });

  it('--explain --mask shows members by id and first character only', async () => {
    const plain = (await mj(['score', '2019', '--explain', 'gy-edu1'], { cwd: TINY })).stdout;
    const masked = await mj(['score', '2019', '--explain', 'gy-edu1', '--mask'], { cwd: TINY });
    expect(masked.code).toBe(0);
    expect(plain).toContain('0001 王明华');
    expect(masked.stdout).toContain('0001 王**');
    expect(masked.stdout).not.toContain('王明华');
  });

  it('defaults to CSV when stdout is not a terminal, and a table on one', async () => {
    expect((await mj(['score', '2019'], { cwd: TINY })).stdout.startsWith('排名,支部,')).toBe(true);
    expect((await mj(['score', '2019'], { cwd: TINY, tty: true, env: { NO_COLOR: '1' } })).stdout.startsWith('民进示例省委2019年度')).toBe(true);
  });

  it('--org lists a subtree with the province-wide ranks', async () => {
    const all = (await mj(['score', '2019', '--format', 'csv'], { cwd: TINY })).stdout.trim().split('\n');
    const sub = (await mj(['score', '2019', '--format', 'csv', '--org', 'gy'], { cwd: TINY })).stdout.trim().split('\n');
    expect(sub[0]).toBe(all[0]);
    expect(sub.slice(1)).toEqual(all.slice(1).filter((l) => l.includes('民进贵阳市') ));
    const md = (await mj(['score', '2019', '--format', 'md', '--org', 'gy'], { cwd: TINY })).stdout;
    expect(md).toContain('排名为全省排名');
  });
});

describe('mj score: output files', () => {
  it('writes --out whole, with the format from its extension', async () => {
    const d = copyTiny();
    const r = await mj(['score', '2019', '--out', 'out/score.md'], { cwd: d });
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, 'out', 'score.md'), 'utf8')).toBe((await mj(['score', '2019', '--format', 'md'], { cwd: d })).stdout);
  });

  it('refuses a --format that disagrees with --out, an unknown extension, and an input file as output', async () => {
    const d = copyTiny();
    expect((await mj(['score', '2019', '--out', 'x.csv', '--format', 'md'], { cwd: d })).code).toBe(2);
    expect((await mj(['score', '2019', '--out', 'x.pdf'], { cwd: d })).code).toBe(2);
    const before = readFileSync(join(d, 'members.csv'));
    const r = await mj(['score', '2019', '--out', 'members.csv'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不能写到它上面');
    expect(readFileSync(join(d, 'members.csv')).equals(before)).toBe(true);
  });

  it('refuses to replace a folder', async () => {
    const d = copyTiny();
    mkdirSync(join(d, 'out.csv'));
    const r = await mj(['score', '2019', '--out', 'out.csv'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是普通文件');
  });

  it('writes nothing when the data it reads has errors, and says why', async () => {
    const d = copyTiny();
    const file = join(d, 'activities', '2019.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('A010,2019-03-10,组织生活,gy-med1', 'A010,2019-03-10,组织生活,gy-med9'));
    const r = await mj(['score', '2019', '--out', 'score.csv'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MJ302');
    expect(r.stderr).toContain('未生成任何输出');
    expect(existsSync(join(d, 'score.csv'))).toBe(false);
  });

  it('is not blocked by errors in files it does not read', async () => {
    const d = copyTiny();
    writeFileSync(join(d, 'activities', '2018.csv'), '编号,日期\nX,not a date\n');
    expect((await mj(['score', '2019'], { cwd: d })).code).toBe(0);
    expect((await mj(['validate'], { cwd: d })).code).toBe(1);
  });
});

describe('mj score: usage', () => {
  it('rejects a bad year, an unknown org (with a hint) and a non-branch to explain', async () => {
    expect((await mj(['score', '19'], { cwd: TINY })).code).toBe(2);
    const r = await mj(['score', '2019', '--org', 'gy-edu9'], { cwd: TINY });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是否为 gy-edu1（贵阳一中支部）？');
    expect((await mj(['score', '2019', '--explain', 'gy'], { cwd: TINY })).code).toBe(2);
  });

  it('takes --org by id or full name, and names the orgs whose names hold a partial one', async () => {
    const byName = await mj(['score', '2019', '--org', '贵阳一中支部', '--format', 'csv'], { cwd: TINY });
    const byId = await mj(['score', '2019', '--org', 'gy-edu1', '--format', 'csv'], { cwd: TINY });
    expect(byName.code).toBe(0);
    expect(byName.stdout).toBe(byId.stdout);
    const part = await mj(['score', '2019', '--org', '出版'], { cwd: TINY });
    expect([part.code, part.stderr]).toEqual([2, 'mj: 没有编号或全称为“出版”的组织\n名称中含有它的组织：gy-pub1（贵阳出版支部）（--org 写编号或全称）\n']);
    const en = await mj(['score', '2019', '--org', '出版', '--lang', 'en'], { cwd: TINY });
    expect(en.stderr).toBe('mj: there is no org with the id or full name "出版"\norgs whose names hold it: gy-pub1 (贵阳出版支部) (--org takes an id or a full name)\n');
  });

  it('names a missing rubric or records file', async () => {
    const r = await mj(['score', '2018'], { cwd: TINY });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('缺少评分表文件 rubrics/2018.yaml');
    expect(r.stderr).toContain('缺少履职记录文件 activities/2018.csv；数据中有 2019 年的文件，年份是否写错了？');
    expect(r.stderr).toContain('缺少评分表文件 rubrics/2018.yaml；数据中有 2019 年的文件，年份是否写错了？');
    const en = await mj(['score', '2030', '--lang', 'en'], { cwd: join(TINY, '..', 'guizhou') });
    expect(en.stderr).toContain('missing duty records file activities/2030.csv; the data has files of 2017, 2018, 2019: is the year mistyped?');
  });
});

describe('mj score: determinism', () => {
  it('gives the same bytes whatever the order of rows in the files', async () => {
    const d = copyTiny();
    const expected = (await mj(['score', '2019', '--format', 'json'], { cwd: d })).stdout;
    for (const name of ['members.csv', 'activities/2019.csv', 'assessments/2019.csv']) {
      const file = join(d, name);
      const [head, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
      writeFileSync(file, [head, ...rows.reverse()].join('\n') + '\n');
    }
    expect((await mj(['score', '2019', '--format', 'json'], { cwd: d })).stdout).toBe(expected);
  });
});

describe('mj score: never over a data file', () => {
  it('refuses --out onto another year\'s records, which this command does not read', async () => {
    const d = copyTiny();
    writeFileSync(join(d, 'activities', '2018.csv'), '编号,日期,类型,组织,标题\n');
    const before = readFileSync(join(d, 'activities', '2018.csv'));
    const r = await mj(['score', '2019', '--out', 'activities/2018.csv'], { cwd: d });
    expect(r.code).toBe(2);
    expect(readFileSync(join(d, 'activities', '2018.csv')).equals(before)).toBe(true);
  });
});
