// Reading a duty-record CSV fast: UTF-8 bytes go through the ByteScanner (here, and for large
// files partly in a worker thread, see split.ts); every row it is not sure of is tokenized and
// handed to the careful reader (`rows`, which decodes and checks it exactly); after a structural
// surprise the rest of the file goes through the careful string tokenizer. So the fast path only
// ever speeds up rows that are fine; every diagnostic comes from the careful path. Valid rows
// the scanner reads itself go to the folds.

import type { Fold, FoldSpec } from '../model/fold.js';
import type { RecordView, Vocabulary } from '../model/record-view.js';
import type { Activity } from '../model/types.js';
import { parseDate } from '../util/dates.js';
import { ACTIVITY_FIELD as F } from '../schema/fields.js';
import { CsvTokenizer, type CsvRecord, type CsvSink } from '../source/csv.js';
import type { TextSource } from '../source/decode.js';
import type { ByteRecords } from './byte-records.js';
import { ByteScanner } from './byte-scanner.js';
import type { IdIndex } from './id-index.js';
import { planSplit, type EarlyPlan, type ParallelPlan } from './split.js';
import type { ScanDictionary, ScanTables } from './tables.js';

/**
 * The careful reader's side of a CSV file: it takes the header and every row the scanner hands
 * back (tokenized), and counts the rows the scanner read itself (for "no records").
 */
export interface CarefulRows extends CsvSink {
  readonly hasHeader: boolean;
  /** Column of each field of the kind (-1: absent), once the header is read. */
  columns(): number[];
  /** The header's width. */
  readonly width: number;
  /** A valid row read by the scanner. */
  countRow(): void;
}

/** Full records of the rows a caller wants whole (--explain keeps its branch's; the trainings table its 培训 records). */
export interface Keep {
  want(v: RecordView): boolean;
  take(a: Activity): void;
  /**
   * When `want` is exactly "the record's type is in this bitmask" (bit = index in ACTIVITY_TYPES):
   * a worker can apply it too, so the scan may still be split. Undefined: a keeping scan is not split.
   */
  readonly types?: number;
}

/** Splitting across two cores: the specs of the folds, which the worker builds again. */
export interface SplitRequest {
  readonly specs: readonly FoldSpec[];
  /** The worker's script: it builds folds from specs (the engine does not know how). */
  readonly workerUrl: URL;
  /** Files at least this large are split. */
  readonly minBytes: number;
  /** A worker started on this file before the base was loaded, to join when the scan starts. */
  readonly early?: EarlyPlan | undefined;
}

export interface ScanOptions {
  /** Longest record, in characters. */
  readonly maxRecord: number;
  readonly chunkBytes: number;
  /** Read with the careful reader only (MJ_FAST_PATH=0, for comparing the two). */
  readonly carefulOnly: boolean;
  readonly traceTime: ((step: string) => void) | undefined;
  readonly traceSplit: ((file: string, at: number, merged: boolean, early?: boolean) => void) | undefined;
}

export interface CsvScan {
  readonly file: string;
  readonly source: TextSource;
  readonly year: number;
  readonly dictionary: ScanDictionary;
  /** The dictionary's digest (tables.ts dictionaryDigest), computed once per dataset. */
  readonly digest: () => string;
  readonly tables: ScanTables;
  /** Numbers the tag words the scanner meets (tags are free words). */
  readonly vocab: Vocabulary;
  readonly ids: IdIndex;
  readonly rows: CarefulRows;
  readonly folds: readonly Fold[];
  readonly keep: Keep | undefined;
  /** Undefined: read on this thread only. Used with `keep` only when keep.types says what is kept. */
  readonly split: SplitRequest | undefined;
  readonly options: ScanOptions;
}

export type ScanResult =
  | { readonly ok: true; readonly idColumn: number; readonly fastRows: number }
  | { readonly ok: false; readonly error: unknown };

