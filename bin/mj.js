#!/usr/bin/env node
// `mj --version` (and -V) alone is answered from bundle/version.cjs, a one-line file, so that it
// costs no more than starting Node: this file is CommonJS (bin/package.json), which Node starts
// some 5 ms sooner than a module, and it loads nothing else for it. Everything else loads the CLI
// (a module). If the write fails (a full disk, a closed pipe), the CLI runs instead, so the
// message and the exit code are its own.
'use strict';

const args = process.argv.slice(2);
let answered = false;
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = require('../bundle/version.cjs');
  try {
    require('node:fs').writeSync(1, `${VERSION}\n`);
    answered = true;
  } catch {
    answered = false;
  }
}
if (!answered) import('../bundle/cli.js');
