// `mj import FILE... --kind members|activities|assessments [--year Y] [--org ID] [--map FILE]
// [--suggest-map] [--dry-run] [--update]`: a branch's sheets into the dataset. Each sheet is read
// as it comes (load/sheet-source.ts), its header mapped and its values converted
// (edit/import-map.ts), its records merged into the canonical file of their kind and year
// (edit/merge.ts). The dataset as it would be after the merge is validated before anything is
// written (the merged files are read from a private temp folder in place of the real ones), and
// each problem of an imported record is placed back at its sheet's cell. Then every file is
// written at once, atomically, never over a sheet being imported; or, with --dry-run, nothing
// is written and the preview says what would be added, changed and skipped.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic, DiagnosticInput } from '../diagnostics/diagnostic.js';
import type { Lang } from '../diagnostics/codes.js';
import { closest } from '../diagnostics/suggest.js';
import { styleOf, type CsvStyle } from '../edit/canonical-csv.js';
import { importLookup, sheetMapper, type ImportedRecord, type ImportRefs, type MappedSheet } from '../edit/import-map.js';
import { merge, readTarget, targetText, type MergePlan, type Target, type TargetRow } from '../edit/merge.js';
import { t, writeReason } from '../i18n/cli.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { LoadContext, type FileFacts } from '../load/context.js';
import { fileOfYear, type Dataset } from '../load/dataset.js';
import { exists, openDataFile } from '../load/files.js';
import { isXlsxFile, isYamlFile } from '../load/records.js';
import { readSourceSheet, type SourceRow, type SourceSheet } from '../load/sheet-source.js';
import { findHeader, HEADER_SEARCH_ROWS } from '../load/sheet-table.js';
import { validateAll } from '../pipeline/validate.js';
import { RECORD_FIELDS, type RecordKind } from '../schema/fields.js';
import { normHeader } from '../schema/synonyms.js';
import { encodeText } from '../source/encode.js';
import { readWholeText } from '../source/decode.js';
import { parseYaml } from '../source/yaml.js';
import { parseDate } from '../util/dates.js';
import { displayWidth } from '../util/width.js';
import { commit, realFs, stageFiles, WriteRefused } from '../write/atomic.js';
import { encodingOf, findOrg, langOf, loadOptionsOf, openBaseOf, parseYear, printProblems, renderDiagnostics, useColor, writeOut, type CommonOptions } from './common.js';
import { realTarget } from './inputs.js';
import { shownPath } from './output.js';

export interface ImportOptions extends CommonOptions {
  readonly kind?: string;
  readonly year?: string;
  readonly org?: string;
  readonly map?: string;
  readonly suggestMap?: boolean;
  readonly dryRun?: boolean;
  readonly update?: boolean;
  readonly sheet?: string;
}

const KINDS: readonly RecordKind[] = ['members', 'activities', 'assessments'];
const PREVIEW_LIMIT = 20;

function kindOf(opts: ImportOptions, lang: Lang): RecordKind {
  const k = opts.kind;
  if (k === undefined) throw new UsageError(t(lang, 'usage.importNeedsKind'), t(lang, 'usage.importKinds'));
  if (!(KINDS as readonly string[]).includes(k)) {
    const guess = closest(k, KINDS) ?? KINDS.find((x) => x.startsWith(k.slice(0, 4).toLowerCase()));
    throw new UsageError(t(lang, 'usage.badKind', { value: k }), guess ? t(lang, 'usage.didYouMean', { value: guess }) : t(lang, 'usage.importKinds'));
  }
  return k as RecordKind;
}

/** The source files, each an existing file (a usage error otherwise). */
async function sourcesOf(files: readonly string[], io: Io, lang: Lang): Promise<string[]> {
  if (files.length === 0) throw new UsageError(t(lang, 'usage.importNoFiles'));
  const out: string[] = [];
  for (const f of files) {
    const abs = resolve(io.cwd, f);
    if (!(await exists(abs))) throw new UsageError(t(lang, 'usage.noSuchFile', { file: f }));
    out.push(abs);
  }
  return out;
}

