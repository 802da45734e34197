// `mj liaison YEAR`, `mj leadership YEAR`, `mj inspections [YEAR]` and `mj trend FROM..TO`: the
// practices beside the score sheet, and the years side by side. Each is a table drawn by the
// renderer registry, like the statistics.

import type { Lang } from '../diagnostics/codes.js';
import { t } from '../i18n/cli.js';
import { UsageError, type ExitCode, type Io } from '../io.js';
import type { Base } from '../pipeline/base.js';
import type { Dataset } from '../load/dataset.js';
import type { Counted, Practised } from '../pipeline/year.js';
import { practiceYear, trendYears } from '../pipeline/year.js';
import { TABLE_RENDERERS } from '../render/registry.js';
import type { Table } from '../tables/table.js';
import { trendBranchesTable, trendTable } from '../tables/trend-table.js';
import { parseDate } from '../util/dates.js';
import { checkOrg, langOf, orgLimit, noteWarnings, openBaseOf, parseYear, printProblems, tableLang } from './common.js';
import { inputGuard, type InputGuard } from './inputs.js';
import { inspectionDay, inspectionDocs, leadershipDoc, liaisonDoc, trendOfResults, type DocSettings } from './practice-docs.js';
import { destination, emit, refuseInput, renderOptions, type Destination, type OutputOptions } from './output.js';
import { unlessErrors } from '../pipeline/base.js';

export interface PracticeOptions extends OutputOptions {
  readonly org?: string;
  readonly mask?: boolean;
  /** mj liaison: only the orgs with no visit. */
  readonly unvisited?: boolean;
  /** mj inspections: the day measures are judged on, and the list of open measures. */
  readonly asOf?: string;
  readonly open?: boolean;
  /** mj trend: one row per branch. */
  readonly branches?: boolean;
}

interface Started {
  readonly lang: Lang;
  readonly dest: Destination;
  readonly base: Base;
  readonly guard: InputGuard;
  readonly settings: DocSettings;
  write(table: Table): Promise<ExitCode>;
}

async function start(opts: PracticeOptions, io: Io): Promise<Started | ExitCode> {
  const lang = langOf(opts, io);
  const dest = destination(opts, io, lang);
  const opened = await openBaseOf(opts, io, lang);
  if (!opened.ok) return printProblems(opened.problems, opts, io, lang);
  const base = opened.value;
  const { ds } = base;
  const orgFilter = checkOrg(opts.org, ds, lang);
  const guard = await inputGuard(ds);
  if (dest.path !== undefined) await refuseInput(guard, dest.path, io, lang);
  const tl = tableLang(opts, ds.config.locale);
  const limit = orgLimit(orgFilter, ds, tl);
  const settings: DocSettings = { lang: tl, mask: opts.mask === true, only: limit.only, orgFilter: limit.label };
  return {
    lang, dest, base, guard, settings,
    write: async (table) => emit(await TABLE_RENDERERS[dest.format](table, renderOptions(opts, io, lang, tl, dest.path !== undefined, ds.config.name)), dest, guard, io, lang),
  };
}

/** A practice table of one year (liaison, leadership): the year's practices read, then the table written. */
async function runPracticeYear(yearText: string, opts: PracticeOptions, io: Io, doc: (ds: Dataset, y: Counted & Practised, settings: DocSettings) => Table): Promise<ExitCode> {
  const year = parseYear(yearText, langOf(opts, io));
  const s = await start(opts, io);
  if (typeof s === 'number') return s;
  const result = await practiceYear(s.base, year);
  if (!result.ok) return printProblems(result.problems, opts, io, s.lang);
  noteWarnings(s.base, io, s.lang);
  return s.write(doc(s.base.ds, result.value, s.settings));
}

export function runLiaison(yearText: string, opts: PracticeOptions, io: Io): Promise<ExitCode> {
  return runPracticeYear(yearText, opts, io, (ds, y, settings) => liaisonDoc(ds, y, settings, opts.unvisited === true));
}

export function runLeadership(yearText: string, opts: PracticeOptions, io: Io): Promise<ExitCode> {
  return runPracticeYear(yearText, opts, io, leadershipDoc);
}

export async function runInspections(yearText: string | undefined, opts: PracticeOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const year = yearText === undefined ? undefined : parseYear(yearText, lang);
  let asOf: number | undefined;
  if (opts.asOf !== undefined) {
    const r = parseDate(opts.asOf);
    if (!r.ok) throw new UsageError(t(lang, 'usage.badDate', { value: opts.asOf }));
    asOf = r.day;
  }
  const s = await start(opts, io);
  if (typeof s === 'number') return s;
  // Only the base is read: stop on its errors, as the year stages do.
  const clean = unlessErrors(s.base, undefined);
  if (!clean.ok) return printProblems(clean.problems, opts, io, lang);
  noteWarnings(s.base, io, lang);
  const { ds } = s.base;
  const docs = inspectionDocs(ds, year, asOf ?? inspectionDay(ds, year), asOf !== undefined, s.settings);
  return s.write(opts.open ? docs.open : docs.summary);
}

/** FROM..TO (or one year): the years of a trend. */
export function parseRange(text: string, lang: Lang): { from: number; to: number } {
  const m = /^(\d{4})(?:\.\.(\d{4}))?$/.exec(text);
  if (!m) throw new UsageError(t(lang, 'usage.badRange', { value: text }));
  const from = Number(m[1]), to = Number(m[2] ?? m[1]);
  if (to < from || to - from > 50) throw new UsageError(t(lang, 'usage.badRange', { value: text }));
  return { from, to };
}

export async function runTrend(rangeText: string, opts: PracticeOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const { from, to } = parseRange(rangeText, lang);
  const s = await start(opts, io);
  if (typeof s === 'number') return s;
  const result = await trendYears(s.base, Array.from({ length: to - from + 1 }, (_, k) => from + k));
  if (!result.ok) return printProblems(result.problems, opts, io, lang);
  noteWarnings(s.base, io, lang);
  const { ds } = s.base;
  const trend = trendOfResults(ds, result.value, s.settings.only);
  const input = { datasetName: ds.config.name, lang: s.settings.lang, from, to, trend, orgFilter: s.settings.orgFilter };
  return s.write(opts.branches ? trendBranchesTable(input) : trendTable(input));
}
