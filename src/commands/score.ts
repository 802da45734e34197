// `mj score YEAR`: the 基层支部年度工作量化考核评分表 of every branch, or with --explain ORG how
// each of one branch's points was reached. `mj subsidy YEAR`: the activity-fund subsidy.

import { subtree } from '../compute/scope.js';
import type { Lang } from '../diagnostics/codes.js';
import { t } from '../i18n/cli.js';
import { UsageError, type ExitCode, type Io } from '../io.js';
import type { Base } from '../pipeline/base.js';
import { scoreYear } from '../pipeline/year.js';
import { EXPLAIN_RENDERERS, TABLE_RENDERERS } from '../render/registry.js';
import { explainDocument } from '../tables/explain-doc.js';
import { scoresTable } from '../tables/scores-table.js';
import { subsidyTable } from '../tables/subsidy-table.js';
import { checkBranchOfYear, checkOrg, langOf, noteWarnings, openBaseOf, parseYear, printProblems, tableLang } from './common.js';
import { inputGuard, type InputGuard } from './inputs.js';
import { destination, emit, refuseInput, renderOptions, rendererFor, type Destination, type OutputOptions } from './output.js';

export interface ScoreOptions extends OutputOptions {
  readonly org?: string;
  readonly explain?: string;
  /** --explain: members' names masked. */
  readonly mask?: boolean;
}

interface Started {
  readonly lang: Lang;
  readonly year: number;
  readonly dest: Destination;
  readonly base: Base;
  readonly orgFilter: string | undefined;
  readonly guard: InputGuard;
}

/** What a year's score command starts with: its language, year, destination, dataset and --org. */
async function start(yearText: string, opts: ScoreOptions, io: Io): Promise<Started | ExitCode> {
  const lang = langOf(opts, io);
  const year = parseYear(yearText, lang);
  // An explanation is text wherever it goes, unless a format is asked for.
  const dest = destination(opts, io, lang, opts.explain === undefined ? 'csv' : 'table');
  const opened = await openBaseOf(opts, io, lang);
  if (!opened.ok) return printProblems(opened.problems, opts, io, lang);
  // An output onto an input is refused before anything is read.
  const guard = await inputGuard(opened.value.ds);
  if (dest.path !== undefined) await refuseInput(guard, dest.path, io, lang);
  return { lang, year, dest, base: opened.value, orgFilter: checkOrg(opts.org, opened.value.ds, lang), guard };
}

export async function runScore(yearText: string, opts: ScoreOptions, io: Io): Promise<ExitCode> {
  const started = await start(yearText, opts, io);
  if (typeof started === 'number') return started;
  const { lang, year, dest, base, orgFilter, guard } = started;
  const { ds } = base;
  // Known before reading records: --explain names a branch of the year, and draws a document.
  const explainId = checkBranchOfYear(opts.explain, ds, year, lang);
  const render = explainId === undefined ? undefined : rendererFor(EXPLAIN_RENDERERS, dest, lang);
  const result = await scoreYear(base, year, { explain: explainId });
  if (!result.ok) return printProblems(result.problems, opts, io, lang);
  const scored = result.value;
  noteWarnings(base, io, lang);
  const tl = tableLang(opts, ds.config.locale);
  const ro = renderOptions(opts, io, lang, tl, dest.path !== undefined, ds.config.name);
  if (render && scored.explanation) {
    return emit(await render(explainDocument(scored.explanation, { lang: tl, mask: opts.mask === true }), ro), dest, guard, io, lang);
  }
  const only = orgFilter === undefined ? undefined : subtree(ds.orgs, orgFilter);
  const table = scoresTable({ datasetName: ds.config.name, rubric: scored.rubric, scores: scored.scores, orgById: ds.orgById, only, orgFilter, lang: tl });
  return emit(await TABLE_RENDERERS[dest.format](table, ro), dest, guard, io, lang);
}

export async function runSubsidy(yearText: string, opts: ScoreOptions, io: Io): Promise<ExitCode> {
  const started = await start(yearText, opts, io);
  if (typeof started === 'number') return started;
  const { lang, year, dest, base, orgFilter, guard } = started;
  const { ds } = base;
  const result = await scoreYear(base, year);
  if (!result.ok) return printProblems(result.problems, opts, io, lang);
  const { rubric, subsidy, scoreScope } = result.value;
  noteWarnings(base, io, lang);
  if (!subsidy) throw new UsageError(t(lang, 'usage.noSubsidyRule', { year }));
  const tl = tableLang(opts, ds.config.locale);
  const table = subsidyTable({
    datasetName: ds.config.name, rubric, branches: scoreScope.branches, result: subsidy,
    only: orgFilter === undefined ? undefined : subtree(ds.orgs, orgFilter), orgFilter, lang: tl,
  });
  return emit(await TABLE_RENDERERS[dest.format](table, renderOptions(opts, io, lang, tl, dest.path !== undefined, ds.config.name)), dest, guard, io, lang);
}
