// Published scoring schemes written as mj rubrics (data-examples/schemes/*, each with its source
// in 来源.md): every dataset validates, and mj's results equal the hand computation written in
// its 来源.md, sheet by sheet.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';

const SCHEMES = join(import.meta.dirname, '..', 'data-examples', 'schemes');

interface JsonRow { readonly [key: string]: unknown }

async function rows(scheme: string, ...args: string[]): Promise<JsonRow[]> {
  const r = await mj(['score', '2019', '--format', 'json', ...args], { cwd: join(SCHEMES, scheme) });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { rows: JsonRow[] }).rows.filter((x) => x['kind'] === 'data');
}

/** id → [total, grade, rank]. */
const byId = (list: JsonRow[]): Record<string, [unknown, unknown, unknown]> =>
  Object.fromEntries(list.map((x) => [x['id'] as string, [x['total'], x['grade'], x['rank']]]));

describe('published schemes as rubrics', () => {
  it.each(['lvliang-info', 'tongcheng-cppcc', 'shandong-mm', 'gdou-party'])('%s validates clean', async (scheme) => {
    const r = await mj(['validate', '--format', 'json'], { cwd: join(SCHEMES, scheme) });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { diagnostics: unknown[] }).diagnostics).toEqual([]);
  });

  it('民进吕梁 信息工作: each adoption level per piece, credited to the branch, the 总支 with its branches, and every author', async () => {
    expect(byId(await rows('lvliang-info'))).toEqual({ 'll-a': [20, '记分', 3], 'll-b': [30, '记分', 2], 'll-c': [45, '记分', 1] });
    expect(byId(await rows('lvliang-info', '--sheet', 'zz'))).toEqual({ 'll-zz': [60, '记分', 1] });
    expect(byId(await rows('lvliang-info', '--sheet', 'members'))).toEqual({
      '0101': [20, '记分', 3], '0102': [15, '记分', 4], '0103': [30, '记分', 2], '0104': [0, '记分', 6], '0105': [45, '记分', 1], '0106': [10, '记分', 5],
    });
  });

  it('桐城政协 委员履职: leave 30, first proposer half and the rest shared, section caps, 合格 60; only 委员 are scored', async () => {
    const list = await rows('tongcheng-cppcc', '--sheet', 'members');
    expect(byId(list)).toEqual({ '0201': [94, '合格', 1], '0202': [79.5, '合格', 2], '0203': [48.25, '不合格', 3] });
    const wu = list.find((x) => x['id'] === '0203')!;
    expect([wu['item:m-leave'], wu['item:m-proposal'], wu['item:m-filed'], wu['section:2']]).toEqual([30, 12.5, 3.75, 16.25]);
    const sun = list.find((x) => x['id'] === '0201')!;
    expect([sun['item:m-proposal'], sun['item:m-filed'], sun['section:2'], sun['section:4']]).toEqual([12.5, 18.75, 25, 15]);
  });

  it('桐城政协: --explain of a member lists the records that list them', async () => {
    const r = await mj(['score', '2019', '--explain', '0203'], { cwd: join(SCHEMES, 'tongcheng-cppcc') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('吴国平（0203，桐城医卫支部）2019 年度政协委员履职考核得分说明');
    expect(r.stdout).toContain('列有该会员的记录（4 条）');
    expect(r.stdout).toContain('总分 48.25，全市排名 3/3');
  });

  it('民盟山东 先进基层组织: first condition required, one of the other three, 1/3 per 市委会 with ties falling together', async () => {
    expect(byId(await rows('shandong-mm'))).toEqual({
      'jn-1': [92, '先进基层组织', 2], 'jn-2': [88, '未推选', 4], 'jn-3': [95, '未推选', 1],
      'qd-1': [90, '未推选', 3], 'qd-2': [85, '未推选', 5], 'qd-3': [85, '未推选', 5],
    });
    const members = byId(await rows('shandong-mm', '--sheet', 'members'));
    expect(Object.entries(members).filter(([, v]) => v[1] === '优秀盟员').map(([id]) => id)).toEqual(['0301', '0311']);
  });

  it('海洋大学 党支部测评表: word values, quarters, months and halves in tiers', async () => {
    const list = await rows('gdou-party');
    expect(byId(list)).toEqual({ 'jg-1': [22, '已测评', 1], 'jg-2': [10, '已测评', 2] });
    const rear = list.find((x) => x['id'] === 'jg-2')!;
    expect(['item:b-team', 'item:b-lead', 'item:b-decide', 'item:w-plan', 'item:w-congress', 'item:w-committee', 'item:w-lecture', 'item:w-record'].map((k) => rear[k]))
      .toEqual([1, 1, 2, 1, 2, 1, 1, 1]);
  });

  it('桐城: a member\'s explanation says where a part\'s cap cut (12.50 + 18.75 = 31.25, held at 25)', async () => {
    const r = await mj(['score', '2019', '--sheet', 'members', '--explain', '0201'], { cwd: join(SCHEMES, 'tongcheng-cppcc') });
    expect(r.stdout).toContain('  小计 25.00（得分 31.25，超过上限按 25.00 计）\n');
  });

  it('海洋大学: --explain shows the panel\'s word and the branch\'s own (自评) word, each with its points', async () => {
    const r = await mj(['score', '2019', '--explain', 'jg-1'], { cwd: join(SCHEMES, 'gdou-party') });
    expect(r.stdout).toContain('    考评组评分 “较好”（2 分），支部自评 “明显”（3 分）（assessments/2019.csv:3）\n');
  });

  it('an unknown --sheet is a usage error naming the sheets there are', async () => {
    const r = await mj(['score', '2019', '--sheet', 'city'], { cwd: join(SCHEMES, 'lvliang-info') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('评分表中没有考核表“city”，可选：zz、members');
  });
});
