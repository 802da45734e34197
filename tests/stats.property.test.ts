// Properties of the statistics tables on random provinces: every 合计 is the sum of its rows,
// --org of a subtree gives exactly the subtree's rows of the full table, and the roster's
// movement adds up in every row.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeScope, subtree } from '../src/compute/scope.js';
import { StatsCounts } from '../src/compute/stats.js';
import { DEFAULT_THREE_ONES } from '../src/model/rubric.js';
import type { ActivityType, Member, Status } from '../src/model/types.js';
import { formatCell } from '../src/render/cells.js';
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
const BRANCH_IDS = ['a', 'b', 'c', 'd'];
const TYPES: ActivityType[] = ['提案', '建议', '社情民意', '社会服务', '组织生活', '培训'];

const memberArb = fc.record({
  org: fc.constantFrom(...BRANCH_IDS),
  joined: fc.constantFrom(20100101, 20190101, 20190315, 20191231),
  leave: fc.option(fc.record({ status: fc.constantFrom<Status>('退会', '去世', '转出'), left: fc.constantFrom(20181231, 20190101, 20190601, 20191231) }), { nil: undefined }),
  birth: fc.option(fc.constantFrom(19500101, 19790615, 19900101), { nil: undefined }),
  title: fc.option(fc.constantFrom('正高级' as const, '副高级' as const, '中级' as const), { nil: undefined }),
});
const worldArb = fc.record({
  members: fc.array(memberArb, { maxLength: 14 }),
  records: fc.array(fc.record({ type: fc.constantFrom(...TYPES), org: fc.constantFrom(...BRANCH_IDS), picks: fc.array(fc.nat(13), { maxLength: 4 }), adopted: fc.boolean() }), { maxLength: 30 }),
});

type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function world(w: World) {
  const members: Member[] = w.members.map((m, i) =>
    member(`m${String(i).padStart(2, '0')}`, m.org, {
      joined: m.joined,
      ...(m.leave && m.leave.left > m.joined ? { status: m.leave.status, left: m.leave.left } : {}),
      ...(m.birth ? { birth: m.birth } : {}),
      ...(m.title ? { title: m.title } : {}),
    }),
  );
  const records = w.records.map((r) => act(r.type, r.org, r.picks.filter((p) => p < members.length).map((p) => members[p]!.id), { outcomes: r.adopted ? ['省委会采用'] : [], hours: r.type === '培训' ? '1.5' : undefined }));
  return { members, records };
}

function tables(w: World, only?: Set<string>) {
  const { members, records } = world(w);
  const scope = makeScope(ORGS, members, 2019);
  const vocab = VOCAB();
  const counts = new StatsCounts(scope, DEFAULT_THREE_ONES, vocab);
  feed((v) => counts.visit(v), records, ORGS, members, vocab);
  const input = { datasetName: 't', scope, counts, lang: 'zh' as const, only, orgFilter: only ? 'x' : undefined, byGroup: false, mask: false };
  return {
    branches: branchesTable(input),
    members: membersTable({ ...input, points: undefined }),
    progress: progressTable(input),
    roster: rosterTable({ datasetName: 't', orgsInTreeOrder: scope.orgsInTreeOrder, members, year: 2019, asOf: 20191231, lang: 'zh', only, orgFilter: undefined }),
  };
}

function csvRows(t: Table): string[][] {
  return [...t.rows].map((r) => r.cells.map((v, i) => formatCell(v, t.columns[i]!, 'machine')));
}

function checkSums(t: Table): void {
  const data = [...t.rows].filter((r) => r.kind === 'data');
  const total = [...t.rows].find((r) => r.kind === 'total')!;
  t.columns.forEach((c, i) => {
    if (c.kind !== 'int') return;
    const sum = data.reduce((n, r) => n + Number(r.cells[i] ?? 0), 0);
    expect(Number(total.cells[i])).toBe(sum);
  });
}

describe('statistics properties', () => {
  it('every 合计 equals the sum of its rows', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const t = tables(w);
        for (const table of [t.branches, t.members, t.progress, t.roster]) checkSums(table);
      }),
      { seed: 21, numRuns: 150 },
    );
  });

  it('--org of a subtree gives the subtree\'s rows of the full table', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom('c1', 'z1', 'c2', 'd', 'a'), (w, id) => {
        const only = subtree(ORGS, id);
        const full = tables(w);
        const part = tables(w, only);
        for (const k of ['branches', 'members', 'progress'] as const) {
          const fullRows = csvRows(full[k]).slice(0, -1);
          const partRows = csvRows(part[k]).slice(0, -1);
          const keep = [...full[k].rows].slice(0, -1).map((r, i) => ({ r, i })).filter(({ r }) => partRows.some((p) => p[0] === r.cells[0]));
          expect(partRows).toEqual(keep.map(({ i }) => fullRows[i]));
        }
      }),
      { seed: 22, numRuns: 100 },
    );
  });

  it('年初 + 发展 − 减少 = 年末 in every roster row', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const t = tables(w).roster;
        const idx = (k: string) => t.columns.findIndex((c) => c.key === k);
        for (const r of t.rows) {
          const n = (k: string) => Number(r.cells[idx(k)]);
          expect(n('start') + n('joined') - n('left')).toBe(n('end'));
        }
      }),
      { seed: 23, numRuns: 150 },
    );
  });

  it("one year's 年末数 is the next year's 年初数, in every group (a member who joined on 1 January counts once)", () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { members } = world(w);
        const roster = (year: number) => rosterTable({ datasetName: 't', orgsInTreeOrder: makeScope(ORGS, [], year).orgsInTreeOrder, members, year, asOf: year * 10000 + 1231, lang: 'zh', only: undefined, orgFilter: undefined });
        const cells = (t: Table, key: string) => [...t.rows].map((r) => [r.cells[0], r.cells[t.columns.findIndex((c) => c.key === key)]]);
        expect(cells(roster(2019), 'start')).toEqual(cells(roster(2018), 'end'));
        expect(cells(roster(2020), 'start')).toEqual(cells(roster(2019), 'end'));
      }),
      { seed: 24, numRuns: 150 },
    );
  });
});
