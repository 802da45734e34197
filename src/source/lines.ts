// Fetches the text of a few lines of a data file, decoded as the loader decoded it, for the
// excerpts under printed diagnostics. Reads only as far as the last line wanted. It can mask the
// cells of CSV columns (comma- or tab-separated, as the file is), or the values of YAML keys, the caller names (those mj does not know: a
// phone number, an ID-card number), so an excerpt never quotes them: each character becomes `*`,
// so columns and carets stay where they were.

import { CsvTokenizer, type CsvRecord } from './csv.js';
import { openText, type Encoding } from './decode.js';

export interface ReadLinesOptions {
  /** CSV only: true for a header whose column's cells are masked. */
  readonly maskCells?: (header: string) => boolean;
  /** YAML only: true for a key whose values are masked (maskYamlLine). */
  readonly maskKeys?: (key: string) => boolean;
}

export async function readLines(abs: string, wanted: ReadonlySet<number>, encoding?: Encoding, options: ReadLinesOptions = {}): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (wanted.size === 0) return out;
  // A loop, not Math.max(...wanted): a set of 200,000 lines overflows an argument list.
  let last = 0;
  for (const n of wanted) if (n > last) last = n;
  // The file was read before (these are its lines for excerpts): only the lines up to the last
  // wanted are decoded, never a pass over the whole file.
  const r = await openText(abs, { encoding, checked: encoding !== undefined });
  if (!r.ok) return out;
  const mask = options.maskCells ? new CellMask(wanted, last, options.maskCells, r.source.tabs) : undefined;
  let line = 1;
  let rest = '';
  try {
    for await (const chunk of r.source.chunks()) {
      mask?.push(chunk);
      if (line <= last) {
        let text = rest + chunk;
        let start = 0;
        for (;;) {
          const nl = text.indexOf('\n', start);
          if (nl < 0) break;
          if (wanted.has(line)) out.set(line, stripCr(text.slice(start, nl)));
          line++;
          start = nl + 1;
          if (line > last) break;
        }
        rest = line > last ? '' : text.slice(start);
        text = '';
      }
      if (line > last && (mask === undefined || mask.done)) break;
    }
    if (rest.length > 0 && wanted.has(line)) out.set(line, stripCr(rest));
    mask?.end();
  } catch {
    // An excerpt is a courtesy: a file that vanished meanwhile just has none.
  }
  if (mask) for (const [n, text] of out) out.set(n, mask.apply(n, text));
  const keys = options.maskKeys;
  if (keys) for (const [n, text] of out) out.set(n, maskYamlLine(text, keys));
  return out;
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

/** Spans [from, to) of 1-based columns to mask on one line (`to` may be Infinity). */
type Spans = [number, number][];

/**
 * Follows the file with the CSV tokenizer as far as the last line wanted, noting which columns
 * of the wanted lines belong to a masked column's cells. A line no record covered (a quote that
 * never closed, a record too long) is split on its own, its quotes running to its end.
 */
class CellMask {
  private masked: boolean[] | null = null;
  private headerLine = 0;
  private readonly spans = new Map<number, Spans>();
  private readonly covered = new Set<number>();
  private readonly tokenizer: CsvTokenizer;
  /** Set once the records past the last wanted line are read (or no column is masked). */
  done = false;

  constructor(
    private readonly wanted: ReadonlySet<number>,
    private readonly last: number,
    private readonly isMasked: (header: string) => boolean,
    private readonly tabs: boolean,
  ) {
    this.tokenizer = new CsvTokenizer({ record: (rec) => this.record(rec), problem: () => undefined }, { tabs });
  }

  push(chunk: string): void {
    if (!this.done) this.tokenizer.push(chunk);
  }

  end(): void {
    if (!this.done) this.tokenizer.end();
    this.done = true;
  }

  private record(rec: CsvRecord): void {
    if (this.done) return;
    if (rec.line > this.last) {
      this.done = true;
      return;
    }
    if (this.masked === null) {
      this.headerLine = rec.line;
      this.masked = rec.fields.map((h) => this.isMasked(h.trim()));
      if (!this.masked.includes(true)) this.done = true;
      return;
    }
    const lineOf = (c: number): number => rec.lines?.[c] ?? rec.line;
    const n = rec.fields.length;
    const lastLine = lineOf(n - 1) + count(rec.fields[n - 1]!, '\n');
    for (let l = rec.line; l <= lastLine; l++) if (this.wanted.has(l)) this.covered.add(l);
    for (let c = 0; c < n; c++) {
      // A cell past the header's last column belongs to no known column either.
      if (c < this.masked.length && !this.masked[c]) continue;
      // From the cell's first character (its quote) to the comma before the next cell, or to
      // the end of the record's last line.
      const fromLine = lineOf(c), from = rec.cols[c]!;
      const toLine = c + 1 < n ? lineOf(c + 1) : lastLine;
      const to = c + 1 < n ? rec.cols[c + 1]! - 1 : Number.POSITIVE_INFINITY;
      for (let l = fromLine; l <= toLine; l++) {
        if (this.wanted.has(l)) this.add(l, l === fromLine ? from : 1, l === toLine ? to : Number.POSITIVE_INFINITY);
      }
    }
  }

