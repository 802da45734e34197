// `mj report [YEAR] [--out DIR] [--check]`: every table of the year (score sheet, the three
// statistics tables, "三个一" progress, subsidy) in the formats asked, an index.md, and a
// manifest of the settings, written into reports/YEAR/; with html also the year as a static
// web site in reports/YEAR/html/ (charts, a score card per branch). All files are staged first,
// renamed together, the manifest last. --check rebuilds in memory with the manifest's settings
// and names every stale, missing or extra file, writing nothing (in a GitHub Actions step also as
// a job summary). A closed year's reports (mj close) are never rewritten with other bytes.

import { open, readdir, readFile, rmdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Lang } from '../diagnostics/codes.js';
import { t, writeReason } from '../i18n/cli.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { fileOfYear, yearsOf, type Dataset } from '../load/dataset.js';
import type { Base } from '../pipeline/base.js';
import type { Problems } from '../pipeline/stage.js';
import { reportYear, trendYears } from '../pipeline/year.js';
import { SCORE_FORMS_RENDERERS, SITE_RENDERERS, TABLE_RENDERERS, type RenderOptions } from '../render/registry.js';
import { rosterCounts } from '../compute/roster.js';
import { yearSummary } from '../compute/year-summary.js';
import type { TrendYear } from '../compute/trend.js';
import { membersOfYear } from '../compute/year-facts.js';
import { reportCharts } from '../tables/charts.js';
import { reportSite, type ReportSite } from '../tables/report-site.js';
import { scoreFormsDocument, scoreSummaryTable, type ScoreFormsDoc } from '../tables/score-form.js';
import { rosterTable } from '../tables/roster-table.js';
import { scoresTable } from '../tables/scores-table.js';
import { memberSheetTable, unitSheetTable } from '../tables/sheet-table.js';
import { branchesTable, membersTable, progressTable } from '../tables/stats-tables.js';
import { subsidyTable } from '../tables/subsidy-table.js';
import type { Table } from '../tables/table.js';
import { commit, discard, FolderBusy, lockFolder, readRegular, realFs, stageFiles, WriteRefused, type Content, type PendingWrite } from '../write/atomic.js';
import { langOf, noteWarnings, openBaseOf, parseYear, printProblems, tableLang } from './common.js';
import { footerDate, refuseInput, shownPath, type OutputOptions } from './output.js';
import { inputGuard } from './inputs.js';
import { IS_STANDALONE, standaloneFile } from '../version.js';
import { yearEnd } from '../model/types.js';
import { inspectionDocs, leadershipDoc, liaisonDoc, practiceKinds, reserveDoc, reserveStructureDoc, trainingDocs, trendOfResults } from './practice-docs.js';
import { closedYears } from '../pipeline/closed.js';
import type { YearLock } from '../model/closed.js';
import { bytesHash, fileHash } from '../repo/hash.js';
import { mdCode, mdText } from '../util/markdown.js';
import { addJobSummary } from './job-summary.js';
import { compareText } from '../util/compare.js';

export const MANIFEST = 'mj-report.json';
type ReportFormat = 'csv' | 'md' | 'json' | 'xlsx' | 'html';
const REPORT_FORMATS: readonly ReportFormat[] = ['csv', 'md', 'json', 'xlsx', 'html'];
/** The folder of the web site inside a report folder. */
const HTML_DIR = 'html';
/** Above this many members of the year the web site leaves the members table out (it links the files). */
const HTML_MEMBERS_MAX = 50_000;

/** The settings a report was made with; --check rebuilds with exactly these. */
export interface Manifest {
  readonly year: number;
  readonly formats: readonly ReportFormat[];
  readonly lang: 'zh' | 'en';
  readonly mask: boolean;
  readonly excel: boolean;
  /** 填表日期 in XLSX footers, or null. */
  readonly date: string | null;
  /** Every file written, in order (the manifest excepted). */
  readonly files: readonly string[];
}

export interface ReportOptions extends Omit<OutputOptions, 'date'> {
  readonly check?: boolean;
  /** --mask / --no-mask; undefined: as the folder's manifest says. */
  readonly mask?: boolean;
  /** --date DAY, or false with --no-date (blank). */
  readonly date?: string | false;
}

function parseFormats(value: string | undefined, lang: Lang): ReportFormat[] {
  const list = (value ?? 'csv,md').split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) {
    if (!REPORT_FORMATS.includes(f as ReportFormat)) throw new UsageError(t(lang, 'usage.badFormat', { value: f, allowed: REPORT_FORMATS.join('、') }));
  }
  return REPORT_FORMATS.filter((f) => list.includes(f));
}

