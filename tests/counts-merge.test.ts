// A split scan (a worker thread counts the second half of a file) must give exactly the counts
// of one pass: counters filled from two halves and merged agree with one counter over all the
// records, for every rubric measure and every statistics column, exact decimal sums included.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecimalSums, ScoreCounts } from '../src/compute/score-counts.js';
import { makeScope } from '../src/compute/scope.js';
import { scoreBranches } from '../src/compute/scores.js';
import { StatsCounts } from '../src/compute/stats.js';
import { DEFAULT_THREE_ONES } from '../src/model/rubric.js';
import { ACTIVITY_TYPES, LEVELS, type Activity } from '../src/model/types.js';
import { act, feed, member, org, ROOT, rubric, VOCAB } from './helpers/builders.js';

const ORGS = [ROOT, org('a'), org('b'), org('c')];
const MEMBERS = [
  ...['a1', 'a2', 'a3', 'a4'].map((id) => member(id, 'a')),
  member('a5', 'a', { status: '退会', left: 20190701 }),
  ...['b1', 'b2'].map((id) => member(id, 'b')),
  member('b3', 'b', { roles: ['市政协委员'] }),
  member('b4', 'b', { joined: 20191001 }),
  member('c1', 'c'),
];
const IDS = MEMBERS.map((m) => m.id);

const RUBRIC = rubric(`title: 合并测试
total: 100
grades:
  - { name: 优秀, min: 30 }
  - { name: 合格, min: 10 }
  - { name: 不合格, min: 0 }
sections:
  - name: 全部
    items:
      - { id: meetings, name: 组织生活, measure: count, where: { type: 组织生活 }, points: 1 }
      - { id: attend, name: 参加率, measure: attendance, where: { type: 组织生活 }, points: 10 }
      - { id: reporters, name: 报送人数, measure: members, where: { type: 社情民意 }, points: 1 }
      - { id: cover, name: 覆盖率, measure: coverage, where: { type: 社情民意 }, at_least: 2, points: 10 }
      - { id: hours, name: 学时, measure: sum, field: hours, where: { type: 培训 }, points: 0.5 }
      - { id: adopted, name: 采用, measure: count, where: { type: 社情民意, outcomes: [省委会采用] }, points: 2 }
      - { id: rate, name: 采用率, measure: ratio, of: { type: 社情民意 }, where: { outcomes: 省委会采用 }, points: 10 }
      - { id: each, name: 按次, measure: count, per: outcome, where: { outcomes: [省委会采用, 立案] }, points: 1 }
      - { id: quarters, name: 季度, measure: count, period: { every: quarter, at_least: 2 }, where: { type: 组织生活 }, points: 1 }
      - { id: who, name: 委员, measure: count, where: { type: 社情民意, who: { roles: 市政协委员 } }, points: 1 }
      - { id: absent, name: 缺席, measure: absences, where: { type: 组织生活 }, excused: { type: 学习 }, points: -1 }
member_items:
  - { id: m-lead, name: 主笔, measure: count, where: { type: [提案, 建议] }, lead: true, points: 1 }
  - { id: m-hours, name: 学时, measure: sum, field: hours, where: { type: 培训 }, points: 1 }
  - { id: m-lead-hours, name: 主讲学时, measure: sum, field: hours, where: { type: 培训 }, lead: true, points: 1 }
  - { id: m-split, name: 均摊, measure: count, where: { type: 调研 }, split: true, points: 1 }
  - { id: m-half, name: 折半, measure: count, where: { type: 提案 }, split: lead-half, points: 1 }
  - { id: m-co, name: 参与, measure: count, where: { type: 提案 }, role: co, points: 1 }
`);

const HOURS = ['1', '2.5', '0.125', '0.00001', '12345678901', '3.33333'];
const record = fc.record({
  type: fc.constantFrom(...ACTIVITY_TYPES), org: fc.constantFrom('a', 'b', 'c'), members: fc.array(fc.constantFrom(...IDS), { maxLength: 12 }), // repeats, short and long lists
  hours: fc.option(fc.constantFrom(...HOURS), { nil: undefined }), adopted: fc.boolean(), level: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }), day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 12 }),
});
type Raw = typeof record extends fc.Arbitrary<infer T> ? T : never;
const toActivity = (r: Raw): Activity =>
  act(r.type, r.org, r.members, { hours: r.hours, level: r.level, outcomes: r.adopted ? ['省委会采用', '立案'] : [], date: 2019_00_00 + r.month * 100 + r.day });

function scoreCounts(records: readonly Activity[]): ScoreCounts {
  const scope = makeScope(ORGS, MEMBERS, 2019);
  const vocab = VOCAB();
  const c = new ScoreCounts(scope, RUBRIC, vocab);
  feed((v) => c.visit(v), records, ORGS, MEMBERS, vocab);
  return c;
}

function statsCounts(records: readonly Activity[]): StatsCounts {
  const scope = makeScope(ORGS, MEMBERS, 2019);
  const vocab = VOCAB();
  const c = new StatsCounts(scope, DEFAULT_THREE_ONES, vocab, scope.lastDay);
  feed((v) => c.visit(v), records, ORGS, MEMBERS, vocab);
  return c;
}

