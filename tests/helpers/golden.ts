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

/**
 * One test's part of a golden JSON file shared by the tests of a file, keyed by the test's full
 * name: each test compares its own part, so that the comparison is the test's own assertion (a
 * comparison in afterAll is no test's, and a test run filtered by name would see only a part).
 * UPDATE_GOLDEN=1 writes the part into the file, keeping the others (delete the file first when
 * tests were renamed or renumbered, so that no part outlives its test).
 */
export function goldenPart(name: string, key: string, actual: unknown): void {
  const file = join(GOLDEN, name);
  const read = (): Record<string, unknown> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {});
  if (process.env['UPDATE_GOLDEN'] === '1') {
    const all = { ...read(), [key]: actual };
    const sorted = Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(sorted, null, 1)}\n`);
  }
  const all = read();
  if (!Object.hasOwn(all, key)) expect.fail(`tests/golden/${name} has no part for "${key}": run the test with UPDATE_GOLDEN=1 to write it, then review it`);
  expect(JSON.parse(JSON.stringify(actual))).toEqual(all[key]);
}
