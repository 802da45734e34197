// The byte-level record scanner of duty-record CSV (UTF-8): splits records and fields in a read
// buffer, checks what a valid row must satisfy, looks ids and words up without making strings,
// and fills one reused view per valid row. It decides nothing about problems: a row it is not
// sure of is handed back as bytes (`slow`), a structural surprise stops it (`surprise`). Used by
// the main thread and by the scanning worker alike.

import { emptyView, ensureCapacity, type RecordView } from '../model/record-view.js';
import { yearEnd, yearStart } from '../model/types.js';
import { ACTIVITY_FIELD as F } from '../schema/fields.js';
import { makeDay } from '../util/dates.js';
import { ByteRecords, controlBytes, digits, isDecimal, untrimmed, type RecordEvents } from './byte-records.js';
import type { IdIndex } from './id-index.js';
import type { ScanTables } from './tables.js';

const SEMI = 59;
/** The fields the fast path reads (the title only for presence, the note not at all). */
const READ_FIELDS = [F.id, F.date, F.type, F.org, F.members, F.level, F.outcomes, F.hours, F.tags];
/** The fields of free text, which may hold any character (the others are matched to known words). */
const FREE_FIELDS = [F.id, F.title, F.tags, F.note];

export interface ScanEvents extends RecordEvents {
  /** A valid row, as the reused view. */
  fast(view: RecordView, buf: Buffer, start: number, end: number, line: number): void;
}

/**
 * Reads a UTF-8 duty-record file. Returns the id column (for confirming duplicates), or
 * undefined when the file could not be read (reported).
 */
export class ByteScanner extends ByteRecords {
  private readonly view = emptyView();
  private readonly Y0: number;
  private readonly Y1: number;
  private rowBuf: Uint8Array = new Uint8Array(0);
  private rowDay = 0;
  private rowOrg = -1;
  private readonly memberLookup: (s: number, e: number, h: number) => number;
  private readonly outcomeLookup: (s: number, e: number, h: number) => number;
  private readonly tagLookup: (s: number, e: number, h: number) => number;

  constructor(
    private readonly T: ScanTables,
    year: number,
    maxRecord: number,
    /** A tag word's number in the vocabulary (tags are free words). */
    tagNumber: (word: string) => number,
    private readonly ids: IdIndex,
    private readonly events: ScanEvents,
  ) {
    super(maxRecord, events);
    this.Y0 = yearStart(year);
    this.Y1 = yearEnd(year);
    ensureCapacity(this.view, 256, 64, 32); // longer lists go to the careful reader
    const decoder = new TextDecoder('utf-8');
    this.memberLookup = (s, e, h) => T.members.onRoster(this.rowBuf, s, e, h, this.rowDay, this.rowOrg);
    this.outcomeLookup = (s, e, h) => T.outcomes.getHashed(this.rowBuf, s, e, h);
    this.tagLookup = (s, e, h) => {
      const k = T.tags.getHashed(this.rowBuf, s, e, h);
      return k >= 0 ? k : T.tags.set(this.rowBuf, s, e, tagNumber(decoder.decode(this.rowBuf.subarray(s, e))));
    };
  }

  /**
   * Reads a `;`-separated list field into `out` through `lookup` (hash computed while splitting);
   * returns the count, or -1 when an item is unknown or refused (the careful reader decides).
   */
  private readList(buf: Uint8Array, c: number, out: Int32Array, lookup: (s: number, e: number, h: number) => number): number {
    const fs = this.fs, fe = this.fe;
    if (c < 0) return 0;
    const e0 = fe[c]!;
    let s = fs[c]!;
    let h = 0x811c9dc5;
    let n = 0;
    for (let i = s; i <= e0; i++) {
      const ch = i < e0 ? buf[i]! : SEMI;
      if (ch === SEMI) {
        if (i > s) {
          if (untrimmed(buf, s, i)) return -1;
          const k = lookup(s, i, h >>> 0);
          if (k < 0 || n >= out.length) return -1;
          out[n++] = k;
        }
        s = i + 1;
        h = 0x811c9dc5;
      } else {
        if (ch === 0xef && buf[i + 1] === 0xbc && buf[i + 2] === 0x9b) return -1; // full-width ；
        h = Math.imul(h ^ ch, 0x01000193);
      }
    }
    return n;
  }

