// The excerpt reader (source/lines.ts): the lines asked for, decoded, from any number of them.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from '../src/source/lines.js';
import { scratchDirs } from './helpers/fixtures.js';

const scratch = scratchDirs();

describe('readLines', () => {
  it('reads a few lines of a file, without their line ends', async () => {
    const file = join(scratch(), 'a.csv');
    writeFileSync(file, 'a,b\r\nc,d\ne,f');
    const lines = await readLines(file, new Set([1, 3]));
    expect([...lines.entries()]).toEqual([[1, 'a,b'], [3, 'e,f']]);
  });

  it('reads 300,000 lines asked for at once (a set too large to spread into arguments)', async () => {
    const file = join(scratch(), 'big.csv');
    const n = 300_000;
    const rows: string[] = [];
    for (let i = 1; i <= n; i++) rows.push(`r${i}`);
    writeFileSync(file, rows.join('\n') + '\n');
    const wanted = new Set<number>();
    for (let i = 1; i <= n; i++) wanted.add(i);
    const lines = await readLines(file, wanted);
    expect(lines.size).toBe(n);
    expect(lines.get(n)).toBe(`r${n}`);
  });
});
