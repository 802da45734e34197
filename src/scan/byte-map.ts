// A hash map from UTF-8 byte strings to small integers, looked up straight from a slice of a
// read buffer — no JS string is made. Used by the fast record reader to turn member ids, org
// ids and vocabulary words into numbers.


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
  /** Two words a slot: the key's hash, and 1 + its entry (0 = empty). */
  private slots: Int32Array;
  /** Three words an entry: key start, key end, value. */
  private entries: Int32Array;
  private count = 0;
  private mask: number;

  constructor(expected = 16) {
    let size = 16;
    while (size < expected * 2) size <<= 1;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    this.entries = new Int32Array((expected + 1) * 3);
    this.keys = new Uint8Array(Math.max(64, expected * 12));
  }

  get size(): number {
    return this.count;
  }

  /** Value for the bytes buf[start, end), or -1. */
  get(buf: Uint8Array, start: number, end: number): number {
    return this.getHashed(buf, start, end, hashBytes(buf, start, end));
  }

  /** The same, with the FNV-1a hash of the bytes already computed by the caller. */
  getHashed(buf: Uint8Array, start: number, end: number, hash: number): number {
    const len = end - start;
    const slots = this.slots;
    const h = hash | 0;
    let s = hash & this.mask;
    for (;;) {
      const e1 = slots[s * 2 + 1]!;
      if (e1 === 0) return -1;
      if (slots[s * 2] === h) {
        const at = (e1 - 1) * 3;
        const ks = this.entries[at]!;
        if (this.entries[at + 1]! - ks === len) {
          let i = 0;
          while (i < len && this.keys[ks + i] === buf[start + i]) i++;
          if (i === len) return this.entries[at + 2]!;
        }
      }
      s = (s + 1) & this.mask;
    }
  }

  /** Adds the key (first value wins); returns the value stored for it. */
  set(buf: Uint8Array, start: number, end: number, value: number): number {
    const found = this.get(buf, start, end);
    if (found !== -1) return found;
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const len = end - start;
    if (this.keyLen + len > this.keys.length) {
      const bigger = new Uint8Array(Math.max(this.keys.length * 2, this.keyLen + len));
      bigger.set(this.keys.subarray(0, this.keyLen));
      this.keys = bigger;
    }
    this.keys.set(buf.subarray(start, end), this.keyLen);
    const e = this.count++;
    if ((e + 1) * 3 > this.entries.length) {
      const b = new Int32Array(this.entries.length * 2);
      b.set(this.entries);
      this.entries = b;
    }
    this.entries[e * 3] = this.keyLen;
    this.entries[e * 3 + 1] = this.keyLen + len;
    this.entries[e * 3 + 2] = value;
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
    const h = hashBytes(this.keys, this.entries[e * 3]!, this.entries[e * 3 + 1]!);
    let s = h & this.mask;
    while (this.slots[s * 2 + 1] !== 0) s = (s + 1) & this.mask;
    this.slots[s * 2] = h | 0;
    this.slots[s * 2 + 1] = e + 1;
  }

  private grow(): void {
    this.slots = new Int32Array((this.mask + 1) * 4);
    this.mask = (this.mask + 1) * 2 - 1;
    for (let e = 0; e < this.count; e++) this.place(e);
  }
}
