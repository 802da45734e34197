// `mj score YEAR`: the 基层支部年度工作量化考核评分表 of every branch, or with --explain ORG how
// each of one branch's points was reached. `mj subsidy YEAR`: the activity-fund subsidy.

import { subtree } from '../compute/scope.js';
import { explainBranch } from '../compute/explain.js';
import { t } from '../i18n/cli.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { loadBase, type Dataset } from '../load/dataset.js';
import type { LoadContext } from '../load/context.js';
import { renderExplanation, renderExplanationJson } from '../render/explain.js';
import { scoresTable } from '../tables/scores-table.js';
import { subsidyTable } from '../tables/subsidy-table.js';
import type { Lang } from '../diagnostics/codes.js';
import { checkOrg, langOf, openDataset, parseYear, renderDiagnostics, tableLang, writeOut } from './common.js';
import { destination, emit, inputFiles, renderTable, stopOnErrors, type OutputOptions } from './output.js';
import { computeYear, scoresOf, subsidyOf } from './year.js';

export interface ScoreOptions extends OutputOptions {
  readonly org?: string;
  readonly explain?: string;
}

/** Opens the dataset and loads its base; an exit code when that is not possible. */
export async function openBase(opts: OutputOptions, io: Io, lang: Lang): Promise<{ ctx: LoadContext; ds: Dataset } | ExitCode> {
  const opened = await openDataset(opts, io, lang);
  if ('missing' in opened) {
    writeOut(io.stderr, await renderDiagnostics([opened.missing], undefined, undefined, io, lang, 'text', 200, false, undefined));
    return EXIT.usage;
  }
  const ds = await loadBase(opened);
  if (ds === undefined) return (await stopOnErrors(opened, ds, opts, io, lang)) ?? EXIT.data;
  return { ctx: opened, ds };
}

/** What a year's table command starts with: its language, year, destination, dataset and --org. */
async function startYearCommand(yearText: string, opts: ScoreOptions, io: Io) {
  const lang = langOf(opts, io);
  const year = parseYear(yearText, lang);
  const dest = destination(opts, io, lang);
  const opened = await openBase(opts, io, lang);
  if (typeof opened === 'number') return opened;
  return { lang, year, dest, ...opened, orgFilter: checkOrg(opts.org, opened.ds, lang) };
}

export async function runScore(yearText: string, opts: ScoreOptions, io: Io): Promise<ExitCode> {
  const started = await startYearCommand(yearText, opts, io);
  if (typeof started === 'number') return started;
  const { lang, year, dest, ctx, ds, orgFilter } = started;
  const explainId = checkOrg(opts.explain, ds, lang);
  const y = await computeYear(ctx, ds, year, { scores: true, stats: false, keepFor: explainId });
  if (explainId !== undefined && !y.scope.branchIndex.has(explainId)) {
    throw new UsageError(t(lang, 'usage.unknownBranch', { value: explainId, year }));
  }
  const stop = await stopOnErrors(ctx, ds, opts, io, lang);
  if (stop !== undefined) return stop;

  const scores = scoresOf(y);
  const tl = tableLang(opts, ds.config.locale);
  const inputs = inputFiles(ds, year);
  if (explainId !== undefined) {
    const explanation = explainBranch(y.scope, y.rubric!, scores, explainId, y.kept, y.assessments);
    const text = dest.format === 'json' ? renderExplanationJson(explanation) : renderExplanation(explanation, tl);
    return emit(text, dest, inputs, io, lang);
  }
  const only = orgFilter === undefined ? undefined : subtree(ds.orgs, orgFilter);
  const table = scoresTable({ datasetName: ds.config.name, rubric: y.rubric!, scores, orgById: ds.orgById, only, orgFilter, lang: tl });
  return emit(await renderTable(table, dest.format, opts, io, tl, dest.path !== undefined, ds.config.name), dest, inputs, io, lang);
}

export async function runSubsidy(yearText: string, opts: ScoreOptions, io: Io): Promise<ExitCode> {
  const started = await startYearCommand(yearText, opts, io);
  if (typeof started === 'number') return started;
  const { lang, year, dest, ctx, ds, orgFilter } = started;
  const y = await computeYear(ctx, ds, year, { scores: true, stats: false });
  const stop = await stopOnErrors(ctx, ds, opts, io, lang);
  if (stop !== undefined) return stop;
  if (!y.rubric!.subsidy) throw new UsageError(t(lang, 'usage.noSubsidyRule', { year }));
  const scores = scoresOf(y);
  const tl = tableLang(opts, ds.config.locale);
  const table = subsidyTable({
    datasetName: ds.config.name, rubric: y.rubric!, branches: y.scope.branches, result: subsidyOf(y, scores)!,
    only: orgFilter === undefined ? undefined : subtree(ds.orgs, orgFilter), orgFilter, lang: tl,
  });
  return emit(await renderTable(table, dest.format, opts, io, tl, dest.path !== undefined, ds.config.name), dest, inputFiles(ds, year), io, lang);
}
