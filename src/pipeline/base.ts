// The first stages: find the dataset, then load its base (settings, org tree, roster) with their
// checks. Stops on a missing dataset or an unusable mj.yaml; errors in the base files stop the
// commands that compute (a year stage), not the ones that only validate.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findRoot } from '../load/config.js';
import { LoadContext, type LoadOptions } from '../load/context.js';
import { loadBase, type Dataset } from '../load/dataset.js';
import { cacheEnabled } from '../repo/cache.js';
import { SCAN_WORKER } from './folds.js';
import { done, stopped, type Stage } from './stage.js';

export interface Base {
  readonly ctx: LoadContext;
  readonly ds: Dataset;
}

/** The dataset root and a loading context, or MJ001. */
export async function openContext(cwd: string, data: string | undefined, options: LoadOptions): Promise<Stage<LoadContext>> {
  const root = await findRoot(cwd, data);
  if (root === undefined) {
    const where = data === undefined ? '@no-config-up' : `@no-config-in:${data}`;
    const missing: Diagnostic = { severity: 'error', code: 'MJ001', file: '', line: 0, column: 0, params: { where } };
    return stopped({ missing, ctx: undefined, dataset: undefined });
  }
  // A large records file's later part may be read by a worker started while the base loads
  // (when asked for) — not where the dataset keeps a cache (.mj/), whose unchanged files are replayed.
  const cached = options.early === true && options.cacheBuild !== undefined && (await cacheEnabled(root));
  const early = options.early === true && options.prefetchYears !== undefined && !cached ? SCAN_WORKER : undefined;
  return done(new LoadContext(root, { ...options, earlyWorker: early }));
}

/** Opens the dataset and loads its base; stops without a usable mj.yaml. */
export async function openBase(cwd: string, data: string | undefined, options: LoadOptions): Promise<Stage<Base>> {
  const opened = await openContext(cwd, data, options);
  if (!opened.ok) return opened;
  const ctx = opened.value;
  const ds = await loadBase(ctx);
  if (ds === undefined) return stopped({ missing: undefined, ctx, dataset: undefined });
  return done({ ctx, ds });
}

/** Stops when anything read so far has an error (a command writes nothing from bad data). */
export function unlessErrors<T>(base: Base, value: T): Stage<T> {
  return base.ctx.diagnostics.errors > 0 ? stopped({ missing: undefined, ctx: base.ctx, dataset: base.ds }) : done(value);
}
