// Splitting a large duty-record file across two cores: the main thread scans the first part,
// a worker thread (scan-worker.ts) the rest with its own counters, which are then added to the
// main thread's. The worker decides nothing about problems: rows it is not sure of come back as
// bytes for the careful reader here. When the cut falls inside a record (a quoted field with a
// line break), the worker's work is dropped and the main thread reads on by itself — so the
// result never depends on whether the file was split.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IdIndex } from '../checks/id-index.js';
import type { ScoreCounts, CountState } from '../compute/score-counts.js';
import type { StatsCounts } from '../compute/stats.js';
import type { YearScope } from '../compute/scope.js';
import type { RawRubric } from '../schema/structured.js';
import type { ThreeOnesRule } from '../model/rubric.js';
import type { ActivityRefs } from './activities.js';
import { rosterDays } from './fast-activities.js';

/** The counters a stream feeds, described so that a worker can build the same ones. */
export interface SplittableCounters {
  readonly score: ScoreCounts | undefined;
  readonly stats: StatsCounts | undefined;
  readonly rubric: RawRubric | undefined;
  readonly scope: YearScope | undefined;
  readonly scoreScope: YearScope | undefined;
}

/** What the worker is asked to do. */
export interface WorkerJob {
  readonly path: string;
  /** Where its part starts, in bytes after the BOM, and the BOM's length. */
  readonly start: number;
  readonly skip: number;
  readonly chunkBytes: number;
  readonly year: number;
  readonly maxRecord: number;
  readonly cols: number[];
  readonly width: number;
  readonly orgIds: string[];
  readonly established: Int32Array;
  readonly dissolved: Int32Array;
  readonly memberIds: string[];
  readonly from: Int32Array;
  readonly until: Int32Array;
  readonly outcomes: string[];
  readonly score: { readonly rubric: RawRubric; readonly scope: PlainScope } | undefined;
  readonly stats: { readonly threeOnes: ThreeOnesRule; readonly until: number; readonly scope: PlainScope } | undefined;
}

export interface PlainScope {
  readonly branches: number;
  readonly members: number;
  readonly branchOfOrg: Int32Array;
  readonly memberBranch: Int32Array;
  readonly active: Uint8Array;
  readonly lastDay: number;
}

/** What the worker sends back. */
export interface WorkerResult {
  readonly fastRows: number;
  /** Rows for the careful reader: their bytes, where each starts in `bytes`, and their lines (relative). */
  readonly slowBytes: Uint8Array;
  readonly slowStarts: Int32Array;
  readonly slowLines: Int32Array;
  /** A structural surprise: from this byte (after the BOM) on, the careful tokenizer reads. */
  readonly surprise: { readonly offset: number; readonly line: number } | undefined;
  readonly ids: { readonly slots: Uint32Array; readonly candidates: { id: string; line: number; column: number; firstLine: number }[] };
  readonly score: CountState | undefined;
  readonly stats: CountState | undefined;
}

/** The split of one file: where the main thread stops, and the worker's answer. */
export interface ParallelPlan {
  readonly mainEnd: number;
  /** The worker's result, or undefined when it failed (the main thread then reads on). */
  readonly result: Promise<WorkerResult | undefined>;
  cancel(): void;
}

const WORKER = fileURLToPath(new URL('./scan-worker.js', import.meta.url));

function plain(s: YearScope): PlainScope {
  return {
    branches: s.branches.length, members: s.members.length, branchOfOrg: s.branchOfOrg, memberBranch: s.memberBranch,
    active: s.active, lastDay: s.lastDay,
  };
}

/**
 * Starts a worker on the second half of the file when it is worth it (a large file, two cores,
 * the worker's script built). `firstLf` finds the first line break at or after a byte offset.
 */
export async function planSplit(
  size: number, minBytes: number, source: { path: string; skip: number }, chunkBytes: number, year: number, maxRecord: number,
  header: { cols: number[]; width: number }, refs: ActivityRefs, counters: SplittableCounters,
  firstLf: (from: number) => Promise<number>,
): Promise<ParallelPlan | undefined> {
  if (size < minBytes || availableParallelism() < 2 || !existsSync(WORKER)) return undefined;
  // The cut lies past the first chunk, which the main thread has read already.
  const lf = await firstLf(Math.max(Math.floor(size / 2), chunkBytes));
  if (lf < 0 || lf + 1 >= size) return undefined;
  const mainEnd = lf + 1;
  const [from, until] = rosterDays(refs);
  const job: WorkerJob = {
    path: source.path, start: mainEnd, skip: source.skip, chunkBytes, year, maxRecord, cols: header.cols, width: header.width,
    orgIds: refs.orgList.map((o) => o.id), established: Int32Array.from(refs.orgList, (o) => o.established ?? 0),
    dissolved: Int32Array.from(refs.orgList, (o) => o.dissolved ?? 0), memberIds: refs.memberList.map((m) => m.id), from, until,
    outcomes: [...refs.vocab.outcomes.keys()],
    score: counters.score && counters.rubric && counters.scoreScope ? { rubric: counters.rubric, scope: plain(counters.scoreScope) } : undefined,
    stats: counters.stats && counters.scope ? { threeOnes: counters.stats.threeOnes, until: counters.stats.until, scope: plain(counters.scope) } : undefined,
  };
  const worker = new Worker(WORKER, { workerData: job });
  const result = new Promise<WorkerResult | undefined>((resolve) => {
    worker.once('message', (r: WorkerResult) => resolve(r));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return { mainEnd, result, cancel: () => void worker.terminate() };
}

/** Adds the worker's counts and ids into the main thread's. */
export function mergeWorker(r: WorkerResult, counters: SplittableCounters, ids: IdIndex, lineOffset: number): void {
  if (r.score && counters.score) counters.score.merge(r.score);
  if (r.stats && counters.stats) counters.stats.merge(r.stats);
  ids.mergeSlots(r.ids.slots, lineOffset);
  for (const c of r.ids.candidates) ids.candidates.push({ ...c, line: c.line + lineOffset, firstLine: c.firstLine + lineOffset });
}
