// The byte-level reader of a UTF-8 duty-record CSV: it splits records and fields in the read
// buffer, looks ids and words up without making strings, checks what a valid row must satisfy,
// and fills one reused view per row. Any row it is not sure of — a problem, an unusual value, a
// quoted field with "" — is decoded and handed to the careful reader (decodeActivity), which
// reports it exactly. A structural surprise (a quote that does not close where it should, an
// over-long record) hands the rest of the file to the careful string tokenizer. So the fast path
// only ever speeds up rows that are fine; every diagnostic comes from the careful path.

import type { IdIndex } from '../checks/id-index.js';
import { ensureCapacity, emptyView, type RecordView } from '../model/record-view.js';
import { ACTIVITY_TYPES, LEVELS, type Activity } from '../model/types.js';
import { CsvTokenizer, type CsvRecord } from '../source/csv.js';
import type { TextSource } from '../source/decode.js';
import { ByteMap } from '../util/byte-map.js';
import { MemberTable } from '../util/id-table.js';
import { makeDay } from '../util/dates.js';
import type { ActivityRefs } from './activities.js';
import { F } from './activity-fields.js';
import type { LoadContext } from './context.js';
import { reportStreamFailure } from './files.js';
import { CsvRows, type RawRecord, type RecordFile } from './records.js';

const COMMA = 44, QUOTE = 34, LF = 10, CR = 13, SEMI = 59;
/** The fields the fast path reads (the title only for presence, the note not at all). */
const READ_FIELDS = [F.id, F.date, F.type, F.org, F.members, F.level, F.outcomes, F.hours, F.tags];

export interface FastSinks {
  /** A row for the careful reader. */
  slow(rec: RawRecord, rf: RecordFile): void;
  /** A valid row, as a reused view. */
  fast(v: RecordView): void;
  wantFull: ((v: RecordView) => boolean) | undefined;
  full: ((a: Activity) => void) | undefined;
}

/** Lookup tables built once per dataset and reused for every year. */
interface Tables {
  readonly orgs: ByteMap;
  readonly members: MemberTable;
  readonly types: ByteMap;
  readonly levels: ByteMap;
  readonly outcomes: ByteMap;
  readonly tags: ByteMap;
  /** Per org: established and dissolved days (0: none). */
  readonly established: Int32Array;
  readonly dissolved: Int32Array;
}

const cache = new WeakMap<ActivityRefs, Tables>();

