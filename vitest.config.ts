import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Both cores: vitest's default leaves one for the main process, which only waits here.
    maxWorkers: 2,
  },
});
