// The rubric language's extensions against hand-computed expectations: caps across items,
// section floors (扣完为止), weights of parts (平时 50% + 年度 50%), requirements without points
// (基本要求: 达标/未达标) in the table, in vetoes and as conditions of a grade, and quotas written
// as exact fractions (1/3).

import { describe, expect, it } from 'vitest';
import { ScoreCounts } from '../src/compute/score-counts.js';
import { makeScope } from '../src/compute/scope.js';
import { scoreBranches, type BranchScore } from '../src/compute/scores.js';
import type { Rubric } from '../src/model/rubric.js';
import type { Activity, Assessment, Member, Org } from '../src/model/types.js';
import { scoresTable } from '../src/tables/scores-table.js';
import { scoreForm } from '../src/tables/score-form.js';
import { rubricRules } from '../src/checks/rubric.js';
import { RUBRIC_SCHEMA } from '../src/schema/structured.js';
import { parseYamlFull } from '../src/source/yaml-full.js';
import { DEFAULT_YAML_LIMITS } from '../src/source/yaml.js';
import { explainBranch } from '../src/compute/explain.js';
import { explainDocument } from '../src/tables/explain-doc.js';
import { renderExplainText } from '../src/render/explain-text.js';
import { act, assessment, feed, member, org, ROOT, rubric, VOCAB } from './helpers/builders.js';

function score(orgs: Org[], members: Member[], records: Activity[], r: Rubric, assessments: Assessment[] = []): BranchScore[] {
  const all = [ROOT, ...orgs];
  const scope = makeScope(all, members, r.year);
  const vocab = VOCAB();
  const counts = new ScoreCounts(scope, r, vocab);
  feed((v) => counts.visit(v), records, all, members, vocab);
  return scoreBranches(scope, r, counts, assessments);
}
const pts = (s: BranchScore, id: string): string => s.sections.flatMap((x) => x.items).find((i) => i.item.id === id)!.points.toFixed(2);
const A = org('a');
const B = org('b');
const C = org('c');
const five = ['1', '2', '3', '4', '5'].map((id) => member(id, 'a'));
const times = (n: number, make: () => Activity): Activity[] => Array.from({ length: n }, make);

describe('caps across items', () => {
  const r = rubric(`title: t
total: 100
grades: [ { name: 好, min: 20 }, { name: 差, min: 0 } ]
sections:
  - name: 参政议政
    items:
      - { id: p, name: 提案, measure: count, where: { type: 提案 }, points: 4 }
      - { id: s, name: 社情民意, measure: count, where: { type: 社情民意 }, points: 3 }
  - name: 其他
    items:
      - { id: x, name: 宣传, measure: count, where: { type: 宣传 }, points: 2 }
      - { id: d1, name: 缺会, measure: count, where: { type: 学习 }, points: -2 }
      - { id: d2, name: 违纪, measure: count, where: { type: 培训 }, points: -3 }
caps:
  - { name: 参政议政类, items: [p, s, x], max: 15 }
  - { name: 扣分合计, items: [d1, d2], min: -5 }
`);

  it('lets points through in the listed order up to max, across sections; what is cut is cut from the items', () => {
    // p: 3 × 4 = 12; s: 2 × 3 = 6 → 3 left under the cap; x: 2 × 2 = 4 → 0 left.
    const recs = [...times(3, () => act('提案', 'a')), ...times(2, () => act('社情民意', 'a')), ...times(2, () => act('宣传', 'a'))];
    const s = score([A], five, recs, r)[0]!;
    expect([pts(s, 'p'), pts(s, 's'), pts(s, 'x')]).toEqual(['12.00', '3.00', '0.00']);
    const sItem = s.sections[0]!.items[1]!;
    expect([sItem.raw.toFixed(2), sItem.cappedBy, sItem.cap?.name]).toEqual(['6.00', 'cap', '参政议政类']);
    expect(s.sections[0]!.items[0]!.cappedBy).toBeUndefined();
    expect([s.sections[0]!.subtotal.toFixed(2), s.sections[1]!.subtotal.toFixed(2), s.total.toFixed(2)]).toEqual(['15.00', '0.00', '15.00']);
  });

  it('holds deductions together at min (扣完为止 for a group of items)', () => {
    // d1: 2 × −2 = −4; d2: 1 × −3 = −3 → only −1 left above −5.
    const recs = [...times(2, () => act('学习', 'a')), act('培训', 'a')];
    const s = score([A], five, recs, r)[0]!;
    expect([pts(s, 'd1'), pts(s, 'd2'), s.deduction.toFixed(2), s.total.toFixed(2)]).toEqual(['-4.00', '-1.00', '-5.00', '-5.00']);
  });

  it('under the cap nothing changes', () => {
    const s = score([A], five, [act('提案', 'a'), act('社情民意', 'a')], r)[0]!;
    expect([pts(s, 'p'), pts(s, 's')]).toEqual(['4.00', '3.00']);
    expect(s.sections[0]!.items.every((i) => i.cappedBy === undefined)).toBe(true);
  });
});

