// The byte-level record scanner of duty-record CSV (UTF-8): splits records and fields in a read
// buffer, checks what a valid row must satisfy, looks ids and words up without making strings,
// and fills one reused view per valid row. It decides nothing about problems: a row it is not
// sure of is handed back as bytes (`slow`), a structural surprise stops it (`surprise`). Used by
// the main thread and by the scanning worker alike.

import { emptyView, ensureCapacity, type RecordView } from '../model/record-view.js';
import { yearEnd, yearStart } from '../model/types.js';
import { ACTIVITY_FIELD as F } from '../schema/fields.js';
import { makeDay } from '../util/dates.js';
import type { IdIndex } from './id-index.js';
import type { ScanTables } from './tables.js';

const COMMA = 44, QUOTE = 34, LF = 10, CR = 13, SEMI = 59;
/** The fields the fast path reads (the title only for presence, the note not at all). */
const READ_FIELDS = [F.id, F.date, F.type, F.org, F.members, F.level, F.outcomes, F.hours, F.tags];
/** The fields of free text, which may hold any character (the others are matched to known words). */
const FREE_FIELDS = [F.id, F.title, F.tags, F.note];

export interface ScanEvents {
  /** A non-empty record before the columns are known (the header). */
  header(buf: Buffer, start: number, end: number, line: number): void;
  /** A valid row, as the reused view. */
  fast(view: RecordView, buf: Buffer, start: number, end: number, line: number): void;
  /** A row for the careful reader. */
  slow(buf: Buffer, start: number, end: number, line: number): void;
  /** A structural surprise at this record: the rest of the input needs the careful tokenizer. */
  surprise(buf: Buffer, start: number, line: number, final: boolean): void;
}

/** True when the bytes could carry spaces to trim or a BOM (the careful reader trims). */
function untrimmed(b: Uint8Array, s: number, e: number): boolean {
  if (e <= s) return false;
  const a = b[s]!, z = b[e - 1]!;
  if (a <= 32 || z <= 32) return true;
  if (a === 0xc2 && b[s + 1] === 0xa0) return true; // NBSP
  if (a === 0xe3 && b[s + 1] === 0x80 && b[s + 2] === 0x80) return true; // ideographic space
  if (a === 0xef && b[s + 1] === 0xbb && b[s + 2] === 0xbf) return true; // BOM
  if (e - s >= 3 && b[e - 3] === 0xe3 && b[e - 2] === 0x80 && b[e - 1] === 0x80) return true;
  if (e - s >= 2 && b[e - 2] === 0xc2 && b[e - 1] === 0xa0) return true;
  return false;
}

/**
 * True when the bytes may hold a character that is never data (MJ214, decided by the careful
 * reader): a C0 control but TAB and LF (a CR before an LF is a line end), DEL, a C1 control
 * (C2 80–9F), a bidi override or isolate (E2 80 AA–AE, E2 81 A6–A9).
 */
function controlBytes(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c >= 0x20 && c !== 0x7f && c !== 0xc2 && c !== 0xe2) continue;
    if (c === 9 || c === 10) continue;
    if (c === 13) {
      if (b[i + 1] === 10) continue;
      return true;
    }
    if (c === 0xc2) {
      const d = b[i + 1]!;
      if (d >= 0x80 && d <= 0x9f) return true;
      continue;
    }
    if (c === 0xe2) {
      const d = b[i + 1]!, f = b[i + 2]!;
      if ((d === 0x80 && f >= 0xaa && f <= 0xae) || (d === 0x81 && f >= 0xa6 && f <= 0xa9)) return true;
      continue;
    }
    return true;
  }
  return false;
}

