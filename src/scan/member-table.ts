// The roster's member ids as a table for the byte-level reader: one 32-byte slot per entry
// holding the hash, the member's number, the days they were on the roster, and the id's
// bytes themselves (up to 12; longer ids are compared in a side buffer), so a lookup usually
// touches one cache line.

import { hashBytes } from './byte-map.js';

const W = 8; // words a slot: hash, value+1, from, until, length, key bytes ×3 words
const INLINE = 12;

export class MemberTable {
  private slots: Int32Array;
  /** The same memory as bytes, for the inline keys. */
  private bytes: Uint8Array;
  private readonly mask: number;
  private readonly long: Uint8Array[] = [];

  constructor(ids: readonly string[], from: Int32Array, until: Int32Array) {
    let size = 16;
    while (size < ids.length * 1.6) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size * W);
    const bytes = (this.bytes = new Uint8Array(this.slots.buffer));
    ids.forEach((id, i) => {
      const key = Buffer.from(id, 'utf8');
      const h = hashBytes(key, 0, key.length) | 0;
      let s = h & this.mask;
      for (;;) {
        const at = s * W;
        if (this.slots[at + 1] === 0) break;
        if (this.slots[at] === h && this.equals(at, key, 0, key.length)) return; // first wins
        s = (s + 1) & this.mask;
      }
      const at = s * W;
      this.slots[at] = h;
      this.slots[at + 1] = i + 1;
      this.slots[at + 2] = from[i]!;
      this.slots[at + 3] = until[i]!;
      this.slots[at + 4] = key.length;
      if (key.length <= INLINE) bytes.set(key, (at + 5) * 4);
      else {
        this.slots[at + 5] = this.long.length;
        this.long.push(key);
      }
    });
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
   * `day`; -1 when unknown or not on the roster that day.
   */
  onRoster(buf: Uint8Array, s: number, e: number, h: number, day: number): number {
    const slots = this.slots;
    const len = e - s;
    const hh = h | 0;
    let slot = h & this.mask;
    for (;;) {
      const at = slot * W;
      const v = slots[at + 1]!;
      if (v === 0) return -1;
      if (slots[at] === hh && slots[at + 4] === len) {
        if (this.equals(at, buf, s, e)) return slots[at + 2]! <= day && day < slots[at + 3]! ? v - 1 : -1;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}
