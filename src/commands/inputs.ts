// mj never writes where it reads: an output is refused when its real path (links resolved, also
// through links in the folders above it) is one of the dataset's input files, or falls where the
// dataset's file patterns would read it later (mj.yaml, orgs.yaml, members.csv, activities/2020.csv
// — whether or not that file exists yet), closed years' lock files (closed/2019.yaml) included.
// One guard per command, used for every file it writes or removes; mj close and mj reopen name
// the one lock file they write as their own.

import { realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE } from '../load/config.js';
import type { Dataset } from '../load/dataset.js';
import { LOCK_DIR } from '../model/closed.js';

export interface InputGuard {
  /** Why `path` may not be written or removed: it is an input, or where an input would be read; else undefined. */
  clash(path: string): Promise<'input' | 'input-pattern' | undefined>;
}

/** The real path of a file that may not exist yet: the nearest existing folder above, resolved. */
export async function realTarget(path: string): Promise<string> {
  const abs = resolve(path);
  try {
    return await realpath(abs);
  } catch {
    const up = dirname(abs);
    return up === abs ? abs : join(await realTarget(up), basename(abs));
  }
}

function patternRegex(pattern: string): RegExp {
  const escaped = pattern.split('{year}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\d{4}');
  return new RegExp(`^${escaped}$`, process.platform === 'win32' || process.platform === 'darwin' ? 'i' : '');
}

export async function inputGuard(ds: Dataset, own?: string): Promise<InputGuard> {
  const rel: (string | undefined)[] = [CONFIG_FILE, ds.files.orgs, ds.files.members];
  const { transfers, reserve, liaisons, inspections, findings, leaders } = ds.files;
  rel.push(transfers, reserve, liaisons, inspections, findings, leaders);
  for (const list of [ds.files.activities, ds.files.assessments, ds.files.rubrics, ds.files.reviews]) for (const f of list) rel.push(f.file);
  return guardOf(ds.root, rel.filter((f): f is string => f !== undefined), Object.values(ds.config.files).flat(), own);
}

/** The guard of a dataset at `root` whose input files are `files` and whose patterns (mj.yaml's `files:`) are `patterns`. */
export async function guardOf(root0: string, files: readonly string[], patterns0: readonly string[], own?: string): Promise<InputGuard> {
  const root = await realTarget(root0);
  const mine = own === undefined ? undefined : await realTarget(own);
  const inputs = new Set<string>();
  for (const f of [CONFIG_FILE, ...files]) inputs.add(await realTarget(join(root0, f)));
  const patterns = [CONFIG_FILE, ...patterns0, `${LOCK_DIR}/{year}.yaml`].map(patternRegex);
  return {
    async clash(path) {
      const real = await realTarget(path);
      if (real === mine) return undefined;
      if (inputs.has(real)) return 'input';
      const inside = relative(root, real);
      if (inside.startsWith('..') || inside === '' || resolve(root, inside) !== real) return undefined;
      const posixPath = inside.split(sep).join('/');
      return patterns.some((p) => p.test(posixPath)) ? 'input-pattern' : undefined;
    },
  };
}
