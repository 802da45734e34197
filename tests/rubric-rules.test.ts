// Every rule of a rubric that its schema cannot say (checks/rubric.ts) has a case here: a rubric
// that breaks exactly that rule gets exactly that problem, and the same rubric with the one
// mistake put right gets none. The cases are by sheet kind: branch items, unit sheets, the member
// sheet and member items.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { earlierRefs, rubricRules } from '../src/checks/rubric.js';
import { compileRubric } from '../src/load/compile-rubric.js';
import { RUBRIC_SCHEMA } from '../src/schema/structured.js';
import { parseYamlFull } from '../src/source/yaml-full.js';
import { DEFAULT_YAML_LIMITS } from '../src/source/yaml.js';
import { goldenPart } from './helpers/golden.js';
import { memberSheet, rubricText, unitSheet } from './helpers/rubric-text.js';

const OK = '{ id: ok, name: 组织集中学习, measure: count, where: { type: 学习 }, points: 1 }';
const UNIT_OK = (id = 'uok') => `{ id: ${id}, name: 总支学习${id}, measure: count, where: { type: 学习 }, points: 1 }`;

const memberItems = (items: readonly string[]) => `member_items:\n${items.map((i) => `  - ${i}`).join('\n')}`;

/**
 * Every diagnostic of the running test, whole (field, params, suggestion, the path it points at):
 * each test compares them with its part of the golden (tests/golden/rubric-rules.json) at its end.
 */
let whole: unknown[] = [];
beforeEach(() => {
  whole = [];
});
afterEach(() => {
  // An assertion in afterEach belongs to the test: it fails the test (afterAll's would fail no test).
  goldenPart('rubric-rules.json', expect.getState().currentTestName ?? '', whole);
});

/** The problems of a rubric, as [code, problem term or key] pairs. */
function problems(text: string): [string, unknown][] {
  const doc = parseYamlFull(text, DEFAULT_YAML_LIMITS);
  expect(doc.problems).toEqual([]);
  const parsed = RUBRIC_SCHEMA.safeParse(doc.value);
  if (!parsed.success) throw new Error(`the case's rubric fails its schema: ${parsed.error.message}\n${text}`);
  // The line stands for the path located, so that the golden shows where each problem points.
  const paths: string[] = [];
  const found = rubricRules(parsed.data, {
    file: 'rubrics/2019.yaml', year: 2019, outcomes: new Set(['省委会采用', '全国政协转送']),
    locate: (path) => ({ line: paths.push(path.join('.')), column: 1 }),
  });
  whole.push(...found.map(({ file: _file, line, column: _column, ...d }) => ({ at: paths[line - 1], ...d })));
  return found.map((d) => [d.code, d.params?.['problem'] ?? d.params?.['key'] ?? d.params?.['rule']]);
}

interface Case {
  readonly problem: string;
  readonly bad: string;
  readonly good: string;
}

