// The README's year-end flow, line by line, as a clerk runs it: outside mj's repository, with mj
// installed (a `mj` on PATH that runs this build), `mj init` with its git init, the pinned
// `node .mj/mj.mjs` commands, the commit; then the workflow's steps on a fresh clone print what
// the README says they print, green and then red after the README's example edit. Only the push
// (network) is left out.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scratchDirs } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const scratch = scratchDirs('mj-flow-');
const hasGit = spawnSync('git', ['--version']).status === 0;
if (!hasGit) console.warn('readme-flow.test: git is not installed; the README flow is not run');

/** The code blocks of the README's year-end section, in order. */
function flowBlocks(): string[] {
  const section = README.slice(README.indexOf('## 年终流程'), README.indexOf('\n## ', README.indexOf('## 年终流程') + 5));
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => m[2]!);
}

describe.skipIf(!hasGit)('the README year-end flow', () => {
  it('runs line by line and its CI prints what the README shows', () => {
    const home = scratch();
    const bin = join(home, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'mj'), `#!/bin/sh\nexec node ${JSON.stringify(join(ROOT, 'bin', 'mj.js'))} "$@"\n`);
    chmodSync(join(bin, 'mj'), 0o755);
    const env: NodeJS.ProcessEnv = {
      PATH: `${bin}:${process.env['PATH']}`, HOME: home, LANG: 'zh_CN.UTF-8', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: '测试', GIT_AUTHOR_EMAIL: 'clerk@example.org', GIT_COMMITTER_NAME: '测试', GIT_COMMITTER_EMAIL: 'clerk@example.org',
    };
    const sh = (cwd: string, command: string) => {
      const r = spawnSync('bash', ['-c', command], { cwd, env, encoding: 'utf8' });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    };
    const [flow, green, red] = flowBlocks();
    let cwd = home;
    for (const raw of flow!.split('\n')) {
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
    const clone = join(scratch(), 'clone');
    expect(sh(home, `git clone -q ${JSON.stringify(cwd)} ${JSON.stringify(clone)}`).code).toBe(0);
    const wf = parse(readFileSync(join(clone, '.github', 'workflows', 'mj.yml'), 'utf8')) as { jobs: Record<string, { steps: { run?: string }[] }> };
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run === undefined ? [] : [s.run])));
    const run = () => steps.map((s) => sh(clone, s));
    expect(run().map((r) => r.stdout).join('')).toBe(green);
    const act = join(clone, 'activities', '2019.csv');
    writeFileSync(act, readFileSync(act, 'utf8').replace('2019-0001,2019-03-10,组织生活', '2019-0001,2019-03-10,学习'));
    const after = run();
    expect(after.map((r) => r.code)).toEqual([0, 0, 1]);
    expect(after[2]!.stdout).toBe(red);
  });
});
