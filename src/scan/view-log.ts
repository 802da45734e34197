// The valid rows a scanning worker read before it knew what to count (split.ts: a worker started
// before the main thread has its folds), as their views in a compact log: played back, in file
// order, into the folds once they are built. A view is numbers only, so the log is a few
// integers per row and the hours' texts.

import { emptyView, ensureCapacity, type RecordView } from '../model/record-view.js';

export class ViewLog {
  private ints = new Int32Array(1 << 16);
  private used = 0;
  private readonly hours: (string | undefined)[] = [];

  get rows(): number {
    return this.hours.length;
  }

  add(v: RecordView): void {
    const need = this.used + 7 + v.memberCount + v.outcomeCount + v.tagCount;
    if (need > this.ints.length) {
      const bigger = new Int32Array(Math.max(need, this.ints.length * 2));
      bigger.set(this.ints.subarray(0, this.used));
      this.ints = bigger;
    }
    const a = this.ints;
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

  /** Each logged row, in the order added, as one reused view. */
  replay(visit: (v: RecordView) => void): void {
    const v = emptyView();
    const a = this.ints;
    let k = 0;
    for (let row = 0; row < this.hours.length; row++) {
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
      v.hours = this.hours[row];
      visit(v);
    }
  }
}
