// The cache of a year's duty-record reading (mj validate): what reading an unchanged records file
// gave — its rows, its diagnostics, how it was read, its folds' states — stored under a key that
// hashes everything the reading depends on (mj's build, the records file's bytes, the base files
// it is checked against, the options), and replayed instead of reading the file again. An entry
// holds only what the reading reported, so a warm run reports exactly what a cold run reports
// (tests/cache.test.ts compares them). Used where the dataset has a `.mj/` folder; MJ_CACHE=0
// turns it off; deleting .mj/cache only makes the next run cold.

import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ActivityStats, RecordConsumers } from '../load/activities.js';
import { CONFIG_FILE } from '../load/config.js';
import type { FileFacts, LoadContext } from '../load/context.js';
import { fileOfYear, streamYear, type Dataset } from '../load/dataset.js';
import type { FoldSpec } from '../model/fold.js';
import { cacheEnabled, cacheGet, cachePut, contentHash } from '../repo/cache.js';

/** Bumped when an entry's shape changes. */
const FORMAT = 1;

interface Entry {
  readonly format: number;
  readonly stats: ActivityStats;
  readonly diagnostics: readonly Diagnostic[];
  readonly facts: readonly (readonly [string, FileFacts])[];
  readonly folds: readonly unknown[];
}

/** What every cached reading of a dataset depends on besides its own file; undefined: no cache. */
export async function cacheBase(ctx: LoadContext, ds: Dataset): Promise<string | undefined> {
  const o = ctx.options;
  if (o.cacheBuild === undefined || o.carefulOnly === true || o.replaced !== undefined || !(await cacheEnabled(ctx.root))) return undefined;
  const h = createHash('sha256');
  h.update(JSON.stringify({ format: FORMAT, build: o.cacheBuild, limits: ctx.limits, encoding: o.encoding ?? null }));
  // The files the records are checked against: settings, org tree, roster and its history.
  const files = [CONFIG_FILE, ds.files.orgs, ds.files.members, ds.files.transfers, ds.files.reserve];
  for (const f of files) {
    const abs = f === undefined ? undefined : await inside(ctx.root, f);
    const hash = abs === undefined ? '-' : (await contentHash(abs)) ?? '-';
    h.update(`\n${f ?? ''}\t${hash}`);
  }
  return h.digest('hex');
}

/** The absolute path of a dataset file when it (through links) lies inside the root; else undefined (the reader reports it). */
async function inside(root: string, rel: string): Promise<string | undefined> {
  try {
    const real = await realpath(resolve(root, rel));
    const r = relative(await realpath(root), real);
    return r === '' || r.startsWith('..') || isAbsolute(r) ? undefined : real;
  } catch {
    return undefined;
  }
}

/**
 * The year's records as streamYear reads them, from the cache when an entry for exactly these
 * inputs exists; else read, and stored. `specs` describe `to.folds` (part of the key).
 */
export async function cachedStreamYear(
  ctx: LoadContext, ds: Dataset, year: number, to: RecordConsumers, specs: readonly FoldSpec[], base: string | undefined,
): Promise<ActivityStats | undefined> {
  const file = fileOfYear(ds.files.activities, year);
  const abs = base === undefined || file === undefined || to.keep !== undefined ? undefined : await inside(ctx.root, file);
  const hash = abs === undefined ? undefined : await contentHash(abs);
  if (hash === undefined) return streamYear(ctx, ds, year, to);
  const key = createHash('sha256').update(JSON.stringify({ base, year, file, hash, specs, declared: [ctx.declared.encodings.get(file!) ?? null, ctx.declared.sheets.get(file!) ?? null] })).digest('hex');

  const stored = await cacheGet(ctx.root, key);
  const entry = stored === undefined ? undefined : readEntry(stored, to.folds.length);
  if (entry) {
    for (const d of entry.diagnostics) ctx.diagnostics.add(d);
    for (const [f, facts] of entry.facts) ctx.facts.set(f, facts);
    to.folds.forEach((f, i) => f.merge(entry.folds[i]));
    return { ...entry.stats };
  }

  const before = ctx.diagnostics.list.length;
  const factsBefore = new Map(ctx.facts);
  const stats = await streamYear(ctx, ds, year, to);
  if (stats === undefined) return stats;
  const fresh: Entry = {
    format: FORMAT,
    stats: { ...stats },
    diagnostics: ctx.diagnostics.list.slice(before),
    facts: [...ctx.facts].filter(([f, facts]) => factsBefore.get(f) !== facts),
    folds: to.folds.map((f) => f.exportState()),
  };
  let bytes: Buffer | undefined;
  try {
    bytes = serialize(fresh);
  } catch {
    bytes = undefined; // something that is not plain data: not stored, never a failure
  }
  if (bytes !== undefined) await cachePut(ctx.root, key, bytes);
  return stats;
}

function readEntry(bytes: Buffer, folds: number): Entry | undefined {
  try {
    const e = deserialize(bytes) as Entry;
    return e !== null && typeof e === 'object' && e.format === FORMAT && Array.isArray(e.diagnostics) && Array.isArray(e.facts) && Array.isArray(e.folds) && e.folds.length === folds ? e : undefined;
  } catch {
    return undefined;
  }
}
