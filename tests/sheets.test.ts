// Unit sheets and the member sheet against hand-computed expectations: own and subtree records
// (rolled up to the units above), members of a unit, roll-ups of the branch sheet, absences with
// leave, roles and shared credit, per-group quotas, top N and tie rules.

import { describe, expect, it } from 'vitest';
import { ScoreCounts } from '../src/compute/score-counts.js';
import { makeScope, type YearScope } from '../src/compute/scope.js';
import { earlierOf, type EarlierYear } from '../src/compute/earlier.js';
import { assignGrades, scoreBranches, type SheetScore } from '../src/compute/scores.js';
import {
  countingRules, rollUpSubtree, scoreMembers, scoreUnits, unitCountScope, unitFolds, unitLayout, type MemberScore, type UnitScore,
} from '../src/compute/sheets.js';
import { countScopeOf } from '../src/compute/scope.js';
import type { Rubric } from '../src/model/rubric.js';
import type { Activity, Assessment, Member, Org } from '../src/model/types.js';
import { Rational } from '../src/util/decimal-text.js';
import { act, assessment, feed, member, org, ROOT, rubric, VOCAB } from './helpers/builders.js';

/** Scores every sheet of a rubric on the records, as the pipeline does (one fold per sheet and scope). */
function scoreAll(orgs: Org[], members: Member[], records: Activity[], r: Rubric, assessments: Assessment[] = []): { units: UnitScore[][]; members: MemberScore[] | undefined } {
  const all = [ROOT, ...orgs];
  const scope: YearScope = makeScope(all, members, r.year);
  const vocab = VOCAB();
  const branchCounts = new ScoreCounts(scope, r, vocab);
  feed((v) => branchCounts.visit(v), records, all, members, vocab);
  const branchScores = scoreBranches(scope, r, branchCounts, assessments);
  const units = r.units.map((sheet) => {
    const layout = unitLayout(scope, sheet);
    const folds = unitFolds(sheet).map((fold) => {
      if (fold.kind !== 'unit') throw new Error('unit folds only');
      const counts = new ScoreCounts({ ...unitCountScope(countScopeOf(scope), layout, fold.scope), members: scope.members }, countingRules(r, fold), vocab);
      feed((v) => counts.visit(v), records, all, members, vocab);
      if (fold.scope === 'subtree') rollUpSubtree(counts, layout);
      return counts;
    });
    return scoreUnits(scope, r, layout, folds, branchScores, assessments);
  });
  let memberScores: MemberScore[] | undefined;
  if (r.memberSheet) {
    const counts = new ScoreCounts(scope, countingRules(r, { kind: 'member' }), vocab);
    feed((v) => counts.visit(v), records, all, members, vocab);
    memberScores = scoreMembers(scope, r, counts, assessments);
  }
  return { units, members: memberScores };
}

const head = `title: t
total: 100
grades: [ { name: 优秀, min: 20 }, { name: 合格, min: 0 } ]
sections:
  - name: s
    items:
      - { id: b-p, name: 提案, measure: count, where: { type: 提案 }, points: 10 }
`;
// 市委会 c1 → 总支 z1 → branches a, b; 市委会 c2 → branch d.
const C1 = org('c1', '市委会');
const Z1 = org('z1', '总支', 'c1');
const A = org('a', '支部', 'z1');
const B = org('b', '支部', 'z1');
const C2 = org('c2', '市委会');
const D = org('d', '支部', 'c2');
const ORGS = [C1, Z1, A, B, C2, D];
const people = [member('1', 'a'), member('2', 'a'), member('3', 'b'), member('4', 'd', { roles: ['市政协委员'] })];