/** A file of a report: its path in the report folder (with / between folders), and its bytes. */
interface ReportFile {
  readonly name: string;
  readonly data: Content;
}

/** A document of a report: its name, its title, and its files in a format (none when it is not drawn in that format). */
interface ReportDoc {
  readonly name: string;
  readonly title: string;
  /** Listed in index.md with a link per file format (the tables; not the web site). */
  readonly listed: boolean;
  files(format: ReportFormat, options: RenderOptions): AsyncIterable<ReportFile>;
}

const tableDoc = (t: Table): ReportDoc => ({
  name: t.name, title: t.title, listed: true,
  files: async function* (f, o) {
    if (f !== 'html') yield { name: `${t.name}.${f}`, data: await TABLE_RENDERERS[f](t, o) };
  },
});
const formsDoc = (d: ScoreFormsDoc): ReportDoc => ({
  name: d.summary.name, title: d.summary.title, listed: true,
  files: async function* (f, o) {
    if (f !== 'html') yield { name: `${d.summary.name}.${f}`, data: await SCORE_FORMS_RENDERERS[f](d, o) };
  },
});
const siteDoc = (site: ReportSite): ReportDoc => ({
  name: HTML_DIR, title: site.title, listed: false,
  files: async function* (f, o) {
    if (f !== 'html') return;
    for await (const file of SITE_RENDERERS.html(site, o)) yield { name: `${HTML_DIR}/${file.name}`, data: file.data };
  },
});

type YearResult = Extract<Awaited<ReturnType<typeof reportYear>>, { ok: true }>['value'];

/**
 * The web site of a year's report, from its results and the years up to it, each by its own
 * rules (its trends: mj trend's figures).
 * `limits` lowers the members table's limit (tests).
 */
export function reportSiteOf(
  base: Base, y: YearResult, trend: readonly TrendYear[], settings: { lang: 'zh' | 'en'; mask: boolean; date: string | null; formats: readonly ReportFormat[] },
  limits: { members?: number } = {},
): ReportSite {
  const { ds } = base;
  const year = y.year;
  const common = { datasetName: ds.config.name, lang: settings.lang, only: undefined, orgFilter: undefined };
  const stats = { ...common, scope: y.scope, counts: y.stats, byGroup: false, mask: settings.mask };
  const subsidy = y.subsidy;
  const tables = [
    scoresTable({ ...common, rubric: y.rubric, scores: y.scores, orgById: ds.orgById }),
    branchesTable(stats),
    rosterTable({ ...common, orgsInTreeOrder: y.scope.orgsInTreeOrder, members: ds.members, year, asOf: y.scope.lastDay }),
    progressTable(stats),
    ...(subsidy ? [subsidyTable({ ...common, rubric: y.rubric, branches: y.scoreScope.branches, result: subsidy })] : []),
  ];
  const summaryOfYear = yearSummary(y.scope, y.stats);
  const charts = reportCharts({
    lang: settings.lang, year, rubric: y.rubric, scores: y.scores, scope: y.scoreScope, counts: y.stats,
    roster: rosterCounts({ orgsInTreeOrder: y.scope.orgsInTreeOrder, members: ds.members, year, asOf: y.scope.lastDay, only: undefined }).total,
    trend,
  });
  // The report's files of each table (the same names as the tables' own files), for the index's links.
  const formats = fileFormats(settings.formats);
  const membersTitle = membersTable({ ...stats, points: y.memberPoints }).title;
  const named = [tables[0]!, { name: 'score-forms', title: scoreSummaryTable({ ...common, rubric: y.rubric, scores: y.scores }).title }, tables[1]!, { name: 'members', title: membersTitle }, ...tables.slice(2)];
  return reportSite({
    lang: settings.lang, datasetName: ds.config.name, year, rubric: y.rubric, scores: y.scores, scope: y.scoreScope, counts: y.stats,
    orgById: ds.orgById, assessments: y.assessments, mask: settings.mask, date: settings.date ?? undefined, summaryOfYear, charts,
    explain: (id) => y.explained?.explain(id), explanationsOmitted: y.explained?.omitted,
    tables,
    membersTable: (only) => membersTable({ ...stats, only, points: y.memberPoints }),
    memberRows: membersOfYear(y.scope).length,
    membersLimit: limits.members ?? HTML_MEMBERS_MAX,
    files: formats.length === 0 ? [] : named.map((t) => ({ name: t.name, title: t.title, paths: formats.map((f) => `${t.name}.${f}`) })),
  });
}

