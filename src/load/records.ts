// Reading a record file (members, activities, assessments) in CSV or YAML into raw records: each
// field's trimmed text (or list) with the line and column it was written at. CSV is streamed;
// headers may be canonical keys or Chinese labels. Meaning is checked later, in decode-*.ts.

import { CsvTokenizer, type CsvProblem, type CsvRecord } from '../source/csv.js';
import type { ByteRecords, RecordEvents } from '../scan/byte-records.js';
import { Handoff, readByteRecords } from '../scan/csv-scan.js';
import { parseYaml, type RawValue } from '../source/yaml.js';
import { headerLookup, knownHeaders, RECORD_FIELDS, type RecordKind } from '../schema/fields.js';
import type { LoadContext } from './context.js';
import { openDataFile, readDataFile, reportStreamFailure } from './files.js';
import { reportYamlProblems } from './yaml-problems.js';
import { codePointName, findControl, withoutControls } from '../util/control-chars.js';

export type RawField = string | readonly string[] | undefined;

export interface RawRecord {
  readonly line: number;
  /** Per field index of the kind: trimmed text, a YAML list, or undefined when empty/absent. */
  readonly values: RawField[];
  /** Per field index: line and column of the value (the record's line and 0 when absent). */
  readonly lines: number[];
  readonly cols: number[];
  /** Set when a field held a control character (MJ214, reported; the value is kept without it). */
  readonly tainted?: boolean;
  /** Fields whose cell was already reported (a formula without a value, an Excel error). */
  readonly reported?: ReadonlySet<number>;
}

export interface RecordFile {
  readonly file: string;
  readonly kind: RecordKind;
  /** Per field index: the name the file uses for it (header as written, or the YAML key). */
  readonly labels: string[];
  /** Fields whose column is missing from the file (required ones were already reported). */
  readonly absent: ReadonlySet<number>;
  /** A workbook's sheet: lines are its rows and columns its columns (a cell, not a character). */
  readonly sheet?: string;
}

export type RecordSink = (rec: RawRecord, file: RecordFile) => void;

export function isYamlFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

export function isXlsxFile(file: string): boolean {
  return /\.xlsx$/i.test(file);
}

/** Reads every record of a file into `sink`. Returns false when the file could not be read. */
export async function readRecordFile(ctx: LoadContext, file: string, kind: RecordKind, what: string, sink: RecordSink, bytes?: ByteReader): Promise<boolean> {
  if (isYamlFile(file)) return readYamlRecords(ctx, file, kind, what, sink);
  if (isXlsxFile(file)) return (await import('./xlsx-records.js')).readXlsxRecords(ctx, file, kind, what, sink);
  return readCsvRecords(ctx, file, kind, what, sink, bytes);
}

/**
 * A byte-level reader for the rows of a UTF-8 CSV file that are plainly right (the roster's:
 * scan/roster-scanner.ts), given the careful reader's hand-offs; it reads its rows itself and
 * counts each through `rows.countRow()`.
 */
export type ByteReader = (events: RecordEvents, rows: CsvRows) => ByteRecords;

const defaultLabels = (kind: RecordKind): string[] => RECORD_FIELDS[kind].map((s) => s.label);

export function trimCell(s: string): string | undefined {
  if (s.length === 0) return undefined;
  const a = s.charCodeAt(0), b = s.charCodeAt(s.length - 1);
  if (a > 32 && b > 32 && a !== 0x3000 && b !== 0x3000 && a !== 0xa0 && b !== 0xa0 && a !== 0xfeff) return s;
  const t = s.trim();
  return t.length === 0 ? undefined : t;
}

/**
 * Turns CSV records into raw records of a kind: the first record is the header (canonical keys,
 * Chinese labels or aliases), every later one a row. Used by the streaming reader below and by
 * the byte-level reader of duty records for the rows it hands back.
 */
