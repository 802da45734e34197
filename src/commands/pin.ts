// `mj pin`: replaces the data repository's pinned mj (.mj/mj.mjs) with the single-file build of the
// mj that runs this command, so that everyone and the repository's CI run that version. Run it
// with the new mj (installed from its repository or package), inside the data repository.

import { join } from 'node:path';
import { t, writeReason } from '../i18n/cli.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { findRoot } from '../load/config.js';
import { VERSION } from '../version.js';
import { readRegular, writeAtomic, WriteRefused } from '../write/atomic.js';
import { langOf, type CommonOptions } from './common.js';
import { PINNED, standaloneBytes } from './init.js';
import { shownPath } from './output.js';

/** The version a pinned build says it is (its second line: `// mj 0.1.0 (…)`). */
export function pinnedVersion(text: string): string | undefined {
  return /^\/\/ mj (\S+) /m.exec(text.slice(0, 400))?.[1];
}

export async function runPin(opts: CommonOptions, io: Io): Promise<ExitCode> {
  const lang = langOf(opts, io);
  const root = await findRoot(io.cwd, opts.data);
  if (root === undefined) throw new UsageError(t(lang, 'usage.pinNoDataset'), t(lang, 'usage.pinHint'));
  const target = join(root, PINNED);
  const bytes = await standaloneBytes(lang);
  const before = await readRegular(target);
  if (before && Buffer.compare(before, Buffer.from(bytes)) === 0) {
    io.stdout(t(lang, 'pin.same', { version: VERSION, file: shownPath(target, io) }) + '\n');
    return EXIT.ok;
  }
  try {
    // The old build is replaced as a whole, by a rename (a link or a folder in its place is refused).
    await writeAtomic(target, bytes, io.fs, 0o755);
  } catch (e) {
    if (e instanceof WriteRefused) throw new UsageError(t(lang, 'usage.outputNotAFile', { file: target }));
    io.stderr(`mj: ${t(lang, 'io.error', { file: shownPath(target, io), detail: writeReason(lang, (e as { code?: string }).code) })}\n`);
    io.stderr(t(lang, 'io.unchanged') + '\n');
    return EXIT.io;
  }
  const old = before ? (pinnedVersion(before.toString('utf8')) ?? '?') : undefined;
  io.stdout(t(lang, old === undefined ? 'pin.new' : 'pin.replaced', { version: VERSION, old: old ?? '', file: shownPath(target, io) }) + '\n');
  return EXIT.ok;
}
