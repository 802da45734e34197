// The early worker's log of views (src/scan/view-log.ts) plays back every row as it was added,
// and the digest of its words (tables.ts) tells two dictionaries apart.

import { describe, expect, it } from 'vitest';
import { emptyView, ensureCapacity, type RecordView } from '../src/model/record-view.js';
import { dictionaryDigest, type ScanDictionary } from '../src/scan/tables.js';
import { ViewLog } from '../src/scan/view-log.js';

type Plain = { date: number; type: number; org: number; level: number; members: number[]; outcomes: number[]; tags: number[]; hours: string | undefined };

const plain = (v: RecordView): Plain => ({
  date: v.date, type: v.type, org: v.org, level: v.level, hours: v.hours,
  members: [...v.members.subarray(0, v.memberCount)], outcomes: [...v.outcomes.subarray(0, v.outcomeCount)], tags: [...v.tags.subarray(0, v.tagCount)],
});

describe('ViewLog', () => {
  it('plays back every row in order, with its lists and hours, past any size', () => {
    const log = new ViewLog();
    const want: Plain[] = [];
    const v = emptyView();
    let seed = 7;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let row = 0; row < 20000; row++) {
      const p: Plain = {
        date: 20190101 + rnd(365), type: rnd(11), org: rnd(9000) - 1, level: rnd(5) - 1,
        members: Array.from({ length: rnd(row % 97 === 0 ? 200 : 6) }, () => rnd(200000)),
        outcomes: Array.from({ length: rnd(3) }, () => rnd(20)), tags: Array.from({ length: rnd(3) }, () => rnd(50)),
        hours: rnd(4) === 0 ? `${rnd(10)}.5` : undefined,
      };
      ensureCapacity(v, p.members.length, p.outcomes.length, p.tags.length);
      Object.assign(v, { date: p.date, type: p.type, org: p.org, level: p.level, hours: p.hours, memberCount: p.members.length, outcomeCount: p.outcomes.length, tagCount: p.tags.length });
      v.members.set(p.members);
      v.outcomes.set(p.outcomes);
      v.tags.set(p.tags);
      log.add(v);
      want.push(p);
    }
    expect(log.rows).toBe(20000);
    const got: Plain[] = [];
    log.replay((x) => got.push(plain(x)));
    expect(got).toEqual(want);
    expect(log.rows).toBe(0); // let go once played
    // A row with more numbers than a block holds still fits.
    const big = new ViewLog();
    const w = emptyView();
    ensureCapacity(w, 300000, 0, 0);
    Object.assign(w, { memberCount: 300000, outcomeCount: 0, tagCount: 0, date: 1, type: 2, org: 3, level: 0, hours: undefined });
    w.members.fill(7, 0, 300000);
    big.add(w);
    big.add(v);
    const rows: Plain[] = [];
    big.replay((x) => rows.push(plain(x)));
    expect(rows.map((r) => r.members.length)).toEqual([300000, want[want.length - 1]!.members.length]);
  });
});

describe('dictionaryDigest', () => {
  const base: ScanDictionary = {
    orgIds: ['a', 'b'], established: Int32Array.of(0, 20010101), dissolved: Int32Array.of(0, 0),
    memberIds: ['m1', 'm2', 'm3'], from: Int32Array.of(1, 2, 3), until: Int32Array.of(9, 9, 9), memberOrgs: Int32Array.of(0, 1, -1), outcomes: ['省委会采用'],
  };

  it('is the same for the same words, and differs for any change', () => {
    expect(dictionaryDigest({ ...base, memberIds: [...base.memberIds] })).toBe(dictionaryDigest(base));
    const changes: Partial<ScanDictionary>[] = [
      { orgIds: ['a', 'c'] }, { established: Int32Array.of(0, 20010102) }, { dissolved: Int32Array.of(0, 1) },
      { memberIds: ['m1', 'm3', 'm2'] }, { from: Int32Array.of(1, 2, 4) }, { until: Int32Array.of(9, 9, 8) },
      { memberOrgs: Int32Array.of(0, 1, 0) }, { outcomes: ['省委会采用', '民进中央采用'] },
      // The same characters cut differently are other words.
      { memberIds: ['m1m2', '', 'm3'] }, { memberIds: ['m1', 'm2m3', ''] },
    ];
    const digests = new Set(changes.map((c) => dictionaryDigest({ ...base, ...c })));
    expect(digests.size).toBe(changes.length);
    expect(digests.has(dictionaryDigest(base))).toBe(false);
  });
});
