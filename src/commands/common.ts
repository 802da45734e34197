// What every command shares: the common options, finding and opening the dataset, and
// printing diagnostics with excerpts and "did you mean" hints drawn from the loaded data.

import { relative, resolve, sep } from 'node:path';
import type { Lang } from '../diagnostics/codes.js';
import { sortDiagnostics, type Diagnostic, type SuggestPool } from '../diagnostics/diagnostic.js';
import { formatGithub, formatJson, formatMarkdownSummary, formatText, type FormatContext } from '../diagnostics/format.js';
import { alphabetOf, closest, closestInSet } from '../diagnostics/suggest.js';
import { t, messageLang } from '../i18n/cli.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import type { FileFacts, LoadOptions } from '../load/context.js';
import { isBranchOfYear, type Org } from '../model/types.js';
import type { Dataset } from '../load/dataset.js';
import { openBase, type Base } from '../pipeline/base.js';
import type { Problems, Stage } from '../pipeline/stage.js';
import { ENCODING_NAMES, type Encoding } from '../source/decode.js';
import { readLines } from '../source/lines.js';
import { headerLookup, RECORD_FIELDS, type RecordKind } from '../schema/fields.js';
import { BUILD, IS_STANDALONE, standaloneFile } from '../version.js';
import { subtree } from '../compute/scope.js';

export interface CommonOptions {
  readonly data?: string;
  readonly lang?: string;
  readonly color?: boolean;
  readonly encoding?: string;
  readonly maxFileSize?: string;
}

export function langOf(opts: CommonOptions, io: Io): Lang {
  if (opts.lang !== undefined && opts.lang !== 'zh' && opts.lang !== 'en') {
    throw new UsageError(t(messageLang(undefined, io.env), 'usage.badLang', { value: opts.lang }));
  }
  return messageLang(opts.lang, io.env);
}

export function encodingOf(opts: CommonOptions, lang: Lang): Encoding | undefined {
  if (opts.encoding === undefined) return undefined;
  const e = ENCODING_NAMES[opts.encoding.toLowerCase()];
  if (e === undefined) throw new UsageError(t(lang, 'usage.badEncoding', { value: opts.encoding }));
  return e;
}

/** Megabytes as bytes; decimals allowed, 0 means no limit. */
export function megabytes(value: string, option: string, lang: Lang): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new UsageError(t(lang, 'usage.badNumber', { option, value }));
  const mb = Number(value);
  return mb === 0 ? Number.POSITIVE_INFINITY : Math.floor(mb * 1024 * 1024);
}

export function wholeNumber(value: string | undefined, option: string, lang: Lang, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(t(lang, 'usage.badNumber', { option, value }));
  return Number(value);
}

/** The read options the command line and the environment set (MJ_* variables are for tests and measuring). */
export function loadOptionsOf(opts: CommonOptions, io: Io, lang: Lang): LoadOptions {
  const maxBytes = opts.maxFileSize === undefined ? undefined : megabytes(opts.maxFileSize, '--max-file-size', lang);
  const envInt = (name: string): number | undefined => {
    const v = Number(io.env[name] ?? '');
    return io.env[name] !== undefined && Number.isInteger(v) && v >= 0 ? v : undefined;
  };
  const chunk = envInt('MJ_CHUNK_BYTES');
  return {
    encoding: encodingOf(opts, lang), maxFileBytes: maxBytes, carefulOnly: io.env['MJ_FAST_PATH'] === '0', cacheBuild: io.env['MJ_CACHE'] === '0' ? undefined : BUILD,
    chunkBytes: chunk !== undefined && chunk > 0 ? chunk : undefined, parallelMinBytes: envInt('MJ_PARALLEL_MIN_BYTES'), prefetchMinBytes: envInt('MJ_PREFETCH_MIN_BYTES'),
    early: io.env['MJ_EARLY_WORKER'] === '1',
    traceSplit: io.env['MJ_TRACE_SPLIT'] === '1'
      ? (file, at, merged, early) => io.stderr(`mj: split ${file} at byte ${at}: ${merged ? 'merged' : 'read on one thread'}${early === undefined ? '' : early ? ' (early worker, its own words)' : ' (early worker, read again)'}\n`)
      : undefined,
    traceTime: io.env['MJ_TRACE_TIME'] === '1' ? (step) => io.stderr(`mj: ${Math.round(performance.now())} ms ${step}\n`) : undefined,
  };
}

