// mj fmt: the canonical form of each data file (column order, quoting, dates, list separators,
// row order where it means nothing), the file's encoding, BOM, separator and line ends kept,
// YAML comments kept; --check names the first difference and writes nothing; formatting
// changes no result and is a fixed point.

import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalCsvText, CsvChecker } from '../src/edit/canonical-csv.js';
import { encodeText } from '../src/source/encode.js';
import { mj } from './helpers/cli.js';
import { BASE, scratchDirs } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const scratch = scratchDirs('mj-fmt-');
const LF = { tabs: false, crlf: false };

function copy(from: string): string {
  const d = scratch();
  cpSync(from, d, { recursive: true });
  return d;
}

describe('the canonical form of a record file', () => {
  it('orders the columns, trims and quotes cells only where needed, writes dates and lists one way, drops blank lines, sorts', () => {
    const text = [
      '日期,编号, 类型 ,组织,标题,会员,电话,结果',
      '2019/3/5,A2,提案,gy-edu1,"关于 ""课后服务"" 的提案",0001； 0002,139,立案; 重点提案',
      '',
      '2019年1月12日,A1,组织生活,gy-edu1,"新春,座谈会", 0003 ,,',
      ',,,,,,,',
    ].join('\n') + '\n';
    const r = canonicalCsvText(text, 'activities', LF);
    expect(r).toEqual({
      ok: true,
      text: [
        '编号,日期,类型,组织,会员,标题,结果,电话',
        'A1,2019-01-12,组织生活,gy-edu1,0003,"新春,座谈会",,',
        'A2,2019-03-05,提案,gy-edu1,0001;0002,"关于 ""课后服务"" 的提案",立案;重点提案,139',
      ].join('\n') + '\n',
    });
  });

  it('keeps a month a month, a header of keys keys, values it cannot read as written, and sorts stably', () => {
    const text = 'id,name,birth,joined,gender,org\n0002,乙,1985.10,2005/6/1,男,x\n0001,甲,1985/3,bad date,女,x\n0001,丙,1985-03-08,2005-06-01,女,x\n';
    const r = canonicalCsvText(text, 'members', LF);
    expect(r.ok && r.text).toBe('id,name,gender,birth,joined,org\n0001,甲,女,1985-03,bad date,x\n0001,丙,女,1985-03-08,2005-06-01,x\n0002,乙,男,1985-10,2005-06-01,x\n');
  });

  it('keeps the separator and the line ends', () => {
    const r = canonicalCsvText('组织\t项目\t考评组审核得分\r\nb\tpanel\t4\r\na\tpanel\t3\r\n', 'assessments', { tabs: true, crlf: true, orgOrder: new Map([['b', 0], ['a', 1]]) });
    expect(r.ok && r.text).toBe('组织\t项目\t考评组审核得分\r\nb\tpanel\t4\r\na\tpanel\t3\r\n');
  });

  it('names the first line that differs, or where the order breaks, reading chunk by chunk', () => {
    const check = (text: string) => {
      const c = new CsvChecker('activities', LF);
      for (let i = 0; i < text.length; i += 7) c.push(text.slice(i, i + 7));
      c.end();
      return c.difference;
    };
    const head = '编号,日期,类型,组织,标题\n';
    expect(check(`${head}A1,2019-01-02,学习,x,t\nA2,2019-01-03,学习,x,t\n`)).toBeUndefined();
    expect(check(`${head}A1,2019-01-02,学习,x,t\nA2,2019/1/3,学习,x,t\n`)).toEqual({ line: 3, why: 'text', now: 'A2,2019/1/3,学习,x,t', then: 'A2,2019-01-03,学习,x,t' });
    expect(check(`${head}A2,2019-01-03,学习,x,t\nA1,2019-01-02,学习,x,t\n`)).toMatchObject({ line: 3, why: 'order' });
    expect(check(`${head}A1,2019-01-02,学习,x,t`)).toMatchObject({ line: 2, why: 'text' });
  });
});

