// Terminal tables under a real pseudo-terminal (util-linux `script`), at 80 and 120 columns: each
// table fits the terminal's width, shows its essential columns (scores in rank order), says what it
// left out, and shows everything with --wide. Piped output and files are unchanged.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/util/width.js';
import { scratchDirs } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'mj.js');
const GUIZHOU = join(ROOT, 'data-examples', 'guizhou');
const scratch = scratchDirs('mj-pty-');
const hasScript = spawnSync('script', ['--version']).status === 0;
if (!hasScript) console.warn('terminal.test: util-linux `script` is not installed; the pseudo-terminal tests are skipped');

/** What a terminal of `columns` shows for `mj ARGS`, run under a pseudo-terminal. */
function onTerminal(args: string[], columns: number): string {
  const log = join(scratch(), 'tty.txt');
  const command = `stty cols ${columns} rows 60; exec node ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(' ')}`;
  const r = spawnSync('script', ['-qefc', command, log], { cwd: GUIZHOU, env: { PATH: process.env['PATH'], LANG: 'zh_CN.UTF-8', NO_COLOR: '1' }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const text = readFileSync(log, 'utf8').replace(/\r\n/g, '\n');
  // Drop script's own first and last lines.
  return text.split('\n').filter((l) => !l.startsWith('Script started') && !l.startsWith('Script done')).join('\n');
}

const gridLines = (text: string): string[] => text.split('\n').filter((l) => /^[┌│├└]/.test(l));

const TABLES: string[][] = [
  ['score', '2019'], ['stats', 'branches', '2019'], ['stats', 'members', '2019'], ['stats', 'roster', '2019'], ['progress', '2019'], ['subsidy', '2019'],
];

describe.skipIf(!hasScript)('tables on a terminal', () => {
  for (const columns of [80, 120]) {
    it.each(TABLES.map((t) => [t.join(' '), t]))(`%s fits ${columns} columns`, (_name, args) => {
      const shown = onTerminal(args as string[], columns);
      const grid = gridLines(shown);
      expect(grid.length).toBeGreaterThan(3);
      for (const line of grid) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    });
  }

  it('shows the score sheet compact and in rank order, naming what it leaves out', () => {
    const shown = onTerminal(['score', '2019'], 120);
    const header = gridLines(shown)[1]!;
    for (const h of ['排名', '支部', '加分', '扣分', '总分', '等级', '否决']) expect(header).toContain(h);
    expect(header).not.toContain('组织集中学习');
    const ranks = gridLines(shown).slice(5).filter((l) => l.startsWith('│')).map((l) => Number(l.split('│')[1]!.trim()));
    expect(ranks.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(shown).toContain('按排名排列（完整表格按组织顺序）');
    expect(shown).toMatch(/终端宽 120 列，只显示全部 41 列中的 \d+ 列（未显示：支部编号、上级组织/);
    expect(shown).toContain('加 --wide 显示全部列');
    // At 80 columns the total and the grade are still there.
    const narrow = gridLines(onTerminal(['score', '2019'], 80))[1]!;
    for (const h of ['排名', '支部', '总分', '等级']) expect(narrow).toContain(h);
  });

  it('shows every column with --wide, in org order', () => {
    const shown = onTerminal(['score', '2019', '--wide'], 120);
    expect(shown).not.toContain('终端宽');
    expect(shown).toContain('组织集中学习');
    expect(shown).toContain('社情民意被全国政协转送或采用');
  });

  it('leaves piped output and files as they were', () => {
    const piped = spawnSync(process.execPath, [BIN, 'score', '2019'], { cwd: GUIZHOU, encoding: 'utf8' }).stdout;
    expect(piped.split('\n')[0]!.split(',').length).toBe(41);
    const d = scratch();
    spawnSync(process.execPath, [BIN, 'score', '2019', '--out', join(d, 'x.txt')], { cwd: GUIZHOU });
    expect(readFileSync(join(d, 'x.txt'), 'utf8')).toContain('组织集中学习');
  });
});