/**
 * Opens the dataset and loads its base (the first stage of every command that reads data);
 * `years`: the years whose records the command reads first (looked at while the base loads).
 */
export async function openBaseOf(opts: CommonOptions, io: Io, lang: Lang, years?: readonly number[]): Promise<Stage<Base>> {
  return openBase(io.cwd, opts.data, { ...loadOptionsOf(opts, io, lang), prefetchYears: years });
}

/**
 * Prints what stopped a command, as `mj validate` would, on stderr: no dataset (exit 2), or the
 * data's errors (exit 1; 3 when a file could not be read at all), saying that nothing was written.
 */
export async function printProblems(p: Problems, opts: CommonOptions, io: Io, lang: Lang): Promise<ExitCode> {
  if (p.missing) {
    writeOut(io.stderr, await renderDiagnostics([p.missing], undefined, undefined, io, lang, 'text', 200, false, undefined));
    return EXIT.usage;
  }
  const list = p.ctx?.diagnostics.list ?? [];
  writeOut(io.stderr, await renderDiagnostics(list, p.ctx?.root, p.dataset, io, lang, 'text', 200, useColor(opts, io), p.ctx?.facts));
  io.stderr(t(lang, 'blocked') + '\n');
  return list.some((x) => x.code === 'MJ003') ? EXIT.io : EXIT.data;
}

/** After a command's results: the number of warnings, when there are any (they never block). */
export function noteWarnings(base: Base, io: Io, lang: Lang): void {
  const n = base.ctx.diagnostics.warnings;
  if (n > 0) io.stderr(t(lang, 'warningsOnly', { n }) + '\n');
}

/** How dataset paths are shown: relative to the current folder, with forward slashes. */
export function pathShower(root: string, cwd: string): (file: string) => string {
  // Once per file: a national run may print hundreds of thousands of problems of one file.
  const shown = new Map<string, string>();
  return (file) => {
    let out = shown.get(file);
    if (out === undefined) {
      const abs = resolve(root, file);
      const rel = relative(cwd, abs) || '.';
      shown.set(file, (out = rel.split(sep).join('/')));
    }
    return out;
  };
}

export function useColor(opts: CommonOptions, io: Io): boolean {
  if (opts.color === false) return false;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdoutIsTTY;
}

export type DiagnosticFormat = 'text' | 'json' | 'github';

/** Writes text given whole or in pieces. */
export function writeOut(write: (s: string) => void, content: string | Iterable<string>): void {
  if (typeof content === 'string') write(content);
  else for (const piece of content) write(piece);
}

/** The same on stdout, waiting for it to take each piece (io.drain), so a long output is never all in memory. */
export async function writeOutPaced(io: Io, content: string | Iterable<string>): Promise<void> {
  if (typeof content === 'string') {
    io.stdout(content);
    return;
  }
  for (const piece of content) {
    io.stdout(piece);
    if (io.drain) await io.drain();
  }
}

const lookups = (Object.keys(RECORD_FIELDS) as RecordKind[]).map(headerLookup);

/** A CSV header that names a field of some record kind (its key, Chinese label or an alias). */
function isKnownHeader(header: string): boolean {
  return lookups.some((find) => find(header) >= 0);
}

