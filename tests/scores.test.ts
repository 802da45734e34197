// scoreBranches against hand-computed expectations: every measure, cap, tier, veto, quota and
// rounding rule of spec §1 "rubrics" and "Counting rules".

import { describe, expect, it } from 'vitest';
import { ScoreCounts } from '../src/compute/score-counts.js';
import { makeScope } from '../src/compute/scope.js';
import { assignGrades, rankByTotal, scoreBranches, type BranchScore } from '../src/compute/scores.js';
import type { Rubric } from '../src/model/rubric.js';
import type { Activity, Assessment, Member, Org } from '../src/model/types.js';
import { Rational } from '../src/util/decimal-text.js';
import { act, assessment, feed, member, oneSection, org, ROOT, rubric, VOCAB } from './helpers/builders.js';

function score(orgs: Org[], members: Member[], records: Activity[], r: Rubric, assessments: Assessment[] = []): BranchScore[] {
  const all = [ROOT, ...orgs];
  const scope = makeScope(all, members, r.year);
  const vocab = VOCAB();
  const counts = new ScoreCounts(scope, r, vocab);
  feed((v) => counts.visit(v), records, all, members, vocab);
  return scoreBranches(scope, r, counts, assessments);
}
const pts = (s: BranchScore, id: string): string => s.sections.flatMap((x) => x.items).find((i) => i.item.id === id)!.points.toFixed(2);
const total = (s: BranchScore): string => s.total.toFixed(2);

const A = org('a');
const B = org('b');
const five = ['1', '2', '3', '4', '5'].map((id) => member(id, 'a'));

describe('measures', () => {
  it('count: the branch\'s matching records × points, held at max', () => {
    const r = oneSection(`      - { id: p, name: 提案, measure: count, where: { type: [提案, 建议] }, points: 5, max: 15 }`);
    const recs = [act('提案', 'a'), act('建议', 'a'), act('社情民意', 'a'), act('提案', 'b')];
    expect(pts(score([A, B], five, recs, r)[0]!, 'p')).toBe('10.00');
    const many = [1, 2, 3, 4].map(() => act('提案', 'a'));
    const s = score([A], five, many, r)[0]!;
    expect(pts(s, 'p')).toBe('15.00');
    expect(s.sections[0]!.items[0]!.cappedBy).toBe('max');
  });

  it('count: outcomes match when the record lists the phrase', () => {
    const r = oneSection(`      - { id: n, name: 全国, measure: count, where: { type: 社情民意, outcomes: [全国政协转送, 全国政协单篇采用] }, points: 5 }`);
    const recs = [
      act('社情民意', 'a', [], { outcomes: ['省委会采用', '全国政协转送'] }),
      act('社情民意', 'a', [], { outcomes: ['全国政协单篇采用', '全国政协转送'] }),
      act('社情民意', 'a', [], { outcomes: ['省委会采用'] }),
    ];
    expect(pts(score([A], five, recs, r)[0]!, 'n')).toBe('10.00');
  });

  it('members: distinct active members with at least at_least records of their own, wherever credited', () => {
    const r = oneSection(`      - { id: m, name: 人数, measure: members, at_least: 2, where: { type: 社情民意 }, points: 1 }`);
    const recs = [
      act('社情民意', 'a', ['1']), act('社情民意', 'b', ['1']), // member 1: two records, one credited elsewhere
      act('社情民意', 'a', ['2']), // member 2: one
      act('社情民意', 'a', ['3', '3']), // listed twice in one record: still one record
    ];
    expect(pts(score([A, B], five, recs, r)[0]!, 'm')).toBe('1.00');
  });

  it('coverage: qualifying members ÷ active members; 0 for a branch with none', () => {
    const r = oneSection(`      - { id: c, name: 覆盖率, measure: coverage, where: { type: 社情民意 }, points: 20 }`);
    const left = member('6', 'a', { status: '退会', left: 20190301 });
    const recs = [act('社情民意', 'a', ['1']), act('社情民意', 'a', ['2']), act('社情民意', 'a', ['6'], { date: 20190201 })];
    const [a, b] = score([A, B], [...five, left], recs, r);
    expect(pts(a!, 'c')).toBe('8.00'); // 2 of 5 active (6 left) × 20
    expect(pts(b!, 'c')).toBe('0.00');
  });

  it('sum: exact decimals, 0.1 + 0.2 = 0.3', () => {
    const r = oneSection(`      - { id: h, name: 学时, measure: sum, field: hours, where: { type: 培训 }, points: 1 }`);
    const recs = [act('培训', 'a', [], { hours: '0.1' }), act('培训', 'a', [], { hours: '0.2' }), act('培训', 'a', [])];
    const s = score([A], five, recs, r)[0]!;
    expect(s.sections[0]!.items[0]!.value.cmp(Rational.parse('0.3'))).toBe(0);
    expect(pts(s, 'h')).toBe('0.30');
  });

  it('attendance: mean over the records of listed active members ÷ active members', () => {
    const r = oneSection(`      - { id: t, name: 参加率, measure: attendance, where: { type: 组织生活 }, points: 10 }`);
    const outsider = member('9', 'b');
    const recs = [
      act('组织生活', 'a', ['1', '2', '3', '4', '5']), // 5/5
      act('组织生活', 'a', ['1', '1', '9']), // 1/5: duplicates once, other branch's member not counted
    ];
    const s = score([A, B], [...five, outsider], recs, r)[0]!;
    expect(s.sections[0]!.items[0]!.value.cmp(Rational.of(3n, 5n))).toBe(0);
    expect(pts(s, 't')).toBe('6.00');
    expect(pts(score([A, B], [...five, outsider], [], r)[0]!, 't')).toBe('0.00');
  });

  it('manual: the panel\'s points, 0 without a row', () => {
    const r = oneSection(`      - { id: k, name: 考评, measure: manual, max: 10 }`);
    const [a, b] = score([A, B], five, [], r, [assessment('a', 'k', '7.5')]);
    expect(pts(a!, 'k')).toBe('7.50');
    expect(pts(b!, 'k')).toBe('0.00');
  });
});

