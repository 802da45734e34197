// Mutation testing of the scoring, statistics and checking code (issue 7). Not part of CI:
// `npm run mutate` (several hours on two cores; results land in mutation/live.jsonl as they come,
// summed by `node scripts/mutation-summary.mjs`).
export default {
  testRunner: 'vitest',
  // related: false: vitest's related-files search misses modules the CLI loads with import(), so
  // their tests would not run and their mutants would count as uncovered.
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  mutate: ['src/compute/**/*.ts', 'src/checks/**/*.ts', 'src/tables/**/*.ts'],
  plugins: ['@stryker-mutator/*', './scripts/stryker-live.mjs'],
  coverageAnalysis: 'perTest',
  // Mutants of module-level code (constants, tables built at load) need every test, one full run
  // each: minutes apiece on two cores. They are left out; the score is of the mutants tests reach.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress-append-only', 'json', 'live'],
  jsonReporter: { fileName: 'mutation/mutation.json' },
  incremental: true,
  incrementalFile: 'mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['.bench', 'dist', 'mutation', 'bench/results.json', '.git'],
  cleanTempDir: 'always',
};