export class CsvRows {
  private header: number[] | null = null;
  private headerLine = 0;
  private rf: RecordFile | null = null;
  private records = 0;
  private readonly specs;
  private readonly lookup;

  constructor(
    private readonly ctx: LoadContext,
    readonly file: string,
    readonly kind: RecordKind,
    private readonly sink: RecordSink,
  ) {
    this.specs = RECORD_FIELDS[kind];
    this.lookup = headerLookup(kind);
  }

  get hasHeader(): boolean {
    return this.header !== null;
  }

  /** Column of each field index (-1 when the file has no such column), once the header is read. */
  columns(): number[] {
    const out = this.specs.map(() => -1);
    this.header?.forEach((i, col) => {
      if (i >= 0) out[i] = col;
    });
    return out;
  }

  get width(): number {
    return this.header?.length ?? 0;
  }

  get recordFile(): RecordFile | null {
    return this.rf;
  }

  record(rec: CsvRecord): void {
    if (this.header === null) return this.onHeader(rec);
    if (rec.fields.every((f) => f.trim() === '')) return; // a spreadsheet's empty row: ,,,,,
    this.row(rec);
  }

  problem(p: CsvProblem): void {
    const file = this.file;
    if (p.kind === 'unclosed-quote') this.ctx.report({ code: 'MJ101', file, line: p.line, column: p.column });
    else if (p.kind === 'text-after-quote') this.ctx.report({ code: 'MJ102', file, line: p.line, column: p.column });
    else this.ctx.report({ code: 'MJ107', file, line: p.line, column: p.column, params: { limit: p.limit } });
  }

  /** A row the caller already knows to be a record (not blank). */
  countRow(): void {
    this.records++;
  }

  finish(): void {
    if (this.header === null) this.ctx.report({ code: 'MJ009', file: this.file, line: 0, column: 0 });
    // An empty roster is an error of its own (MJ014, load/members.ts): nothing could be counted.
    else if (this.records === 0 && this.kind !== 'members') this.ctx.report({ code: 'MJ011', file: this.file, line: this.headerLine, column: 0, severity: 'warning' });
  }

  /** Empty cells at the end of the header (Excel saved empty columns): rows may leave them out. */
  private trailing = 0;

  private onHeader(rec: CsvRecord): void {
    const { ctx, file, specs, kind } = this;
    this.headerLine = rec.line;
    let k = rec.fields.length;
    while (k > 1 && rec.fields[k - 1]!.trim() === '') k--;
    this.trailing = rec.fields.length - k;
    if (this.trailing > 0) ctx.report({ code: 'MJ130', file, line: rec.line, column: rec.cols[k] ?? 1, params: { n: this.trailing } });
    const labels = defaultLabels(kind);
    const seen = new Map<number, number>();
    this.header = rec.fields.map((raw, col) => {
      const name = raw.trim();
      const i = this.lookup(name);
      const column = rec.cols[col] ?? 1;
      if (i < 0) {
        if (name !== '') {
          ctx.report({
            code: 'MJ104', file, line: rec.line, column, params: { column: name }, span: name.length,
            suggest: { value: name, pool: 'columns', candidates: knownHeaders(kind) },
          });
        }
        return -1;
      }
      const first = seen.get(i);
      if (first !== undefined) {
        ctx.report({ code: 'MJ106', file, line: rec.line, column, params: { column: name, first: first + 1, key: specs[i]!.key }, span: name.length });
        return -1;
      }
      seen.set(i, col);
      labels[i] = name;
      return i;
    });
    const absent = new Set<number>();
    specs.forEach((s, i) => {
      if (seen.has(i)) return;
      absent.add(i);
      if (s.required) ctx.report({ code: 'MJ105', file, line: rec.line, column: 0, field: s.key, params: { column: `${s.label}（${s.key}）` } });
    });
    this.rf = { file, kind, labels, absent };
  }

