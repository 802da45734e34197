// Incremental CSV tokenizer (RFC 4180) that keeps the 1-based line and character column of
// every field. Fed decoded text chunk by chunk; emits records through a callback, so a file of
// any size is read in bounded memory. Knows nothing of headers or fields' meaning.

export interface CsvRecord {
  /** Cell texts as written (quotes removed, "" unescaped). */
  readonly fields: string[];
  /** Line where the record starts. */
  readonly line: number;
  /** Column of each field's first character (the opening quote for a quoted field). */
  readonly cols: number[];
  /** Line of each field, or null when every field starts on `line`. */
  readonly lines: number[] | null;
  /** Which fields were quoted, or null when none was. */
  readonly quoted: boolean[] | null;
}

export type CsvProblem =
  | { kind: 'unclosed-quote'; line: number; column: number }
  | { kind: 'text-after-quote'; line: number; column: number }
  | { kind: 'record-too-long'; line: number; column: number; limit: number };

export interface CsvSink {
  record(rec: CsvRecord): void;
  problem(p: CsvProblem): void;
}

const COMMA = 44, TAB = 9, QUOTE = 34, LF = 10, CR = 13;

/** The default longest record, in characters; past it a stray quote is assumed. */
export const DEFAULT_MAX_RECORD = 1 << 20;

export class CsvTokenizer {
  private buf = '';
  /** Line number at buf[0], and the offset in buf where that line starts (may be negative). */
  private line = 1;
  private lineStart = 0;
  private readonly maxRecord: number;

  /** The separator's char code: a comma, or a tab (Excel's "Unicode 文本"). */
  private readonly sep: number;

  constructor(private readonly sink: CsvSink, options: { maxRecord?: number; line?: number; tabs?: boolean } = {}) {
    this.maxRecord = options.maxRecord ?? DEFAULT_MAX_RECORD;
    this.line = options.line ?? 1;
    this.sep = options.tabs ? TAB : COMMA;
  }

  push(chunk: string): void {
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    this.run(false);
  }

  end(): void {
    this.run(true);
    this.buf = '';
  }

  /** Parses every complete record in buf; keeps the incomplete tail for the next chunk. */
  private run(final: boolean): void {
    const s = this.buf;
    const SEP = this.sep;
    const n = s.length;
    let i = 0;
    let line = this.line;
    let lineStart = this.lineStart;

    records: while (i < n) {
      const recStart = i, recLine = line, recLineStart = lineStart;
      const fields: string[] = [];
      const cols: number[] = [];
      let lines: number[] | null = null;
      let quoted: boolean[] | null = null;
      // Text after a closing quote, told when the record is whole: a record cut by the chunk's end is read again.
      let afterQuote: CsvProblem[] | null = null;

      for (;;) {
        const fieldCol = i - lineStart + 1;
        if (line !== recLine) {
          if (lines === null) lines = fields.map(() => recLine);
          lines.push(line);
        } else if (lines !== null) {
          lines.push(line);
        }
        cols.push(fieldCol);

        let value: string;
        let c = i < n ? s.charCodeAt(i) : -1;
        if (c === QUOTE) {
          if (quoted === null) quoted = [];
          quoted[fields.length] = true;
          const openLine = line, openCol = fieldCol;
          let j = i + 1;
          let parts = '';
          let from = j;
          let closed = false;
          for (;;) {
            const q = s.indexOf('"', j);
            if (q < 0) break;
            if (q + 1 < n && s.charCodeAt(q + 1) === QUOTE) {
              parts += s.slice(from, q + 1);
              j = q + 2;
              from = j;
              continue;
            }
            if (q + 1 >= n && !final) break; // cannot yet tell "" from a closing quote
            parts += s.slice(from, q);
            j = q + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (!final && n - recStart <= this.maxRecord) {
              this.keep(recStart, recLine, recLineStart);
              return;
            }
            // A quote that never closes (or swallows more than a record may hold).
            this.tell(afterQuote);
            this.sink.problem(
              final && n - recStart <= this.maxRecord
                ? { kind: 'unclosed-quote', line: openLine, column: openCol }
                : { kind: 'record-too-long', line: openLine, column: openCol, limit: this.maxRecord },
            );
            const resume = lineAfter(s, i, openLine);
            if (resume === undefined) {
              i = n;
              break records;
            }
            ({ i, line, lineStart } = resume);
            continue records;
          }
          // Count the line breaks inside the quoted text.
          for (let k = i + 1; k < j; k++) {
            if (s.charCodeAt(k) === LF) {
              line++;
              lineStart = k + 1;
            }
          }
          value = parts;
          i = j;
          c = i < n ? s.charCodeAt(i) : -1;
          if (c !== SEP && c !== LF && c !== CR && c !== -1) {
            if (openLine !== line) {
              // "abc … spanning lines … "xyz: the opening quote was a stray one.
              this.tell(afterQuote);
              this.sink.problem({ kind: 'unclosed-quote', line: openLine, column: openCol });
              const resume = this.lineAfterLine(s, recStart, recLine, recLineStart, openLine);
              ({ i, line, lineStart } = resume);
              continue records;
            }
            let k = i;
            while (k < n) {
              const d = s.charCodeAt(k);
              if (d === SEP || d === LF) break;
              k++;
            }
            (afterQuote ??= []).push({ kind: 'text-after-quote', line, column: i - lineStart + 1 });
            if (k >= n && !final) {
              this.keep(recStart, recLine, recLineStart);
              return;
            }
            value += stripCr(s.slice(i, k));
            i = k;
            c = i < n ? s.charCodeAt(i) : -1;
          } else if (c === CR) {
            if (i + 1 >= n && !final) {
              this.keep(recStart, recLine, recLineStart);
              return;
            }
            i++;
            c = i < n ? s.charCodeAt(i) : -1;
          }
        } else {
          let j = i;
          while (j < n) {
            const d = s.charCodeAt(j);
            if (d === SEP || d === LF) break;
            j++;
          }
          if (j >= n && !final) {
            if (n - recStart > this.maxRecord) {
              // An over-long line with no end in sight: report it once, drop it, skip to its end.
              if (!this.skipLine) this.sink.problem({ kind: 'record-too-long', line: recLine, column: 1, limit: this.maxRecord });
              this.skipLine = true;
              this.buf = '';
              this.line = line;
              this.lineStart = lineStart - n;
              return;
            }
            this.keep(recStart, recLine, recLineStart);
            return;
          }
          value = j > i && s.charCodeAt(j - 1) === CR && (j === n || s.charCodeAt(j) === LF)
            ? s.slice(i, j - 1)
            : s.slice(i, j);
          i = j;
          c = i < n ? s.charCodeAt(i) : -1;
        }

        fields.push(value);
        if (c === SEP) {
          i++;
          if (i >= n && !final) {
            this.keep(recStart, recLine, recLineStart);
            return;
          }
          continue;
        }
        // End of record: a line feed or the end of the text.
        if (c === LF) {
          i++;
          line++;
          lineStart = i;
        }
        break;
      }
      this.tell(afterQuote);
      if (this.skipLine) {
        this.skipLine = false;
        continue;
      }
      if (i - recStart > this.maxRecord) {
        this.sink.problem({ kind: 'record-too-long', line: recLine, column: 1, limit: this.maxRecord });
        continue;
      }
      if (fields.length === 1 && fields[0] === '' && s.charCodeAt(recStart) !== QUOTE) continue; // blank line
      this.sink.record({ fields, line: recLine, cols, lines, quoted });
    }
    this.buf = '';
    this.line = line;
    this.lineStart = lineStart - n;
  }

