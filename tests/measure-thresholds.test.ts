// A member or a period reaches an item's at_least when its whole count is ≥ ⌈at_least⌉: the
// measure compares numbers, not fractions, and a fractional at_least counts as the next whole
// number (at_least 1.5 needs 2 records, at_least 2 needs 2, at_least 0.5 needs 1).

import { describe, expect, it } from 'vitest';
import { ScoreCounts } from '../src/compute/score-counts.js';
import { makeScope } from '../src/compute/scope.js';
import { scoreBranches } from '../src/compute/scores.js';
import { act, feed, member, org, ROOT, rubric, VOCAB } from './helpers/builders.js';

const ORGS = [ROOT, org('a')];
const MEMBERS = ['a1', 'a2', 'a3', 'a4'].map((id) => member(id, 'a'));

function items(atLeast: string): Map<string, string> {
  const r = rubric(`title: 门槛
total: 100
grades:
  - { name: 合格, min: 0 }
sections:
  - name: 全部
    items:
      - { id: reporters, name: 报送人数, measure: members, where: { type: 社情民意 }, at_least: ${atLeast}, points: 1 }
      - { id: cover, name: 覆盖率, measure: coverage, where: { type: 社情民意 }, at_least: ${atLeast}, points: 100 }
      - { id: quarters, name: 季度, measure: count, period: { every: quarter, at_least: ${atLeast} }, where: { type: 组织生活 }, points: 1 }
`);
  // a1: 3 reports, a2: 2, a3: 1, a4: none. Meetings: 3 in Q1, 2 in Q2, 1 in Q3, none in Q4.
  const records = [
    ...['a1', 'a1', 'a1', 'a2', 'a2', 'a3'].map((m) => act('社情民意', 'a', [m])),
    ...[20190110, 20190210, 20190310, 20190410, 20190510, 20190710].map((date) => act('组织生活', 'a', ['a1'], { date })),
  ];
  const scope = makeScope(ORGS, MEMBERS, 2019);
  const vocab = VOCAB();
  const c = new ScoreCounts(scope, r, vocab);
  feed((v) => c.visit(v), records, ORGS, MEMBERS, vocab);
  const [s] = scoreBranches(makeScope(ORGS, MEMBERS, 2019), r, c, []);
  return new Map(s!.sections.flatMap((x) => x.items.map((i) => [i.item.id, i.value.toShort(4)])));
}

describe('at_least thresholds', () => {
  it.each([
    // at_least, members reaching it, coverage, quarters reaching it
    ['0.5', '3', '0.75', '3'],
    ['1', '3', '0.75', '3'],
    ['1.5', '2', '0.5', '2'],
    ['2', '2', '0.5', '2'],
    ['2.001', '1', '0.25', '1'],
    ['3', '1', '0.25', '1'],
    ['3.5', '0', '0', '0'],
  ])('at_least %s: %s members, coverage %s, %s quarters', (atLeast, members, coverage, quarters) => {
    const v = items(atLeast);
    expect([v.get('reporters'), v.get('cover'), v.get('quarters')]).toEqual([members, coverage, quarters]);
  });
});
