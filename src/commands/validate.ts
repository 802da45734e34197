// `mj validate`: load every file of the dataset (settings, orgs, roster, and each year's rubric,
// assessments and duty records, and closed years' locks), report every problem at once, or a
// one-line summary; in a GitHub Actions step also a job summary ($GITHUB_STEP_SUMMARY).

import type { Lang } from '../diagnostics/codes.js';
import { groupDigits, t } from '../i18n/cli.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import type { Dataset } from '../load/dataset.js';
import { openContext } from '../pipeline/base.js';
import { validateAll } from '../pipeline/validate.js';
import { diagnosticsSummary, langOf, loadOptionsOf, renderDiagnostics, writeOut, writeOutPaced, useColor, wholeNumber, type CommonOptions, type DiagnosticFormat } from './common.js';
import { inputGuard } from './inputs.js';
import { addJobSummary, githubLinker, summaryFile } from './job-summary.js';

export interface ValidateOptions extends CommonOptions {
  readonly format?: string;
  readonly maxDiagnostics?: string;
  readonly strict?: boolean;
}

const FORMATS: readonly DiagnosticFormat[] = ['text', 'json', 'github'];

export async function runValidate(opts: ValidateOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const format = (opts.format ?? 'text') as DiagnosticFormat;
  if (!FORMATS.includes(format)) throw new UsageError(t(lang, 'usage.badFormat', { value: opts.format ?? '', allowed: FORMATS.join('、') }));
  const max = wholeNumber(opts.maxDiagnostics, '--max-diagnostics', lang, 200);
  const color = format === 'text' && useColor(opts, io);

  const opened = await openContext(io.cwd, opts.data, { ...loadOptionsOf(opts, io, lang), prefetchYears: 'earliest' });
  if (!opened.ok) {
    const missing = opened.problems.missing ? [opened.problems.missing] : [];
    writeOut(io.stdout, await renderDiagnostics(missing, undefined, undefined, io, lang, format, max, color, undefined));
    return EXIT.usage;
  }
  const ctx = opened.value;
  const { dataset: ds, records: counts, rubricYears } = await validateAll(ctx);
  const list = ctx.diagnostics.list;
  const errors = ctx.diagnostics.errors;
  const warnings = ctx.diagnostics.warnings;
  const summary = ds ? summaryOf(ds, counts, rubricYears, lang, warnings > 0) : undefined;

  if (format === 'json') {
    const data = ds ? { dataset: datasetFacts(ds, counts, rubricYears) } : {};
    await writeOutPaced(io, await renderDiagnostics(list, ctx.root, ds, io, lang, format, max, color, ctx.facts, data));
  } else {
    if (list.length > 0) await writeOutPaced(io, await renderDiagnostics(list, ctx.root, ds, io, lang, format, max, color, ctx.facts));
    if (errors === 0 && summary) io.stdout(summary + '\n');
  }
  // In a GitHub Actions step: the counts by code and the first problems, linked to their lines.
  if (summaryFile(io) !== undefined) {
    const markdown = diagnosticsSummary(list, ctx.root, ds, io, lang, githubLinker(io, ctx.root), summary);
    await addJobSummary(io, markdown, ds ? await inputGuard(ds) : undefined, lang);
  }
  if (list.some((d) => d.code === 'MJ003')) return EXIT.io;
  if (errors > 0 || (opts.strict && warnings > 0)) return EXIT.data;
  return EXIT.ok;
}

/** What was read, as data (the JSON report's counterpart of the summary line). */
function datasetFacts(ds: Dataset, counts: ReadonlyMap<number, number>, rubricYears: readonly number[]) {
  return {
    name: ds.config.name,
    orgs: ds.orgs.length,
    branches: ds.orgs.filter((o) => o.type === '支部').length,
    members: ds.members.length,
    active: ds.members.filter((m) => m.status === '在册').length,
    records: Object.fromEntries([...counts.entries()].map(([y, n]) => [String(y), n])),
    rubrics: rubricYears,
  };
}

function summaryOf(ds: Dataset, counts: ReadonlyMap<number, number>, rubricYears: readonly number[], lang: Lang, warned: boolean): string {
  const branches = ds.orgs.filter((o) => o.type === '支部').length;
  const active = ds.members.filter((m) => m.status === '在册').length;
  let years = '';
  if (counts.size > 0) {
    const list = [...counts.entries()].map(([year, n]) => t(lang, 'validate.year', { year, n: groupDigits(n) })).join(lang === 'zh' ? '、' : ', ');
    years += t(lang, 'validate.years', { list });
  }
  if (rubricYears.length > 0) years += t(lang, 'validate.rubrics', { list: rubricYears.map((y) => (lang === 'zh' ? `${y} 年` : String(y))).join(lang === 'zh' ? '、' : ', ') });
  return t(lang, warned ? 'validate.okWarnings' : 'validate.ok', {
    name: ds.config.name, orgs: groupDigits(ds.orgs.length), branches: groupDigits(branches),
    members: groupDigits(ds.members.length), active: groupDigits(active), years,
  });
}