describe('section floors and weights', () => {
  const r = rubric(`title: t
total: 100
grades: [ { name: 好, min: 60 }, { name: 差, min: 0 } ]
sections:
  - name: 平时考核
    max: 100
    weight: 0.5
    items:
      - { id: m, name: 组织生活, measure: count, where: { type: 组织生活 }, points: 10 }
  - name: 年度考核
    max: 100
    weight: 0.5
    items:
      - { id: k, name: 考评组评价, measure: manual, max: 100 }
  - name: 会议纪律
    min: 0
    items:
      - { id: base, name: 基础分, measure: manual, max: 10 }
      - { id: absent, name: 缺席, measure: count, where: { type: 学习 }, points: -4 }
`);

  it('平时 50% + 年度 50%: each subtotal counts at its weight', () => {
    // 平时: 7 meetings × 10 = 70 → 35; 年度: 90 → 45; 纪律: 10 − 0 = 10. Total 90.
    const s = score([A], five, times(7, () => act('组织生活', 'a')), r, [assessment('a', 'k', '90'), assessment('a', 'base', '10')])[0]!;
    expect(s.sections.map((x) => [x.subtotal.toFixed(2), x.weighted.toFixed(2)])).toEqual([['70.00', '35.00'], ['90.00', '45.00'], ['10.00', '10.00']]);
    expect([s.base.toFixed(2), s.total.toFixed(2), s.grade]).toEqual(['90.00', '90.00', '好']);
  });

  it('a floor stops the deductions at the subtotal it names (扣完为止): 10 − 4 × 4 stays 0', () => {
    const s = score([A], five, times(4, () => act('学习', 'a')), r, [assessment('a', 'base', '10')])[0]!;
    const sec = s.sections[2]!;
    expect([sec.negative.toFixed(2), sec.deducted.toFixed(2), sec.subtotal.toFixed(2), s.deduction.toFixed(2)]).toEqual(['-16.00', '-10.00', '0.00', '-10.00']);
    expect(s.total.toFixed(2)).toBe('0.00');
  });

  it('a floor is not reached: the deductions count in full', () => {
    const s = score([A], five, times(2, () => act('学习', 'a')), r, [assessment('a', 'base', '10')])[0]!;
    expect([s.sections[2]!.deducted.toFixed(2), s.sections[2]!.subtotal.toFixed(2)]).toEqual(['-8.00', '2.00']);
  });

  it('the scores table shows each weighted part beside its subtotal', () => {
    const scores = score([A], five, [], r);
    const t = scoresTable({ datasetName: '', rubric: r, scores, orgById: new Map(), only: undefined, orgFilter: undefined, lang: 'zh' });
    expect(t.columns.map((c) => c.header)).toContain('平时考核折算');
    expect(t.columns.map((c) => c.header)).not.toContain('会议纪律折算');
    expect(t.notes.join('\n')).toContain('平时考核小计按 50% 折算计入总分');
    expect(t.notes.join('\n')).toContain('会议纪律：扣分扣到小计 0 分为止');
  });
});