/** A mapping file (--map): `columns: { 表头: field, 其他: ~ }`; problems reported on it. */
async function readMap(ctx: LoadContext, path: string, kind: RecordKind): Promise<Map<string, string | null> | undefined> {
  const r = await readWholeText(path, { maxBytes: 1 << 20 });
  if (!r.ok) {
    ctx.report({ code: 'MJ003', file: path, line: 0, column: 0, params: { reason: r.failure.kind === 'missing' ? '@vanished' : '@not-a-file' } });
    return undefined;
  }
  ctx.facts.set(path, { path, encoding: r.source.encoding });
  const doc = await parseYaml(r.text);
  if (doc.problems.length > 0) {
    const { reportYamlProblems } = await import('../load/yaml-problems.js');
    reportYamlProblems(ctx, path, doc.problems);
    return undefined;
  }
  const v = doc.value;
  const columns = v !== null && typeof v === 'object' && !Array.isArray(v) && 'columns' in v ? v['columns'] : v;
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns)) {
    ctx.report({ code: 'MJ113', file: path, ...doc.locate([]), params: { where: basename(path), expected: '@map' } });
    return undefined;
  }
  const fields = RECORD_FIELDS[kind];
  const prefix = columns === v ? [] : ['columns'];
  const out = new Map<string, string | null>();
  for (const [header, field] of Object.entries(columns)) {
    if (field === null || field === '~' || field === '') {
      out.set(normHeader(header), null);
      continue;
    }
    const spec = typeof field === 'string' ? fields.find((f) => f.key === field || f.label === field) : undefined;
    if (!spec) {
      ctx.report({ code: 'MJ603', file: path, ...doc.locate([...prefix, header]), params: { field: String(field), kind: `@${kind}` }, suggest: { value: String(field), pool: 'values', candidates: fields.map((f) => f.key) } });
      continue;
    }
    out.set(normHeader(header), spec.key);
  }
  return out;
}

/** `mj import --suggest-map`: a draft mapping file for the sheets' columns, on stdout. */
function suggestMap(sheets: readonly { sheet: SourceSheet; rows: SourceRow[] }[], kind: RecordKind, lang: Lang): string {
  const fields = RECORD_FIELDS[kind];
  const lookup = importLookup(kind, undefined);
  const zh = lang === 'zh';
  const lines: string[] = [
    zh ? `# mj import 的列映射草稿（${kind}）。每行“表格中的列名: 字段”，字段写英文键名，~ 表示不导入。` : `# A draft column mapping for mj import (${kind}). One "column as written: field" a line; fields by key; ~ leaves a column out.`,
    zh ? '# 改好后导入：mj import 表格 --kind ' + kind + ' --map 本文件' : `# Then: mj import SHEET --kind ${kind} --map THIS-FILE`,
    `kind: ${kind}`,
    'columns:',
  ];
  const seen = new Set<string>();
  for (const { sheet, rows } of sheets) {
    const shape = findHeader(rows, (h) => Math.max(-1, lookup(h)));
    const name = basename(sheet.file);
    if (!shape) {
      lines.push(zh ? `  # ${name}：找不到表头` : `  # ${name}: no header found`);
      continue;
    }
    lines.push(zh ? `  # ${name}${sheet.sheet ? `（工作表“${sheet.sheet}”）` : ''}，表头在第 ${shape.headerRows.join('、')} 行` : `  # ${name}${sheet.sheet ? ` (sheet "${sheet.sheet}")` : ''}, header on row ${shape.headerRows.join(', ')}`);
    for (const [, h] of [...shape.columns.entries()].sort((a, b) => a[0] - b[0])) {
      if (h.label === '' || seen.has(h.label)) continue;
      seen.add(h.label);
      const key = /^[\w\u4e00-\u9fff（）()/-]+$/.test(h.label) && !/^[\d-]/.test(h.label) ? h.label : JSON.stringify(h.label);
      const [value, note] = h.kind === 'field' ? [fields[h.field]!.key, zh ? fields[h.field]!.label : fields[h.field]!.labelEn]
        : h.kind === 'serial' ? ['~', zh ? '序号，不导入' : 'row numbers, not imported']
        : ['~', zh ? '没有对应的字段：填写字段名，或保留 ~ 不导入' : 'no field: write one, or keep ~ to leave it out'];
      const entry = `  ${key}: ${value}`;
      lines.push(`${entry}${' '.repeat(Math.max(1, 28 - displayWidth(entry)))}# ${note}`);
    }
  }
  return lines.join('\n') + '\n';
}