  private row(rec: CsvRecord): void {
    this.records++;
    const h = this.header!;
    const n = this.specs.length;
    const values: RawField[] = new Array<RawField>(n).fill(undefined);
    const lines: number[] = new Array<number>(n).fill(rec.line);
    const cols: number[] = new Array<number>(n).fill(0);
    const cells = rec.fields;
    if (cells.length !== h.length && !(cells.length < h.length && cells.length >= h.length - this.trailing)) {
      const col = cells.length > h.length ? rec.cols[h.length] ?? 1 : 1;
      const line = cells.length > h.length ? rec.lines?.[h.length] ?? rec.line : rec.line;
      this.ctx.report({ code: 'MJ103', file: this.file, line, column: col, params: { found: cells.length, expected: h.length } });
    }
    const m = Math.min(cells.length, h.length);
    let tainted = false;
    for (let c = 0; c < m; c++) {
      const i = h[c]!;
      if (i < 0) continue;
      let cell = cells[c]!;
      // Line breaks are data only inside quotes; a bare CR in a plain cell is not a line end.
      const quoted = rec.quoted?.[c] === true;
      const bad = findControl(cell, quoted);
      if (bad >= 0) {
        this.control(rec, c, i, cell, bad, quoted);
        tainted = true;
        cell = withoutControls(cell, quoted);
      }
      const v = trimCell(cell);
      values[i] = v;
      // Point at the value itself: past an opening quote and leading spaces.
      cols[i] = rec.cols[c]! + (rec.quoted?.[c] ? 1 : 0) + (v !== undefined && v !== cell ? cell.indexOf(v) : 0);
      if (rec.lines) lines[i] = rec.lines[c]!;
    }
    this.sink(tainted ? { line: rec.line, values, lines, cols, tainted } : { line: rec.line, values, lines, cols }, this.rf!);
  }

  /** MJ214 at the character itself: its line and column inside a (maybe quoted, multi-line) cell. */
  private control(rec: CsvRecord, c: number, i: number, cell: string, at: number, quoted: boolean): void {
    let line = rec.lines?.[c] ?? rec.line;
    let column = rec.cols[c]! + (quoted ? 1 : 0);
    for (let k = 0; k < at; k++) {
      const ch = cell.charCodeAt(k);
      if (ch === 10) {
        line++;
        column = 1;
      } else column += quoted && ch === 34 ? 2 : 1; // "" in the file is " in the cell
    }
    const label = this.rf!.labels[i]!;
    this.ctx.report({
      code: 'MJ214', file: this.file, line, column, field: this.specs[i]!.key, label, span: 1,
      params: { label, char: codePointName(cell.charCodeAt(at)) },
    });
  }
}

async function readCsvRecords(ctx: LoadContext, file: string, kind: RecordKind, what: string, sink: RecordSink, bytes: ByteReader | undefined): Promise<boolean> {
  const source = await openDataFile(ctx, file, what);
  if (!source) return false;
  const rows = new CsvRows(ctx, file, kind, sink);
  const maxRecord = ctx.limits.maxRecordChars;
  try {
    if (bytes !== undefined && source.encoding === 'utf-8' && !source.crOnly && !source.tabs && ctx.options.carefulOnly !== true) {
      // The byte-level reader for the rows it is sure of; the careful reader for the header and the rest.
      const handoff = new Handoff(rows, maxRecord);
      const scanner: ByteRecords = bytes({
        header: (buf, s, e, at) => {
          handoff.slow(buf, s, e, at);
          if (rows.hasHeader) scanner.setColumns(rows.columns(), rows.width);
        },
        slow: handoff.slow,
        surprise: handoff.surprise,
      }, rows);
      await readByteRecords(source, scanner, handoff);
    } else {
      const tokenizer = new CsvTokenizer(rows, { maxRecord, tabs: source.tabs });
      for await (const chunk of source.chunks()) tokenizer.push(chunk);
      tokenizer.end();
    }
  } catch (e) {
    reportStreamFailure(ctx, file, e);
    return false;
  }
  rows.finish();
  return true;
}

