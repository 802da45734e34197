// The valid rows a scanning worker read before it knew what to count (split.ts: a worker started
// before the main thread has its folds), as their views in a compact log: played back, in file
// order, into the folds once they are built. A view is numbers only, so the log is a few
// integers per row and the hours' texts, kept in blocks of a fixed size (never one array grown
// by copying, whose old and new copies would be held at once) and let go while played back.

import { emptyView, ensureCapacity, type RecordView } from '../model/record-view.js';

/** Integers per block (1 MiB). */
const BLOCK = 1 << 18;

export class ViewLog {
  private blocks: Int32Array[] = [];
  private block = new Int32Array(BLOCK);
  private used = 0;
  private hours: (string | undefined)[] = [];

  get rows(): number {
    return this.hours.length;
  }

  add(v: RecordView): void {
    const need = 7 + v.memberCount + v.outcomeCount + v.tagCount;
    if (this.used + need > this.block.length) {
      this.blocks.push(this.block.subarray(0, this.used));
      this.block = new Int32Array(Math.max(BLOCK, need));
      this.used = 0;
    }
    const a = this.block;
    let k = this.used;
    a[k++] = v.date;
    a[k++] = v.type;
    a[k++] = v.org;
    a[k++] = v.level;
    a[k++] = v.memberCount;
    for (let i = 0; i < v.memberCount; i++) a[k++] = v.members[i]!;
    a[k++] = v.outcomeCount;
    for (let i = 0; i < v.outcomeCount; i++) a[k++] = v.outcomes[i]!;
    a[k++] = v.tagCount;
    for (let i = 0; i < v.tagCount; i++) a[k++] = v.tags[i]!;
    this.used = k;
    this.hours.push(v.hours);
  }

  /** Each logged row, in the order added, as one reused view; the log is empty after. */
  replay(visit: (v: RecordView) => void): void {
    this.blocks.push(this.block.subarray(0, this.used));
    const blocks = this.blocks;
    const hours = this.hours;
    this.blocks = [];
    this.block = new Int32Array(0);
    this.used = 0;
    this.hours = [];
    const v = emptyView();
    let row = 0;
    for (let b = 0; b < blocks.length; b++) {
      const a = blocks[b]!;
      blocks[b] = EMPTY; // played: let go
      let k = 0;
      while (k < a.length) {
        v.date = a[k++]!;
        v.type = a[k++]!;
        v.org = a[k++]!;
        v.level = a[k++]!;
        const nm = a[k++]!;
        ensureCapacity(v, nm, 0, 0);
        for (let i = 0; i < nm; i++) v.members[i] = a[k++]!;
        v.memberCount = nm;
        const no = a[k++]!;
        ensureCapacity(v, 0, no, 0);
        for (let i = 0; i < no; i++) v.outcomes[i] = a[k++]!;
        v.outcomeCount = no;
        const nt = a[k++]!;
        ensureCapacity(v, 0, 0, nt);
        for (let i = 0; i < nt; i++) v.tags[i] = a[k++]!;
        v.tagCount = nt;
        v.hours = hours[row++];
        visit(v);
      }
    }
  }
}

const EMPTY = new Int32Array(0);
