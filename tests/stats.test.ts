// The statistics tables against hand-computed expectations on a small province: every column
// of 支部履职情况统计表, 会员履职情况统计表, 会员结构统计表 and "三个一" progress.

import { describe, expect, it } from 'vitest';
import { makeScope, subtree } from '../src/compute/scope.js';
import { StatsCounts } from '../src/compute/stats.js';
import { rosterCounts } from '../src/compute/roster.js';
import { DEFAULT_THREE_ONES } from '../src/model/rubric.js';
import type { Activity, Member } from '../src/model/types.js';
import { formatCell } from '../src/render/cells.js';
import { rosterTable } from '../src/tables/roster-table.js';
import { branchesTable, membersTable, progressTable } from '../src/tables/stats-tables.js';
import type { Table } from '../src/tables/table.js';
import { act, feed, member, org, ROOT, VOCAB } from './helpers/builders.js';

const CITY = org('c1', '市委会', 'root', { name: '甲市委会' });
const A = org('a', '支部', 'c1', { name: '甲一支部' });
const B = org('b', '支部', 'c1', { name: '甲二支部' });
const D = org('d', '支部', 'root', { name: '省直支部' });
const ORGS = [ROOT, CITY, A, B, D];

const MEMBERS: Member[] = [
  member('a1', 'a', { gender: '男', birth: 19790101, ethnicity: '苗族', title: '正高级', degree: '博士', education: '研究生', roles: ['省政协委员'], sector: '高校' }),
  member('a2', 'a', { birth: 19590615, ethnicity: '汉族', title: '副高级', roles: ['市人大代表'], reserve: true, sector: '高校' }),
  member('a3', 'a', { joined: 20190301, birth: 19950101 }), // new this year
  member('a4', 'a', { status: '去世', left: 20190801 }), // left during the year
  member('b1', 'b', { sector: '企业', birth: 19600101 }),
  member('b2', 'b', { status: '退会', left: 20181231 }), // gone before the year
  member('d1', 'd', { joined: 20191231, gender: '男' }), // joined on the last day
];

const RECORDS: Activity[] = [
  act('提案', 'a', ['a1', 'a2'], { outcomes: ['立案'] }),
  act('建议', 'a', ['a2']),
  act('社情民意', 'a', ['a1'], { outcomes: ['省委会采用', '省政协采用'] }), // adopted once, however many steps
  act('社情民意', 'a', ['a1']),
  act('社情民意', 'b', ['a3'], { outcomes: ['全国政协转送'] }), // credited to b, a member of a
  act('社情民意', 'a', ['a2'], { outcomes: ['省领导批示'] }),
  act('社会服务', 'a', ['a1', 'a3']),
  act('组织生活', 'a', ['a1', 'a2', 'a3', 'a4']), // a4 not active at year end
  act('组织生活', 'a', ['a1', 'a1', 'b1']), // duplicates once; b1 not of a
  act('组织生活', 'b', ['a2']),
  act('培训', 'a', ['a1', 'a2', 'a3'], { hours: '2.5' }),
  act('培训', 'a', ['a3'], { hours: '0.25' }),
  act('社会服务', 'b', ['b1']),
];

function build(asOf?: number, only?: Set<string>) {
  const scope = makeScope(ORGS, MEMBERS, 2019, asOf);
  const vocab = VOCAB();
  const counts = new StatsCounts(scope, DEFAULT_THREE_ONES, vocab, asOf ?? scope.lastDay);
  feed((v) => counts.visit(v), RECORDS, ORGS, MEMBERS, vocab);
  return { datasetName: '测试', scope, counts, lang: 'zh' as const, only, orgFilter: only ? 'c1' : undefined, byGroup: false, mask: false };
}

/** A row's cells by column key, formatted as in CSV. */
function row(t: Table, first: string): Record<string, string> {
  const r = [...t.rows].find((x) => x.cells[0] === first);
  if (!r) throw new Error(`no row ${first}`);
  return Object.fromEntries(t.columns.map((c, i) => [c.key, formatCell(r.cells[i]!, c, 'machine')]));
}

