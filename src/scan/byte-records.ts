// Splitting UTF-8 CSV bytes into records and fields in a read buffer, without making strings:
// the loop shared by the byte-level readers (duty records: byte-scanner.ts; the roster:
// roster-scanner.ts). A subclass reads a record whose fields are known (`row`); a record it is
// not sure of goes back as bytes (`slow`), a structural surprise hands the rest of the input away
// (`surprise`). Quoted fields, line breaks inside quotes and a CR before an LF are split here.

const COMMA = 44, QUOTE = 34, LF = 10, CR = 13;

export interface RecordEvents {
  /** A non-empty record before the columns are known (the header). */
  header(buf: Buffer, start: number, end: number, line: number): void;
  /** A row for the careful reader. */
  slow(buf: Buffer, start: number, end: number, line: number): void;
  /** A structural surprise at this record: the rest of the input needs the careful tokenizer. */
  surprise(buf: Buffer, start: number, line: number, final: boolean): void;
}

/** True when the bytes could carry spaces to trim or a BOM (the careful reader trims). */
export function untrimmed(b: Uint8Array, s: number, e: number): boolean {
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
export function controlBytes(b: Uint8Array, s: number, e: number): boolean {
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

export function digits(b: Uint8Array, s: number, n: number): number {
  let v = 0;
  for (let i = s; i < s + n; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** A plain decimal ≥ 0 (digits, optionally one dot and digits). */
export function isDecimal(b: Uint8Array, s: number, e: number): boolean {
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

export abstract class ByteRecords {
  /** Line number of the next record. */
  line = 1;
  /** Set once a surprise handed the rest away. */
  stopped = false;
  protected cols: Int32Array = new Int32Array(0);
  protected width = 0;
  /** Start and end of each field of the record (its bytes, inside quotes when quoted). */
  protected fs = new Int32Array(32);
  protected fe = new Int32Array(32);
  /** Per field (the first 256): 0 plain, 1 quoted, 2 quoted with an escaped quote (""). */
  protected readonly fq = new Uint8Array(256);

  constructor(
    protected readonly maxRecord: number,
    private readonly records: RecordEvents,
  ) {}

  get hasColumns(): boolean {
    return this.width > 0;
  }

  /** Column of each field (-1: absent) and the header's width. */
  setColumns(cols: readonly number[], width: number): void {
    this.cols = Int32Array.from(cols);
    this.width = width;
  }

  /**
   * Reads one record whose fields are in fs/fe/fq (nf of them) and which starts on `recLine`;
   * false hands it to the careful reader.
   */
  protected abstract row(buf: Buffer, nf: number, recLine: number, lineStart: number, recEnd: number): boolean;

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
        this.records.surprise(buf, recStart, recLine, final);
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
        this.records.header(buf, recStart, recEnd, recLine);
        continue;
      }
      // A record longer in bytes than the limit in characters may pass it: the careful reader counts.
      if (recEnd - recStart > maxRecord || !this.row(buf, nf, recLine, recStart, recEnd)) this.records.slow(buf, recStart, recEnd, recLine);
    }
    return n;
  }
}
