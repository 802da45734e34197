// The process boundary: the only file that touches process (argv, streams, exit code). A bug
// in mj is printed as an internal error to report (the stack only with MJ_DEBUG=1), exit 70.

import { run } from './program.js';
import { messageLang, t } from './i18n/cli.js';
import { EXIT, type Io } from './io.js';

const io: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  columns: process.stdout.columns ?? 100,
};

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const lang = messageLang(undefined, process.env);
    process.stderr.write(`${t(lang, 'internal')}\n`);
    if (process.env['MJ_DEBUG'] === '1') process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = EXIT.internal;
  },
);