async function readYamlRecords(ctx: LoadContext, file: string, kind: RecordKind, what: string, sink: RecordSink): Promise<boolean> {
  const text = await readDataFile(ctx, file, what);
  if (text === undefined) return false;
  const doc = await parseYaml(text);
  reportYamlProblems(ctx, file, doc.problems);
  if (doc.value === undefined && doc.problems.length > 0) return true; // else only repeated keys: read on
  if (doc.value === undefined || doc.value === null) {
    ctx.report({ code: 'MJ009', file, line: 0, column: 0 });
    return true;
  }
  if (!Array.isArray(doc.value)) {
    ctx.report({ code: 'MJ113', file, ...doc.locate([]), params: { where: file, expected: '@list' } });
    return true;
  }
  const specs = RECORD_FIELDS[kind];
  const lookup = headerLookup(kind);
  const labels = defaultLabels(kind);
  const rf: RecordFile = { file, kind, labels, absent: new Set() };
  doc.value.forEach((item, index) => {
    const at = doc.locate([index]);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      ctx.report({ code: 'MJ113', file, ...at, params: { where: `@record:${index + 1}`, expected: '@map' } });
      return;
    }
    const n = specs.length;
    const values: RawField[] = new Array<RawField>(n).fill(undefined);
    const lines: number[] = new Array<number>(n).fill(at.line);
    const cols: number[] = new Array<number>(n).fill(0);
    let tainted = false;
    for (const [key, v] of Object.entries(item)) {
      const pos = doc.locate([index, key]);
      const i = lookup(key);
      if (i < 0) {
        const keyPos = doc.locateKey([index, key]);
        ctx.report({
          code: 'MJ104', file, ...keyPos, params: { column: key }, span: key.length,
          suggest: { value: key, pool: 'columns', candidates: knownHeaders(kind) },
        });
        continue;
      }
      let value = yamlField(v);
      if (value === 'bad') {
        ctx.report({ code: 'MJ121', file, ...pos, field: specs[i]!.key, label: key, params: { key, expected: '@text-or-list' } });
        continue;
      }
      const cleaned = withoutControlsReported(value, (k, ch) => ctx.report({
        code: 'MJ214', file, ...(k < 0 ? pos : doc.locate([index, key, k])), field: specs[i]!.key, label: key, params: { label: key, char: codePointName(ch) },
      }));
      if (cleaned !== value) {
        tainted = true;
        value = cleaned;
      }
      values[i] = value;
      lines[i] = pos.line;
      cols[i] = pos.column;
    }
    sink(tainted ? { line: at.line, values, lines, cols, tainted } : { line: at.line, values, lines, cols }, rf);
  });
  return true;
}

/**
 * A YAML field without control characters (line breaks are data in YAML), each item with one
 * reported through `found` (k: the list item, or -1 for a single text); the same value when clean.
 */
function withoutControlsReported(value: RawField, found: (k: number, ch: number) => void): RawField {
  if (value === undefined) return value;
  if (typeof value === 'string') {
    const at = findControl(value, true);
    if (at < 0) return value;
    found(-1, value.charCodeAt(at));
    return trimCell(withoutControls(value, true));
  }
  let out: string[] | undefined;
  value.forEach((x, k) => {
    const at = findControl(x, true);
    if (at < 0) return;
    found(k, x.charCodeAt(at));
    out ??= [...value];
    out[k] = withoutControls(x, true);
  });
  if (out === undefined) return value;
  const kept = out.map(trimCell).filter((x): x is string => x !== undefined);
  return kept.length === 0 ? undefined : kept;
}

function yamlField(v: RawValue): RawField | 'bad' {
  if (v === null) return undefined;
  if (typeof v === 'string') return trimCell(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const x of v) {
      if (typeof x !== 'string') return 'bad';
      const t = trimCell(x);
      if (t !== undefined) out.push(t);
    }
    return out.length === 0 ? undefined : out;
  }
  return 'bad';
}
