// Golden files under tests/golden/: compared byte for byte; UPDATE_GOLDEN=1 (or a missing file)
// writes them. Review the diff of a rewritten golden before committing it.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

export const GOLDEN = join(import.meta.dirname, '..', 'golden');

export function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
