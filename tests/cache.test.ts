// The cache of unchanged records files (.mj/cache): a warm mj validate reports exactly what a
// cold one does, byte for byte in every format; a changed records file or base file, a damaged
// or deleted entry, or MJ_CACHE=0 reads afresh; without a `.mj/` folder nothing is written.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { copyDataset, scratchDirs } from './helpers/fixtures.js';

const GUIZHOU = join(import.meta.dirname, '..', 'data-examples', 'guizhou');
const scratch = scratchDirs('mj-cache-');

/** guizhou with a `.mj/` folder and a few bad rows in 2019 (an unknown org, an unknown member, a bad date). */
function dataset(withMjFolder = true): string {
  const d = scratch();
  copyDataset(GUIZHOU, d);
  if (withMjFolder) mkdirSync(join(d, '.mj'));
  const file = join(d, 'activities', '2019.csv');
  const lines = readFileSync(file, 'utf8').split('\n');
  lines[3] = lines[3]!.replace(/^([^,]*,[^,]*,[^,]*,)[^,]*/, '$1no-such-org');
  lines[7] = lines[7]!.replace(/^([^,]*,[^,]*,[^,]*,[^,]*,)[^,]*/, '$1GZ99999');
  lines[9] = lines[9]!.replace(/^([^,]*,)[^,]*/, '$12019-02-30');
  writeFileSync(file, lines.join('\n'));
  return d;
}

const entries = (d: string): string[] => (existsSync(join(d, '.mj', 'cache')) ? readdirSync(join(d, '.mj', 'cache')).sort() : []);

async function validate(d: string, format: string, env: Record<string, string> = {}): Promise<string> {
  const r = await mj(['validate', '--format', format, '--data', d], { env });
  return `${r.code}\n${r.stdout}\n${r.stderr}`;
}

describe('the cache of unchanged files', () => {
  it('gives a warm validate exactly what a cold one gives, in every format', async () => {
    const d = dataset();
    const uncached = Object.fromEntries(await Promise.all(['text', 'json', 'github'].map(async (f) => [f, await validate(d, f, { MJ_CACHE: '0' })])));
    expect(entries(d)).toEqual([]);
    expect(uncached['json']).toContain('no-such-org');
    const cold = await validate(d, 'json');
    expect(cold).toBe(uncached['json']);
    // One entry a year with a records file.
    expect(entries(d)).toHaveLength(3);
    for (const f of ['text', 'json', 'github']) expect(await validate(d, f), f).toBe(uncached[f]);
    expect(entries(d)).toHaveLength(3);
  });

  it('reads a changed records file afresh', async () => {
    const d = dataset();
    await validate(d, 'json');
    const file = join(d, 'activities', '2019.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('no-such-org', 'gz-uni8'));
    const warm = await validate(d, 'json');
    expect(warm).not.toContain('no-such-org');
    expect(warm).toBe(await validate(d, 'json', { MJ_CACHE: '0' }));
    expect(entries(d)).toHaveLength(4);
  });

  it('reads every year afresh when the roster changes', async () => {
    const d = dataset();
    await validate(d, 'json');
    const roster = join(d, 'members.csv');
    // GZ99999 joins the roster: the record listing it is no longer a problem.
    const text = readFileSync(roster, 'utf8');
    const onRoster = text.split('\n').find((l) => l.startsWith('GZ00002,'))!;
    writeFileSync(roster, `${text.trimEnd()}\n${onRoster.replace('GZ00002,', 'GZ99999,')}\n`);
    const warm = await validate(d, 'json');
    expect(warm).toBe(await validate(d, 'json', { MJ_CACHE: '0' }));
    expect(warm).not.toContain('GZ99999');
    expect(entries(d)).toHaveLength(6);
  });

  it('replays an entry instead of reading the file', async () => {
    const d = dataset();
    await validate(d, 'json');
    // An entry's diagnostics are what a warm run reports: change one and it shows.
    for (const e of entries(d)) {
      const path = join(d, '.mj', 'cache', e);
      const entry = deserialize(readFileSync(path)) as { diagnostics: { params: Record<string, string> }[] };
      for (const x of entry.diagnostics) for (const k of Object.keys(x.params)) if (x.params[k] === 'no-such-org') x.params[k] = 'from-the-cache';
      writeFileSync(path, serialize(entry));
    }
    const warm = await validate(d, 'json');
    expect(warm).toContain('from-the-cache');
    expect(warm).not.toContain('"no-such-org"');
  });

  it('treats a damaged or deleted entry as missing', async () => {
    const d = dataset();
    const cold = await validate(d, 'json');
    for (const e of entries(d)) writeFileSync(join(d, '.mj', 'cache', e), 'not an entry');
    expect(await validate(d, 'json')).toBe(cold);
    rmSync(join(d, '.mj', 'cache'), { recursive: true });
    expect(await validate(d, 'json')).toBe(cold);
    expect(entries(d)).toHaveLength(3);
  });

  it('writes nothing where the dataset has no .mj folder', async () => {
    const d = dataset(false);
    await validate(d, 'json');
    expect(existsSync(join(d, '.mj'))).toBe(false);
  });

  it('is ignored by git in the repositories mj init makes', () => {
    const gitignore = readFileSync(join(import.meta.dirname, '..', 'templates', 'gitignore'), 'utf8');
    expect(gitignore.split('\n')).toContain('.mj/cache/');
  });
});

describe('the cache stays small', () => {
  it('keeps the entries used last: a hit touches its entry, a store past the limit removes the oldest', async () => {
    const { cacheGet, cachePut, cacheDir, prune } = await import('../src/repo/cache.js');
    const { utimesSync } = await import('node:fs');
    const root = scratch();
    const key = (i: number): string => i.toString(16).padStart(64, '0');
    for (let i = 0; i < 12; i++) await cachePut(root, key(i), Buffer.from([i]));
    const dir = cacheDir(root);
    // Entry i was last used i minutes after the first; entry 0 is then used now.
    for (let i = 0; i < 12; i++) utimesSync(join(dir, key(i)), new Date(1_000_000 + i * 60_000), new Date(1_000_000 + i * 60_000));
    expect((await cacheGet(root, key(0)))?.[0]).toBe(0);
    await prune(dir, 10);
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(9);
    expect(left).toContain(key(0)); // used last
    expect(left).not.toContain(key(1));
    expect(left).not.toContain(key(3));
    expect(left).toContain(key(4));
    // Under the limit nothing goes; a file that is not an entry is never touched.
    writeFileSync(join(dir, 'README'), 'x');
    await prune(dir, 10);
    expect(readdirSync(dir)).toHaveLength(10);
  });
});
