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
  const root = await realTarget(ds.root);
  const mine = own === undefined ? undefined : await realTarget(own);
  const rel: (string | undefined)[] = [CONFIG_FILE, ds.files.orgs, ds.files.members];
  for (const list of [ds.files.activities, ds.files.assessments, ds.files.rubrics]) for (const f of list) rel.push(f.file);
  const inputs = new Set<string>();
  for (const f of rel) if (f !== undefined) inputs.add(await realTarget(join(ds.root, f)));
  const f = ds.config.files;
  const patterns = [CONFIG_FILE, ...f.orgs, ...f.members, ...f.activities, ...f.assessments, ...f.rubrics, `${LOCK_DIR}/{year}.yaml`].map(patternRegex);
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
