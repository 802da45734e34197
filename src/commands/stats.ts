// `mj stats branches|members|roster` and `mj progress`: the statistics tables and "三个一"
// progress of a year, from the roster and one pass over the year's records.

import { makeScope, subtree } from '../compute/scope.js';
import type { Lang } from '../diagnostics/codes.js';
import { t } from '../i18n/cli.js';
import type { Day } from '../model/types.js';
import { UsageError, type ExitCode, type Io } from '../io.js';
import { rosterTable } from '../tables/roster-table.js';
import { branchesTable, memberPoints, membersTable, progressTable } from '../tables/stats-tables.js';
import type { Table } from '../tables/table.js';
import { parseDate, yearOf } from '../util/dates.js';
import { checkOrg, langOf, parseYear, tableLang } from './common.js';
import { destination, emit, inputFiles, renderTable, stopOnErrors, type OutputOptions } from './output.js';
import { openBase } from './score.js';
import { computeYear } from './year.js';

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
  const opened = await openBase(opts, io, lang);
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
    table = rosterTable({ ...base, orgsInTreeOrder: makeScope(ds.orgs, [], year).orgsInTreeOrder, members: ds.members, year, asOf: asOf ?? year * 10000 + 1231 });
    return emit(await renderTable(table, dest.format, opts, io, tl, dest.path !== undefined, ds.config.name), dest, inputFiles(ds, undefined), io, lang);
  }

  const y = await computeYear(ctx, ds, year, { scores: false, stats: true, asOf });
  const stop = await stopOnErrors(ctx, ds, opts, io, lang);
  if (stop !== undefined) return stop;
  const input = { ...base, scope: y.scope, counts: y.stats!, byGroup: grouped, mask: opts.mask === true };
  if (kind === 'branches') table = branchesTable(input);
  else if (kind === 'members') table = membersTable({ ...input, points: memberPoints(y.rubric, y.scoreCounts) });
  else table = progressTable(input);
  return emit(await renderTable(table, dest.format, opts, io, tl, dest.path !== undefined, ds.config.name), dest, inputFiles(ds, year), io, lang);
}
