// A duty-record file split across two cores gives exactly what one thread gives: the same
// tables, the same diagnostics (the worker's doubtful rows go to the careful reader), also when
// the cut falls inside a quoted field with a line break. Runs the built CLI (the worker is a
// separate compiled file), with the split forced on small files and small read chunks.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDataset, scratchDirs } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'mj.js');
const GUIZHOU = join(ROOT, 'data-examples', 'guizhou');
const scratch = scratchDirs('mj-par-');

function run(args: string[], cwd: string, split: boolean, early = false): string {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'zh_CN.UTF-8', MJ_CHUNK_BYTES: '65536', MJ_PARALLEL_MIN_BYTES: split ? '0' : '999999999999', MJ_EARLY_WORKER: early ? '1' : '0' };
  delete env['LC_ALL'];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
  return `${r.status}\n${r.stdout}${r.stderr}`;
}

/** Every file of a report folder, by name (or none when the report was refused). */
function folder(dir: string): Record<string, string> {
  return existsSync(dir) ? Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')])) : {};
}

/** Split (with a worker started early, MJ_EARLY_WORKER=1, when `early`) and one thread give the same. */
function agree(cwd: string, early = false): void {
  for (const args of [['validate', '--format', 'json'], ['progress', '2019', '--as-of', '2019-06-30', '--format', 'csv'], ...(early ? [['score', '2019', '--format', 'csv']] : [])]) {
    expect(run(args, cwd, true, early), args.join(' ')).toBe(run(args, cwd, false));
  }
  // Every table of the year from one run each: scores, forms, branches, members, roster, progress, subsidy.
  const out = scratch();
  const report = (split: boolean): string => run(['report', '2019', '--format', 'csv', '--out', join(out, String(split))], cwd, split, split && early).replace(join(out, String(split)), 'OUT');
  expect(report(true)).toBe(report(false));
  expect(folder(join(out, 'true'))).toEqual(folder(join(out, 'false')));
}

function copy(edit: (text: string) => string): string {
  const d = scratch();
  copyDataset(GUIZHOU, d);
  const file = join(d, 'activities', '2019.csv');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return d;
}

