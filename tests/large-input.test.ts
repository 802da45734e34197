// Input sized to hurt: cells and files large enough to overflow an argument list or make a
// backtracking regex take minutes. mj reads them in time linear in their size and reports data
// problems as data problems (never an internal error, never a misleading I/O error).

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { BASE, copyDataset, scratchDirs } from './helpers/fixtures.js';

const TINY = join(import.meta.dirname, '..', 'data-examples', 'tiny');
const scratch = scratchDirs();

/** A copy of the tiny example with one cell of a CSV file replaced (row 1 = the first record). */
function withCell(file: string, row: number, col: number, value: string): string {
  const d = scratch();
  copyDataset(TINY, d);
  const path = join(d, file);
  const lines = readFileSync(path, 'utf8').split('\n');
  const cells = lines[row]!.split(',');
  cells[col] = value;
  lines[row] = cells.join(',');
  writeFileSync(path, lines.join('\n'));
  return d;
}

function codes(stdout: string): string[] {
  return (JSON.parse(stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
}

describe('large cells', () => {
  it('reads an hours cell of 200,000 digits on the fast path (no argument-list overflow)', async () => {
    const d = withCell('activities/2019.csv', 1, 8, '1'.repeat(200_000));
    const r = await mj(['validate', '--format', 'json'], { cwd: d });
    expect(codes(r.stdout)).not.toContain('MJ003');
    expect(r.code).toBe(0);
  });

  // 2019年 + a megabyte of spaces + x: the date patterns once took about 20 minutes over it.
  const longDate = '2019年' + ' '.repeat(1_000_000) + 'x';

  it.each([
    ['a duty record\'s date', 'activities/2019.csv', 1, 1],
    ['a member\'s date joined', 'members.csv', 1, 5],
    ['a member\'s birth', 'members.csv', 1, 3],
  ])('refuses %s of a megabyte as an invalid date (MJ202), in well under a second', async (_what, file, row, col) => {
    const d = withCell(file, row, col, longDate);
    const t0 = performance.now();
    const r = await mj(['validate', '--format', 'json'], { cwd: d });
    const ms = performance.now() - t0;
    expect(codes(r.stdout)).toContain('MJ202');
    expect(r.code).toBe(1);
    expect(ms).toBeLessThan(5000);
  });

  it('refuses an --as-of of a megabyte as a usage error', async () => {
    const t0 = performance.now();
    const r = await mj(['progress', '2019', '--as-of', longDate], { cwd: TINY });
    expect(r.code).toBe(2);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('many aliases', () => {
  it('validates an orgs.yaml that names one anchor in 300 entries (`parent: *gy`) clean', async () => {
    const d = scratch();
    cpSync(BASE, d, { recursive: true });
    const path = join(d, 'orgs.yaml');
    const text = readFileSync(path, 'utf8').replace('- id: gy\n', '- id: &gy gy\n');
    const more: string[] = [];
    for (let i = 0; i < 300; i++) more.push(`- { id: gy-b${i}, name: 贵阳第${i}支部, type: 支部, parent: *gy }`);
    writeFileSync(path, text.trimEnd() + '\n' + more.join('\n') + '\n');
    const r = await mj(['validate', '--format', 'json'], { cwd: d });
    expect(codes(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });
});
