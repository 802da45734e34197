// The process boundary: the only file that touches process (argv, streams, exit code).

import { main } from './main.js';
import type { Io } from './io.js';

const io: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  columns: process.stdout.columns ?? 100,
  today: () => new Date(),
};

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

void main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
