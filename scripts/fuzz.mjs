#!/usr/bin/env node
// `npm run fuzz`: the fuzz test of tests/fuzz.test.ts with many more runs (FUZZ_RUNS, default
// 2000) and a fresh seed each time unless FUZZ_SEED is given; prints the seed so a failure can
// be replayed: FUZZ_SEED=… FUZZ_RUNS=… npm run fuzz. Not part of CI.
import { spawnSync } from 'node:child_process';

const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const runs = process.env.FUZZ_RUNS ?? '2000';
process.stderr.write(`fuzz: ${runs} runs, seed ${seed}\n`);
const r = spawnSync('npx', ['vitest', 'run', 'tests/fuzz.test.ts', '--testTimeout=0'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs },
});
process.exit(r.status ?? 1);