/** Renders diagnostics with excerpts read from the files and hints from the dataset's ids. */
export async function renderDiagnostics(
  list: readonly Diagnostic[], root: string | undefined, ds: Dataset | undefined, io: Io, lang: Lang,
  format: DiagnosticFormat, max: number, color: boolean, facts: ReadonlyMap<string, FileFacts> | undefined, extra: Record<string, unknown> = {},
): Promise<string | Iterable<string>> {
  const sorted = sortDiagnostics(list);
  const printed = format === 'json' ? sorted : max > 0 ? sorted.slice(0, max) : sorted;
  const lines = new Map<string, Map<number, string>>();
  if (format === 'text' && root !== undefined) {
    const wanted = new Map<string, Set<number>>();
    for (const d of printed) {
      if (d.line <= 0 || d.file === '') continue;
      let set = wanted.get(d.file);
      if (!set) wanted.set(d.file, (set = new Set()));
      set.add(d.line);
    }
    // A YAML record file with keys mj does not know says so (MJ104: only record files do).
    const unknownKeys = new Set(sorted.filter((d) => d.code === 'MJ104').map((d) => d.file));
    for (const [file, set] of wanted) {
      const f = facts?.get(file);
      if (f?.sheet !== undefined) continue;
      const csv = /\.csv$/i.test(file);
      // Cells of columns (values of keys) mj does not know, 手机号码 or 身份证号, are never quoted.
      const mask = csv ? { maskCells: (h: string) => !isKnownHeader(h) } : unknownKeys.has(file) ? { maskKeys: (k: string) => !isKnownHeader(k) } : {};
      lines.set(file, await readLines(f?.path ?? resolve(root, file), set, f?.encoding, mask));
    }
  }
  const pools = suggestPools(ds);
  const c = color ? new (await import('chalk')).Chalk({ level: 1 }) : undefined;
  const ctx: FormatContext = {
    lang,
    suggest: pools,
    lineText: (file, line) => lines.get(file)?.get(line),
    showPath: root === undefined ? (f) => f : pathShower(root, io.cwd),
    sheetOf: (file) => facts?.get(file)?.sheet,
    ...(c ? { color: { error: (s: string) => c.red(s), warning: (s: string) => c.yellow(s), dim: (s: string) => c.dim(s), bold: (s: string) => c.bold(s) } } : {}),
  };
  if (format === 'json') return formatJson(sorted, ctx, extra);
  if (format === 'github') return formatGithub(sorted, ctx, max);
  return formatText(sorted, ctx, max);
}

/**
 * The job summary of diagnostics (Markdown for $GITHUB_STEP_SUMMARY): counts by code and the
 * first `first` problems, each linked to its file and line where `link` can.
 */
export function diagnosticsSummary(
  list: readonly Diagnostic[], root: string | undefined, ds: Dataset | undefined, io: Io, lang: Lang,
  link: (file: string, line: number) => string | undefined, ok: string | undefined, first = 20,
): string {
  const ctx: FormatContext = {
    lang, suggest: suggestPools(ds), lineText: () => undefined, showPath: root === undefined ? (f) => f : pathShower(root, io.cwd),
  };
  return formatMarkdownSummary(sortDiagnostics(list), ctx, { first, link, ok });
}

/**
 * "Did you mean" from the dataset's ids, computed once per distinct value (a national file with
 * many problems repeats the same bad id) and, for large pools, by single-edit probes rather than
 * comparing with every id.
 */
function suggestPools(ds: Dataset | undefined): FormatContext['suggest'] {
  let orgs: Set<string> | undefined;
  let branches: Set<string> | undefined;
  let members: Set<string> | undefined;
  let memberAlphabet: string | undefined;
  let orgAlphabet: string | undefined;
  const memo = new Map<string, string | undefined>();
  const byName = new Map<string, string>();
  for (const o of ds?.orgs ?? []) if (!byName.has(o.name)) byName.set(o.name, o.id);
  const memberByName = new Map<string, string>();
  const resolve = (value: string, pool: SuggestPool, candidates: readonly string[] | undefined): string | undefined => {
    switch (pool) {
      case 'orgs':
      case 'branches': {
        // A clerk often writes the org's name where its id belongs.
        const named = byName.get(value);
        if (named !== undefined && (pool === 'orgs' || ds?.orgById.get(named)?.type === '支部')) return named;
        const set = pool === 'orgs'
          ? (orgs ??= new Set(ds?.orgs.map((o) => o.id) ?? []))
          : (branches ??= new Set(ds?.orgs.filter((o) => o.type === '支部').map((o) => o.id) ?? []));
        return closestInSet(value, set, () => (orgAlphabet ??= alphabetOf(set)));
      }
      case 'members': {
        members ??= new Set(ds?.memberById.keys() ?? []);
        // Excel drops leading zeros (0012 → 12); a clerk may write the member's name.
        if (/^\d+$/.test(value)) {
          for (let width = value.length + 1; width <= value.length + 6; width++) {
            const padded = value.padStart(width, '0');
            if (members.has(padded)) return padded;
          }
        }
        if (memberByName.size === 0) for (const m of ds?.members ?? []) if (!memberByName.has(m.name)) memberByName.set(m.name, m.id);
        const named = memberByName.get(value);
        if (named !== undefined) return named;
        return closestInSet(value, members, () => (memberAlphabet ??= alphabetOf(members!)));
      }
      default:
        return closest(value, candidates ?? []);
    }
  };
  return (value, pool, candidates) => {
    if (pool === 'values' || pool === 'columns' || pool === 'items') return resolve(value, pool, candidates);
    const key = `${pool}\u0000${value}`;
    if (!memo.has(key)) memo.set(key, resolve(value, pool, candidates));
    return memo.get(key);
  };
}

