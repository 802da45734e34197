// `mj fmt [--check]`: every data file in its canonical form (edit/canonical-*.ts), for clean
// diffs after Excel or an editor touched it. --check writes nothing, names each file not in
// that form at its first differing line, and exits 1 (a step of the generated CI). Without it,
// the files that differ are rewritten whole (atomically), each in its own encoding, BOM and
// line ends. A file that cannot be read as a table is reported and left alone; workbooks are
// not rewritten.

import { relative, sep } from 'node:path';
import type { Lang } from '../diagnostics/codes.js';
import { CsvChecker, canonicalCsvText, SORT_KEYS, styleOf, type CanonicalProblem, type Difference } from '../edit/canonical-csv.js';
import { canonicalYaml, dateFieldsOf, valueAt, type DateField } from '../edit/canonical-yaml.js';
import { t, writeReason } from '../i18n/cli.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { CONFIG_FILE, loadConfig } from '../load/config.js';
import type { LoadContext } from '../load/context.js';
import { listYearFiles, openDataFile, pickFile, readDataFile } from '../load/files.js';
import { isXlsxFile, isYamlFile } from '../load/records.js';
import { reportYamlProblems } from '../load/yaml-problems.js';
import { openContext } from '../pipeline/base.js';
import { RECORD_FIELDS, type RecordKind } from '../schema/fields.js';
import { encodeText } from '../source/encode.js';
import { parseYaml } from '../source/yaml.js';
import { mdCode, mdText } from '../util/markdown.js';
import { commit, realFs, stageFiles, WriteRefused } from '../write/atomic.js';
import { langOf, loadOptionsOf, mjCommand, printProblems, type CommonOptions } from './common.js';
import { guardOf } from './inputs.js';
import { addJobSummary } from './job-summary.js';
import { shownPath } from './output.js';

export interface FmtOptions extends CommonOptions {
  readonly check?: boolean;
}

interface DataFile {
  readonly file: string;
  /** A record kind, or the YAML file it is. */
  readonly kind: RecordKind | 'config' | 'orgs' | 'rubric';
}

type Outcome =
  | { kind: 'canonical' }
  | { kind: 'differs'; difference: Difference; bytes: () => Promise<Buffer> }
  | { kind: 'unreadable' }
  | { kind: 'workbook' };

/** The data files of a dataset, in the order validate reads them. */
async function dataFiles(ctx: LoadContext): Promise<{ files: DataFile[]; patterns: string[] } | undefined> {
  const config = await loadConfig(ctx);
  if (config === undefined) return undefined;
  const out: DataFile[] = [{ file: CONFIG_FILE, kind: 'config' }];
  const orgs = await pickFile(ctx, config.files.orgs);
  if (orgs) out.push({ file: orgs, kind: 'orgs' });
  const members = await pickFile(ctx, config.files.members);
  if (members) out.push({ file: members, kind: 'members' });
  for (const f of await listYearFiles(ctx, config.files.rubrics)) out.push({ file: f.file, kind: 'rubric' });
  for (const f of await listYearFiles(ctx, config.files.assessments)) out.push({ file: f.file, kind: 'assessments' });
  for (const f of await listYearFiles(ctx, config.files.activities)) out.push({ file: f.file, kind: 'activities' });
  for (const kind of ['transfers', 'reserve', 'liaisons', 'inspections', 'findings', 'leaders'] as const) {
    const file = await pickFile(ctx, config.files[kind]);
    if (file) out.push({ file, kind });
  }
  for (const f of await listYearFiles(ctx, config.files.reviews)) out.push({ file: f.file, kind: 'reviews' });
  return { files: out, patterns: Object.values(config.files).flat() };
}

const ORG_DATES = { established: 'date', dissolved: 'date' } as const;

/** The date fields of a YAML record file's kind, by key and label. */
function recordDates(kind: RecordKind): Record<string, 'date' | 'month'> {
  const out: Record<string, 'date' | 'month'> = {};
  for (const s of RECORD_FIELDS[kind]) {
    if (s.kind !== 'date' && s.kind !== 'month') continue;
    for (const name of [s.key, s.label, ...(s.aliases ?? [])]) out[name] = s.kind;
  }
  return out;
}

async function yamlOutcome(ctx: LoadContext, df: DataFile): Promise<Outcome> {
  const text = await readDataFile(ctx, df.file, df.file);
  if (text === undefined) return { kind: 'unreadable' };
  const doc = await parseYaml(text);
  if (doc.problems.length > 0) {
    reportYamlProblems(ctx, df.file, doc.problems);
    return { kind: 'unreadable' };
  }
  const dates: DateField[] = df.kind === 'orgs' ? dateFieldsOf(doc.value, ORG_DATES)
    : df.kind === 'config' || df.kind === 'rubric' ? [] : dateFieldsOf(doc.value, recordDates(df.kind));
  const canon = canonicalYaml(text, doc, dates, (p) => valueAt(doc.value, p));
  if (canon === text) return { kind: 'canonical' };
  const facts = ctx.facts.get(df.file);
  return { kind: 'differs', difference: firstDifference(text, canon), bytes: async () => encodeText(canon, facts?.encoding ?? 'utf-8', text.length > 0 && (await hasBom(facts?.path))) };
}

