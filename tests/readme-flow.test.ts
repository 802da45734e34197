// The README's year-end flow, line by line, as a clerk runs it: outside mj's repository, with mj
// installed (a `mj` on PATH that runs this build), `mj init` with its git init, the pinned
// `node .mj/mj.mjs` commands, the commit; then the workflow's steps on a fresh clone print what
// the README says they print, green and then red after the README's example edit. Then a pull
// request: the README's branch commands, the merge GitHub checks out (two levels deep), and the
// job summary the README shows; then closing the year, the error an edit to it gives, and
// reopening it. Only the pushes (network) are left out.

import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDirs } from './helpers/fixtures.js';
import { runWorkflow } from './helpers/workflow.js';

const ROOT = join(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const scratch = scratchDirs('mj-flow-');
const hasGit = spawnSync('git', ['--version']).status === 0;
if (!hasGit) console.warn('readme-flow.test: git is not installed; the README flow is not run');

/** The code blocks of the README's year-end section (up to the next ## heading outside a code block), in order. */
function flowBlocks(): string[] {
  const lines = README.slice(README.indexOf('## 年终流程')).split('\n');
  const blocks: string[] = [];
  let open: string[] | undefined;
  for (const line of lines.slice(1)) {
    if (open === undefined && line.startsWith('## ')) break;
    if (line.startsWith('```')) {
      if (open === undefined) open = [];
      else {
        blocks.push(open.map((l) => `${l}\n`).join(''));
        open = undefined;
      }
    } else open?.push(line);
  }
  return blocks;
}

/** git commit ids, which differ from run to run, as the README cannot know them. */
const ids = (text: string): string => text.replace(/（[0-9a-f]{7,40}）/g, '（…）');

describe.skipIf(!hasGit)('the README year-end flow', () => {
  it('runs line by line and its CI prints what the README shows', () => {
    const home = scratch();
    const bin = join(home, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'mj'), `#!/bin/sh\nexec node ${JSON.stringify(join(ROOT, 'bin', 'mj.js'))} "$@"\n`);
    chmodSync(join(bin, 'mj'), 0o755);
    const env: NodeJS.ProcessEnv = {
      PATH: `${bin}:${process.env['PATH']}`, HOME: home, LANG: 'zh_CN.UTF-8', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: '张三', GIT_AUTHOR_EMAIL: 'clerk@example.org', GIT_COMMITTER_NAME: '张三', GIT_COMMITTER_EMAIL: 'clerk@example.org',
    };
    const sh = (cwd: string, command: string) => {
      const r = spawnSync('bash', ['-c', command], { cwd, env, encoding: 'utf8' });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    };
    const [flow, green, red, branch, summary, close, closedError, reopen] = flowBlocks();
    let cwd = home;
    const runLines = (block: string): void => {
      for (const raw of block.split('\n')) {
        const line = raw.replace(/\s+#.*$/, '').trim();
        if (line === '' || line.startsWith('#')) continue;
        if (/^git (remote|push)\b/.test(line)) continue; // the network
        const cd = /^cd\s+(\S+)$/.exec(line);
        if (cd) {
          cwd = join(cwd, cd[1]!);
          continue;
        }
        const r = sh(cwd, line);
        expect(r.code, `${line}\n${r.stdout}${r.stderr}`).toBe(0);
      }
    };
    runLines(flow!);
    const repo = cwd;
    const clone = join(scratch(), 'clone');
    expect(sh(home, `git clone -q ${JSON.stringify(repo)} ${JSON.stringify(clone)}`).code).toBe(0);
    const push = () => runWorkflow(clone, { event: 'push', env });
    expect(push().ran.map((r) => r.stdout).join('')).toBe(green);
    const act = join(clone, 'activities', '2019.csv');
    writeFileSync(act, readFileSync(act, 'utf8').replace('2019-0001,2019-03-10,组织生活', '2019-0001,2019-03-10,学习'));
    const after = push();
    expect(after.ran.map((r) => r.code)).toEqual([0, 0, 1]);
    expect(after.ran[2]!.stdout).toBe(red);

    // A pull request: the README's record added on a branch, its commands, the merge GitHub checks out.
    appendFileSync(join(repo, 'activities', '2019.csv'), '2019-0006,2019-09-12,社情民意,prov-uni1,0004,关于（示例）的建议,省,,,,\n');
    runLines(branch!);
    expect(sh(repo, 'git checkout -q -b merge main && git merge -q --no-ff -m "Merge" 补录-2019 && git update-ref refs/pull/1/merge HEAD && git checkout -q 补录-2019').code).toBe(0);
    const pr = join(scratch(), 'pr');
    mkdirSync(pr);
    expect(sh(pr, `git init -q && git fetch -q --depth=2 ${JSON.stringify(`file://${repo}`)} refs/pull/1/merge && git checkout -q FETCH_HEAD`).code).toBe(0);
    const checked = runWorkflow(pr, { event: 'pull_request', env, context: { 'github.token': 't', 'github.repository': 'clerks/data', 'github.event.pull_request.number': '1' } });
    expect(checked.ok).toBe(true);
    expect(ids(checked.summary)).toBe(ids(summary!));

    // The pull request merged; the year reported and closed; an edit to it; reopening it.
    expect(sh(repo, 'git switch -q main && git merge -q 补录-2019').code).toBe(0);
    runLines(close!);
    const mine = join(repo, 'activities', '2019.csv');
    writeFileSync(mine, readFileSync(mine, 'utf8').replace('支部年度工作会', '支部年度工作会议'));
    const v = sh(repo, 'node .mj/mj.mjs validate');
    expect(v.code).toBe(1);
    expect(v.stdout).toBe(closedError);
    runLines(reopen!);
    expect(sh(repo, 'node .mj/mj.mjs validate').code).toBe(0);
  });
});
