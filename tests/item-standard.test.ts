// 评分标准 as the score forms write it (tables/score-form.ts: itemStandard, itemFull): one case per
// form of the rubric language and per branch of the wording, in Chinese and in English, each
// compared with its part of tests/golden/item-standard.json (UPDATE_GOLDEN=1 rewrites it; review
// the diff). The forms print these words for the panel and the branches: a lost condition, a
// wrong unit or a cap left out would misstate the rule.

import { describe, it } from 'vitest';
import { itemFull, itemStandard } from '../src/tables/score-form.js';
import { sheetItems } from '../src/model/rubric.js';
import { rubric } from './helpers/builders.js';
import { goldenPart } from './helpers/golden.js';
import { memberSheet, rubricText, unitSheet } from './helpers/rubric-text.js';

/** Branch items: one flow map each. */
const BRANCH = [
  '{ id: p-count, name: 提案, measure: count, where: { type: 提案 }, points: 5, max: 15 }',
  '{ id: p-cond, name: 采用, measure: count, where: { type: 社情民意, outcomes: [省委会采用, 全国政协采用], level: 省, tags: [重点, 专题], not: { tags: 退回 } }, points: 2 }',
  '{ id: p-who, name: 女会员, measure: count, where: { type: 学习, who: { gender: 女 } }, points: 1 }',
  '{ id: p-who-all, name: 多条件, measure: count, where: { type: 学习, who: { gender: [女, 男], title: 正高级, education: 研究生, degree: 博士, sector: 高校, roles: [省政协委员, 市政协委员], reserve: false, joined_this_year: false, age_below: "45" } }, points: 1 }',
  '{ id: p-who-new, name: 新会员后备, measure: roster, where: { who: { reserve: true, joined_this_year: true } }, points: 1 }',
  '{ id: p-deduct, name: 未报, measure: count, where: { type: 提案 }, points: -2, min: -6 }',
  '{ id: p-month, name: 月学习, measure: count, where: { type: 学习 }, period: { every: month, at_least: 2 }, points: 1 }',
  '{ id: p-quarter, name: 季度支委会, measure: count, where: { type: 支委会 }, period: { every: quarter }, points: 2 }',
  '{ id: p-half, name: 半年, measure: count, where: { type: 学习 }, period: { every: half }, points: 3 }',
  '{ id: p-members, name: 参加人数, measure: members, where: { type: 组织生活 }, points: 0.5, max: 10 }',
  '{ id: p-members2, name: 多次参加, measure: members, where: { type: 组织生活 }, at_least: 3, points: 1 }',
  '{ id: p-coverage, name: 覆盖率, measure: coverage, where: { type: 组织生活 }, points: 20 }',
  '{ id: p-attendance, name: 参加率, measure: attendance, where: { type: 组织生活 }, points: 8 }',
  '{ id: p-sum, name: 学时, measure: sum, field: hours, where: { type: 培训 }, points: 0.25, max: 4 }',
  '{ id: p-ratio, name: 采用率, measure: ratio, where: { type: 社情民意, outcomes: 省委会采用 }, of: { type: 社情民意 }, points: 10 }',
  '{ id: p-roster, name: 委员, measure: roster, where: { who: { roles: 省政协委员 } }, points: 1, max: 3 }',
  '{ id: p-earlier, name: 上年, measure: earlier, points: 0.1 }',
  '{ id: p-earlier2, name: 前年, measure: earlier, earlier: { years_back: "2", of: p-count }, points: 0.2, max: 2 }',
  '{ id: p-manual, name: 自评, measure: manual, max: 5 }',
  '{ id: p-manual-min, name: 扣分, measure: manual, max: 0, min: -3 }',
  '{ id: p-grades, name: 档次, measure: manual, values: [3, 2, 0] }',
  '{ id: p-words, name: 评议, measure: manual, values: { 好: 2, 一般: 1, 差: 0 } }',
  '{ id: t-count, name: 分档, measure: count, where: { type: 提案 }, tiers: [ { at_least: 2, points: 4 }, { at_least: 4, points: 8 } ] }',
  '{ id: t-capped, name: 分档封顶, measure: count, where: { type: 提案 }, tiers: [ { at_least: 1, points: 4 }, { at_least: 3, points: 8 } ], max: 6 }',
  '{ id: t-loose-cap, name: 分档宽顶, measure: count, where: { type: 提案 }, tiers: [ { at_least: 1, points: 4 } ], max: 6 }',
  '{ id: t-none, name: 无则扣, measure: count, where: { type: 提案 }, tiers: [ { at_least: 0, points: -5 }, { at_least: 1, points: 0 } ] }',
  '{ id: t-below, name: 少则扣, measure: count, where: { type: 提案 }, tiers: [ { at_least: 0, points: -5 }, { at_least: 2, points: -2 }, { at_least: 4, points: 0 }, { at_least: 6, points: 3 } ] }',
  '{ id: t-coverage, name: 覆盖分档, measure: coverage, where: { type: 组织生活 }, tiers: [ { at_least: 0, points: -3 }, { at_least: 0.5, points: 0 }, { at_least: 0.8, points: 5 } ] }',
  '{ id: t-attendance, name: 参加分档, measure: attendance, where: { type: 组织生活 }, tiers: [ { at_least: 0.6, points: 2 } ] }',
  '{ id: t-ratio, name: 占比分档, measure: ratio, where: { type: 社情民意, outcomes: 省委会采用 }, of: { type: 社情民意 }, tiers: [ { at_least: 0.25, points: 3 } ] }',
  '{ id: t-sum, name: 学时分档, measure: sum, field: hours, where: { type: 培训 }, tiers: [ { at_least: 8, points: 2 }, { at_least: 16, points: 4 } ] }',
  '{ id: t-members, name: 人数分档, measure: members, where: { type: 组织生活 }, tiers: [ { at_least: 0, points: -1 }, { at_least: 3, points: 2 } ] }',
];
const UNIT = [
  '{ id: u-sum, name: 支部总分合计, measure: rollup, rollup: { how: sum }, points: 0.01 }',
  '{ id: u-mean, name: 支部平均, measure: rollup, rollup: { how: mean, of: p-count }, points: 1, max: 10 }',
  '{ id: u-count, name: 优秀支部数, measure: rollup, rollup: { how: count, grade: [优秀, 合格] }, points: 2 }',
  '{ id: u-share, name: 达标占比, measure: rollup, rollup: { how: share, at_least: 80, three_ones: true }, points: 10 }',
  '{ id: u-tiers, name: 分档汇总, measure: rollup, rollup: { how: count, three_ones: true }, tiers: [ { at_least: 2, points: 3 } ] }',
  '{ id: u-own, name: 总支学习, measure: count, where: { type: 学习 }, scope: own, points: 1 }',
];
const MEMBER = [
  '{ id: m-absent, name: 无故缺席, measure: absences, where: { type: 组织生活 }, excused: { type: 其他, tags: 请假 }, points: -1, min: -5 }',
  '{ id: m-absent2, name: 缺席, measure: absences, where: { type: 组织生活 }, points: -0.5 }',
  '{ id: m-lead, name: 主笔, measure: count, where: { type: 提案 }, role: lead, points: 2 }',
];

const TEXT = `${rubricText(BRANCH, `${unitSheet(UNIT)}\n${memberSheet(MEMBER)}`)}\n`;

const r = rubric(TEXT);
const items = [...sheetItems(r), ...r.units.flatMap((u) => sheetItems(u)), ...sheetItems(r.memberSheet!)];

describe('评分标准 of each form, in both languages, and its 分值', () => {
  it.each(items.map((item) => [item.id, item] as const))('%s', (_id, item) => {
    const full = itemFull(item);
    goldenPart('item-standard.json', item.id, { zh: itemStandard(item, 'zh'), en: itemStandard(item, 'en'), full: full === undefined ? null : full.toShort(4) });
  });
});
