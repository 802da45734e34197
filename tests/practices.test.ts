// The practice tables, computed by hand: on the tiny example (whose every number can be counted
// from its files) through the CLI, and on small in-memory cases for the rules' edges — a visit
// only within the assignment and once per record, 整改 done on its deadline is in time, a
// training's sessions share a title, the day inspections are judged on is never the clock.

import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectionsAsOf } from '../src/compute/inspections.js';
import { leadershipYear } from '../src/compute/leadership.js';
import { liaisonYear } from '../src/compute/liaison.js';
import { poolOfYear } from '../src/compute/reserve.js';
import { PracticeCounts, practiceLayout } from '../src/compute/practices.js';
import { trainingYear } from '../src/compute/trainings.js';
import type { Inspection, Leader, Liaison, Rectification } from '../src/model/practices.js';
import { NEVER } from '../src/model/types.js';
import { mj } from './helpers/cli.js';
import { act, feed, member, org, ROOT, VOCAB } from './helpers/builders.js';

const TINY = join(import.meta.dirname, '..', 'data-examples', 'tiny');
const GUIZHOU = join(import.meta.dirname, '..', 'data-examples', 'guizhou');
const origin = { file: 't', line: 1, column: 1 };

type Doc = { rows: Record<string, unknown>[]; notes: string[] };
async function json(args: string[], cwd = TINY): Promise<Doc> {
  const r = await mj([...args, '--format', 'json'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}
const row = (d: Doc, key: string, value: string): Record<string, unknown> => d.rows.find((r) => r[key] === value)!;
const total = (d: Doc): Record<string, unknown> => d.rows.find((r) => r['kind'] === 'total')!;

describe('mj liaison (tiny, 2019)', () => {
  it('counts each org\'s visits by its liaisons within their assignments, the last visit, and the orgs nobody visited', async () => {
    const d = await json(['liaison', '2019']);
    // gy: 0020 listed on A061 (调研, 11-12); gy-edu1: 0021 from 03-01, on A059 (04-25); sz-gzu: orgs.yaml's 0020 on 12 of its records.
    expect([row(d, 'id', 'gy')['visits'], row(d, 'id', 'gy')['last']]).toEqual([1, '2019-11-12']);
    expect([row(d, 'id', 'gy-edu1')['visits'], row(d, 'id', 'gy-edu1')['last']]).toEqual([1, '2019-04-25']);
    expect([row(d, 'id', 'sz-gzu')['visits'], row(d, 'id', 'sz-gzu')['last']]).toEqual([12, '2019-12-10']);
    expect(row(d, 'id', 'gy-pub1')['liaisons']).toBe('冯雪（领导，至 2019-06-30）、梁晓燕（机关干部，2019-07-01 起）');
    expect([total(d)['visits'], total(d)['visited'], total(d)['liaisonCount']]).toEqual([14, '是 3/7', 5]);
    expect(d.notes.join('\n')).toContain('本年没有走访的组织 4 个：贵阳市第一人民医院支部、民进贵阳市文化总支、贵阳出版支部、省直新建支部');
    const unvisited = await json(['liaison', '2019', '--unvisited']);
    expect(unvisited.rows.filter((r) => r['kind'] === 'data').map((r) => r['id'])).toEqual(['gy-med1', 'gy-zz', 'gy-pub1', 'sz-new']);
  });

  it('a record before the assignment is no visit, and a record listing two of the org\'s liaisons is one', () => {
    const orgs = [ROOT, org('a')];
    const members = [member('L1', 'a'), member('L2', 'a'), member('x', 'a')];
    const liaisons: Liaison[] = [
      { org: 'a', member: 'L1', role: '领导', from: 20190301, until: NEVER, origin },
      { org: 'a', member: 'L2', role: '机关干部', from: 20190101, until: 20190601, origin },
    ];
    const orgIndex = new Map(orgs.map((o, i) => [o.id, i]));
    const layout = practiceLayout(orgs, orgIndex, new Map(members.map((m, i) => [m.id, i])), members.length, liaisons, []);
    const vocab = VOCAB();
    const counts = new PracticeCounts(layout, vocab, 20191231);
    feed((v) => counts.visit(v), [
      act('其他', 'a', ['L1'], { date: 20190215 }), // before L1's assignment
      act('其他', 'a', ['L1', 'L2'], { date: 20190410 }), // both: one visit of the org
      act('调研', 'a', ['L2'], { date: 20190601 }), // L2's assignment ended the day before
      act('组织生活', 'a', ['x'], { date: 20190701 }), // no liaison listed
      act('调研', 'a', ['L1'], { date: 20190301 }), // the first day of L1's assignment
    ], orgs, members, vocab);
    const [a] = liaisonYear(2019, orgs, orgIndex, liaisons, layout, counts);
    expect(a!.visits).toBe(2);
    expect(a!.last).toBe(20190410);
    expect(a!.liaisons.map((l) => [l.liaison.member, l.visits, l.last])).toEqual([['L1', 2, 20190410], ['L2', 1, 20190410]]);
  });
});

describe('liaison visits at the edges', () => {
  const orgs = [ROOT, org('a'), org('b')];
  const members = [member('L1', 'a'), member('L2', 'a'), member('L3', 'b')];
  const orgIndex = new Map(orgs.map((o, i) => [o.id, i]));
  const liaisons: Liaison[] = [
    { org: 'a', member: 'L1', role: '领导', from: 20180101, until: NEVER, origin },
    { org: 'a', member: 'L2', role: '机关干部', from: 20170101, until: 20190101, origin }, // ended before 2019
    { org: 'b', member: 'L3', role: '机关干部', from: 20200101, until: NEVER, origin }, // begins after 2019
  ];
  const run = (until: number, records: ReturnType<typeof act>[]) => {
    const layout = practiceLayout(orgs, orgIndex, new Map(members.map((m, i) => [m.id, i])), members.length, liaisons, []);
    const vocab = VOCAB();
    const counts = new PracticeCounts(layout, vocab, until);
    feed((v) => counts.visit(v), records, orgs, members, vocab);
    return liaisonYear(2019, orgs, orgIndex, liaisons, layout, counts);
  };

  it('lists only the assignments of some day of the year; counts a record on the as-of day; a liaison listed twice is one visit', () => {
    const out = run(20190630, [
      act('调研', 'a', ['L1', 'L1'], { date: 20190630 }), // on the as-of day, L1 listed twice
      act('调研', 'a', ['L1'], { date: 20190701 }), // after it
    ]);
    expect(out.map((o) => [o.org.id, o.liaisons.map((l) => [l.liaison.member, l.visits]), o.visits, o.last])).toEqual([
      ['a', [['L1', 1]], 1, 20190630],
      ['b', [], 0, undefined],
    ]);
  });
});

describe('the reserve pool of a year', () => {
  const stay = (from: number, until: number) => ({ kind: '后备干部' as const, from, until, reason: undefined, origin });
  const m = (id: string, branch: string, spans: ReturnType<typeof stay>[]) => member(id, branch, { reserve: true, reserveSpans: spans });
  const members = [
    m('B2', 'b', [stay(20180101, NEVER)]),
    m('A2', 'a', [stay(20190301, 20190630)]), // leaves on the as-of day
    m('A1', 'a', [stay(20170101, 20190101), stay(20190201, NEVER)]), // the first stay ended before the year
    m('C1', 'c', [stay(20190701, NEVER)]), // enters after the as-of day
  ];
  const rank = new Map([['root', 0], ['a', 1], ['b', 2], ['c', 3]]);

  it('stays of some day of the year up to the as-of day, in tree order of their branch and then id; entered and left as of that day', () => {
    const out = poolOfYear(members, 2019, 20190630, rank, true);
    expect(out.map((p) => [members[p.member]!.id, p.branch, p.from, p.entered, p.left])).toEqual([
      ['A1', 'a', 20190201, true, false],
      ['A2', 'a', 20190301, true, true],
      ['B2', 'b', 20180101, false, false],
    ]);
    expect(poolOfYear(members, 2019, 20190629, rank, true).find((p) => members[p.member]!.id === 'A2')?.left).toBe(false);
  });
});

describe('seats of a committee, in order', () => {
  it('by org in tree order, role, first day, then member id, whatever order the rows came in', () => {
    const orgs = [ROOT, org('c', '市委会')];
    const members = ['S1', 'S2', 'S3', 'S4'].map((id) => member(id, 'c'));
    const leaders: Leader[] = [
      { org: 'c', member: 'S4', role: '委员', from: 20190101, until: NEVER, origin },
      { org: 'c', member: 'S3', role: '委员', from: 20190101, until: NEVER, origin },
      { org: 'c', member: 'S2', role: '主委', from: 20190101, until: NEVER, origin },
      { org: 'root', member: 'S1', role: '委员', from: 20190301, until: NEVER, origin },
      { org: 'c', member: 'S1', role: '委员', from: 20180101, until: NEVER, origin },
    ];
    const orgIndex = new Map(orgs.map((o, i) => [o.id, i]));
    for (const list of [leaders, [...leaders].reverse()]) {
      const layout = practiceLayout(orgs, orgIndex, new Map(members.map((m, i) => [m.id, i])), members.length, [], list);
      const counts = new PracticeCounts(layout, VOCAB(), 20191231);
      const seats = leadershipYear(2019, orgs, orgIndex, list, [], layout, counts);
      expect(seats.map((s) => `${s.org.id}:${s.leader.role}:${s.leader.member}`)).toEqual(['root:委员:S1', 'c:主委:S2', 'c:委员:S1', 'c:委员:S3', 'c:委员:S4']);
    }
  });

  it('a seat whose holder is not on the roster attends nothing; only a committee\'s meetings are kept', () => {
    const orgs = [ROOT, org('c', '市委会'), org('a')];
    const members = [member('S1', 'c'), member('S2', 'a')];
    const leaders: Leader[] = [
      { org: 'c', member: 'S1', role: '主委', from: 20190101, until: NEVER, origin },
      { org: 'c', member: 'GONE', role: '秘书长', from: 20190101, until: NEVER, origin },
    ];
    const orgIndex = new Map(orgs.map((o, i) => [o.id, i]));
    const layout = practiceLayout(orgs, orgIndex, new Map(members.map((m, i) => [m.id, i])), members.length, [], leaders);
    const vocab = VOCAB();
    const counts = new PracticeCounts(layout, vocab, 20191231);
    feed((v) => counts.visit(v), [
      act('支委会', 'c', ['S1'], { date: 20190301, tags: ['主委会'] }),
      act('支委会', 'a', ['S2'], { date: 20190401, tags: ['主委会'] }), // a has no 领导班子: not a committee
    ], orgs, members, vocab);
    const seats = leadershipYear(2019, orgs, orgIndex, leaders, [], layout, counts);
    expect(seats.map((s) => [s.leader.member, s.held, s.attended])).toEqual([['S1', [1, 0, 0], [1, 0, 0]], ['GONE', [1, 0, 0], [0, 0, 0]]]);
    expect((counts.exportState() as { log: Int32Array }).log.length).toBe(3);
  });
});

describe('mj leadership (tiny, 2019)', () => {
  it('lists each seat with its reviews and its attendance at the committee\'s meetings during the seat', async () => {
    const d = await json(['leadership', '2019']);
    const seat = (org: string, id: string) => d.rows.find((r) => r['org'] === org && r['id'] === id)!;
    const att = (r: Record<string, unknown>) => [r['held:主委会'], r['attended:主委会'], r['held:常委会'], r['attended:常委会'], r['attendance']];
    // 省委会: 主委会 03-20 (0020, 0021, 0008), 12-26 (0020, 0021); 常委会 09-18 (0020, 0008, 0001).
    expect(att(seat('民进示例省委', '0020'))).toEqual([2, 2, 1, 1, 1]);
    expect(att(seat('民进示例省委', '0021'))).toEqual([2, 2, 1, 0, 0.6667]);
    expect(att(seat('民进示例省委', '0008'))).toEqual([0, 0, 1, 1, 1]); // a 常委 is not expected at a 主委会
    expect(att(seat('民进示例省委', '0001'))).toEqual([0, 0, 1, 1, 1]); // seated from 06-01
    expect(att(seat('民进贵阳市委会', '0001'))).toEqual([1, 1, 0, 0, 1]);
    expect([seat('民进示例省委', '0020')['review:述职述评'], seat('民进示例省委', '0020')['review:年度考核'], seat('民进贵阳市委会', '0008')['review:述职述评']]).toEqual(['优秀', '优秀', '基本称职']);
    expect([total(d)['held:主委会'], total(d)['attended:主委会'], total(d)['held:常委会'], total(d)['attended:常委会']]).toEqual([6, 6, 4, 3]);
  });
});

describe('mj inspections (tiny)', () => {
  it('judges each measure on the year end, or on --as-of, never on the clock', async () => {
    const y = await json(['inspections', '2019']);
    const gy = row(y, 'id', 'gy');
    expect([gy['inspections'], gy['findings'], gy['openFindings'], gy['measures'], gy['done'], gy['doneLate'], gy['open'], gy['overdue'], gy['rate']]).toEqual([1, 2, 2, 3, 1, 0, 2, 1, 0.3333]);
    const all = await json(['inspections']);
    // XC2018-1's W2 was done on 2019-01-20, after its deadline 2018-12-31.
    expect([total(all)['measures'], total(all)['done'], total(all)['doneLate'], total(all)['overdue'], total(all)['rate']]).toEqual([5, 3, 1, 1, 0.6]);
    const early = await json(['inspections', '--as-of', '2019-01-10']);
    expect([total(early)['inspections'], total(early)['done'], total(early)['open'], total(early)['overdue']]).toEqual([1, 0, 2, 1]);
    const open = await json(['inspections', '2019', '--open']);
    expect(open.rows.filter((r) => r['kind'] === 'data').map((r) => [r['finding'], r['state'], r['daysOverdue']])).toEqual([['W1', '逾期', 92], ['W2', '未到期', 0]]);
  });

  it('a measure done on its deadline is in time; one done after the day judged on is still open', () => {
    const ins: Inspection[] = [{ id: 'X', target: 'c', start: 20190101, end: undefined, team: [], talks: undefined, note: undefined, origin }];
    const m = (deadline: number, done: number | undefined): Rectification => ({ inspection: 'X', finding: 'W', category: '其他', problem: undefined, measure: undefined, deadline, done, origin });
    const r = inspectionsAsOf(ins, [m(20190301, 20190301), m(20190301, 20190302), m(20190301, 20190701)], [ROOT, org('c', '市委会')], 2019, 20190601);
    expect(r.measures.map((s) => [s.done, s.overdue, s.daysLate])).toEqual([[true, false, 0], [true, false, 1], [false, true, 92]]);
    expect(r.committees[0]).toMatchObject({ measures: 3, done: 2, doneLate: 1, open: 1, overdue: 1, findings: 1, openFindings: 1 });
  });
});

describe('mj stats trainings / trainees (tiny, 2019)', () => {
  it('shows each training, and who among the new members and reserve cadres was trained', async () => {
    const t = await json(['stats', 'trainings', '2019']);
    expect(t.rows.filter((r) => r['kind'] === 'data').map((r) => [r['title'], r['orgLevel'], r['sessions'], r['hours'], r['personTimes'], r['newMemberCourse']])).toEqual([
      ['新会员培训班', '支部', 1, 8, 3, '是'], ['2019年新会员培训班', '省委会', 1, 16, 5, '是'],
    ]);
    expect([total(t)['sessions'], total(t)['hours'], total(t)['personTimes']]).toEqual([2, 24, 8]);
    // New members: 0005 0013 0018 0026 0029 0030 0031, five at a course; reserve cadres: 0002 0008 0021 0022, none trained.
    expect(t.notes.join('\n')).toContain('本年新会员 7 人，参加新会员培训班 5 人（71.4%），参加任何培训 5 人（71.4%）；后备干部 4 人，本年参加培训 0 人（0.0%）。');
    const p = await json(['stats', 'trainees', '2019']);
    expect(p.rows.filter((r) => r['kind'] === 'data').map((r) => r['id'])).toEqual(['0002', '0005', '0008', '0013', '0018', '0021', '0022', '0026', '0029', '0030', '0031']);
    expect(row(p, 'id', '0013')).toMatchObject({ records: 2, hours: 24, course: '是' });
  });

  it('groups the sessions of one training (one org, one title) and counts a member listed twice on a record once', () => {
    const orgs = [ROOT, org('a')];
    const members = [member('x', 'a'), member('y', 'a', { joined: 20190301 })];
    const rule = { newMemberTags: ['新会员培训'], requireNewMemberCourse: true };
    const r = trainingYear({
      year: 2019, orgsInTreeOrder: orgs, members, rule, records: [
        act('培训', 'a', ['x', 'x', 'y'], { title: '骨干班', date: 20190401, hours: '4' }),
        act('培训', 'a', ['x'], { title: '骨干班', date: 20190501, hours: '2.5' }),
        act('培训', 'root', ['y'], { title: '新会员班', date: 20190601, hours: '8', tags: ['新会员培训'] }),
      ],
    });
    expect(r.trainings.map((t) => [t.title, t.sessions, t.hours.toShort(2), t.personTimes, t.trainees, t.newMemberCourse])).toEqual([
      ['骨干班', 2, '6.5', 3, 2, false], ['新会员班', 1, '8', 1, 1, true],
    ]);
    expect(r.courses).toBe(1);
    expect(r.trainees.map((t) => [members[t.member]!.id, t.isNew, t.records, t.newMemberCourse])).toEqual([['y', true, 2, true]]);
  });

  it('counts a member listed twice on a long list once, and sums each trainee\'s hours over their records', () => {
    const orgs = [ROOT, org('a')];
    const ids = Array.from({ length: 10 }, (_, i) => `m${i}`);
    const members = ids.map((id) => member(id, 'a', { joined: 20190301 }));
    const rule = { newMemberTags: ['新会员培训'], requireNewMemberCourse: true };
    const r = trainingYear({
      year: 2019, orgsInTreeOrder: orgs, members, rule, records: [
        act('培训', 'a', [...ids, 'm3'], { title: '骨干班', date: 20190401, hours: '1.5' }),
        act('培训', 'a', ['m3', 'm4'], { title: '骨干班', date: 20190402, hours: '1.5' }),
        act('培训', 'a', ['m3', 'outsider'], { title: '读书会', date: 20190403 }),
      ],
    });
    expect(r.trainings.map((t) => [t.title, t.sessions, t.hours.toShort(2), t.personTimes, t.trainees])).toEqual([['骨干班', 2, '3', 12, 10], ['读书会', 1, '0', 2, 2]]);
    expect(r.personTimes).toBe(14);
    const of = (id: string) => r.trainees.find((t) => members[t.member]!.id === id)!;
    expect([of('m3').records, of('m3').hours.toShort(2), of('m4').records, of('m4').hours.toShort(2), of('m0').records, of('m0').hours.toShort(2)]).toEqual([3, '3', 2, '3', 1, '1.5']);
  });

  it('lists the trainings by first day, organising org in tree order, then title', () => {
    const orgs = [ROOT, org('a'), org('b')];
    const rule = { newMemberTags: ['新会员培训'], requireNewMemberCourse: true };
    const records = [
      act('培训', 'b', [], { title: '乙班', date: 20190401, hours: '1' }),
      act('培训', 'a', [], { title: '丙班', date: 20190401, hours: '1' }),
      act('培训', 'a', [], { title: '乙班', date: 20190401, hours: '1' }),
      act('培训', 'a', [], { title: '甲班', date: 20190301, hours: '1' }),
    ];
    for (const list of [records, [...records].reverse()]) {
      const r = trainingYear({ year: 2019, orgsInTreeOrder: orgs, members: [], rule, records: list });
      expect(r.trainings.map((t) => `${t.org.id}:${t.title}`)).toEqual(['a:甲班', 'a:丙班', 'a:乙班', 'b:乙班']);
    }
  });

  it('lists the trainees by branch in tree order, then by id, whatever the roster\'s order', () => {
    const orgs = [ROOT, org('a'), org('b')];
    const members = [member('n3', 'b', { joined: 20190301 }), member('n2', 'a', { joined: 20190301 }), member('n1', 'a', { joined: 20190301 }), member('n0', 'b', { joined: 20190301 })];
    const r = trainingYear({ year: 2019, orgsInTreeOrder: orgs, members, rule: { newMemberTags: ['新会员培训'], requireNewMemberCourse: true }, records: [] });
    expect(r.trainees.map((t) => members[t.member]!.id)).toEqual(['n1', 'n2', 'n0', 'n3']);
  });
});

describe('mj stats reserve / reserve-structure (tiny, 2019)', () => {
  it('lists the pool\'s stays with the days entered and left, and its movement by kind', async () => {
    const d = await json(['stats', 'reserve', '2019']);
    expect(d.rows.filter((r) => r['kind'] === 'data').map((r) => [r['id'], r['category'], r['change']])).toEqual([
      ['0002', '后备干部', '在库'], ['0008', '后备干部', '在库'], ['0020', '代表人士', '在库'], ['0021', '后备干部', '在库'],
      ['0022', '后备干部', '出库'], ['0024', '代表人士', '新入库'],
    ]);
    expect(row(d, 'id', '0022')).toMatchObject({ until: '2019-06-30', reason: '换届使用' });
    const s = await json(['stats', 'reserve-structure', '2019']);
    expect(s.rows.map((r) => [r['category'], r['start'], r['entered'], r['exited'], r['end']])).toEqual([
      ['后备干部', 4, 0, 1, 3], ['代表人士', 1, 1, 0, 2], ['合计', 5, 1, 1, 5],
    ]);
    // The roster's 后备干部 column is the pool's 后备干部 on the day: 3 at the end of 2019, 4 on 2019-06-01.
    expect(total(await json(['stats', 'roster', '2019']))['reserve']).toBe(3);
    expect(total(await json(['stats', 'roster', '--as-of', '2019-06-01']))['reserve']).toBe(4);
  });
});

describe('transfers in the tiny example', () => {
  it('moves 0028 from 贵阳 to 省直 in the roster, and gives 0014 and 0028 a row per branch period', async () => {
    const roster = await json(['stats', 'roster', '2019']);
    expect([row(roster, 'group', '民进贵阳市委会')['start'], row(roster, 'group', '民进贵阳市委会')['transferOut'], row(roster, 'group', '省直')['start'], row(roster, 'group', '省直')['transferIn']]).toEqual([16, 1, 7, 1]);
    const members = await json(['stats', 'members', '2019']);
    const rows = (id: string) => members.rows.filter((r) => r['id'] === id).map((r) => [r['branch'], r['active'], r['attendance']]);
    // 0028 in gy-med1 until 04-30 (its 03-10 meeting did not list them), in sz-gzu from 05-01 (3 of its 4 meetings since).
    expect(rows('0028')).toEqual([['贵阳市第一人民医院支部', '否', 0], ['贵州大学支部', '是', 0.75]]);
    expect(rows('0014')).toEqual([['贵阳市第一人民医院支部', '否', null], ['贵阳出版支部', '是', 1]]);
  });
});

describe('mj trend', () => {
  it('on guizhou: each year by its own rubric, 年初数 = the previous 年末数, rows that add up', async () => {
    const d = await json(['trend', '2017..2019'], GUIZHOU);
    const years = d.rows.filter((r) => r['kind'] === 'data');
    expect(years.map((r) => r['year'])).toEqual(['2017', '2018', '2019']);
    for (let k = 1; k < years.length; k++) expect(years[k]!['start']).toBe(years[k - 1]!['end']);
    for (const r of years) expect(Number(r['start']) + Number(r['joined']) + Number(r['movedIn']) - Number(r['movedOut']) - Number(r['left'])).toBe(r['end']);
    for (const y of ['2017', '2018', '2019']) {
      const scores = await json(['score', y], GUIZHOU);
      const branches = scores.rows.filter((r) => r['kind'] === 'data');
      const grades = new Map<string, number>();
      for (const b of branches) grades.set(String(b['grade']), (grades.get(String(b['grade'])) ?? 0) + 1);
      const t = years.find((r) => r['year'] === y)!;
      for (const [g, n] of grades) expect(t[`grade:${g}`], `${y} ${g}`).toBe(n);
      const roster = await json(['stats', 'roster', y], GUIZHOU);
      expect(t['end']).toBe(total(roster)['end']);
    }
    // 2017 had no quota: its 优秀 are all the branches with 90 or more.
    const s2017 = (await json(['score', '2017'], GUIZHOU)).rows.filter((r) => r['kind'] === 'data');
    expect(years[0]!['grade:优秀']).toBe(s2017.filter((r) => Number(r['total']) >= 90).length);
  });

  it('--branches: one row per branch with each year\'s total and grade, as that year\'s score sheet has them', async () => {
    const d = await json(['trend', '2018..2019', '--branches'], GUIZHOU);
    const s = (await json(['score', '2019'], GUIZHOU)).rows.filter((r) => r['kind'] === 'data');
    for (const b of s.slice(0, 20)) {
      const r = d.rows.find((x) => x['id'] === b['id'])!;
      expect([r['total:2019'], r['grade:2019']]).toEqual([b['total'], b['grade']]);
    }
  });

  it('refuses a range written otherwise', async () => {
    for (const bad of ['2019..2017', '2019-2020', '19..20']) expect((await mj(['trend', bad], { cwd: TINY })).code).toBe(2);
  });
});

describe('the practice fold of a split scan', () => {
  it('two halves merged (through a worker\'s exported state) equal one pass, at every cut', () => {
    const orgs = [ROOT, org('c', '市委会'), org('a')];
    const members = ['L1', 'L2', 'S1', 'S2', 'x'].map((id) => member(id, 'a'));
    const liaisons: Liaison[] = [
      { org: 'a', member: 'L1', role: '领导', from: 20190301, until: NEVER, origin },
      { org: 'a', member: 'L2', role: '机关干部', from: 20190101, until: 20190601, origin },
      { org: 'c', member: 'L1', role: '领导', from: 20190101, until: NEVER, origin },
    ];
    const leaders: Leader[] = [
      { org: 'c', member: 'S1', role: '主委', from: 20190101, until: NEVER, origin },
      { org: 'c', member: 'S2', role: '委员', from: 20190601, until: NEVER, origin },
      { org: 'root', member: 'S1', role: '副主委', from: 20190101, until: 20190901, origin },
    ];
    const orgIndex = new Map(orgs.map((o, i) => [o.id, i]));
    const memberIndex = new Map(members.map((m, i) => [m.id, i]));
    const layout = practiceLayout(orgs, orgIndex, memberIndex, members.length, liaisons, leaders);
    const record = fc.record({
      type: fc.constantFrom('支委会', '其他', '调研'),
      org: fc.constantFrom('root', 'c', 'a'),
      members: fc.subarray(['L1', 'L2', 'S1', 'S2', 'x']),
      day: fc.integer({ min: 0, max: 364 }),
      tags: fc.subarray(['主委会', '常委会']),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (list) => {
        const records = list.map((r) => {
          const d = new Date(Date.UTC(2019, 0, 1 + r.day));
          const date = d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
          return act(r.type as '支委会', r.org, r.members, { date, tags: r.tags });
        });
        const vocab = VOCAB();
        const fold = (part: typeof records): PracticeCounts => {
          const c = new PracticeCounts(layout, vocab, 20191231);
          feed((v) => c.visit(v), part, orgs, members, vocab);
          return c;
        };
        const whole = fold(records).exportState();
        for (let cut = 0; cut <= records.length; cut++) {
          const first = fold(records.slice(0, cut));
          first.merge(structuredClone(fold(records.slice(cut)).exportState()));
          expect(first.exportState()).toEqual(whole);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