interface TargetFile {
  /** Dataset-relative path. */
  readonly file: string;
  readonly year: number | undefined;
  readonly records: ImportedRecord[];
  target?: Target;
  plan?: MergePlan;
  bytes?: Buffer;
  lines?: Map<TargetRow, number>;
  /** Absolute path (the file may not exist yet). */
  readonly abs: string;
}

/** Where the records of a kind and year go: the dataset's file, or the first pattern's. */
function targetPath(ds: Dataset, kind: RecordKind, year: number | undefined): string {
  if (kind === 'members') return ds.files.members ?? ds.config.files.members[0]!;
  const list = kind === 'activities' ? ds.files.activities : ds.files.assessments;
  const patterns = kind === 'activities' ? ds.config.files.activities : ds.config.files.assessments;
  return fileOfYear(list, year!) ?? patterns[0]!.replace('{year}', String(year));
}

export async function runImport(files: readonly string[], opts: ImportOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const kind = kindOf(opts, lang);
  const year = opts.year === undefined ? undefined : parseYear(opts.year, lang);
  const sources = await sourcesOf(files, io, lang);
  const encoding = encodingOf(opts, lang);

  if (opts.suggestMap) {
    const ctx = new LoadContext(io.cwd, loadOptionsOf(opts, io, lang));
    const sheets: { sheet: SourceSheet; rows: SourceRow[] }[] = [];
    for (const f of sources) {
      // Only the rows where a header may be are kept.
      const rows: SourceRow[] = [];
      const s = await readSourceSheet(ctx, f, { sheet: opts.sheet, encoding }, { begin: () => undefined, row: (r) => void (rows.length < HEADER_SEARCH_ROWS && rows.push(r)) });
      if (s) sheets.push({ sheet: s, rows });
    }
    if (ctx.diagnostics.errors > 0) return printProblems({ missing: undefined, ctx, dataset: undefined }, opts, io, lang);
    io.stdout(suggestMap(sheets, kind, lang));
    return EXIT.ok;
  }

  const opened = await openBaseOf(opts, io, lang);
  if (!opened.ok) return printProblems(opened.problems, opts, io, lang);
  const { ds } = opened.value;
  const org = findOrg(opts.org, ds, lang);
  if (kind === 'assessments' && year === undefined) throw new UsageError(t(lang, 'usage.importNeedsYear'));

  // Reading and mapping: problems of the sheets and the mapping file.
  const ctx = new LoadContext(ds.root, loadOptionsOf(opts, io, lang));
  const mapFile = opts.map === undefined ? undefined : resolve(io.cwd, opts.map);
  if (mapFile !== undefined && !(await exists(mapFile))) throw new UsageError(t(lang, 'usage.noSuchFile', { file: opts.map! }));
  const map = mapFile === undefined ? undefined : await readMap(ctx, mapFile, kind);
  const refs: ImportRefs = { kind, orgs: ds.orgs, orgById: ds.orgById, members: ds.members, memberById: ds.memberById, org, year, map };
  const mapped: MappedSheet[] = [];
  const report = (d: DiagnosticInput): void => ctx.report(d);
  for (const f of sources) {
    const mapper = sheetMapper(refs, report);
    const sheet = await readSourceSheet(ctx, f, { sheet: opts.sheet, encoding }, mapper);
    if (sheet) mapped.push(mapper.finish());
  }

  // Which file each record goes to.
  const fields = RECORD_FIELDS[kind];
  const F_DATE = fields.findIndex((f) => f.key === 'date');
  const targets = new Map<string, TargetFile>();
  const targetFor = (y: number | undefined): TargetFile => {
    const file = targetPath(ds, kind, y);
    let tf = targets.get(file);
    if (!tf) targets.set(file, (tf = { file, year: y, records: [], abs: join(ds.root, file) }));
    return tf;
  };
  for (const m of mapped) {
    for (const rec of m.records) {
      let y = year;
      if (kind === 'activities' && y === undefined) {
        const d = rec.fields[F_DATE];
        const parsed = d === undefined ? undefined : parseDate(d.value);
        if (!parsed?.ok) {
          if (!rec.bad && d !== undefined) report({ code: 'MJ202', file: rec.file, line: d.line, column: d.column, field: 'date', label: m.labels.get(F_DATE) ?? '日期', params: { label: m.labels.get(F_DATE) ?? '日期', value: d.value, why: '' } });
          rec.bad = true;
          continue;
        }
        y = Math.floor(parsed.day / 10000);
      }
      targetFor(y).records.push(rec);
    }
  }
  if (kind === 'members' && targets.size === 0) targetFor(undefined);

  // Each target: its current rows, the plan, the merged text.
  const orgOrder = new Map(ds.orgs.map((o, i) => [o.id, i]));
  const readCtx = new LoadContext(ds.root, loadOptionsOf(opts, io, lang));
  // The encodings mj.yaml names for the target files.
  for (const [f, e] of opened.value.ctx.declared.encodings) readCtx.declared.encodings.set(f, e);
  for (const tf of targets.values()) {
    if (isYamlFile(tf.file) || isXlsxFile(tf.file)) {
      ctx.report({ code: 'MJ606', file: tf.file, line: 0, column: 0, params: { kind: `@${kind}`, file: tf.file } });
      continue;
    }
    let text: string | undefined;
    let style: CsvStyle = { tabs: false, crlf: false };
    let enc: FileFacts['encoding'] = 'utf-8';
    let bom = false;
    if (await exists(tf.abs)) {
      const source = await openDataFile(readCtx, tf.file, tf.file);
      if (!source) continue;
      text = '';
      for await (const c of source.chunks()) text += c;
      style = { ...styleOf(text, source.tabs), ...(source.crOnly ? { crlf: false } : {}) };
      enc = source.encoding;
      bom = source.skip > 0;
    }
    const read = readTarget(text, kind, style);
    if (!read.ok) {
      for (const p of read.problems) ctx.report({ code: p.kind === 'unclosed-quote' ? 'MJ101' : p.kind === 'text-after-quote' ? 'MJ102' : p.kind === 'ragged' ? 'MJ103' : 'MJ107', file: tf.file, line: p.line, column: 'column' in p ? p.column : 1, params: p.kind === 'ragged' ? { found: p.found, expected: p.expected } : p.kind === 'record-too-long' ? { limit: p.limit } : {} });
      continue;
    }
    tf.target = read.target;
    tf.plan = merge(read.target, tf.records, opts.update === true, tf.year);
    for (const r of tf.plan.repeated) {
      const where = r.first.file === r.rec.file ? `@row:${r.first.row}` : `${basename(r.first.file)} @row:${r.first.row}`;
      ctx.report({ code: 'MJ607', file: r.rec.file, line: r.rec.row, column: 0, params: { first: where, key: r.key } });
    }
    const out = targetText(read.target, orgOrder);
    tf.bytes = encodeText(out.text, enc ?? 'utf-8', bom);
    tf.lines = out.lines;
  }
  for (const d of readCtx.diagnostics.list) ctx.diagnostics.add(d);
  for (const [f, facts] of readCtx.facts) ctx.facts.set(f, facts);

  // The dataset as it would be: validated before anything is written.
  const ready = [...targets.values()].filter((tf) => tf.bytes !== undefined);
  const temp = await mkdtemp(join(tmpdir(), 'mj-import-'));
  try {
    const replaced = new Map<string, string>();
    for (const tf of ready) {
      const p = join(temp, tf.file);
      await (await import('node:fs/promises')).mkdir(dirname(p), { recursive: true });
      await writeFile(p, tf.bytes!);
      replaced.set(tf.file, p);
    }
    const vctx = new LoadContext(ds.root, { ...loadOptionsOf(opts, io, lang), replaced });
    await validateAll(vctx);
    for (const d of vctx.diagnostics.list) ctx.diagnostics.add(placeBack(d, ready));
    for (const [f, facts] of vctx.facts) if (!replaced.has(f)) ctx.facts.set(f, facts);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }

  const list = ctx.diagnostics.list;
  if (list.length > 0) writeOut(io.stderr, await renderDiagnostics(list, ds.root, ds, io, lang, 'text', 200, useColor(opts, io), ctx.facts));
  printPreview(mapped, ready, kind, io, lang, opts.update === true);
  if (ctx.diagnostics.errors > 0) {
    io.stderr(t(lang, 'import.blocked') + '\n');
    return list.some((d) => d.code === 'MJ003') ? EXIT.io : EXIT.data;
  }
  const changes = ready.filter((tf) => tf.plan!.added.length > 0 || (opts.update && tf.plan!.changed.length > 0));
  const pendingChanges = opts.update ? 0 : ready.reduce((n, tf) => n + tf.plan!.changed.length, 0);
  if (opts.dryRun) {
    io.stdout(t(lang, 'import.dryRun') + '\n');
    return EXIT.ok;
  }
  if (changes.length === 0) {
    io.stdout(t(lang, 'import.nothing') + '\n');
    if (pendingChanges > 0) io.stdout(t(lang, 'import.needsUpdate', { n: pendingChanges }) + '\n');
    return EXIT.ok;
  }
  // Never over a sheet being imported (or the mapping file), links resolved.
  const inputs = new Set(await Promise.all([...sources, ...(mapFile ? [mapFile] : [])].map((f) => realTarget(f))));
  for (const tf of changes) if (inputs.has(await realTarget(tf.abs))) throw new UsageError(t(lang, 'usage.importOverSource', { file: shownPath(tf.abs, io) }));
  const fs = io.fs ?? realFs;
  try {
    await commit(await stageFiles(changes.map((tf) => ({ path: tf.abs, data: tf.bytes! })), fs), fs);
  } catch (e) {
    if (e instanceof WriteRefused) throw new UsageError(t(lang, 'usage.outputNotAFile', { file: shownPath(e.path, io) }));
    io.stderr(`mj: ${t(lang, 'io.error', { file: shownPath(changes[0]!.abs, io), detail: writeReason(lang, (e as { code?: string }).code) })}\n`);
    io.stderr(t(lang, 'io.unchanged') + '\n');
    return EXIT.io;
  }
  for (const tf of changes) {
    const changed = opts.update ? tf.plan!.changed.length : 0;
    io.stdout(t(lang, 'import.written', { file: shownPath(tf.abs, io), added: tf.plan!.added.length, changed }) + '\n');
  }
  if (pendingChanges > 0) io.stdout(t(lang, 'import.needsUpdate', { n: pendingChanges }) + '\n');
  return EXIT.ok;
}

