// The canonical form of a record file in CSV (members, activities, assessments, the practice files), for clean
// diffs: the known columns in the field table's order (Chinese labels, or keys when the file
// uses keys), then the file's other columns as they were; cells trimmed, quoted only when they
// must be; dates as YYYY-MM-DD (a month as YYYY-MM); list items joined by `;`; blank lines
// dropped; rows sorted where their order means nothing (members by id; duty records by date,
// then id; assessments by org in orgs.yaml's order, then item; the others by SORT_KEYS), stably. orgs.yaml and rubrics
// keep their order (it is the order of every table) and are not rewritten here. The file's container is kept: its encoding,
// BOM, separator (comma or tab) and line ends. Pure: text in, text out, streamed record by
// record so that checking a large file holds one record at a time.

import { headerLookup, RECORD_FIELDS, type FieldSpec, type RecordKind } from '../schema/fields.js';
import { CsvTokenizer, type CsvProblem, type CsvRecord } from '../source/csv.js';
import { formatDay, parseDate, parseMonthOrDate } from '../util/dates.js';

/** What each kind's rows are sorted by (field keys, compared as text by code point). */
export const SORT_KEYS: Readonly<Record<RecordKind, readonly string[]>> = {
  members: ['id'],
  activities: ['date', 'id'],
  assessments: ['org', 'item'],
  transfers: ['date', 'member'],
  reserve: ['member', 'from'],
  inspections: ['id'],
  findings: ['inspection', 'finding'],
  // Kept in the secretariat's order (主委 before 副主委, as the tables list them).
  liaisons: [],
  leaders: [],
  reviews: [],
};
// (assessments: orgs in orgs.yaml's order when it is known, see CsvStyle.orgOrder)

export interface CsvStyle {
  readonly tabs: boolean;
  readonly crlf: boolean;
  /** Orgs in the order orgs.yaml lists them: assessments sort in that order (others after, by id). */
  readonly orgOrder?: ReadonlyMap<string, number> | undefined;
}

/** A value of a field in its canonical text (values that do not read as their kind stay as written). */
export function canonicalValue(spec: FieldSpec | undefined, text: string): string {
  const v = text.trim();
  if (v === '' || spec === undefined) return v;
  switch (spec.kind) {
    case 'date': {
      const d = parseDate(v);
      return d.ok ? formatDay(d.day) : v;
    }
    case 'month': {
      const d = parseMonthOrDate(v);
      if (!d.ok) return v;
      const day = formatDay(d.day);
      return parseDate(v).ok ? day : day.slice(0, 7);
    }
    case 'list-id':
    case 'list-enum':
    case 'list-text':
    case 'outcomes':
      return v.split(/[;；]/).map((x) => x.trim()).filter((x) => x !== '').join(';');
    default:
      return v;
  }
}

