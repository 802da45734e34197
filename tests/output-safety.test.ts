// mj never writes where it reads, whatever links a pull request brings: a report folder that is a
// link to the dataset, an --out that is one, a committed manifest naming a data file, an output
// onto a place a data file would be read from. Two reports at once never mix their files. A bug
// inside mj report is an internal error (70), not an I/O failure.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { scratchDirs } from './helpers/fixtures.js';
import { main } from '../src/main.js';
import { parseCsvText } from '../src/source/csv.js';
import { realFs, type WriteFs } from '../src/write/atomic.js';

const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'data-examples', 'tiny');
const BIN = join(ROOT, 'bin', 'mj.js');
const scratch = scratchDirs('mj-safe-');

function copy(from = TINY): string {
  const d = join(scratch(), 'ds');
  cpSync(from, d, { recursive: true });
  return d;
}

/** Every file under a folder with its bytes, to see that nothing changed. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, `${rel}${e.name}/`);
      else if (e.isFile()) out.set(`${rel}${e.name}`, readFileSync(p).toString('base64'));
    }
  };
  walk(dir, '');
  return out;
}

describe('outputs never land on inputs', () => {
  it('refuses a report folder that links to the dataset, writing nothing', async () => {
    const ds = copy();
    mkdirSync(join(ds, 'reports'));
    symlinkSync('..', join(ds, 'reports', '2019'));
    const before = snapshot(ds);
    const r = await mj(['report', '2019', '--data', ds]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/members\.csv.*(数据文件|data file)/);
    expect(snapshot(ds)).toEqual(before);
  });

  it('refuses --out onto the dataset itself, through a link too, and --data through a link', async () => {
    const ds = copy();
    const link = join(ds, '..', 'link');
    symlinkSync(ds, link);
    const before = snapshot(ds);
    for (const args of [['--out', ds], ['--out', link], ['--data', link, '--out', ds]]) {
      const r = await mj(['report', '2019', ...(args.includes('--data') ? [] : ['--data', ds]), ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(snapshot(ds), args.join(' ')).toEqual(before);
    }
  });

  it('never removes a data file a committed manifest names', async () => {
    const ds = copy();
    writeFileSync(join(ds, 'mj-report.json'), JSON.stringify({ year: 2019, formats: ['csv'], files: ['orgs.yaml', 'members.csv', '../x'] }));
    const before = snapshot(ds);
    expect((await mj(['report', '2019', '--data', ds, '--out', ds])).code).toBe(2);
    expect(snapshot(ds)).toEqual(before);
    // In a report folder, a manifest naming files outside it, or files mj does not make, removes none of them.
    const out = join(ds, 'reports', '2019');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'keep.txt'), 'mine');
    writeFileSync(join(out, 'mj-report.json'), JSON.stringify({ year: 2019, formats: ['csv'], files: ['../../orgs.yaml', 'keep.txt', '../../members.csv'] }));
    expect((await mj(['report', '2019', '--data', ds])).code).toBe(0);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(ds, 'orgs.yaml'))).toEqual(readFileSync(join(TINY, 'orgs.yaml')));
    expect(readFileSync(join(ds, 'members.csv'))).toEqual(readFileSync(join(TINY, 'members.csv')));
  });

  it('refuses a table onto a place a data file would be read from, existing or not', async () => {
    const ds = copy();
    for (const out of ['activities/2020.csv', 'activities/2019.yaml', 'members.yaml', 'mj.yaml', 'orgs.yml']) {
      const r = await mj(['stats', 'members', '2019', '--data', ds, '--out', join(ds, out)]);
      expect(r.code, out).toBe(2);
      expect(existsSync(join(ds, out)), out).toBe(out === 'mj.yaml');
    }
    // With a YAML roster, members.csv (the members table's name) is still where a roster would be read.
    const yamlRoster = copy();
    const [head, ...rows] = parseCsvText(readFileSync(join(yamlRoster, 'members.csv'), 'utf8')).records.map((r) => r.fields);
    const yaml = rows.map((r) => `- { ${head!.flatMap((h, i) => (r[i] ? [`${h}: ${JSON.stringify(r[i])}`] : [])).join(', ')} }`).join('\n');
    writeFileSync(join(yamlRoster, 'members.yaml'), yaml + '\n');
    rmSync(join(yamlRoster, 'members.csv'));
    expect((await mj(['validate', '--data', yamlRoster])).code).toBe(0);
    const before = snapshot(yamlRoster);
    expect((await mj(['report', '2019', '--data', yamlRoster, '--out', yamlRoster])).code).toBe(2);
    expect(snapshot(yamlRoster)).toEqual(before);
  });
});

describe('two reports at once', () => {
  it('never mix their files: the folder holds exactly what the last manifest lists', async () => {
    const ds = copy();
    const run = (format: string): Promise<number | null> =>
      new Promise((done) => spawn(process.execPath, [BIN, 'report', '2019', '--data', ds, '--format', format], { stdio: 'ignore' }).on('exit', done));
    const codes = await Promise.all([run('csv,md,json'), run('xlsx'), run('md'), run('json,csv'), run('xlsx,md')]);
    expect(codes).toEqual([0, 0, 0, 0, 0]);
    const dir = join(ds, 'reports', '2019');
    const manifest = JSON.parse(readFileSync(join(dir, 'mj-report.json'), 'utf8')) as { files: string[] };
    expect(readdirSync(dir).filter((f) => !f.startsWith('.')).sort()).toEqual([...manifest.files, 'mj-report.json'].sort());
    expect((await mj(['report', '--check', '--data', ds])).code).toBe(0);
  });
});

describe('a bug inside mj report', () => {
  it('is an internal error (exit 70), not an I/O failure', async () => {
    const ds = copy();
    const buggy: WriteFs = { ...realFs, writeFile: async () => { throw new TypeError('a bug'); } };
    let stderr = '';
    const code = await main(['report', '2019', '--data', ds], {
      stdout: () => undefined, stderr: (s) => void (stderr += s), cwd: ds, env: {}, stdoutIsTTY: false, columns: 80, today: () => new Date(0), fs: buggy,
    });
    expect(code).toBe(70);
    expect(stderr).toContain('内部错误');
    expect(existsSync(join(ds, 'reports', '2019', 'scores.csv'))).toBe(false);
  });
});
