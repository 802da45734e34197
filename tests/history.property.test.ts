// Properties of the roster's history on random provinces whose members move between branches:
// every 合计 is still the sum of its rows and every roster row adds up (转入 and 转出 included);
// a transfer never counts a member twice on one day (in any table); one year's 年末数 is the next
// year's 年初数 in every table that has both (会员结构, 后备人才库结构, the trend).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupsOf } from '../src/compute/groups.js';
import { poolStructure } from '../src/compute/reserve.js';
import { rosterCounts } from '../src/compute/roster.js';
import { makeScope } from '../src/compute/scope.js';
import { StatsCounts } from '../src/compute/stats.js';
import { trendOf } from '../src/compute/trend.js';
import { membersOfYear, slotPeriod } from '../src/compute/year-facts.js';
import { DEFAULT_THREE_ONES } from '../src/model/rubric.js';
import { NEVER, onRoster, orgOn, orgPeriods, type ActivityType, type Member, type Move, type ReserveSpan, type Status } from '../src/model/types.js';
import { rosterTable } from '../src/tables/roster-table.js';
import { branchesTable, membersTable, progressTable } from '../src/tables/stats-tables.js';
import type { Table } from '../src/tables/table.js';
import { act, feed, member, org, ROOT, VOCAB } from './helpers/builders.js';

const ORGS = [
  ROOT,
  org('c1', '市委会', 'root', { name: '甲市' }),
  org('z1', '总支', 'c1', { name: '甲总支' }),
  org('a', '支部', 'z1', { name: 'A' }),
  org('b', '支部', 'c1', { name: 'B' }),
  org('c2', '工委', 'root', { name: '乙工委' }),
  org('c', '支部', 'c2', { name: 'C' }),
  org('d', '支部', 'root', { name: 'D' }),
];
const BRANCHES = ['a', 'b', 'c', 'd'];
const TYPES: ActivityType[] = ['社情民意', '组织生活', '提案', '社会服务', '培训'];
const DAYS = [20180601, 20181231, 20190101, 20190102, 20190301, 20190601, 20190901, 20191231, 20200101, 20200315];

const memberArb = fc.record({
  org: fc.constantFrom(...BRANCHES),
  joined: fc.constantFrom(20100101, 20180301, 20190101, 20190315, 20191231),
  leave: fc.option(fc.record({ status: fc.constantFrom<Status>('退会', '去世', '转出'), left: fc.constantFrom(20181231, 20190101, 20190601, 20191231, 20200401) }), { nil: undefined }),
  moves: fc.array(fc.record({ day: fc.constantFrom(...DAYS), to: fc.constantFrom(...BRANCHES) }), { maxLength: 3 }),
  pool: fc.option(fc.record({ from: fc.constantFrom(20150101, 20181231, 20190101, 20190601), until: fc.constantFrom(20190101, 20190701, 20200101, NEVER) }), { nil: undefined }),
  title: fc.option(fc.constantFrom('正高级' as const, '副高级' as const), { nil: undefined }),
});
const worldArb = fc.record({
  members: fc.array(memberArb, { maxLength: 12 }),
  records: fc.array(fc.record({ type: fc.constantFrom(...TYPES), org: fc.constantFrom(...BRANCHES), day: fc.constantFrom(20190105, 20190401, 20190615, 20191001, 20191231), picks: fc.array(fc.nat(11), { maxLength: 4 }) }), { maxLength: 30 }),
});
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

/** Members with valid histories: moves inside their days on the roster, one a day, chained, each somewhere else. */
function world(w: World): { members: Member[]; records: ReturnType<typeof act>[] } {
  const members: Member[] = w.members.map((x, i) => {
    const left = x.leave && x.leave.left > x.joined ? x.leave : undefined;
    const until = left ? left.left : NEVER;
    const days = [...new Set(x.moves.map((mv) => mv.day))].filter((d) => d > x.joined && d < until).sort((a, b) => a - b);
    const moves: Move[] = [];
    let at = x.org;
    for (const d of days) {
      const to = x.moves.find((mv) => mv.day === d)!.to;
      if (to === at) continue;
      moves.push({ day: d, from: at, to, origin: { file: 't', line: 1, column: 1 } });
      at = to;
    }
    const spans: ReserveSpan[] = x.pool && x.pool.until > x.pool.from ? [{ kind: '后备干部', from: x.pool.from, until: x.pool.until, reason: undefined, origin: { file: 't', line: 1, column: 1 } }] : [];
    return member(`m${String(i).padStart(2, '0')}`, at, {
      joined: x.joined, ...(left ? { status: left.status, left: left.left } : {}), ...(moves.length ? { moves } : {}), reserveSpans: spans,
      ...(x.title ? { title: x.title } : {}),
    });
  });
  const records = w.records.map((r) => {
    const listed = [...new Set(r.picks.filter((p) => p < members.length))].map((p) => members[p]!).filter((m) => onRoster(m, r.day));
    return act(r.type, r.org, listed.map((m) => m.id), { date: r.day, hours: r.type === '培训' ? '2' : undefined });
  });
  return { members, records };
}

function year(w: World, y: number) {
  const { members, records } = world(w);
  const scope = makeScope(ORGS, members, y);
  const vocab = VOCAB();
  const counts = new StatsCounts(scope, DEFAULT_THREE_ONES, vocab);
  feed((v) => counts.visit(v), records.filter((r) => Math.floor(r.date / 10000) === y), ORGS, members, vocab);
  return { members, records, scope, counts };
}

