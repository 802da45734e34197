#!/usr/bin/env node
// `npm test` (= `npm run check`): the one gate. Builds the bundle (the CLI tests run it), then
// runs the type check, the lint and the tests side by side, since each alone leaves a core idle
// on a two-core machine. The tests' output streams as it comes; the type check's and the lint's
// are printed when they finish. Fails when any of the three fails.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const build = spawnSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function run(label, cmd, args, live) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    if (!live) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    }
    child.on('close', (code) => {
      if (!live) process.stdout.write(`\n── ${label}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n${out}`);
      resolve({ label, code: code ?? 1 });
    });
  });
}

const results = await Promise.all([
  run('typecheck (tsc --noEmit)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'], false),
  run('lint (eslint .)', bin('eslint'), ['.'], false),
  run('tests (vitest run)', bin('vitest'), ['run', ...process.argv.slice(2)], true),
]);
const failed = results.filter((r) => r.code !== 0);
if (failed.length > 0) {
  process.stdout.write(`\nnpm test failed: ${failed.map((r) => r.label).join(', ')}\n`);
  process.exit(1);
}
process.stdout.write('\nnpm test: typecheck, lint and tests passed.\n');
