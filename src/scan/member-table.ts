// The roster's member ids as a table for the byte-level reader. Each member has one 32-byte slot
// holding the hash, the member's number, the days they were on the roster, and the id's bytes
// (up to 12; longer ids are compared in a side buffer). The slots are grouped by the member's
// branch in the roster, each branch a small open-addressing table of its own: a record's members
// are nearly always of the credited branch, so a lookup starts in that branch's few cache lines
// (a national roster's one big table costs a cache and TLB miss per id). An id not found there is
// looked up in the table of every id (hash and member number only), whose key is checked in the
// member's slot — so the answer never depends on the branch asked first.

import { hashBytes } from './byte-map.js';

const W = 8; // words a slot: hash, value+1, from, until, length, key bytes ×3 words
const INLINE = 12;

export class MemberTable {
  private readonly slots: Int32Array;
  /** The same memory as bytes, for the inline keys. */
  private readonly bytes: Uint8Array;
  /** Per branch (and one more for members of no known branch): its first slot, and its size - 1. */
  private readonly base: Int32Array;
  private readonly masks: Int32Array;
  /** Every id: two words a slot, the hash and 1 + the member's number. */
  private readonly all: Int32Array;
  private readonly allMask: number;
  /** Per member number: where its slot is (in words), or -1 for a repeated id (the first wins). */
  private readonly slotOf: Int32Array;
  private readonly long: Uint8Array[] = [];

  /** `orgOf[i]`: the branch (0 ≤ b < branches) member i belongs to in the roster, or -1. */
  constructor(ids: readonly string[], from: Int32Array, until: Int32Array, orgOf: Int32Array | undefined = undefined, branches = 0) {
    let size = 16;
    while (size < ids.length * 1.6) size <<= 1;
    this.allMask = size - 1;
    this.all = new Int32Array(size * 2);
    this.slotOf = new Int32Array(ids.length).fill(-1);
    // Every id's bytes, one after another in one buffer (no buffer per id), and their hashes.
    const enc = new TextEncoder();
    let bytesLen = 0;
    for (const id of ids) bytesLen += id.length * 3;
    const all = new Uint8Array(bytesLen);
    const start = new Int32Array(ids.length + 1);
    let pos = 0;
    ids.forEach((id, i) => {
      start[i] = pos;
      pos += enc.encodeInto(id, all.subarray(pos)).written;
    });
    start[ids.length] = pos;
    const hashes = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) hashes[i] = hashBytes(all, start[i]!, start[i + 1]!) | 0;
    const same = (i: number, j: number): boolean => {
      const len = start[i + 1]! - start[i]!;
      if (start[j + 1]! - start[j]! !== len) return false;
      for (let k = 0; k < len; k++) if (all[start[i]! + k] !== all[start[j]! + k]) return false;
      return true;
    };
    // Every id once (the first of repeats), into the table of all ids.
    const first = new Uint8Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const h = hashes[i]!;
      let s = h & this.allMask;
      let repeated = false;
      for (;;) {
        const v = this.all[s * 2 + 1]!;
        if (v === 0) break;
        if (this.all[s * 2] === h && same(v - 1, i)) {
          repeated = true; // first wins
          break;
        }
        s = (s + 1) & this.allMask;
      }
      if (repeated) continue;
      this.all[s * 2] = h;
      this.all[s * 2 + 1] = i + 1;
      first[i] = 1;
    }
    // The branches' tables: sized for their members at most 2/3 full.
    const groups = branches + 1;
    const group = (i: number): number => {
      const b = orgOf?.[i] ?? -1;
      return b >= 0 && b < branches ? b : branches;
    };
    const counts = new Int32Array(groups);
    for (let i = 0; i < ids.length; i++) if (first[i]) counts[group(i)]!++;
    this.base = new Int32Array(groups);
    this.masks = new Int32Array(groups);
    let total = 0;
    for (let b = 0; b < groups; b++) {
      let n = 1;
      while (n < counts[b]! * 1.5) n <<= 1;
      this.base[b] = total;
      this.masks[b] = n - 1;
      total += n;
    }
    this.slots = new Int32Array(total * W);
    this.bytes = new Uint8Array(this.slots.buffer);
    for (let i = 0; i < ids.length; i++) {
      if (!first[i]) continue;
      const b = group(i);
      const h = hashes[i]!;
      const mask = this.masks[b]!;
      let s = h & mask;
      while (this.slots[(this.base[b]! + s) * W + 1] !== 0) s = (s + 1) & mask;
      const at = (this.base[b]! + s) * W;
      const key = all.subarray(start[i]!, start[i + 1]!);
      this.slotOf[i] = at;
      this.slots[at] = h;
      this.slots[at + 1] = i + 1;
      this.slots[at + 2] = from[i]!;
      this.slots[at + 3] = until[i]!;
      this.slots[at + 4] = key.length;
      if (key.length <= INLINE) this.bytes.set(key, (at + 5) * 4);
      else {
        this.slots[at + 5] = this.long.length;
        this.long.push(key.slice());
      }
    }
  }

  private equals(at: number, buf: Uint8Array, s: number, e: number): boolean {
    const len = e - s;
    if (this.slots[at + 4] !== len) return false;
    if (len <= INLINE) {
      const base = (at + 5) * 4;
      for (let i = 0; i < len; i++) if (this.bytes[base + i] !== buf[s + i]) return false;
      return true;
    }
    const key = this.long[this.slots[at + 5]!]!;
    for (let i = 0; i < len; i++) if (key[i] !== buf[s + i]) return false;
    return true;
  }

  /**
   * The member number of the id in buf[s, e) (hash `h` from hashBytes) when on the roster on
   * `day`; -1 when unknown or not on the roster that day. `branch`: where to look first (the
   * record's credited org, or -1).
   */
  onRoster(buf: Uint8Array, s: number, e: number, h: number, day: number, branch = -1): number {
    const slots = this.slots;
    const hh = h | 0;
    if (branch >= 0 && branch < this.base.length - 1) {
      const base = this.base[branch]!, mask = this.masks[branch]!;
      const len = e - s;
      let slot = hh & mask;
      for (;;) {
        const at = (base + slot) * W;
        const v = slots[at + 1]!;
        if (v === 0) break; // not this branch's: every id's table decides
        if (slots[at] === hh && slots[at + 4] === len && this.equals(at, buf, s, e)) return slots[at + 2]! <= day && day < slots[at + 3]! ? v - 1 : -1;
        slot = (slot + 1) & mask;
      }
    }
    const all = this.all;
    let slot = hh & this.allMask;
    for (;;) {
      const v = all[slot * 2 + 1]!;
      if (v === 0) return -1;
      if (all[slot * 2] === hh) {
        const at = this.slotOf[v - 1]!;
        if (this.equals(at, buf, s, e)) return slots[at + 2]! <= day && day < slots[at + 3]! ? v - 1 : -1;
      }
      slot = (slot + 1) & this.allMask;
    }
  }
}
