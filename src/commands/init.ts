// `mj init [DIR]`: lays out a new data repository from the templates shipped with mj — settings,
// org tree, roster and records with Chinese headers, an example rubric, the JSON Schemas the YAML
// files point at, git and editor settings, a README for clerks, the pinned single-file mj
// (.mj/mj.mjs) with its shortcuts, and a CI workflow that runs it with plain Node. Outside a git
// work tree it runs `git init` (--no-git skips that). Refuses to write over any existing file;
// writes all or nothing.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { t, writeReason } from '../i18n/cli.js';
import { shownPath } from './output.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { jsonSchemas } from '../schema/json-schema.js';
import { commit, realFs, stageFiles, WriteRefused, type Content } from '../write/atomic.js';
import { langOf, parseYear, type CommonOptions } from './common.js';
import { readTemplate, standaloneFile, VERSION } from '../version.js';

export interface InitOptions extends CommonOptions {
  readonly year?: string;
  readonly name?: string;
  /** --no-git: commander sets git: false. */
  readonly git?: boolean;
}

/** Template file → path in the new dataset ({year} filled in). */
const LAYOUT: readonly (readonly [string, string])[] = [
  ['mj.yaml', 'mj.yaml'],
  ['orgs.yaml', 'orgs.yaml'],
  ['members.csv', 'members.csv'],
  ['activities.csv', 'activities/{year}.csv'],
  ['assessments.csv', 'assessments/{year}.csv'],
  ['rubric.yaml', 'rubrics/{year}.yaml'],
  ['transfers.csv', 'transfers.csv'],
  ['reserve.csv', 'reserve.csv'],
  ['liaisons.csv', 'liaisons.csv'],
  ['leaders.csv', 'leaders.csv'],
  ['reviews.csv', 'reviews/{year}.csv'],
  ['inspections.csv', 'inspections.csv'],
  ['findings.csv', 'findings.csv'],
  ['README.md', 'README.md'],
  ['gitattributes', '.gitattributes'],
  ['gitignore', '.gitignore'],
  ['editorconfig', '.editorconfig'],
  ['workflow.yml', '.github/workflows/mj.yml'],
  ['mj.cmd', 'mj.cmd'],
  ['mj.sh', 'mj'],
];

/** Where the pinned mj lives in a data repository. */
export const PINNED = join('.mj', 'mj.mjs');

/** A dataset name: one line of text (it goes into YAML, Markdown and every table title). */
function checkName(name: string, lang: 'zh' | 'en'): string {
  const trimmed = name.trim();
  if (trimmed === '' || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(trimmed) || [...trimmed].length > 60) {
    throw new UsageError(t(lang, 'usage.badName', { value: JSON.stringify(name) }));
  }
  return trimmed;
}

/** The pinned build's bytes (the single file this version ships, or this very file). */
export async function standaloneBytes(lang: 'zh' | 'en'): Promise<Uint8Array> {
  try {
    return await readFile(standaloneFile());
  } catch {
    throw new UsageError(t(lang, 'usage.noStandalone', { file: standaloneFile() }));
  }
}

/** Whether `dir` (or its nearest existing parent) is inside a git work tree; undefined without git. */
function insideGit(dir: string): boolean | undefined {
  let at = dir;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  const r = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: at, encoding: 'utf8' });
  if (r.error) return undefined;
  return r.status === 0 && r.stdout.trim() === 'true';
}

export async function runInit(dirArg: string | undefined, opts: InitOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const year = opts.year !== undefined ? parseYear(opts.year, lang) : io.today().getFullYear();
  const name = checkName(opts.name ?? '民进某某省委', lang);
  const dir = resolve(io.cwd, dirArg ?? '.');
  const fill = (text: string): string =>
    text.replace(/\{\{year\}\}/g, String(year)).replace(/\{\{version\}\}/g, VERSION)
      .replace(/\{\{name_yaml\}\}/g, JSON.stringify(name)).replace(/\{\{name\}\}/g, name.replace(/[\\`*_[\]<>|#]/g, '\\$&'));

  const files: { path: string; data: Content; mode?: number }[] = [];
  for (const [template, target] of LAYOUT) {
    files.push({ path: join(dir, target.replace('{year}', String(year))), data: fill(await readTemplate(template)), ...(target === 'mj' ? { mode: 0o755 } : {}) });
  }
  for (const [file, schema] of jsonSchemas()) files.push({ path: join(dir, 'schemas', file), data: JSON.stringify(schema, null, 2) + '\n' });
  files.push({ path: join(dir, PINNED), data: await standaloneBytes(lang), mode: 0o755 });

  const existing = files.filter((f) => existsSync(f.path)).map((f) => relative(io.cwd, f.path).split(sep).join('/'));
  if (existing.length > 0) throw new UsageError(t(lang, 'usage.initExists', { files: existing.join('、') }), t(lang, 'usage.initHint'));
  const git = opts.git === false ? false : insideGit(dir);
  const fs = io.fs ?? realFs;
  try {
    await commit(await stageFiles(files, fs), fs);
  } catch (e) {
    if (e instanceof WriteRefused) throw new UsageError(t(lang, 'usage.outputNotAFile', { file: e.path }));
    io.stderr(`mj: ${t(lang, 'io.error', { file: shownPath(dir, io), detail: writeReason(lang, (e as { code?: string }).code) })}\n`);
    io.stderr(t(lang, 'io.unchanged') + '\n');
    return EXIT.io;
  }
  const shown = relative(io.cwd, dir).split(sep).join('/') || '.';
  io.stdout(t(lang, 'init.done', { n: files.length, dir: shown, year }) + '\n');
  if (git === false && opts.git !== false) {
    // Its own repository, as `cargo new` does: the workflow must sit at the root GitHub reads.
    const r = spawnSync('git', ['init', '-q'], { cwd: dir, encoding: 'utf8' });
    if (r.status === 0) {
      spawnSync('git', ['symbolic-ref', 'HEAD', 'refs/heads/main'], { cwd: dir });
      io.stdout(t(lang, 'init.git', { dir: shown }) + '\n');
    } else io.stderr(t(lang, 'init.gitFailed', { detail: (r.stderr || '').trim() }) + '\n');
  } else if (git === true) io.stdout(t(lang, 'init.inGit') + '\n');
  else if (git === undefined) io.stderr(t(lang, 'init.noGit') + '\n');
  return EXIT.ok;
}