describe('mj fmt', () => {
  it('rewrites what differs, leaves results unchanged, and is then a fixed point', async () => {
    const d = copy(join(ROOT, 'data-examples', 'tiny'));
    const scores = (await mj(['score', '2019', '--format', 'csv'], { cwd: d })).stdout;
    const stats = (await mj(['stats', 'members', '2019', '--format', 'csv'], { cwd: d })).stdout;
    const check = await mj(['fmt', '--check'], { cwd: d });
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('需要整理：activities/2019.csv 从第 11 行起没有按日期、编号排序\n有 1 个数据文件不是规范格式。整理：\n  mj fmt\n然后提交改动（git add -A && git commit）。\n');
    const before = readFileSync(join(d, 'activities', '2019.csv'));
    expect(readFileSync(join(d, 'activities', '2019.csv')).equals(before)).toBe(true);
    const r = await mj(['fmt'], { cwd: d });
    expect(r.stdout).toBe('已整理 1 个文件：activities/2019.csv\n');
    expect((await mj(['score', '2019', '--format', 'csv'], { cwd: d })).stdout).toBe(scores);
    expect((await mj(['stats', 'members', '2019', '--format', 'csv'], { cwd: d })).stdout).toBe(stats);
    expect((await mj(['fmt', '--check'], { cwd: d })).stdout).toBe('数据文件都已是规范格式（13 个文件）。\n');
    expect((await mj(['fmt'], { cwd: d })).stdout).toBe('数据文件都已是规范格式（13 个文件），没有改动。\n');
  });

  it('sorts transfers by date and member, and keeps the order of leaders as the secretariat wrote it', () => {
    const transfers = ['会员编号,转接日期,转出支部,转入支部', '0007,2019-05-01,gy-edu2,gy-edu1', '0003,2019/3/1,gy-edu1,gy-edu2', ''].join('\n');
    const t = canonicalCsvText(transfers, 'transfers', LF);
    expect(t.ok && t.text).toBe(['会员编号,转接日期,转出支部,转入支部', '0003,2019-03-01,gy-edu1,gy-edu2', '0007,2019-05-01,gy-edu2,gy-edu1', ''].join('\n'));
    const leaders = ['组织,会员编号,职务,任职时间', 'gy,0009,主委,2017-01-01', 'gy,0002,副主委,2017-01-01', ''].join('\n');
    const l = canonicalCsvText(leaders, 'leaders', LF);
    expect(l.ok && l.text).toBe(leaders);
  });

  it('finds the generated province example already in canonical form', async () => {
    const r = await mj(['fmt', '--check', '--data', join(ROOT, 'data-examples', 'guizhou')], { cwd: ROOT });
    expect([r.code, r.stdout]).toEqual([0, '数据文件都已是规范格式（21 个文件）。\n']);
  });

  it.each(['gdou-party', 'lvliang-info', 'shandong-mm', 'tongcheng-cppcc'])('finds the published scheme %s in canonical form', async (scheme) => {
    const r = await mj(['fmt', '--check', '--data', join(ROOT, 'data-examples', 'schemes', scheme)], { cwd: ROOT });
    expect(r.code, r.stdout).toBe(0);
  });

  it('keeps a GB18030 file GB18030, a BOM, CRLF and a tab-separated file as they were', async () => {
    const d = copy(BASE);
    const members = readFileSync(join(d, 'members.csv'), 'utf8');
    const messy = members.replace('2001-06-01', '2001/6/1');
    writeFileSync(join(d, 'members.csv'), encodeText(messy.replace(/\n/g, '\r\n'), 'gb18030', false));
    writeFileSync(join(d, 'mj.yaml'), `${readFileSync(join(d, 'mj.yaml'), 'utf8')}encoding: { members.csv: gb18030 }\n`);
    const acts = readFileSync(join(d, 'activities', '2019.csv'), 'utf8');
    writeFileSync(join(d, 'activities', '2019.csv'), encodeText(acts.replace('2019-01-12', '2019/1/12').split(',').join('\t'), 'utf-16le', true));
    const r = await mj(['fmt'], { cwd: d });
    expect(r.stdout).toContain('members.csv');
    expect(r.stdout).toContain('activities/2019.csv');
    expect(readFileSync(join(d, 'members.csv')).equals(encodeText(members.replace(/\n/g, '\r\n'), 'gb18030', false))).toBe(true);
    const a = readFileSync(join(d, 'activities', '2019.csv'));
    expect([a[0], a[1]]).toEqual([0xff, 0xfe]);
    expect(a.subarray(2).toString('utf16le')).toContain('A001\t2019-01-12\t组织生活');
    expect((await mj(['validate'], { cwd: d })).code).toBe(0);
    expect((await mj(['fmt', '--check'], { cwd: d })).code).toBe(0);
  });

  it('keeps YAML comments and order, writes dates in date fields one way, drops trailing spaces', async () => {
    const d = copy(BASE);
    const orgs = readFileSync(join(d, 'orgs.yaml'), 'utf8');
    writeFileSync(join(d, 'orgs.yaml'), orgs.replace('established: 2001-06-01', 'established: 2001/6/1   # 建立   ').replace('type: 市委会', 'type: 市委会   '));
    const check = await mj(['fmt', '--check'], { cwd: d });
    expect(check.stdout).toContain('需要整理：orgs.yaml 第 7 行');
    await mj(['fmt'], { cwd: d });
    expect(readFileSync(join(d, 'orgs.yaml'), 'utf8')).toBe(orgs.replace('established: 2001-06-01', 'established: 2001-06-01   # 建立'));
  });

  it('writes nothing and says why when a file cannot be read as a table', async () => {
    const d = copy(BASE);
    const p = join(d, 'members.csv');
    writeFileSync(p, readFileSync(p, 'utf8').replace('王明华', '"王明华'));
    const mtime = statSync(p).mtimeMs;
    const r = await mj(['fmt', '--no-color'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MJ101');
    expect(statSync(p).mtimeMs).toBe(mtime);
  });
});
