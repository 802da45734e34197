// `mj score YEAR`: the 基层支部年度工作量化考核评分表 of every branch, or with --explain ORG how
// each of one branch's points was reached.

import type { Activity } from '../model/types.js';
import { ScoreCounts } from '../compute/score-counts.js';
import { scoreBranches } from '../compute/scores.js';
import { makeScope, subtree } from '../compute/scope.js';
import { explainBranch } from '../compute/explain.js';
import { t } from '../i18n/cli.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { loadBase, loadYearRules, streamYearRequired } from '../load/dataset.js';
import { renderExplanation, renderExplanationJson } from '../render/explain.js';
import { scoresTable } from '../tables/scores-table.js';
import { checkOrg, langOf, openDataset, parseYear, renderDiagnostics, tableLang } from './common.js';
import { destination, emit, inputFiles, renderTable, stopOnErrors, type OutputOptions } from './output.js';

export interface ScoreOptions extends OutputOptions {
  readonly org?: string;
  readonly explain?: string;
}

export async function runScore(yearText: string, opts: ScoreOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const year = parseYear(yearText, lang);
  const dest = destination(opts, io, lang);
  const opened = await openDataset(opts, io, lang);
  if ('missing' in opened) {
    io.stderr(await renderDiagnostics([opened.missing], undefined, undefined, io, lang, 'text', 200, false, undefined));
    return EXIT.usage;
  }
  const ctx = opened;
  const ds = await loadBase(ctx);
  if (ds === undefined) return (await stopOnErrors(ctx, ds, opts, io, lang)) ?? EXIT.data;
  const orgFilter = checkOrg(opts.org, ds, lang);
  const explainId = checkOrg(opts.explain, ds, lang);

  const { rubric, assessments } = await loadYearRules(ctx, ds, year);
  const scope = makeScope(ds.orgs, ds.members, year);
  if (explainId !== undefined && !scope.branchIndex.has(explainId)) {
    throw new UsageError(t(lang, 'usage.unknownBranch', { value: explainId, year }));
  }
  const counts = rubric ? new ScoreCounts(scope, rubric) : undefined;
  const kept: Activity[] = [];
  const explainMembers = explainId === undefined ? undefined : new Set(ds.members.filter((m) => m.org === explainId).map((m) => m.id));
  await streamYearRequired(ctx, ds, year, (a) => {
    counts?.visit(a);
    if (explainMembers && (a.org === explainId || a.members.some((m) => explainMembers.has(m)))) kept.push(a);
  });
  const stop = await stopOnErrors(ctx, ds, opts, io, lang);
  if (stop !== undefined) return stop;

  const scores = scoreBranches(scope, rubric!, counts!, assessments);
  const tl = tableLang(opts, ds.config.locale);
  const inputs = inputFiles(ds, year);
  if (explainId !== undefined) {
    const explanation = explainBranch(scope, rubric!, scores, explainId, kept, assessments);
    const text = dest.format === 'json' ? renderExplanationJson(explanation) : renderExplanation(explanation, tl);
    return emit(text, dest, inputs, io, lang);
  }
  const only = orgFilter === undefined ? undefined : subtree(ds.orgs, orgFilter);
  const table = scoresTable({ datasetName: ds.config.name, rubric: rubric!, scores, orgById: ds.orgById, only, orgFilter, lang: tl });
  return emit(renderTable(table, dest.format, opts, io, tl, dest.path !== undefined), dest, inputs, io, lang);
}
