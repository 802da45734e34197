// The cross-row checks of checks/ on their own, each diagnostic compared whole (code, field,
// params, span, suggestion): duplicates confirmed from hash candidates, the history of moves and
// pool spans, liaisons that overlap, references to orgs and members.

import { describe, expect, it } from 'vitest';
import { assessedItem, assessedOnce, assessedOrg, assessmentsWithoutRubric, unassessedItems, type AssessableItem, type AssessmentRefs } from '../src/checks/assessments.js';
import { confirmDuplicates } from '../src/checks/duplicates.js';
import { memberMoves, memberSpans, orgRef, reserveColumn, transferRefs, type HistoryRefs } from '../src/checks/history.js';
import { ZeroDamage } from '../src/checks/members.js';
import type { FieldPlacer } from '../src/checks/place.js';
import { liaisonOverlaps } from '../src/checks/practices.js';
import type { DiagnosticInput } from '../src/diagnostics/diagnostic.js';
import type { Liaison } from '../src/model/practices.js';
import { NEVER, type Member, type ReserveSpan } from '../src/model/types.js';
import { fieldIndex } from '../src/schema/fields.js';
import { member, org } from './helpers/builders.js';

/** A placer for a row at `line` of `file`: each diagnostic names the field by its index. */
function placer(line: number, file = 'history/transfers.csv'): FieldPlacer {
  return {
    at: (field, code, params, extra) => ({ file, line, column: field + 1, code, ...(params ? { params } : {}), ...extra }),
    atItem: (field, k, code, params, extra) => ({ file, line, column: field + 1, code, params: { ...params, k }, ...extra }),
  };
}
const T = { member: fieldIndex('transfers', 'member'), date: fieldIndex('transfers', 'date'), from: fieldIndex('transfers', 'from'), to: fieldIndex('transfers', 'to') };
const R = { from: fieldIndex('reserve', 'from') };
const L = { from: fieldIndex('liaisons', 'from') };

describe('duplicate ids confirmed from hash candidates (confirmDuplicates)', () => {
  // The id on each line and its column, as the reader of the file finds them.
  const ids: Record<number, { id: string; column: number }> = { 2: { id: 'M001', column: 1 }, 5: { id: 'M002', column: 1 }, 7: { id: 'M001', column: 3 }, 9: { id: 'M002', column: 1 } };
  const idAt = (n: number) => ids[n];

  it('reports each pair once, at the later line, naming the first; the column given or found in the line', () => {
    const found = confirmDuplicates('members.csv', [
      { line: 7, firstLine: 2, column: 3 },
      { line: 2, firstLine: 7, column: 0 }, // the same pair, written the other way round
      { line: 5, firstLine: 9, column: 4 }, // the later line is the first: its column is not the candidate's
    ], idAt);
    expect(found).toEqual([
      { code: 'MJ301', file: 'members.csv', line: 7, column: 3, field: 'id', params: { id: 'M001', first: 'members.csv:2' }, span: 4 },
      { code: 'MJ301', file: 'members.csv', line: 9, column: 1, field: 'id', params: { id: 'M002', first: 'members.csv:5' }, span: 4 },
    ]);
  });

  it('takes the column from the line when the candidate has none', () => {
    expect(confirmDuplicates('members.csv', [{ line: 7, firstLine: 2, column: 0 }], idAt)[0]?.column).toBe(3);
  });

  it('drops candidates whose ids differ (a hash collision) or whose lines cannot be read', () => {
    expect(confirmDuplicates('members.csv', [{ line: 5, firstLine: 2, column: 1 }], idAt)).toEqual([]);
    expect(confirmDuplicates('members.csv', [{ line: 8, firstLine: 2, column: 1 }], idAt)).toEqual([]);
    expect(confirmDuplicates('members.csv', [{ line: 7, firstLine: 2, column: 1 }], () => undefined)).toEqual([]);
  });
});

