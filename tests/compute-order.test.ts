// Orders and corners of compute/ on their own: ties broken the same way whatever order the rows
// came in (inspections by start, id, finding, line; the records of an explanation by date, id),
// grades that need one of several requirements, an earlier year without the sheet asked for.

import { describe, expect, it } from 'vitest';
import { describeEarlier, earlierOf } from '../src/compute/earlier.js';
import { isOrgOfYear } from '../src/compute/liaison.js';
import { addStructure, zeroRoster } from '../src/compute/roster.js';
import { inspectionsAsOf } from '../src/compute/inspections.js';
import { ancestorOfType, assignGrades, gradeOf } from '../src/compute/scores.js';
import type { Inspection, Rectification } from '../src/model/practices.js';
import type { Grade } from '../src/model/rubric.js';
import { Rational } from '../src/util/decimal-text.js';
import { member, org, ROOT, rubric } from './helpers/builders.js';

const origin = (line: number) => ({ file: 'practices/findings.csv', line, column: 1 });

describe('inspections: the measures in order of inspection start, inspection id, finding, line, whatever order they were written in', () => {
  const ins = (id: string, start: number): Inspection => ({ id, target: 'c1', start, end: undefined, team: [], talks: undefined, note: undefined, origin: origin(1) });
  const m = (inspection: string, finding: string, line: number, done?: number): Rectification => ({
    inspection, finding, category: '其他', problem: undefined, measure: `${inspection}-${finding}-${line}`, deadline: 20190630, done, origin: origin(line),
  });
  const inspections = [ins('B', 20190301), ins('A', 20190301), ins('C', 20190101)];
  const rows = [m('B', 'W2', 9), m('A', 'W1', 8), m('B', 'W1', 7), m('C', 'W9', 6), m('B', 'W1', 5, 20190601), m('A', 'W1', 4)];
  const orgs = [ROOT, org('c1', '市委会', 'root')];
  const order = (list: readonly Rectification[]) => inspectionsAsOf(inspections, list, orgs, 2019, 20191231).measures.map((s) => s.measure.measure);

  it('is the same order for the rows in any order', () => {
    const expected = ['C-W9-6', 'A-W1-4', 'A-W1-8', 'B-W1-5', 'B-W1-7', 'B-W2-9'];
    expect(order(rows)).toEqual(expected);
    expect(order([...rows].reverse())).toEqual(expected);
    expect(order([rows[2]!, rows[0]!, rows[4]!, rows[1]!, rows[5]!, rows[3]!])).toEqual(expected);
  });

  it('counts per committee: findings, measures done, open and overdue on the day', () => {
    const r = inspectionsAsOf(inspections, rows, orgs, 2019, 20190701);
    expect(r.committees.map((c) => ({ org: c.org.id, inspections: c.inspections, findings: c.findings, measures: c.measures, done: c.done, open: c.open, overdue: c.overdue })))
      .toEqual([{ org: 'c1', inspections: 3, findings: 4, measures: 6, done: 1, open: 5, overdue: 5 }]);
    const late = r.measures.find((s) => s.measure.measure === 'A-W1-4')!;
    expect([late.done, late.overdue, late.daysLate]).toEqual([false, true, 1]);
    expect(r.measures.find((s) => s.measure.measure === 'B-W1-5')!.daysLate).toBe(0);
  });
});

describe('grades that need requirements', () => {
  const g = (name: string, min: number, requires: string[] = [], requiresAny: string[] = []): Grade => ({
    name, min: Rational.int(min), quota: undefined, quotaPer: undefined, top: undefined, ties: 'fall', requires, requiresAny,
  } as Grade);
  const grades = [g('优秀', 90, ['a'], ['x', 'y']), g('良好', 75, [], ['y']), g('合格', 60, ['a']), g('不合格', 0)];
  const met = (ids: string[]) => (r: string) => ids.includes(r);

  it('the first band reached whose every requirement and one of its any-requirements is met; else the last', () => {
    expect(gradeOf(grades, Rational.int(95), met(['a', 'x']))).toBe(0);
    expect(gradeOf(grades, Rational.int(95), met(['a', 'y']))).toBe(0);
    expect(gradeOf(grades, Rational.int(95), met(['a']))).toBe(2); // neither x nor y: not 优秀; not y: not 良好
    expect(gradeOf(grades, Rational.int(95), met(['x', 'y']))).toBe(1); // a missing: not 优秀, and not 合格
    expect(gradeOf(grades, Rational.int(80), met(['y']))).toBe(1);
    expect(gradeOf(grades, Rational.int(70), met([]))).toBe(3);
    expect(gradeOf(grades, Rational.int(90), met(['a', 'x']))).toBe(0);
    expect(gradeOf(grades, Rational.int(-5))).toBe(3);
  });
});

