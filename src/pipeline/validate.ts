// The pipeline of `mj validate`: every file of the dataset — settings, org tree, roster, and
// each year's rubric, assessments and duty records — read and checked, nothing computed. Every
// problem lands in the context's diagnostics; the result says what was read. Closed years'
// files are held against their lock files (closed/YEAR.yaml), and items measured by an earlier
// year's points against that year's rubric (MJ418, MJ419).

import { fileOfYear, loadBase, requireRecordsFile, loadYearAssessments, loadYearReviews, loadYearRubric, yearsOf, type Dataset } from '../load/dataset.js';
import type { LoadContext } from '../load/context.js';
import type { CourseCount } from '../compute/trainings.js';
import { makeFold, SCAN_WORKER, type CountSpec } from './folds.js';
import { checkNewMemberCourse } from './trainings.js';
import { checkClosedYears } from './closed.js';
import { earlierRefs } from '../checks/rubric.js';
import { compileRubric } from '../load/compile-rubric.js';
import type { LoadedRubric } from '../load/rubric.js';
import { earlierItems, type Rubric } from '../model/rubric.js';
import { cacheBase, cachedStreamYear } from './cache.js';

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
    const rubrics = new Map<number, LoadedRubric | null>();
    // Unchanged records files are replayed from .mj/cache when the dataset keeps one (cache.ts).
    const cache = await cacheBase(ctx, ds);
    for (const year of yearsOf(ds)) {
      const rubric = await loadYearRubric(ctx, ds, year);
      if (rubric) rubricYears.push(year);
      if (fileOfYear(ds.files.rubrics, year) !== undefined) rubrics.set(year, rubric ?? null);
      await loadYearAssessments(ctx, ds, year, fileOfYear(ds.files.rubrics, year) === undefined ? undefined : rubric);
      // Nothing is counted (no folds) — but the year's 新会员培训班 when mj.yaml asks for one —
      // and a large file is still read on two cores.
      const specs: CountSpec[] = ds.config.training.requireNewMemberCourse ? [{ kind: 'courses', rule: ds.config.training }] : [];
      const folds = specs.map((spec) => makeFold(spec, ds.vocab));
      const stats = await cachedStreamYear(ctx, ds, year, { folds, split: { specs, workerUrl: SCAN_WORKER } }, specs, cache);
      if (stats) records.set(year, stats.rows);
      if (stats && folds.length > 0) checkNewMemberCourse(ctx, ds, year, (folds[0] as CourseCount).count);
      await loadYearReviews(ctx, ds, year);
    }
    // measure: earlier — each rubric's items against the earlier years' rubrics.
    checkEarlierRefs(ctx, ds, rubrics);
    // Closed years (mj close): their files as they were closed.
    await checkClosedYears(ctx, ds);
  }
  return { dataset: ds, records, rubricYears };
}

function checkEarlierRefs(ctx: LoadContext, ds: Dataset, rubrics: ReadonlyMap<number, LoadedRubric | null>): void {
  const compiled = new Map<number, Rubric | null>();
  const earlier = (y: number): Rubric | null | undefined => {
    if (!rubrics.has(y)) return undefined;
    if (!compiled.has(y)) {
      const r = rubrics.get(y);
      compiled.set(y, r ? compileRubric(r.rubric, y) : null);
    }
    return compiled.get(y);
  };
  const needed = new Set<number>();
  // Latest year first, so that a year needed by a later one asks in turn for the years it needs.
  for (const [year, loaded] of [...rubrics].sort((a, b) => b[0] - a[0])) {
    const own = loaded ? earlier(year) : undefined;
    if (!loaded || !own || earlierItems(own).length === 0) continue;
    for (const d of earlierRefs(loaded.rubric, { file: loaded.file, year, locate: (p) => loaded.doc.locate(p) }, earlier)) ctx.report(d);
    // An earlier year with a rubric is scored from its records, as mj score does: without its
    // records file, score stops (MJ002), so validate says so too.
    const scored = needed.has(year) || fileOfYear(ds.files.activities, year) !== undefined;
    for (const back of scored ? new Set(earlierItems(own).map((it) => it.earlier!.back)) : []) {
      const y = year - back;
      if (rubrics.get(y) && !needed.has(y)) {
        needed.add(y);
        requireRecordsFile(ctx, ds, y, year);
      }
    }
  }
}