describe('requirements (基本要求)', () => {
  const r = rubric(`title: t
total: 100
grades:
  - { name: 优秀, min: 90, requires: [meet4] }
  - { name: 良好, min: 80 }
  - { name: 合格, min: 60 }
  - { name: 不合格, min: 0 }
sections:
  - name: s
    items:
      - { id: x, name: x, measure: manual, max: 100 }
requirements:
  - { id: meet4, name: 全年组织生活不少于 4 次, measure: count, where: { type: 组织生活 }, target: 4 }
  - { id: half, name: 半数会员报送社情民意, measure: coverage, where: { type: 社情民意 }, target: 0.5 }
  - { id: panel, name: 班子建设合格, measure: manual, target: 1 }
vetoes:
  - { when: { requirement: half }, max_grade: 合格 }
`);

  it('met when the measure reaches the target; no points', () => {
    const recs = [...times(4, () => act('组织生活', 'a')), act('社情民意', 'a', ['1']), act('社情民意', 'a', ['2']), act('社情民意', 'a', ['3'])];
    const [a] = score([A], five, recs, r, [assessment('a', 'x', '95'), assessment('a', 'panel', '1')]);
    expect(a!.requirements.map((q) => [q.requirement.id, q.value.toShort(4), q.met])).toEqual([['meet4', '4', true], ['half', '0.6', true], ['panel', '1', true]]);
    expect([a!.total.toFixed(2), a!.grade]).toEqual(['95.00', '优秀']);
  });

  it('a grade that requires a requirement is out of reach without it: the next band whose line is reached', () => {
    const recs = [...times(3, () => act('组织生活', 'a')), ...['1', '2', '3'].map((m) => act('社情民意', 'a', [m]))];
    const [a] = score([A], five, recs, r, [assessment('a', 'x', '95')]);
    expect([a!.gradeByTotal, a!.grade, a!.veto]).toEqual(['良好', '良好', undefined]);
    expect(a!.requirements.find((q) => q.requirement.id === 'panel')!.met).toBe(false); // no panel row: 0
  });

  it('a veto on an unmet requirement caps the grade, and is named', () => {
    const recs = [...times(4, () => act('组织生活', 'a')), act('社情民意', 'a', ['1']), act('社情民意', 'a', ['2'])]; // 2 of 5 < 0.5
    const [a] = score([A], five, recs, r, [assessment('a', 'x', '95')]);
    expect([a!.gradeByTotal, a!.grade, a!.veto?.maxGrade]).toEqual(['优秀', '合格', '合格']);
    const t = scoresTable({ datasetName: '', rubric: r, scores: [a!], orgById: new Map(), only: undefined, orgFilter: undefined, lang: 'zh' });
    const col = (header: string) => t.columns.findIndex((c) => c.header === header);
    const row = [...t.rows][0]!.cells;
    expect([row[col('全年组织生活不少于 4 次')], row[col('半数会员报送社情民意')], row[col('否决')]]).toEqual(['达标', '未达标', '半数会员报送社情民意未达标（最高合格）']);
    expect(t.notes.join('\n')).toContain('优秀 ≥ 90（且全年组织生活不少于 4 次达标）');
  });
});

describe('quotas as exact fractions', () => {
  it('1/3 of 3 branches is 1, where 0.33 would allow none', () => {
    const make = (quota: string) => rubric(`title: t
total: 100
grades: [ { name: 优秀, min: 90, quota: ${quota} }, { name: 合格, min: 0 } ]
sections: [ { name: s, items: [ { id: x, name: x, measure: manual, max: 100 } ] } ]
`);
    const rows = [assessment('a', 'x', '99'), assessment('b', 'x', '95'), assessment('c', 'x', '91')];
    expect(score([A, B, C], five, [], make('1/3'), rows).map((s) => s.grade)).toEqual(['优秀', '合格', '合格']);
    expect(score([A, B, C], five, [], make('0.33'), rows).map((s) => s.grade)).toEqual(['合格', '合格', '合格']);
    const t = scoresTable({ datasetName: '', rubric: make('1/3'), scores: score([A, B, C], five, [], make('1/3'), rows), orgById: new Map(), only: undefined, orgFilter: undefined, lang: 'zh' });
    expect(t.notes.join('\n')).toContain('全部 3 个支部 × 1/3，至多 1 个');
  });
});