const BRANCH: Case[] = [
  { problem: '@manual-needs-max', bad: '{ id: x, name: 自评, measure: manual }', good: '{ id: x, name: 自评, measure: manual, max: 5 }' },
  { problem: '@manual-no-points', bad: '{ id: x, name: 自评, measure: manual, max: 5, points: 1 }', good: '{ id: x, name: 自评, measure: manual, max: 5 }' },
  { problem: '@values-outside', bad: '{ id: x, name: 自评, measure: manual, values: [3, 1], max: 5, min: 2 }', good: '{ id: x, name: 自评, measure: manual, values: [5, 2], max: 5, min: 2 }' },
  { problem: '@values-outside', bad: '{ id: x, name: 自评, measure: manual, values: { 好: 6, 差: 2 }, max: 5 }', good: '{ id: x, name: 自评, measure: manual, values: { 好: 5, 差: 0 }, max: 5 }' },
  { problem: '@manual-no-points', bad: '{ id: x, name: 自评, measure: manual, max: 5, where: { type: 学习 } }', good: '{ id: x, name: 自评, measure: manual, values: [1, 0] }' },
  { problem: '@manual-no-points', bad: '{ id: x, name: 自评, measure: manual, max: 5, tiers: [ { at_least: 1, points: 2 } ] }', good: '{ id: x, name: 自评, measure: manual, max: 5, min: -5 }' },
  { problem: '@at-least-positive', bad: '{ id: x, name: 参加, measure: members, where: { type: 组织生活 }, at_least: 0, points: 1 }', good: '{ id: x, name: 参加, measure: members, where: { type: 组织生活 }, at_least: 2, points: 1 }' },
  { problem: '@values-only-manual', bad: '{ id: x, name: 学习, measure: count, values: [1, 0], points: 1 }', good: '{ id: x, name: 学习, measure: count, points: 1 }' },
  { problem: '@ratio-needs-of', bad: '{ id: x, name: 采用率, measure: ratio, where: { type: 社情民意 }, points: 10 }', good: '{ id: x, name: 采用率, measure: ratio, where: { type: 社情民意, outcomes: 省委会采用 }, of: { type: 社情民意 }, points: 10 }' },
  { problem: '@of-only-ratio', bad: '{ id: x, name: 采用, measure: count, of: { type: 社情民意 }, points: 1 }', good: '{ id: x, name: 采用, measure: count, where: { type: 社情民意 }, points: 1 }' },
  { problem: '@per-outcome', bad: '{ id: x, name: 采用, measure: count, per: outcome, where: { type: 社情民意 }, points: 1 }', good: '{ id: x, name: 采用, measure: count, per: outcome, where: { type: 社情民意, outcomes: [省委会采用, 全国政协转送] }, points: 1 }' },
  { problem: '@per-outcome', bad: '{ id: x, name: 采用, measure: members, per: outcome, where: { type: 社情民意, outcomes: 省委会采用 }, points: 1 }', good: '{ id: x, name: 采用, measure: members, per: record, where: { type: 社情民意, outcomes: 省委会采用 }, points: 1 }' },
  { problem: '@roster-who-only', bad: '{ id: x, name: 委员, measure: roster, where: { type: 学习 }, points: 1 }', good: '{ id: x, name: 委员, measure: roster, where: { who: { roles: 省政协委员 } }, points: 1 }' },
  { problem: '@roster-who-only', bad: '{ id: x, name: 委员, measure: roster, where: { who: { roles: 省政协委员 }, type: 学习 }, points: 1 }', good: '{ id: x, name: 委员, measure: roster, where: { who: { gender: 女 } }, tiers: [ { at_least: 1, points: 1 } ] }' },
  { problem: '@needs-points', bad: '{ id: x, name: 委员, measure: roster, where: { who: { roles: 省政协委员 } } }', good: '{ id: x, name: 委员, measure: roster, where: { who: { roles: 省政协委员 } }, points: 1 }' },
  { problem: '@points-or-tiers', bad: '{ id: x, name: 委员, measure: roster, where: { who: { roles: 省政协委员 } }, points: 1, tiers: [ { at_least: 1, points: 1 } ] }', good: '{ id: x, name: 委员, measure: roster, where: { who: { roles: 省政协委员 } }, points: 1, max: 3 }' },
  { problem: '@points-or-tiers', bad: '{ id: x, name: 缺席, measure: absences, where: { type: 组织生活 }, points: -1, tiers: [ { at_least: 1, points: -1 } ] }', good: '{ id: x, name: 缺席, measure: absences, where: { type: 组织生活 }, points: -1, min: -5 }' },
  { problem: '@min-above-max', bad: '{ id: x, name: 缺席, measure: absences, where: { type: 组织生活 }, points: -1, max: 0, min: 1 }', good: '{ id: x, name: 缺席, measure: absences, where: { type: 组织生活 }, points: -1, max: 1, min: 1 }' },
  { problem: '@field-only-sum', bad: '{ id: x, name: 委员, measure: roster, field: hours, where: { who: { roles: 省政协委员 } }, points: 1 }', good: '{ id: x, name: 委员, measure: roster, where: { who: { roles: 省政协委员 } }, points: 1 }' },
  { problem: '@needs-points', bad: '{ id: x, name: 学习, measure: count }', good: '{ id: x, name: 学习, measure: count, points: 1 }' },
  { problem: '@points-or-tiers', bad: '{ id: x, name: 学习, measure: count, points: 1, tiers: [ { at_least: 1, points: 2 } ] }', good: '{ id: x, name: 学习, measure: count, tiers: [ { at_least: 1, points: 2 } ] }' },
  { problem: '@sum-needs-field', bad: '{ id: x, name: 学时, measure: sum, points: 1 }', good: '{ id: x, name: 学时, measure: sum, field: hours, points: 1 }' },
  { problem: '@field-only-sum', bad: '{ id: x, name: 学时, measure: count, field: hours, points: 1 }', good: '{ id: x, name: 学时, measure: count, points: 1 }' },
  { problem: '@min-above-max', bad: '{ id: x, name: 学习, measure: count, points: 1, max: 2, min: 3 }', good: '{ id: x, name: 学习, measure: count, points: 1, max: 3, min: 2 }' },
  { problem: '@lead-member-only', bad: '{ id: x, name: 提案, measure: count, lead: true, points: 1 }', good: '{ id: x, name: 提案, measure: count, points: 1 }' },
  { problem: '@earlier-only', bad: '{ id: x, name: 上年, measure: count, earlier: { years_back: "1" }, points: 1 }', good: '{ id: x, name: 上年, measure: earlier, earlier: { years_back: "1" }, points: 1 }' },
  { problem: '@earlier-no-where', bad: '{ id: x, name: 上年, measure: earlier, where: { type: 学习 }, points: 1 }', good: '{ id: x, name: 上年, measure: earlier, points: 1 }' },
  { problem: '@period-count-only', bad: '{ id: x, name: 学时, measure: sum, field: hours, period: { every: quarter }, points: 1 }', good: '{ id: x, name: 学时, measure: count, period: { every: quarter }, points: 1 }' },
  { problem: '@scope-unit-only', bad: '{ id: x, name: 学习, measure: count, scope: own, points: 1 }', good: '{ id: x, name: 学习, measure: count, points: 1 }' },
  { problem: '@rollup-needs-rollup', bad: '{ id: x, name: 汇总, measure: count, rollup: { how: sum }, points: 1 }', good: '{ id: x, name: 汇总, measure: count, points: 1 }' },
  { problem: '@rollup-unit-only', bad: '{ id: x, name: 汇总, measure: rollup, rollup: { how: sum }, points: 1 }', good: '{ id: x, name: 汇总, measure: count, points: 1 }' },
  { problem: '@role-member-only', bad: '{ id: x, name: 提案, measure: count, role: lead, points: 1 }', good: '{ id: x, name: 提案, measure: count, points: 1 }' },
  { problem: '@excused-absences-only', bad: '{ id: x, name: 出勤, measure: count, excused: { type: 其他 }, points: 1 }', good: '{ id: x, name: 出勤, measure: count, points: 1 }' },
];