  /** Checks and interns one record whose fields are known; false sends it to the careful reader. */
  protected row(buf: Buffer, nf: number, recLine: number, lineStart: number, recEnd: number): boolean {
    const { fs, fe, fq, cols, view, T, Y0, Y1, ids } = this;
    const width = this.width;
    if (nf !== width) return false;
    // Escaped quotes ("") or spaces to trim in a field this path reads: careful reader.
    for (const i of READ_FIELDS) {
      const c = cols[i]!;
      if (c >= 0 && (fq[c] === 2 || untrimmed(buf, fs[c]!, fe[c]!))) return false;
    }
    for (const i of FREE_FIELDS) {
      const c = cols[i]!;
      if (c >= 0 && controlBytes(buf, fs[c]!, fe[c]!)) return false;
    }
    // id
    const ci = cols[F.id]!;
    if (ci < 0) return false;
    const is = fs[ci]!, ie = fe[ci]!;
    if (ie <= is) return false;
    for (let i = is; i < ie; i++) if (buf[i] === 69 || buf[i] === 101) return false; // E/e: maybe 1.23E+17
    // date: YYYY-MM-DD inside the year
    const cd = cols[F.date]!;
    if (cd < 0 || fe[cd]! - fs[cd]! !== 10) return false;
    const d0 = fs[cd]!;
    if (buf[d0 + 4] !== 45 || buf[d0 + 7] !== 45) return false;
    const y = digits(buf, d0, 4), mo = digits(buf, d0 + 5, 2), da = digits(buf, d0 + 8, 2);
    const day = y < 0 || mo < 0 || da < 0 ? undefined : makeDay(y, mo, da);
    if (day === undefined || day < Y0 || day > Y1) return false;
    // type, org (existing that day)
    const ct = cols[F.type]!;
    const type = ct < 0 ? -1 : T.types.get(buf, fs[ct]!, fe[ct]!);
    if (type < 0) return false;
    const co = cols[F.org]!;
    const org = co < 0 ? -1 : T.orgs.get(buf, fs[co]!, fe[co]!);
    if (org < 0) return false;
    const est = T.established[org]!, dis = T.dissolved[org]!;
    if ((est !== 0 && est > day) || (dis !== 0 && dis < day)) return false;
    // title: present
    const cti = cols[F.title]!;
    if (cti < 0 || fe[cti]! <= fs[cti]! || untrimmed(buf, fs[cti]!, fe[cti]!)) return false;
    // level
    const cl = cols[F.level]!;
    let level = -1;
    if (cl >= 0 && fe[cl]! > fs[cl]!) {
      level = T.levels.get(buf, fs[cl]!, fe[cl]!);
      if (level < 0) return false;
    }
    // hours
    const ch = cols[F.hours]!;
    let hours: string | undefined;
    if (ch >= 0 && fe[ch]! > fs[ch]!) {
      if (!isDecimal(buf, fs[ch]!, fe[ch]!)) return false;
      // ASCII digits and a dot; latin1 decodes them one byte a character, in one call of any length.
      hours = buf.toString('latin1', fs[ch]!, fe[ch]!);
    }
    // lists: members (on the roster that day), outcomes (known phrases), tags
    this.rowBuf = buf;
    this.rowDay = day;
    this.rowOrg = org;
    const nm = this.readList(buf, cols[F.members]!, view.members, this.memberLookup);
    if (nm < 0 || (nm > 1 && repeats(view.members, nm))) return false;
    const no = this.readList(buf, cols[F.outcomes]!, view.outcomes, this.outcomeLookup);
    if (no < 0 || (no > 1 && repeats(view.outcomes, no))) return false;
    const nt = this.readList(buf, cols[F.tags]!, view.tags, this.tagLookup);
    if (nt < 0) return false;
    // The row is valid: its id goes into the index (a repeat is confirmed and reported later).
    if (ids.add(buf, is, ie, recLine, 0)) {
      const c = ids.candidates[ids.candidates.length - 1]!;
      c.column = buf.toString('utf8', lineStart, is).length + 1;
    }
    view.memberCount = nm;
    view.outcomeCount = no;
    view.tagCount = nt;
    view.date = day;
    view.type = type;
    view.org = org;
    view.level = level;
    view.hours = hours;
    this.events.fast(view, buf, lineStart, recEnd, recLine);
    return true;
  }


}

/** A number listed twice among the first n (a member or outcome repeated: the careful reader warns, MJ215). */
function repeats(list: Int32Array, n: number): boolean {
  for (let i = 1; i < n; i++) {
    const x = list[i]!;
    for (let j = 0; j < i; j++) if (list[j] === x) return true;
  }
  return false;
}
