// Where a command's document goes and in which format: --out FILE (format from its extension; a
// disagreeing --format is a usage error), else stdout (a terminal table on a TTY, else CSV).
// Drawing goes through the renderer registry; files are written atomically and never over one of
// the command's input files.

import { extname, relative, resolve, sep } from 'node:path';
import type { Lang } from '../diagnostics/codes.js';
import { t, writeReason } from '../i18n/cli.js';
import { formatDay, parseDate } from '../util/dates.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { OUTPUT_FORMATS, type OutputFormat, type RenderOptions, type Renderer } from '../render/registry.js';
import type { TableLang } from '../tables/headers.js';
import { writeAtomic, WriteRefused, type Content } from '../write/atomic.js';
import { useColor, writeOut, type CommonOptions } from './common.js';
import type { InputGuard } from './inputs.js';

const BY_EXTENSION: Readonly<Record<string, OutputFormat>> = { '.csv': 'csv', '.md': 'md', '.json': 'json', '.txt': 'table', '.xlsx': 'xlsx' };

export interface OutputOptions extends CommonOptions {
  readonly format?: string;
  readonly out?: string;
  readonly excel?: boolean;
  /** 填表日期 in XLSX footers. */
  readonly date?: string;
  /** Every column in a terminal table too. */
  readonly wide?: boolean;
}

export interface Destination {
  readonly format: OutputFormat;
  /** Absolute path, or undefined for stdout. */
  readonly path: string | undefined;
}

/** `piped`: the format on stdout when it is not a terminal and --format is not given (tables: CSV). */
export function destination(opts: OutputOptions, io: Io, lang: Lang, piped: OutputFormat = 'csv'): Destination {
  const allowed = OUTPUT_FORMATS.join('、');
  if (opts.format !== undefined && !OUTPUT_FORMATS.includes(opts.format as OutputFormat)) {
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
  const format = (opts.format as OutputFormat | undefined) ?? (io.stdoutIsTTY ? 'table' : piped);
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

/** The renderers' settings for a command's output; a table shown on a terminal is fitted to its width. */
export function renderOptions(opts: OutputOptions, io: Io, lang: Lang, tableLang: TableLang, toFile: boolean, unit: string): RenderOptions {
  const onTerminal = !toFile && io.stdoutIsTTY;
  return {
    lang: tableLang, color: !toFile && useColor(opts, io), excel: opts.excel === true, unit, date: footerDate(opts.date, lang),
    width: onTerminal ? Math.max(40, io.columns) : undefined, wide: opts.wide === true,
  };
}

/** The renderer of `dest.format` from a registry; a format the document has none for is a usage error naming those it has. */
export function rendererFor<D>(registry: Readonly<Partial<Record<OutputFormat, Renderer<D>>>>, dest: Destination, lang: Lang): Renderer<D> {
  const r = registry[dest.format];
  if (r === undefined) {
    const allowed = OUTPUT_FORMATS.filter((f) => registry[f] !== undefined);
    throw new UsageError(t(lang, 'usage.formatNotFor', { value: dest.format, allowed: allowed.join('、') }));
  }
  return r;
}

/** A usage error when `path` is an input of the dataset or where one would be read. */
export async function refuseInput(guard: InputGuard, path: string, io: Io, lang: Lang): Promise<void> {
  const why = await guard.clash(path);
  if (why === 'input') throw new UsageError(t(lang, 'usage.outputIsInput', { file: shownPath(path, io) }));
  if (why === 'input-pattern') throw new UsageError(t(lang, 'usage.outputIsInputPattern', { file: shownPath(path, io) }));
}

/** A path as the user would type it: relative to the current folder when inside it. */
export function shownPath(abs: string, io: Io): string {
  const rel = relative(io.cwd, abs);
  return (rel.startsWith('..') || rel === '' ? abs : rel).split(sep).join('/');
}

/** Writes the output to its file (atomically) or to stdout. */
export async function emit(content: Content, dest: Destination, guard: InputGuard, io: Io, lang: Lang): Promise<ExitCode> {
  if (dest.path === undefined) {
    writeOut(io.stdout, content instanceof Uint8Array ? Buffer.from(content).toString('utf8') : content);
    return EXIT.ok;
  }
  await refuseInput(guard, dest.path, io, lang);
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