const UNIT: Case[] = [
  { problem: '@rollup-of', bad: '{ id: x, name: 汇总, measure: rollup, rollup: { how: sum, of: nothing }, points: 1 }', good: '{ id: x, name: 汇总, measure: rollup, rollup: { how: sum, of: ok }, points: 1 }' },
  { problem: '@rollup-condition', bad: '{ id: x, name: 汇总, measure: rollup, rollup: { how: count }, points: 1 }', good: '{ id: x, name: 汇总, measure: rollup, rollup: { how: count, grade: 优秀 }, points: 1 }' },
  { problem: '@rollup-condition', bad: '{ id: x, name: 汇总, measure: rollup, rollup: { how: sum, three_ones: true }, points: 1 }', good: '{ id: x, name: 汇总, measure: rollup, rollup: { how: share, three_ones: true }, points: 1 }' },
  { problem: '@points-or-tiers', bad: '{ id: x, name: 汇总, measure: rollup, rollup: { how: sum }, points: 1, tiers: [ { at_least: 1, points: 1 } ] }', good: '{ id: x, name: 汇总, measure: rollup, rollup: { how: sum }, tiers: [ { at_least: 1, points: 1 } ] }' },
  { problem: '@needs-points', bad: '{ id: x, name: 汇总, measure: rollup, rollup: { how: share, at_least: 80 } }', good: '{ id: x, name: 汇总, measure: rollup, rollup: { how: share, at_least: 80 }, points: 10 }' },
  { problem: '@rollup-grade', bad: '{ id: x, name: 汇总, measure: rollup, rollup: { how: count, grade: [优秀, 特优] }, points: 1 }', good: '{ id: x, name: 汇总, measure: rollup, rollup: { how: count, grade: [优秀, 合格] }, points: 1 }' },
  { problem: '@absences-not-unit', bad: '{ id: x, name: 缺席, measure: absences, where: { type: 组织生活 }, points: -1 }', good: '{ id: x, name: 缺席, measure: count, where: { type: 组织生活 }, points: -1 }' },
  { problem: '@attendance-not-unit', bad: '{ id: x, name: 出勤, measure: attendance, where: { type: 组织生活 }, points: 1 }', good: '{ id: x, name: 出勤, measure: count, where: { type: 组织生活 }, points: 1 }' },
  { problem: '@role-member-only', bad: '{ id: x, name: 提案, measure: count, split: true, points: 1 }', good: '{ id: x, name: 提案, measure: count, scope: own, points: 1 }' },
];

