// `mj stats` and `mj progress` end to end: goldens on the tiny example, the seed report's
// figures on the guizhou example, and the usage rules of --as-of, --by and YEAR.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { golden } from './helpers/golden.js';

const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'data-examples', 'tiny');
const GUIZHOU = join(ROOT, 'data-examples', 'guizhou');

describe('goldens on the tiny example', () => {
  it.each([
    ['stats-branches.csv', ['stats', 'branches', '2019', '--format', 'csv']],
    ['stats-branches-by-city.md', ['stats', 'branches', '2019', '--format', 'md', '--by', '市委会']],
    ['stats-members.csv', ['stats', 'members', '2019', '--format', 'csv']],
    ['stats-members-masked.md', ['stats', 'members', '2019', '--format', 'md', '--mask', '--org', 'gy']],
    ['stats-roster.csv', ['stats', 'roster', '2019', '--format', 'csv']],
    ['stats-roster.json', ['stats', 'roster', '--as-of', '2019-10-10', '--format', 'json']],
    ['progress.csv', ['progress', '2019', '--format', 'csv']],
    ['progress-midyear.txt', ['progress', '2019', '--as-of', '2019-06-30', '--format', 'table']],
    ['stats-branches.en.csv', ['stats', 'branches', '2019', '--format', 'csv', '--lang', 'en']],
  ])('%s', async (name, args) => {
    const r = await mj(args as string[], { cwd: TINY });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    golden(`stats/${name}`, r.stdout);
  });
});

describe('the guizhou example', () => {
  it('shows the seed report\'s figures on 2019-10-10: 副高以上 1,071 (24%), 博士 94', async () => {
    const r = await mj(['stats', 'roster', '--as-of', '2019-10-10', '--format', 'json'], { cwd: GUIZHOU });
    const doc = JSON.parse(r.stdout) as { rows: Record<string, unknown>[] };
    const total = doc.rows.find((x) => x['kind'] === 'total')!;
    expect(Number(total['full']) + Number(total['associate'])).toBe(1071);
    expect(total['seniorShare']).toBe(0.24);
    expect(total['doctor']).toBe(94);
    expect(total['end']).toBe(4462);
  });
});

describe('usage', () => {
  it('needs a year or --as-of for the roster, inside the year', async () => {
    expect((await mj(['stats', 'roster'], { cwd: TINY })).code).toBe(2);
    expect((await mj(['stats', 'roster', '2019', '--as-of', '2018-12-31'], { cwd: TINY })).code).toBe(2);
    expect((await mj(['stats', 'roster', '--as-of', '2019-02-30'], { cwd: TINY })).code).toBe(2);
    expect((await mj(['progress', '2019', '--as-of', '2020-01-01'], { cwd: TINY })).code).toBe(2);
  });

  it('refuses --as-of for branches and members, and an unknown --by', async () => {
    expect((await mj(['stats', 'branches', '2019', '--as-of', '2019-06-30'], { cwd: TINY })).code).toBe(2);
    expect((await mj(['stats', 'branches', '2019', '--by', '县'], { cwd: TINY })).code).toBe(2);
    expect((await mj(['stats', 'branches', '2019', '--by', 'city', '--format', 'csv'], { cwd: TINY })).stdout).toContain('小计：民进贵阳市委会');
  });
});