describe('a veto whose item is not on the sheet scored', () => {
  it('caps nothing (validation reports the unknown item; scoring never fails on it)', () => {
    const g = (name: string, min: number): Grade => ({ name, min: Rational.int(min), quota: undefined, quotaPer: undefined, top: undefined, ties: 'fall', requires: [], requiresAny: [] } as Grade);
    const rules = {
      grades: [g('优秀', 90), g('合格', 0)],
      vetoes: [{ when: { kind: 'item' as const, item: 'elsewhere', below: Rational.int(1) }, maxGrade: '合格' }],
    };
    const out = assignGrades(rules, [{ gradeIndex: 0, total: Rational.int(95), sections: [] }]);
    expect(out.map((x) => [x.grade, x.veto])).toEqual([['优秀', undefined]]);
  });
});

describe('an item measured by an earlier year', () => {
  const R = rubric(`title: t
total: 100
grades: [{ name: 合格, min: 0 }]
sections:
  - name: 上年
    items:
      - { id: last, name: 上年总分, measure: earlier, points: 0.1 }
      - { id: last-item, name: 上年学习, measure: earlier, earlier: { of: study, years_back: "2" }, points: 1 }
`);
  const [last, lastItem] = R.sections[0]!.items;

  it('measures 0 where the earlier year has no such sheet, no such subject or no such item', () => {
    const none = earlierOf(2019, 'zz', new Map([[2018, { sheet: () => undefined }], [2017, { sheet: () => undefined }]]));
    expect(none('b1', last!).isZero()).toBe(true);
    expect(none('b1', lastItem!).isZero()).toBe(true);
    const empty = earlierOf(2019, '', new Map([[2018, { sheet: () => new Map() }]]));
    expect(empty('b1', last!).isZero()).toBe(true);
    expect(earlierOf(2019, '', new Map())('b1', last!).isZero()).toBe(true);
  });

  it('says which year and what, in both languages', () => {
    expect(describeEarlier(last!, 2019, 'zh')).toBe('上年度（2018 年）总分');
    expect(describeEarlier(last!, 2019, 'en')).toBe('the total of 2018 (last year)');
    expect(describeEarlier(lastItem!, 2019, 'zh')).toBe('2 年前（2017 年）“study”得分');
    expect(describeEarlier(lastItem!, 2019, 'en')).toBe('the points of "study" of 2017');
  });
});

describe('orgs of a year', () => {
  it('an org established by 31 December and not dissolved before 1 January is an org of the year', () => {
    const o = (established?: number, dissolved?: number) => ({ established, dissolved });
    expect(isOrgOfYear(o(), 2019)).toBe(true);
    expect(isOrgOfYear(o(20191231), 2019)).toBe(true);
    expect(isOrgOfYear(o(20200101), 2019)).toBe(false);
    expect(isOrgOfYear(o(undefined, 20190101), 2019)).toBe(true);
    expect(isOrgOfYear(o(undefined, 20190630), 2019)).toBe(true);
    expect(isOrgOfYear(o(undefined, 20181231), 2019)).toBe(false);
    expect(isOrgOfYear(o(20100101, 20200101), 2019)).toBe(true);
  });
});

describe('the org of a type above an org (a per-group quota\'s group)', () => {
  const orgs = new Map([['root', ROOT], ['c1', org('c1', '市委会', 'root')], ['z1', org('z1', '总支', 'c1')], ['b1', org('b1', '支部', 'z1')], ['z2', org('z2', '总支', 'root')], ['b2', org('b2', '支部', 'z2')], ['loop', org('loop', '总支', 'loop')]]);
  it('is the nearest at or above it; none when the walk reaches the top, leaves the tree or goes round', () => {
    expect(ancestorOfType(orgs, 'b1', '市委会')).toBe('c1');
    expect(ancestorOfType(orgs, 'c1', '市委会')).toBe('c1');
    expect(ancestorOfType(orgs, 'b1', '总支')).toBe('z1');
    expect(ancestorOfType(orgs, 'b2', '市委会')).toBeUndefined();
    expect(ancestorOfType(orgs, 'gone', '市委会')).toBeUndefined();
    expect(ancestorOfType(orgs, 'loop', '市委会')).toBeUndefined();
  });
});

describe('a member\'s structure on a day (addStructure)', () => {
  it('counts each column by its own rule: 汉 or 汉族 is no minority, an unknown age is its own column, ages at 40 and 60 fall in the lower band', () => {
    const c = zeroRoster();
    const add = (extra: Parameters<typeof member>[2]) => addStructure(c, member('x', 'b1', extra), 20191231);
    add({ ethnicity: '汉族', birth: 19791231 }); // 40 on the day
    add({ ethnicity: '汉', birth: 19591231, gender: '男' }); // 60
    add({ ethnicity: '回族', birth: 19581231, gender: '男' }); // 61: over 60
    add({ ethnicity: undefined, birth: undefined, title: '正高级', education: '研究生', degree: '博士', roles: ['省人大代表', '市政协委员'], sector: '高校' });
    expect([c.female, c.minority, c.ageUnknown, c.ageKnown, c.ageSum, c.le40, c.from41to60, c.over60]).toEqual([2, 1, 1, 3, 161, 1, 1, 1]);
    expect([c.full, c.associate, c.titleUnknown, c.postgrad, c.doctor, c.deputies, c.cppcc, c.sectorUnknown]).toEqual([1, 0, 3, 1, 1, 1, 1, 3]);
  });
});
