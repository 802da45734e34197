// A revision's dataset as a folder mj can read: the files git holds for that commit below the
// dataset's prefix, the ones `wanted` picks, written from git's objects into a new temporary
// folder outside the work tree (nothing is checked out, the work tree is never touched). The
// folder is removed by `dispose`.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { blobInto, treeFiles, type TreeFile } from './git.js';

export interface Snapshot {
  /** The folder holding the revision's files. */
  readonly dir: string;
  /** Every regular file of the revision below the prefix (paths relative to it). */
  readonly files: readonly TreeFile[];
  /** Writes more of the revision's files into the folder (those not written yet). */
  add(wanted: (path: string) => boolean): Promise<void>;
  dispose(): Promise<void>;
}

export async function snapshot(top: string, commit: string, prefix: string): Promise<Snapshot> {
  const files = await treeFiles(top, commit, prefix);
  const dir = await mkdtemp(join(tmpdir(), 'mj-rev-'));
  const written = new Set<string>();
  return {
    dir,
    files,
    async add(wanted) {
      for (const f of files) {
        if (written.has(f.path) || !wanted(f.path)) continue;
        const target = join(dir, ...f.path.split('/'));
        await mkdir(dirname(target), { recursive: true });
        await blobInto(top, f.blob, target);
        written.add(f.path);
      }
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