describe('unit sheets', () => {
  const r = rubric(`${head}units:
  - id: city
    name: 市委会考核
    types: [市委会, 总支]
    total: 100
    grades: [ { name: 好, min: 30 }, { name: 一般, min: 0 } ]
    sections:
      - name: 本级
        items:
          - { id: u-own, name: 本级组织生活, measure: count, scope: own, where: { type: 组织生活 }, points: 5 }
          - { id: u-all, name: 全部社情民意, measure: count, where: { type: 社情民意 }, points: 2 }
          - { id: u-cov, name: 会员报送覆盖率, measure: coverage, where: { type: 社情民意 }, points: 10 }
      - name: 所属支部
        items:
          - { id: u-mean, name: 支部平均分, measure: rollup, rollup: { how: mean }, points: 1 }
          - { id: u-good, name: 优秀支部数, measure: rollup, rollup: { how: count, grade: 优秀 }, points: 3 }
          - { id: u-panel, name: 考评, measure: manual, max: 10 }
`);
  const recs = [
    act('组织生活', 'c1'), act('组织生活', 'c1'), act('组织生活', 'z1'), act('组织生活', 'a'), // own: c1 2, z1 1
    act('社情民意', 'a', ['1']), act('社情民意', 'b', ['3']), act('社情民意', 'z1', ['1']), act('社情民意', 'c1'), act('社情民意', 'd', ['4']),
    act('提案', 'a'), act('提案', 'a'), act('提案', 'b'), act('提案', 'd'), act('提案', 'd'), act('提案', 'd'),
  ];
  const { units } = scoreAll(ORGS, people, recs, r, [assessment('c1', 'u-panel', '8')]);
  const by = Object.fromEntries(units[0]!.map((u) => [u.unit.id, u]));
  const item = (u: string, id: string): string => by[u]!.sections.flatMap((s) => s.items).find((i) => i.item.id === id)!.points.toFixed(2);

  it('lists the units of the types in tree order', () => {
    expect(units[0]!.map((u) => u.unit.id)).toEqual(['c1', 'z1', 'c2']);
  });

  it('own records land on the unit itself; subtree records on it and every unit above', () => {
    expect([item('c1', 'u-own'), item('z1', 'u-own'), item('c2', 'u-own')]).toEqual(['10.00', '5.00', '0.00']);
    // 社情民意: c1 sees a, b, z1 and its own (4); z1 sees a, b and its own (3); c2 sees d (1).
    expect([item('c1', 'u-all'), item('z1', 'u-all'), item('c2', 'u-all')]).toEqual(['8.00', '6.00', '2.00']);
  });

  it('a unit\'s members are the active members of the branches under it', () => {
    // c1: members 1, 2, 3, of whom 1 and 3 reported: 2/3 × 10; c2: member 4 reported.
    expect([item('c1', 'u-cov'), item('c2', 'u-cov')]).toEqual(['6.67', '10.00']);
  });

  it('roll-ups read the branch sheet: the mean of the totals, the branches of a grade', () => {
    // Branch totals: a 20 (优秀), b 10, d 30 (优秀). c1 and z1: mean 15, one 优秀; c2: 30, one.
    expect([item('c1', 'u-mean'), item('z1', 'u-mean'), item('c2', 'u-mean')]).toEqual(['15.00', '15.00', '30.00']);
    expect([item('c1', 'u-good'), item('c2', 'u-good')]).toEqual(['3.00', '3.00']);
  });

  it('manual points come from rows naming the unit; totals, grades and ranks are the sheet\'s own', () => {
    expect(item('c1', 'u-panel')).toBe('8.00');
    // c1: 10 + 8 + 6.67 + 15 + 3 + 8 = 50.67; z1: 5 + 6 + 6.67 + 15 + 3 = 35.67; c2: 0 + 2 + 10 + 30 + 3 = 45.
    expect(units[0]!.map((u) => [u.unit.id, u.total.toFixed(2), u.grade, u.rank])).toEqual([['c1', '50.67', '好', 1], ['z1', '35.67', '好', 3], ['c2', '45.00', '好', 2]]);
  });
});

describe('a unit sheet\'s item measured by an earlier year', () => {
  it('takes the unit\'s total of that year on the same sheet, × points', () => {
    const r = rubric(`${head}units:
  - id: city
    name: 市委会考核
    types: [市委会]
    total: 100
    grades: [ { name: 合格, min: 0 } ]
    sections:
      - name: 上年
        items:
          - { id: u-last, name: 上年总分, measure: earlier, points: 0.1 }
`);
    const all = [ROOT, ...ORGS];
    const scope = makeScope(all, people, 2019);
    const vocab = VOCAB();
    const branchCounts = new ScoreCounts(scope, r, vocab);
    const sheet = r.units[0]!;
    const layout = unitLayout(scope, sheet);
    const last = { total: Rational.parse('87.5'), sections: [] } as unknown as SheetScore;
    const years = new Map<number, EarlierYear | undefined>([[2018, { sheet: (id) => (id === 'city' ? new Map([['c1', last]]) : undefined) }]]);
    const scores = scoreUnits(scope, r, layout, [], scoreBranches(scope, r, branchCounts, []), [], earlierOf(2019, 'city', years));
    expect(scores.map((u) => [u.unit.id, u.total.toFixed(2)])).toEqual([['c1', '8.75'], ['c2', '0.00']]);
  });
});

