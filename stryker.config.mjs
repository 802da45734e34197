// Mutation testing of the scoring, statistics and checking code (issue 7). Not part of CI:
// `npm run mutate` (about half an hour on two cores). Message catalogues are left out.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['src/compute/**/*.ts', 'src/checks/**/*.ts', 'src/tables/**/*.ts', 'src/model/**/*.ts'],
  coverageAnalysis: 'perTest',
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
