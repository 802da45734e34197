// The year's records file is looked at (encoding, NUL bytes) while the org tree and roster load,
// not after (mj validate: the earliest year's): what the command prints is the same as when it is looked at in its turn — for a
// UTF-8 file, a GB18030 one, one with a NUL byte, one with a damaged byte, and with --encoding.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { copyDataset, scratchDirs } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const GUIZHOU = join(ROOT, 'data-examples', 'guizhou');
const scratch = scratchDirs('mj-prefetch-');
const LOOKED = 'activities/2019.csv looked at while the base loaded';

/** The command's exit code and output, with the file looked at early or not; and whether it was. */
async function both(args: string[], cwd: string): Promise<{ early: string; late: string; used: boolean }> {
  const out = async (env: Record<string, string>) => {
    const r = await mj(args.map((a) => a.replace('OUT', scratch())), { cwd, env: { MJ_TRACE_TIME: '1', ...env } });
    const stderr = r.stderr.split('\n').filter((l) => !/^mj: \d+ ms /.test(l)).join('\n').replace(/\S*mj-prefetch-\S*/g, 'OUT');
    return { text: `${r.code}\n${r.stdout}\n${stderr}`, used: r.stderr.includes(LOOKED) };
  };
  const early = await out({ MJ_PREFETCH_MIN_BYTES: '0' });
  const late = await out({ MJ_PREFETCH_MIN_BYTES: '999999999999' });
  expect(late.used).toBe(false);
  return { early: early.text, late: late.text, used: early.used };
}

function dataset(edit?: (bytes: Buffer) => Buffer): string {
  const d = scratch();
  copyDataset(GUIZHOU, d);
  const file = join(d, 'activities', '2019.csv');
  if (edit) writeFileSync(file, edit(readFileSync(file)));
  return d;
}

describe('the records file looked at while the base loads', () => {
  it('gives the same scores, statistics and report', async () => {
    const d = dataset();
    for (const args of [['score', '2019', '--format', 'csv'], ['stats', 'members', '2019', '--format', 'csv'], ['report', '2019', '--format', 'csv', '--out', 'OUT']]) {
      const r = await both(args, d);
      expect(r.used, args.join(' ')).toBe(true);
      expect(r.early, args.join(' ')).toBe(r.late);
    }
  });

  it('gives the same warning for a GB18030 file, and the same numbers', async () => {
    const d = dataset((b) => execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], { input: b }));
    const r = await both(['score', '2019', '--format', 'csv'], d);
    expect(r.used).toBe(true);
    expect(r.early).toContain('1 个警告');
    expect(r.early).toBe(r.late);
  });

  it('gives the same error for a NUL byte late in the file, and for a damaged byte', async () => {
    for (const byte of [0x00, 0xff]) {
      const d = dataset((b) => {
        const c = Buffer.from(b);
        c[Math.floor(c.length * 0.9)] = byte;
        return c;
      });
      const r = await both(['score', '2019', '--format', 'csv'], d);
      expect(r.early.startsWith('3\n') || r.early.startsWith('1\n'), r.early.slice(0, 300)).toBe(true);
      expect(r.early).toBe(r.late);
    }
  });

  it('mj validate looks at the earliest year\'s file early, and says the same', async () => {
    const d = dataset();
    const r = await mj(['validate'], { cwd: d, env: { MJ_TRACE_TIME: '1', MJ_PREFETCH_MIN_BYTES: '0' } });
    expect(r.stderr).toContain('activities/2017.csv looked at while the base loaded');
    expect(r.stderr).not.toContain('activities/2018.csv looked at');
    const v = await both(['validate', '--format', 'json'], d);
    expect(v.early).toBe(v.late);
  });

  it('reads with --encoding as named, and looks at nothing early for a year not asked for', async () => {
    const d = dataset((b) => execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], { input: b }));
    const r = await both(['score', '2019', '--format', 'csv', '--encoding', 'gb18030'], d);
    expect(r.early).not.toContain('警告');
    expect(r.early).toBe(r.late);
    const other = await mj(['score', '2018', '--format', 'csv'], { cwd: d, env: { MJ_TRACE_TIME: '1', MJ_PREFETCH_MIN_BYTES: '0' } });
    expect(other.stderr).not.toContain(LOOKED);
    expect(other.stderr).toContain('activities/2018.csv looked at while the base loaded');
  });
});