describe('a split scan', () => {
  it('happens on the guizhou example when forced', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, MJ_CHUNK_BYTES: '65536', MJ_PARALLEL_MIN_BYTES: '0', MJ_TRACE_SPLIT: '1' };
    const r = spawnSync(process.execPath, [BIN, 'score', '2019', '--format', 'csv'], { cwd: GUIZHOU, encoding: 'utf8', env });
    expect(r.stderr).toMatch(/mj: split activities\/2019\.csv at byte \d+: merged/);
  });

  it('agrees with one thread on the guizhou example', () => agree(GUIZHOU));

  it('agrees when rows on both sides have problems, including duplicate ids across the cut', () => {
    agree(copy((t) => {
      const lines = t.split('\n');
      const n = lines.length;
      for (const k of [10, Math.floor(n * 0.3), Math.floor(n * 0.7), n - 5]) lines[k] = lines[k]!.replace(/^([^,]*),2019-/, '$1,2019-13-');
      lines[n - 3] = lines[5]!; // a duplicate of an early row, late in the file
      return lines.join('\n');
    }));
  });

  it('agrees on an id written three times, once before the cut and twice after', () => {
    // Each repeat names the first line in the file, whichever thread read which.
    agree(copy((t) => {
      const lines = t.split('\n');
      const n = lines.length;
      lines[n - 40] = lines[6]!;
      lines[n - 20] = lines[6]!;
      lines[n - 30] = lines[Math.floor(n * 0.8)]!; // and one twice after the cut only
      return lines.join('\n');
    }));
  });

  it('places a repeat found across the cut at its id cell, when the id is not the first column', () => {
    // The old id in a column before 编号 holds the same text: the repeat's column must be 编号's.
    agree(copy((t) => {
      const lines = t.split('\n').map((l, i) => (l === '' ? l : i === 0 ? `原编号,${l}` : `${l.slice(0, l.indexOf(','))},${l}`));
      lines[lines.length - 4] = lines[5]!;
      return lines.join('\n');
    }));
  });

  it('reads on one thread when the cut falls inside a quoted field with a line break, with the same result', () => {
    const d = copy((t) => {
      const lines = t.split('\n');
      // Around the cut of a worker started with the scan (a little past the middle) and of one
      // started early (before 40 %, as the long titles come first).
      for (const share of [0.38, 0.5]) {
        const mid = Math.floor(lines.length * share);
        for (let k = mid - 60; k < mid + 60; k++) {
          const cells = lines[k]!.split(',');
          if (lines[k]!.includes('"') || cells.length < 11) continue;
          cells[5] = `"${'长'.repeat(700)}\n（续）"`; // the title: long before its line break, short after
          lines[k] = cells.join(',');
        }
      }
      return lines.join('\n');
    });
    for (const early of ['0', '1']) {
      const env: NodeJS.ProcessEnv = { ...process.env, MJ_CHUNK_BYTES: '65536', MJ_PARALLEL_MIN_BYTES: '0', MJ_TRACE_SPLIT: '1', MJ_EARLY_WORKER: early };
      const r = spawnSync(process.execPath, [BIN, 'score', '2019', '--format', 'csv'], { cwd: d, encoding: 'utf8', env });
      expect(r.stderr, `MJ_EARLY_WORKER=${early}`).toMatch(/read on one thread/);
      agree(d, early === '1');
    }
  });

  /** How the file was split: the trace line of MJ_TRACE_SPLIT. */
  const how = (args: string[], cwd: string, year = args[0] === 'validate' ? '2017' : '2019'): string => {
    const env: NodeJS.ProcessEnv = { ...process.env, MJ_CHUNK_BYTES: '65536', MJ_PARALLEL_MIN_BYTES: '0', MJ_TRACE_SPLIT: '1', MJ_EARLY_WORKER: '1' };
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
    return r.stderr.split('\n').find((l) => l.startsWith(`mj: split activities/${year}.csv`)) ?? r.stderr;
  };

  it('agrees with one thread with a worker started early (MJ_EARLY_WORKER=1)', () => agree(GUIZHOU, true));

  it('starts its worker before the base loads when asked, on its own reading of the org tree and roster (mj validate: the earliest year)', () => {
    for (const args of [['score', '2019', '--format', 'csv'], ['validate'], ['stats', 'members', '2019', '--format', 'csv']]) {
      expect(how(args, GUIZHOU), args.join(' ')).toMatch(/merged \(early worker, its own words\)$/);
    }
    // A report keeps its 培训 records whole, which the early worker's log does not: it reads its part again.
    expect(how(['report', '2019', '--format', 'csv', '--out', scratch()], GUIZHOU)).toMatch(/merged \(early worker, read again\)$/);
  });

  it('reads its part again with the main thread\'s words when its own reading differs, with the same result', () => {
    // A roster row with an error: the careful reader leaves the member out, the plain reading does not.
    const bad = scratch();
    copyDataset(GUIZHOU, bad);
    const roster = join(bad, 'members.csv');
    writeFileSync(roster, readFileSync(roster, 'utf8').replace(/^(GZ00002,赵红,)女,/m, '$1F,'));
    expect(how(['validate'], bad)).toMatch(/merged \(early worker, read again\)$/);
    agree(bad, true);
    // An org written as YAML the plain reading takes differently (a number for a date): the same.
    const orgs = scratch();
    copyDataset(GUIZHOU, orgs);
    const file = join(orgs, 'orgs.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n(- id: [^\n]+)\n/, '\n$1\n  established: 20010101\n'));
    expect(how(['validate'], orgs)).toMatch(/merged \(early worker, read again\)$/);
    agree(orgs, true);
  });

  it('reads a GB18030 roster early as the careful reader does', () => {
    const d = scratch();
    copyDataset(GUIZHOU, d);
    const roster = join(d, 'members.csv');
    writeFileSync(roster, execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], { input: readFileSync(roster) }));
    expect(how(['score', '2019', '--format', 'csv'], d)).toMatch(/merged \(early worker, its own words\)$/);
    agree(d, true);
  });

  it('agrees when the worker meets a stray quote', () => {
    agree(copy((t) => {
      const lines = t.split('\n');
      const k = Math.floor(lines.length * 0.8);
      lines[k] = lines[k]!.replace(/,([^,]*建议)/, ',"$1');
      return lines.join('\n');
    }));
  });
});