/** Reads a duty-record CSV file into its folds; rows it is not sure of go to `rows`. */
export async function scanCsv(job: CsvScan): Promise<ScanResult> {
  const { source, rows, folds, keep, options, file } = job;
  const maxRecord = options.maxRecord;
  let fastRows = 0;
  const split = keep === undefined || keep.types !== undefined ? job.split : undefined;
  if (split === undefined) job.split?.early?.cancel();
  if (source.encoding !== 'utf-8' || source.crOnly || source.tabs || options.carefulOnly) {
    // Not UTF-8 (a GB18030 export, UTF-16), lines ending in CR alone, cells separated by tabs, or
    // asked to: the careful reader for the whole file.
    job.split?.early?.cancel();
    const tok = new CsvTokenizer(rows, { maxRecord, tabs: source.tabs });
    try {
      for await (const chunk of source.chunks()) tok.push(chunk);
      tok.end();
    } catch (error) {
      return { ok: false, error };
    }
    return { ok: true, idColumn: rows.columns()[F.id] ?? -1, fastRows };
  }

  const handoff = new Handoff(rows, maxRecord);
  const decoder = handoff.decoder;
  const slowRecord = handoff.slow;

  const scanner = new ByteScanner(job.tables, job.year, maxRecord, (w) => job.vocab.tag(w), job.ids, {
    header: (buf, s, e, at) => {
      slowRecord(buf, s, e, at);
      if (rows.hasHeader) scanner.setColumns(rows.columns(), rows.width);
    },
    fast: (view, buf, s, e, at) => {
      fastRows++;
      rows.countRow();
      for (const f of folds) f.visit(view);
      if (keep && keep.want(view)) fullRecord(buf, s, e, at);
    },
    slow: slowRecord,
    surprise: handoff.surprise,
  });

  /** The full record (titles …) of a valid row the scanner read (here or in the worker), from its text. */
  const fullRecord = (buf: Uint8Array, s: number, e: number, at: number): void => {
    const cols = rows.columns();
    const tok = new CsvTokenizer({
      record: (r: CsvRecord) => {
        const fields = cols.map((c) => (c < 0 ? '' : (r.fields[c] ?? '').trim()));
        const list = (x: string): string[] => x.split(/[;；]/).map((y) => y.trim()).filter(Boolean);
        const date = parseDate(fields[F.date]!);
        keep!.take({
          id: fields[F.id]!, date: date.ok ? date.day : 0, type: fields[F.type] as Activity['type'], org: fields[F.org]!,
          members: list(fields[F.members]!), title: fields[F.title]!, level: (fields[F.level] || undefined) as Activity['level'],
          outcomes: list(fields[F.outcomes]!), hours: fields[F.hours] || undefined, tags: list(fields[F.tags]!), note: fields[F.note] || undefined,
          origin: { file, line: at, column: 1 },
        });
      },
      problem: () => undefined,
    }, { line: at });
    tok.push(decoder.decode(buf.subarray(s, e)));
    tok.end();
  };

  let carry: Buffer | null = null;
  /** Feeds chunks (starting at byte `at` after the BOM) until `limit`; returns where it stopped. */
  const pump = async (chunks: AsyncIterable<Buffer>, at: number, limit: () => number, onFirstChunk?: () => Promise<void>): Promise<number> => {
    let offset = at;
    let first = true;
    for await (const whole of chunks) {
      const end = limit();
      const chunk = offset + whole.length > end ? whole.subarray(0, Math.max(0, end - offset)) : whole;
      offset += chunk.length;
      const c = handoff.careful;
      if (c) c.push(decoder.decode(chunk, { stream: true }));
      else {
        const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
        carry = null;
        const consumed = scanner.scan(buf, false);
        if (!scanner.stopped && consumed < buf.length) carry = Buffer.from(buf.subarray(consumed));
      }
      if (first && onFirstChunk) await onFirstChunk();
      first = false;
      if (offset >= limit()) break;
    }
    return offset;
  };

  let plan: ParallelPlan | undefined;
  options.traceTime?.(`reading ${file}`);
  try {
    let limit = Number.POSITIVE_INFINITY;
    await pump(source.bytes(), 0, () => limit, async () => {
      // Once the header is known, a large file may be split across two cores (the cut is past
      // this first chunk: the split is only tried on files much larger than a chunk).
      if (!split || !scanner.hasColumns || handoff.careful !== null) {
        split?.early?.cancel();
        return;
      }
      const cols = rows.columns(), width = rows.width, keepTypes = keep?.types ?? 0;
      if (split.early) {
        options.traceTime?.('header read, joining the early worker');
        plan = await split.early.attach({ skip: source.skip, cols, width, digest: job.digest(), specs: split.specs, keepTypes }, job.dictionary);
      }
      if (!plan) {
        options.traceTime?.('header read, starting the worker');
        plan = await planSplit(source, {
          year: job.year, chunkBytes: options.chunkBytes, maxRecord, minBytes: split.minBytes, workerUrl: split.workerUrl,
          cols, width, dictionary: job.dictionary, members: job.tables.members.data(), specs: split.specs, keepTypes,
        });
      }
      if (plan) limit = plan.mainEnd;
    });
    let finished = false;
    if (plan) {
      const aligned = handoff.careful === null && carry === null;
      options.traceTime?.('main thread done with its part');
      const result = aligned ? await plan.result : undefined;
      options.traceTime?.('worker result here');
      if (!aligned) plan.cancel();
      if (result) {
        finished = true;
        const lineOffset = scanner.line - 1;
        // The worker's folds were built from the same specs, in the same order.
        folds.forEach((f, i) => f.merge(result.folds[i]));
        const earlier = job.ids.mergeSlots(result.ids.slots, lineOffset);
        for (const c of result.ids.candidates) {
          const first = c.firstLine + lineOffset;
          job.ids.candidates.push({ ...c, line: c.line + lineOffset, firstLine: earlier.get(first) ?? first });
        }
        fastRows += result.fastRows;
        for (let k = 0; k < result.fastRows; k++) rows.countRow();
        // The rows kept whole that the worker read (after this thread's, so in file order).
        if (keep) for (let k = 0; k < result.kept.lines.length; k++) fullRecord(result.kept.bytes, result.kept.starts[k]!, result.kept.starts[k + 1]!, result.kept.lines[k]! + lineOffset);
        for (let k = 0; k < result.slowLines.length; k++) {
          slowRecord(result.slowBytes, result.slowStarts[k]!, result.slowStarts[k + 1]!, result.slowLines[k]! + lineOffset);
        }
        if (result.surprise) {
          // The worker met something only the careful tokenizer reads: from there on, it does.
          const tok = new CsvTokenizer(rows, { maxRecord, line: result.surprise.line + lineOffset });
          for await (const chunk of source.bytesFrom(result.surprise.offset)) tok.push(decoder.decode(chunk, { stream: true }));
          tok.push(decoder.decode());
          tok.end();
        }
      }
      options.traceSplit?.(file, plan.mainEnd, finished, plan.early ? await plan.early : undefined);
      options.traceTime?.('merged');
      // Not aligned, or the worker failed: this thread reads the rest.
      if (!finished) await pump(source.bytesFrom(plan.mainEnd), plan.mainEnd, () => Number.POSITIVE_INFINITY);
    }
    if (!finished) handoff.finish(scanner, carry as Buffer | null);
  } catch (error) {
    (plan as ParallelPlan | undefined)?.cancel();
    return { ok: false, error };
  }
  return { ok: true, idColumn: rows.columns()[F.id] ?? -1, fastRows };
}

