// The worker thread's side of a split scan: reads its part of a duty-record file with the same
// ByteScanner as the main thread, feeding folds built from the job's specs by a factory the
// worker's entry script supplies (the engine does not know what the folds are), and sends back
// the folds' states, the ids it saw, and the bytes of every row it was not sure of.
//
// An early worker (split.ts) is started before the main thread has loaded the org tree and the
// roster: it reads the words it looks up itself (early-dictionary.ts) and starts on its part,
// logging the valid rows' views (view-log.ts) until the main thread sends its dictionary and the
// folds' specs; then it plays the log into the folds and goes on. When its reading differs from
// the main thread's, it reads its part again with the main thread's words.

import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { FoldFactory } from '../model/fold.js';
import { Vocabulary, type RecordView } from '../model/record-view.js';
import { ByteScanner } from './byte-scanner.js';
import { readEarlyDictionary, readRecordsHeader } from './early-dictionary.js';
import { IdIndex } from './id-index.js';
import { firstLineBreak, type EarlyJob, type EarlyMessage, type WorkerGo, type WorkerJob, type WorkerResult } from './split.js';
import { buildScanTables, dictionaryDigest, type ScanDictionary } from './tables.js';
import { ViewLog } from './view-log.js';

/** What reading a part needs: a worker's job without its folds (where it is, the words, the columns). */
type Part = Omit<WorkerJob, 'specs'>;

type Read = Omit<WorkerResult, 'folds'>;

/**
 * Reads [part.start, end of file), handing each valid row's view to `fast`; `between` runs after
 * each chunk and may stop the reading (returns true). Undefined when stopped.
 */
async function readPart(part: Part, vocab: Vocabulary, fast: (view: RecordView) => void, between: () => boolean): Promise<Read | undefined> {
  const tables = buildScanTables(part.dictionary, part.members);
  // Sized for its part of the file at about 150 bytes a record, so it seldom grows.
  let size = part.start;
  try {
    size = statSync(part.path).size;
  } catch {
    // Read below, where a failure is reported.
  }
  const ids = new IdIndex(Math.min(1 << 22, Math.ceil(Math.max(0, size - part.start) / 150)));
  const slowParts: Buffer[] = [];
  const slowStarts: number[] = [];
  const slowLines: number[] = [];
  let slowLength = 0;
  const keptParts: Buffer[] = [];
  const keptStarts: number[] = [];
  const keptLines: number[] = [];
  let keptLength = 0;
  const keepTypes = part.keepTypes;
  let fastRows = 0;
  let surprise: { offset: number; line: number } | undefined;
  let offset = part.start; // of the current buffer's first byte, after the BOM
  const scanner = new ByteScanner(tables, part.year, part.maxRecord, (w) => vocab.tag(w), ids, {
    header: () => undefined,
    fast: (view, buf, s, e, line) => {
      fastRows++;
      fast(view);
      if (keepTypes !== 0 && (keepTypes & (1 << view.type)) !== 0) {
        keptParts.push(Buffer.from(buf.subarray(s, e)));
        keptStarts.push(keptLength);
        keptLines.push(line);
        keptLength += e - s;
      }
    },
    slow: (buf, s, e, line) => {
      slowParts.push(Buffer.from(buf.subarray(s, e)));
      slowStarts.push(slowLength);
      slowLines.push(line);
      slowLength += e - s;
    },
    surprise: (_buf, s, line) => {
      surprise = { offset: offset + s, line };
    },
  });
  scanner.setColumns(part.cols, part.width);

  const fh = await open(part.path, 'r');
  try {
    const size = (await fh.stat()).size;
    let pos = part.skip + part.start;
    let carry: Buffer | null = null;
    while (pos < size && !scanner.stopped) {
      const chunk = Buffer.allocUnsafe(Math.min(part.chunkBytes, size - pos));
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      const buf: Buffer = carry ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      const consumed = scanner.scan(buf, false);
      if (scanner.stopped) break;
      carry = consumed < buf.length ? Buffer.from(buf.subarray(consumed)) : null;
      offset += consumed;
      if (between()) return undefined;
    }
    if (!scanner.stopped && carry) scanner.scan(carry, true);
  } finally {
    await fh.close();
  }
  const slowBytes = Buffer.concat(slowParts);
  slowStarts.push(slowLength);
  keptStarts.push(keptLength);
  return {
    fastRows,
    slowBytes,
    slowStarts: Int32Array.from(slowStarts),
    slowLines: Int32Array.from(slowLines),
    kept: { bytes: Buffer.concat(keptParts), starts: Int32Array.from(keptStarts), lines: Int32Array.from(keptLines) },
    surprise,
    ids: { slots: ids.exportSlots(), candidates: ids.candidates.map((c) => ({ ...c })) },
  };
}

/** A part read with the words and folds it was given (the worker started when the main thread's scan did). */
async function scanPart(job: WorkerJob, factory: FoldFactory<Vocabulary>): Promise<WorkerResult> {
  const vocab = new Vocabulary(job.dictionary.outcomes);
  const folds = job.specs.map((s) => factory(s, vocab));
  const read = (await readPart(job, vocab, (view) => {
    for (const f of folds) f.visit(view);
  }, () => false))!;
  return { ...read, folds: folds.map((f) => f.exportState()) };
}

