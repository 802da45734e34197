// Job summaries: with $GITHUB_STEP_SUMMARY set (as in a GitHub Actions step), mj validate adds
// the counts by code and the first problems linked to their file and line on GitHub, and
// mj report --check the stale files with the command that rebuilds them, mj fmt --check the files not in canonical form. The file is added to,
// never replaced; data never becomes markup or a mention; an input is never written over.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { buildCase, copyDataset, FIXTURES, scratchDirs, tempCopies } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'data-examples', 'tiny');
const scratch = scratchDirs('mj-summary-');
const copyTiny = tempCopies(TINY);
const SHA = '0123456789abcdef0123456789abcdef01234567';

function github(dir: string, summary: string): Record<string, string> {
  return {
    GITHUB_STEP_SUMMARY: summary, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'clerks/data',
    GITHUB_SHA: SHA, GITHUB_WORKSPACE: dir,
  };
}

describe('mj validate in a GitHub Actions step', () => {
  it('adds the counts by code and the first problems, each linked to its line', async () => {
    const { dir } = buildCase(join(FIXTURES, 'invalid', 'MJ302-unknown-org'));
    const summary = join(scratch(), 'step_summary');
    writeFileSync(summary, '');
    const r = await mj(['validate', '--format', 'github'], { cwd: dir, env: github(dir, summary) });
    expect(r.code).toBe(1);
    const link = `https://github.com/clerks/data/blob/${SHA}/members.csv#L6`;
    expect(readFileSync(summary, 'utf8')).toBe([
      '### mj validate：❌ 1 个错误，0 个警告',
      '',
      '| 代码 | 级别 | 个数 | 第一处 |',
      '| --- | --- | ---: | --- |',
      `| MJ302 | 错误 | 1 | [members.csv:6:33](${link}) |`,
      '',
      '问题：',
      '',
      `1. [members.csv:6:33](${link}) 错误 MJ302 “所属组织”的值“gy-edu9”不存在 — 是否为 gy-edu1？`,
      '',
      '',
    ].join('\n'));
  });

  it('says it passed, with what was read; links a dataset in a folder of the repository by its path there', async () => {
    const repo = scratch();
    copyDataset(TINY, join(repo, 'data'));
    const summary = join(scratch(), 'step_summary');
    writeFileSync(summary, '');
    const ok = await mj(['validate'], { cwd: join(repo, 'data'), env: github(repo, summary) });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^民进示例省委：组织 8 个（支部 5 个），会员 31 人（在册 \d+ 人），履职记录 2019 年 64 条，评分表 2019 年；检查通过。\n$/);
    expect(readFileSync(summary, 'utf8')).toBe(`### mj validate：✅ 检查通过\n\n${ok.stdout}\n`);
    const members = join(repo, 'data', 'members.csv');
    writeFileSync(members, readFileSync(members, 'utf8').replace('0005,陈静,女,1986-07,汉族,2019-04-10,gy-edu1', '0005,陈静,女,1986-07,汉族,2019-04-10,gy-edu9'));
    writeFileSync(summary, '');
    await mj(['validate'], { cwd: join(repo, 'data'), env: github(repo, summary) });
    expect(readFileSync(summary, 'utf8')).toContain(`[members.csv:6:33](https://github.com/clerks/data/blob/${SHA}/data/members.csv#L6)`);
  });

  it('lists the first 20 problems in full and counts the rest; plain locations outside GitHub', async () => {
    const d = copyTiny();
    const act = join(d, 'activities', '2019.csv');
    writeFileSync(act, readFileSync(act, 'utf8').replace(/^(A\d+),2019-/gm, '$1,2018-'));
    const summary = join(scratch(), 'step_summary');
    await mj(['validate'], { cwd: d, env: { GITHUB_STEP_SUMMARY: summary } });
    const text = readFileSync(summary, 'utf8');
    const n = Number(/^### mj validate：❌ (\d+) 个错误/.exec(text)?.[1]);
    expect(n).toBeGreaterThan(20);
    expect(text).toMatch(/\n\| MJ208 \| 错误 \| \d+ \| activities\/2019\.csv:2:\d+ \|\n/);
    expect(text).toContain(`前 20 个问题（全部：mj validate）：`);
    expect(text).toMatch(/\n20\. activities\/2019\.csv:\d+:\d+ 错误 MJ208 /);
    expect(text).not.toMatch(/\n21\. /);
    expect(text).not.toContain('](');
  });

  it('never lets data become markup or an @mention', async () => {
    const d = copyTiny();
    const members = join(d, 'members.csv');
    writeFileSync(members, readFileSync(members, 'utf8').replace('0005,陈静,女,1986-07,汉族,2019-04-10,gy-edu1', '0005,陈静,女,1986-07,汉族,2019-04-10,<img src=x>@admin[x](y)'));
    const summary = join(scratch(), 'step_summary');
    await mj(['validate'], { cwd: d, env: { GITHUB_STEP_SUMMARY: summary } });
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('“\\<img src=x\\>@\u2060admin\\[x\\](y)”');
    expect(text).not.toMatch(/(^|[^\\])[<[]/m);
    expect(text).not.toContain('@admin');
  });

  it('adds to what the step wrote before, and never writes over an input', async () => {
    const d = copyTiny();
    const summary = join(scratch(), 'step_summary');
    writeFileSync(summary, '# before\n');
    await mj(['validate'], { cwd: d, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toMatch(/^# before\n\n### mj validate：✅ 检查通过\n/);
    const members = readFileSync(join(d, 'members.csv'));
    const r = await mj(['validate'], { cwd: d, env: { GITHUB_STEP_SUMMARY: 'members.csv' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('mj: $GITHUB_STEP_SUMMARY 指向数据文件 members.csv，没有写入摘要');
    expect(readFileSync(join(d, 'members.csv')).equals(members)).toBe(true);
    // Nor where mj reads a closed year's lock.
    const lock = await mj(['validate'], { cwd: d, env: { GITHUB_STEP_SUMMARY: 'closed/2019.yaml' } });
    expect(lock.stderr).toContain('mj: $GITHUB_STEP_SUMMARY 指向数据文件 closed/2019.yaml，没有写入摘要');
  });

  it('writes nothing without $GITHUB_STEP_SUMMARY', async () => {
    const d = copyTiny();
    const r = await mj(['validate'], { cwd: d, env: {} });
    expect(r.stderr).toBe('');
  });
});

describe('mj report --check in a GitHub Actions step', () => {
  it('lists the stale files and the command that rebuilds them; says when they match', async () => {
    const d = copyTiny();
    await mj(['report', '2019'], { cwd: d });
    const summary = join(scratch(), 'step_summary');
    await mj(['report', '--check'], { cwd: d, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toBe('### mj report --check：✅ 报表与数据一致（1 个报表文件夹）。\n\n');
    const act = join(d, 'activities', '2019.csv');
    writeFileSync(act, readFileSync(act, 'utf8').replace('A057,2019-12-05,宣传', 'A057,2019-12-05,调研'));
    writeFileSync(join(d, 'reports', '2019', 'notes.txt'), 'x');
    writeFileSync(summary, '');
    const r = await mj(['report', '--check'], { cwd: d, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toBe([
      '### mj report --check：❌ 有 3 个报表文件与数据不一致',
      '',
      '| 文件 | 情况 |',
      '| --- | --- |',
      '| `reports/2019/scores.csv` | 过时 |',
      '| `reports/2019/scores.md` | 过时 |',
      '| `reports/2019/notes.txt` | 多余（删除该文件） |',
      '',
      '重新生成报表，然后提交改动：',
      '',
      '```sh',
      'mj report 2019',
      '```',
      '',
      '',
    ].join('\n'));
  });
});

describe('mj fmt --check in a GitHub Actions step', () => {
  it('lists each file not in canonical form with its first differing line and the command; says when all are', async () => {
    const d = copyTiny();
    const summary = join(scratch(), 'step_summary');
    writeFileSync(summary, '');
    // tiny's records are kept by branch, not by date (line 11 is the first out of order).
    const r = await mj(['fmt', '--check'], { cwd: d, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toBe([
      '### mj fmt --check：❌ 有 1 个数据文件不是规范格式',
      '',
      '| 文件 | 第一处不同的行 |',
      '| --- | --- |',
      '| `activities/2019.csv` | 11 |',
      '',
      '整理格式，然后提交改动：',
      '',
      '```sh',
      'mj fmt',
      '```',
      '',
      '',
    ].join('\n'));
    expect((await mj(['fmt'], { cwd: d })).code).toBe(0);
    writeFileSync(summary, '');
    expect((await mj(['fmt', '--check'], { cwd: d, env: { GITHUB_STEP_SUMMARY: summary } })).code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toBe('### mj fmt --check：✅ 数据文件都已是规范格式（13 个文件）。\n\n');
    // Never over a data file, a practice file included.
    const transfers = readFileSync(join(d, 'transfers.csv'));
    const onInput = await mj(['fmt', '--check'], { cwd: d, env: { GITHUB_STEP_SUMMARY: 'transfers.csv' } });
    expect(onInput.stderr).toContain('mj: $GITHUB_STEP_SUMMARY 指向数据文件 transfers.csv，没有写入摘要');
    expect(readFileSync(join(d, 'transfers.csv')).equals(transfers)).toBe(true);
  });
});