describe('--explain for the new forms', () => {
  const r = rubric(`title: t
total: 100
grades: [ { name: 优秀, min: 20, requires: meet2 }, { name: 合格, min: 0 } ]
sections:
  - name: 平时考核
    weight: 0.5
    items:
      - { id: p, name: 提案, measure: count, where: { type: 提案 }, points: 10 }
      - { id: s, name: 社情民意, measure: count, where: { type: 社情民意 }, points: 10 }
  - name: 纪律
    min: 0
    items:
      - { id: base, name: 基础分, measure: manual, max: 5 }
      - { id: d, name: 缺席, measure: count, where: { type: 学习 }, points: -4 }
caps:
  - { name: 参政议政类, items: [p, s], max: 50 }
requirements:
  - { id: meet2, name: 组织生活不少于 2 次, measure: count, where: { type: 组织生活 }, target: 2 }
`);
  const city = org('city', '市委会', undefined, { name: '民进测试市委', parent: undefined });
  const orgs = [city, org('a', '支部', 'city')];
  const recs = [
    ...times(4, () => act('提案', 'a')), ...times(2, () => act('社情民意', 'a')), ...times(2, () => act('学习', 'a')),
    act('组织生活', 'a', [], { id: 'M1', date: 20190301 }),
  ];
  const text = (): string => {
    const scope = makeScope(orgs, five, 2019);
    const vocab = VOCAB();
    const counts = new ScoreCounts(scope, r, vocab);
    feed((v) => counts.visit(v), recs, orgs, five, vocab);
    const rows = [assessment('a', 'base', '5')];
    const scores = scoreBranches(scope, r, counts, rows);
    const doc = explainDocument(explainBranch(scope, r, scores, 'a', recs, rows), { lang: 'zh', mask: false });
    return renderExplainText(doc);
  };

  it('names the group cap, the floor, the weight, the requirements and what held the grade back', () => {
    const t = text();
    // p 40, s 20 → 10 under the group cap of 50; 平时 50 × 50% = 25; 纪律 5 − 8 stops at 0 (−5): 25 + 5 − 5.
    expect(t).toContain('平时考核，按 50.0% 计入');
    expect(t).toContain('与同组各项（参政议政类）合计超过上限 50.00，本项只计 10.00');
    expect(t).toContain('小计 50.00（得分 50.00）；× 50.0% = 25.00');
    expect(t).toContain('纪律，扣到 0.00 为止');
    expect(t).toContain('扣分 -8.00，扣完为止只计 -5.00');
    expect(t).toContain('基本要求（不计分）');
    expect(t).toContain('✗ 组织生活不少于 2 次 [meet2]：类型 = 组织生活的记录 1 条，要求 2，未达标');
    expect(t).toContain('M1 2019-03-01');
    expect(t).toContain('总分 25.00，全市排名 1/1');
    expect(t).toContain('等级：总分达到优秀分数线，但组织生活不少于 2 次未达标，按总分为合格');
  });

  it('leaves out "三个一" for a rubric that does not use it', () => {
    expect(text()).not.toContain('三个一');
  });
});

describe('the official form for the new forms', () => {
  it('says the weight and the floor on the subtotal line, and lists each requirement as 达标/未达标', () => {
    const r = rubric(`title: t
total: 100
grades: [ { name: 合格, min: 0 } ]
sections:
  - { name: 平时, weight: 0.5, items: [ { id: p, name: 提案, measure: count, where: { type: 提案 }, points: 10 } ] }
  - { name: 纪律, min: 0, items: [ { id: d, name: 缺席, measure: count, where: { type: 学习 }, points: -4 } ] }
requirements:
  - { id: meet2, name: 组织生活不少于 2 次, measure: count, where: { type: 组织生活 }, target: 2 }
`);
    const scores = score([A], five, [act('提案', 'a'), act('组织生活', 'a'), act('组织生活', 'a')], r);
    const form = scoreForm({ datasetName: '', rubric: r, orgById: new Map(), assessments: [], lang: 'zh' }, scores[0]!);
    const byName = (name: string, kind: string) => form.rows.find((x) => x.name === name && x.kind === kind)!;
    expect(form.rows.filter((x) => x.kind === 'subtotal').map((x) => x.standard)).toEqual(['按 50% 计入总分，折算 5.00 分', '扣到 0 分为止']);
    expect(byName('组织生活不少于 2 次', 'requirement')).toMatchObject({ section: '基本要求', standard: '不计分：记录条数（类型 = 组织生活）达到 2 为达标', result: '达标' });
  });
});

