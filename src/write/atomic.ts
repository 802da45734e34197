// Writing output files whole or not at all: each goes to a temp file in the target's folder,
// then is renamed over the target. A target that exists and is not a regular file is refused.
// Callers may swap the file system (tests inject faults such as ENOSPC).

import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** What a file holds: text, bytes, or text in pieces (written as they come). */
export type Content = string | Uint8Array | Iterable<string>;

export interface WriteFs {
  readdir(path: string): Promise<string[]>;
  lstat(path: string): Promise<{ isFile(): boolean; isSymbolicLink(): boolean }>;
  /** Creates the file (never over an existing one); `mode` sets its permissions (e.g. 0o755). */
  writeFile(path: string, data: Content, mode?: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

export const realFs: WriteFs = {
  readdir: (p) => nodeFs.readdir(p),
  lstat: (p) => nodeFs.lstat(p),
  writeFile: (p, d, mode) => nodeFs.writeFile(p, d, { flag: 'wx', ...(mode === undefined ? {} : { mode }) }),
  rename: (a, b) => nodeFs.rename(a, b),
  unlink: (p) => nodeFs.unlink(p),
  mkdir: (p) => makeDirs(p),
};

/**
 * mkdir -p, one level at a time: Node's own recursive mkdir never returns on a file system
 * that answers ENOENT for a folder whose parent exists (such as /proc), and hung `--out`.
 */
async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let cur = resolve(dir); ; ) {
    try {
      await nodeFs.stat(cur);
      break; // exists: a file in the way is reported by the mkdir or write below it
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOENT') throw e;
      missing.push(cur);
      const up = dirname(cur);
      if (up === cur) break;
      cur = up;
    }
  }
  for (const d of missing.reverse()) {
    try {
      await nodeFs.mkdir(d);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
  }
}

export class WriteRefused extends Error {
  constructor(readonly path: string, readonly reason: 'not-a-file' | 'input-file') {
    super(`${reason}: ${path}`);
  }
}

export interface PendingWrite {
  readonly target: string;
  readonly temp: string;
}

/** Temp name beside the target; starts with '.' and carries a marker, so leftovers can be found. */
export function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.mj-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

const TEMP = /^\..+\.mj-tmp-(\d+)-[0-9a-f]{8}$/;

/** Whether a process still runs (one of another user counts). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes temp files that a killed run left in a folder: those whose process is gone. A run
 * still going (another mj writing the same folder) keeps its own.
 */
export async function sweepStale(dir: string, fs: WriteFs = realFs): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m === null || processAlive(Number(m[1]))) continue;
    await fs.unlink(join(dir, name)).then(() => removed++, () => undefined);
  }
  return removed;
}

async function checkTarget(fs: WriteFs, target: string): Promise<void> {
  try {
    const st = await fs.lstat(target);
    if (!st.isFile() || st.isSymbolicLink()) throw new WriteRefused(target, 'not-a-file');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return;
    throw e;
  }
}

/** Stages files: every temp file is written first; nothing is renamed until commit(). */
export async function stageFiles(files: readonly { path: string; data: Content; mode?: number }[], fs: WriteFs = realFs): Promise<PendingWrite[]> {
  const pending: PendingWrite[] = [];
  for (const dir of new Set(files.map((f) => dirname(f.path)))) await sweepStale(dir, fs);
  try {
    for (const f of files) {
      await checkTarget(fs, f.path);
      await fs.mkdir(dirname(f.path), { recursive: true });
      const temp = tempName(f.path);
      pending.push({ target: f.path, temp });
      await (f.mode === undefined ? fs.writeFile(temp, f.data) : fs.writeFile(temp, f.data, f.mode));
    }
  } catch (e) {
    await discard(pending, fs);
    throw e;
  }
  return pending;
}

export async function commit(pending: readonly PendingWrite[], fs: WriteFs = realFs): Promise<void> {
  for (let i = 0; i < pending.length; i++) {
    try {
      await fs.rename(pending[i]!.temp, pending[i]!.target);
    } catch (e) {
      await discard(pending.slice(i), fs);
      throw e;
    }
  }
}

export async function discard(pending: readonly PendingWrite[], fs: WriteFs = realFs): Promise<void> {
  for (const p of pending) await fs.unlink(p.temp).catch(() => undefined);
}

/** Writes one file atomically. */
export async function writeAtomic(path: string, data: Content, fs: WriteFs = realFs, mode?: number): Promise<void> {
  await commit(await stageFiles([{ path, data, ...(mode === undefined ? {} : { mode }) }], fs), fs);
}

/** A file's bytes when it is a regular file; undefined otherwise (readFile on a FIFO waits forever). */
export async function readRegular(path: string): Promise<Buffer | undefined> {
  try {
    if (!(await nodeFs.stat(path)).isFile()) return undefined;
    return await nodeFs.readFile(path);
  } catch {
    return undefined;
  }
}

/** Another mj is writing the folder and did not finish in time. */
export class FolderBusy extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(`busy: ${dir}`);
  }
}

export const LOCK_FILE = '.mj-report.lock';

/**
 * Takes the folder's lock, waiting up to `waitMs` for another live mj to let go; a lock left by a
 * dead process is taken over. The lock file appears whole, holding this process's id: it is
 * written under a temp name and hard-linked into place (a link fails when the lock exists), so no
 * reader ever sees an empty lock. Returns the function that lets go.
 */
export async function lockFolder(dir: string, fs: WriteFs = realFs, waitMs = 10_000): Promise<() => Promise<void>> {
  const lock = join(dir, LOCK_FILE);
  const until = Date.now() + waitMs;
  await fs.mkdir(dir, { recursive: true });
  const mine = tempName(lock);
  await nodeFs.writeFile(mine, `${process.pid}\n`, { flag: 'wx' });
  try {
    for (;;) {
      try {
        await nodeFs.link(mine, lock);
        return async () => nodeFs.unlink(lock).catch(() => undefined);
      } catch (e) {
        if ((e as { code?: string }).code !== 'EEXIST') throw e;
      }
      const pid = Number((await readRegular(lock))?.toString('utf8').trim() ?? '');
      if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) {
        // A dead run's lock: removed only if it is still that one (another may have taken over).
        const again = Number((await readRegular(lock))?.toString('utf8').trim() ?? '');
        if (again === pid) await nodeFs.unlink(lock).catch(() => undefined);
        continue;
      }
      if (Date.now() > until) throw new FolderBusy(dir, pid);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await nodeFs.unlink(mine).catch(() => undefined);
  }
}