function tablesOf(refs: ActivityRefs): Tables {
  let t = cache.get(refs);
  if (t) return t;
  const orgs = new ByteMap(refs.orgList.length);
  refs.orgList.forEach((o, i) => orgs.setString(o.id, i));
  const from = new Int32Array(refs.memberList.length);
  const until = new Int32Array(refs.memberList.length);
  refs.memberList.forEach((m, i) => {
    from[i] = m.joined;
    until[i] = m.left !== undefined ? m.left : m.status === '在册' ? 99999999 : m.joined;
  });
  const members = new MemberTable(refs.memberList.map((m) => m.id), from, until);
  const types = new ByteMap(16);
  ACTIVITY_TYPES.forEach((x, i) => types.setString(x, i));
  const levels = new ByteMap(8);
  LEVELS.forEach((x, i) => levels.setString(x, i));
  const outcomes = new ByteMap(64);
  for (const [o, k] of refs.vocab.outcomes) outcomes.setString(o, k);
  t = {
    orgs, members, types, levels, outcomes, tags: new ByteMap(64),
    established: Int32Array.from(refs.orgList, (o) => o.established ?? 0),
    dissolved: Int32Array.from(refs.orgList, (o) => o.dissolved ?? 0),
  };
  cache.set(refs, t);
  return t;
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
export async function readFastActivities(
  ctx: LoadContext, file: string, source: TextSource, year: number, refs: ActivityRefs, ids: IdIndex, sinks: FastSinks,
): Promise<{ idColumn: number } | undefined> {
  const rows = new CsvRows(ctx, file, 'activities', sinks.slow);
  if (source.encoding !== 'utf-8' || ctx.options.carefulOnly) {
    // Not UTF-8 (a GB18030 export, UTF-16), or asked to: the careful reader for the whole file.
    const tok = new CsvTokenizer(rows, { maxRecord: ctx.limits.maxRecordChars });
    try {
      for await (const chunk of source.chunks()) tok.push(chunk);
      tok.end();
    } catch (e) {
      reportStreamFailure(ctx, file, e);
      return undefined;
    }
    rows.finish();
    return { idColumn: rows.columns()[F.id] ?? -1 };
  }

  const T = tablesOf(refs);
  const view = emptyView();
  ensureCapacity(view, 256, 64, 32); // longer lists go to the careful reader
  const maxRecord = ctx.limits.maxRecordChars;
  const decoder = new TextDecoder('utf-8');
  const Y0 = year * 10000 + 101, Y1 = year * 10000 + 1231;

  let cols: Int32Array = new Int32Array(0);
  let width = 0;
  let fs = new Int32Array(32);
  let fe = new Int32Array(32);
  const fq = new Uint8Array(256);

  let line = 1;
  /** Once set, the rest of the file goes through this careful tokenizer. */
  const state: { careful: CsvTokenizer | null } = { careful: null };
  let carry: Buffer | null = null;

  /** Hands the record text in buf[s, e) (starting on `at`) to the careful reader. */
  const slowRecord = (buf: Uint8Array, s: number, e: number, at: number): void => {
    const text = decoder.decode(buf.subarray(s, e));
    const tok = new CsvTokenizer({ record: (r: CsvRecord) => rows.record(r), problem: (p) => rows.problem(p) }, { maxRecord, line: at });
    tok.push(text);
    tok.end();
  };

  /**
   * Reads a `;`-separated list field into `out` through `lookup` (hash computed while splitting);
   * returns the count, or -1 when an item is unknown or refused (the careful reader decides).
   */
  const readList = (buf: Uint8Array, c: number, out: Int32Array, lookup: (s: number, e: number, h: number) => number): number => {
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
  };
  let rowBuf: Uint8Array = new Uint8Array(0);
  let rowDay = 0;
  const memberLookup = (s: number, e: number, h: number): number => T.members.onRoster(rowBuf, s, e, h, rowDay);
  const outcomeLookup = (s: number, e: number, h: number): number => T.outcomes.getHashed(rowBuf, s, e, h);
  const tagLookup = (s: number, e: number, h: number): number => {
    const k = T.tags.getHashed(rowBuf, s, e, h);
    return k >= 0 ? k : T.tags.set(rowBuf, s, e, refs.vocab.tag(decoder.decode(rowBuf.subarray(s, e))));
  };

  /** Checks and interns one record whose fields are known; false sends it to the careful reader. */
  const fastRow = (buf: Uint8Array, nf: number, recLine: number, lineStart: number): boolean => {
    if (nf !== width) return false;
    // Escaped quotes ("") or spaces to trim in a field this path reads: careful reader.
    for (const i of READ_FIELDS) {
      const c = cols[i]!;
      if (c >= 0 && (fq[c] === 2 || untrimmed(buf, fs[c]!, fe[c]!))) return false;
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
      hours = String.fromCharCode(...buf.subarray(fs[ch]!, fe[ch]!));
    }
    // lists: members (on the roster that day), outcomes (known phrases), tags
    rowBuf = buf;
    rowDay = day;
    const nm = readList(buf, cols[F.members]!, view.members, memberLookup);
    if (nm < 0) return false;
    const no = readList(buf, cols[F.outcomes]!, view.outcomes, outcomeLookup);
    if (no < 0) return false;
    const nt = readList(buf, cols[F.tags]!, view.tags, tagLookup);
    if (nt < 0) return false;
    // The row is valid: its id goes into the index (a repeat is confirmed and reported later).
    if (ids.add(buf, is, ie, recLine, 0)) {
      const c = ids.candidates[ids.candidates.length - 1]!;
      c.column = decoder.decode(buf.subarray(lineStart, is)).length + 1;
    }
    view.memberCount = nm;
    view.outcomeCount = no;
    view.tagCount = nt;
    view.date = day;
    view.type = type;
    view.org = org;
    view.level = level;
    view.hours = hours;
    rows.countRow();
    sinks.fast(view);
    return true;
  };

  const wantsFull = (buf: Uint8Array, s: number, e: number, at: number): void => {
    if (!sinks.wantFull || !sinks.full || !sinks.wantFull(view)) return;
    // The full record (titles …) for --explain: decode it with the careful tokenizer.
    const text = decoder.decode(buf.subarray(s, e));
    const tok = new CsvTokenizer({
      record: (r: CsvRecord) => {
        const rf = rows.recordFile!;
        const fields = Array.from(cols, (c) => (c < 0 ? '' : (r.fields[c] ?? '').trim()));
        const list = (x: string) => x.split(';').map((y) => y.trim()).filter(Boolean);
        sinks.full!({
          id: fields[F.id]!, date: view.date, type: ACTIVITY_TYPES[view.type]!, org: refs.orgList[view.org]!.id,
          members: list(fields[F.members]!), title: fields[F.title]!, level: view.level < 0 ? undefined : LEVELS[view.level],
          outcomes: list(fields[F.outcomes]!), hours: view.hours, tags: list(fields[F.tags]!), note: fields[F.note] || undefined,
          origin: { file: rf.file, line: at, column: 1 },
        });
      },
      problem: () => undefined,
    }, { line: at });
    tok.push(text);
    tok.end();
  };

  try {
    for await (const chunk of source.bytes()) {
      if (state.careful) {
        state.careful.push(decoder.decode(chunk, { stream: true }));
        continue;
      }
      const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      carry = null;
      const consumed = scan(buf, false);
      if (state.careful) continue;
      if (consumed < buf.length) carry = Buffer.from(buf.subarray(consumed));
    }
    const tail = carry as Buffer | null;
    if (state.careful) {
      state.careful.push(decoder.decode());
      state.careful.end();
    } else if (tail) {
      scan(tail, true);
    }
  } catch (e) {
    reportStreamFailure(ctx, file, e);
    return undefined;
  }
  rows.finish();
  return { idColumn: rows.columns()[F.id] ?? -1 };

  /**
   * Scans whole records in buf; returns how many bytes were consumed (the rest is an
   * incomplete record, kept for the next chunk). `final`: no more bytes will come.
   */
  function scan(buf: Buffer, final: boolean): number {
    const n = buf.length;
    let p = 0;
    while (p < n) {
      const recStart = p;
      const recLine = line;
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
          fs = grow(fs);
          fe = grow(fe);
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
        // Hand this record and the rest of the file to the careful tokenizer.
        const careful = new CsvTokenizer(rows, { maxRecord, line: recLine });
        state.careful = careful;
        careful.push(decoder.decode(buf.subarray(recStart), { stream: !final }));
        if (final) careful.end();
        return n;
      }
      if (!complete) return recStart;
      const recEnd = p;
      line += breaks;
      if (!rows.hasHeader) {
        slowRecord(buf, recStart, recEnd, recLine);
        cols = Int32Array.from(rows.columns());
        width = rows.width;
        if (recEnd >= n) return n;
        continue;
      }
      // Blank lines and a spreadsheet's empty rows (,,,,).
      let empty = true;
      for (let f = 0; f < nf; f++) {
        if (fe[f]! > fs[f]! || (f < fq.length && fq[f] !== 0)) {
          empty = false;
          break;
        }
      }
      if (empty) continue;
      // A record longer in bytes than the limit in characters may pass it: the careful reader counts.
      if (recEnd - recStart <= maxRecord && fastRow(buf, nf, recLine, recStart)) wantsFull(buf, recStart, recEnd, recLine);
      else slowRecord(buf, recStart, recEnd, recLine);
    }
    return n;
  }
}
