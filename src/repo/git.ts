// The only code that runs git: the repository a folder is in, revisions, the merge base with the
// main branch, a revision's files (ls-tree, then each blob with cat-file into a file), and who the
// user is. git runs with argument arrays, never through a shell, and `--end-of-options` keeps a
// revision that looks like an option from being read as one. Nothing is ever checked out: a
// revision's files are read from git's objects. Failures are GitError values a command turns into
// a usage message in the user's language.

import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';

export type GitFailure =
  | { readonly kind: 'no-git' }
  | { readonly kind: 'not-a-repo'; readonly dir: string; readonly detail: string }
  | { readonly kind: 'bad-revision'; readonly revision: string }
  | { readonly kind: 'no-main-branch' }
  | { readonly kind: 'failed'; readonly command: string; readonly detail: string };

export class GitError extends Error {
  constructor(readonly failure: GitFailure) {
    super(`git: ${failure.kind}`);
  }
}

interface Ran {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs git in `cwd`; a missing git is GitError('no-git'). `stdout` may be a file descriptor to write into. */
function git(cwd: string, args: readonly string[], stdout?: number): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', stdout ?? 'pipe', 'pipe'], shell: false, windowsHide: true });
    const out: Buffer[] = [];
    let err = '';
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => (err += b.toString('utf8')));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new GitError({ kind: 'no-git' }) : e));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: err }));
  });
}

const firstLine = (s: string): string => s.trim().split('\n')[0] ?? '';

async function ok(cwd: string, args: readonly string[]): Promise<string> {
  const r = await git(cwd, args);
  if (r.code !== 0) throw new GitError({ kind: 'failed', command: `git ${args.join(' ')}`, detail: firstLine(r.stderr) });
  return r.stdout.toString('utf8');
}

/** A folder's repository: its top folder, and the folder's path inside it ('' or 'sub/dir/'). */
export interface RepoPlace {
  readonly top: string;
  readonly prefix: string;
}

export async function repoOf(dir: string): Promise<RepoPlace> {
  const r = await git(dir, ['rev-parse', '--show-toplevel', '--show-prefix']);
  if (r.code !== 0) throw new GitError({ kind: 'not-a-repo', dir, detail: firstLine(r.stderr) });
  const [top = '', prefix = ''] = r.stdout.toString('utf8').split('\n');
  return { top, prefix };
}

/** The commit a revision names (its full id), or GitError('bad-revision'). */
export async function commitOf(top: string, revision: string): Promise<string> {
  if (revision === '' || revision.startsWith('-')) throw new GitError({ kind: 'bad-revision', revision });
  const r = await git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  if (r.code !== 0) throw new GitError({ kind: 'bad-revision', revision });
  return r.stdout.toString('utf8').trim();
}

/** The short form of a commit id, as git abbreviates it in this repository. */
export async function shortCommit(top: string, commit: string): Promise<string> {
  return (await ok(top, ['rev-parse', '--short', commit])).trim();
}

/** The main branch: origin's default branch when known, else main, master, origin/main, origin/master. */
export async function mainBranch(top: string): Promise<string> {
  const head = await git(top, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  if (head.code === 0 && head.stdout.toString('utf8').trim() !== '') return head.stdout.toString('utf8').trim();
  for (const ref of ['main', 'master', 'origin/main', 'origin/master']) {
    const r = await git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    if (r.code === 0) return ref;
  }
  throw new GitError({ kind: 'no-main-branch' });
}

/** The best common ancestor of two commits. */
export async function mergeBase(top: string, a: string, b: string): Promise<string> {
  const r = await git(top, ['merge-base', a, b]);
  if (r.code !== 0) throw new GitError({ kind: 'failed', command: `git merge-base ${a} ${b}`, detail: firstLine(r.stderr) || 'no common ancestor' });
  return r.stdout.toString('utf8').trim();
}

/** A file of a revision: its path below the prefix and its blob. */
export interface TreeFile {
  readonly path: string;
  readonly blob: string;
}

/**
 * The regular files of a commit below `prefix` (paths relative to it, with /). Links and
 * submodules are left out: a revision's files are data, never pointers to elsewhere.
 */
export async function treeFiles(top: string, commit: string, prefix: string): Promise<TreeFile[]> {
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
  if (prefix !== '') args.push('--', prefix);
  const text = await ok(top, args);
  const out: TreeFile[] = [];
  for (const entry of text.split('\0')) {
    if (entry === '') continue;
    const tab = entry.indexOf('\t');
    const [mode, type, blob] = entry.slice(0, tab).split(' ');
    const full = entry.slice(tab + 1);
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || blob === undefined || !full.startsWith(prefix)) continue;
    const path = full.slice(prefix.length);
    if (path.split('/').some((p) => p === '' || p === '.' || p === '..')) continue;
    out.push({ path, blob });
  }
  return out;
}

/** Writes a blob's bytes, as committed (no filters), into a new file. */
export async function blobInto(top: string, blob: string, file: string): Promise<void> {
  const fh = await open(file, 'wx');
  try {
    const r = await git(top, ['cat-file', 'blob', blob], fh.fd);
    if (r.code !== 0) throw new GitError({ kind: 'failed', command: `git cat-file blob ${blob}`, detail: firstLine(r.stderr) });
  } finally {
    await fh.close();
  }
}

/** git's user.name where `dir` is (undefined when unset or outside git, or without git). */
export async function configuredName(dir: string): Promise<string | undefined> {
  try {
    const r = await git(dir, ['config', '--get', 'user.name']);
    const name = r.stdout.toString('utf8').trim();
    return r.code === 0 && name !== '' ? name : undefined;
  } catch (e) {
    if (e instanceof GitError) return undefined;
    throw e;
  }
}