describe('rubric rules for the new fields', () => {
  const check = (extra: string, grades = '[ { name: 优秀, min: 90 }, { name: 合格, min: 0 } ]'): [string, unknown][] => {
    const text = `title: t
total: 100
grades: ${grades}
sections:
  - { name: s, items: [ { id: p, name: 提案, measure: count, where: { type: 提案 }, points: 10 } ] }
${extra}`;
    const doc = parseYamlFull(text, DEFAULT_YAML_LIMITS);
    const raw = RUBRIC_SCHEMA.parse(doc.value);
    return rubricRules(raw, { file: 'r.yaml', year: 2019, outcomes: new Set(), locate: () => ({ line: 1, column: 1 }) }).map((d) => [d.code, d.params]);
  };

  it('a requirement id may not repeat an item id or another requirement', () => {
    const out = check(`requirements:
  - { id: p, name: x, measure: count, target: 1 }
  - { id: q, name: y, measure: count, target: 1 }
  - { id: q, name: z, measure: count, target: 1 }`);
    expect(out.map((x) => x[0])).toEqual(['MJ405', 'MJ405']);
  });

  it('a requirement\'s form: sum needs field, field only on sum, at_least above 0, manual without where', () => {
    const out = check(`requirements:
  - { id: a, name: a, measure: sum, target: 1 }
  - { id: b, name: b, measure: count, field: hours, target: 1 }
  - { id: c, name: c, measure: members, at_least: 0, target: 1 }
  - { id: d, name: d, measure: manual, where: { type: 提案 }, target: 1 }
  - { id: e, name: e, measure: manual, target: 1 }`);
    expect(out).toEqual([
      ['MJ406', { id: 'a', problem: '@sum-needs-field' }], ['MJ406', { id: 'b', problem: '@field-only-sum' }],
      ['MJ406', { id: 'c', problem: '@at-least-positive' }], ['MJ406', { id: 'd', problem: '@manual-no-points' }],
    ]);
  });

  it('names in caps, grades.requires and vetoes must exist; a cap needs a bound', () => {
    const out = check(`requirements:
  - { id: r1, name: r1, measure: count, target: 1 }
caps:
  - { items: [p, nope] }
vetoes:
  - { when: { requirement: r2 }, max_grade: 合格 }`, '[ { name: 优秀, min: 90, requires: [r1, r3] }, { name: 合格, min: 0 } ]');
    expect(out).toEqual([
      ['MJ412', { kind: '@ref-requirement', id: 'r3' }], ['MJ412', { kind: '@ref-item', id: 'nope' }],
      ['MJ406', { id: 'p+nope', problem: '@cap-needs-bound' }], ['MJ412', { kind: '@ref-requirement', id: 'r2' }],
    ]);
  });

  it('a quota fraction above 1 is MJ410; 1/3 and 1/1 are fine', () => {
    expect(check('', '[ { name: 优秀, min: 90, quota: 4/3 }, { name: 合格, min: 0 } ]').map((x) => x[0])).toEqual(['MJ410']);
    expect(check('', '[ { name: 优秀, min: 90, quota: 1/3 }, { name: 合格, min: 0, quota: 1/1 } ]')).toEqual([]);
  });
});