/**
 * Two tables that come from one computation, as two makers: the first computes it, the second
 * takes its part and lets it go (a national year's trainings take some 0.7 s to compute).
 */
function twoMakers<T>(make: () => T, first: (t: T) => Table, second: (t: T) => Table): [() => ReportDoc, () => ReportDoc] {
  let both: T | undefined;
  return [
    () => tableDoc(first((both = make()))),
    () => {
      const table = second(both ?? make());
      both = undefined;
      return tableDoc(table);
    },
  ];
}

/** The formats that give a table one file each (all but the web site). */
const fileFormats = (formats: readonly ReportFormat[]): ReportFormat[] => formats.filter((f) => f !== 'html');

/**
 * The year's documents as makers, each built only when its turn comes (a national members table
 * is large: it is built, rendered, written and dropped before the next); or what stops them.
 */
async function yearDocuments(
  base: Base, year: number, settings: { lang: 'zh' | 'en'; mask: boolean; date: string | null; formats: readonly ReportFormat[] },
): Promise<(() => ReportDoc)[] | Problems> {
  const html = settings.formats.includes('html');
  const result = await reportYear(base, year, { explainAll: html });
  if (!result.ok) return result.problems;
  const y = result.value;
  const { ds } = base;
  // The HTML report's trends: every earlier year with records, each read like mj trend reads it
  // (an error in one stops the report as an error in any file it reads does), and this year.
  const earlier = html ? await trendYears(base, ds.files.activities.map((f) => f.year).filter((e) => e < year).sort((a, b) => a - b)) : undefined;
  if (earlier && !earlier.ok) return earlier.problems;
  const trend = earlier?.ok ? trendOfResults(ds, [...earlier.value, { counted: y, scored: y, trainingRecords: y.trainingRecords }], undefined).years : [];
  const common = { datasetName: ds.config.name, lang: settings.lang, only: undefined, orgFilter: undefined };
  const stats = { ...common, scope: y.scope, counts: y.stats, byGroup: false, mask: settings.mask };
  const makers: (() => ReportDoc)[] = [
    () => tableDoc(scoresTable({ ...common, rubric: y.rubric, scores: y.scores, orgById: ds.orgById })),
    () => formsDoc(scoreFormsDocument({
      datasetName: ds.config.name, rubric: y.rubric, scores: y.scores, orgById: ds.orgById, assessments: y.assessments, lang: settings.lang,
      date: settings.date ?? undefined,
    })),
    // The rubric's further sheets (units, members), each its own table.
    ...y.units.map((u) => () => tableDoc(unitSheetTable({ datasetName: ds.config.name, year, sheet: u.sheet, scores: u.scores, orgById: ds.orgById, only: undefined, lang: settings.lang }))),
    ...(y.members ? [() => tableDoc(memberSheetTable({
      datasetName: ds.config.name, year, sheet: y.members!.sheet, scores: y.members!.scores, branches: y.scoreScope.branches, only: undefined, mask: settings.mask, lang: settings.lang,
    }))] : []),
    () => tableDoc(branchesTable(stats)),
    () => tableDoc(membersTable({ ...stats, points: y.memberPoints })),
    () => tableDoc(rosterTable({ ...common, orgsInTreeOrder: y.scope.orgsInTreeOrder, members: ds.members, year, asOf: y.scope.lastDay })),
    () => tableDoc(progressTable(stats)),
  ];
  const subsidy = y.subsidy;
  if (subsidy) makers.push(() => tableDoc(subsidyTable({ ...common, rubric: y.rubric, branches: y.scoreScope.branches, result: subsidy })));
  // The practices of the year, each where the dataset keeps data for it.
  const kinds = practiceKinds(ds, y);
  const doc = { lang: settings.lang, mask: settings.mask, only: undefined, orgFilter: undefined };
  if (kinds.trainings) {
    // Both tables come from one pass over the year's trainings (some 0.7 s at national scale),
    // held only until the second is made.
    makers.push(...twoMakers(() => trainingDocs(ds, y, doc), (t) => t.trainings, (t) => t.trainees));
  }
  if (kinds.reserve) {
    makers.push(() => tableDoc(reserveDoc(ds, y, doc)));
    makers.push(() => tableDoc(reserveStructureDoc(ds, year, y.scope.lastDay, doc)));
  }
  if (kinds.liaison) makers.push(() => tableDoc(liaisonDoc(ds, y, doc)));
  if (kinds.leadership) makers.push(() => tableDoc(leadershipDoc(ds, y, doc)));
  if (kinds.inspections) {
    makers.push(...twoMakers(() => inspectionDocs(ds, year, yearEnd(year), false, doc), (t) => t.summary, (t) => t.open));
  }
  // Last, once the tables' files are written: the web site, which draws them again its own way.
  if (html) makers.push(() => siteDoc(reportSiteOf(base, y, trend, settings)));
  return makers;
}

