// The worker thread of a split scan: reads its part of a duty-record file with the same
// ByteScanner and counters as the main thread, and sends back the counts, the ids it saw, and the
// bytes of every row it was not sure of (the main thread's careful reader decides on those).

import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { IdIndex } from '../checks/id-index.js';
import { ScoreCounts, type DecimalSums, type DecimalSumsState } from '../compute/score-counts.js';
import type { CountScope } from '../compute/scope.js';
import { StatsCounts } from '../compute/stats.js';
import { Vocabulary } from '../model/record-view.js';
import { compileRubric } from './compile-rubric.js';
import { ByteScanner } from './byte-scanner.js';
import { buildTables } from './fast-activities.js';
import type { PlainScope, WorkerJob, WorkerResult } from './parallel-scan.js';

function scopeOf(s: PlainScope): CountScope {
  return { branches: { length: s.branches }, members: { length: s.members }, branchOfOrg: s.branchOfOrg, memberBranch: s.memberBranch, active: s.active, lastDay: s.lastDay };
}

function exportSums(state: { arrays: (Int32Array | Float64Array)[]; sums: DecimalSums[] | DecimalSumsState[] }) {
  return { arrays: state.arrays, sums: (state.sums as DecimalSums[]).map((s) => s.exportState()) };
}

async function run(job: WorkerJob): Promise<WorkerResult> {
  const vocab = new Vocabulary(job.outcomes);
  const score = job.score ? new ScoreCounts(scopeOf(job.score.scope), compileRubric(job.score.rubric, job.year), vocab) : undefined;
  const stats = job.stats ? new StatsCounts(scopeOf(job.stats.scope), job.stats.threeOnes, vocab, job.stats.until) : undefined;
  const tables = buildTables(job.orgIds, job.established, job.dissolved, job.memberIds, job.from, job.until, job.outcomes);
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
  let fastRows = 0;
  let surprise: { offset: number; line: number } | undefined;
  let offset = job.start; // of the current buffer's first byte, after the BOM
  const scanner = new ByteScanner(tables, job.year, job.maxRecord, (w) => vocab.tag(w), ids, {
    header: () => undefined,
    fast: (view) => {
      fastRows++;
      score?.visit(view);
      stats?.visit(view);
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
  return {
    fastRows,
    slowBytes,
    slowStarts: Int32Array.from(slowStarts),
    slowLines: Int32Array.from(slowLines),
    surprise,
    ids: { slots: ids.exportSlots(), candidates: ids.candidates.map((c) => ({ ...c })) },
    score: score ? exportSums(score.state()) : undefined,
    stats: stats ? exportSums(stats.state()) : undefined,
  };
}

void run(workerData as WorkerJob).then(
  (result) => parentPort!.postMessage(result),
  () => process.exit(1),
);
