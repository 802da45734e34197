// Closed years (mj close) in the pipeline: a year's input files, the hashes of files now, and
// the validate stage that holds every closed year's lock against the files as they are
// (checks/closed.ts decides; this reads the locks and takes the hashes).

import { join } from 'node:path';
import { closedYearProblems } from '../checks/closed.js';
import { loadLock, lockYears } from '../load/closed.js';
import { LoadContext } from '../load/context.js';
import { fileOfYear, type Dataset } from '../load/dataset.js';
import type { YearLock } from '../model/closed.js';
import { fileHash } from '../repo/hash.js';

/** The year's own input files (records, assessments, rubric, reviews of the 领导班子) that exist, dataset-relative. */
export function yearInputs(ds: Dataset, year: number): string[] {
  return [ds.files.activities, ds.files.assessments, ds.files.rubrics, ds.files.reviews].map((list) => fileOfYear(list, year)).filter((f): f is string => f !== undefined);
}

/**
 * The hash of each dataset-relative file now (undefined when gone); a file `replaced` stands for
 * (mj import's merged files, validated before they are written) is hashed as its replacement.
 */
export async function hashesOf(root: string, files: readonly string[], replaced?: ReadonlyMap<string, string>): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  for (const f of files) {
    const abs = join(root, ...f.split('/'));
    const swapped = replaced?.get(f);
    out.set(f, await (swapped === undefined ? fileHash(abs) : fileHash(swapped, abs)));
  }
  return out;
}

/** Every lock file of the dataset that reads as one (the others are reported). */
export async function loadLocks(ctx: LoadContext): Promise<YearLock[]> {
  const out: YearLock[] = [];
  for (const year of await lockYears(ctx.root)) {
    const lock = await loadLock(ctx, year);
    if (lock) out.push(lock);
  }
  return out;
}

/** mj validate: each closed year's files against its lock; the problems go to the context. */
export async function checkClosedYears(ctx: LoadContext, ds: Dataset): Promise<YearLock[]> {
  const locks = await loadLocks(ctx);
  for (const lock of locks) {
    if (lock.state !== 'closed') continue;
    const hashes = await hashesOf(ctx.root, lock.files.map((f) => f.path), ctx.options.replaced);
    for (const d of closedYearProblems({ lock, hashes, inputs: yearInputs(ds, lock.year) })) ctx.report(d);
  }
  return locks;
}

/**
 * The closed years' locks, read on their own (a broken lock is `mj validate`'s to report: it
 * never stops a command that does not read it).
 */
export async function closedYears(root: string): Promise<Map<number, YearLock>> {
  const out = new Map<number, YearLock>();
  for (const lock of await loadLocks(new LoadContext(root))) if (lock.state === 'closed') out.set(lock.year, lock);
  return out;
}

/** Closed years whose files no longer match their lock (what mj validate would report), by year. */
export async function brokenLocks(root: string, ds: Dataset): Promise<Map<number, YearLock>> {
  const out = new Map<number, YearLock>();
  for (const lock of (await closedYears(root)).values()) {
    const hashes = await hashesOf(root, lock.files.map((f) => f.path));
    if (closedYearProblems({ lock, hashes, inputs: yearInputs(ds, lock.year) }).length > 0) out.set(lock.year, lock);
  }
  return out;
}