const MEMBER_SHEET: Case[] = [
  { problem: '@member-sheet-measure', bad: '{ id: x, name: 覆盖, measure: coverage, points: 1 }', good: '{ id: x, name: 覆盖, measure: count, points: 1 }' },
  { problem: '@split-count-only', bad: '{ id: x, name: 学时, measure: sum, field: hours, split: true, points: 1 }', good: '{ id: x, name: 提案, measure: count, split: true, points: 1 }' },
  { problem: '@needs-points', bad: '{ id: x, name: 缺席, measure: absences, where: { type: 组织生活 } }', good: '{ id: x, name: 缺席, measure: absences, where: { type: 组织生活 }, points: -1 }' },
  { problem: '@min-above-max', bad: '{ id: x, name: 提案, measure: count, lead: true, points: 1, max: 1, min: 2 }', good: '{ id: x, name: 提案, measure: count, lead: true, points: 1 }' },
  { problem: '@excused-absences-only', bad: '{ id: x, name: 提案, measure: count, excused: { type: 其他 }, points: 1 }', good: '{ id: x, name: 缺席, measure: absences, where: { type: 组织生活 }, excused: { type: 其他 }, points: -1 }' },
];

const MEMBER_ITEMS: Case[] = [
  { problem: '@manual-member', bad: '{ id: x, name: 自评, measure: manual, max: 5 }', good: '{ id: x, name: 提案, measure: count, points: 1 }' },
  { problem: '@member-measure', bad: '{ id: x, name: 覆盖, measure: members, points: 1 }', good: '{ id: x, name: 提案, measure: count, lead: true, points: 1 }' },
];

/** The cases numbered, so that each test's name (its golden part's key) is its own. */
const numbered = (cases: readonly Case[]) => cases.map((c, i) => ({ ...c, n: i + 1 }));

