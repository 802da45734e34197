// The year's frame (compute/scope.ts): tree order, which branches count in a year, who is on the
// roster on the reference day, and org subtrees — each against hand-worked expectations.

import { describe, expect, it } from 'vitest';
import { makeScope, subtree, treeOrder } from '../src/compute/scope.js';
import { isBranchOfYear } from '../src/model/types.js';
import { member, org, ROOT } from './helpers/builders.js';

const ids = (orgs: readonly { id: string }[]): string[] => orgs.map((o) => o.id);

describe('treeOrder', () => {
  it('walks depth first from the root, children in file order, whatever order the file lists them', () => {
    const orgs = [org('a2', '支部', 'c1'), org('c1', '市委会'), org('b', '支部'), ROOT, org('a1', '支部', 'c1'), org('c2', '市委会'), org('d', '支部', 'c2')];
    expect(ids(treeOrder(orgs))).toEqual(['root', 'c1', 'a2', 'a1', 'b', 'c2', 'd']);
  });

  it('puts orgs whose parent is unknown first as roots of their own, and orgs in a cycle last, each once', () => {
    const orgs = [ROOT, org('x', '支部', 'nowhere'), org('p', '总支', 'q'), org('q', '总支', 'p'), org('k', '支部', 'p'), org('a', '支部')];
    expect(ids(treeOrder(orgs))).toEqual(['root', 'a', 'x', 'p', 'q', 'k']);
  });
});

describe('isBranchOfYear', () => {
  it('counts a branch unless it was established after 31 December or dissolved before 1 January', () => {
    expect(isBranchOfYear(org('a'), 2019)).toBe(true);
    expect(isBranchOfYear(org('c', '市委会'), 2019)).toBe(false);
    expect(isBranchOfYear(org('a', '支部', 'root', { established: 20191231 }), 2019)).toBe(true);
    expect(isBranchOfYear(org('a', '支部', 'root', { established: 20200101 }), 2019)).toBe(false);
    expect(isBranchOfYear(org('a', '支部', 'root', { dissolved: 20190101 }), 2019)).toBe(true);
    expect(isBranchOfYear(org('a', '支部', 'root', { dissolved: 20181231 }), 2019)).toBe(false);
  });
});

describe('makeScope', () => {
  const orgs = [ROOT, org('c', '市委会'), org('b', '支部', 'c'), org('a', '支部'), org('old', '支部', 'root', { dissolved: 20180601 })];
  const members = [
    member('1', 'a'),
    member('2', 'b', { status: '退会', left: 20190701 }),
    member('3', 'b', { joined: 20191231 }),
    member('4', 'b', { joined: 20200101 }),
    member('5', 'old'),
    member('6', 'c'),
  ];

  it('numbers the year\'s branches in tree order and marks who is active on 31 December', () => {
    const s = makeScope(orgs, members, 2019);
    expect(ids(s.branches)).toEqual(['b', 'a']);
    expect([s.firstDay, s.lastDay, s.asOf]).toEqual([20190101, 20191231, 20191231]);
    expect([...s.branchOfOrg]).toEqual([-1, -1, 0, 1, -1]);
    expect([...s.memberBranch]).toEqual([1, 0, 0, 0, -1, -1]);
    expect([...s.active]).toEqual([1, 0, 1, 0, 0, 0]);
    expect([...s.activeCount]).toEqual([1, 1]);
    expect(s.memberIndex.get('4')).toBe(3);
    expect(s.orgById.get('c')?.type).toBe('市委会');
  });

  it('takes the roster on --as-of when given', () => {
    const s = makeScope(orgs, members, 2019, 20190630);
    expect(s.asOf).toBe(20190630);
    expect(s.lastDay).toBe(20191231);
    expect([...s.active]).toEqual([1, 1, 0, 0, 0, 0]);
    expect([...s.activeCount]).toEqual([1, 1]);
  });
});

describe('subtree', () => {
  it('is the org and everything below it, also through a cycle', () => {
    const orgs = [ROOT, org('c', '市委会'), org('g', '总支', 'c'), org('a', '支部', 'g'), org('b', '支部', 'c'), org('z', '支部'), org('p', '总支', 'q'), org('q', '总支', 'p')];
    expect([...subtree(orgs, 'c')].sort()).toEqual(['a', 'b', 'c', 'g']);
    expect([...subtree(orgs, 'a')]).toEqual(['a']);
    expect([...subtree(orgs, 'p')].sort()).toEqual(['p', 'q']);
    expect(subtree(orgs, 'root').size).toBe(6);
  });
});