describe('支部履职情况统计表', () => {
  const t = branchesTable(build());

  it('counts a branch\'s own records once each', () => {
    expect(row(t, '甲一支部')).toMatchObject({
      active: '3', new: '1', proposals: '1', suggestions: '1', filed: '1', sqmy: '3', adopted: '1', adoptionRate: '0.3333',
      instructions: '1', service: '1', meetings: '2', trainees: '4', trainingHours: '2.75',
    });
  });

  it('counts members reporting by their own records, wherever credited', () => {
    // a1 (a), a2 (a), a3 (credited to b): 3 of 3 active.
    expect(row(t, '甲一支部')).toMatchObject({ reporters: '3', coverage: '1.0000', threeOnes: '完成' });
    expect(row(t, '甲二支部')).toMatchObject({ active: '1', sqmy: '1', adopted: '1', reporters: '0', coverage: '0.0000', threeOnes: '未完成' });
  });

  it('computes attendance from active members present over meetings × active', () => {
    // meeting 1: a1, a2, a3 active (a4 left) = 3; meeting 2: a1 = 1 → 4 / (2 × 3)
    expect(row(t, '甲一支部').attendance).toBe('0.6667');
    // b: a2 listed, not b's member → 0 / (1 × 1)
    expect(row(t, '甲二支部').attendance).toBe('0.0000');
  });

  it('shows 0, not NaN, for a branch with no active member', () => {
    expect(row(t, '省直支部')).toMatchObject({ active: '1', coverage: '0.0000', attendance: '0.0000', adoptionRate: '0.0000' });
  });

  it('adds counts in the 合计 row and computes its shares from them', () => {
    expect(row(t, '合计')).toMatchObject({
      active: '5', sqmy: '4', adopted: '2', adoptionRate: '0.5000', reporters: '3', coverage: '0.6000', meetings: '3',
      attendance: '0.5714', threeOnes: '完成 1/3', // (4 + 0 + 0) ÷ (2×3 + 1×1 + 0×1)
    });
  });

  it('--org lists a subtree and adds only the rows shown', () => {
    const sub = branchesTable(build(undefined, subtree(ORGS, 'c1')));
    expect([...sub.rows].map((r) => r.cells[0])).toEqual(['甲一支部', '甲二支部', '合计']);
    expect(row(sub, '合计').active).toBe('4');
  });

  it('--by 市委会 adds a subtotal per group', () => {
    const by = branchesTable({ ...build(), byGroup: true });
    expect([...by.rows].map((r) => [r.kind, r.cells[0]])).toEqual([
      ['data', '甲一支部'], ['data', '甲二支部'], ['subtotal', '小计：甲市委会'], ['data', '省直支部'], ['subtotal', '小计：省直'], ['total', '合计'],
    ]);
  });

  it('rows are made on demand: every reading gives the same rows, as many as length says', () => {
    for (const t of [branchesTable(build()), branchesTable({ ...build(), byGroup: true }), membersTable({ ...build(), byGroup: true, points: undefined })]) {
      const once = [...t.rows];
      expect(once).toHaveLength(t.rows.length);
      expect([...t.rows]).toEqual(once);
    }
  });
});

describe('会员履职情况统计表', () => {
  const t = membersTable({ ...build(), points: undefined });

  it('lists everyone on the roster on any day of the year, in branch order then id', () => {
    expect([...t.rows].filter((r) => r.kind === 'data').map((r) => r.cells[0])).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'd1']);
  });

  it('counts a member\'s own records, lead and co-signed apart', () => {
    expect(row(t, 'a1')).toMatchObject({ active: '是', sqmy: '2', adopted: '1', lead: '1', cosigned: '0', service: '1', meetings: '2', attendance: '1.0000', trainingHours: '2.5', threeOnes: '是' });
    expect(row(t, 'a2')).toMatchObject({ lead: '1', cosigned: '1', meetings: '2', attendance: '0.5000' });
    expect(row(t, 'a3')).toMatchObject({ sqmy: '1', adopted: '1', trainingHours: '2.75', threeOnes: '是' });
    expect(row(t, 'a4')).toMatchObject({ active: '否', meetings: '1', threeOnes: '否' });
    expect(row(t, 'd1').attendance).toBe(''); // branch d held no meeting
  });

  it('adds the 合计 row from counts; its "三个一" counts members active at year end only', () => {
    expect(row(t, '合计')).toMatchObject({ active: '是 5/6', sqmy: '4', meetings: '7', attendance: '0.5556', threeOnes: '是 3/5' });
  });

  it('counts a member\'s 参加率 against the meetings held while they were on the roster', () => {
    const members = [member('p', 'a', { status: '退会', left: 20190815 }), member('q', 'a', { joined: 20190701 }), member('r', 'a')];
    const records = [
      act('组织生活', 'a', ['p', 'r'], { date: 20190301 }), act('组织生活', 'a', ['p', 'q', 'r'], { date: 20190801 }),
      act('组织生活', 'a', ['q'], { date: 20190901 }), act('组织生活', 'a', ['r'], { date: 20191201 }),
    ];
    const scope = makeScope(ORGS, members, 2019);
    const counts = new StatsCounts(scope, DEFAULT_THREE_ONES, VOCAB());
    feed((v) => counts.visit(v), records, ORGS, members, VOCAB());
    const m = membersTable({ datasetName: '测试', scope, counts, lang: 'zh', only: undefined, orgFilter: undefined, byGroup: false, mask: false, points: undefined });
    expect(row(m, 'p').attendance).toBe('1.0000'); // 2 of the 2 meetings before 15 August, not 2 of 4
    expect(row(m, 'q').attendance).toBe('0.6667'); // 2 of the 3 meetings from July
    expect(row(m, 'r').attendance).toBe('0.7500');
    expect(row(m, '合计').attendance).toBe('0.7778'); // (2 + 2 + 3) ÷ (2 + 3 + 4)
  });

  it('masks names with --mask', () => {
    const masked = membersTable({ ...build(), mask: true, points: undefined });
    expect(row(masked, 'a1').name).toBe('会**');
  });
});

