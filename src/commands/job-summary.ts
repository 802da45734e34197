// GitHub Actions job summaries: when $GITHUB_STEP_SUMMARY names a file (the runner sets it for
// each step), `mj validate`, `mj fmt --check` and `mj report --check` add a short Markdown summary to it. The file
// is rewritten whole (what it held, then the new part) through write/atomic.ts, and never when it
// is one of the dataset's inputs. Links to a file's line point at GitHub's view of the commit the
// run checks ($GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/…).

import { join, relative, resolve, sep } from 'node:path';
import type { Lang } from '../diagnostics/codes.js';
import { t, writeReason } from '../i18n/cli.js';
import type { Io } from '../io.js';
import { readRegular, writeAtomic, WriteRefused } from '../write/atomic.js';
import type { InputGuard } from './inputs.js';
import { shownPath } from './output.js';

/** The summary file of this step, when there is one. */
export function summaryFile(io: Io): string | undefined {
  const value = io.env['GITHUB_STEP_SUMMARY'];
  return value === undefined || value === '' ? undefined : resolve(io.cwd, value);
}

/** Adds `markdown` to the step's summary file (nothing without one); a failure is a warning, never the command's result. */
export async function addJobSummary(io: Io, markdown: string, guard: InputGuard | undefined, lang: Lang): Promise<void> {
  const file = summaryFile(io);
  if (file === undefined) return;
  if (guard && (await guard.clash(file)) !== undefined) {
    io.stderr(`mj: ${t(lang, 'summary.isInput', { file: shownPath(file, io) })}\n`);
    return;
  }
  try {
    const before = (await readRegular(file))?.toString('utf8') ?? '';
    const gap = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    // Each summary ends with a blank line, so the next step's starts a block of its own.
    await writeAtomic(file, before + gap + markdown + (markdown.endsWith('\n\n') ? '' : markdown.endsWith('\n') ? '\n' : '\n\n'), io.fs);
  } catch (e) {
    const detail = e instanceof WriteRefused ? t(lang, 'summary.notAFile') : writeReason(lang, (e as { code?: string }).code);
    io.stderr(`mj: ${t(lang, 'summary.failed', { file: shownPath(file, io), detail })}\n`);
  }
}

/**
 * The address of a dataset file's line on GitHub, for the run's commit, or undefined outside a
 * GitHub run. `root` is the dataset's folder; paths are taken from the workspace (the checkout).
 */
export function githubLinker(io: Io, root: string): (file: string, line: number) => string | undefined {
  const server = io.env['GITHUB_SERVER_URL'];
  const repo = io.env['GITHUB_REPOSITORY'];
  const sha = io.env['GITHUB_SHA'];
  if (!server || !/^https?:\/\/[^\s/]+/.test(server) || !repo || !sha || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^[0-9a-f]{7,64}$/.test(sha)) return () => undefined;
  const workspace = resolve(io.cwd, io.env['GITHUB_WORKSPACE'] || io.cwd);
  return (file, line) => {
    const rel = relative(workspace, join(root, file));
    if (rel.startsWith('..') || rel === '') return undefined;
    const path = rel.split(sep).map(encodeURIComponent).join('/');
    return `${server.replace(/\/+$/, '')}/${repo}/blob/${sha}/${path}${line > 0 ? `#L${line}` : ''}`;
  };
}