/** How this mj is run here, for the commands mj prints (the pinned file, npx, or mj on PATH). */
export function mjCommand(io: Io): string {
  const rel = relative(io.cwd, standaloneFile());
  const pinned = (rel.startsWith('..') || rel === '' ? standaloneFile() : rel).split(sep).join('/');
  return IS_STANDALONE ? `node ${pinned}` : io.env['npm_command'] === 'exec' ? 'npx --no-install mj' : 'mj';
}

export function parseYear(value: string, lang: Lang): number {
  if (!/^\d{4}$/.test(value)) throw new UsageError(t(lang, 'usage.badYear', { value }));
  return Number(value);
}

/** The table language: --lang, else mj.yaml's locale, else zh — never the environment. */
export function tableLang(opts: CommonOptions, configLocale: 'zh' | 'en' | undefined): 'zh' | 'en' {
  if (opts.lang === 'zh' || opts.lang === 'en') return opts.lang;
  return configLocale ?? 'zh';
}

/** Checks an --org id (or an org's full name) against the dataset; the org's id, or a usage error with a hint. */
export function checkOrg(id: string | undefined, ds: Dataset, lang: Lang): string | undefined {
  return findOrg(id, ds, lang)?.id;
}

/**
 * The org --org names, by its id or its full name in orgs.yaml. Unknown: a usage error whose
 * hint is the nearest id or name, else the orgs whose names hold what was typed (贵阳 → the
 * orgs with 贵阳 in their names, up to five), else what an org id is.
 */
export function findOrg(value: string | undefined, ds: Dataset, lang: Lang): Org | undefined {
  if (value === undefined) return undefined;
  const org = ds.orgById.get(value) ?? ds.orgs.find((o) => o.name === value);
  if (org) return org;
  const guess = closest(value, [...ds.orgById.keys(), ...ds.orgs.map((o) => o.name)]);
  const guessed = guess === undefined ? undefined : ds.orgById.get(guess) ?? ds.orgs.find((o) => o.name === guess);
  const named = (o: Org): string => (o.name === o.id ? o.id : lang === 'zh' ? `${o.id}（${o.name}）` : `${o.id} (${o.name})`);
  const holding = value.trim() === '' ? [] : ds.orgs.filter((o) => o.name.includes(value.trim()));
  const hint = guessed !== undefined
    ? t(lang, 'usage.didYouMean', { value: named(guessed) })
    : holding.length > 0
      ? t(lang, 'usage.orgsNamed', { list: holding.slice(0, 5).map(named).join(lang === 'zh' ? '、' : ', ') + (holding.length > 5 ? (lang === 'zh' ? ' 等' : ' …') : '') })
      : t(lang, 'usage.orgIdHint');
  throw new UsageError(t(lang, 'usage.unknownOrg', { value }), hint);
}

/**
 * A table limited by --org (an id checkOrg passed): the orgs it lists (the org and everything
 * under it) and how its notes name the org, by name and id: 民进贵阳市委会（gy）.
 */
export function orgLimit(id: string | undefined, ds: Dataset, lang: 'zh' | 'en'): { only: Set<string> | undefined; label: string | undefined } {
  if (id === undefined) return { only: undefined, label: undefined };
  const name = ds.orgById.get(id)?.name;
  const label = name === undefined || name === id ? id : lang === 'zh' ? `${name}（${id}）` : `${name} (${id})`;
  return { only: subtree(ds.orgs, id), label };
}

/** Checks that an --explain id names a branch assessed in the year; a usage error when not. */
export function checkBranchOfYear(id: string | undefined, ds: Dataset, year: number, lang: Lang): string | undefined {
  const known = checkOrg(id, ds, lang);
  if (known === undefined) return undefined;
  const org = ds.orgById.get(known);
  if (org === undefined || !isBranchOfYear(org, year)) throw new UsageError(t(lang, 'usage.unknownBranch', { value: known, year }));
  return known;
}