/**
 * The careful reader's side of a byte-level reader: a record it hands back is tokenized from its
 * text into `rows`; after a structural surprise the rest of the input is.
 */
export class Handoff {
  readonly decoder = new TextDecoder('utf-8');
  /** The careful tokenizer reading the rest of the input, once a surprise started it. */
  careful: CsvTokenizer | null = null;

  constructor(
    private readonly rows: CsvSink,
    private readonly maxRecord: number,
  ) {}

  /** Hands the record in buf[s, e) (starting on line `at`) to the careful reader. */
  readonly slow = (buf: Uint8Array, s: number, e: number, at: number): void => {
    const rows = this.rows;
    const tok = new CsvTokenizer({ record: (r: CsvRecord) => rows.record(r), problem: (p) => rows.problem(p) }, { maxRecord: this.maxRecord, line: at });
    tok.push(this.decoder.decode(buf.subarray(s, e)));
    tok.end();
  };

  readonly surprise = (buf: Uint8Array, s: number, at: number, final: boolean): void => {
    this.careful = new CsvTokenizer(this.rows, { maxRecord: this.maxRecord, line: at });
    this.careful.push(this.decoder.decode(buf.subarray(s), { stream: !final }));
    if (final) this.careful.end();
  };

  /** At the end of the input: the careful tokenizer ends, or the scanner reads the last, unterminated record. */
  finish(scanner: ByteRecords, tail: Buffer | null): void {
    const c = this.careful;
    if (c) {
      c.push(this.decoder.decode());
      c.end();
    } else if (tail) {
      scanner.scan(tail, true);
    }
  }
}

/** Reads a whole UTF-8 source through a byte-level reader, on this thread; the careful reader gets what it hands back. */
export async function readByteRecords(source: TextSource, scanner: ByteRecords, handoff: Handoff): Promise<void> {
  let carry: Buffer | null = null;
  for await (const chunk of source.bytes()) {
    const c = handoff.careful;
    if (c) {
      c.push(handoff.decoder.decode(chunk, { stream: true }));
      continue;
    }
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    const consumed = scanner.scan(buf, false);
    if (!scanner.stopped && consumed < buf.length) carry = Buffer.from(buf.subarray(consumed));
  }
  handoff.finish(scanner, carry);
}