function indexMarkdown(ds: Dataset, year: number, tables: readonly { name: string; title: string }[], m: Omit<Manifest, 'files'>): string {
  const zh = m.lang === 'zh';
  const lines = [`# ${ds.config.name}${zh ? ` ${year} 年度报表` : `: reports for ${year}`}`, ''];
  lines.push(zh ? '由 `mj report` 根据数据目录生成，请勿手工修改；数据变化后重新运行 `mj report`。' : 'Made by `mj report` from the dataset; do not edit by hand, run `mj report` again after the data changes.', '');
  if (m.formats.includes('html')) {
    lines.push(zh ? `网页版（图表、各支部评分卡，可直接打印）：[${HTML_DIR}/index.html](${HTML_DIR}/index.html)` : `As web pages (charts, a score card per branch, ready to print): [${HTML_DIR}/index.html](${HTML_DIR}/index.html)`, '');
  }
  const formats = fileFormats(m.formats);
  if (formats.length > 0) {
    lines.push(zh ? '| 表格 | 文件 |' : '| Table | Files |', '| --- | --- |');
    for (const table of tables) {
      const links = formats.map((f) => `[${f}](${table.name}.${f})`).join(' · ');
      lines.push(`| ${table.title.replace(/\|/g, '\\|')} | ${links} |`);
    }
    lines.push('');
  }
  if (m.formats.includes('xlsx')) {
    lines.push(zh ? '`score-forms.xlsx` 的第一张工作表是评分汇总表，之后每个支部一张 A4 评分表（含支部自评、考评组审核得分和签字栏），可直接打印。' : '`score-forms.xlsx` holds the summary, then one A4 score form per branch (self-assessment, panel points, signature lines), ready to print.', '');
  }
  lines.push(zh ? `设置：语言 ${m.lang}，姓名脱敏 ${m.mask ? '是' : '否'}，填表日期 ${m.date ?? '（空白）'}。` : `Settings: language ${m.lang}, masked names ${m.mask ? 'yes' : 'no'}, date ${m.date ?? '(blank)'}.`);
  return lines.join('\n') + '\n';
}

/**
 * Makes every file of a report, handing each to `emit` as soon as it is rendered: the tables in
 * each format, then index.md. Returns the manifest, or what stops the report (data errors).
 */
async function buildReport(
  base: Base, m: Omit<Manifest, 'files'>, emit: (name: string, data: Content) => Promise<void>,
): Promise<Manifest | Problems> {
  const makers = await yearDocuments(base, m.year, m);
  if (!Array.isArray(makers)) return makers;
  const { ds } = base;
  const names: string[] = [];
  const titles: { name: string; title: string }[] = [];
  const options: RenderOptions = { lang: m.lang, color: false, excel: m.excel, unit: ds.config.name, date: m.date ?? undefined };
  // Each maker is dropped once used, so what only its document needed (the branch scores) goes too.
  for (let make = makers.shift(); make; make = makers.shift()) {
    const doc = make();
    if (doc.listed) titles.push({ name: doc.name, title: doc.title });
    for (const f of m.formats) {
      for await (const file of doc.files(f, options)) {
        await emit(file.name, file.data);
        names.push(file.name);
      }
    }
  }
  await emit('index.md', indexMarkdown(ds, m.year, titles, m));
  names.push('index.md');
  return { ...m, files: names };
}

const isManifest = (x: Manifest | Problems): x is Manifest => 'files' in x;

function manifestText(m: Manifest): string {
  return JSON.stringify({ year: m.year, formats: m.formats, lang: m.lang, mask: m.mask, excel: m.excel, date: m.date, files: m.files }, null, 2) + '\n';
}

