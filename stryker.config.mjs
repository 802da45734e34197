// Mutation testing of the scoring, statistics and checking code (issue 7). Not part of CI:
// `npm run mutate` (about half an hour on two cores). Message catalogues are left out.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['src/compute/**/*.ts', 'src/checks/**/*.ts', 'src/tables/**/*.ts', 'src/model/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Mutants of module-level code (constants, tables built at load) need every test, one full run
  // each: minutes apiece on two cores. They are left out; the score is of the mutants tests reach.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'mutation/mutation.json' },
  incremental: true,
  incrementalFile: 'mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['.bench', 'dist', 'mutation', 'bench/results.json', '.git'],
  cleanTempDir: 'always',
};
