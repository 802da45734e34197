// The scanner's member table answers as the roster rule does whatever branch it is asked to
// look in first: the first of repeated ids wins, long ids compare whole, members of no branch
// and ids of another branch are found through the table of every id.

import { describe, expect, it } from 'vitest';
import { hashBytes } from '../src/scan/byte-map.js';
import { MemberTable } from '../src/scan/member-table.js';

describe('MemberTable', () => {
  it('finds every member from any branch, on the roster days only', () => {
    const ids = ['A1', 'A2', 'B1', 'a-very-long-member-id-0001', 'a-very-long-member-id-0002', 'A1', 'N1', 'B2'];
    const from = Int32Array.from([10, 10, 20, 30, 30, 5, 10, 10]);
    const until = Int32Array.from([100, 50, 100, 100, 40, 200, 100, 100]);
    const orgOf = Int32Array.from([0, 0, 1, 1, 0, 1, -1, 7]); // 7: not a branch of the table
    const table = MemberTable.build(ids, from, until, orgOf, 2);
    const plain = MemberTable.build(ids, from, until);
    const expected = (id: string, day: number): number => {
      const i = ids.indexOf(id);
      return i >= 0 && from[i]! <= day && day < until[i]! ? i : -1;
    };
    for (const id of [...ids, 'A3', 'a-very-long-member-id-0003', '']) {
      const key = Buffer.from(`,${id},`);
      const h = hashBytes(key, 1, key.length - 1);
      for (const day of [4, 5, 10, 20, 35, 45, 60, 150]) {
        for (const branch of [-1, 0, 1, 2, 9]) {
          expect([id, day, branch, table.onRoster(key, 1, key.length - 1, h, day, branch)]).toEqual([id, day, branch, expected(id, day)]);
        }
        expect(plain.onRoster(key, 1, key.length - 1, h, day)).toBe(expected(id, day));
      }
    }
  });

  it('holds a roster of many branches', () => {
    const n = 5000;
    const ids = Array.from({ length: n }, (_, i) => `GZ${String(i).padStart(6, '0')}`);
    const orgOf = Int32Array.from(ids, (_, i) => i % 97);
    const table = MemberTable.build(ids, new Int32Array(n), new Int32Array(n).fill(1000), orgOf, 97);
    for (let i = 0; i < n; i += 7) {
      const key = Buffer.from(ids[i]!);
      const h = hashBytes(key, 0, key.length);
      expect(table.onRoster(key, 0, key.length, h, 1, i % 97)).toBe(i);
      expect(table.onRoster(key, 0, key.length, h, 1, (i + 1) % 97)).toBe(i);
    }
  });

  it('reads ids of any characters, and answers the same from its shared data (as a worker is handed it)', () => {
    const ids = ['贵A001', 'A1', '会员-二〇一九-很长的编号-0001', 'A1', 'é', 'B1'];
    const n = ids.length;
    const from = new Int32Array(n), until = new Int32Array(n).fill(100);
    const orgOf = Int32Array.from([0, 1, 0, 1, -1, 1]);
    const table = MemberTable.build(ids, from, until, orgOf, 2);
    // structuredClone is what postMessage does: the arrays stay on their shared memory.
    const data = structuredClone(table.data());
    expect(data.slots.buffer).toBeInstanceOf(SharedArrayBuffer);
    const copy = new MemberTable(data);
    for (const id of [...ids, '贵A002', '']) {
      const key = Buffer.from(`;${id};`);
      const h = hashBytes(key, 1, key.length - 1);
      const expected = ids.indexOf(id);
      for (const branch of [-1, 0, 1]) {
        expect([id, branch, table.onRoster(key, 1, key.length - 1, h, 5, branch)]).toEqual([id, branch, expected]);
        expect([id, branch, copy.onRoster(key, 1, key.length - 1, h, 5, branch)]).toEqual([id, branch, expected]);
      }
    }
  });
});
