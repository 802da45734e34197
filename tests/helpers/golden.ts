// Golden files under tests/golden/: compared byte for byte. A missing golden fails its test;
// UPDATE_GOLDEN=1 writes (or rewrites) them. Review the diff of a rewritten golden before
// committing it.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

export const GOLDEN = join(import.meta.dirname, '..', 'golden');

export function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) expect.fail(`golden file tests/golden/${name} is missing: run the test with UPDATE_GOLDEN=1 to write it, then review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
