// Splitting a large duty-record file across two cores: the main thread scans the first part, a
// worker thread (worker.ts) the rest, with folds built from the same specs, whose states are then
// merged into the main thread's. The worker decides nothing about problems: rows it is not sure
// of come back as bytes for the careful reader. When the cut falls inside a record (a quoted field
// with a line break), the worker's work is dropped and the main thread reads on by itself — so
// the result never depends on whether the file was split.

import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FoldSpec } from '../model/fold.js';
import type { EarlySources } from './early-dictionary.js';
import { withoutMembers, type ScanDictionary } from './tables.js';
import type { MemberTableData } from './member-table.js';

/** The main thread's share of a split file (measured: the worker starts some 0.2–0.5 s later at national scale). */
const MAIN_SHARE = 0.53;
/**
 * The main thread's share when the worker starts early: it starts reading records while the main
 * thread still loads the org tree and the roster (at national scale its own reading of them is
 * done some 1.5 s before the main thread's).
 */
const EARLY_MAIN_SHARE = 0.4;

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
  /** The words to look up; its members' are left out when `members` is given (tables.ts withoutMembers). */
  readonly dictionary: ScanDictionary;
  /** The main thread's member table, shared (member-table.ts): the worker does not build its own. */
  readonly members?: MemberTableData | undefined;
  /** The folds to build, in order (the main thread's folds come from the same list). */
  readonly specs: readonly FoldSpec[];
  /** Record types (a bitmask of ACTIVITY_TYPES indices) whose valid rows come back whole; 0: none. */
  readonly keepTypes: number;
}

/** What the worker sends back. */
export interface WorkerResult {
  readonly fastRows: number;
  /** Rows for the careful reader: their bytes, where each starts in `bytes`, and their lines (relative). */
  readonly slowBytes: Uint8Array;
  readonly slowStarts: Int32Array;
  readonly slowLines: Int32Array;
  /** Valid rows of the kept types, the same way (their fields are read again on the main thread). */
  readonly kept: { readonly bytes: Uint8Array; readonly starts: Int32Array; readonly lines: Int32Array };
  /** A structural surprise: from this byte (after the BOM) on, the careful tokenizer reads. */
  readonly surprise: { readonly offset: number; readonly line: number } | undefined;
  readonly ids: { readonly slots: Uint32Array; readonly candidates: { id: string; line: number; column: number; firstLine: number }[] };
  /** Each fold's exported state, in the order of the specs. */
  readonly folds: readonly unknown[];
}

/** The split of one file: where the main thread stops, and the worker's answer. */
export interface ParallelPlan {
  readonly mainEnd: number;
  /** The worker's result, or undefined when it failed (the main thread then reads on). */
  readonly result: Promise<WorkerResult | undefined>;
  /** An early worker's: whether its own reading of the words stood (false: it read its part again with the main thread's). */
  readonly early?: Promise<boolean | undefined>;
  cancel(): void;
}

/** What an early worker is started with, before the main thread has its words or folds. */
export interface EarlyJob {
  readonly path: string;
  readonly chunkBytes: number;
  readonly year: number;
  readonly maxRecord: number;
  readonly sources: EarlySources;
  readonly mainShare: number;
}

/** Sent to an early worker when the main thread's scan starts: its columns, folds and words' digest. */
export interface WorkerGo {
  readonly skip: number;
  readonly cols: number[];
  readonly width: number;
  /** tables.ts dictionaryDigest of the main thread's words: the words themselves are sent only when the worker's differ. */
  readonly digest: string;
  readonly specs: readonly FoldSpec[];
  readonly keepTypes: number;
}

/**
 * What an early worker sends: where its part starts (-1: the file is not split); a request for
 * the main thread's words (its own differ); its result.
 */
export type EarlyMessage =
  | { readonly kind: 'start'; readonly start: number }
  | { readonly kind: 'words' }
  | { readonly kind: 'result'; readonly result: WorkerResult; readonly early: boolean };

/** A worker started before the main thread's scan: its part is joined to that scan when it starts. */
export interface EarlyPlan {
  /** The plan of the split, once the main thread's scan starts; undefined when the worker will not do it. */
  attach(go: WorkerGo, dictionary: ScanDictionary): Promise<ParallelPlan | undefined>;
  cancel(): void;
}

/**
 * Starts a worker on the later part of a large records file before the main thread has loaded
 * the org tree and the roster (the worker reads the words itself, early-dictionary.ts); undefined
 * when a split is not worth it. The worker does not keep the process alive until it is attached.
 */