  private skipLine = false;

  /** Tells the problems held for a record that is now whole (or given up). */
  private tell(held: readonly CsvProblem[] | null): void {
    if (held) for (const p of held) this.sink.problem(p);
  }

  private keep(from: number, line: number, lineStart: number): void {
    this.buf = this.buf.slice(from);
    this.line = line;
    this.lineStart = lineStart - from;
  }

  /** Position of the start of the line after `target`, scanning from a record's start. */
  private lineAfterLine(s: string, from: number, fromLine: number, fromLineStart: number, target: number): { i: number; line: number; lineStart: number } {
    let line = fromLine, lineStart = fromLineStart, k = from;
    while (line <= target) {
      const nl = s.indexOf('\n', k);
      if (nl < 0) return { i: s.length, line, lineStart };
      line++;
      lineStart = nl + 1;
      k = nl + 1;
    }
    return { i: k, line, lineStart };
  }
}

/** Position of the line after the one holding offset `at` (on line `line`), if any. */
function lineAfter(s: string, at: number, line: number): { i: number; line: number; lineStart: number } | undefined {
  const nl = s.indexOf('\n', at);
  if (nl < 0) return undefined;
  return { i: nl + 1, line: line + 1, lineStart: nl + 1 };
}

function stripCr(t: string): string {
  return t.length > 0 && t.charCodeAt(t.length - 1) === CR ? t.slice(0, -1) : t;
}

/** Parses a whole text at once (tests, small files). */
export function parseCsvText(text: string, options: { maxRecord?: number; tabs?: boolean } = {}): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const t = new CsvTokenizer({ record: (r) => records.push(r), problem: (p) => problems.push(p) }, options);
  t.push(text);
  t.end();
  return { records, problems };
}

/**
 * Whether a text's first line separates its cells with tabs (Excel's "Unicode 文本", a TSV):
 * more tabs than commas outside quotes.
 */
export function tabSeparated(head: string): boolean {
  let tabs = 0, commas = 0, quoted = false;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && c === LF) break;
    else if (!quoted && c === TAB) tabs++;
    else if (!quoted && c === COMMA) commas++;
  }
  return tabs > commas;
}
