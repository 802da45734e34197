#!/usr/bin/env node
// `mj --version` (and -V) alone is answered from bundle/version.js, a one-line file, so that it
// costs little more than starting Node; everything else loads the CLI. If the write fails (a full
// disk, a closed pipe), the CLI runs instead, so the message and the exit code are its own.
import { writeSync } from 'node:fs';

const args = process.argv.slice(2);
let answered = false;
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = await import('../bundle/version.js');
  try {
    writeSync(1, `${VERSION}\n`);
    answered = true;
  } catch {
    answered = false;
  }
}
if (!answered) await import('../bundle/cli.js');