export function startEarly(s: { path: string; size: number; chunkBytes: number; year: number; maxRecord: number; minBytes: number; workerUrl: URL; sources: EarlySources }): EarlyPlan | undefined {
  const worker = fileURLToPath(s.workerUrl);
  if (s.size < s.minBytes || availableParallelism() < 2 || !existsSync(worker)) return undefined;
  const job: EarlyJob = { path: s.path, chunkBytes: s.chunkBytes, year: s.year, maxRecord: s.maxRecord, sources: s.sources, mainShare: EARLY_MAIN_SHARE };
  const thread = new Worker(worker, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  thread.unref();
  let started!: (start: number | undefined) => void;
  let ended!: (m: { result: WorkerResult; early: boolean } | undefined) => void;
  const start = new Promise<number | undefined>((resolve) => (started = resolve));
  const end = new Promise<{ result: WorkerResult; early: boolean } | undefined>((resolve) => (ended = resolve));
  let words: ScanDictionary | undefined;
  thread.on('message', (m: EarlyMessage) => {
    if (m.kind === 'start') started(m.start);
    else if (m.kind === 'words') thread.postMessage(words);
    else ended(m);
  });
  const failed = (): void => {
    started(undefined);
    ended(undefined);
  };
  thread.once('error', failed);
  thread.once('exit', failed);
  const cancel = (): void => void thread.terminate();
  return {
    cancel,
    attach: async (go, dictionary) => {
      words = dictionary;
      thread.ref();
      const mainEnd = await start;
      if (mainEnd === undefined || mainEnd < 0) {
        cancel();
        return undefined;
      }
      thread.postMessage(go);
      return { mainEnd, result: end.then((m) => m?.result), early: end.then((m) => m?.early), cancel };
    },
  };
}

export interface SplitSetup {
  readonly year: number;
  readonly chunkBytes: number;
  readonly maxRecord: number;
  readonly minBytes: number;
  readonly workerUrl: URL;
  readonly cols: number[];
  readonly width: number;
  readonly dictionary: ScanDictionary;
  /** The dictionary's member table, built: shared with the worker instead of its words. */
  readonly members?: MemberTableData | undefined;
  readonly specs: readonly FoldSpec[];
  readonly keepTypes: number;
}

/**
 * Starts a worker on the second half of the file when it is worth it (a large file, two cores,
 * the worker's script built); undefined otherwise.
 */
export async function planSplit(source: { path: string; skip: number; size: number }, s: SplitSetup): Promise<ParallelPlan | undefined> {
  const worker = fileURLToPath(s.workerUrl);
  if (source.size < s.minBytes || availableParallelism() < 2 || !existsSync(worker)) return undefined;
  // The cut lies past the first chunk, which the main thread has read already; a little past the
  // middle, since the worker starts later (its thread, its tables) and the two should end together.
  const lf = await firstLineBreak(source.path, source.skip, Math.max(Math.floor(source.size * MAIN_SHARE), s.chunkBytes));
  if (lf < 0 || lf + 1 >= source.size) return undefined;
  const mainEnd = lf + 1;
  const job: WorkerJob = {
    path: source.path, start: mainEnd, skip: source.skip, chunkBytes: s.chunkBytes, year: s.year, maxRecord: s.maxRecord,
    cols: s.cols, width: s.width, dictionary: s.members ? withoutMembers(s.dictionary) : s.dictionary, members: s.members, specs: s.specs, keepTypes: s.keepTypes,
  };
  // The worker's garbage is small (views are reused): a small young generation keeps its memory down.
  const thread = new Worker(worker, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  const result = new Promise<WorkerResult | undefined>((resolve) => {
    thread.once('message', (r: WorkerResult) => resolve(r));
    thread.once('error', () => resolve(undefined));
    thread.once('exit', () => resolve(undefined));
  });
  return { mainEnd, result, cancel: () => void thread.terminate() };
}

/** Byte offset (after the BOM) of the first line break at or after `from`, or -1. */
export async function firstLineBreak(path: string, skip: number, from: number): Promise<number> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 16);
    for (let pos = from; ; pos += buf.length) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, skip + pos);
      if (bytesRead === 0) return -1;
      const k = buf.subarray(0, bytesRead).indexOf(10);
      if (k >= 0) return pos + k;
    }
  } finally {
    await fh.close();
  }
}