async function hasBom(path: string | undefined): Promise<boolean> {
  if (path === undefined) return false;
  const { open } = await import('node:fs/promises');
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(3);
    const { bytesRead } = await fh.read(b, 0, 3, 0);
    return (bytesRead >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (bytesRead >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)));
  } finally {
    await fh.close();
  }
}

const orderCache = new WeakMap<LoadContext, ReadonlyMap<string, number> | undefined>();

/** The org ids in orgs.yaml's order (read without its checks: only the order is wanted). */
async function orgOrderOf(ctx: LoadContext, files: readonly DataFile[]): Promise<ReadonlyMap<string, number> | undefined> {
  if (orderCache.has(ctx)) return orderCache.get(ctx);
  const orgs = files.find((f) => f.kind === 'orgs');
  let order: Map<string, number> | undefined;
  const text = orgs ? await readDataFile(ctx, orgs.file, orgs.file) : undefined;
  if (text !== undefined) {
    const doc = await parseYaml(text);
    if (Array.isArray(doc.value)) {
      order = new Map();
      for (const o of doc.value) {
        const id = o !== null && typeof o === 'object' && !Array.isArray(o) ? o['id'] : undefined;
        if (typeof id === 'string' && !order.has(id)) order.set(id, order.size);
      }
    }
  }
  orderCache.set(ctx, order);
  return order;
}

/** The first line where two texts differ. */
function firstDifference(a: string, b: string): Difference {
  const x = a.replace(/\r\n/g, '\n').split('\n');
  const y = b.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i >= x.length && i >= y.length) return { line: 1, why: 'text', now: x[0] ?? '', then: y[0] ?? '' };
  return { line: i + 1, why: 'text', now: x[i] ?? '', then: y[i] ?? '' };
}

function reportCsvProblems(ctx: LoadContext, file: string, problems: readonly CanonicalProblem[]): void {
  for (const p of problems) {
    const at = { file, line: p.line, column: 'column' in p ? p.column : 0 };
    if (p.kind === 'unclosed-quote') ctx.report({ code: 'MJ101', ...at });
    else if (p.kind === 'text-after-quote') ctx.report({ code: 'MJ102', ...at });
    else if (p.kind === 'record-too-long') ctx.report({ code: 'MJ107', ...at, params: { limit: p.limit } });
    else ctx.report({ code: 'MJ103', ...at, column: 1, params: { found: p.found, expected: p.expected } });
  }
}

async function csvOutcome(ctx: LoadContext, df: DataFile & { kind: RecordKind }, orgOrder: ReadonlyMap<string, number> | undefined): Promise<Outcome> {
  const source = await openDataFile(ctx, df.file, df.file);
  if (!source) return { kind: 'unreadable' };
  let checker: CsvChecker | undefined;
  let head = '';
  for await (const chunk of source.chunks()) {
    if (!checker) {
      head = chunk;
      checker = new CsvChecker(df.kind, { ...styleOf(chunk, source.tabs), orgOrder });
    }
    checker.push(chunk);
    if (checker.difference) break;
  }
  if (!checker) return { kind: 'canonical' };
  const same = checker.end();
  if (checker.problems.length > 0) {
    reportCsvProblems(ctx, df.file, checker.problems);
    return { kind: 'unreadable' };
  }
  if (same && !source.crOnly) return { kind: 'canonical' };
  const difference = checker.difference ?? { line: 1, why: 'text' as const, now: '', then: '' };
  const style = { ...styleOf(head, source.tabs), ...(source.crOnly ? { crlf: false } : {}), orgOrder };
  return {
    kind: 'differs', difference,
    bytes: async () => {
      let text = '';
      for await (const c of source.chunks()) text += c;
      const canon = canonicalCsvText(text, df.kind, style);
      if (!canon.ok) throw new Error('a file that was read as a table no longer is');
      return encodeText(canon.text, source.encoding, source.skip > 0);
    },
  };
}