describe('rubric rules for where, measures and values', () => {
  const check = (items: string, extra = ''): [string, unknown][] => {
    const text = `title: t
total: 100
grades: [ { name: 合格, min: 0 } ]
sections:
  - name: s
    items:
${items}
${extra}`;
    const raw = RUBRIC_SCHEMA.parse(parseYamlFull(text, DEFAULT_YAML_LIMITS).value);
    return rubricRules(raw, { file: 'r.yaml', year: 2019, outcomes: new Set(['省委会采用', '全国政协转送']), locate: () => ({ line: 1, column: 1 }) }).map((d) => [d.code, d.params]);
  };
  it('each new form says what it lacks', () => {
    expect(check(`      - { id: a, name: a, measure: ratio, where: { outcomes: 省委会采用 }, points: 10 }
      - { id: b, name: b, measure: count, of: { type: 社情民意 }, points: 1 }
      - { id: c, name: c, measure: members, per: outcome, where: { outcomes: 省委会采用 }, points: 1 }
      - { id: d, name: d, measure: count, per: outcome, where: { type: 社情民意 }, points: 1 }
      - { id: e, name: e, measure: roster, where: { type: 学习, who: { reserve: true } }, points: 1 }
      - { id: f, name: f, measure: roster, points: 1 }
      - { id: g, name: g, measure: count, values: [1, 0], points: 1 }
      - { id: h, name: h, measure: manual, values: [3, 2, 1, 0], max: 2 }
      - { id: i, name: i, measure: manual, values: { 是: 2, 否: 0 } }`)).toEqual([
      ['MJ406', { id: 'a', problem: '@ratio-needs-of' }], ['MJ406', { id: 'b', problem: '@of-only-ratio' }],
      ['MJ406', { id: 'c', problem: '@per-outcome' }], ['MJ406', { id: 'd', problem: '@per-outcome' }],
      ['MJ406', { id: 'e', problem: '@roster-who-only' }], ['MJ406', { id: 'f', problem: '@roster-who-only' }],
      ['MJ406', { id: 'g', problem: '@values-only-manual' }], ['MJ406', { id: 'h', problem: '@values-outside' }],
    ]);
  });
  it('"三个一" cannot filter members; a weight is above 0', () => {
    const out = check(`      - { id: a, name: a, measure: count, points: 1 }`, `three_ones:
  service: { type: 社会服务, who: { reserve: true } }`);
    expect(out).toEqual([['MJ406', { id: 'three_ones.service', problem: '@who-not-here' }]]);
    const text = `title: t
total: 100
grades: [ { name: 合格, min: 0 } ]
sections: [ { name: s, weight: 0, items: [ { id: a, name: a, measure: count, points: 1 } ] } ]`;
    const raw = RUBRIC_SCHEMA.parse(parseYamlFull(text, DEFAULT_YAML_LIMITS).value);
    expect(rubricRules(raw, { file: 'r', year: 2019, outcomes: new Set(), locate: () => ({ line: 1, column: 1 }) }).map((d) => d.code)).toEqual(['MJ411']);
  });
});

describe('where.not and where.who', () => {
  it('not leaves out the records it matches', () => {
    const r = rubric(`title: t
total: 100
grades: [ { name: 合格, min: 0 } ]
sections: [ { name: s, items: [ { id: x, name: 非国家级社情民意, measure: count, where: { type: 社情民意, not: { level: 国家 } }, points: 1 } ] } ]
`);
    const recs = [act('社情民意', 'a', [], { level: '国家' }), act('社情民意', 'a', [], { level: '省' }), act('社情民意', 'a')];
    expect(pts(score([A], five, recs, r)[0]!, 'x')).toBe('2.00');
  });

  it('who on a count: records listing one matching member; on coverage: the members counted and the denominator', () => {
    const cppcc = (id: string) => member(id, 'a', { roles: ['省政协委员'] });
    const people = [cppcc('1'), cppcc('2'), member('3', 'a'), member('4', 'a', { title: '正高级', joined: 20190301 }), member('5', 'a', { degree: '博士', joined: 20190601 })];
    const r = rubric(`title: t
total: 100
grades: [ { name: 合格, min: 0 } ]
sections:
  - name: s
    items:
      - { id: c, name: 委员社情民意, measure: count, where: { type: 社情民意, who: { roles: [省政协委员, 全国政协委员] } }, points: 1 }
      - { id: v, name: 委员至少 3 条, measure: coverage, at_least: 3, where: { type: 社情民意, who: { roles: 省政协委员 } }, points: 10 }
      - { id: n, name: 新会员中高级职称或博士, measure: roster, where: { who: { joined_this_year: true, title: [正高级, 副高级] } }, points: 2 }
      - { id: d, name: 新会员中博士, measure: roster, where: { who: { joined_this_year: true, degree: 博士 } }, points: 2 }
`);
    const recs = [
      ...times(3, () => act('社情民意', 'a', ['1'])), act('社情民意', 'a', ['2']), act('社情民意', 'a', ['3']), act('社情民意', 'a', ['3', '2']),
    ];
    const s = score([A], people, recs, r)[0]!;
    // c: records listing member 1 or 2: 3 + 1 + 1 = 5. v: of the 2 委员, member 1 has 3 → 1/2 × 10.
    expect([pts(s, 'c'), pts(s, 'v'), pts(s, 'n'), pts(s, 'd')]).toEqual(['5.00', '5.00', '2.00', '2.00']);
    const v = s.sections[0]!.items[1]!;
    expect(v.ratio).toEqual({ numerator: 1, denominator: 2 });
  });

  it('who: reserve cadres and age on the last day of the year', () => {
    const people = [member('1', 'a', { reserve: true, birth: 19800101 }), member('2', 'a', { reserve: true, birth: 19741231 }), member('3', 'a', { birth: 19900101 })];
    const r = rubric(`title: t
total: 100
grades: [ { name: 合格, min: 0 } ]
sections:
  - name: s
    items:
      - { id: y, name: 45 岁以下后备干部, measure: roster, where: { who: { reserve: true, age_below: 45 } }, points: 1 }
`);
    // On 2019-12-31: member 1 is 39, member 2 turns 45 that day.
    expect(pts(score([A], people, [], r)[0]!, 'y')).toBe('1.00');
  });
});