/** Everything a score sheet shows, as text. */
function sheet(c: ScoreCounts): string[] {
  const scores = scoreBranches(makeScope(ORGS, MEMBERS, 2019), RUBRIC, c, []);
  const lines = scores.map((s) => [s.total.toFixed(4), ...s.sections.flatMap((x) => x.items.map((i) => `${i.item.id}=${i.points.toFixed(6)}`))].join(' '));
  MEMBERS.forEach((_, m) => {
    const value = (it: (typeof c.memberItems)[number]): string => (it.memberSums ? it.memberSums.get(m).toFixed(6) : it.splits ? c.shared(it, m).toFixed(6) : String(c.count(it, m)));
    lines.push(`${m}: ${c.memberItems.map(value).join(' ')} info=${c.memberInfo(m)}`);
  });
  return lines;
}

function plainState(c: StatsCounts): unknown {
  const s = c.state();
  // The meetings of each branch, over the year and over a window (members' 参加率 ask for these).
  const meetings = Array.from(c.meetings, (_, b) => [c.meetingsBetween(b, 0, 99999999), c.meetingsBetween(b, 20190301, 20190701)]);
  return { arrays: s.arrays.map((a) => [...a]), sums: (s.sums as DecimalSums[]).map((d) => Array.from(d.exportState().scaled, (_, i) => d.get(i).toFixed(6))), meetings };
}

describe('merged counts', () => {
  it('equal one pass over all the records, for any split', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.nat(), (raw, cut) => {
        const records = raw.map(toActivity);
        const k = records.length === 0 ? 0 : cut % (records.length + 1);
        const first = records.slice(0, k), second = records.slice(k);

        const whole = scoreCounts(records);
        const merged = scoreCounts(first);
        merged.merge(scoreCounts(second).state());
        expect(sheet(merged)).toEqual(sheet(whole));

        const wholeStats = statsCounts(records);
        const mergedStats = statsCounts(first);
        mergedStats.merge(statsCounts(second).exportState()); // what a worker sends
        expect(plainState(mergedStats)).toEqual(plainState(wholeStats));
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('counts every kind of item in the example split by hand', () => {
    const records = [
      act('培训', 'a', ['a1', 'a2'], { hours: '0.00001' }),
      act('培训', 'a', ['a1'], { hours: '12345678901' }),
      act('提案', 'a', ['a2', 'a1']),
      act('组织生活', 'a', ['a1', 'a2', 'a3']),
    ];
    const merged = scoreCounts(records.slice(0, 2));
    merged.merge(scoreCounts(records.slice(2)).state());
    const [hours, leadHours] = [merged.memberItems[1]!, merged.memberItems[2]!];
    expect(hours.memberSums!.get(0).toFixed(5)).toBe('12345678901.00001'); // a1 listed on both
    expect(hours.memberSums!.get(1).toFixed(5)).toBe('0.00001');
    expect(leadHours.memberSums!.get(0).toFixed(5)).toBe('12345678901.00001'); // a1 leads both
    expect(leadHours.memberSums!.get(1).toFixed(5)).toBe('0.00000');
    expect(merged.count(merged.memberItems[0]!, 1)).toBe(1); // a2 leads the proposal
    expect(merged.count(merged.memberItems[0]!, 0)).toBe(0);
  });
});

describe('DecimalSums', () => {
  it('adds decimal texts exactly, short ones as scaled integers and long ones as fractions', () => {
    const s = new DecimalSums(3);
    for (const t of ['2.5', '0.0001', '3']) s.add(0, t);
    for (const t of ['0.00001', '0.00002']) s.add(1, t); // five places: kept as fractions
    for (const t of ['12345678901', '1.5']) s.add(2, t); // eleven digits before the point
    expect(s.get(0).toFixed(4)).toBe('5.5001');
    expect(s.get(1).toFixed(5)).toBe('0.00003');
    expect(s.get(2).toFixed(1)).toBe('12345678902.5');
  });

  it('stays exact past 2⁵³ units (106 × 9999999999.9993 hours is …9999.9258, shown .93), alone and merged', () => {
    const s = new DecimalSums(1);
    for (let k = 0; k < 106; k++) s.add(0, '9999999999.9993');
    expect(s.get(0).toFixed(4)).toBe('1059999999999.9258');
    expect(s.get(0).toFixed(2)).toBe('1059999999999.93');
    const a = new DecimalSums(1), b = new DecimalSums(1);
    for (let k = 0; k < 53; k++) {
      a.add(0, '9999999999.9993');
      b.add(0, '9999999999.9993');
    }
    a.merge(b.exportState());
    expect(a.get(0).toFixed(4)).toBe('1059999999999.9258');
  });

  it('merges another thread\'s sums, fractions included', () => {
    const a = new DecimalSums(2), b = new DecimalSums(2);
    a.add(0, '1.25');
    a.add(1, '0.333333');
    b.add(0, '0.75');
    b.add(1, '0.666667');
    b.add(1, '0.1');
    a.merge(b.exportState());
    expect(a.get(0).toFixed(2)).toBe('2.00');
    expect(a.get(1).toFixed(6)).toBe('1.100000');
  });
});
