// The process boundary: the only file that touches process (argv, streams, exit code). A reader
// that stops reading (EPIPE: `mj validate | head`) ends the output but not the exit code, so a
// `set -o pipefail` step still fails on bad data; any other failure to write stdout (a full disk,
// /dev/full) is an I/O failure: exit 3 with a message, never a silent exit 0.

import { main } from './main.js';
import { EXIT, type Io } from './io.js';
import { t, writeReason } from './i18n/cli.js';
import { argvLang } from './program.js';

const argv = process.argv.slice(2);
let closed = false;
let failure: NodeJS.ErrnoException | undefined;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') closed = true;
  else failure ??= e;
});

const io: Io = {
  stdout: (s) => {
    if (!closed && failure === undefined) process.stdout.write(s);
  },
  stderr: (s) => void process.stderr.write(s),
  drain: () => {
    if (closed || failure !== undefined || !process.stdout.writableNeedDrain) return Promise.resolve();
    return new Promise<void>((done) => {
      const end = (): void => {
        for (const event of ['drain', 'error', 'close']) process.stdout.off(event, end);
        done();
      };
      for (const event of ['drain', 'error', 'close']) process.stdout.once(event, end);
    });
  },
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  columns: process.stdout.columns ?? 100,
  today: () => new Date(),
};

void main(argv, io).then(async (code) => {
  // Everything written must have reached stdout before the exit code is decided.
  await new Promise<void>((done) => process.stdout.write('', () => done()));
  if (failure !== undefined) {
    const lang = argvLang(argv, process.env);
    process.stderr.write(`mj: ${t(lang, 'io.stdout', { detail: writeReason(lang, failure.code) })}\n`);
    process.exitCode = EXIT.io;
    return;
  }
  process.exitCode = code;
});