/** Whether what the early worker read stands for what the main thread sends. */
function agrees(go: WorkerGo, mine: { skip: number; cols: number[]; width: number; digest: string }): boolean {
  return go.keepTypes === 0 && go.skip === mine.skip && go.width === mine.width
    && go.cols.length === mine.cols.length && go.cols.every((c, i) => c === mine.cols[i]) && go.digest === mine.digest;
}

/** An early worker: its part, started on its own reading of the words; the result (or -1: no split) posted. */
async function earlyPart(job: EarlyJob, factory: FoldFactory<Vocabulary>): Promise<void> {
  const post = (m: EarlyMessage, transfer: ArrayBuffer[] = []): void => parentPort!.postMessage(m, transfer);
  let go: WorkerGo | undefined;
  let words: ((d: ScanDictionary) => void) | undefined;
  const gone = new Promise<WorkerGo>((resolve) => parentPort!.on('message', (m: WorkerGo | ScanDictionary) => {
    if (go === undefined) resolve((go = m as WorkerGo));
    else words?.(m as ScanDictionary);
  }));
  // Where its part starts: the main thread reads up to there (a BOM is skipped, as the main thread's reader does).
  const fh = await open(job.path, 'r');
  let size: number;
  let skip = 0;
  try {
    size = (await fh.stat()).size;
    const head = Buffer.alloc(3);
    await fh.read(head, 0, 3, 0);
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) skip = 3;
  } finally {
    await fh.close();
  }
  const lf = await firstLineBreak(job.path, skip, Math.max(Math.floor((size - skip) * job.mainShare), job.chunkBytes));
  if (lf < 0 || lf + 1 >= size - skip) {
    post({ kind: 'start', start: -1 });
    return;
  }
  const start = lf + 1;
  post({ kind: 'start', start });

  const [dictionary, header] = await Promise.all([
    readEarlyDictionary(job.sources).catch(() => undefined),
    readRecordsHeader(job.path, skip, job.maxRecord).catch(() => undefined),
  ]);
  const again = async (g: WorkerGo): Promise<void> => {
    const dictionary = await new Promise<ScanDictionary>((resolve) => {
      words = resolve;
      post({ kind: 'words' });
    });
    parentPort!.removeAllListeners('message');
    const result = await scanPart({ ...g, dictionary, path: job.path, start, chunkBytes: job.chunkBytes, year: job.year, maxRecord: job.maxRecord }, factory);
    post({ kind: 'result', result, early: false }, transferable(result));
  };
  if (!dictionary || !header) return again(await gone);

  const mine = { skip, cols: header.cols, width: header.width, digest: dictionaryDigest(dictionary) };
  const vocab = new Vocabulary(dictionary.outcomes);
  let log: ViewLog | undefined = new ViewLog();
  let folds: ReturnType<FoldFactory<Vocabulary>>[] | undefined;
  let differs = false;
  /** Once the main thread has sent its words: the log played into the folds, or a reading again. */
  const decide = (g: WorkerGo): void => {
    if (folds || differs) return;
    if (!agrees(g, mine)) {
      differs = true;
      return;
    }
    const built = g.specs.map((s) => factory(s, vocab));
    log!.replay((v) => {
      for (const f of built) f.visit(v);
    });
    log = undefined;
    folds = built;
  };
  const read = await readPart({ ...mine, dictionary, path: job.path, start, chunkBytes: job.chunkBytes, year: job.year, maxRecord: job.maxRecord, keepTypes: 0 }, vocab, (view) => {
    if (folds) for (const f of folds) f.visit(view);
    else log!.add(view);
  }, () => {
    if (go) decide(go);
    return differs;
  });
  decide(go ?? (await gone));
  if (differs || !read) return again(go!);
  parentPort!.removeAllListeners('message');
  const result: WorkerResult = { ...read, folds: folds!.map((f) => f.exportState()) };
  post({ kind: 'result', result, early: true }, transferable(result));
}

/**
 * The large buffers of a result (the id index, the rows' bytes, the folds' arrays), moved to the
 * main thread rather than copied: the worker ends once it has sent them. Only whole buffers of
 * their own (never a slice of Node's shared pool) are moved.
 */
function transferable(result: WorkerResult): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const walk = (x: unknown, depth: number): void => {
    if (depth > 8 || x === null || typeof x !== 'object') return;
    if (ArrayBuffer.isView(x)) {
      const b = x.buffer;
      if (b instanceof ArrayBuffer && x.byteOffset === 0 && x.byteLength === b.byteLength && b.byteLength >= 1 << 16) out.add(b);
      return;
    }
    if (Array.isArray(x)) for (const y of x) walk(y, depth + 1);
    else if (!(x instanceof Map) && !(x instanceof Set)) for (const y of Object.values(x)) walk(y, depth + 1);
  };
  walk(result, 0);
  return [...out];
}

/** Runs the job this worker thread was started with, and posts the result (exit 1 on failure). */
export function runScanWorker(factory: FoldFactory<Vocabulary>): void {
  const job = workerData as WorkerJob | EarlyJob;
  if ('sources' in job) {
    void earlyPart(job, factory).catch(() => process.exit(1));
    return;
  }
  void scanPart(job, factory).then(
    (result) => parentPort!.postMessage(result, transferable(result)),
    () => process.exit(1),
  );
}
