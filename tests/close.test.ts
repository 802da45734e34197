// Closing a year (mj close), editing it, and reopening it (mj reopen): the lock file's content,
// mj validate holding the year's inputs and reports to it (also on a clone whose line ends
// core.autocrlf=true changed), mj report refusing to change a closed year's reports, and the
// history of who reopened it and why.

import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { copyDataset, scratchDirs } from './helpers/fixtures.js';
import { commitAll, git, hasGit, initRepo, isolateGit } from './helpers/git.js';

const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'data-examples', 'tiny');
const scratch = scratchDirs('mj-close-');
isolateGit();

const sha = (text: string | Buffer): string => `sha256:${createHash('sha256').update(text).digest('hex')}`;
type Lock = { year: number; state: string; files: Record<string, string>; history: Record<string, string>[] };
const lockOf = (dir: string): Lock => parse(readFileSync(join(dir, 'closed', '2019.yaml'), 'utf8')) as Lock;
const codes = async (dir: string): Promise<[string, string][]> => {
  const r = await mj(['validate', '--format', 'json'], { cwd: dir });
  return (JSON.parse(r.stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics.map((d) => [d.code, d.file]);
};

describe.skipIf(!hasGit)('closing a year, editing it, reopening it', () => {
  let repo = '';
  beforeAll(async () => {
    repo = join(scratch(), '数据');
    copyDataset(TINY, repo);
    initRepo(repo, '张三');
    expect((await mj(['report', '2019', '--format', 'csv,md,xlsx'], { cwd: repo })).code).toBe(0);
    commitAll(repo, '2019 年数据与报表');
  });

  it('refuses to close a year without reports, or with stale ones', async () => {
    const d = join(scratch(), 'd');
    copyDataset(TINY, d);
    initRepo(d);
    const none = await mj(['close', '2019'], { cwd: d });
    expect([none.code, none.stderr]).toEqual([2, 'mj: 2019 年还没有报表（reports/2019/mj-report.json），关账记下的是已上报的报表\n先运行 mj report 2019 并提交，再运行 mj close 2019\n']);
    await mj(['report', '2019'], { cwd: d });
    const act = join(d, 'activities', '2019.csv');
    writeFileSync(act, readFileSync(act, 'utf8').replace('A057,2019-12-05,宣传', 'A057,2019-12-05,调研'));
    const stale = await mj(['close', '2019'], { cwd: d });
    expect(stale.code).toBe(2);
    expect(stale.stderr).toContain('reports/2019 中有 2 个报表文件与 2019 年的数据不一致');
    expect((await mj(['close', '2020'], { cwd: d })).code).toBe(2);
  });

  it('needs to know who: git\'s user.name (or GIT_AUTHOR_NAME)', async () => {
    const d = join(scratch(), 'd');
    cpSync(repo, d, { recursive: true });
    git(d, 'config', '--unset', 'user.name');
    const r = await mj(['close', '2019'], { cwd: d });
    expect([r.code, r.stderr]).toEqual([2, 'mj: 不知道是谁在操作：git 中没有设置 user.name\n设置姓名：git config user.name "张三"（关账文件中记下的就是这个名字）\n']);
    const env = await mj(['close', '2019'], { cwd: d, env: { GIT_AUTHOR_NAME: '李四' } });
    expect(env.code).toBe(0);
    expect(lockOf(d).history).toEqual([{ action: 'close', by: '李四' }]);
  });

  it('closes: the lock file holds the hash of each input and report file, and who, why and the day given', async () => {
    const r = await mj(['close', '2019', '--reason', '已报送民进中央', '--date', '2020-01-20'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('已关账 2019 年：closed/2019.yaml 记下了 51 个文件的哈希。此后改动这些文件，mj validate 会报错（MJ801）。\n提交它：git add closed/2019.yaml && git commit -m "2019 年关账"\n');
    const lock = lockOf(repo);
    expect([lock.year, lock.state]).toEqual([2019, 'closed']);
    const files = Object.keys(lock.files);
    expect(files.slice(0, 5)).toEqual(['activities/2019.csv', 'assessments/2019.csv', 'rubrics/2019.yaml', 'reviews/2019.csv', 'reports/2019/scores.csv']);
    expect(files.at(-1)).toBe('reports/2019/mj-report.json');
    expect(files).toContain('reports/2019/scores.xlsx');
    for (const f of files) expect(lock.files[f], f).toBe(sha(readFileSync(join(repo, f))));
    expect(lock.history).toEqual([{ action: 'close', by: '张三', reason: '已报送民进中央', date: '2020-01-20' }]);
    // No clock: the same data and options give the same bytes, in any time zone.
    const text = readFileSync(join(repo, 'closed', '2019.yaml'), 'utf8');
    const again = join(scratch(), 'again');
    cpSync(repo, again, { recursive: true });
    rmSync(join(again, 'closed'), { recursive: true });
    const prev = process.env['TZ'];
    process.env['TZ'] = 'America/Los_Angeles';
    await mj(['close', '2019', '--reason', '已报送民进中央', '--date', '2020-01-20'], { cwd: again });
    process.env['TZ'] = prev;
    expect(readFileSync(join(again, 'closed', '2019.yaml'), 'utf8')).toBe(text);
    expect(await codes(repo)).toEqual([]);
    const twice = await mj(['close', '2019'], { cwd: repo });
    expect([twice.code, twice.stderr.split('\n')[0]]).toEqual([2, 'mj: 2019 年已经关账（closed/2019.yaml）']);
    commitAll(repo, '2019 年关账');
  });

  it('stays closed on a clone whose line ends core.autocrlf=true turned into CRLF', async () => {
    const clone = join(scratch(), 'clone');
    git(scratch(), '-c', 'core.autocrlf=true', 'clone', '-q', repo, clone);
    expect(readFileSync(join(clone, 'activities', '2019.csv'), 'utf8')).toContain('\r\n');
    expect(readFileSync(join(clone, 'reports', '2019', 'scores.md'), 'utf8')).toContain('\r\n');
    expect(await codes(clone)).toEqual([]);
  });

  it('mj import into a closed year writes nothing: the merged file fails its lock (MJ801) before anything is written', async () => {
    const d = join(scratch(), 'import');
    cpSync(repo, d, { recursive: true });
    const sheet = join(scratch(), '补报.csv');
    writeFileSync(sheet, '日期,类型,组织,会员,标题\n2019-12-20,组织生活,gy-edu1,0001,年终补报座谈\n');
    const act = join(d, 'activities', '2019.csv');
    const before = readFileSync(act);
    const r = await mj(['import', sheet, '--kind', 'activities'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('activities/2019.csv: 错误 MJ801 2019 年已由 张三 关账（closed/2019.yaml），这个文件在关账之后改动了');
    expect(r.stderr).toContain('有错误，没有写入任何文件。');
    expect(readFileSync(act).equals(before)).toBe(true);
  });

  it('an edit to a closed year fails mj validate naming the year and the file; mj report will not overwrite its reports', async () => {
    const act = join(repo, 'activities', '2019.csv');
    writeFileSync(act, readFileSync(act, 'utf8').replace('A057,2019-12-05,宣传', 'A057,2019-12-05,调研'));
    const v = await mj(['validate'], { cwd: repo });
    expect(v.code).toBe(1);
    expect(v.stdout.split('\n')[0]).toBe('activities/2019.csv: 错误 MJ801 2019 年已由 张三 关账（closed/2019.yaml），这个文件在关账之后改动了');
    const en = await mj(['validate', '--lang', 'en'], { cwd: repo });
    expect(en.stdout.split('\n')[0]).toBe('activities/2019.csv: error MJ801 2019 was closed by 张三 (closed/2019.yaml), but this file changed after it was closed');
    const before = readFileSync(join(repo, 'reports', '2019', 'scores.csv'));
    const report = await mj(['report', '2019'], { cwd: repo });
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('mj: 2019 年已关账（closed/2019.yaml），重新生成会改动其中 4 个已关账的报表文件；没有写入任何文件\n');
    expect(readFileSync(join(repo, 'reports', '2019', 'scores.csv')).equals(before)).toBe(true);
    const check = await mj(['report', '--check'], { cwd: repo });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('2019 年已关账（closed/2019.yaml）：这次改动改变了已关账年度的报表。');
    // Not the command to rebuild, which would refuse: the note says reopen first.
    expect(check.stdout).not.toContain('重新生成：');
    expect(check.stdout).not.toMatch(/^ {2}.*report 2019/m);
    // A file of the year removed, and one added that the closed year did not have.
    rmSync(join(repo, 'reports', '2019', 'roster.md'));
    expect(await codes(repo)).toEqual([['MJ801', 'activities/2019.csv'], ['MJ802', 'reports/2019/roster.md']]);
    git(repo, 'checkout', '--', 'reports/2019/roster.md');
    const assessments = join(repo, 'assessments', '2019.csv');
    const kept = readFileSync(assessments);
    rmSync(assessments);
    writeFileSync(join(repo, 'assessments', '2019.yaml'), '[]\n');
    expect(await codes(repo)).toContainEqual(['MJ803', 'assessments/2019.yaml']);
    rmSync(join(repo, 'assessments', '2019.yaml'));
    writeFileSync(assessments, kept);
  });

  it('reopens with a reason, recording who; then the year can change and be closed again', async () => {
    const none = await mj(['reopen', '2019'], { cwd: repo });
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([2, 'mj: 重新打开要写明原因：mj reopen 2019 --reason "原因"']);
    expect((await mj(['reopen', '2019', '--reason', '第一行\n第二行'], { cwd: repo })).code).toBe(2);
    git(repo, 'config', 'user.name', '李四');
    const r = await mj(['reopen', '2019', '--reason', '更正贵州大学支部 A057 的类型'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('已重新打开 2019 年（李四），记入 closed/2019.yaml。改完后重新生成报表，再运行 mj close 2019。');
    const lock = lockOf(repo);
    expect(lock.state).toBe('open');
    expect(lock.history).toEqual([
      { action: 'close', by: '张三', reason: '已报送民进中央', date: '2020-01-20' },
      { action: 'reopen', by: '李四', reason: '更正贵州大学支部 A057 的类型' },
    ]);
    expect(readFileSync(join(repo, 'closed', '2019.yaml'), 'utf8')).toMatch(/^# 2019 年已重新打开（mj reopen 2019），可以修改/);
    expect(await codes(repo)).toEqual([]);
    expect((await mj(['reopen', '2019', '--reason', 'again'], { cwd: repo })).code).toBe(2);
    expect((await mj(['report', '2019'], { cwd: repo })).code).toBe(0);
    expect((await mj(['close', '2019', '--reason', '更正后重新上报'], { cwd: repo })).code).toBe(0);
    const closed = lockOf(repo);
    expect(closed.state).toBe('closed');
    expect(closed.history.map((e) => [e['action'], e['by']])).toEqual([['close', '张三'], ['reopen', '李四'], ['close', '李四']]);
    expect(closed.files['activities/2019.csv']).toBe(sha(readFileSync(join(repo, 'activities', '2019.csv'))));
    expect(await codes(repo)).toEqual([]);
  });

  it('a lock file edited by hand is a data error of mj validate, and mj close will not write over it', async () => {
    const d = join(scratch(), 'd');
    cpSync(repo, d, { recursive: true });
    const lock = join(d, 'closed', '2019.yaml');
    writeFileSync(lock, readFileSync(lock, 'utf8').replace('state: closed', 'state: 关账'));
    expect(await codes(d)).toEqual([['MJ804', 'closed/2019.yaml']]);
    expect((await mj(['close', '2019'], { cwd: d })).code).toBe(1);
    expect((await mj(['reopen', '2019', '--reason', 'x'], { cwd: d })).code).toBe(1);
  });
});
