// A data repository end to end, with the real programs: `mj init` makes it (git init included),
// it is filled, reported and committed; fresh clones with core.autocrlf true and false run the
// generated workflow's `run:` steps with only Node (no registry: npm is pointed at a dead port)
// and see green; after an edit they see red, with the stale files and the command that rebuilds
// them, in the job summary too. A pull request is checked out as GitHub does (its merge commit,
// two levels of history): the workflow's mj diff step writes what the change does to the job
// summary and posts it as a comment through `gh` (a stand-in here that records what it is given),
// and the job still passes when the comment is refused (no permission). `mj pin` replaces the
// pinned build.

import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDirs } from './helpers/fixtures.js';
import { runWorkflow as runSteps, type WorkflowRun } from './helpers/workflow.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'mj.js');
const TINY = join(ROOT, 'data-examples', 'tiny');
const scratch = scratchDirs('mj-repo-');
const hasGit = spawnSync('git', ['--version']).status === 0;
if (!hasGit) console.warn('data-repo.test: git is not installed; the data repository tests are skipped');

const ENV: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'], HOME: process.env['HOME'], LANG: 'zh_CN.UTF-8',
  GIT_AUTHOR_NAME: '测试', GIT_AUTHOR_EMAIL: 'clerk@example.org', GIT_COMMITTER_NAME: '测试', GIT_COMMITTER_EMAIL: 'clerk@example.org',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
  // Nothing may come from a registry.
  npm_config_registry: 'http://127.0.0.1:9/', NPM_CONFIG_OFFLINE: 'true',
};