describe('points', () => {
  it('tiers: the highest tier reached wins, 0 below the first', () => {
    const r = oneSection(`      - { id: g, name: 组织生活, measure: count, where: { type: 组织生活 }, tiers: [ { at_least: 4, points: 8 }, { at_least: 2, points: 4 } ] }`);
    const n = (k: number) => Array.from({ length: k }, () => act('组织生活', 'a'));
    expect(pts(score([A], five, n(1), r)[0]!, 'g')).toBe('0.00');
    expect(pts(score([A], five, n(3), r)[0]!, 'g')).toBe('4.00');
    expect(pts(score([A], five, n(9), r)[0]!, 'g')).toBe('8.00');
  });

  it('deductions: tiers reaching below zero, held at min', () => {
    const r = oneSection(`      - { id: d, name: 未开展, measure: count, where: { type: 社会服务 }, tiers: [ { at_least: 0, points: -8 }, { at_least: 1, points: 0 } ], min: -5 }`);
    const s = score([A], five, [], r)[0]!;
    expect(pts(s, 'd')).toBe('-5.00');
    expect(total(s)).toBe('-5.00');
    expect(s.deduction.toFixed(2)).toBe('-5.00');
  });

  it('rounds once, half away from zero: 2/3 × 20 shows 13.33, three of them total 40.00', () => {
    const three = ['1', '2', '3'].map((id) => member(id, 'a'));
    const r = oneSection(`      - { id: c1, name: 甲, measure: coverage, where: { type: 社情民意 }, points: 20 }
      - { id: c2, name: 乙, measure: coverage, where: { type: 社会服务 }, points: 20 }
      - { id: c3, name: 丙, measure: coverage, where: { type: 学习 }, points: 20 }`);
    const recs = ['社情民意', '社会服务', '学习'].flatMap((t) => [act(t as '学习', 'a', ['1']), act(t as '学习', 'a', ['2'])]);
    const s = score([A], three, recs, r)[0]!;
    expect(pts(s, 'c1')).toBe('13.33');
    expect(total(s)).toBe('40.00'); // not 39.99: the total is exact, rounded once
  });
});

