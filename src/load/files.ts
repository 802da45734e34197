// Finding and opening the dataset's files: paths stay inside the root (links included), yearly
// patterns such as activities/{year}.csv are listed in a fixed order, and every read failure
// becomes a diagnostic on that file.

import { readdir, realpath, stat } from 'node:fs/promises';
import { relative, resolve, sep, posix } from 'node:path';
import { openText, readWholeText, type Encoding, type ReadFailure, type TextSource } from '../source/decode.js';
import type { LoadContext } from './context.js';

/** Absolute path of a dataset-relative path, or undefined (reported) when it leaves the root. */
export async function resolveInside(ctx: LoadContext, rel: string): Promise<string | undefined> {
  const swapped = ctx.options.replaced?.get(rel);
  if (swapped !== undefined) return swapped;
  const abs = resolve(ctx.root, rel);
  if (!isInside(ctx.root, abs)) {
    ctx.report({ code: 'MJ008', file: rel, line: 0, column: 0, params: { path: rel } });
    return undefined;
  }
  try {
    const real = await realpath(abs);
    const realRoot = await realpath(ctx.root);
    if (!isInside(realRoot, real)) {
      ctx.report({ code: 'MJ008', file: rel, line: 0, column: 0, params: { path: rel } });
      return undefined;
    }
  } catch {
    // Missing files are reported by whoever opens them.
  }
  return abs;
}

/** Whether `abs` is `root` or inside it (both absolute; compare real paths for links). */
export function isInside(root: string, abs: string): boolean {
  const r = relative(root, abs);
  return r === '' || (!r.startsWith('..') && !r.startsWith(sep) && !/^[A-Za-z]:/.test(r));
}

export async function exists(abs: string): Promise<boolean> {
  try {
    await stat(abs);
    return true;
  } catch {
    return false;
  }
}

export function reportFailure(ctx: LoadContext, file: string, failure: ReadFailure, what: string): void {
  switch (failure.kind) {
    case 'missing':
      ctx.report({ code: 'MJ002', file, line: 0, column: 0, params: { what, path: file, also: '' } });
      return;
    case 'not-a-file':
      ctx.report({ code: 'MJ003', file, line: 0, column: 0, params: { reason: '@not-a-file' } });
      return;
    case 'io':
      ctx.report({ code: 'MJ003', file, line: 0, column: 0, params: { reason: ioReason(failure.message) } });
      return;
    case 'binary':
      ctx.report({ code: 'MJ004', file, line: 0, column: 0, params: { offset: failure.offset + 1 } });
      return;
    case 'too-large':
      ctx.report({ code: 'MJ007', file, line: 0, column: 0, params: { size: bytes(failure.size), limit: bytes(failure.limit) } });
      return;
    case 'undecodable':
      ctx.report({ code: 'MJ006', file, line: failure.line, column: failure.column, params: { encoding: failure.encoding } });
      return;
  }
}

/** An errno code as a term the message catalogue translates. */
export function ioReason(code: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '@no-permission';
    case 'ENOENT':
      return '@vanished';
    case 'EISDIR':
      return '@not-a-file';
    case 'EMFILE':
    case 'ENFILE':
      return '@too-many-files';
    default:
      return `@io-error:${code}`;
  }
}