const rosterOf = (members: readonly Member[], y: number, asOf = y * 10000 + 1231): Table =>
  rosterTable({ datasetName: 't', orgsInTreeOrder: makeScope(ORGS, [], y).orgsInTreeOrder, members, year: y, asOf, lang: 'zh', only: undefined, orgFilter: undefined });
const column = (t: Table, key: string): number => t.columns.findIndex((c) => c.key === key);
const cells = (t: Table, key: string): unknown[][] => [...t.rows].map((r) => [r.cells[0], r.cells[column(t, key)]]);

function checkSums(t: Table): void {
  const rows = [...t.rows];
  const total = rows.find((r) => r.kind === 'total')!;
  t.columns.forEach((c, i) => {
    if (c.kind !== 'int') return;
    expect(Number(total.cells[i]), `${t.name}.${c.key}`).toBe(rows.filter((r) => r.kind === 'data').reduce((n, r) => n + Number(r.cells[i] ?? 0), 0));
  });
}

describe('the roster\'s history', () => {
  it('roll-ups add up: every 合计 is the sum of its rows, and 年初 + 发展 + 转入 − 转出 − 减少 = 年末 in every roster row', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { scope, counts, members } = year(w, 2019);
        const input = { datasetName: 't', scope, counts, lang: 'zh' as const, only: undefined, orgFilter: undefined, byGroup: false, mask: false };
        for (const t of [branchesTable(input), membersTable({ ...input, points: undefined }), progressTable(input), rosterOf(members, 2019)]) checkSums(t);
        const roster = rosterOf(members, 2019);
        for (const r of roster.rows) {
          const n = (k: string) => Number(r.cells[column(roster, k)]);
          expect(n('start') + n('joined') + n('transferIn') - n('transferOut') - n('left')).toBe(n('end'));
          if (r.kind === 'total') expect(n('transferIn')).toBe(n('transferOut'));
        }
      }),
      { seed: 61, numRuns: 200 },
    );
  });

  it('a transfer never counts a member twice on one day', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom(...DAYS.filter((d) => d < 20200000)), (w, day) => {
        const { members } = world(w);
        // The periods of a member cover each day of the roster exactly once.
        for (const m of members) {
          const periods = orgPeriods(m, 20180101, 20191231);
          for (let k = 1; k < periods.length; k++) expect(periods[k]!.from).toBe(periods[k - 1]!.until);
          const on = periods.filter((p) => p.from <= day && day < p.until);
          expect(on.length).toBe(onRoster(m, day) ? 1 : 0);
          if (on.length === 1) expect(on[0]!.org).toBe(orgOn(m, day));
        }
        // The structure table on that day counts each member on the roster once, in their branch's group.
        const y = Math.floor(day / 10000);
        const r = rosterCounts({ orgsInTreeOrder: makeScope(ORGS, [], y).orgsInTreeOrder, members, year: y, asOf: day, only: undefined });
        const groups = groupsOf(ORGS);
        expect(r.total.end).toBe(members.filter((m) => onRoster(m, day)).length);
        for (const g of r.groups) expect(g.counts.end).toBe(members.filter((m) => onRoster(m, day) && groups.get(orgOn(m, day))?.key === g.group.key).length);
      }),
      { seed: 62, numRuns: 300 },
    );
  });

  it('the member table: one row per branch period, 年末在册 once per member, each record counted once in the period of its day', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { scope, counts, members, records } = year(w, 2019);
        const rows = membersOfYear(scope);
        const periods = rows.map((s) => slotPeriod(scope, s));
        members.forEach((m, i) => {
          const mine = periods.filter((p) => p.member === i);
          expect(mine.length).toBe(orgPeriods(m, 20190101, 20191231).length);
          expect(mine.filter((p) => p.active).length).toBe(scope.active[i]);
          const listing = records.filter((a) => Math.floor(a.date / 10000) === 2019 && a.type === '社情民意' && a.members.includes(m.id));
          expect(counts.ofMember(counts.mSqmy, i)).toBe(listing.length);
          for (const p of mine) expect(counts.mSqmy[p.slot]).toBe(listing.filter((a) => a.date >= p.from && a.date < p.until).length);
        });
      }),
      { seed: 63, numRuns: 200 },
    );
  });

  it('one year\'s 年末数 is the next year\'s 年初数: the roster in every group, the reserve pool in every kind, the trend', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { members } = world(w);
        expect(cells(rosterOf(members, 2019), 'start')).toEqual(cells(rosterOf(members, 2018), 'end'));
        expect(cells(rosterOf(members, 2020), 'start')).toEqual(cells(rosterOf(members, 2019), 'end'));
        for (const y of [2018, 2019]) {
          const a = poolStructure(members, y, y * 10000 + 1231), b = poolStructure(members, y + 1, (y + 1) * 10000 + 1231);
          expect(b.kinds.map((k) => k.counts.start)).toEqual(a.kinds.map((k) => k.counts.structure.end));
          for (const k of [...a.kinds.map((x) => x.counts), a.total]) expect(k.start + k.entered - k.exited).toBe(k.structure.end);
        }
        const trend = trendOf([2018, 2019].map((y) => {
          const { scope, counts } = year(w, y);
          return { year: y, scope, stats: counts, scores: undefined, grades: [], personTimes: 0 };
        }), makeScope(ORGS, [], 2019).orgsInTreeOrder, members, undefined);
        expect(trend.years[1]!.start).toBe(trend.years[0]!.end);
        for (const y of trend.years) expect(y.start + y.joined + y.movedIn - y.movedOut - y.left).toBe(y.end);
      }),
      { seed: 64, numRuns: 200 },
    );
  });
});