describe('per: outcome and ratio', () => {
  it('per: outcome counts each matching phrase of a record once; per record (the default) counts the record once', () => {
    const r = rubric(`title: t
total: 100
grades: [ { name: 合格, min: 0 } ]
sections:
  - name: s
    items:
      - { id: once, name: 按篇, measure: count, where: { type: 社情民意, outcomes: [省委会采用, 全国政协转送] }, points: 1 }
      - { id: each, name: 按采用次数, measure: count, per: outcome, where: { type: 社情民意, outcomes: [省委会采用, 全国政协转送] }, points: 1 }
`);
    const recs = [act('社情民意', 'a', [], { outcomes: ['省委会采用', '全国政协转送'] }), act('社情民意', 'a', [], { outcomes: ['省委会采用'] }), act('社情民意', 'a')];
    const s = score([A], five, recs, r)[0]!;
    expect([pts(s, 'once'), pts(s, 'each')]).toEqual(['2.00', '3.00']);
  });

  it('ratio: adopted ÷ submitted (采用率), 0 with nothing submitted, in tiers as a share', () => {
    const r = rubric(`title: t
total: 100
grades: [ { name: 合格, min: 0 } ]
sections:
  - name: s
    items:
      - { id: rate, name: 采用率, measure: ratio, of: { type: 社情民意 }, where: { outcomes: [省委会采用, 全国政协转送] }, points: 20 }
      - { id: band, name: 采用率分档, measure: ratio, of: { type: 社情民意 }, where: { outcomes: 省委会采用 }, tiers: [ { at_least: 0.5, points: 5 }, { at_least: 0.25, points: 2 } ] }
`);
    const recs = [
      act('社情民意', 'a', [], { outcomes: ['省委会采用'] }), act('社情民意', 'a', [], { outcomes: ['全国政协转送'] }), act('社情民意', 'a'), act('社情民意', 'a'),
      act('提案', 'a', [], { outcomes: ['立案'] }),
    ];
    const [a, b] = score([A, B], five, recs, r);
    // 2 of 4 submitted adopted: 0.5 × 20 = 10; 1 of 4 by the province: tier ≥ 0.25 → 2.
    expect([pts(a!, 'rate'), pts(a!, 'band'), pts(b!, 'rate')]).toEqual(['10.00', '2.00', '0.00']);
    expect(a!.sections[0]!.items[0]!.ratio).toEqual({ numerator: 2, denominator: 4 });
  });
});