function sh(cwd: string, command: string): { code: number; out: string } {
  const r = spawnSync('bash', ['-c', command], { cwd, env: ENV, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** The generated workflow's steps on a push: what they print, and the first failing step's exit code. */
function runWorkflow(repo: string): { code: number; out: string; run: WorkflowRun } {
  const run = runSteps(repo, { event: 'push', env: ENV });
  const failed = run.ran.find((st) => st.code !== 0);
  return { code: failed?.code ?? 0, out: run.ran.map((st) => st.stdout + st.stderr).join(''), run };
}

describe.skipIf(!hasGit)('a data repository made by mj init', () => {
  const made = scratch();
  const repo = join(made, '民进数据');

  /** What GitHub checks out for a pull request from `branch`: its merge into main (refs/pull/N/merge), two levels deep. */
  function pullRequest(branch: string): string {
    expect(sh(repo, `git checkout -q -B merge main && git merge -q --no-ff -m "Merge ${branch} into main" ${branch} && git update-ref refs/pull/1/merge HEAD && git checkout -q main`).code).toBe(0);
    const pr = join(scratch(), 'pr');
    mkdirSync(pr);
    const fetch = sh(pr, `git init -q && git fetch -q --depth=2 ${JSON.stringify(`file://${repo}`)} refs/pull/1/merge && git checkout -q FETCH_HEAD && git rev-list --count HEAD`);
    expect(fetch.code, fetch.out).toBe(0);
    expect(fetch.out.trim()).toBe('3'); // the merge and its two parents: nothing older
    return pr;
  }

  it('is its own git repository, filled, reported and committed', () => {
    const init = sh(made, `node ${JSON.stringify(BIN)} init 民进数据 --year 2019 --name 民进某某省委`);
    expect(init.code, init.out).toBe(0);
    expect(init.out).toContain('已在 民进数据 创建 git 仓库');
    expect(existsSync(join(repo, '.git'))).toBe(true);
    expect(sh(repo, 'git symbolic-ref HEAD').out.trim()).toBe('refs/heads/main');
    expect(statSync(join(repo, 'mj')).mode & 0o111).not.toBe(0);
    // A clerk's data: the tiny example's files.
    for (const f of [
      'orgs.yaml', 'members.csv', 'activities/2019.csv', 'assessments/2019.csv', 'rubrics/2019.yaml', 'transfers.csv', 'reserve.csv', 'liaisons.csv', 'leaders.csv',
      'reviews/2019.csv', 'inspections.csv', 'findings.csv',
    ]) cpSync(join(TINY, f), join(repo, f));
    // The example's records are kept by branch; mj fmt puts them in canonical order (the CI checks it).
    const fmt = sh(repo, 'node .mj/mj.mjs fmt');
    expect(fmt.code, fmt.out).toBe(0);
    expect(fmt.out).toContain('已整理 1 个文件：activities/2019.csv');
    const report = sh(repo, 'node .mj/mj.mjs report 2019 --format csv,md,xlsx --excel --date 2020-01-15');
    expect(report.code, report.out).toBe(0);
    // Excel's lock file while a workbook is open stays out of git.
    writeFileSync(join(repo, 'reports', '2019', '~$scores.xlsx'), 'lock');
    const commit = sh(repo, 'git add -A && git commit -q -m "2019 年数据与报表" && git status --porcelain --ignored');
    expect(commit.code, commit.out).toBe(0);
    expect(commit.out).toBe('!! reports/2019/~$scores.xlsx\n');
  });

  for (const autocrlf of ['true', 'false']) {
    it(`passes its own CI on a fresh clone with core.autocrlf=${autocrlf}, and fails naming the stale files after an edit`, () => {
      const clone = join(scratch(), 'clone');
      expect(sh(made, `git -c core.autocrlf=${autocrlf} clone -q ${JSON.stringify(repo)} ${JSON.stringify(clone)}`).code).toBe(0);
      const green = runWorkflow(clone);
      expect(green.code, green.out).toBe(0);
      expect(green.out).toContain('民进某某省委：组织 8 个');
      expect(green.out).toContain('数据文件都已是规范格式（13 个文件）。');
      expect(green.out).toContain('报表与数据一致（1 个报表文件夹）。');
      // A push has no pull request: the diff and comment steps are skipped.
      expect(green.run.steps.filter((st) => st.skipped).length).toBe(2);
      expect(green.run.summary).toMatch(/^### mj validate：✅ 检查通过\n\n民进某某省委：组织 8 个[^\n]*\n\n### mj fmt --check：✅ 数据文件都已是规范格式（13 个文件）。\n\n### mj report --check：✅ 报表与数据一致（1 个报表文件夹）。\n\n$/);
      const act = join(clone, 'activities', '2019.csv');
      writeFileSync(act, readFileSync(act, 'utf8').replace('A057,2019-12-05,宣传', 'A057,2019-12-05,调研'));
      const red = runWorkflow(clone);
      expect(red.code).toBe(1);
      expect(red.out).toContain('过时：reports/2019/scores.csv');
      expect(red.out).toContain('过时：reports/2019/scores.xlsx');
      expect(red.out).toContain('  node .mj/mj.mjs report 2019\n');
      expect(red.run.summary).toContain('| `reports/2019/scores.csv` | 过时 |');
      expect(red.run.summary).toContain('```sh\nnode .mj/mj.mjs report 2019\n```');
      // The printed command rebuilds exactly what the check expects.
      expect(sh(clone, 'node .mj/mj.mjs report 2019').code).toBe(0);
      expect(runWorkflow(clone).code).toBe(0);
    }, 90_000); // three runs of the workflow (validate, fmt --check, report --check) and a rebuild, on a shared two-core machine
  }

  it('a pull request: the job summary shows what it does to the results, posted as a comment too, and green without the permission', () => {
    // The clerk's branch: one record's type corrected, the reports rebuilt, committed.
    const work = join(scratch(), 'work');
    expect(sh(made, `git clone -q ${JSON.stringify(repo)} ${JSON.stringify(work)}`).code).toBe(0);
    const act = join(work, 'activities', '2019.csv');
    writeFileSync(act, readFileSync(act, 'utf8').replace('A057,2019-12-05,宣传', 'A057,2019-12-05,调研'));
    const branch = sh(work, 'git switch -q -c 更正 && node .mj/mj.mjs report 2019 && git commit -q -am "更正 A057 的类型" && git push -q origin 更正');
    expect(branch.code, branch.out).toBe(0);
    const pr = pullRequest('更正');
    // gh, as on GitHub's runners: here a stand-in that records what it is asked, or refuses (exit 1).
    const bin = join(scratch(), 'bin');
    mkdirSync(bin);
    const calls = join(bin, 'calls.txt');
    writeFileSync(join(bin, 'gh'), `#!/bin/sh\nprintf '%s\\n' "$GH_TOKEN $GH_REPO $*" >> ${JSON.stringify(calls)}\nwhile [ $# -gt 0 ]; do if [ "$1" = --body-file ]; then cp "$2" ${JSON.stringify(join(bin, 'body.md'))}; fi; shift; done\nexit \${FAKE_GH_EXIT:-0}\n`);
    chmodSync(join(bin, 'gh'), 0o755);
    const context = { 'github.token': 'ghs_test', 'github.repository': 'clerks/data', 'github.event.pull_request.number': '1' };
    const env = { ...ENV, PATH: `${bin}:${ENV['PATH']}` };
    const run = runSteps(pr, { event: 'pull_request', env, context });
    expect(run.ok, run.ran.map((st) => st.stdout + st.stderr).join('')).toBe(true);
    expect(run.ran.map((st) => st.name)).toEqual([
      '检查数据（mj validate）', '检查数据文件是否为规范格式（mj fmt --check）', '检查报表是否与数据一致（mj report --check）', '这次改动对各年结果的影响（mj diff）', '把影响贴到合并请求中（需要 pull-requests 写权限，没有时跳过）',
    ]);
    const diff = run.ran[3]!.summary;
    expect(diff).toMatch(/^## mj diff：HEAD\^1（[0-9a-f]{7,}） → 工作区\n/);
    expect(diff).toContain('改动的数据文件：`activities/2019.csv`（修改）');
    expect(diff).toContain('| 考核评分表 | 贵州大学支部 | 宣传信息稿件 | 2.00 | **0.00** |');
    expect(diff).toContain('| 考核评分表 | 贵州大学支部 | 调研活动 | 2.00 | **4.00** |');
    expect(run.summary).toBe(run.ran[0]!.summary + run.ran[1]!.summary + run.ran[2]!.summary + diff);
    expect(readFileSync(calls, 'utf8')).toMatch(/^ghs_test clerks\/data pr comment 1 --body-file \S+mj-diff\.md --edit-last --create-if-none\n$/);
    expect(readFileSync(join(bin, 'body.md'), 'utf8')).toBe(diff);
    expect(sh(pr, 'git status --porcelain').out).toBe('');
    // Without the permission (or from a fork): gh fails, the job does not.
    const refused = runSteps(pr, { event: 'pull_request', env: { ...env, FAKE_GH_EXIT: '1' }, context });
    expect(refused.ok).toBe(true);
    expect(refused.ran[4]!.stdout).toContain('::notice title=mj diff::没能在合并请求中发评论');
    expect(refused.summary).toBe(run.summary);
  });

  it('a pull request that changes a closed year: mj validate fails naming the year and the file, and the diff says so', () => {
    const close = sh(repo, 'node .mj/mj.mjs close 2019 --reason 已报送民进中央 && git add closed && git commit -q -m "2019 年关账"');
    expect(close.code, close.out).toBe(0);
    const work = join(scratch(), 'work');
    expect(sh(made, `git clone -q ${JSON.stringify(repo)} ${JSON.stringify(work)}`).code).toBe(0);
    const act = join(work, 'activities', '2019.csv');
    writeFileSync(act, readFileSync(act, 'utf8').replace('A001,2019-01-12,组织生活', 'A001,2019-01-12,学习'));
    // mj report will not rewrite a closed year's reports, so the branch carries the records alone.
    expect(sh(work, 'node .mj/mj.mjs report 2019').code).toBe(2);
    expect(sh(work, 'git switch -q -c 改动已关账 && git commit -q -am "改动 2019 年" && git push -q origin 改动已关账').code).toBe(0);
    const pr = pullRequest('改动已关账');
    const run = runSteps(pr, { event: 'pull_request', env: { ...ENV, PATH: `/nonexistent-gh:${ENV['PATH']}` }, context: { 'github.token': 't', 'github.repository': 'clerks/data', 'github.event.pull_request.number': '2' } });
    expect(run.ok).toBe(false);
    expect(run.steps.map((st) => (st.skipped ? 'skipped' : st.code))).toEqual([1, 'skipped', 'skipped', 0, 0]);
    expect(run.ran[0]!.stdout).toContain('::error file=activities/2019.csv,title=MJ801::2019 年已由 测试 关账（closed/2019.yaml），这个文件在关账之后改动了');
    expect(run.summary).toContain('| MJ801 | 错误 | 1 | activities/2019.csv |');
    expect(run.summary).toContain('> ⚠️ 2019 年已关账（closed/2019.yaml）：这些改动会使 mj validate 失败（MJ801）');
  });

  it('mj pin replaces the pinned build with the running version, once', () => {
    const pinned = join(repo, '.mj', 'mj.mjs');
    writeFileSync(pinned, '#!/usr/bin/env node\n// mj 0.0.1 (@mj-tools/mj): an old build\n');
    chmodSync(pinned, 0o644);
    const r = sh(join(repo, 'reports'), `node ${JSON.stringify(BIN)} pin`);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/已把 \S*\.mj\/mj\.mjs 从 mj 0\.0\.1 换成 mj \d+\.\d+\.\d+/);
    expect(readFileSync(pinned).equals(readFileSync(join(ROOT, 'bundle', 'standalone', 'mj.mjs')))).toBe(true);
    expect(statSync(pinned).mode & 0o111).not.toBe(0);
    expect(sh(repo, `node ${JSON.stringify(BIN)} pin`).out).toContain('没有改动');
    expect(sh(made, `node ${JSON.stringify(BIN)} pin`).code).toBe(2); // not a data repository
  });
});