describe('moves between branches (memberMoves)', () => {
  const orgs = new Map([
    ['b1', org('b1')], ['b2', org('b2')],
    ['old', org('old', '支部', 'root', { dissolved: 20180101 })],
    ['new', org('new', '支部', 'root', { established: 20200101 })],
  ]);
  const move = (line: number, day: number, from: string, to: string) => ({ day, from, to, place: placer(line), dateText: String(day) });
  const m = member('M1', 'b2', { joined: 20100101, origin: { file: 'members.csv', line: 4, column: 1 } });

  it('a sound history has no problem', () => {
    expect(memberMoves({ member: m, moves: [move(2, 20150101, 'b1', 'b2')] }, orgs)).toEqual([]);
  });

  it('two moves on one day: MJ331 at the second, naming the first line, and the second is not judged further', () => {
    expect(memberMoves({ member: m, moves: [move(2, 20150101, 'b1', 'b2'), move(3, 20150101, 'old', 'new')] }, orgs)).toEqual([
      { file: 'history/transfers.csv', line: 3, column: T.date + 1, code: 'MJ331', params: { member: 'M1', date: '2015-01-01', first: '2' }, span: 8 },
    ]);
  });

  it('a move on the day the member joined or after they left: MJ332, saying which', () => {
    expect(memberMoves({ member: m, moves: [move(2, 20100101, 'b1', 'b2')] }, orgs)).toEqual([
      { file: 'history/transfers.csv', line: 2, column: T.date + 1, code: 'MJ332', params: { member: 'M1', date: '2010-01-01', why: '@joined-on:2010-01-01' }, span: 8 },
    ]);
    const gone = member('M1', 'b2', { status: '退会', left: 20160101 });
    expect(memberMoves({ member: gone, moves: [move(2, 20160101, 'b1', 'b2')] }, orgs)).toEqual([
      { file: 'history/transfers.csv', line: 2, column: T.date + 1, code: 'MJ332', params: { member: 'M1', date: '2016-01-01', why: '@already-left:2016-01-01' }, span: 8 },
    ]);
    expect(memberMoves({ member: gone, moves: [move(2, 20151231, 'b1', 'b2')] }, orgs)).toEqual([]);
  });

  it('a move not from where the last one went (MJ333), a history ending elsewhere than the roster (MJ334)', () => {
    expect(memberMoves({ member: m, moves: [move(2, 20150101, 'b1', 'b2'), move(3, 20160101, 'b1', 'b2')] }, orgs)).toEqual([
      { file: 'history/transfers.csv', line: 3, column: T.from + 1, code: 'MJ333', params: { member: 'M1', value: 'b1', expected: 'b2', date: '2016-01-01', line: 2 }, span: 2 },
    ]);
    expect(memberMoves({ member: m, moves: [move(2, 20150101, 'b2', 'b1')] }, orgs)).toEqual([
      { file: 'history/transfers.csv', line: 2, column: T.to + 1, code: 'MJ334', params: { member: 'M1', value: 'b1', org: 'b2', line: 4 }, span: 2 },
    ]);
  });

  it('into a branch dissolved by that day, or not yet established: MJ335, saying which', () => {
    const m2 = member('M1', 'old', { joined: 20100101 });
    expect(memberMoves({ member: m2, moves: [move(2, 20180101, 'b1', 'old')] }, orgs)).toEqual([
      { file: 'history/transfers.csv', line: 2, column: T.to + 1, code: 'MJ335', params: { value: 'old', date: '2018-01-01', why: '@already-dissolved:2018-01-01' }, span: 3 },
    ]);
    expect(memberMoves({ member: m2, moves: [move(2, 20171231, 'b1', 'old')] }, orgs)).toEqual([]);
    const m3 = member('M1', 'new', { joined: 20100101 });
    expect(memberMoves({ member: m3, moves: [move(2, 20191231, 'b1', 'new')] }, orgs)).toEqual([
      { file: 'history/transfers.csv', line: 2, column: T.to + 1, code: 'MJ335', params: { value: 'new', date: '2019-12-31', why: '@not-yet-established:2020-01-01' }, span: 3 },
    ]);
    expect(memberMoves({ member: m3, moves: [move(2, 20200101, 'b1', 'new')] }, orgs)).toEqual([]);
  });
});

