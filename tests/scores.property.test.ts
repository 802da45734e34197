// Properties of the score engine on random data (fast-check, fixed seeds): monotone counts,
// caps respected, totals add up, ranks follow totals, record order does not matter.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoreCounts } from '../src/compute/score-counts.js';
import { makeScope } from '../src/compute/scope.js';
import { scoreBranches, type BranchScore } from '../src/compute/scores.js';
import type { Activity, ActivityType, Member, Org } from '../src/model/types.js';
import { Rational } from '../src/util/decimal-text.js';
import { act, assessment, feed, member, org, ROOT, rubric, VOCAB } from './helpers/builders.js';

const RUBRIC = rubric(`title: p
total: 60
grades: [ { name: 优秀, min: 50, quota: 0.34 }, { name: 良好, min: 30 }, { name: 差, min: 0 } ]
sections:
  - name: 甲
    max: 25
    items:
      - { id: c, name: c, measure: count, where: { type: [提案, 建议] }, points: 5, max: 15 }
      - { id: o, name: o, measure: count, where: { outcomes: 省委会采用 }, points: 1.5 }
      - { id: t, name: t, measure: count, where: { type: 组织生活 }, tiers: [ { at_least: 1, points: 3 }, { at_least: 3, points: 9 } ] }
      - { id: d, name: d, measure: count, where: { type: 社会服务 }, tiers: [ { at_least: 0, points: -4 }, { at_least: 1, points: 0 } ] }
  - name: 乙
    max: 40
    items:
      - { id: m, name: m, measure: members, where: { type: 社情民意 }, points: 2, max: 8 }
      - { id: v, name: v, measure: coverage, where: { type: 社情民意 }, points: 12 }
      - { id: s, name: s, measure: sum, field: hours, where: { type: 培训 }, points: 0.5, max: 6 }
      - { id: a, name: a, measure: attendance, where: { type: 组织生活 }, points: 7 }
      - { id: k, name: k, measure: manual, max: 10, min: 0 }
  - name: 加分
    bonus: true
    max: 6
    items:
      - { id: b, name: b, measure: count, where: { outcomes: [全国政协转送] }, points: 4 }
vetoes:
  - { when: three_ones_incomplete, max_grade: 良好 }
`);

const TYPES: ActivityType[] = ['提案', '建议', '社情民意', '社会服务', '组织生活', '培训'];
const BRANCHES: Org[] = ['a', 'b', 'c', 'd'].map((id) => org(id));
const MEMBERS: Member[] = Array.from({ length: 12 }, (_, i) =>
  member(`m${i}`, BRANCHES[i % 4]!.id, i % 5 === 4 ? { status: '退会', left: 20190701 } : {}),
);

const recordArb = fc.record({
  type: fc.constantFrom(...TYPES),
  org: fc.constantFrom('a', 'b', 'c', 'd'),
  members: fc.subarray(MEMBERS.map((m) => m.id), { maxLength: 4 }),
  outcomes: fc.subarray(['省委会采用', '全国政协转送']),
  hours: fc.option(fc.constantFrom('0.5', '1', '2.25', '4'), { nil: undefined }),
  month: fc.integer({ min: 1, max: 6 }),
});
const recordsArb = fc.array(recordArb, { maxLength: 40 }).map((rs) =>
  rs.map((r) => act(r.type, r.org, r.members, { outcomes: r.outcomes, hours: r.hours, date: 20190000 + r.month * 100 + 1 })),
);
const manualArb = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 20 })), { maxLength: 4 })
  .map((xs) => [...new Map(xs).entries()].map(([o, p]) => assessment(o, 'k', String(p / 2))));

function run(records: readonly Activity[], manual = [assessment('a', 'k', '5')]): BranchScore[] {
  const orgs = [ROOT, ...BRANCHES];
  const scope = makeScope(orgs, MEMBERS, 2019);
  const vocab = VOCAB();
  const counts = new ScoreCounts(scope, RUBRIC, vocab);
  feed((v) => counts.visit(v), records, orgs, MEMBERS, vocab);
  return scoreBranches(scope, RUBRIC, counts, manual);
}

const serialize = (scores: BranchScore[]): string =>
  JSON.stringify(scores.map((s) => [s.branch.id, s.total.toFixed(6), s.rank, s.grade, s.sections.map((x) => x.items.map((i) => i.points.toFixed(6)))]));

describe('score properties', () => {
  it('adding a matching record never lowers a count item', () => {
    fc.assert(
      fc.property(recordsArb, fc.constantFrom('a', 'b', 'c', 'd'), (records, o) => {
        const before = run(records).find((s) => s.branch.id === o)!;
        const after = run([...records, act('提案', o)]).find((s) => s.branch.id === o)!;
        const item = (s: BranchScore) => s.sections[0]!.items[0]!.points;
        expect(item(after).cmp(item(before))).toBeGreaterThanOrEqual(0);
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it('no item exceeds its max or falls below its min, no section its cap', () => {
    fc.assert(
      fc.property(recordsArb, manualArb, (records, manual) => {
        for (const s of run(records, manual)) {
          for (const sec of s.sections) {
            if (sec.section.max) expect(sec.capped.cmp(sec.section.max)).toBeLessThanOrEqual(0);
            for (const it of sec.items) {
              if (it.item.max) expect(it.points.cmp(it.item.max)).toBeLessThanOrEqual(0);
              if (it.item.min) expect(it.points.cmp(it.item.min)).toBeGreaterThanOrEqual(0);
            }
          }
        }
      }),
      { seed: 12, numRuns: 150 },
    );
  });

  it('总分 = base (≤ total) + deductions + bonus, each from the capped parts', () => {
    fc.assert(
      fc.property(recordsArb, manualArb, (records, manual) => {
        for (const s of run(records, manual)) {
          const base = s.sections.filter((x) => !x.section.bonus).reduce((acc, x) => acc.add(x.capped), Rational.ZERO).min(RUBRIC.total);
          const neg = s.sections.filter((x) => !x.section.bonus).reduce((acc, x) => acc.add(x.negative), Rational.ZERO);
          const bonus = s.sections.filter((x) => x.section.bonus).reduce((acc, x) => acc.add(x.subtotal), Rational.ZERO);
          expect(s.base.cmp(base)).toBe(0);
          expect(s.total.cmp(base.add(neg).add(bonus))).toBe(0);
        }
      }),
      { seed: 13, numRuns: 150 },
    );
  });

  it('ranks follow totals', () => {
    fc.assert(
      fc.property(recordsArb, manualArb, (records, manual) => {
        const scores = run(records, manual);
        for (const x of scores) {
          for (const y of scores) {
            const c = x.total.cmp(y.total);
            if (c > 0) expect(x.rank).toBeLessThan(y.rank);
            if (c === 0) expect(x.rank).toBe(y.rank);
          }
          expect(x.rank).toBe(1 + scores.filter((y) => y.total.cmp(x.total) > 0).length);
        }
      }),
      { seed: 14, numRuns: 150 },
    );
  });

  it('gives the same result whatever the order of the records', () => {
    fc.assert(
      fc.property(recordsArb.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))), ([records, shuffled]) => {
        expect(serialize(run(shuffled))).toBe(serialize(run(records)));
      }),
      { seed: 15, numRuns: 100 },
    );
  });
});