describe('会员结构统计表', () => {
  const table = (asOf: number) => rosterTable({ datasetName: '测试', orgsInTreeOrder: makeScope(ORGS, MEMBERS, 2019).orgsInTreeOrder, members: MEMBERS, year: 2019, asOf, lang: 'zh', only: undefined, orgFilter: undefined });

  it('keeps 年初 + 发展 − 减少 = 年末 by group', () => {
    const t = table(20191231);
    expect(row(t, '甲市委会')).toMatchObject({ start: '4', joined: '1', left: '1', 'left:去世': '1', 'left:退会': '0', end: '4', growth: '0.2500', netGrowth: '0.0000' });
    expect(row(t, '省直')).toMatchObject({ start: '0', joined: '1', end: '1', growth: '0.0000' });
    expect(row(t, '合计')).toMatchObject({ start: '4', joined: '2', left: '1', end: '5' });
  });

  it('counts 年初 on 31 December of the previous year: one who joined on 1 January is 本年发展, not 年初', () => {
    const members = [member('x1', 'a', { joined: 20190101 }), member('x2', 'a', { joined: 20181231 }), member('x3', 'a', { joined: 20100101, status: '退会', left: 20190101 })];
    const t = (year: number) => rosterTable({ datasetName: '测试', orgsInTreeOrder: makeScope(ORGS, members, year).orgsInTreeOrder, members, year, asOf: year * 10000 + 1231, lang: 'zh', only: undefined, orgFilter: undefined });
    expect(row(t(2019), '合计')).toMatchObject({ start: '2', joined: '1', left: '1', 'left:退会': '1', end: '2' });
    expect(row(t(2018), '合计')).toMatchObject({ end: '2' });
  });

  it('describes the members on the roster on the as-of day', () => {
    const t = table(20191231);
    expect(row(t, '甲市委会')).toMatchObject({
      female: '3', minority: '1', postgrad: '1', doctor: '1', full: '1', associate: '1', seniorShare: '0.5000', deputies: '1', cppcc: '1', reserve: '1',
      'sector:高校': '2', 'sector:企业': '1', sectorUnknown: '1',
    });
    // ages on 2019-12-31: a1 40, a2 60, a3 24, b1 59 → mean 45.75; ≤40: a1, a3; 41–60: a2, b1
    expect(row(t, '甲市委会')).toMatchObject({ meanAge: '45.75', le40: '2', '41to60': '2', over60: '0', ageUnknown: '0' });
  });

  it('counts every title, and those without one (the HTML report\'s chart)', () => {
    const { total } = rosterCounts({ orgsInTreeOrder: makeScope(ORGS, MEMBERS, 2019).orgsInTreeOrder, members: MEMBERS, year: 2019, asOf: 20191231, only: undefined });
    expect(total.titles).toEqual({ 正高级: 1, 副高级: 1, 中级: 0, 初级: 0, 无: 0 });
    expect(total.titleUnknown).toBe(3); // a3, b1, d1
  });

  it('moves with --as-of', () => {
    const t = table(20190630);
    expect(row(t, '合计')).toMatchObject({ start: '4', joined: '1', left: '0', end: '5' }); // a4 still there, d1 not yet
    expect(row(t, '甲市委会')).toMatchObject({ meanAge: '45.75', ageUnknown: '1' }); // a1 40, a2 60, a3 24, b1 59; a4 unknown
  });
});

describe('社情民意 by 报送层级', () => {
  it('counts the branches\' own reports per level (the last slot: no level), adopted among them; they add up to the 合计', () => {
    const scope = makeScope(ORGS, MEMBERS, 2019);
    const records = [
      act('社情民意', 'a', ['a1'], { level: '省', outcomes: ['省委会采用'] }), act('社情民意', 'a', ['a1'], { level: '省' }),
      act('社情民意', 'b', ['a2'], { level: '国家', outcomes: ['全国政协转送'] }), act('社情民意', 'd', ['d1']),
      act('社情民意', 'c1', ['a1'], { level: '市' }), // credited to a 市委会, not a branch: not counted
      act('提案', 'a', ['a1'], { level: '县' }),
    ];
    const counts = new StatsCounts(scope, DEFAULT_THREE_ONES, VOCAB());
    feed((v) => counts.visit(v), records, ORGS, MEMBERS, VOCAB());
    expect([...counts.sqmyByLevel]).toEqual([1, 2, 0, 0, 1]); // 国家, 省, 市, 县, none
    expect([...counts.sqmyAdoptedByLevel]).toEqual([1, 1, 0, 0, 0]);
    expect(counts.sqmy.reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe('"三个一" progress', () => {
  it('lists the members who have not reported, and ignores records after --as-of', () => {
    const t = progressTable(build());
    expect(row(t, '甲一支部')).toMatchObject({ proposal: '✓ 2', service: '✓ 1', reports: '3/3', done: '✓ 完成', missing: '' });
    expect(row(t, '甲二支部')).toMatchObject({ proposal: '✗ 0', reports: '0/1', missing: '会员b1' });
    expect(row(t, '合计')).toMatchObject({ proposal: '1/3', service: '2/3', reports: '3/5', done: '完成 1/3' });
  });
});
