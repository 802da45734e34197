// The roster's member ids as a table for the byte-level reader. Each member has one 32-byte slot
// holding the hash, the member's number, the days they were on the roster, and the id's bytes
// (up to 12; longer ids are compared in a side buffer). The slots are grouped by the member's
// branch in the roster, each branch a small open-addressing table of its own: a record's members
// are nearly always of the credited branch, so a lookup starts in that branch's few cache lines
// (a national roster's one big table costs a cache and TLB miss per id). An id not found there is
// looked up in the table of every id (hash and member number only), whose key is checked in the
// member's slot — so the answer never depends on the branch asked first.
//
// The table lives in shared memory: a scanning worker is handed the main thread's table
// (`data()`, `new MemberTable(data)`) instead of building its own from the ids (some 0.2 s of its start
// at national scale, and a second copy of the table).

import { hashBytes } from './byte-map.js';

const W = 8; // words a slot: hash, value+1, from, until, length, key bytes ×3 words
const INLINE = 12;

/** A member table as plain data over shared memory: sent to a worker, it is the same table there (no copy). */
export interface MemberTableData {
  readonly slots: Int32Array;
  readonly base: Int32Array;
  readonly masks: Int32Array;
  readonly all: Int32Array;
  readonly slotOf: Int32Array;
  readonly long: readonly Uint8Array[];
}

/** An Int32Array of n zeros in shared memory (an ordinary one where SharedArrayBuffer is missing). */
function sharedInts(n: number): Int32Array {
  return typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(n * 4)) : new Int32Array(n);
}

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
  private readonly long: readonly Uint8Array[];

  /** The table as plain data (its arrays are shared, not copied, when posted to a worker). */
  data(): MemberTableData {
    return { slots: this.slots, base: this.base, masks: this.masks, all: this.all, slotOf: this.slotOf, long: this.long };
  }

  /** The table of its data (`MemberTable.build`, or `data()` of a table built on another thread). */
  constructor(d: MemberTableData) {
    this.slots = d.slots;
    this.bytes = new Uint8Array(d.slots.buffer, d.slots.byteOffset, d.slots.byteLength);
    this.base = d.base;
    this.masks = d.masks;
    this.all = d.all;
    this.allMask = d.all.length / 2 - 1;
    this.slotOf = d.slotOf;
    this.long = [...d.long];
  }

  /** The table of the roster's ids; `orgOf[i]`: the branch (0 ≤ b < branches) member i belongs to in the roster, or -1. */
  static build(ids: readonly string[], from: Int32Array, until: Int32Array, orgOf: Int32Array | undefined = undefined, branches = 0): MemberTable {
    const long: Uint8Array[] = [];
    let size = 16;
    while (size < ids.length * 1.6) size <<= 1;
    const allMask = size - 1;
    const every = sharedInts(size * 2);
    const slotOf = sharedInts(ids.length).fill(-1);
    // Every id's bytes, one after another in one buffer (no buffer per id), and their hashes.
    // One encoding of all ids joined; when they are all ASCII (the usual case), each id's bytes are
    // its characters, so no id is encoded alone.
    const joined = ids.join('');
    let idBytes: Uint8Array;
    const start = new Int32Array(ids.length + 1);
    let pos = 0;
    if (/^[\x00-\x7f]*$/.test(joined)) {
      idBytes = Buffer.from(joined, 'latin1');
      for (let i = 0; i < ids.length; i++) {
        start[i] = pos;
        pos += ids[i]!.length;
      }
    } else {
      const enc = new TextEncoder();
      idBytes = new Uint8Array(joined.length * 3);
      for (let i = 0; i < ids.length; i++) {
        start[i] = pos;
        pos += enc.encodeInto(ids[i]!, idBytes.subarray(pos)).written;
      }
    }
    start[ids.length] = pos;
    const hashes = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) hashes[i] = hashBytes(idBytes, start[i]!, start[i + 1]!) | 0;
    const same = (i: number, j: number): boolean => {
      const len = start[i + 1]! - start[i]!;
      if (start[j + 1]! - start[j]! !== len) return false;
      for (let k = 0; k < len; k++) if (idBytes[start[i]! + k] !== idBytes[start[j]! + k]) return false;
      return true;
    };
    // Every id once (the first of repeats), into the table of all ids.
    const first = new Uint8Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const h = hashes[i]!;
      let s = h & allMask;
      let repeated = false;
      for (;;) {
        const v = every[s * 2 + 1]!;
        if (v === 0) break;
        if (every[s * 2] === h && same(v - 1, i)) {
          repeated = true; // first wins
          break;
        }
        s = (s + 1) & allMask;
      }
      if (repeated) continue;
      every[s * 2] = h;
      every[s * 2 + 1] = i + 1;
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
    const base = sharedInts(groups);
    const masks = sharedInts(groups);
    let total = 0;
    for (let b = 0; b < groups; b++) {
      let n = 1;
      while (n < counts[b]! * 1.5) n <<= 1;
      base[b] = total;
      masks[b] = n - 1;
      total += n;
    }
    const slots = sharedInts(total * W);
    const bytes = new Uint8Array(slots.buffer);
    // Filled branch by branch (the members in branch order, by a counting sort): each branch's
    // slots are written together, not one cache line of the whole table after another at random.
    const next = new Int32Array(groups);
    for (let b = 1; b < groups; b++) next[b] = next[b - 1]! + counts[b - 1]!;
    const order = new Int32Array(next[groups - 1]! + counts[groups - 1]!);
    for (let i = 0; i < ids.length; i++) if (first[i]) order[next[group(i)]!++] = i;
    for (let j = 0; j < order.length; j++) {
      const i = order[j]!;
      const b = group(i);
      const h = hashes[i]!;
      const mask = masks[b]!, b0 = base[b]!;
      let s = h & mask;
      while (slots[(b0 + s) * W + 1] !== 0) s = (s + 1) & mask;
      const at = (b0 + s) * W;
      const k0 = start[i]!, len = start[i + 1]! - k0;
      slotOf[i] = at;
      slots[at] = h;
      slots[at + 1] = i + 1;
      slots[at + 2] = from[i]!;
      slots[at + 3] = until[i]!;
      slots[at + 4] = len;
      if (len <= INLINE) {
        const o = (at + 5) * 4;
        for (let k = 0; k < len; k++) bytes[o + k] = idBytes[k0 + k]!;
      } else {
        slots[at + 5] = long.length;
        long.push(idBytes.slice(k0, k0 + len));
      }
    }
    return new MemberTable({ slots, base, masks, all: every, slotOf, long });
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