export async function runReport(yearText: string | undefined, opts: ReportOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const year = yearText === undefined ? undefined : parseYear(yearText, lang);
  if (year === undefined && !opts.check) throw new UsageError(t(lang, 'usage.reportNeedsYear'));
  const opened = await openBaseOf(opts, io, lang, year === undefined ? undefined : [year]);
  if (!opened.ok) return printProblems(opened.problems, opts, io, lang);
  const base = opened.value;
  const { ds } = base;
  const dirOf = (y: number): string => (opts.out !== undefined ? resolve(io.cwd, opts.out) : join(ds.root, 'reports', String(y)));

  if (opts.check) {
    // Without a year: every report folder that has a manifest, and the folder of every year that
    // has records and a rubric (a report deleted, or never made, is missing: CI must not pass
    // because the manifest is gone); or the --out folder.
    const folders = year !== undefined ? [dirOf(year)] : opts.out !== undefined ? [resolve(io.cwd, opts.out)] : await checkedFolders(ds);
    if (folders.length === 0) {
      // Nothing committed yet, so nothing can be stale.
      io.stdout(t(lang, 'report.noReports') + '\n');
      return EXIT.ok;
    }
    const redo: string[] = [];
    const found: { dir: string; check: FolderCheck; closed: string | undefined }[] = [];
    let stopped: Problems | undefined;
    const shown = (dir: string, name: string): string => relative(io.cwd, join(dir, name)).split(sep).join('/');
    const locks = await closedYears(ds.root);
    for (const dir of folders) {
      const checked = await checkFolder(base, dir);
      if ('problems' in checked) {
        stopped = checked.problems;
        continue;
      }
      const lock = locks.get(checked.year);
      const closed = lock !== undefined && resolve(dir) === join(ds.root, 'reports', String(checked.year)) ? lock.file : undefined;
      found.push({ dir, check: checked, closed });
      for (const d of checked.differences) io.stdout(differenceLine(d, shown(dir, d.name), lang) + '\n');
      // Rebuilding makes stale and missing files again; an extra file is the clerk's to delete. A
      // closed year's reports are not rebuilt (mj report refuses): its note says what to do.
      if (closed === undefined && checked.differences.some((d) => d.kind !== 'extra')) redo.push(regenerate(io, opts, ds.root, dir, checked.year));
    }
    if (stopped) return printProblems(stopped, opts, io, lang);
    const stale = found.reduce((n, f) => n + f.check.differences.length, 0);
    await addJobSummary(io, checkSummary(found, redo, folders.length, shown, lang), await inputGuard(ds), lang);
    if (stale > 0) {
      for (const f of found) if (f.closed !== undefined && f.check.differences.length > 0) io.stdout(t(lang, 'report.closedStale', { year: f.check.year, lock: f.closed }) + '\n');
      const open = found.filter((f) => f.closed === undefined && f.check.differences.length > 0);
      if (redo.length > 0 || open.length > 0) {
        io.stdout(t(lang, redo.length > 0 ? 'report.stale' : 'report.onlyExtra', { n: open.reduce((n, f) => n + f.check.differences.length, 0) }) + '\n');
        for (const command of redo) io.stdout(`  ${command}\n`);
        io.stdout(t(lang, 'report.thenCommit') + '\n');
      }
      return EXIT.data;
    }
    io.stdout(t(lang, 'report.upToDate', { n: folders.length }) + '\n');
    return EXIT.ok;
  }

  if (year === undefined) throw new UsageError(t(lang, 'usage.reportNeedsYear'));
  const dir = dirOf(year);
  // Settings not given on the command line are the folder's manifest's, so that rerunning
  // `mj report YEAR` rebuilds the same report (formats, Excel CSV, date, masking, language).
  const previous = await readManifest(dir);
  const reused: string[] = [];
  const setting = <T>(given: T | undefined, before: T | undefined, fallback: T, label: (v: T) => string): T => {
    if (given !== undefined) return given;
    if (previous === undefined || before === undefined) return fallback;
    reused.push(label(before));
    return before;
  };
  const zh = lang === 'zh';
  const m = {
    year,
    formats: setting(opts.format === undefined ? undefined : parseFormats(opts.format, lang), previous?.formats, parseFormats(undefined, lang), (v) => `${zh ? '格式' : 'formats'} ${v.join(',')}`),
    lang: setting<'zh' | 'en'>(opts.lang === 'zh' || opts.lang === 'en' ? opts.lang : undefined, previous?.lang, tableLang(opts, ds.config.locale), (v) => `${zh ? '语言' : 'language'} ${v}`),
    mask: setting(opts.mask, previous?.mask, false, (v) => (zh ? `姓名脱敏${v ? '' : '：否'}` : `masked names: ${v ? 'yes' : 'no'}`)),
    excel: setting(opts.excel, previous?.excel, false, (v) => (zh ? `Excel 格式的 CSV${v ? '' : '：否'}` : `Excel CSV: ${v ? 'yes' : 'no'}`)),
    date: setting(opts.date === undefined ? undefined : opts.date === false ? null : (footerDate(opts.date, lang) ?? null), previous?.date, null, (v) => (zh ? `填表日期 ${v ?? '（空白）'}` : `date ${v ?? '(blank)'}`)),
  };
  if (reused.length > 0) io.stderr(t(lang, 'report.reused', { file: shownPath(join(dir, MANIFEST), io), settings: reused.join(zh ? '，' : ', ') }) + '\n');
  // Nothing lands on an input, through links or not (a reports/2019 linking to the dataset's root).
  const guard = await inputGuard(ds);
  await refuseInput(guard, join(dir, MANIFEST), io, lang);
  // Every file goes to a temp file as soon as it is made; all are renamed together at the end,
  // under the folder's lock (two runs never mix their files), the manifest last.
  const staged: PendingWrite[] = [];
  const fs = io.fs ?? realFs;
  let unlock: (() => Promise<void>) | undefined;
  let lockedPrevious: Manifest | undefined;
  const failed = async (e: unknown, partial: boolean): Promise<ExitCode> => {
    await discard(staged, fs);
    await unlock?.();
    if (e instanceof UsageError) throw e;
    if (e instanceof WriteRefused) throw new UsageError(t(lang, 'usage.outputNotAFile', { file: shownPath(e.path, io) }));
    if (e instanceof FolderBusy) throw new UsageError(t(lang, 'usage.reportBusy', { dir: shownPath(e.dir, io), pid: e.pid }));
    // Only a failing file system is an I/O failure; anything else is a bug in mj (exit 70).
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw e;
    io.stderr(`mj: ${t(lang, 'io.error', { file: shownPath(dir, io), detail: writeReason(lang, code) })}\n`);
    io.stderr(t(lang, partial ? 'io.partial' : 'io.unchanged') + '\n');
    return EXIT.io;
  };
  let built: Manifest | Problems;
  try {
    built = await buildReport(base, m, async (name, data) => {
      if (unlock === undefined) {
        unlock = await lockFolder(dir, fs);
        lockedPrevious = await readManifest(dir);
      }
      const path = join(dir, name);
      await refuseInput(guard, path, io, lang);
      staged.push(...(await stageFiles([{ path, data }], fs)));
    });
  } catch (e) {
    return failed(e, false);
  }
  if (!isManifest(built)) {
    await discard(staged, fs);
    await unlock?.();
    return printProblems(built, opts, io, lang);
  }
  noteWarnings(base, io, lang);
  const manifest = built;
  // A closed year's reports stay as they were closed: a run that would change them writes nothing.
  const lock = (await closedYears(ds.root)).get(year);
  if (lock !== undefined && resolve(dir) === join(ds.root, 'reports', String(year))) {
    const changed = await closedReportChanges(lock, ds.root, dir, staged, manifestText(manifest));
    if (changed > 0) {
      await discard(staged, fs);
      await unlock?.();
      throw new UsageError(t(lang, 'usage.reportClosed', { year, lock: lock.file, n: changed }), t(lang, 'usage.reportClosedHint', { year }));
    }
  }
  try {
    await commit(staged, fs);
    staged.length = 0;
    await commit(await stageFiles([{ path: join(dir, MANIFEST), data: manifestText(manifest) }], fs), fs);
    // Files the previous report wrote that this one does not are its own leftovers: removed when
    // they are report files, regular, inside the folder and no input of the dataset.
    const made = new Set(manifest.files);
    for (const old of lockedPrevious?.files ?? []) {
      const path = join(dir, old);
      if (made.has(old) || !reportFileName(old) || (await guard.clash(path)) !== undefined) continue;
      const st = await fs.lstat(path).catch(() => undefined);
      if (st?.isFile() && !st.isSymbolicLink()) await fs.unlink(path).catch(() => undefined);
    }
    // The web site's folder, emptied when a report no longer has html (it stays when anything else is in it).
    if (!manifest.formats.includes('html') && (lockedPrevious?.formats ?? []).includes('html')) await rmdir(join(dir, HTML_DIR)).catch(() => undefined);
  } catch (e) {
    return failed(e, true);
  } finally {
    await unlock?.();
  }
  io.stderr(t(lang, 'report.written', { n: manifest.files.length + 1, dir: shownPath(dir, io) || '.' }) + '\n');
  return EXIT.ok;
}