/** One cell as written in CSV: quoted only when it holds the separator, a quote or a line break. */
export function csvCell(v: string, tabs: boolean): string {
  const sep = tabs ? '\t' : ',';
  if (v.includes(sep) || v.includes('"') || v.includes('\n') || v.includes('\r')) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

export interface CanonicalRow {
  /** The line the record started on in the original. */
  readonly line: number;
  readonly key: readonly string[];
  readonly text: string;
  /** The cells in the canonical order of the columns (see CanonicalCsv.columns). */
  readonly cells: readonly string[];
}

/** A column of the canonical form: its header, and the field it holds (undefined: a column mj does not know). */
export interface CanonicalColumn {
  readonly header: string;
  readonly field: number | undefined;
}

export type CanonicalProblem = CsvProblem | { kind: 'ragged'; line: number; found: number; expected: number };

/**
 * Turns a record file's text, chunk by chunk, into canonical lines: the header first (`header`),
 * then each row (`row`), in the original order; the caller sorts or checks the order.
 */
export class CanonicalCsv {
  private tokenizer: CsvTokenizer;
  private order: number[] | undefined;
  private specs: (FieldSpec | undefined)[] = [];
  private width = 0;
  private trailing = 0;
  header: string | undefined;
  /** The columns in canonical order, once the header is read. */
  columns: CanonicalColumn[] = [];
  readonly problems: CanonicalProblem[] = [];
  private readonly sortAt: number[] = [];

  constructor(
    private readonly kind: RecordKind,
    private readonly style: CsvStyle,
    private readonly onRow: (row: CanonicalRow) => void,
  ) {
    this.tokenizer = new CsvTokenizer({ record: (r) => this.record(r), problem: (p) => this.problems.push(p) }, { tabs: style.tabs });
  }

  push(chunk: string): void {
    this.tokenizer.push(chunk);
  }

  end(): void {
    this.tokenizer.end();
  }

  private record(r: CsvRecord): void {
    if (this.order === undefined) return this.onHeader(r);
    if (r.fields.every((f) => f.trim() === '')) return;
    if (r.fields.length > this.width || r.fields.length < this.width - this.trailing) {
      this.problems.push({ kind: 'ragged', line: r.line, found: r.fields.length, expected: this.width });
      return;
    }
    const cells = this.order.map((c) => canonicalValue(this.specs[c], r.fields[c] ?? ''));
    const key = this.sortAt.map((k, n) => {
      const v = cells[k] ?? '';
      if (n > 0 || this.kind !== 'assessments' || !this.style.orgOrder) return v;
      const at = this.style.orgOrder.get(v);
      return at === undefined ? `~${v}` : String(at).padStart(8, '0');
    });
    this.onRow({ line: r.line, key, text: this.join(cells), cells });
  }

  private onHeader(r: CsvRecord): void {
    const fields = RECORD_FIELDS[this.kind];
    const lookup = headerLookup(this.kind);
    const names = r.fields.map((f) => f.trim());
    let k = names.length;
    while (k > 1 && names[k - 1] === '') k--;
    this.width = names.length;
    this.trailing = names.length - k;
    const known: { col: number; field: number }[] = [];
    const other: number[] = [];
    const taken = new Set<number>();
    names.slice(0, k).forEach((name, col) => {
      const i = lookup(name);
      if (i >= 0 && !taken.has(i)) {
        taken.add(i);
        known.push({ col, field: i });
      } else other.push(col);
    });
    known.sort((a, b) => a.field - b.field);
    const byKeys = known.length > 0 && known.every(({ col, field }) => names[col]!.toLowerCase() === fields[field]!.key);
    this.order = [...known.map((x) => x.col), ...other];
    this.specs = names.map(() => undefined);
    for (const { col, field } of known) this.specs[col] = fields[field];
    for (const key of SORT_KEYS[this.kind]) {
      const at = known.findIndex((x) => fields[x.field]!.key === key);
      if (at >= 0) this.sortAt.push(at);
    }
    this.columns = [
      ...known.map(({ field }) => ({ header: byKeys ? fields[field]!.key : fields[field]!.label, field })),
      ...other.map((c) => ({ header: names[c]!, field: undefined })),
    ];
    this.header = this.join(this.columns.map((c) => c.header));
  }

  join(cells: readonly string[]): string {
    return cells.map((c) => csvCell(c, this.style.tabs)).join(this.style.tabs ? '\t' : ',');
  }
}

/** Code-point order of two sort keys. */
export function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '', y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The whole canonical text of a record file (sorted); undefined with the problems when it cannot be read as a table. */
export function canonicalCsvText(text: string, kind: RecordKind, style: CsvStyle): { ok: true; text: string } | { ok: false; problems: CanonicalProblem[] } {
  const rows: CanonicalRow[] = [];
  const c = new CanonicalCsv(kind, style, (r) => rows.push(r));
  c.push(text);
  c.end();
  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  const nl = style.crlf ? '\r\n' : '\n';
  const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => compareKeys(a.r.key, b.r.key) || a.i - b.i).map((x) => x.r.text);
  return { ok: true, text: c.header === undefined ? '' : [c.header, ...sorted].join(nl) + nl };
}