describe('sections and totals', () => {
  const r = rubric(`title: t
total: 30
grades: [ { name: 好, min: 20 }, { name: 差, min: 0 } ]
sections:
  - name: 甲
    max: 10
    items:
      - { id: a1, name: a1, measure: count, where: { type: 提案 }, points: 4 }
      - { id: a2, name: a2, measure: count, where: { type: 社会服务 }, tiers: [ { at_least: 0, points: -2 }, { at_least: 1, points: 0 } ] }
  - name: 乙
    max: 25
    items:
      - { id: b1, name: b1, measure: count, where: { type: 学习 }, points: 5 }
  - name: 加分
    bonus: true
    max: 3
    items:
      - { id: c1, name: c1, measure: count, where: { type: 宣传 }, points: 2 }
`);

  it('caps hold the positive points; deductions always bite', () => {
    const recs = [...[1, 2, 3].map(() => act('提案', 'a'))]; // 12 → capped 10; no service: −2
    const s = score([A], five, recs, r)[0]!;
    expect(s.sections[0]!.capped.toFixed(2)).toBe('10.00');
    expect(s.sections[0]!.subtotal.toFixed(2)).toBe('8.00');
  });

  it('holds the base sections together at total, then adds deductions and bonus', () => {
    const recs = [
      ...[1, 2, 3].map(() => act('提案', 'a')), // 甲 10 (capped), −2
      ...[1, 2, 3, 4, 5, 6].map(() => act('学习', 'a')), // 乙 30 → 25
      ...[1, 2].map(() => act('宣传', 'a')), // bonus 4 → 3
    ];
    const s = score([A], five, recs, r)[0]!;
    expect([s.base.toFixed(2), s.baseCapped, s.deduction.toFixed(2), s.bonus.toFixed(2), total(s)]).toEqual(['30.00', true, '-2.00', '3.00', '31.00']);
  });
});

describe('grades, vetoes, quotas, ranks', () => {
  it('takes the first band reached, else the last band', () => {
    const r = rubric(`title: t
total: 100
grades: [ { name: 优秀, min: 90 }, { name: 合格, min: 60 } ]
sections: [ { name: s, items: [ { id: x, name: x, measure: manual, max: 100 } ] } ]
`);
    const [a, b] = score([A, B], five, [], r, [assessment('a', 'x', '90'), assessment('b', 'x', '59.99')]);
    expect([a!.grade, b!.grade]).toEqual(['优秀', '合格']);
  });

  it('a veto caps the grade and is named; three ones need every active member', () => {
    const r = rubric(`title: t
total: 100
grades: [ { name: 优秀, min: 90 }, { name: 良好, min: 80 }, { name: 合格, min: 60 }, { name: 不合格, min: 0 } ]
sections:
  - name: s
    items:
      - { id: x, name: x, measure: manual, max: 100 }
      - { id: meet, name: 组织生活, measure: count, where: { type: 组织生活 }, points: 1 }
vetoes:
  - { when: three_ones_incomplete, max_grade: 良好 }
  - { when: { item: meet, below: 1 }, max_grade: 合格 }
`);
    const complete = [act('提案', 'a'), act('社会服务', 'a'), act('组织生活', 'a'), ...five.map((m) => act('社情民意', 'b', [m.id]))];
    const [a] = score([A, B], five, complete, r, [assessment('a', 'x', '95')]);
    expect([a!.grade, a!.veto, a!.threeOnes.complete]).toEqual(['优秀', undefined, true]);
    const missingOne = complete.filter((x) => !(x.type === '社情民意' && x.members[0] === '5'));
    const [b] = score([A, B], five, missingOne, r, [assessment('a', 'x', '95')]);
    expect([b!.gradeByTotal, b!.grade, b!.veto?.maxGrade, b!.threeOnes.covered]).toEqual(['优秀', '良好', '良好', 4]);
    const noMeeting = missingOne.filter((x) => x.type !== '组织生活');
    const [c] = score([A, B], five, noMeeting, r, [assessment('a', 'x', '95')]);
    expect([c!.grade, c!.veto?.maxGrade]).toEqual(['合格', '合格']);
    const [, empty] = score([A, B], five, complete, r);
    expect(empty!.threeOnes.complete).toBe(false); // branch b has no active member
  });

  it('quota: at most ⌊quota × branches⌋; ties at the cut fall together, and the next quota applies', () => {
    const r = rubric(`title: t
total: 100
grades: [ { name: 优秀, min: 90, quota: 0.4 }, { name: 良好, min: 80, quota: 0.2 }, { name: 合格, min: 0 } ]
sections: [ { name: s, items: [ { id: x, name: x, measure: manual, max: 100 } ] } ]
`);
    const sc = (gradeIndex: number, t: string) => ({ gradeIndex, total: Rational.parse(t), threeOnes: { proposal: true, service: true, covered: 1, active: 1, complete: true }, sections: [] });
    // 5 branches: 优秀 allowed ⌊0.4×5⌋ = 2, 良好 ⌊0.2×5⌋ = 1.
    const grades = assignGrades(r, [sc(0, '99'), sc(0, '95'), sc(0, '95'), sc(1, '85'), sc(2, '10')]).map((g) => [g.grade, g.quotaFell]);
    // The two 95s tie at the cut of 优秀 and fall together; 良好 then holds 95, 95, 85 with room
    // for 1: the 95s tie at the cut again and fall together with the 85 below them.
    expect(grades).toEqual([['优秀', false], ['合格', true], ['合格', true], ['合格', true], ['合格', false]]);
  });

  it('ranks: ties share a rank (1, 2, 2, 4)', () => {
    expect(rankByTotal(['90', '80', '95', '80'].map(Rational.parse))).toEqual([2, 3, 1, 3]);
    expect(rankByTotal(['1', '1', '1'].map(Rational.parse))).toEqual([1, 1, 1]);
  });
});

