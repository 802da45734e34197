// A git repository made in a test: its own identity and settings (never the machine's global
// git configuration), commits with fixed dates so that runs make the same commits.

import { spawnSync } from 'node:child_process';

export const hasGit = spawnSync('git', ['--version']).status === 0;

/** The environment of git in tests; process.env is set to it too (in-process mj runs git with it). */
export const GIT_ENV: Record<string, string> = {
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_DATE: '2020-01-20T10:00:00+08:00', GIT_COMMITTER_DATE: '2020-01-20T10:00:00+08:00',
};

/** Keeps in-process git off the machine's own configuration (each test file runs in its own worker). */
export function isolateGit(): void {
  Object.assign(process.env, GIT_ENV);
  delete process.env['GIT_AUTHOR_NAME'];
  delete process.env['GIT_COMMITTER_NAME'];
}

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** git init on main, with a user named `name` in the repository's own configuration. */
export function initRepo(dir: string, name = '测试'): void {
  git(dir, 'init', '-q');
  git(dir, 'symbolic-ref', 'HEAD', 'refs/heads/main');
  git(dir, 'config', 'user.name', name);
  git(dir, 'config', 'user.email', 'clerk@example.org');
  git(dir, 'config', 'core.autocrlf', 'false');
}

export function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}