describe('spans in the reserve pool (memberSpans, reserveColumn)', () => {
  const span = (line: number, from: number, until: number, kind: ReserveSpan['kind'] = '后备干部') =>
    ({ kind, from, until, reason: undefined, origin: { file: 'history/reserve.csv', line, column: 1 }, place: placer(line, 'history/reserve.csv'), fromText: String(from) });
  const m = member('M1', 'b1', { joined: 20100101 });

  it('spans that overlap: MJ336 at the later, naming the line of the one it overlaps (the longest so far)', () => {
    expect(memberSpans({ member: m, spans: [span(2, 20120101, 20180101), span(3, 20130101, 20140101), span(4, 20150101, 20160101)] })).toEqual([
      { file: 'history/reserve.csv', line: 3, column: R.from + 1, code: 'MJ336', params: { member: 'M1', from: '2013-01-01', line: 2 }, span: 8 },
      { file: 'history/reserve.csv', line: 4, column: R.from + 1, code: 'MJ336', params: { member: 'M1', from: '2015-01-01', line: 2 }, span: 8 },
    ]);
    expect(memberSpans({ member: m, spans: [span(2, 20120101, 20130101), span(3, 20130101, 20140101)] })).toEqual([]);
    // Of two spans ending alike, the first stays the one later spans are said to overlap.
    expect(memberSpans({ member: m, spans: [span(2, 20120101, 20180101), span(3, 20130101, 20180101), span(4, 20140101, 20150101)] }).map((d) => d.params?.['line'])).toEqual([2, 2]);
  });

  it('a span that begins before the member joined or after they left: MJ337, saying which', () => {
    expect(memberSpans({ member: m, spans: [span(2, 20091231, 20130101)] })).toEqual([
      { file: 'history/reserve.csv', line: 2, column: R.from + 1, code: 'MJ337', params: { member: 'M1', date: '2009-12-31', why: '@not-yet-joined:2010-01-01' }, span: 8 },
    ]);
    expect(memberSpans({ member: m, spans: [span(2, 20100101, 20130101)] })).toEqual([]);
    const gone = member('M1', 'b1', { joined: 20100101, status: '退会', left: 20150101 });
    expect(memberSpans({ member: gone, spans: [span(2, 20150101, NEVER)] })).toEqual([
      { file: 'history/reserve.csv', line: 2, column: R.from + 1, code: 'MJ337', params: { member: 'M1', date: '2015-01-01', why: '@already-left:2015-01-01' }, span: 8 },
    ]);
  });

  it('the roster\'s 后备干部 column against the open span of today (MJ338, once per member, at the roster row)', () => {
    const at = { file: 'members.csv', line: 6, column: 1 };
    const withSpans = (reserve: boolean, spans: ReserveSpan[] | undefined, extra: Partial<Member> = {}) => member('M1', 'b1', { reserve, ...(spans ? { reserveSpans: spans } : {}), origin: at, ...extra });
    const open = span(2, 20120101, NEVER);
    const closed = span(2, 20120101, 20150101);
    expect(reserveColumn([withSpans(true, [open]), withSpans(false, [closed]), withSpans(true, undefined), withSpans(false, undefined)])).toEqual([]);
    expect(reserveColumn([withSpans(false, [open])])).toEqual([
      { file: 'members.csv', line: 6, column: 1, code: 'MJ338', field: 'reserve', span: 2, params: { member: 'M1', column: '否', pool: '@in-pool' } },
    ]);
    expect(reserveColumn([withSpans(true, [closed])])).toEqual([
      { file: 'members.csv', line: 6, column: 1, code: 'MJ338', field: 'reserve', span: 2, params: { member: 'M1', column: '是', pool: '@not-in-pool' } },
    ]);
    // An open span of another pool is not 后备干部; a member off the roster is in no pool today.
    expect(reserveColumn([withSpans(true, [span(2, 20120101, NEVER, '代表人士')])])[0]?.params?.['pool']).toBe('@not-in-pool');
    expect(reserveColumn([withSpans(true, [open], { status: '退会', left: 20200101 })])[0]?.params?.['pool']).toBe('@not-in-pool');
  });
});