describe('the member sheet', () => {
  const r = rubric(`${head}members:
  name: 会员考核
  total: 100
  grades: [ { name: 优秀会员, min: 10, quota: 0.5 }, { name: 合格, min: 0 } ]
  sections:
    - name: 履职
      items:
        - { id: m-lead, name: 主笔, measure: count, where: { type: 提案 }, role: lead, points: 15 }
        - { id: m-co, name: 参与, measure: count, where: { type: 提案 }, role: co, points: 3 }
        - { id: m-split, name: 均摊, measure: count, where: { type: 社情民意 }, split: true, points: 6 }
        - { id: m-half, name: 折半, measure: count, where: { type: 调研 }, split: lead-half, points: 8 }
    - name: 纪律
      min: 0
      items:
        - { id: m-base, name: 基础分, measure: manual, max: 10 }
        - { id: m-absent, name: 无故缺席, measure: absences, where: { type: 组织生活 }, excused: { type: 组织生活, tags: 请假 }, points: -4 }
`);
  const recs = [
    act('提案', 'a', ['1', '2']), act('提案', 'a', ['2']), // lead: 1 once, 2 once; co: 2 once
    act('社情民意', 'a', ['1', '2', '3']), // each 1/3 × 6 = 2
    act('调研', 'a', ['1', '2', '3']), act('调研', 'a', ['3']), // lead ½, others ¼ each; alone: all
    // Branch a's meetings: three; member 1 attends all; 2 attends one, is excused once; the leave record is no meeting.
    act('组织生活', 'a', ['1', '2'], { date: 20190301 }), act('组织生活', 'a', ['1'], { date: 20190601 }), act('组织生活', 'a', ['1'], { date: 20190901 }),
    act('组织生活', 'a', ['2'], { date: 20190601, tags: ['请假'] }),
  ];
  const rows = [assessment('a', 'm-base', '10'), assessment('b', 'm-base', '10')].map((x, i) => ({ ...x, member: ['1', '3'][i]! }));
  const { members } = scoreAll(ORGS, people, recs, r, rows);
  const by = Object.fromEntries(members!.map((m) => [m.member.id, m]));
  const item = (m: string, id: string): string => by[m]!.sections.flatMap((s) => s.items).find((i) => i.item.id === id)!.points.toFixed(2);

  it('roles: the lead (主笔) and the others (参与)', () => {
    expect([item('1', 'm-lead'), item('2', 'm-lead'), item('1', 'm-co'), item('2', 'm-co')]).toEqual(['15.00', '15.00', '0.00', '3.00']);
  });

  it('shared credit: equally, or half to the lead and the rest equally (all to one alone)', () => {
    expect([item('1', 'm-split'), item('2', 'm-split'), item('3', 'm-split')]).toEqual(['2.00', '2.00', '2.00']);
    // 调研 1: member 1 ½ × 8 = 4, members 2 and 3 ¼ × 8 = 2; 调研 2: member 3 alone, 8.
    expect([item('1', 'm-half'), item('2', 'm-half'), item('3', 'm-half')]).toEqual(['4.00', '2.00', '10.00']);
  });

  it('absences: the branch\'s meetings while on the roster, less those attended and those excused; the floor holds the section', () => {
    expect([item('1', 'm-absent'), item('2', 'm-absent'), item('3', 'm-absent')]).toEqual(['0.00', '-4.00', '0.00']);
    // Member 2: no 基础分 row: 0 − 4 stops at the section's floor of 0.
    expect(by['2']!.sections[1]!.subtotal.toFixed(2)).toBe('0.00');
    expect(by['1']!.sections[1]!.subtotal.toFixed(2)).toBe('10.00');
  });

  it('grades and quotas among the members: at most half of the 4 are 优秀会员, and the two tied at the cut fall together', () => {
    // Totals: 1: 15 + 2 + 4 + 10 = 31; 2: 15 + 3 + 2 + 2 + 0 = 22; 3: 2 + 10 + 10 = 22; 4: 0.
    expect(members!.map((m) => [m.member.id, m.total.toFixed(2), m.grade, m.quotaFell, m.rank])).toEqual([
      ['1', '31.00', '优秀会员', false, 1], ['2', '22.00', '合格', true, 2], ['3', '22.00', '合格', true, 2], ['4', '0.00', '合格', false, 4],
    ]);
  });
});

describe('per-group quotas, top N, ties', () => {
  const sc = (total: string) => ({ gradeIndex: 0, total: Rational.parse(total), sections: [] });
  const grades = (line: string) => rubric(`title: t
total: 100
grades: [ ${line}, { name: 合格, min: 0 } ]
sections: [ { name: s, items: [ { id: x, name: x, measure: manual, max: 100 } ] } ]
`);
  it('quota_per: each group by its own size', () => {
    const r = grades('{ name: 优秀, min: 0, quota: 1/3, quota_per: 市委会 }');
    const group = (_: string, i: number) => (i < 3 ? 'c1' : 'c2');
    const out = assignGrades(r, ['90', '80', '70', '95', '85', '75'].map(sc), group).map((g) => g.grade);
    expect(out).toEqual(['优秀', '合格', '合格', '优秀', '合格', '合格']);
  });
  it('top: at most N, whatever the quota would allow', () => {
    const r = grades('{ name: 优秀, min: 0, quota: 1, top: 2 }');
    expect(assignGrades(r, ['90', '80', '70', '95'].map(sc)).map((g) => g.grade)).toEqual(['优秀', '合格', '合格', '优秀']);
  });
  it('ties: fall (the default) drops everyone tied at the cut; keep keeps everyone tied with the last place', () => {
    const fall = grades('{ name: 优秀, min: 0, top: 2 }');
    const keep = grades('{ name: 优秀, min: 0, top: 2, ties: keep }');
    const totals = ['90', '80', '80', '70'].map(sc);
    expect(assignGrades(fall, totals).map((g) => g.grade)).toEqual(['优秀', '合格', '合格', '合格']);
    expect(assignGrades(keep, totals).map((g) => g.grade)).toEqual(['优秀', '优秀', '优秀', '合格']);
  });
});
