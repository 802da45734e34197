// `mj stats branches|members|roster` and `mj progress`: the statistics tables and "三个一"
// progress of a year, from the roster and one pass over the year's records.

import { ScoreCounts } from '../compute/score-counts.js';
import { makeScope, subtree } from '../compute/scope.js';
import { StatsCounts } from '../compute/stats.js';
import type { Lang } from '../diagnostics/codes.js';
import { t } from '../i18n/cli.js';
import { DEFAULT_THREE_ONES } from '../model/rubric.js';
import type { Day } from '../model/types.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { fileOfYear, loadBase, loadYearRules, streamYearRequired, type Dataset } from '../load/dataset.js';
import type { LoadContext } from '../load/context.js';
import { rosterTable } from '../tables/roster-table.js';
import { branchesTable, memberPoints, membersTable, progressTable } from '../tables/stats-tables.js';
import type { Table } from '../tables/table.js';
import { parseDate, yearOf } from '../util/dates.js';
import { checkOrg, langOf, openDataset, parseYear, renderDiagnostics, tableLang } from './common.js';
import { destination, emit, inputFiles, renderTable, stopOnErrors, type OutputOptions } from './output.js';

export interface StatsOptions extends OutputOptions {
  readonly org?: string;
  readonly by?: string;
  readonly mask?: boolean;
  readonly asOf?: string;
}

export type StatsKind = 'branches' | 'members' | 'roster' | 'progress';

function byGroup(value: string | undefined, lang: Lang): boolean {
  if (value === undefined) return false;
  if (value === '市委会' || value === 'city') return true;
  throw new UsageError(t(lang, 'usage.badBy', { value }));
}

/** --as-of: a date inside the year. */
export function asOfDay(value: string | undefined, year: number | undefined, lang: Lang): Day | undefined {
  if (value === undefined) return undefined;
  const r = parseDate(value);
  if (!r.ok) throw new UsageError(t(lang, 'usage.badDate', { value }));
  if (year !== undefined && yearOf(r.day) !== year) throw new UsageError(t(lang, 'usage.asOfOutsideYear', { value, year }));
  return r.day;
}

async function open(opts: StatsOptions, io: Io, lang: Lang): Promise<{ ctx: LoadContext; ds: Dataset } | ExitCode> {
  const opened = await openDataset(opts, io, lang);
  if ('missing' in opened) {
    io.stderr(await renderDiagnostics([opened.missing], undefined, undefined, io, lang, 'text', 200, false, undefined));
    return EXIT.usage;
  }
  const ds = await loadBase(opened);
  if (ds === undefined) return (await stopOnErrors(opened, ds, opts, io, lang)) ?? EXIT.data;
  return { ctx: opened, ds };
}

export async function runStats(kind: StatsKind, yearText: string | undefined, opts: StatsOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const dest = destination(opts, io, lang);
  let year = yearText === undefined ? undefined : parseYear(yearText, lang);
  if ((kind === 'branches' || kind === 'members') && opts.asOf !== undefined) throw new UsageError(t(lang, 'usage.noAsOf', { command: `stats ${kind}` }));
  const asOf = asOfDay(opts.asOf, year, lang);
  if (year === undefined) {
    if (asOf === undefined) throw new UsageError(t(lang, 'usage.yearOrAsOf'));
    year = yearOf(asOf);
  }
  const grouped = byGroup(opts.by, lang);
  const opened = await open(opts, io, lang);
  if (typeof opened === 'number') return opened;
  const { ctx, ds } = opened;
  const orgFilter = checkOrg(opts.org, ds, lang);
  const only = orgFilter === undefined ? undefined : subtree(ds.orgs, orgFilter);
  const tl = tableLang(opts, ds.config.locale);
  const base = { datasetName: ds.config.name, lang: tl, only, orgFilter };

  let table: Table;
  if (kind === 'roster') {
    const stop = await stopOnErrors(ctx, ds, opts, io, lang);
    if (stop !== undefined) return stop;
    const scope = makeScope(ds.orgs, ds.members, year, asOf);
    table = rosterTable({ ...base, orgsInTreeOrder: scope.orgsInTreeOrder, members: ds.members, year, asOf: scope.asOf });
    return emit(renderTable(table, dest.format, opts, io, tl, dest.path !== undefined), dest, inputFiles(ds, undefined).filter((f) => /mj\.yaml$|orgs|members/.test(f)), io, lang);
  }

  // The year's rubric decides "三个一" (three_ones:) and member points, when there is one.
  const hasRubric = fileOfYear(ds.files.rubrics, year) !== undefined;
  const rules = hasRubric ? await loadYearRules(ctx, ds, year) : undefined;
  const rubric = rules?.rubric;
  const scope = makeScope(ds.orgs, ds.members, year, asOf);
  const counts = new StatsCounts(scope, rubric?.threeOnes ?? DEFAULT_THREE_ONES, asOf ?? scope.lastDay);
  const scoreCounts = kind === 'members' && rubric && rubric.memberItems.length > 0 ? new ScoreCounts(scope, rubric) : undefined;
  await streamYearRequired(ctx, ds, year, (a) => {
    counts.visit(a);
    scoreCounts?.visit(a);
  });
  const stop = await stopOnErrors(ctx, ds, opts, io, lang);
  if (stop !== undefined) return stop;

  const input = { ...base, scope, counts, byGroup: grouped, mask: opts.mask === true };
  if (kind === 'branches') table = branchesTable(input);
  else if (kind === 'members') table = membersTable({ ...input, points: memberPoints(rubric, scoreCounts) });
  else table = progressTable(input);
  return emit(renderTable(table, dest.format, opts, io, tl, dest.path !== undefined), dest, inputFiles(ds, year), io, lang);
}
