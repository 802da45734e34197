// Reading a duty-record CSV fast: UTF-8 bytes go through the ByteScanner (here, and for large
// files partly in a worker thread, see parallel-scan.ts); every row it is not sure of is
// decoded and handed to the careful reader (decodeActivity), which reports it exactly; after
// a structural surprise the rest of the file goes through the careful string tokenizer. So the
// fast path only ever speeds up rows that are fine; every diagnostic comes from the careful path.

import type { IdIndex } from '../checks/id-index.js';
import type { RecordView } from '../model/record-view.js';
import { ACTIVITY_TYPES, LEVELS, type Activity } from '../model/types.js';
import { CsvTokenizer, type CsvRecord } from '../source/csv.js';
import type { TextSource } from '../source/decode.js';
import { ByteMap } from '../util/byte-map.js';
import { MemberTable } from '../util/id-table.js';
import type { ActivityRefs } from './activities.js';
import { F } from './activity-fields.js';
import { ByteScanner, type ScanTables } from './byte-scanner.js';
import type { LoadContext } from './context.js';
import { reportStreamFailure } from './files.js';
import type { ParallelPlan, WorkerResult } from './parallel-scan.js';
import { CsvRows, type RawRecord, type RecordFile } from './records.js';

export interface FastSinks {
  /** A row for the careful reader. */
  slow(rec: RawRecord, rf: RecordFile): void;
  /** A valid row, as a reused view. */
  fast(v: RecordView): void;
  wantFull: ((v: RecordView) => boolean) | undefined;
  full: ((a: Activity) => void) | undefined;
}

const cache = new WeakMap<ActivityRefs, ScanTables>();

/** The scanner's lookup tables for a dataset, built once. */
export function tablesOf(refs: ActivityRefs): ScanTables {
  let t = cache.get(refs);
  if (t) return t;
  t = buildTables(
    refs.orgList.map((o) => o.id), Int32Array.from(refs.orgList, (o) => o.established ?? 0), Int32Array.from(refs.orgList, (o) => o.dissolved ?? 0),
    refs.memberList.map((m) => m.id), ...rosterDays(refs), [...refs.vocab.outcomes.keys()],
  );
  cache.set(refs, t);
  return t;
}

/** Per member: on the roster on day d ⇔ from ≤ d < until. */
export function rosterDays(refs: ActivityRefs): [Int32Array, Int32Array] {
  const from = new Int32Array(refs.memberList.length);
  const until = new Int32Array(refs.memberList.length);
  refs.memberList.forEach((m, i) => {
    from[i] = m.joined;
    until[i] = m.left !== undefined ? m.left : m.status === '在册' ? 99999999 : m.joined;
  });
  return [from, until];
}

export function buildTables(
  orgIds: readonly string[], established: Int32Array, dissolved: Int32Array,
  memberIds: readonly string[], from: Int32Array, until: Int32Array, outcomes: readonly string[],
): ScanTables {
  const orgs = new ByteMap(orgIds.length);
  orgIds.forEach((id, i) => orgs.setString(id, i));
  const types = new ByteMap(16);
  ACTIVITY_TYPES.forEach((x, i) => types.setString(x, i));
  const levels = new ByteMap(8);
  LEVELS.forEach((x, i) => levels.setString(x, i));
  const outcomeMap = new ByteMap(64);
  outcomes.forEach((o, k) => outcomeMap.setString(o, k));
  return { orgs, members: new MemberTable(memberIds, from, until), types, levels, outcomes: outcomeMap, tags: new ByteMap(64), established, dissolved };
}

/**
 * Reads a duty-record file. Returns the id column (for confirming duplicates), or undefined
 * when the file could not be read (reported).
 */
export interface Splitter {
  /** Starts a worker on the second half, once the header is known (undefined: not worth it). */
  (cols: number[], width: number): Promise<ParallelPlan | undefined>;
  merge(result: WorkerResult, lineOffset: number): void;
}