/** How many of a closed year's report files a run would change (staged, not yet renamed), add or remove. */
async function closedReportChanges(lock: YearLock, root: string, dir: string, staged: readonly PendingWrite[], manifest: string): Promise<number> {
  const prefix = relative(root, dir).split(sep).join('/') + '/';
  const recorded = new Map(lock.files.filter((f) => f.path.startsWith(prefix)).map((f) => [f.path, f.hash]));
  const made = new Map<string, string | undefined>();
  for (const p of staged) {
    const rel = relative(root, p.target).split(sep).join('/');
    made.set(rel, await fileHash(p.temp, p.target));
  }
  made.set(prefix + MANIFEST, bytesHash(MANIFEST, Buffer.from(manifest, 'utf8')));
  let n = 0;
  for (const [path, hash] of made) if (recorded.get(path) !== hash) n++;
  for (const path of recorded.keys()) if (!made.has(path)) n++;
  return n;
}

/** A name mj report makes: a table's name and a report format, index.md, or a page of the web site. */
function reportFileName(name: string): boolean {
  return name === 'index.md' || /^[a-z][A-Za-z0-9_-]*\.(csv|md|json|xlsx)$/.test(name) || /^html\/[a-z][a-z0-9-]*\.html$/.test(name);
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    if (!(await stat(join(dir, MANIFEST))).isFile()) return undefined;
    const raw = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Partial<Manifest>;
    if (typeof raw.year !== 'number' || !Array.isArray(raw.formats) || !Array.isArray(raw.files)) return undefined;
    return {
      year: raw.year, formats: raw.formats.filter((f): f is ReportFormat => REPORT_FORMATS.includes(f)), lang: raw.lang === 'en' ? 'en' : 'zh',
      mask: raw.mask === true, excel: raw.excel === true, date: typeof raw.date === 'string' ? raw.date : null, files: raw.files.filter((f) => typeof f === 'string'),
    };
  } catch {
    return undefined;
  }
}

