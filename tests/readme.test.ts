// Every mj command the README shows runs as written (from a copy of the examples, so commands
// that write files leave the repository alone) and exits 0.

import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { tempDir } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const PREFIX = 'npx --no-install mj ';

/** The mj commands of the README's sh blocks, each with the folder a `cd` in its block moved to. */
export function readmeCommands(): [string, string][] {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const out: [string, string][] = [];
  for (const block of blocks) {
    let dir = '.';
    for (const raw of block.split('\n')) {
      const line = raw.replace(/\s+#.*$/, '').trim();
      const cd = /^cd\s+(\S+)$/.exec(line);
      if (cd) dir = join(dir, cd[1]!);
      const at = line.indexOf(PREFIX);
      if (at >= 0) out.push([line.slice(at + PREFIX.length), dir]);
    }
  }
  return out;
}

function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const work = tempDir('mj-readme-');
cpSync(join(ROOT, 'data-examples'), join(work, 'data-examples'), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('README', () => {
  const commands = readmeCommands();
  it('shows mj commands', () => {
    expect(commands.length).toBeGreaterThan(3);
  });
  it.each(commands)('mj %s (in %s)', async (command, dir) => {
    const r = await mj(words(command), { cwd: join(work, dir) });
    expect(r.stderr.includes('内部错误')).toBe(false);
    expect(r.code).toBe(0);
  });
});

describe('README outputs', () => {
  it('shows what mj import --dry-run prints for the example sheet', async () => {
    const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const m = /```sh\nnpx --no-install mj (import [^\n]*--dry-run)\n```\n\n```\n([\s\S]*?)```/.exec(text);
    expect(m).not.toBeNull();
    const fresh = tempDir('mj-readme-import-');
    try {
      cpSync(join(ROOT, 'data-examples'), join(fresh, 'data-examples'), { recursive: true });
      const r = await mj(words(m![1]!), { cwd: fresh });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(m![2]!);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