describe('references to orgs and members in history rows', () => {
  const refs: HistoryRefs = {
    orgs: new Map([['b1', org('b1')], ['b2', org('b2')], ['c1', org('c1', '市委会')]]),
    brokenOrgs: { has: (id: string) => id === 'broken' } as HistoryRefs['brokenOrgs'],
    members: new Map([['M1', member('M1', 'b1')]]),
    brokenMembers: { has: () => false } as unknown as HistoryRefs['brokenMembers'],
    zeros: new ZeroDamage([]),
  };

  it('an unknown org: MJ302 with a suggestion from the branches or from all orgs; a broken one: nothing', () => {
    const at = (out: readonly DiagnosticInput[]) => out.map(({ code, params, suggest, span }) => ({ code, params, suggest, span }));
    expect(at(orgRef('b3', 0, placer(2), refs, true))).toEqual([{ code: 'MJ302', params: { value: 'b3' }, suggest: { value: 'b3', pool: 'branches' }, span: 2 }]);
    expect(at(orgRef('c2', 0, placer(2), refs, false))).toEqual([{ code: 'MJ302', params: { value: 'c2' }, suggest: { value: 'c2', pool: 'orgs' }, span: 2 }]);
    expect(orgRef('broken', 0, placer(2), refs, true)).toEqual([]);
    expect(at(orgRef('c1', 0, placer(2), refs, true))).toEqual([{ code: 'MJ304', params: { value: 'c1', type: '市委会' }, suggest: undefined, span: 2 }]);
    expect(orgRef('c1', 0, placer(2), refs, false)).toEqual([]);
  });

  it('a transfer to the branch it comes from: MJ330 at the destination', () => {
    expect(transferRefs({ member: 'M1', from: 'b1', to: 'b1' }, placer(3), refs)).toEqual([
      { file: 'history/transfers.csv', line: 3, column: T.to + 1, code: 'MJ330', params: { value: 'b1' }, span: 2 },
    ]);
    expect(transferRefs({ member: 'M1', from: 'b1', to: 'b2' }, placer(3), refs)).toEqual([]);
    expect(transferRefs({ member: 'M9', from: undefined, to: undefined }, placer(3), refs).map((d) => [d.code, d.column])).toEqual([['MJ303', T.member + 1]]);
  });
});

describe('liaisons assigned twice over shared days (liaisonOverlaps)', () => {
  const l = (line: number, from: number, until: number, orgId = 'c1', who = 'M1') => ({
    liaison: { org: orgId, member: who, role: '领导', from, until, origin: { file: 'practices/liaisons.csv', line, column: 1 } } satisfies Liaison,
    place: placer(line, 'practices/liaisons.csv'),
  });

  it('MJ339 at the later row, naming the first row it overlaps; days that only touch, or other pairs, do not overlap', () => {
    expect(liaisonOverlaps([l(2, 20190101, 20190701), l(3, 20190601, NEVER), l(4, 20190801, NEVER)])).toEqual([
      { file: 'practices/liaisons.csv', line: 3, column: L.from + 1, code: 'MJ339', params: { member: 'M1', org: 'c1', line: 2 }, span: 10 },
      { file: 'practices/liaisons.csv', line: 4, column: L.from + 1, code: 'MJ339', params: { member: 'M1', org: 'c1', line: 3 }, span: 10 },
    ]);
    expect(liaisonOverlaps([l(2, 20190101, 20190701), l(3, 20190701, NEVER)])).toEqual([]);
    expect(liaisonOverlaps([l(2, 20190701, NEVER), l(3, 20190101, 20190701)])).toEqual([]);
    expect(liaisonOverlaps([l(2, 20190101, NEVER), l(3, 20190101, NEVER, 'c2'), l(4, 20190101, NEVER, 'c1', 'M2')])).toEqual([]);
  });
});