describe('manual values', () => {
  it('档次 and words: the word\'s points score; without max the values bound the item', () => {
    const r = rubric(`title: t
total: 100
grades: [ { name: 合格, min: 0 } ]
sections:
  - name: s
    items:
      - { id: tier, name: 档次, measure: manual, values: [3, 2, 1, 0] }
      - { id: yes, name: 是否, measure: manual, values: { 是: 2, 否: 0 } }
`);
    const items = r.sections[0]!.items;
    expect([items[0]!.max?.toShort(), items[1]!.max?.toShort()]).toEqual(['3', '2']);
    const s = score([A], five, [], r, [assessment('a', 'tier', '2'), { ...assessment('a', 'yes', '2'), value: '是' }])[0]!;
    expect([pts(s, 'tier'), pts(s, 'yes')]).toEqual(['2.00', '2.00']);
  });
});

describe('calendar periods', () => {
  it('counts the quarters (months, halves) with at least at_least records: 支委会每季度至少 1 次, 每季度报送 ≥ 2 条', () => {
    const r = rubric(`title: t
total: 100
grades: [ { name: 合格, min: 0 } ]
sections:
  - name: s
    items:
      - { id: q, name: 支委会每季度至少 1 次, measure: count, where: { type: 支委会 }, period: { every: quarter }, tiers: [ { at_least: 4, points: 5 }, { at_least: 2, points: 2 } ] }
      - { id: r, name: 每季度报送 2 条以上, measure: count, where: { type: 社情民意 }, period: { every: quarter, at_least: 2 }, points: 2.5 }
      - { id: m, name: 每月学习, measure: count, where: { type: 学习 }, period: { every: month }, points: 1 }
      - { id: h, name: 每半年调研, measure: count, where: { type: 调研 }, period: { every: half }, points: 3 }
`);
    const on = (type: Parameters<typeof act>[0], ...days: number[]): Activity[] => days.map((date) => act(type, 'a', [], { date }));
    const recs = [
      ...on('支委会', 20190115, 20190220, 20190701, 20191231), // Q1 twice, Q3, Q4 → 3 quarters → tier ≥2: 2
      ...on('社情民意', 20190101, 20190331, 20190401, 20190930, 20191001, 20191002), // Q1 2, Q2 1, Q3 1, Q4 2 → 2 quarters × 2.5
      ...on('学习', 20190105, 20190110, 20190601, 20191130), // Jan, Jun, Nov → 3
      ...on('调研', 20190630, 20190701), // both halves → 2 × 3
    ];
    const s = score([A], five, recs, r)[0]!;
    expect([pts(s, 'q'), pts(s, 'r'), pts(s, 'm'), pts(s, 'h')]).toEqual(['2.00', '5.00', '3.00', '6.00']);
    expect(s.sections[0]!.items[0]!.ratio).toEqual({ numerator: 3, denominator: 4 });
  });
});

describe('periods in words', () => {
  it('the form and --explain say the period', () => {
    const r = rubric(`title: t
total: 100
grades: [ { name: 合格, min: 0 } ]
sections:
  - name: s
    items:
      - { id: q, name: 支委会, measure: count, where: { type: 支委会 }, period: { every: quarter }, points: 2.5 }
      - { id: t, name: 支委会分档, measure: count, where: { type: 支委会 }, period: { every: quarter }, tiers: [ { at_least: 4, points: 5 } ] }
`);
    const recs = [act('支委会', 'a', [], { date: 20190115 }), act('支委会', 'a', [], { date: 20190701 })];
    const scores = score([A], five, recs, r);
    const form = scoreForm({ datasetName: '', rubric: r, orgById: new Map(), assessments: [], lang: 'zh' }, scores[0]!);
    expect(form.rows.slice(0, 2).map((x) => x.standard)).toEqual(['每季度至少 1 次，每个达到的季度 2.5 分', '≥4 个季度 5 分']);
    const scope = makeScope([ROOT, A], five, 2019);
    const text = renderExplainText(explainDocument(explainBranch(scope, r, scores, 'a', recs, []), { lang: 'zh', mask: false }));
    expect(text).toContain('按季度计：类型 = 支委会的记录达到 1 条的季度 2 个（共 4 个）');
    expect(text).toContain('第 1 季度 1 ✓，第 2 季度 0，第 3 季度 1 ✓，第 4 季度 0');
  });
});
