// Members who move between branches during the year, counted by hand: a new member counts in the
// branch they joined, their training hours add up over every branch period, and a member with no
// day on the roster is placed in the branch their moves give on the scope's day.

import { describe, expect, it } from 'vitest';
import { makeScope } from '../src/compute/scope.js';
import { StatsCounts } from '../src/compute/stats.js';
import { branchFacts } from '../src/compute/year-facts.js';
import { DEFAULT_THREE_ONES } from '../src/model/rubric.js';
import type { Member, Move } from '../src/model/types.js';
import { act, feed, member, org, ROOT, VOCAB } from './helpers/builders.js';

const ORGS = [ROOT, org('a'), org('b')];
const origin = { file: 'members.csv', line: 2, column: 1 };
const move = (day: number, from: string, to: string): Move => ({ day, from, to, origin });

function year(members: Member[], records = [] as ReturnType<typeof act>[]) {
  const scope = makeScope(ORGS, members, 2019);
  const vocab = VOCAB();
  const counts = new StatsCounts(scope, DEFAULT_THREE_ONES, vocab);
  feed((v) => counts.visit(v), records, ORGS, members, vocab);
  return { scope, counts };
}

describe('a member who moves during the year', () => {
  it('counts as new in the branch they joined, and in the branch they moved to at the year end', () => {
    // x joined a on 03-01 and moved to b on 09-01; y joined b and stayed.
    const members = [member('x', 'b', { joined: 20190301, moves: [move(20190901, 'a', 'b')] }), member('y', 'b', { joined: 20190401 })];
    const { scope, counts } = year(members);
    const a = scope.branchIndex.get('a')!, b = scope.branchIndex.get('b')!;
    const facts = branchFacts(scope, counts);
    expect([facts.newMembers[a], facts.newMembers[b]]).toEqual([1, 1]);
    expect([facts.active[a], facts.active[b]]).toEqual([0, 2]);
    expect(scope.memberBranch[0]).toBe(b);
  });

  it('has the training hours of every branch period added up', () => {
    const members = [member('x', 'b', { moves: [move(20190701, 'a', 'b')] }), member('y', 'a')];
    const { scope, counts } = year(members, [
      act('培训', 'a', ['x', 'y'], { date: 20190401, hours: '4' }),
      act('培训', 'b', ['x'], { date: 20190901, hours: '2.5' }),
    ]);
    expect(scope.slots).toBeDefined();
    expect(counts.hoursOfMember(0).toShort(2)).toBe('6.5');
    expect(counts.hoursOfMember(1).toShort(2)).toBe('4');
  });

  it('with no day on the roster, is placed in the branch of their moves on the scope\'s day', () => {
    // Left (退会) without a date: on the roster on no day; moved a → b in 2018.
    const members = [member('x', 'b', { joined: 20180101, status: '退会', moves: [move(20180601, 'a', 'b')] })];
    const { scope } = year(members);
    expect(scope.memberBranch[0]).toBe(scope.branchIndex.get('b'));
    expect(scope.active[0]).toBe(0);
  });
});
