// The worker thread's side of a split scan: reads its part of a duty-record file with the same
// ByteScanner as the main thread, feeding folds built from the job's specs by a factory the
// worker's entry script supplies (the engine does not know what the folds are), and sends back
// the folds' states, the ids it saw, and the bytes of every row it was not sure of.

import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { FoldFactory } from '../model/fold.js';
import { Vocabulary } from '../model/record-view.js';
import { ByteScanner } from './byte-scanner.js';
import { IdIndex } from './id-index.js';
import type { WorkerJob, WorkerResult } from './split.js';
import { buildScanTables } from './tables.js';

async function scanPart(job: WorkerJob, factory: FoldFactory<Vocabulary>): Promise<WorkerResult> {
  const vocab = new Vocabulary(job.dictionary.outcomes);
  const folds = job.specs.map((s) => factory(s, vocab));
  const tables = buildScanTables(job.dictionary);
  // Sized for its part of the file at about 150 bytes a record, so it seldom grows.
  let size = job.start;
  try {
    size = statSync(job.path).size;
  } catch {
    // Read below, where a failure is reported.
  }
  const ids = new IdIndex(Math.min(1 << 22, Math.ceil(Math.max(0, size - job.start) / 150)));
  const slowParts: Buffer[] = [];
  const slowStarts: number[] = [];
  const slowLines: number[] = [];
  let slowLength = 0;
  const keptParts: Buffer[] = [];
  const keptStarts: number[] = [];
  const keptLines: number[] = [];
  let keptLength = 0;
  const keepTypes = job.keepTypes;
  let fastRows = 0;
  let surprise: { offset: number; line: number } | undefined;
  let offset = job.start; // of the current buffer's first byte, after the BOM
  const scanner = new ByteScanner(tables, job.year, job.maxRecord, (w) => vocab.tag(w), ids, {
    header: () => undefined,
    fast: (view, buf, s, e, line) => {
      fastRows++;
      for (const f of folds) f.visit(view);
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
  scanner.setColumns(job.cols, job.width);

  const fh = await open(job.path, 'r');
  try {
    const size = (await fh.stat()).size;
    let pos = job.skip + job.start;
    let carry: Buffer | null = null;
    while (pos < size && !scanner.stopped) {
      const chunk = Buffer.allocUnsafe(Math.min(job.chunkBytes, size - pos));
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      const buf: Buffer = carry ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      const consumed = scanner.scan(buf, false);
      if (scanner.stopped) break;
      carry = consumed < buf.length ? Buffer.from(buf.subarray(consumed)) : null;
      offset += consumed;
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
    folds: folds.map((f) => f.exportState()),
  };
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
  void scanPart(workerData as WorkerJob, factory).then(
    (result) => parentPort!.postMessage(result, transferable(result)),
    () => process.exit(1),
  );
}