/**
 * The report folders --check looks at: those with a manifest, and those of the years that can be
 * reported — a rubric and at least one record (a new dataset's empty template is not yet) — in
 * year order.
 */
async function checkedFolders(ds: Dataset): Promise<string[]> {
  const folders = new Set(await manifestFolders(ds.root));
  for (const y of yearsOf(ds)) {
    const records = fileOfYear(ds.files.activities, y);
    if (records !== undefined && fileOfYear(ds.files.rubrics, y) !== undefined && (await holdsRecords(join(ds.root, records)))) folders.add(join(ds.root, 'reports', String(y)));
  }
  return [...folders].sort();
}

/** A records file with a record in it: past a CSV's header line, or a YAML list's first item (a workbook is taken to). */
async function holdsRecords(path: string): Promise<boolean> {
  if (/\.xlsx$/i.test(path)) return true;
  let head = '';
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(1 << 16);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    return false;
  }
  const lines = head.split(/\r?\n|\r/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  return /\.ya?ml$/i.test(path) ? lines.some((l) => /^\s*-/.test(l)) : lines.length > 1;
}

/** reports/<year>/ folders under the dataset root that hold a manifest, in year order. */
async function manifestFolders(root: string): Promise<string[]> {
  const base = join(root, 'reports');
  let names: string[];
  try {
    names = (await readdir(base)).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) if ((await readManifest(join(base, n))) !== undefined) out.push(join(base, n));
  return out;
}

/** Files a desktop or an open workbook leaves in a folder: never a report's, never extra. */
const DESKTOP_FILE = /^(~\$.*|\.~lock\..*#|Thumbs\.db|Desktop\.ini|\.DS_Store)$/i;

/**
 * The files of a report folder a report could have made, sorted: its own, and those of its web
 * site's folder as html/NAME (hidden files and a desktop's files are never a report's).
 */
async function folderFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const mine = (name: string): boolean => !name.startsWith('.') && !DESKTOP_FILE.test(name);
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => compareText(a.name, b.name))) {
    if (!mine(entry.name)) continue;
    if (entry.name === HTML_DIR && entry.isDirectory()) {
      for (const inner of (await readdir(join(dir, HTML_DIR))).sort()) if (mine(inner)) out.push(`${HTML_DIR}/${inner}`);
    } else out.push(entry.name);
  }
  return out;
}

/** Text reports compare line for line: a checkout's line ends (core.autocrlf) never make them stale. */
function sameContent(name: string, made: Content, actual: Buffer): boolean {
  const bytes = typeof made === 'string' ? Buffer.from(made, 'utf8') : made instanceof Uint8Array ? Buffer.from(made) : Buffer.from([...made].join(''), 'utf8');
  if (bytes.equals(actual)) return true;
  if (name.endsWith('.xlsx')) return false;
  const lines = (b: Buffer): string => b.toString('utf8').replace(/\r\n/g, '\n');
  return lines(bytes) === lines(actual);
}

