// `mj close YEAR [--reason …]`: records that the year's results were reported (关账): the lock
// file closed/YEAR.yaml with the hash of each of the year's input files (records, assessments,
// rubric) and of its reports (reports/YEAR/, which must match the data), and who closed it and
// why. `mj reopen YEAR --reason …` records who reopened it and why, so the year may change again.
// Who is git's user.name (GIT_AUTHOR_NAME when set, as a commit would record it); a date is
// written only when given (--date), never taken from the clock. The lock file is written whole
// (write/atomic.ts) and never over an input; committing it is the user's step, as for reports.

import { join, relative, sep } from 'node:path';
import type { Lang } from '../diagnostics/codes.js';
import { t, writeReason } from '../i18n/cli.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { lockText, lockYears, loadLock } from '../load/closed.js';
import { yearsOf } from '../load/dataset.js';
import { lockFileOf, type LockEvent, type YearLock } from '../model/closed.js';
import type { Base } from '../pipeline/base.js';
import { hashesOf, yearInputs } from '../pipeline/closed.js';
import { configuredName } from '../repo/git.js';
import { writeAtomic, WriteRefused } from '../write/atomic.js';
import { langOf, openBaseOf, parseYear, printProblems, tableLang, type CommonOptions } from './common.js';
import { inputGuard } from './inputs.js';
import { footerDate, refuseInput, shownPath } from './output.js';
import { checkFolder } from './report.js';

export interface CloseOptions extends CommonOptions {
  readonly reason?: string;
  /** The day to record (YYYY-MM-DD); without it no date is recorded. */
  readonly date?: string;
}

/** A reason: one line of text, without control characters, at most 200 characters. */
function checkReason(reason: string, lang: Lang): string {
  const trimmed = reason.trim();
  if (trimmed === '' || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(trimmed) || [...trimmed].length > 200) {
    throw new UsageError(t(lang, 'usage.badReason', { value: JSON.stringify(reason) }));
  }
  return trimmed;
}

/** Who does it: the name a commit would record (GIT_AUTHOR_NAME, else git config user.name). */
async function whoAmI(io: Io, root: string, lang: Lang): Promise<string> {
  const name = io.env['GIT_AUTHOR_NAME']?.trim() || (await configuredName(root));
  if (name === undefined || name === '') throw new UsageError(t(lang, 'usage.noUserName'), t(lang, 'usage.noUserNameHint'));
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name)) throw new UsageError(t(lang, 'usage.badReason', { value: JSON.stringify(name) }));
  return name;
}

/** The year's lock as it is: none, or read (undefined with problems reported into the context when broken). */
async function currentLock(base: Base, year: number): Promise<{ lock: YearLock | undefined; broken: boolean }> {
  if (!(await lockYears(base.ds.root)).includes(year)) return { lock: undefined, broken: false };
  const lock = await loadLock(base.ctx, year);
  return { lock, broken: lock === undefined };
}

async function writeLock(base: Base, lock: Omit<YearLock, 'file'>, opts: CommonOptions, io: Io, lang: Lang): Promise<ExitCode | undefined> {
  const { ds } = base;
  const path = join(ds.root, ...lockFileOf(lock.year).split('/'));
  await refuseInput(await inputGuard(ds, path), path, io, lang);
  try {
    await writeAtomic(path, lockText(lock, tableLang(opts, ds.config.locale)), io.fs);
  } catch (e) {
    if (e instanceof WriteRefused) throw new UsageError(t(lang, 'usage.outputNotAFile', { file: shownPath(path, io) }));
    io.stderr(`mj: ${t(lang, 'io.error', { file: shownPath(path, io), detail: writeReason(lang, (e as { code?: string }).code) })}\n`);
    io.stderr(t(lang, 'io.unchanged') + '\n');
    return EXIT.io;
  }
  return undefined;
}