describe('"三个一" override', () => {
  it('uses the rubric\'s three_ones definitions when given', () => {
    const r = rubric(`title: t
total: 100
grades: [ { name: 好, min: 0 } ]
sections: [ { name: s, items: [ { id: x, name: x, measure: manual, max: 1 } ] } ]
three_ones:
  proposal: { type: 提案 }
  service: { type: [社会服务, 调研] }
  member_info: { type: [社情民意, 建议] }
`);
    const members = [member('1', 'a')];
    const [withSuggestion] = score([A], members, [act('建议', 'a', ['1']), act('调研', 'a')], r);
    expect(withSuggestion!.threeOnes).toMatchObject({ proposal: false, service: true, covered: 1, complete: false });
    const [done] = score([A], members, [act('提案', 'a'), act('调研', 'a'), act('建议', 'b', ['1'])], r);
    expect(done!.threeOnes.complete).toBe(true);
  });
});

describe('branches of a year', () => {
  it('leaves out branches established after the year or dissolved before it', () => {
    const r = oneSection(`      - { id: p, name: 提案, measure: count, where: { type: 提案 }, points: 1 }`);
    const orgs = [org('a'), org('late', '支部', 'root', { established: 20200101 }), org('gone', '支部', 'root', { dissolved: 20181231 }), org('mid', '支部', 'root', { dissolved: 20190630 })];
    expect(score(orgs, [], [], r).map((s) => s.branch.id)).toEqual(['a', 'mid']);
  });
});