export function bytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GiB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} B`;
}

/** The encoding a file is read in when it is not UTF-8: mj.yaml's for that file, else --encoding. */
export function fallbackOf(ctx: LoadContext, file: string): Encoding | undefined {
  return ctx.declared.encodings.get(file) ?? ctx.options.encoding;
}

type Opened = Awaited<ReturnType<typeof openText>>;

/** Records files being looked at early, per context: dataset path → its absolute path and the look. */
const early = new WeakMap<LoadContext, Map<string, { abs: string; opened: Promise<Opened | undefined> }>>();

/**
 * Starts looking at a records file the way openDataFile will — its encoding, its NUL bytes, a
 * pass over the whole file — so that the pass runs while the base loads. Reports nothing:
 * openDataFile reports what it found, at its turn, and looks again itself when this was not
 * started (a small file, not CSV, a path that leaves the root), failed, or was for another path.
 */
export async function prefetchRecordsFile(ctx: LoadContext, file: string): Promise<void> {
  if (!file.toLowerCase().endsWith('.csv')) return;
  const abs = ctx.options.replaced?.get(file) ?? resolve(ctx.root, file);
  try {
    if (!isInside(await realpath(ctx.root), await realpath(abs))) return;
    const st = await stat(abs);
    if (!st.isFile() || st.size < (ctx.options.prefetchMinBytes ?? 16 << 20)) return;
  } catch {
    return;
  }
  let map = early.get(ctx);
  if (!map) early.set(ctx, (map = new Map()));
  const opened = openText(abs, { fallback: fallbackOf(ctx, file), maxBytes: ctx.limits.maxFileBytes, chunkBytes: ctx.options.chunkBytes }).catch(() => undefined);
  map.set(file, { abs, opened });
}

/** Opens a CSV data file for streaming (--encoding applies); reports and returns undefined on failure. */
export async function openDataFile(ctx: LoadContext, file: string, what: string): Promise<TextSource | undefined> {
  const abs = await resolveInside(ctx, file);
  if (abs === undefined) return undefined;
  const pre = early.get(ctx)?.get(file);
  if (pre) early.get(ctx)!.delete(file);
  const looked = pre?.abs === abs ? await pre.opened : undefined;
  if (looked) ctx.options.traceTime?.(`${file} looked at while the base loaded`);
  const r = looked ?? (await openText(abs, { fallback: fallbackOf(ctx, file), maxBytes: ctx.limits.maxFileBytes, chunkBytes: ctx.options.chunkBytes }));
  if (!r.ok) {
    reportFailure(ctx, file, r.failure, what);
    return undefined;
  }
  ctx.facts.set(file, { path: abs, encoding: r.source.encoding, ...(r.source.tabs ? { tabs: true } : {}) });
  if (r.source.guessedGb18030) ctx.report({ code: 'MJ005', file, line: 0, column: 0 });
  if (r.source.crOnly) ctx.report({ code: 'MJ012', file, line: 0, column: 0 });
  return r.source;
}

/**
 * Reads a whole YAML file; reports and returns undefined on failure. --encoding is for
 * spreadsheet exports (CSV), not for files written in an editor; mj.yaml's `encoding:` may name
 * one for this file.
 */
export async function readDataFile(ctx: LoadContext, file: string, what: string): Promise<string | undefined> {
  const abs = await resolveInside(ctx, file);
  if (abs === undefined) return undefined;
  const r = await readWholeText(abs, { maxBytes: ctx.limits.maxFileBytes, fallback: ctx.declared.encodings.get(file) });
  if (!r.ok) {
    reportFailure(ctx, file, r.failure, what);
    return undefined;
  }
  ctx.facts.set(file, { path: abs, encoding: r.source.encoding });
  if (r.source.guessedGb18030) ctx.report({ code: 'MJ005', file, line: 0, column: 0 });
  if (r.source.crOnly) ctx.report({ code: 'MJ012', file, line: 0, column: 0 });
  return r.text;
}

const reportedFolders = new WeakMap<LoadContext, Set<string>>();

/** A folder of yearly files that cannot be listed (once per folder and run). */
function reportFolder(ctx: LoadContext, dir: string, code: string | undefined): void {
  let seen = reportedFolders.get(ctx);
  if (!seen) reportedFolders.set(ctx, (seen = new Set()));
  if (seen.has(dir)) return;
  seen.add(dir);
  ctx.report({ code: 'MJ003', file: dir, line: 0, column: 0, params: { reason: code === 'ENOTDIR' ? '@not-a-folder' : ioReason(code ?? 'EIO') } });
}

/** A stream that failed after opening (a file deleted or changed while read). */
/**
 * A read that failed part-way: a system error (one with a code, such as EIO or a decoding
 * failure) is MJ003; anything else thrown while reading is a bug in mj, and goes on to the
 * top-level catch (exit 70) instead of passing for an I/O error.
 */
export function reportStreamFailure(ctx: LoadContext, file: string, e: unknown): void {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') throw e;
  ctx.report({ code: 'MJ003', file, line: 0, column: 0, params: { reason: ioReason(code) } });
}

export interface YearFile {
  readonly year: number;
  /** Dataset-relative path with forward slashes. */
  readonly file: string;
}

/**
 * Lists the files matching yearly patterns (e.g. `activities/{year}.csv` and
 * `activities/{year}.yaml`), one per year; two files for one year are reported (MJ010).
 */
export async function listYearFiles(ctx: LoadContext, patterns: readonly string[]): Promise<YearFile[]> {
  const byYear = new Map<number, string>();
  for (const pattern of patterns) {
    const slash = pattern.lastIndexOf('/');
    const dir = slash < 0 ? '' : pattern.slice(0, slash);
    const name = pattern.slice(slash + 1);
    const [before, after] = name.split('{year}') as [string, string | undefined];
    if (after === undefined) continue;
    const absDir = await resolveInside(ctx, dir === '' ? '.' : dir);
    if (absDir === undefined) continue;
    let entries: string[];
    try {
      entries = await readdir(absDir);
    } catch (e) {
      // No folder: no files of that kind. A folder that cannot be read, or a file in its place,
      // is reported: silently reading nothing would pass bad data (or blame a missing file).
      const code = (e as { code?: string }).code;
      if (code !== 'ENOENT') {
        reportFolder(ctx, dir === '' ? '.' : dir, code);
        continue;
      }
      entries = [];
    }
    for (const rel of ctx.options.replaced?.keys() ?? []) {
      const slash2 = rel.lastIndexOf('/');
      if ((slash2 < 0 ? '' : rel.slice(0, slash2)) === dir && !entries.includes(rel.slice(slash2 + 1))) entries.push(rel.slice(slash2 + 1));
    }
    entries.sort();
    for (const entry of entries) {
      if (!entry.startsWith(before) || !entry.endsWith(after)) continue;
      const mid = entry.slice(before.length, entry.length - after.length);
      if (!/^\d{4}$/.test(mid)) continue;
      const year = Number(mid);
      const file = dir === '' ? entry : posix.join(dir, entry);
      const prior = byYear.get(year);
      if (prior !== undefined) {
        ctx.report({ code: 'MJ010', file, line: 0, column: 0, params: { a: prior, b: file } });
        continue;
      }
      byYear.set(year, file);
    }
  }
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, file]) => ({ year, file }));
}

/**
 * The first of several candidate paths that exists (two existing is reported); undefined when
 * none does, null when a candidate lies outside the dataset (already reported).
 */
export async function pickFile(ctx: LoadContext, candidates: readonly string[]): Promise<string | undefined | null> {
  const found: string[] = [];
  for (const c of candidates) {
    const abs = await resolveInside(ctx, c);
    if (abs === undefined) return null;
    if (await exists(abs)) found.push(c);
  }
  if (found.length > 1) ctx.report({ code: 'MJ010', file: found[1]!, line: 0, column: 0, params: { a: found[0]!, b: found[1]! } });
  return found[0];
}