export async function runFmt(opts: FmtOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const opened = await openContext(io.cwd, opts.data, loadOptionsOf(opts, io, lang));
  if (!opened.ok) return printProblems(opened.problems, opts, io, lang);
  const ctx = opened.value;
  const found = await dataFiles(ctx);
  if (found === undefined || ctx.diagnostics.errors > 0) return printProblems({ missing: undefined, ctx, dataset: undefined }, opts, io, lang);
  const { files } = found;
  const summary = async (markdown: string): Promise<void> => {
    if (opts.check) await addJobSummary(io, markdown, await guardOf(ctx.root, files.map((f) => f.file), found.patterns), lang);
  };
  const shown = (file: string): string => relative(io.cwd, `${ctx.root}${sep}${file}`).split(sep).join('/') || file;
  const differing: { df: DataFile; outcome: Extract<Outcome, { kind: 'differs' }> }[] = [];
  let workbooks = 0;
  let readable = 0;
  for (const df of files) {
    const outcome = isXlsxFile(df.file) ? { kind: 'workbook' as const }
      : isYamlFile(df.file) || df.kind === 'config' || df.kind === 'orgs' || df.kind === 'rubric' ? await yamlOutcome(ctx, df)
      : await csvOutcome(ctx, df as DataFile & { kind: RecordKind }, await orgOrderOf(ctx, files));
    if (outcome.kind === 'workbook') workbooks++;
    if (outcome.kind === 'canonical' || outcome.kind === 'differs') readable++;
    if (outcome.kind === 'differs') differing.push({ df, outcome });
  }
  if (ctx.diagnostics.errors > 0) return printProblems({ missing: undefined, ctx, dataset: undefined }, opts, io, lang);
  const note = workbooks > 0 ? t(lang, 'fmt.workbooks', { n: workbooks }) : '';
  if (differing.length === 0) {
    io.stdout(t(lang, opts.check ? 'fmt.ok' : 'fmt.unchanged', { n: readable, note }) + '\n');
    await summary(`### mj fmt --check：✅ ${mdText(t(lang, 'fmt.ok', { n: readable, note }))}\n`);
    return EXIT.ok;
  }
  if (opts.check) {
    for (const { df, outcome } of differing) printDifference(io, lang, shown(df.file), outcome.difference, df.kind);
    io.stdout(t(lang, 'fmt.stale', { n: differing.length }) + '\n');
    const redo = `${mjCommand(io)} fmt${opts.data !== undefined ? ` --data ${opts.data}` : ''}`;
    io.stdout(`  ${redo}\n`);
    io.stdout(t(lang, 'report.thenCommit') + '\n');
    await summary(staleSummary(differing.map(({ df, outcome }) => ({ file: shown(df.file), line: outcome.difference.line })), redo, lang));
    return EXIT.data;
  }
  const fs = io.fs ?? realFs;
  try {
    const staged = await stageFiles(await Promise.all(differing.map(async ({ df, outcome }) => ({ path: ctx.facts.get(df.file)!.path, data: await outcome.bytes() }))), fs);
    await commit(staged, fs);
  } catch (e) {
    if (e instanceof WriteRefused) throw new UsageError(t(lang, 'usage.outputNotAFile', { file: shownPath(e.path, io) }));
    io.stderr(`mj: ${t(lang, 'io.error', { file: shown(differing[0]!.df.file), detail: writeReason(lang, (e as { code?: string }).code) })}\n`);
    io.stderr(t(lang, 'io.unchanged') + '\n');
    return EXIT.io;
  }
  io.stdout(t(lang, 'fmt.written', { n: differing.length, files: differing.map((d) => shown(d.df.file)).join(lang === 'zh' ? '、' : ', ') }) + '\n');
  return EXIT.ok;
}

/** The job summary of a failed check: each file and its first line not in canonical form, and the command. */
function staleSummary(stale: readonly { file: string; line: number }[], redo: string, lang: Lang): string {
  const zh = lang === 'zh';
  const out = [`### mj fmt --check：❌ ${mdText(t(lang, 'summary.fmtStale', { n: stale.length }))}`, ''];
  out.push(zh ? '| 文件 | 第一处不同的行 |' : '| File | First line that differs |', '| --- | --- |');
  for (const { file, line } of stale) out.push(`| ${mdCode(file)} | ${line} |`);
  out.push('', zh ? '整理格式，然后提交改动：' : 'Format them, then commit the change:', '', '```sh', redo, '```', '');
  return out.join('\n');
}

/** The columns a kind's rows are sorted by, as the clerk reads them (会员编号、日期). */
function sortKeysText(kind: RecordKind, lang: Lang): string {
  const labels = SORT_KEYS[kind].map((k) => {
    const f = RECORD_FIELDS[kind].find((x) => x.key === k)!;
    return lang === 'zh' ? f.label : f.labelEn;
  });
  return labels.join(lang === 'zh' ? '、' : ', then ');
}

function printDifference(io: Io, lang: Lang, file: string, d: Difference, kind: DataFile['kind']): void {
  if (d.why === 'order') {
    io.stdout(t(lang, 'fmt.order', { file, line: d.line, keys: sortKeysText(kind as RecordKind, lang) }) + '\n');
    return;
  }
  io.stdout(t(lang, 'fmt.differs', { file, line: d.line }) + '\n');
  io.stdout(`  ${t(lang, 'fmt.now')}${d.now}\n  ${t(lang, 'fmt.then')}${d.then}\n`);
}
