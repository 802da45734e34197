// The statistics counters (compute/stats.ts) against the counting rules of spec §4 written out
// plainly here, record by record, on random small provinces: every branch and member column.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeScope } from '../src/compute/scope.js';
import { StatsCounts } from '../src/compute/stats.js';
import { DEFAULT_THREE_ONES } from '../src/model/rubric.js';
import { ACTIVITY_TYPES, onRoster, type Activity } from '../src/model/types.js';
import { Rational } from '../src/util/decimal-text.js';
import { act, feed, member, org, ROOT, VOCAB } from './helpers/builders.js';

const ORGS = [ROOT, org('c', '市委会'), org('a', '支部', 'c'), org('b', '支部')];
const MEMBERS = [
  member('a1', 'a'), member('a2', 'a'), member('a3', 'a', { status: '去世', left: 20190301 }),
  member('b1', 'b'), member('b2', 'b', { joined: 20190901 }), member('c1', 'c'),
];
const OUTCOME_SETS = [[], ['省委会采用'], ['未立案'], ['立案', '省领导批示'], ['全国政协转送'], ['市政协采用', '未立案'], ['中央领导批示']];

const record = fc.record({
  type: fc.constantFrom(...ACTIVITY_TYPES), org: fc.constantFrom('a', 'b', 'c'),
  members: fc.array(fc.constantFrom(...MEMBERS.map((m) => m.id)), { maxLength: 12 }), // repeats allowed: each counts once; long lists too
  outcomes: fc.constantFrom(...OUTCOME_SETS), hours: fc.option(fc.constantFrom('1', '2.5', '0.25'), { nil: undefined }),
  date: fc.constantFrom(20190105, 20190630, 20190701, 20191231),
});

interface Expected { [column: string]: string }

/** The rules, one record at a time. */
function oracle(records: readonly Activity[], until: number): { branches: Record<string, Expected>; members: Record<string, Expected> } {
  const scope = makeScope(ORGS, MEMBERS, 2019);
  const branchOf = (orgId: string) => (ORGS.find((o) => o.id === orgId)!.type === '支部' ? orgId : undefined);
  const b: Record<string, Record<string, number>> = {}, m: Record<string, Record<string, number>> = {};
  const bh: Record<string, Rational> = {}, mh: Record<string, Rational> = {};
  const inc = (t: Record<string, Record<string, number>>, k: string, col: string, by = 1) => {
    t[k] ??= {};
    t[k][col] = (t[k][col] ?? 0) + by;
  };
  for (const r of records) {
    if (r.date > until) continue;
    const listed = [...new Set(r.members)];
    const adopted = r.outcomes.some((o) => o.endsWith('采用') || o === '全国政协转送');
    const branch = branchOf(r.org);
    if (branch) {
      const col = { 提案: 'proposals', 建议: 'suggestions', 社情民意: 'sqmy', 社会服务: 'service', 组织生活: 'meetings', 培训: 'training' }[r.type as string];
      if (col && col !== 'training') inc(b, branch, col);
      if (r.type === '社情民意' && adopted) inc(b, branch, 'adopted');
      if (r.type === '组织生活') inc(b, branch, 'present', listed.filter((id) => MEMBERS.find((x) => x.id === id)!.org === branch && onRoster(MEMBERS.find((x) => x.id === id)!, 20191231)).length);
      if (r.type === '培训') {
        inc(b, branch, 'trainees', listed.length);
        if (r.hours) bh[branch] = (bh[branch] ?? Rational.ZERO).add(Rational.parse(r.hours));
      }
      if (r.outcomes.includes('立案')) inc(b, branch, 'filed');
      if (r.outcomes.some((o) => o.endsWith('批示'))) inc(b, branch, 'instructions');
      if (r.type === '提案' || r.type === '建议') inc(b, branch, 'threeProposal');
      if (r.type === '社会服务') inc(b, branch, 'threeService');
    }
    listed.forEach((id, k) => {
      if (r.type === '社情民意') {
        inc(m, id, 'sqmy');
        inc(m, id, 'info');
        if (adopted) inc(m, id, 'adopted');
      }
      if (r.type === '提案' || r.type === '建议') inc(m, id, k === 0 ? 'lead' : 'cosigned');
      if (r.type === '社会服务') inc(m, id, 'service');
      if (r.type === '组织生活') {
        inc(m, id, 'meetings');
        if (branch && MEMBERS.find((x) => x.id === id)!.org === branch) inc(m, id, 'own');
      }
      if (r.type === '培训' && r.hours) mh[id] = (mh[id] ?? Rational.ZERO).add(Rational.parse(r.hours));
    });
  }
  const bcols = ['proposals', 'suggestions', 'filed', 'sqmy', 'adopted', 'instructions', 'service', 'meetings', 'present', 'trainees', 'threeProposal', 'threeService'];
  const mcols = ['sqmy', 'adopted', 'lead', 'cosigned', 'service', 'meetings', 'own', 'info'];
  const branches: Record<string, Expected> = {}, members: Record<string, Expected> = {};
  for (const br of scope.branches) {
    branches[br.id] = Object.fromEntries([...bcols.map((c) => [c, String(b[br.id]?.[c] ?? 0)]), ['hours', (bh[br.id] ?? Rational.ZERO).toFixed(2)]]);
  }
  for (const mm of MEMBERS) {
    members[mm.id] = Object.fromEntries([...mcols.map((c) => [c, String(m[mm.id]?.[c] ?? 0)]), ['hours', (mh[mm.id] ?? Rational.ZERO).toFixed(2)]]);
  }
  return { branches, members };
}

function counted(records: readonly Activity[], until: number): ReturnType<typeof oracle> {
  const scope = makeScope(ORGS, MEMBERS, 2019);
  const vocab = VOCAB();
  const c = new StatsCounts(scope, DEFAULT_THREE_ONES, vocab, until);
  feed((v) => c.visit(v), records, ORGS, MEMBERS, vocab);
  const branches: Record<string, Expected> = {}, members: Record<string, Expected> = {};
  scope.branches.forEach((br, i) => {
    branches[br.id] = {
      proposals: String(c.proposals[i]), suggestions: String(c.suggestions[i]), filed: String(c.filed[i]), sqmy: String(c.sqmy[i]),
      adopted: String(c.sqmyAdopted[i]), instructions: String(c.instructions[i]), service: String(c.service[i]), meetings: String(c.meetings[i]),
      present: String(c.meetingPresent[i]), trainees: String(c.trainees[i]), threeProposal: String(c.threeProposal[i]),
      threeService: String(c.threeService[i]), hours: c.trainingHours.get(i).toFixed(2),
    };
  });
  MEMBERS.forEach((mm, i) => {
    members[mm.id] = {
      sqmy: String(c.mSqmy[i]), adopted: String(c.mSqmyAdopted[i]), lead: String(c.mLead[i]), cosigned: String(c.mCosigned[i]),
      service: String(c.mService[i]), meetings: String(c.mMeetings[i]), own: String(c.mOwnMeetings[i]), info: String(c.mThreeInfo[i]),
      hours: c.mTrainingHours.get(i).toFixed(2),
    };
  });
  return { branches, members };
}

describe('statistics counters', () => {
  it('agree with the rules written out, on random records, for the whole year and up to a day', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.constantFrom(20191231, 20190630, 20190701), (raw, until) => {
        const records = raw.map((r) => act(r.type, r.org, r.members, { outcomes: r.outcomes, hours: r.hours, date: r.date }));
        expect(counted(records, until)).toEqual(oracle(records, until));
      }),
      { numRuns: 500, seed: 2019 },
    );
  });
});
