// A data repository end to end, with the real programs: `mj init` makes it (git init included),
// it is filled, reported and committed; fresh clones with core.autocrlf true and false run the
// generated workflow's `run:` steps with only Node (no registry: npm is pointed at a dead port)
// and see green; after an edit they see red, with the stale files and the command that rebuilds
// them. `mj pin` replaces the pinned build.

import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scratchDirs } from './helpers/fixtures.js';

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

/** The generated workflow's `run:` steps, in order. */
function workflowSteps(repo: string): string[] {
  const wf = parse(readFileSync(join(repo, '.github', 'workflows', 'mj.yml'), 'utf8')) as { jobs: Record<string, { steps: { run?: string }[] }> };
  return Object.values(wf.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run === undefined ? [] : [s.run])));
}

function runWorkflow(repo: string): { code: number; out: string } {
  let out = '';
  for (const step of workflowSteps(repo)) {
    const r = sh(repo, step);
    out += r.out;
    if (r.code !== 0) return { code: r.code, out };
  }
  return { code: 0, out };
}

describe.skipIf(!hasGit)('a data repository made by mj init', () => {
  const made = scratch();
  const repo = join(made, '民进数据');

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
      const act = join(clone, 'activities', '2019.csv');
      writeFileSync(act, readFileSync(act, 'utf8').replace('A057,2019-12-05,宣传', 'A057,2019-12-05,调研'));
      const red = runWorkflow(clone);
      expect(red.code).toBe(1);
      expect(red.out).toContain('过时：reports/2019/scores.csv');
      expect(red.out).toContain('过时：reports/2019/scores.xlsx');
      expect(red.out).toContain('  node .mj/mj.mjs report 2019\n');
      // The printed command rebuilds exactly what the check expects.
      expect(sh(clone, 'node .mj/mj.mjs report 2019').code).toBe(0);
      expect(runWorkflow(clone).code).toBe(0);
    }, 90_000); // three runs of the workflow (validate, fmt --check, report --check) and a rebuild, on a shared two-core machine
  }

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