function digits(b: Uint8Array, s: number, n: number): number {
  let v = 0;
  for (let i = s; i < s + n; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** A plain decimal ≥ 0 (digits, optionally one dot and digits). */
function isDecimal(b: Uint8Array, s: number, e: number): boolean {
  if (e <= s) return false;
  let dot = -1;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c === 46) {
      if (dot >= 0 || i === s || i === e - 1) return false;
      dot = i;
    } else if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Reads a UTF-8 duty-record file. Returns the id column (for confirming duplicates), or
 * undefined when the file could not be read (reported).
 */
export class ByteScanner {
  /** Line number of the next record. */
  line = 1;
  /** Set once a surprise handed the rest away. */
  stopped = false;
  private cols: Int32Array = new Int32Array(0);
  private width = 0;
  private fs = new Int32Array(32);
  private fe = new Int32Array(32);
  private readonly fq = new Uint8Array(256);
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
    private readonly maxRecord: number,
    /** A tag word's number in the vocabulary (tags are free words). */
    tagNumber: (word: string) => number,
    private readonly ids: IdIndex,
    private readonly events: ScanEvents,
  ) {
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

  get hasColumns(): boolean {
    return this.width > 0;
  }

  /** Column of each field (-1: absent) and the header's width. */
  setColumns(cols: readonly number[], width: number): void {
    this.cols = Int32Array.from(cols);
    this.width = width;
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
  private fastRow(buf: Buffer, nf: number, recLine: number, lineStart: number, recEnd: number): boolean {
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


  /**
   * Scans whole records in buf; returns how many bytes were consumed (the rest is an
   * incomplete record, kept for the next chunk). `final`: no more bytes will come.
   */
  scan(buf: Buffer, final: boolean): number {
    const { maxRecord, fq } = this;
    const n = buf.length;
    let { fs, fe } = this;
    let p = 0;
    while (p < n) {
      const recStart = p;
      const recLine = this.line;
      let nf = 0;
      let breaks = 0;
      let complete = false;
      let surprise = false;
      for (;;) {
        if (nf >= fs.length) {
          const grow = (a: Int32Array) => {
            const b = new Int32Array(a.length * 2);
            b.set(a);
            return b;
          };
          fs = this.fs = grow(fs);
          fe = this.fe = grow(fe);
        }
        if (p < n && buf[p] === QUOTE) {
          let q = p + 1;
          let escaped = false;
          let close = -1;
          for (;;) {
            const k = buf.indexOf(QUOTE, q);
            if (k < 0) break;
            if (k + 1 < n && buf[k + 1] === QUOTE) {
              escaped = true;
              q = k + 2;
              continue;
            }
            if (k + 1 >= n && !final) break;
            close = k;
            break;
          }
          if (close < 0) {
            if (final || n - recStart > maxRecord) surprise = true;
            break;
          }
          for (let k = buf.indexOf(LF, p); k >= 0 && k < close; k = buf.indexOf(LF, k + 1)) breaks++;
          if (nf < fq.length) fq[nf] = escaped ? 2 : 1;
          fs[nf] = p + 1;
          fe[nf] = close;
          nf++;
          p = close + 1;
          if (p < n && buf[p] === CR) {
            if (p + 1 < n && buf[p + 1] === LF) p++;
            else if (p + 1 < n || final) {
              surprise = true;
              break;
            } else break;
          }
          if (p < n && buf[p] !== COMMA && buf[p] !== LF) {
            surprise = true;
            break;
          }
        } else {
          let j = p;
          while (j < n) {
            const c = buf[j]!;
            if (c === COMMA || c === LF) break;
            j++;
          }
          if (j >= n && !final) break;
          if (nf < fq.length) fq[nf] = 0;
          fs[nf] = p;
          fe[nf] = j > p && buf[j - 1] === CR && (j >= n || buf[j] === LF) ? j - 1 : j;
          nf++;
          p = j;
        }
        if (p >= n) {
          if (final) complete = true;
          break;
        }
        if (buf[p] === COMMA) {
          p++;
          if (p >= n && !final) break;
          continue;
        }
        // LF: end of record.
        p++;
        breaks++;
        complete = true;
        break;
      }
      if (surprise || (!complete && n - recStart > maxRecord)) {
        // Hand this record and the rest of the input to the careful tokenizer.
        this.stopped = true;
        this.events.surprise(buf, recStart, recLine, final);
        return n;
      }
      if (!complete) return recStart;
      const recEnd = p;
      this.line += breaks;
      // Blank lines and a spreadsheet's empty rows (,,,,).
      let empty = true;
      for (let f = 0; f < nf; f++) {
        if (fe[f]! > fs[f]! || (f < fq.length && fq[f] !== 0)) {
          empty = false;
          break;
        }
      }
      if (empty) continue;
      if (this.width === 0) {
        this.events.header(buf, recStart, recEnd, recLine);
        continue;
      }
      // A record longer in bytes than the limit in characters may pass it: the careful reader counts.
      if (recEnd - recStart > maxRecord || !this.fastRow(buf, nf, recLine, recStart, recEnd)) this.events.slow(buf, recStart, recEnd, recLine);
    }
    return n;
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
