// The test run mutation testing uses: the in-process tests only. Tests that spawn the built
// bin (which Stryker's mutants never reach) or fuzz for minutes are left out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [
      'tests/fuzz.test.ts', 'tests/parallel.test.ts', 'tests/bin.test.ts', 'tests/readme.test.ts', 'tests/gen-example.test.ts', 'tests/faults.test.ts',
      // These run the built bin or the bundled single file only (a browser, git and the workflow's steps, a terminal).
      'tests/data-repo.test.ts', 'tests/html-browser.test.ts', 'tests/readme-flow.test.ts', 'tests/startup.test.ts', 'tests/terminal.test.ts',
      // Minutes per surviving mutant: printing through LibreOffice (the workbooks' page setup is in
      // the bilingual goldens), and the fast path against the careful reader on generated files.
      'tests/xlsx-print.test.ts', 'tests/fast-path.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