/** The command that rebuilds a report folder, as the user would type it here. */
function regenerate(io: Io, opts: ReportOptions, root: string, dir: string, year: number): string {
  const pinned = IS_STANDALONE ? `node ${shownPath(standaloneFile(), io)}` : io.env['npm_command'] === 'exec' ? 'npx --no-install mj' : 'mj';
  const quote = (p: string): string => (/^[\w./\\:-]+$/.test(p) ? p : JSON.stringify(p));
  let command = `${pinned} report ${year}`;
  if (opts.data !== undefined) command += ` --data ${quote(opts.data)}`;
  if (resolve(dir) !== join(root, 'reports', String(year))) command += ` --out ${quote(shownPath(dir, io))}`;
  return command;
}

/** A file of a report folder that does not match the data: stale, missing, or not a report's at all. */
export interface Difference {
  readonly kind: 'stale' | 'missing' | 'extra';
  /** Its path inside the report folder, with /. */
  readonly name: string;
}

/** What checking a report folder found: its year, every difference in order, and its manifest's files. */
export interface FolderCheck {
  readonly year: number;
  readonly differences: readonly Difference[];
  /** The files the report makes (its manifest's list and the manifest), when it has a manifest. */
  readonly files: readonly string[];
}

/**
 * Rebuilds one report in memory and compares it with the folder: every stale, missing or extra
 * file, in the order the report makes them; or what stopped it (data errors).
 */
export async function checkFolder(base: Base, dir: string): Promise<FolderCheck | { problems: Problems }> {
  const m = await readManifest(dir);
  if (!m) return { differences: [{ kind: 'missing', name: MANIFEST }], year: Number(dir.split(sep).pop()) || 0, files: [] };
  const differences: Difference[] = [];
  const compare = async (name: string, content: Content): Promise<void> => {
    const actual = await readRegular(join(dir, name));
    if (actual === undefined) differences.push({ kind: 'missing', name });
    else if (!sameContent(name, content, actual)) differences.push({ kind: 'stale', name });
  };
  const manifest = await buildReport(base, m, compare);
  if (!isManifest(manifest)) return { problems: manifest };
  await compare(MANIFEST, manifestText(manifest));
  const expected = new Set([...manifest.files, MANIFEST]);
  for (const name of await folderFiles(dir)) if (!expected.has(name)) differences.push({ kind: 'extra', name });
  return { differences, year: m.year, files: [...manifest.files, MANIFEST] };
}

/** A difference as `mj report --check` prints it. */
function differenceLine(d: Difference, file: string, lang: Lang): string {
  return t(lang, d.kind === 'stale' ? 'report.staleFile' : d.kind === 'missing' ? 'report.missing' : 'report.extra', { file });
}

/** The job summary of `mj report --check`: what differs, and the commands that rebuild it. */
function checkSummary(found: readonly { dir: string; check: FolderCheck; closed: string | undefined }[], redo: readonly string[], folders: number, shown: (dir: string, name: string) => string, lang: Lang): string {
  const zh = lang === 'zh';
  const all = found.flatMap((f) => f.check.differences.map((d) => ({ d, file: shown(f.dir, d.name) })));
  if (all.length === 0) return `### mj report --check：✅ ${mdText(t(lang, 'report.upToDate', { n: folders }))}\n`;
  const out = [`### mj report --check：❌ ${mdText(t(lang, 'summary.reportStale', { n: all.length }))}`, ''];
  out.push(zh ? '| 文件 | 情况 |' : '| File | State |', '| --- | --- |');
  const LIMIT = 50;
  for (const { d, file } of all.slice(0, LIMIT)) {
    const kind = zh ? { stale: '过时', missing: '缺少', extra: '多余（删除该文件）' }[d.kind] : { stale: 'stale', missing: 'missing', extra: 'extra (delete it)' }[d.kind];
    out.push(`| ${mdCode(file)} | ${kind} |`);
  }
  if (all.length > LIMIT) out.push('', zh ? `另有 ${all.length - LIMIT} 个文件未列出（全部：mj report --check）。` : `${all.length - LIMIT} more not listed (all of them: mj report --check).`);
  for (const f of found) if (f.closed !== undefined && f.check.differences.length > 0) out.push('', `> ${mdText(t(lang, 'report.closedStale', { year: f.check.year, lock: f.closed }))}`);
  if (redo.length > 0) out.push('', zh ? '重新生成报表，然后提交改动：' : 'Rebuild the reports, then commit the change:', '', '```sh', ...redo, '```', '');
  else out.push('', zh ? '删除标为“多余”的文件，然后提交改动。' : 'Delete the files marked extra, then commit the change.', '');
  return out.join('\n');
}
