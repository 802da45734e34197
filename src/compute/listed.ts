// The members a record lists, each once and in the order written (the first is the lead): what
// every counter needs before it adds to per-member counts.

import type { RecordView } from '../model/record-view.js';

export class ListedMembers {
  /** The current record's members, each once; valid up to `count`. */
  members = new Int32Array(64);
  count = 0;
  /** Per member: the serial of the last record that listed them (long lists only). */
  private readonly seen: Int32Array;
  private serial = 0;

  constructor(memberCount: number) {
    this.seen = new Int32Array(memberCount);
  }

  /** Reads the record's list; returns how many distinct members it names. */
  read(v: RecordView): number {
    if (this.members.length < v.memberCount) this.members = new Int32Array(v.memberCount * 2);
    const out = this.members;
    let n = 0;
    if (v.memberCount <= 8) {
      // Short lists (most records): a scan of the few already listed, no per-member memory touched.
      outer: for (let i = 0; i < v.memberCount; i++) {
        const m = v.members[i]!;
        for (let j = 0; j < n; j++) if (out[j] === m) continue outer;
        out[n++] = m;
      }
    } else {
      const serial = ++this.serial;
      for (let i = 0; i < v.memberCount; i++) {
        const m = v.members[i]!;
        if (this.seen[m] !== serial) {
          this.seen[m] = serial;
          out[n++] = m;
        }
      }
    }
    return (this.count = n);
  }
}
