// `mj stats branches|members|roster` and `mj progress`: the statistics tables and "三个一"
// progress of a year, from the roster and one pass over the year's records.

import { makeScope } from '../compute/scope.js';
import type { Lang } from '../diagnostics/codes.js';
import { t } from '../i18n/cli.js';
import { yearEnd, type Day } from '../model/types.js';
import { UsageError, type ExitCode, type Io } from '../io.js';
import { unlessErrors } from '../pipeline/base.js';
import { countYear, practiceYear } from '../pipeline/year.js';
import { reserveDoc, reserveStructureDoc, trainingDocs } from './practice-docs.js';
import { TABLE_RENDERERS } from '../render/registry.js';
import { rosterTable } from '../tables/roster-table.js';
import { branchesTable, membersTable, progressTable } from '../tables/stats-tables.js';
import type { Table } from '../tables/table.js';
import { parseDate, yearOf } from '../util/dates.js';
import { checkOrg, langOf, orgLimit, noteWarnings, openBaseOf, parseYear, printProblems, tableLang } from './common.js';
import { inputGuard } from './inputs.js';
import { destination, emit, refuseInput, renderOptions, type OutputOptions } from './output.js';

export interface StatsOptions extends OutputOptions {
  readonly org?: string;
  readonly by?: string;
  readonly mask?: boolean;
  readonly asOf?: string;
}

export type StatsKind = 'branches' | 'members' | 'roster' | 'progress' | 'trainings' | 'trainees' | 'reserve' | 'reserve-structure';

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
  if ((kind === 'branches' || kind === 'members' || kind === 'trainings' || kind === 'trainees') && opts.asOf !== undefined) throw new UsageError(t(lang, 'usage.noAsOf', { command: `stats ${kind}` }));
  const asOf = asOfDay(opts.asOf, year, lang);
  if (year === undefined) {
    if (asOf === undefined) throw new UsageError(t(lang, 'usage.yearOrAsOf'));
    year = yearOf(asOf);
  }
  const grouped = byGroup(opts.by, lang);
  const opened = await openBaseOf(opts, io, lang, [year]);
  if (!opened.ok) return printProblems(opened.problems, opts, io, lang);
  const base = opened.value;
  const { ds } = base;
  const orgFilter = checkOrg(opts.org, ds, lang);
  const tl = tableLang(opts, ds.config.locale);
  const { only, label } = orgLimit(orgFilter, ds, tl);
  const common = { datasetName: ds.config.name, lang: tl, only, orgFilter: label };
  // An output onto an input is refused before anything is read.
  const guard = await inputGuard(ds);
  if (dest.path !== undefined) await refuseInput(guard, dest.path, io, lang);
  const write = async (table: Table): Promise<ExitCode> =>
    emit(await TABLE_RENDERERS[dest.format](table, renderOptions(opts, io, lang, tl, dest.path !== undefined, ds.config.name)), dest, guard, io, lang);

  const settings = { lang: tl, mask: opts.mask === true, only, orgFilter: label };
  if (kind === 'roster' || kind === 'reserve-structure') {
    const clean = unlessErrors(base, undefined);
    if (!clean.ok) return printProblems(clean.problems, opts, io, lang);
    noteWarnings(base, io, lang);
    if (kind === 'reserve-structure') return write(reserveStructureDoc(ds, year, asOf ?? yearEnd(year), settings));
    return write(rosterTable({ ...common, orgsInTreeOrder: makeScope(ds.orgs, [], year).orgsInTreeOrder, members: ds.members, year, asOf: asOf ?? yearEnd(year) }));
  }
  if (kind === 'trainings' || kind === 'trainees') {
    const result = await practiceYear(base, year);
    if (!result.ok) return printProblems(result.problems, opts, io, lang);
    noteWarnings(base, io, lang);
    const docs = trainingDocs(ds, result.value, settings);
    return write(kind === 'trainings' ? docs.trainings : docs.trainees);
  }

  // Only the members table shows the members' points; the other tables are not kept waiting for them.
  const result = await countYear(base, year, asOf, { memberPoints: kind === 'members' });
  if (!result.ok) return printProblems(result.problems, opts, io, lang);
  const counted = result.value;
  noteWarnings(base, io, lang);
  const input = { ...common, scope: counted.scope, counts: counted.stats, byGroup: grouped, mask: opts.mask === true };
  let table: Table;
  if (kind === 'reserve') table = reserveDoc(ds, counted, settings);
  else if (kind === 'branches') table = branchesTable(input);
  else if (kind === 'members') table = membersTable({ ...input, points: counted.memberPoints });
  else table = progressTable(input);
  return write(table);
}