describe('each rule of checks/rubric.ts has a case', () => {
  it.each(numbered(BRANCH))('branch item $n: $problem', ({ problem, bad, good }) => {
    expect(problems(rubricText([OK, bad]))).toEqual([['MJ406', problem]]);
    expect(problems(rubricText([OK, good]))).toEqual([]);
  });

  it.each(numbered(UNIT))('unit sheet item $n: $problem', ({ problem, bad, good }) => {
    expect(problems(rubricText([OK], unitSheet([bad])))).toEqual([['MJ406', problem]]);
    expect(problems(rubricText([OK], unitSheet([good])))).toEqual([]);
  });

  it.each(numbered(MEMBER_SHEET))('member sheet item $n: $problem', ({ problem, bad, good }) => {
    expect(problems(rubricText([OK], memberSheet([bad])))).toEqual([['MJ406', problem]]);
    expect(problems(rubricText([OK], memberSheet([good])))).toEqual([]);
  });

  it.each(numbered(MEMBER_ITEMS))('member item $n: $problem', ({ problem, bad, good }) => {
    expect(problems(rubricText([OK], memberItems([bad])))).toEqual([['MJ406', problem]]);
    expect(problems(rubricText([OK], memberItems([good])))).toEqual([]);
  });

  it('a veto on 三个一 is for the branch sheet only', () => {
    const veto = (where: string) => rubricText([OK], where);
    expect(problems(veto(unitSheet([UNIT_OK()], '    vetoes: [ { when: three_ones_incomplete, max_grade: 合格 } ]\n')))).toEqual([['MJ406', '@three-ones-branch-only']]);
    expect(problems(veto('vetoes: [ { when: three_ones_incomplete, max_grade: 合格 } ]'))).toEqual([]);
  });

  it('a unit sheet may not be called members, nor share its id with another', () => {
    const two = rubricText([OK], `${unitSheet([UNIT_OK('u1')])}\n${unitSheet([UNIT_OK('u2')]).replace('units:\n', '')}`);
    expect(problems(two)).toEqual([['MJ414', undefined]]);
    expect(problems(rubricText([OK], unitSheet([UNIT_OK()]).replace('id: zz', 'id: members')))).toEqual([['MJ414', undefined]]);
    expect(problems(rubricText([OK], unitSheet([UNIT_OK()])))).toEqual([]);
  });

  it('references: grades, caps and vetoes name requirements, items and grades that exist', () => {
    const req = 'requirements: [ { id: basic, name: 基本要求, measure: count, where: { type: 学习 }, target: 1 } ]';
    const text = (grades: string, extra: string) => rubricText([OK], `${req}\n${extra}`).replace('grades: [ { name: 优秀, min: 90 }, { name: 合格, min: 0 } ]', grades);
    const g = (x: string) => `grades: [ { name: 优秀, min: 90, ${x} }, { name: 合格, min: 0 } ]`;
    expect(problems(text(g('requires: nope'), ''))).toEqual([['MJ412', undefined]]);
    expect(problems(text(g('requires: [basic, nope]'), ''))).toEqual([['MJ412', undefined]]);
    expect(problems(text(g('requires_any: [nope]'), ''))).toEqual([['MJ412', undefined]]);
    expect(problems(text(g('requires: basic, requires_any: [basic]'), ''))).toEqual([]);
    expect(problems(text(g('quota: 1.5'), ''))).toEqual([['MJ410', undefined]]);
    expect(problems(text(g('quota: 3/2'), ''))).toEqual([['MJ410', undefined]]);
    expect(problems(text(g('quota: 1/3'), ''))).toEqual([]);
    expect(problems(text('grades: [ { name: 优秀, min: 60 }, { name: 合格, min: 60 } ]', ''))).toEqual([['MJ404', undefined]]);
    expect(problems(text(g('requires: basic'), 'caps: [ { items: [ok, nope], max: 5 } ]'))).toEqual([['MJ412', undefined]]);
    expect(problems(text(g('requires: basic'), 'caps: [ { name: 合计, items: [ok] } ]'))).toEqual([['MJ406', '@cap-needs-bound']]);
    expect(problems(text(g('requires: basic'), 'caps: [ { items: [ok], min: -1 } ]'))).toEqual([]);
    expect(problems(text(g('requires: basic'), 'vetoes: [ { when: { requirement: nope }, max_grade: 合格 } ]'))).toEqual([['MJ412', undefined]]);
    expect(problems(text(g('requires: basic'), 'vetoes: [ { when: { item: nope, below: 1 }, max_grade: 合格 } ]'))).toEqual([['MJ407', undefined]]);
    expect(problems(text(g('requires: basic'), 'vetoes: [ { when: { item: ok, below: 1 }, max_grade: 良好 } ]'))).toEqual([['MJ203', undefined]]);
    expect(problems(text(g('requires: basic'), 'vetoes: [ { when: { requirement: basic }, max_grade: 合格 }, { when: { item: ok, below: 1 }, max_grade: 优秀 } ]'))).toEqual([]);
  });

  it('outcomes come from the vocabulary, in where, of, not and excused alike', () => {
    expect(problems(rubricText([OK, '{ id: x, name: 采用, measure: count, where: { type: 社情民意, outcomes: 省委会采纳 }, points: 1 }']))).toEqual([['MJ203', undefined]]);
    expect(problems(rubricText([OK, '{ id: x, name: 采用, measure: count, where: { type: 社情民意, outcomes: [省委会采用, 全国政协采纳] }, points: 1 }']))).toEqual([['MJ203', undefined]]);
    expect(problems(rubricText([OK, '{ id: x, name: 采用, measure: count, where: { type: 社情民意, not: { outcomes: 不存在 } }, points: 1 }']))).toEqual([['MJ203', undefined]]);
    expect(problems(rubricText([OK, '{ id: x, name: 采用率, measure: ratio, where: { type: 社情民意, outcomes: 省委会采用 }, of: { type: 社情民意, outcomes: 不存在 }, points: 1 }']))).toEqual([['MJ203', undefined]]);
    expect(problems(rubricText([OK, '{ id: x, name: 采用, measure: count, where: { type: 社情民意, outcomes: [省委会采用, 全国政协转送] }, points: 1 }']))).toEqual([]);
  });

  it('a requirement\'s own form: hours need a sum, manual needs nothing else', () => {
    const req = (r: string) => rubricText([OK], `requirements: [ ${r} ]`);
    expect(problems(req('{ id: r, name: 学时, measure: sum, where: { type: 培训 }, target: 8 }'))).toEqual([['MJ406', '@sum-needs-field']]);
    expect(problems(req('{ id: r, name: 学时, measure: count, field: hours, target: 8 }'))).toEqual([['MJ406', '@field-only-sum']]);
    expect(problems(req('{ id: r, name: 评议, measure: manual, where: { type: 学习 }, target: 1 }'))).toEqual([['MJ406', '@manual-no-points']]);
    expect(problems(req('{ id: r, name: 采用率, measure: ratio, where: { type: 社情民意 }, target: 0.5 }'))).toEqual([['MJ406', '@ratio-needs-of']]);
    expect(problems(req('{ id: r, name: 参加, measure: coverage, where: { type: 组织生活 }, at_least: "-1", target: 0.5 }'))).toEqual([['MJ406', '@at-least-positive']]);
    expect(problems(req('{ id: r, name: 评议, measure: manual, field: hours, target: 1 }'))).toEqual([['MJ406', '@manual-no-points']]);
    expect(problems(req('{ id: r, name: 学时, measure: sum, field: hours, where: { type: 培训 }, target: 8 }'))).toEqual([]);
    expect(problems(req('{ id: r, name: 评议, measure: manual, target: 1 }'))).toEqual([]);
  });

  it('numbers that make no sense: full marks not above 0, a negative cap, tier threshold or max', () => {
    expect(problems(rubricText([OK]).replace('total: 100', 'total: 0'))).toEqual([['MJ411', 'total']]);
    expect(problems(rubricText([OK, '{ id: x, name: 学习, measure: count, points: 1, max: -1 }']))).toEqual([['MJ411', 'max']]);
    expect(problems(rubricText([OK, '{ id: x, name: 学习, measure: count, tiers: [ { at_least: 1, points: 1 }, { at_least: 1, points: 2 } ] }']))).toEqual([['MJ415', undefined]]);
    expect(problems(rubricText([OK, '{ id: x, name: 学习, measure: count, tiers: [ { at_least: 1, points: 1 }, { at_least: 2, points: 2 } ] }']))).toEqual([]);
  });
  it('names of items and requirements that are fixed columns of their table clash with them (MJ414)', () => {
    const branchFixed = ['排名', '支部', '支部编号', '上级组织', '加分', '扣分', '总分', '等级', '否决', '单位', '单位编号'];
    for (const n of branchFixed) {
      expect(problems(rubricText([OK, `{ id: x, name: ${n}, measure: count, points: 1 }`])), n).toEqual([['MJ414', undefined]]);
    }
    expect(problems(rubricText([OK], `requirements: [ { id: r, name: 总分, measure: count, target: 1 } ]`))).toEqual([['MJ414', undefined]]);
    const memberFixed = ['排名', '会员编号', '姓名', '支部', '加分', '扣分', '总分', '等级', '否决'];
    for (const n of memberFixed) {
      expect(problems(rubricText([OK], memberSheet([`{ id: x, name: ${n}, measure: count, points: 1 }`]))), n).toEqual([['MJ414', undefined]]);
    }
    // A name fixed on one kind of sheet only is free on the other.
    expect(problems(rubricText([OK, '{ id: x, name: 会员编号, measure: count, points: 1 }']))).toEqual([]);
    expect(problems(rubricText([OK], memberSheet(['{ id: x, name: 单位编号, measure: count, points: 1 }'])))).toEqual([]);
    // Two items of one name clash; the same name on two sheets does not.
    expect(problems(rubricText([OK, '{ id: x, name: 组织集中学习, measure: count, points: 2 }']))).toEqual([['MJ414', undefined]]);
    expect(problems(rubricText([OK], memberSheet(['{ id: x, name: 组织集中学习, measure: count, points: 1 }'])))).toEqual([]);
  });

  it('三个一 definitions match records, not members: who is not allowed there', () => {
    expect(problems(rubricText([OK], 'three_ones: { proposal: { type: 提案, who: { gender: 女 } } }'))).toEqual([['MJ406', '@who-not-here']]);
    expect(problems(rubricText([OK], 'three_ones: { service: { type: 社会服务, outcomes: 不存在 } }'))).toEqual([['MJ203', undefined]]);
    expect(problems(rubricText([OK], 'three_ones: { proposal: { type: 提案 }, service: { type: 社会服务 }, member_info: { type: 社情民意, outcomes: 省委会采用 } }'))).toEqual([]);
  });

  it('the subsidy: amounts not negative, grade factors of grades that exist', () => {
    const subsidy = (x: string) => rubricText([OK], `subsidy: { ${x} }`);
    expect(problems(subsidy('base: "-1", per_member: 10, grade_factor: { 优秀: 1.2 }'))).toEqual([['MJ411', 'base']]);
    expect(problems(subsidy('base: 100, per_member: 10, cap: "-5", grade_factor: { 优秀: 1.2 }'))).toEqual([['MJ411', 'cap']]);
    expect(problems(subsidy('base: 100, per_member: 10, budget: "-5", grade_factor: { 优秀: 1.2 }'))).toEqual([['MJ411', 'budget']]);
    expect(problems(subsidy('base: 100, per_member: 10, grade_factor: { 优秀: 1.2, 良好: 1 }'))).toEqual([['MJ203', undefined]]);
    expect(problems(subsidy('base: 0, per_member: 0, cap: 0, budget: 0, grade_factor: { 优秀: 1.2, 合格: 1 }'))).toEqual([]);
  });

  it('sections: a negative maximum, a weight not above 0', () => {
    const sec = (x: string) => rubricText([OK]).replace('  - name: 基本工作\n', `  - name: 基本工作\n    ${x}\n`);
    expect(problems(sec('max: "-1"'))).toEqual([['MJ411', 'max']]);
    expect(problems(sec('weight: "0"'))).toEqual([['MJ411', 'weight']]);
    expect(problems(sec('max: 0'))).toEqual([]);
    expect(problems(rubricText([OK, '{ id: x, name: 学习, measure: count, points: 1, max: 0 }']))).toEqual([]);
  });
});

