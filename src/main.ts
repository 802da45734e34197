// The top-level boundary around run(): a bug in mj (any exception that is not a data or usage
// problem) becomes "mj 内部错误，请报告" and exit 70; the stack only with MJ_DEBUG=1.

import { messageLang, t } from './i18n/cli.js';
import { EXIT, type Io } from './io.js';
import { run } from './program.js';

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    io.stderr(`${t(messageLang(undefined, io.env), 'internal')}\n`);
    if (io.env['MJ_DEBUG'] === '1') io.stderr(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
  }
}