// Edges that mutation testing showed were not pinned down.
describe('edges', () => {
  const q = (gradeIndex: number, t: string) => ({ gradeIndex, total: Rational.parse(t), threeOnes: { proposal: true, service: true, covered: 1, active: 1, complete: true }, sections: [] });
  const quotaRubric = (quotas: string) => rubric(`title: t
total: 100
grades: ${quotas}
sections: [ { name: s, items: [ { id: x, name: x, measure: manual, max: 100 } ] } ]
`);

  it('a member listed twice on a record counts once, on short and long lists alike', () => {
    const r = oneSection(`      - { id: who, name: 人数, measure: members, where: { type: 组织生活 }, points: 1 }
      - { id: att, name: 参加率, measure: attendance, where: { type: 组织生活 }, points: 10 }`, `member_items:
  - { id: m, name: 次数, measure: count, where: { type: 组织生活 }, points: 1 }`);
    for (const list of [['1', '2', '1'], ['1', '2', '3', '4', '5', '1', '2', '3', '4', '5']]) {
      const s = score([A], five, [act('组织生活', 'a', list)], r)[0]!;
      const distinct = new Set(list).size;
      expect(s.sections[0]!.items.map((i) => i.points.toFixed(2))).toEqual([`${distinct}.00`, (distinct * 2).toFixed(2)]);
    }
  });

  it('"三个一" coverage asks only members active at year end: one who left without reporting does not hold it back', () => {
    const r = oneSection(`      - { id: cov, name: 覆盖率, measure: coverage, where: { type: 社情民意 }, points: 10 }`);
    const members = [member('1', 'a'), member('2', 'a', { status: '退会', left: 20190301 })];
    const s = score([A], members, [act('社情民意', 'a', ['1']), act('提案', 'a', ['1']), act('社会服务', 'a', ['1'])], r)[0]!;
    expect(s.threeOnes).toMatchObject({ covered: 1, active: 1, complete: true });
    expect(s.sections[0]!.items[0]!.points.toFixed(2)).toBe('10.00');
  });

  it('min: a deduction held at its floor says so; one landing on the floor exactly is not "capped"', () => {
    const r = oneSection(`      - { id: d, name: 缺席, measure: count, where: { type: 组织生活 }, points: -5, min: -10 }`);
    const three = score([A], five, [1, 2, 3].map(() => act('组织生活', 'a')), r)[0]!.sections[0]!.items[0]!;
    expect([three.raw.toFixed(2), three.points.toFixed(2), three.cappedBy]).toEqual(['-15.00', '-10.00', 'min']);
    const two = score([A], five, [1, 2].map(() => act('组织生活', 'a')), r)[0]!.sections[0]!.items[0]!;
    expect([two.points.toFixed(2), two.cappedBy]).toEqual(['-10.00', undefined]);
  });

  it('the base is capped at the total only when it goes past it', () => {
    const r = rubric(`title: t
total: 10
grades: [ { name: 好, min: 0 } ]
sections: [ { name: s, items: [ { id: x, name: x, measure: manual, max: 20 } ] } ]
`);
    const [exact] = score([A], five, [], r, [assessment('a', 'x', '10')]);
    expect([exact!.base.toFixed(2), exact!.baseCapped]).toEqual(['10.00', false]);
    const [over] = score([A], five, [], r, [assessment('a', 'x', '11')]);
    expect([over!.base.toFixed(2), over!.baseCapped, over!.total.toFixed(2)]).toEqual(['10.00', true, '10.00']);
  });

  it('"三个一": no service record means not complete; a branch with no active member is never complete', () => {
    const r = oneSection(`      - { id: x, name: x, measure: manual, max: 100 }`);
    const [noService] = score([A], five, [act('提案', 'a'), ...five.map((m) => act('社情民意', 'a', [m.id]))], r);
    expect([noService!.threeOnes.proposal, noService!.threeOnes.service, noService!.threeOnes.complete]).toEqual([true, false, false]);
    const [, empty] = score([A, B], five, [act('提案', 'b'), act('社会服务', 'b')], r);
    expect(empty!.threeOnes).toMatchObject({ proposal: true, service: true, covered: 0, active: 0, complete: false });
  });

  it('a veto is named only when it lowered the grade', () => {
    const r = rubric(`title: t
total: 100
grades: [ { name: 优秀, min: 90 }, { name: 合格, min: 60 }, { name: 不合格, min: 0 } ]
sections: [ { name: s, items: [ { id: x, name: x, measure: manual, max: 100 } ] } ]
vetoes: [ { when: three_ones_incomplete, max_grade: 合格 } ]
`);
    const [low, high] = score([A, B], five, [], r, [assessment('a', 'x', '70'), assessment('b', 'x', '95')]);
    expect([low!.grade, low!.veto]).toEqual(['合格', undefined]);
    expect([high!.grade, high!.veto?.maxGrade]).toEqual(['合格', '合格']);
  });

  it('quota: exactly as many holders as allowed keep their grade', () => {
    const r = quotaRubric('[ { name: 优秀, min: 90, quota: 0.5 }, { name: 合格, min: 0 } ]');
    expect(assignGrades(r, [q(0, '95'), q(0, '91'), q(1, '50'), q(1, '40')]).map((g) => g.grade)).toEqual(['优秀', '优秀', '合格', '合格']);
  });

  it('quota: the highest totals keep the grade whatever the file order', () => {
    const r = quotaRubric('[ { name: 优秀, min: 90, quota: 0.34 }, { name: 合格, min: 0 } ]');
    expect(assignGrades(r, [q(0, '91'), q(0, '99'), q(0, '95')]).map((g) => [g.grade, g.quotaFell])).toEqual([['合格', true], ['优秀', false], ['合格', true]]);
  });

  it('quota: a quota on the last grade is ignored (there is nowhere to fall)', () => {
    const r = quotaRubric('[ { name: 优秀, min: 90 }, { name: 合格, min: 0, quota: 0 } ]');
    expect(assignGrades(r, [q(1, '50'), q(1, '40')]).map((g) => [g.grade, g.quotaFell])).toEqual([['合格', false], ['合格', false]]);
  });
});