describe('items measured by an earlier year (earlierRefs)', () => {
  const year = (text: string) => {
    const doc = parseYamlFull(text, DEFAULT_YAML_LIMITS);
    const parsed = RUBRIC_SCHEMA.safeParse(doc.value);
    if (!parsed.success) throw new Error(parsed.error.message);
    return parsed.data;
  };
  const EARLIER = '{ id: last, name: 上年得分, measure: earlier, points: 0.1 }';
  const EARLIER_OF = (of: string) => `{ id: last, name: 上年得分, measure: earlier, earlier: { of: ${of} }, points: 0.1 }`;
  const refsOf = (calls: string[]) => ({ file: 'rubrics/2019.yaml', year: 2019, locate: (p: readonly (string | number)[]) => ({ line: calls.push(p.join('.')), column: 1 }) });
  /** The problems of this year's rubric, given last year's (undefined: none; null: one that did not load), with the paths they point at. */
  const check = (now: string, last: string | undefined | null, back = 1) => {
    const past = last === undefined || last === null ? last : compileRubric(year(last), 2019 - back);
    const calls: string[] = [];
    const asked: number[] = [];
    const found = earlierRefs(year(now), refsOf(calls), (y) => {
      asked.push(y);
      return y === 2019 - back ? past : undefined;
    });
    return { found: found.map(({ file: _f, line, column: _c, ...d }) => ({ at: calls[line - 1], ...d })), asked };
  };
  const lastYear = rubricText([OK], unitSheet([UNIT_OK()]));

  it('no rubric for the year before: a warning (MJ418) at the item\'s measure; a rubric that did not load: nothing more', () => {
    expect(check(rubricText([OK, EARLIER]), undefined).found).toEqual([{ at: 'sections.0.items.1.measure', code: 'MJ418', params: { item: 'last', year: 2018 } }]);
    expect(check(rubricText([OK, EARLIER]), null).found).toEqual([]);
    expect(check(rubricText([OK, EARLIER]), lastYear)).toEqual({ found: [], asked: [2018] });
  });

  it('years_back picks the year; of names an item of that year\'s sheet', () => {
    const back2 = '{ id: last, name: 前年得分, measure: earlier, earlier: { years_back: "2", of: ok }, points: 0.1 }';
    expect(check(rubricText([OK, back2]), lastYear, 2)).toEqual({ found: [], asked: [2017] });
    expect(check(rubricText([OK, EARLIER_OF('nope')]), lastYear).found).toEqual([{ at: 'sections.0.items.1.earlier.of', code: 'MJ419', params: { item: 'last', year: 2018, of: 'nope' } }]);
    expect(check(rubricText([OK, EARLIER_OF('ok')]), lastYear).found).toEqual([]);
    expect(check(rubricText([OK], `requirements: [ { id: rlast, name: 上年, measure: earlier, earlier: { of: nope }, target: 60 } ]`), lastYear).found)
      .toEqual([{ at: 'requirements.0.earlier.of', code: 'MJ419', params: { item: 'rlast', year: 2018, of: 'nope' } }]);
  });

  it('a unit sheet\'s item looks in that year\'s sheet of the same id; a sheet it lacks is named', () => {
    const now = rubricText([OK], unitSheet([UNIT_OK(), EARLIER_OF('uok')]));
    expect(check(now, lastYear).found).toEqual([]);
    expect(check(now, lastYear.replace('id: zz', 'id: yy')).found).toEqual([{ at: 'units.0.sections.0.items.1.earlier.of', code: 'MJ419', params: { item: 'last', year: 2018, of: 'zz' } }]);
    expect(check(rubricText([OK], unitSheet([UNIT_OK(), EARLIER])), lastYear.replace('id: zz', 'id: yy')).found)
      .toEqual([{ at: 'units.0.sections.0.items.1.measure', code: 'MJ419', params: { item: 'last', year: 2018, of: 'zz' } }]);
    // The branch sheet's item ok is not the unit sheet's.
    expect(check(rubricText([OK], unitSheet([UNIT_OK(), EARLIER_OF('ok')])), lastYear).found[0]?.params).toEqual({ item: 'last', year: 2018, of: 'ok' });
  });

  it('the member sheet\'s item looks in that year\'s member sheet', () => {
    const now = rubricText([OK], memberSheet(['{ id: mok, name: 提案, measure: count, points: 1 }', EARLIER_OF('mok')]));
    expect(check(now, rubricText([OK], memberSheet(['{ id: mok, name: 提案, measure: count, points: 1 }']))).found).toEqual([]);
    expect(check(now, lastYear).found).toEqual([{ at: 'members.sections.0.items.1.earlier.of', code: 'MJ419', params: { item: 'last', year: 2018, of: 'members' } }]);
  });
});
