// A hash map from UTF-8 byte strings to small integers, looked up straight from a slice of a
// read buffer — no JS string is made. Used by the fast record reader to turn member ids, org
// ids and vocabulary words into numbers.

const EMPTY = -1;

export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  // FNV-1a, 32 bits.
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= buf[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class ByteMap {
  private keys: Uint8Array;
  private keyLen = 0;
  private slots: Int32Array; // index into entries, or EMPTY
  private entryStart: Int32Array;
  private entryEnd: Int32Array;
  private entryValue: Int32Array;
  private count = 0;
  private mask: number;

  constructor(expected = 16) {
    let size = 16;
    while (size < expected * 2) size <<= 1;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
    this.entryStart = new Int32Array(expected + 1);
    this.entryEnd = new Int32Array(expected + 1);
    this.entryValue = new Int32Array(expected + 1);
    this.keys = new Uint8Array(Math.max(64, expected * 12));
  }

  get size(): number {
    return this.count;
  }

  /** Value for the bytes buf[start, end), or -1. */
  get(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    let s = hashBytes(buf, start, end) & this.mask;
    for (;;) {
      const e = this.slots[s]!;
      if (e === EMPTY) return -1;
      const ks = this.entryStart[e]!;
      if (this.entryEnd[e]! - ks === len) {
        let i = 0;
        while (i < len && this.keys[ks + i] === buf[start + i]) i++;
        if (i === len) return this.entryValue[e]!;
      }
      s = (s + 1) & this.mask;
    }
  }

  /** Adds the key (first value wins); returns the value stored for it. */
  set(buf: Uint8Array, start: number, end: number, value: number): number {
    const found = this.get(buf, start, end);
    if (found !== -1) return found;
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const len = end - start;
    if (this.keyLen + len > this.keys.length) {
      const bigger = new Uint8Array(Math.max(this.keys.length * 2, this.keyLen + len));
      bigger.set(this.keys.subarray(0, this.keyLen));
      this.keys = bigger;
    }
    this.keys.set(buf.subarray(start, end), this.keyLen);
    const e = this.count++;
    if (e >= this.entryStart.length) {
      const n = this.entryStart.length * 2;
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(n);
        b.set(a);
        return b;
      };
      this.entryStart = grow(this.entryStart);
      this.entryEnd = grow(this.entryEnd);
      this.entryValue = grow(this.entryValue);
    }
    this.entryStart[e] = this.keyLen;
    this.entryEnd[e] = this.keyLen + len;
    this.entryValue[e] = value;
    this.keyLen += len;
    this.place(e);
    return value;
  }

  setString(key: string, value: number): number {
    const b = Buffer.from(key, 'utf8');
    return this.set(b, 0, b.length, value);
  }

  getString(key: string): number {
    const b = Buffer.from(key, 'utf8');
    return this.get(b, 0, b.length);
  }

  private place(e: number): void {
    let s = hashBytes(this.keys, this.entryStart[e]!, this.entryEnd[e]!) & this.mask;
    while (this.slots[s] !== EMPTY) s = (s + 1) & this.mask;
    this.slots[s] = e;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    this.mask = this.slots.length - 1;
    for (let e = 0; e < this.count; e++) this.place(e);
  }
}