export async function runClose(yearText: string, opts: CloseOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const year = parseYear(yearText, lang);
  const reason = opts.reason === undefined ? undefined : checkReason(opts.reason, lang);
  const date = footerDate(opts.date, lang);
  const opened = await openBaseOf(opts, io, lang);
  if (!opened.ok) return printProblems(opened.problems, opts, io, lang);
  const base = opened.value;
  const { ds } = base;
  if (!yearsOf(ds).includes(year)) throw new UsageError(t(lang, 'usage.closeNoYear', { year }));
  const { lock: before, broken } = await currentLock(base, year);
  if (broken) return printProblems({ missing: undefined, ctx: base.ctx, dataset: ds }, opts, io, lang);
  const lockFile = shownPath(join(ds.root, ...lockFileOf(year).split('/')), io);
  if (before?.state === 'closed') throw new UsageError(t(lang, 'usage.alreadyClosed', { year, lock: lockFile }), t(lang, 'usage.alreadyClosedHint', { year }));
  const by = await whoAmI(io, ds.root, lang);

  // What is closed is what was reported: the year's reports must match its data.
  const dir = join(ds.root, 'reports', String(year));
  const checked = await checkFolder(base, dir);
  if ('problems' in checked) return printProblems(checked.problems, opts, io, lang);
  if (checked.files.length === 0) throw new UsageError(t(lang, 'usage.closeNoReport', { year, dir: shownPath(dir, io) }), t(lang, 'usage.closeNoReportHint', { year }));
  if (checked.differences.length > 0) {
    throw new UsageError(t(lang, 'usage.closeStale', { year, n: checked.differences.length, dir: shownPath(dir, io) }), t(lang, 'usage.closeNoReportHint', { year }));
  }
  const reports = checked.files.map((f) => relative(ds.root, join(dir, f)).split(sep).join('/'));
  const paths = [...yearInputs(ds, year), ...reports];
  const hashes = await hashesOf(ds.root, paths);
  const files = paths.map((path) => ({ path, hash: hashes.get(path) }));
  const gone = files.find((f) => f.hash === undefined);
  if (gone) throw new UsageError(t(lang, 'usage.closeUnreadable', { file: gone.path }));
  const event: LockEvent = { action: 'close', by, reason, date };
  const lock = { year, state: 'closed' as const, files: files.map((f) => ({ path: f.path, hash: f.hash! })), history: [...(before?.history ?? []), event] };
  const failed = await writeLock(base, lock, opts, io, lang);
  if (failed !== undefined) return failed;
  io.stdout(t(lang, 'close.done', { year, n: files.length, lock: lockFile }) + '\n');
  io.stdout(t(lang, 'close.commit', { year, lock: lockFile }) + '\n');
  return EXIT.ok;
}

export async function runReopen(yearText: string, opts: CloseOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const year = parseYear(yearText, lang);
  if (opts.reason === undefined) throw new UsageError(t(lang, 'usage.reopenNeedsReason', { year }));
  const reason = checkReason(opts.reason, lang);
  const date = footerDate(opts.date, lang);
  const opened = await openBaseOf(opts, io, lang);
  if (!opened.ok) return printProblems(opened.problems, opts, io, lang);
  const base = opened.value;
  const { ds } = base;
  const { lock: before, broken } = await currentLock(base, year);
  if (broken) return printProblems({ missing: undefined, ctx: base.ctx, dataset: ds }, opts, io, lang);
  const lockFile = shownPath(join(ds.root, ...lockFileOf(year).split('/')), io);
  if (before === undefined || before.state !== 'closed') throw new UsageError(t(lang, 'usage.notClosed', { year }));
  const by = await whoAmI(io, ds.root, lang);
  const lock = { ...before, state: 'open' as const, history: [...before.history, { action: 'reopen' as const, by, reason, date }] };
  const failed = await writeLock(base, lock, opts, io, lang);
  if (failed !== undefined) return failed;
  io.stdout(t(lang, 'reopen.done', { year, by, lock: lockFile }) + '\n');
  io.stdout(t(lang, 'reopen.commit', { year, lock: lockFile }) + '\n');
  return EXIT.ok;
}