/** A problem found in a merged file, placed at the sheet's cell when it is about an imported record. */
function placeBack(d: Diagnostic, ready: readonly TargetFile[]): Diagnostic {
  const tf = ready.find((x) => x.file === d.file);
  if (!tf || d.line <= 1) return d;
  let row: TargetRow | undefined;
  for (const [r, line] of tf.lines!) if (line === d.line) row = r;
  if (!row) return d;
  const rec = row.source;
  if (rec === undefined) {
    // An existing record: where it was in the file as it is now.
    return { ...d, line: row.line ?? d.line, column: 0 };
  }
  const fields = RECORD_FIELDS[tf.target!.kind];
  const i = d.field === undefined ? -1 : fields.findIndex((f) => f.key === d.field);
  const at = i >= 0 ? rec.fields[i] : undefined;
  // The column as the sheet names it.
  const label = i >= 0 ? rec.labels.get(i) : undefined;
  const named = label === undefined ? {} : { label, params: 'label' in d.params ? { ...d.params, label } : d.params };
  if (at !== undefined && at.column > 0) return { ...d, ...named, file: rec.file, line: at.line, column: at.column };
  return { ...d, ...named, file: rec.file, line: rec.row, column: 0 };
}

function where(rec: ImportedRecord, lang: Lang): string {
  return lang === 'zh' ? `${basename(rec.file)} 第 ${rec.row} 行` : `${basename(rec.file)} row ${rec.row}`;
}

