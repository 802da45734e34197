// `mj schema`: the JSON Schemas of every file kind, printed or written into a folder.

import { join, resolve } from 'node:path';
import { t, writeReason } from '../i18n/cli.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { jsonSchemas } from '../schema/json-schema.js';
import { commit, realFs, stageFiles, WriteRefused } from '../write/atomic.js';
import { langOf, type CommonOptions } from './common.js';

export interface SchemaOptions extends CommonOptions {
  readonly out?: string;
}

export async function runSchema(opts: SchemaOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const schemas = jsonSchemas();
  if (opts.out === undefined) {
    io.stdout(JSON.stringify(Object.fromEntries(schemas), null, 2) + '\n');
    return EXIT.ok;
  }
  const dir = resolve(io.cwd, opts.out);
  const files = schemas.map(([name, s]) => ({ path: join(dir, name), data: JSON.stringify(s, null, 2) + '\n' }));
  try {
    const fs = io.fs ?? realFs;
    await commit(await stageFiles(files, fs), fs);
  } catch (e) {
    if (e instanceof WriteRefused) throw new UsageError(t(lang, 'usage.outputNotAFile', { file: e.path }));
    io.stderr(`mj: ${t(lang, 'io.error', { file: opts.out, detail: writeReason(lang, (e as { code?: string }).code) })}\n`);
    io.stderr(t(lang, 'io.unchanged') + '\n');
    return EXIT.io;
  }
  io.stderr(t(lang, 'schema.written', { n: files.length, dir: opts.out }) + '\n');
  return EXIT.ok;
}