export async function readFastActivities(
  ctx: LoadContext, file: string, source: TextSource, year: number, refs: ActivityRefs, ids: IdIndex, sinks: FastSinks,
  split: Splitter | undefined,
): Promise<{ idColumn: number } | undefined> {
  const rows = new CsvRows(ctx, file, 'activities', sinks.slow);
  const maxRecord = ctx.limits.maxRecordChars;
  if (source.encoding !== 'utf-8' || ctx.options.carefulOnly) {
    // Not UTF-8 (a GB18030 export, UTF-16), or asked to: the careful reader for the whole file.
    const tok = new CsvTokenizer(rows, { maxRecord });
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

  const decoder = new TextDecoder('utf-8');
  /** Hands the record in buf[s, e) (starting on line `at`) to the careful reader. */
  const slowRecord = (buf: Uint8Array, s: number, e: number, at: number): void => {
    const tok = new CsvTokenizer({ record: (r: CsvRecord) => rows.record(r), problem: (p) => rows.problem(p) }, { maxRecord, line: at });
    tok.push(decoder.decode(buf.subarray(s, e)));
    tok.end();
  };
  let careful: CsvTokenizer | null = null;

  const scanner = new ByteScanner(tablesOf(refs), year, maxRecord, (w) => refs.vocab.tag(w), ids, {
    header: (buf, s, e, at) => {
      slowRecord(buf, s, e, at);
      if (rows.hasHeader) scanner.setColumns(rows.columns(), rows.width);
    },
    fast: (view, buf, s, e, at) => {
      rows.countRow();
      sinks.fast(view);
      if (sinks.wantFull && sinks.full && sinks.wantFull(view)) fullRecord(buf, s, e, at, view);
    },
    slow: slowRecord,
    surprise: (buf, s, at, final) => {
      careful = new CsvTokenizer(rows, { maxRecord, line: at });
      careful.push(decoder.decode(buf.subarray(s), { stream: !final }));
      if (final) careful.end();
    },
  });

  /** The full record (titles …) of a valid row, for --explain. */
  const fullRecord = (buf: Uint8Array, s: number, e: number, at: number, view: RecordView): void => {
    const cols = rows.columns();
    const tok = new CsvTokenizer({
      record: (r: CsvRecord) => {
        const fields = cols.map((c) => (c < 0 ? '' : (r.fields[c] ?? '').trim()));
        const list = (x: string): string[] => x.split(';').map((y) => y.trim()).filter(Boolean);
        sinks.full!({
          id: fields[F.id]!, date: view.date, type: ACTIVITY_TYPES[view.type]!, org: refs.orgList[view.org]!.id,
          members: list(fields[F.members]!), title: fields[F.title]!, level: view.level < 0 ? undefined : LEVELS[view.level],
          outcomes: list(fields[F.outcomes]!), hours: view.hours, tags: list(fields[F.tags]!), note: fields[F.note] || undefined,
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
      const c = careful as CsvTokenizer | null;
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
  ctx.options.traceTime?.(`reading ${file}`);
  try {
    let limit = Number.POSITIVE_INFINITY;
    await pump(source.bytes(), 0, () => limit, async () => {
      // Once the header is known, a large file may be split across two cores (the cut is past
      // this first chunk: the split is only tried on files much larger than a chunk).
      if (!split || !scanner.hasColumns || careful !== null) return;
      ctx.options.traceTime?.('header read, starting the worker');
      plan = await split(rows.columns(), rows.width);
      if (plan) limit = plan.mainEnd;
    });
    let finished = false;
    if (plan) {
      const aligned = careful === null && carry === null;
      ctx.options.traceTime?.('main thread done with its part');
      const result = aligned ? await plan.result : undefined;
      ctx.options.traceTime?.('worker result here');
      if (!aligned) plan.cancel();
      if (result && split) {
        finished = true;
        const lineOffset = scanner.line - 1;
        split.merge(result, lineOffset);
        for (let k = 0; k < result.fastRows; k++) rows.countRow();
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
      ctx.options.traceSplit?.(file, plan.mainEnd, finished);
      ctx.options.traceTime?.('merged');
      // Not aligned, or the worker failed: this thread reads the rest.
      if (!finished) await pump(source.bytesFrom(plan.mainEnd), plan.mainEnd, () => Number.POSITIVE_INFINITY);
    }
    if (!finished) {
      const tail = carry as Buffer | null;
      const c = careful as CsvTokenizer | null;
      if (c) {
        c.push(decoder.decode());
        c.end();
      } else if (tail) {
        scanner.scan(tail, true);
      }
    }
  } catch (e) {
    (plan as ParallelPlan | undefined)?.cancel();
    reportStreamFailure(ctx, file, e);
    return undefined;
  }
  rows.finish();
  return { idColumn: rows.columns()[F.id] ?? -1 };
}

