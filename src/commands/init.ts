// `mj init [DIR]`: lays out a new dataset from the templates shipped with mj — settings, org
// tree, roster and records with Chinese headers, an example rubric, the JSON Schemas the YAML
// files point at, git and editor settings, a README for clerks and a CI workflow that runs a
// pinned mj. Refuses to write over any existing file; writes all or nothing.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { t, writeReason } from '../i18n/cli.js';
import { shownPath } from './output.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { jsonSchemas } from '../schema/json-schema.js';
import { commit, realFs, stageFiles, WriteRefused } from '../write/atomic.js';
import { langOf, parseYear, type CommonOptions } from './common.js';
import { PACKAGE_NAME, TEMPLATES_DIR, VERSION } from '../version.js';

const TEMPLATES = TEMPLATES_DIR;

export interface InitOptions extends CommonOptions {
  readonly year?: string;
  readonly name?: string;
}

/** Template file → path in the new dataset ({year} filled in). */
const LAYOUT: readonly (readonly [string, string])[] = [
  ['mj.yaml', 'mj.yaml'],
  ['orgs.yaml', 'orgs.yaml'],
  ['members.csv', 'members.csv'],
  ['activities.csv', 'activities/{year}.csv'],
  ['assessments.csv', 'assessments/{year}.csv'],
  ['rubric.yaml', 'rubrics/{year}.yaml'],
  ['README.md', 'README.md'],
  ['gitattributes', '.gitattributes'],
  ['editorconfig', '.editorconfig'],
  ['package.json', 'package.json'],
  ['workflow.yml', '.github/workflows/mj.yml'],
];

export async function runInit(dirArg: string | undefined, opts: InitOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const year = opts.year !== undefined ? parseYear(opts.year, lang) : io.today().getFullYear();
  const name = opts.name ?? '民进某某省委';
  const dir = resolve(io.cwd, dirArg ?? '.');
  const fill = (text: string): string =>
    text.replace(/\{\{year\}\}/g, String(year)).replace(/\{\{version\}\}/g, VERSION).replace(/\{\{package\}\}/g, PACKAGE_NAME).replace(/民进某某省委/g, name).replace(/\{\{name\}\}/g, name);

  const files: { path: string; data: string }[] = [];
  for (const [template, target] of LAYOUT) {
    files.push({ path: join(dir, target.replace('{year}', String(year))), data: fill(await readFile(join(TEMPLATES, template), 'utf8')) });
  }
  for (const [file, schema] of jsonSchemas()) files.push({ path: join(dir, 'schemas', file), data: JSON.stringify(schema, null, 2) + '\n' });

  const existing = files.filter((f) => existsSync(f.path)).map((f) => relative(io.cwd, f.path).split(sep).join('/'));
  if (existing.length > 0) throw new UsageError(t(lang, 'usage.initExists', { files: existing.join('、') }), t(lang, 'usage.initHint'));
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
  return EXIT.ok;
}