  private add(line: number, from: number, to: number): void {
    let s = this.spans.get(line);
    if (!s) this.spans.set(line, (s = []));
    s.push([from, to]);
  }

  /** The line with its masked cells as `*`. */
  apply(line: number, text: string): string {
    if (this.masked === null || !this.masked.includes(true) || line <= this.headerLine) return text;
    const spans = this.covered.has(line) ? this.spans.get(line) ?? [] : splitLine(text, this.masked, this.tabs ? '\t' : ',');
    if (spans.length === 0) return text;
    const chars = text.split('');
    for (const [from, to] of spans) for (let k = from - 1; k < Math.min(to - 1, chars.length); k++) chars[k] = '*';
    return chars.join('');
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** The masked cells of one line read on its own: fields split on the separator outside quotes. */
function splitLine(text: string, masked: readonly boolean[], sep: string): Spans {
  const spans: Spans = [];
  let c = 0;
  let i = 0;
  for (;;) {
    const start = i;
    if (text.charCodeAt(i) === 34) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          i = text.length;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) i = q + 2;
        else {
          i = q + 1;
          break;
        }
      }
    }
    const comma = text.indexOf(sep, i);
    const end = comma < 0 ? text.length : comma;
    if ((c >= masked.length || masked[c] === true) && end > start) spans.push([start + 1, end + 1]);
    if (comma < 0) return spans;
    i = comma + 1;
    c++;
  }
}

/**
 * A line of a YAML record file with the value of each key the caller names (a key mj does not
 * know: 手机号码) as `*`, one for each character, in block (`key: value`) or one-line flow
 * (`{ key: value, … }`) form. A block scalar's lines after its key are not followed.
 */
export function maskYamlLine(text: string, isMasked: (key: string) => boolean): string {
  const n = text.length;
  const chars = text.split('');
  let depth = 0;
  let i = 0;
  /** End of a quoted scalar starting at `at` (past its closing quote, or the line's end). */
  const quotedEnd = (at: number): number => {
    const q = text[at]!;
    let k = at + 1;
    while (k < n) {
      if (q === '"' && text[k] === '\\') k += 2;
      else if (text[k] === q) {
        if (q === "'" && text[k + 1] === "'") k += 2;
        else return k + 1;
      } else k++;
    }
    return n;
  };
  /** End of a flow collection starting at `at` (past its closing bracket, or the line's end). */
  const flowEnd = (at: number): number => {
    let d = 0;
    let k = at;
    while (k < n) {
      const c = text[k]!;
      if (c === '"' || c === "'") {
        k = quotedEnd(k);
        continue;
      }
      if (c === '[' || c === '{') d++;
      else if (c === ']' || c === '}') {
        d--;
        if (d === 0) return k + 1;
      }
      k++;
    }
    return n;
  };
  /** End of a plain scalar: a `: `, a ` #`, and in a flow collection `,` `]` `}`. */
  const plainEnd = (at: number, key: boolean): number => {
    let k = at;
    while (k < n) {
      const c = text[k]!;
      if (key && c === ':' && (k + 1 >= n || text[k + 1] === ' ' || (depth > 0 && ',]}'.includes(text[k + 1]!)))) break;
      if (c === '#' && k > at && text[k - 1] === ' ') break;
      if (depth > 0 && (c === ',' || c === ']' || c === '}')) break;
      k++;
    }
    while (k > at && text[k - 1] === ' ') k--;
    return k;
  };
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === ',' || (c === '-' && (i + 1 >= n || text[i + 1] === ' '))) {
      i++;
      continue;
    }
    if (c === '{' || c === '[') {
      depth++;
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      depth--;
      i++;
      continue;
    }
    if (c === '#') break;
    const quoted = c === '"' || c === "'";
    const end = quoted ? quotedEnd(i) : plainEnd(i, true);
    let j = end;
    while (j < n && text[j] === ' ') j++;
    const isKey = text[j] === ':' && (j + 1 >= n || text[j + 1] === ' ' || (depth > 0 && ',]}'.includes(text[j + 1]!)));
    if (!isKey) {
      // A value (a list item, or what follows a key already passed): skip it.
      i = end > i ? end : i + 1;
      continue;
    }
    const key = quoted ? text.slice(i + 1, end - 1) : text.slice(i, end);
    let v = j + 1;
    while (v < n && text[v] === ' ') v++;
    let vEnd: number;
    if (v >= n || text[v] === '#') vEnd = v;
    else if (text[v] === '{' || text[v] === '[') {
      if (!isMasked(key)) {
        i = v;
        continue;
      }
      vEnd = flowEnd(v);
    } else if (text[v] === '"' || text[v] === "'") vEnd = quotedEnd(v);
    else vEnd = plainEnd(v, false); // in a block, to a comment or the line's end (`a: b` in it is text)
    if (isMasked(key)) for (let k = v; k < vEnd; k++) chars[k] = '*';
    i = vEnd;
  }
  return chars.join('');
}
