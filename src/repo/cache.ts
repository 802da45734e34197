// The data repository's cache of results of unchanged files (.mj/cache, ignored by git, safe to
// delete): entries are whole files named by a key (a hash of everything the result depends on),
// written to a temp file beside them and renamed, so a reader sees an entry whole or not at all.
// A missing, unreadable or damaged entry is a miss; a failed write is ignored. It never decides a
// result: the caller only stores what it computed and replays what it stored. It is kept to the
// CACHE_KEEP entries used last (a hit touches its entry; a store past the limit removes the oldest).

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The cache folder of a dataset root. */
export function cacheDir(root: string): string {
  return join(root, '.mj', 'cache');
}

/** The cache is used where a data repository keeps mj's folder (`.mj/`, as mj init and mj pin make it). */
export async function cacheEnabled(root: string): Promise<boolean> {
  try {
    const s = await lstat(join(root, '.mj'));
    return s.isDirectory();
  } catch {
    return false;
  }
}

/** SHA-256 of a regular file's bytes as they are (hex), or undefined when it is not one. */
export async function contentHash(path: string): Promise<string | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 })) hash.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

const KEY = /^[0-9a-f]{64}$/;

/** The entry stored under `key` (64 hex digits), or undefined. */
export async function cacheGet(root: string, key: string): Promise<Buffer | undefined> {
  if (!KEY.test(key)) return undefined;
  try {
    const path = join(cacheDir(root), key);
    if (!(await lstat(path)).isFile()) return undefined;
    const bytes = await readFile(path);
    // Used now: the pruning keeps what is used.
    const now = new Date();
    await utimes(path, now, now).catch(() => undefined);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Stores `bytes` under `key`; any failure leaves the cache as it was. */
export async function cachePut(root: string, key: string, bytes: Uint8Array): Promise<void> {
  if (!KEY.test(key)) return;
  const dir = cacheDir(root);
  const tmp = join(dir, `${key}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, join(dir, key));
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
    return;
  }
  await prune(dir, CACHE_KEEP).catch(() => undefined);
}

/** Entries kept: a year's reading is one entry, so this is some hundred versions of ten years of data. */
export const CACHE_KEEP = 1000;

/** Past `keep` entries, removes the ones used longest ago (down to 90 % of keep, so not on every store). */
export async function prune(dir: string, keep: number): Promise<void> {
  const names = (await readdir(dir)).filter((n) => KEY.test(n));
  if (names.length <= keep) return;
  const dated = await Promise.all(names.map(async (n) => ({ n, t: await stat(join(dir, n)).then((s) => s.mtimeMs, () => 0) })));
  dated.sort((a, b) => a.t - b.t || (a.n < b.n ? -1 : 1));
  const drop = dated.slice(0, names.length - Math.floor(keep * 0.9));
  for (const { n } of drop) await rm(join(dir, n), { force: true });
}