describe('the panel\'s assessments (checks/assessments.ts)', () => {
  const A = { org: fieldIndex('assessments', 'org') + 1, item: fieldIndex('assessments', 'item') + 1, points: fieldIndex('assessments', 'points') + 1, self: fieldIndex('assessments', 'self') + 1, member: fieldIndex('assessments', 'member') + 1 };
  const items = new Map<string, AssessableItem>([
    ['self', { spec: { id: 'self', name: '自评', measure: 'manual', max: '5' }, sheet: 'branch', types: ['支部'] }],
    ['neg', { spec: { id: 'neg', name: '扣分', measure: 'manual', max: '0', min: '-3' }, sheet: 'branch', types: ['支部'] }],
    ['grade', { spec: { id: 'grade', name: '档次', measure: 'manual', values: ['3', '1.5', '0'] }, sheet: 'branch', types: ['支部'] }],
    ['word', { spec: { id: 'word', name: '评议', measure: 'manual', values: { 好: '2', 差: '0' } }, sheet: 'branch', types: ['支部'] }],
    ['study', { spec: { id: 'study', name: '学习', measure: 'count', max: '4' }, sheet: 'branch', types: ['支部'] }],
    ['free', { spec: { id: 'free', name: '提案', measure: 'count' }, sheet: 'branch', types: ['支部'] }],
    ['unit', { spec: { id: 'unit', name: '总支', measure: 'manual', max: '5' }, sheet: 'unit', types: ['总支', '市委会'] }],
    ['mem', { spec: { id: 'mem', name: '会员', measure: 'manual', max: '5' }, sheet: 'member', types: ['支部'] }],
  ]);
  const refs = (extra: Partial<AssessmentRefs> = {}): AssessmentRefs => ({
    year: 2019, orgs: new Map([['b1', org('b1')], ['b2', org('b2')], ['z1', org('z1', '总支')]]), brokenOrgs: { has: (id: string) => id === 'bad' } as AssessmentRefs['brokenOrgs'],
    items, members: new Map([['M1', { id: 'M1', org: 'b1' }]]), rubricMissing: false, seen: new Map(), ...extra,
  });
  const row = (org: string | undefined, item: string | undefined, points: string | undefined, extra: { self?: string; member?: string } = {}) => ({ line: 3, org, item, points, ...extra });
  const P = placer(3, 'assessments/2019.csv');
  const short = (out: readonly DiagnosticInput[]) => out.map(({ column, code, params, span, suggest }) => ({ column, code, params, ...(span !== undefined ? { span } : {}), ...(suggest ? { suggest } : {}) }));

  it('points within the item\'s bounds pass; outside them MJ402 names the bounds (0 the floor of a manual item)', () => {
    for (const p of ['0', '5', '2.5']) expect(assessedItem(row('b1', 'self', p), P, refs())).toEqual([]);
    expect(short(assessedItem(row('b1', 'self', '5.5'), P, refs()))).toEqual([{ column: A.points, code: 'MJ402', params: { points: '5.5', min: '0', max: '5' }, span: 3 }]);
    expect(short(assessedItem(row('b1', 'self', '-1'), P, refs()))).toEqual([{ column: A.points, code: 'MJ402', params: { points: '-1', min: '0', max: '5' }, span: 2 }]);
    expect(assessedItem(row('b1', 'neg', '-3'), P, refs())).toEqual([]);
    expect(short(assessedItem(row('b1', 'neg', '-3.5'), P, refs()))).toEqual([{ column: A.points, code: 'MJ402', params: { points: '-3.5', min: '-3', max: '0' }, span: 4 }]);
  });

  it('the 自评 is held to the same bounds; a computed item\'s 自评 to its own bounds, where it has them', () => {
    expect(short(assessedItem(row('b1', 'self', '4', { self: '6' }), P, refs()))).toEqual([{ column: A.self, code: 'MJ402', params: { points: '6', min: '0', max: '5' }, span: 1 }]);
    expect(short(assessedItem(row('b1', 'self', '6', { self: '7' }), P, refs())).map((d) => d.column)).toEqual([A.points, A.self]);
    expect(assessedItem(row('b1', 'self', '4', { self: '' }), P, refs())).toEqual([]);
    expect(assessedItem(row('b1', 'study', undefined, { self: '4' }), P, refs())).toEqual([]);
    expect(short(assessedItem(row('b1', 'study', undefined, { self: '5' }), P, refs()))).toEqual([{ column: A.self, code: 'MJ402', params: { points: '5', min: '-∞', max: '4' }, span: 1 }]);
    expect(assessedItem(row('b1', 'free', undefined, { self: '99' }), P, refs())).toEqual([]);
  });

  it('an item with values takes only those (MJ413), as numbers or as words', () => {
    expect(assessedItem(row('b1', 'grade', '1.50'), P, refs())).toEqual([]);
    expect(short(assessedItem(row('b1', 'grade', '2'), P, refs()))).toEqual([{ column: A.points, code: 'MJ413', params: { value: '2', item: 'grade', allowed: '3 / 1.5 / 0' }, span: 1 }]);
    expect(assessedItem(row('b1', 'word', '好'), P, refs())).toEqual([]);
    expect(short(assessedItem(row('b1', 'word', '2'), P, refs()))).toEqual([{ column: A.points, code: 'MJ413', params: { value: '2', item: 'word', allowed: '好 / 差' }, span: 1 }]);
    expect(short(assessedItem(row('b1', 'word', 'toString'), P, refs()))[0]?.code).toBe('MJ413');
  });

  it('points for a computed item (MJ416); none for a manual one (MJ201); an unknown item (MJ401, with the items as candidates)', () => {
    expect(short(assessedItem(row('b1', 'study', '3'), P, refs()))).toEqual([{ column: A.points, code: 'MJ416', params: { item: 'study', why: '@computed-item' }, span: 1 }]);
    expect(short(assessedItem(row('b1', 'self', undefined), P, refs()))).toEqual([{ column: A.points, code: 'MJ201', params: { label: '考评组审核得分' } }]);
    expect(short(assessedItem(row('b1', 'slef', '3'), P, refs()))).toEqual([{ column: A.item, code: 'MJ401', params: { item: 'slef', year: 2019 }, span: 4, suggest: { value: 'slef', pool: 'values', candidates: [...items.keys()] } }]);
    // No rubric (or none that loaded): the item is not judged here.
    expect(assessedItem(row('b1', 'slef', '3'), P, refs({ rubricMissing: true }))).toEqual([]);
    expect(assessedItem(row('b1', 'slef', '3'), P, refs({ items: undefined }))).toEqual([]);
    expect(assessedItem(row('b1', undefined, '3'), P, refs())).toEqual([]);
  });

  it('the org: known (MJ302 unless its row was broken), of the item\'s sheet\'s types (MJ312); a member sheet\'s row names a member of that branch', () => {
    expect(short(assessedOrg(row('b3', 'self', '1'), P, refs()))).toEqual([{ column: A.org, code: 'MJ302', params: { value: 'b3' }, span: 2, suggest: { value: 'b3', pool: 'branches' } }]);
    expect(assessedOrg(row('bad', 'self', '1'), P, refs())).toEqual([]);
    expect(short(assessedOrg(row('z1', 'self', '1'), P, refs()))).toEqual([{ column: A.org, code: 'MJ312', params: { value: 'z1', type: '总支', types: '支部' }, span: 2 }]);
    expect(short(assessedOrg(row('b1', 'unit', '1'), P, refs()))).toEqual([{ column: A.org, code: 'MJ312', params: { value: 'b1', type: '支部', types: '总支、市委会' }, span: 2 }]);
    expect(assessedOrg(row('z1', 'unit', '1'), P, refs())).toEqual([]);
    expect(short(assessedOrg(row('z1', undefined, '1'), P, refs()))[0]?.code).toBe('MJ312');
    expect(short(assessedOrg(row('b1', 'mem', '1'), P, refs()))).toEqual([{ column: A.member, code: 'MJ201', params: { label: '会员编号' } }]);
    expect(short(assessedOrg(row('b1', 'mem', '1', { member: 'M2' }), P, refs()))).toEqual([{ column: A.member, code: 'MJ303', params: { value: 'M2' }, span: 2, suggest: { value: 'M2', pool: 'members' } }]);
    expect(short(assessedOrg(row('b2', 'mem', '1', { member: 'M1' }), P, refs()))).toEqual([{ column: A.member, code: 'MJ417', params: { member: 'M1', org: 'b2', actual: 'b1' }, span: 2 }]);
    expect(assessedOrg(row('b1', 'mem', '1', { member: 'M1' }), P, refs())).toEqual([]);
    expect(short(assessedOrg(row('b1', 'self', '1', { member: 'M1' }), P, refs()))).toEqual([{ column: A.member, code: 'MJ416', params: { item: 'self', why: '@not-member-item' }, span: 2 }]);
    expect(assessedOrg(row('b1', 'nope', '1', { member: 'M1' }), P, refs())).toEqual([]);
  });

  it('one row per subject and item (MJ311, naming the first line); a member sheet\'s rows per member', () => {
    const r = refs();
    expect(assessedOnce({ ...row('b1', 'self', '1'), line: 2 }, P, r)).toEqual([]);
    expect(assessedOnce({ ...row('b1', 'neg', '1'), line: 3 }, P, r)).toEqual([]);
    expect(short(assessedOnce({ ...row('b1', 'self', '2'), line: 4 }, P, r))).toEqual([{ column: A.item, code: 'MJ311', params: { org: 'b1', item: 'self', first: 2 } }]);
    expect(assessedOnce({ ...row('b1', 'mem', '1', { member: 'M1' }), line: 5 }, P, r)).toEqual([]);
    expect(assessedOnce({ ...row('b1', 'mem', '1', { member: 'M2' }), line: 6 }, P, r)).toEqual([]);
    expect(assessedOnce({ ...row(undefined, 'self', '1'), line: 7 }, P, r)).toEqual([]);
  });

  it('a year with assessments but no rubric: MJ403 once, at the first row; manual items nobody was assessed on: MJ408 at the item', () => {
    expect(assessmentsWithoutRubric('assessments/2019.csv', 2, 2019)).toEqual([{ code: 'MJ403', file: 'assessments/2019.csv', line: 2, column: 1, params: { year: 2019 } }]);
    expect(assessmentsWithoutRubric('assessments/2019.csv', undefined, 2019)).toEqual([]);
    const rubric = { sections: [{ name: 'a', items: [{ id: 'self', measure: 'manual' }, { id: 'study', measure: 'count' }] }, { name: 'b', items: [{ id: 'neg', measure: 'manual' }] }] } as never;
    const calls: string[] = [];
    const locate = (p: readonly (string | number)[]) => ({ line: calls.push(p.join('.')), column: 3 });
    const found = unassessedItems(rubric, [{ org: 'b1', item: 'self' } as never], 2019, 'rubrics/2019.yaml', locate);
    expect(found).toEqual([{ code: 'MJ408', file: 'rubrics/2019.yaml', line: 1, column: 3, field: 'id', params: { item: 'neg', year: 2019 } }]);
    expect(calls).toEqual(['sections.1.items.0.id']);
  });
});
