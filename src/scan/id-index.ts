// Duplicate-id detection for millions of records in little memory: each id is kept only as a
// 64-bit hash and the line it was first seen on (12 bytes a slot). An id whose hash was seen
// before is a candidate; candidates are confirmed against the first line's text before anything
// is reported, so a hash collision can never produce a false duplicate.

const EMPTY = 0;

// The two halves of the last hash (no array allocated per id).
let hashA = 0;
let hashB = 0;

function hash2(buf: Uint8Array, start: number, end: number): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  hashA = a >>> 0;
  hashB = b >>> 0 || 1;
}

export interface DuplicateCandidate {
  /** The id as written on the later line. */
  readonly id: string;
  readonly line: number;
  column: number;
  readonly firstLine: number;
}

export class IdIndex {
  /** Slots of three words: hash high, hash low (0 = empty), first line. */
  private slots: Uint32Array;
  private count = 0;
  private mask: number;
  /** Indexes of later parts of the file (another thread's), looked up but never copied in: their slots, and their lines' shift. */
  private readonly others: { readonly slots: Uint32Array; readonly mask: number; readonly lineOffset: number }[] = [];
  readonly candidates: DuplicateCandidate[] = [];

  constructor(expected = 1024) {
    let size = 1024;
    while (size * 0.7 < expected) size <<= 1;
    this.slots = new Uint32Array(size * 3);
    this.mask = size - 1;
  }

  /** Adds the id in buf[start, end) seen on `line`; a repeat becomes a candidate (returns true). */
  add(buf: Uint8Array, start: number, end: number, line: number, column: number): boolean {
    hash2(buf, start, end);
    const first = this.insert(hashA, hashB, line);
    if (first === 0) return false;
    this.candidates.push({ id: Buffer.from(buf.subarray(start, end)).toString('utf8'), line, column, firstLine: first });
    return true;
  }

  addString(id: string, line: number, column: number): void {
    const b = Buffer.from(id, 'utf8');
    this.add(b, 0, b.length, line, column);
  }

  /** Inserts (unless a merged index holds it); returns the first line of an equal hash, or 0 when new. */
  private insert(h: number, l: number, line: number): number {
    if (this.others.length === 0) return this.insertOwn(h, l, line);
    // This index first (its lines come first in the file), then the merged ones.
    const own = find(this.slots, this.mask, h, l);
    if (own !== 0) return own;
    for (const o of this.others) {
      const first = find(o.slots, o.mask, h, l);
      if (first !== 0) return first + o.lineOffset;
    }
    return this.insertOwn(h, l, line);
  }

  private insertOwn(h: number, l: number, line: number): number {
    if (this.count + 1 > (this.mask + 1) * 0.7) this.grow();
    const slots = this.slots;
    let s = (h ^ Math.imul(l, 0x9e3779b1)) & this.mask;
    for (;;) {
      const at = s * 3;
      const lo = slots[at + 1]!;
      if (lo === EMPTY) {
        slots[at] = h;
        slots[at + 1] = l;
        slots[at + 2] = line;
        this.count++;
        return 0;
      }
      if (lo === l && slots[at] === h) return slots[at + 2]!;
      s = (s + 1) & this.mask;
    }
  }

  /** The table itself, for another thread to merge. */
  exportSlots(): Uint32Array {
    return this.slots;
  }

  /**
   * Adds another index's ids (seen later in the file: their lines shifted by `lineOffset`): each
   * one this index holds becomes a candidate, and ids added from now on are looked up in both.
   * The other's table is kept as it is (not copied in), so two halves cost what the file costs.
   * Returns, for each id both hold, the other's first line (shifted) → the first line here: the
   * other's own repeats of it name that first line, as one reader would.
   */
  mergeSlots(other: Uint32Array, lineOffset: number): Map<number, number> {
    const earlier = new Map<number, number>();
    for (let at = 0; at < other.length; at += 3) {
      if (other[at + 1] === EMPTY) continue;
      const line = other[at + 2]! + lineOffset;
      let first = find(this.slots, this.mask, other[at]!, other[at + 1]!);
      for (let k = 0; first === 0 && k < this.others.length; k++) {
        const o = this.others[k]!;
        const f = find(o.slots, o.mask, other[at]!, other[at + 1]!);
        if (f !== 0) first = f + o.lineOffset;
      }
      // The id's text is not kept: the confirmation reads it from the later line.
      if (first !== 0) {
        this.candidates.push({ id: '', line, column: 0, firstLine: first });
        earlier.set(line, first);
      }
    }
    this.others.push({ slots: other, mask: other.length / 3 - 1, lineOffset });
    return earlier;
  }

  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    this.slots = new Uint32Array(size * 3);
    this.mask = size - 1;
    this.count = 0;
    for (let at = 0; at < old.length; at += 3) if (old[at + 1] !== EMPTY) this.insertOwn(old[at]!, old[at + 1]!, old[at + 2]!);
  }
}

/** The first line of the hash (h, l) in a table of slots, or 0 when absent. */
function find(slots: Uint32Array, mask: number, h: number, l: number): number {
  let s = (h ^ Math.imul(l, 0x9e3779b1)) & mask;
  for (;;) {
    const at = s * 3;
    const lo = slots[at + 1]!;
    if (lo === EMPTY) return 0;
    if (lo === l && slots[at] === h) return slots[at + 2]!;
    s = (s + 1) & mask;
  }
}