function summary(rec: ImportedRecord, kind: RecordKind): string {
  const fields = RECORD_FIELDS[kind];
  const v = (key: string): string => rec.fields[fields.findIndex((f) => f.key === key)]?.value ?? '';
  const parts = kind === 'activities' ? [v('date'), v('type'), v('org'), v('title')] : kind === 'members' ? [v('name'), v('org')] : [v('org'), v('item'), v('points')];
  return parts.filter((p) => p !== '').join(' ');
}

function printPreview(mapped: readonly MappedSheet[], ready: readonly TargetFile[], kind: RecordKind, io: Io, lang: Lang, update: boolean): void {
  const out: string[] = [];
  const zh = lang === 'zh';
  for (const m of mapped) {
    const name = shownPath(m.sheet.file, io);
    const form = m.sheet.format === 'xlsx'
      ? t(lang, 'import.sheetXlsx', { sheet: m.sheet.sheet ?? '' })
      : t(lang, 'import.sheetText', { encoding: m.sheet.encoding ?? 'utf-8', sep: m.sheet.tabs ? (zh ? '制表符' : 'tabs') : (zh ? '逗号' : 'commas') });
    const rows = m.shape?.headerRows ?? [];
    if (rows.length === 0) out.push(t(lang, 'import.sourceNoHeader', { file: name, form }));
    else {
      const header = zh ? `第 ${rows.join('、')} 行` : rows.length > 1 ? `rows ${rows.join(' and ')}` : `row ${rows[0]}`;
      out.push(t(lang, 'import.source', { file: name, form, header, n: m.records.length }));
    }
    if (m.skipped.length > 0) {
      const rows = m.skipped.map((s) => t(lang, s.why === 'total' ? 'import.skipTotal' : 'import.skipFooter', { row: s.row })).join(zh ? '、' : ', ');
      out.push(`  ${t(lang, 'import.skipped', { rows })}`);
    }
  }
  const fields = RECORD_FIELDS[kind];
  const label = (key: string): string => {
    const f = fields.find((x) => x.key === key)!;
    return zh ? f.label : f.key;
  };
  for (const tf of ready) {
    const p = tf.plan!;
    out.push(t(lang, 'import.target', { file: tf.file, added: p.added.length, changed: p.changed.length, same: p.same.length }));
    p.added.slice(0, PREVIEW_LIMIT).forEach((a) => out.push(`  ${t(lang, 'import.added', { id: a.id ?? '', what: summary(a.rec, kind), where: where(a.rec, lang) }).replace(/  +/g, ' ')}`));
    if (p.added.length > PREVIEW_LIMIT) out.push(`  ${t(lang, 'import.more', { n: p.added.length - PREVIEW_LIMIT })}`);
    p.changed.slice(0, PREVIEW_LIMIT).forEach((c) => {
      const what = c.changes.map((x) => t(lang, 'import.change', { field: label(x.field), from: x.from, to: x.to })).join(zh ? '；' : '; ');
      out.push(`  ${t(lang, update ? 'import.changedApplied' : 'import.changed', { id: c.id, what, where: where(c.rec, lang) })}`);
    });
    if (p.changed.length > PREVIEW_LIMIT) out.push(`  ${t(lang, 'import.more', { n: p.changed.length - PREVIEW_LIMIT })}`);
    if (p.same.length > 0) out.push(`  ${t(lang, 'import.same', { n: p.same.length })}`);
  }
  if (out.length > 0) io.stdout(out.join('\n') + '\n');
}
