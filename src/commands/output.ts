// Where a command's table goes and in which format: --out FILE (format from its extension; a
// disagreeing --format is a usage error), else stdout (a terminal table on a TTY, else CSV).
// Files are written atomically and never over one of the command's input files.

import { realpath } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import type { Lang } from '../diagnostics/codes.js';
import { messageLang, t, writeReason } from '../i18n/cli.js';
import { formatDay, parseDate } from '../util/dates.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import type { LoadContext } from '../load/context.js';
import type { Dataset } from '../load/dataset.js';
import { csvChunks, renderCsv } from '../render/csv.js';
import { renderJson } from '../render/json.js';
import { markdownChunks, renderMarkdown } from '../render/markdown.js';
import { headers, type TableLang } from '../tables/headers.js';
import type { Table } from '../tables/table.js';
import { writeAtomic, WriteRefused, type Content } from '../write/atomic.js';
import { renderDiagnostics, useColor, writeOut, type CommonOptions } from './common.js';

export type TableFormat = 'table' | 'csv' | 'md' | 'json' | 'xlsx';
const FORMATS: readonly TableFormat[] = ['table', 'csv', 'md', 'json', 'xlsx'];
const BY_EXTENSION: Readonly<Record<string, TableFormat>> = { '.csv': 'csv', '.md': 'md', '.json': 'json', '.txt': 'table', '.xlsx': 'xlsx' };

export interface OutputOptions extends CommonOptions {
  readonly format?: string;
  readonly out?: string;
  readonly excel?: boolean;
  /** 填表日期 in XLSX footers. */
  readonly date?: string;
}

export interface Destination {
  readonly format: TableFormat;
  /** Absolute path, or undefined for stdout. */
  readonly path: string | undefined;
}

export function destination(opts: OutputOptions, io: Io, lang: Lang): Destination {
  const allowed = FORMATS.join('、');
  if (opts.format !== undefined && !FORMATS.includes(opts.format as TableFormat)) {
    throw new UsageError(t(lang, 'usage.badFormat', { value: opts.format, allowed }));
  }
  if (opts.out !== undefined) {
    const ext = extname(opts.out).toLowerCase();
    const byExt = BY_EXTENSION[ext];
    if (byExt === undefined) throw new UsageError(t(lang, 'usage.badExtension', { file: opts.out, allowed: Object.keys(BY_EXTENSION).join('、') }));
    if (opts.format !== undefined && opts.format !== byExt) {
      throw new UsageError(t(lang, 'usage.formatMismatch', { format: opts.format, file: opts.out }));
    }
    return { format: byExt, path: resolve(io.cwd, opts.out) };
  }
  const format = (opts.format as TableFormat | undefined) ?? (io.stdoutIsTTY ? 'table' : 'csv');
  if (format === 'xlsx') throw new UsageError(t(lang, 'usage.xlsxNeedsFile'));
  return { format, path: undefined };
}

/** --date: the 填表日期 printed in XLSX footers (never the clock). */
export function footerDate(value: string | undefined, lang: Lang): string | undefined {
  if (value === undefined) return undefined;
  const r = parseDate(value);
  if (!r.ok) throw new UsageError(t(lang, 'usage.badDate', { value }));
  return formatDay(r.day);
}

/** A table for a file, CSV and Markdown in pieces (a national table is never one string). */
export async function renderTableContent(
  table: Table, format: TableFormat, opts: OutputOptions, io: Io, tableLang: TableLang, unit: string,
): Promise<Content> {
  if (format === 'csv') return csvChunks(table, { excel: opts.excel === true });
  if (format === 'md') return markdownChunks(table, { notesHeading: headers(tableLang).notes });
  return renderTable(table, format, opts, io, tableLang, true, unit);
}

export async function renderTable(
  table: Table, format: TableFormat, opts: OutputOptions, io: Io, tableLang: TableLang, toFile: boolean, unit: string,
): Promise<string | Uint8Array> {
  const notesHeading = headers(tableLang).notes;
  switch (format) {
    case 'xlsx': {
      const { renderXlsx } = await import('../render/xlsx.js');
      return renderXlsx(table, { unit, date: footerDate(opts.date, messageLang(opts.lang, io.env)), lang: tableLang });
    }
    case 'csv':
      return renderCsv(table, { excel: opts.excel === true });
    case 'md':
      return renderMarkdown(table, { notesHeading });
    case 'json':
      return renderJson(table);
    case 'table': {
      const { renderTerminal } = await import('../render/terminal.js');
      return renderTerminal(table, { color: !toFile && useColor(opts, io), notesHeading });
    }
  }
}

/** Every data file of the dataset (all years): outputs may never replace one of them. */
export function inputFiles(ds: Dataset, _year?: number): string[] {
  const rel: (string | undefined)[] = ['mj.yaml', ds.files.orgs, ds.files.members];
  for (const list of [ds.files.activities, ds.files.assessments, ds.files.rubrics]) for (const f of list) rel.push(f.file);
  return rel.filter((f): f is string => f !== undefined).map((f) => resolve(ds.root, f));
}

/** A path as the user would type it: relative to the current folder when inside it. */
export function shownPath(abs: string, io: Io): string {
  const rel = relative(io.cwd, abs);
  return (rel.startsWith('..') || rel === '' ? abs : rel).split(sep).join('/');
}

async function real(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    return p;
  }
}

/** Writes the output to its file (atomically) or to stdout. */
export async function emit(content: string | Uint8Array, dest: Destination, inputs: readonly string[], io: Io, lang: Lang): Promise<ExitCode> {
  if (dest.path === undefined) {
    io.stdout(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
    return EXIT.ok;
  }
  const target = await real(dest.path);
  for (const input of inputs) {
    if ((await real(input)) === target) throw new UsageError(t(lang, 'usage.outputIsInput', { file: dest.path }));
  }
  try {
    await writeAtomic(dest.path, content, io.fs);
  } catch (e) {
    if (e instanceof WriteRefused) throw new UsageError(t(lang, 'usage.outputNotAFile', { file: dest.path }));
    io.stderr(`mj: ${t(lang, 'io.error', { file: shownPath(dest.path, io), detail: writeReason(lang, (e as { code?: string }).code) })}\n`);
    io.stderr(t(lang, 'io.unchanged') + '\n');
    return EXIT.io;
  }
  io.stderr(t(lang, 'written', { file: shownPath(dest.path, io) }) + '\n');
  return EXIT.ok;
}

/**
 * Stops a command whose input files have errors: prints them (as `mj validate` would) on
 * stderr and returns exit 1; warnings are only counted. Returns undefined when it may go on.
 */
export async function stopOnErrors(ctx: LoadContext, ds: Dataset | undefined, opts: CommonOptions, io: Io, lang: Lang): Promise<ExitCode | undefined> {
  const d = ctx.diagnostics;
  if (d.errors > 0 || ds === undefined) {
    writeOut(io.stderr, await renderDiagnostics(d.list, ctx.root, ds, io, lang, 'text', 200, useColor(opts, io), ctx.options.encoding));
    io.stderr(t(lang, 'blocked') + '\n');
    return d.list.some((x) => x.code === 'MJ003') ? EXIT.io : EXIT.data;
  }
  if (d.warnings > 0) io.stderr(t(lang, 'warningsOnly', { n: d.warnings }) + '\n');
  return undefined;
}