/** The line-end style and separator of a text, from its first line. */
export function styleOf(text: string, tabs: boolean): CsvStyle {
  const nl = text.indexOf('\n');
  return { tabs, crlf: nl > 0 && text[nl - 1] === '\r' };
}

/** Where a text first differs from its canonical form: the line, as it is and as it would be. */
export interface Difference {
  readonly line: number;
  /** `order`: the rows are not sorted (at this line); `text`: the line differs. */
  readonly why: 'text' | 'order';
  readonly now: string;
  readonly then: string;
}

/**
 * Checks a record file against its canonical form as it streams: the original text and the
 * canonical text are compared as they come, so only the text not yet compared is held.
 */
export class CsvChecker {
  private readonly canon: CanonicalCsv;
  private orig = '';
  private out = '';
  /** Lines of the original already compared and dropped. */
  private lineBase = 1;
  private headerDone = false;
  private prev: readonly string[] | undefined;
  private first = true;
  difference: Difference | undefined;
  private readonly nl: string;

  constructor(kind: RecordKind, style: CsvStyle) {
    this.nl = style.crlf ? '\r\n' : '\n';
    this.canon = new CanonicalCsv(kind, style, (row) => {
      if (!this.headerDone) this.emitHeader();
      if (this.difference) return;
      if (this.prev !== undefined && compareKeys(row.key, this.prev) < 0) {
        this.compare();
        if (!this.difference) this.difference = { line: row.line, why: 'order', now: '', then: '' };
        return;
      }
      this.prev = row.key;
      this.out += (this.first ? '' : this.nl) + row.text;
      this.first = false;
    });
  }

  get problems(): readonly CanonicalProblem[] {
    return this.canon.problems;
  }

  private emitHeader(): void {
    this.headerDone = true;
    this.out += this.canon.header ?? '';
    this.first = false;
  }

  push(chunk: string): void {
    if (this.difference) return;
    this.orig += chunk;
    this.canon.push(chunk);
    if (!this.headerDone && this.canon.header !== undefined) this.emitHeader();
    this.compare();
  }

  end(): boolean {
    if (!this.difference) {
      this.canon.end();
      if (!this.headerDone && this.canon.header !== undefined) this.emitHeader();
      if (this.canon.header !== undefined) this.out += this.nl;
      this.compare(true);
    }
    return this.difference === undefined && this.canon.problems.length === 0;
  }

  /** Compares what both texts have; drops the equal part; notes the first difference. */
  private compare(final = false): void {
    if (this.difference) return;
    const n = Math.min(this.orig.length, this.out.length);
    let i = 0;
    while (i < n && this.orig.charCodeAt(i) === this.out.charCodeAt(i)) i++;
    if (i < n || (final && this.orig.length !== this.out.length)) {
      const start = this.orig.lastIndexOf('\n', i - 1) + 1;
      let line = this.lineBase;
      for (let k = this.orig.indexOf('\n'); k >= 0 && k < start; k = this.orig.indexOf('\n', k + 1)) line++;
      const cut = (s: string): string => {
        const e = s.indexOf('\n', start);
        return (e < 0 ? s.slice(start) : s.slice(start, e)).replace(/\r$/, '');
      };
      this.difference = { line, why: 'text', now: cut(this.orig), then: cut(this.out) };
      return;
    }
    // Keep from the start of the line being compared, for a difference later in it.
    const keep = this.orig.lastIndexOf('\n', i - 1) + 1;
    for (let k = this.orig.indexOf('\n'); k >= 0 && k < keep; k = this.orig.indexOf('\n', k + 1)) this.lineBase++;
    this.orig = this.orig.slice(keep);
    this.out = this.out.slice(keep);
  }
}
