// The pipeline of `mj validate`: every file of the dataset — settings, org tree, roster, and
// each year's rubric, assessments and duty records — read and checked, nothing computed. Every
// problem lands in the context's diagnostics; the result says what was read. Closed years'
// files are held against their lock files (closed/YEAR.yaml).

import { fileOfYear, loadBase, loadYearAssessments, loadYearRubric, streamYear, yearsOf, type Dataset } from '../load/dataset.js';
import type { LoadContext } from '../load/context.js';
import { checkClosedYears } from './closed.js';
import { SCAN_WORKER } from './folds.js';

export interface Validated {
  /** Undefined without a usable mj.yaml. */
  readonly dataset: Dataset | undefined;
  /** Record rows read, per year with a records file. */
  readonly records: ReadonlyMap<number, number>;
  /** Years whose rubric is valid. */
  readonly rubricYears: readonly number[];
}

export async function validateAll(ctx: LoadContext): Promise<Validated> {
  const ds = await loadBase(ctx);
  const records = new Map<number, number>();
  const rubricYears: number[] = [];
  if (ds) {
    for (const year of yearsOf(ds)) {
      const rubric = await loadYearRubric(ctx, ds, year);
      if (rubric) rubricYears.push(year);
      await loadYearAssessments(ctx, ds, year, fileOfYear(ds.files.rubrics, year) === undefined ? undefined : rubric);
      // Nothing is counted (no folds), but a large file is still read on two cores.
      const stats = await streamYear(ctx, ds, year, { folds: [], split: { specs: [], workerUrl: SCAN_WORKER } });
      if (stats) records.set(year, stats.rows);
    }
    // Closed years (mj close): their files as they were closed.
    await checkClosedYears(ctx, ds);
  }
  return { dataset: ds, records, rubricYears };
}
