// The built executable (bin/mj.js → bundle/), as a user runs it: exit codes reach the shell,
// and data problems never print a stack trace.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, scratchDirs } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'mj.js');
const scratch = scratchDirs();

function runBin(args: string[], cwd = ROOT) {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'zh_CN.UTF-8' };
  delete env['LC_ALL'];
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
}

describe('bin/mj.js', () => {
  it('validates the tiny example with exit 0', () => {
    const r = runBin(['validate', '--data', 'data-examples/tiny']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('检查通过');
  });

  it('exits 1 on bad data, with no stack trace', () => {
    const d = scratch();
    cpSync(BASE, d, { recursive: true });
    writeFileSync(join(d, 'members.csv'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
    writeFileSync(join(d, 'orgs.yaml'), readFileSync(join(d, 'orgs.yaml'), 'utf8') + '- id: [unclosed\n');
    const r = runBin(['validate'], d);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('MJ004');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  it('exits 2 on a usage error', () => {
    const r = runBin(['validate', '--format', 'xml', '--data', 'data-examples/tiny']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('不支持的格式');
  });
});

describe('the package', () => {
  it('packs with the bin called mj, the bundle, the single-file build and the templates', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [pack] = JSON.parse(r.stdout) as { files: { path: string }[] }[];
    const files = pack!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['bin/mj.js', 'bin/package.json', 'bundle/cli.js', 'bundle/scan-worker.js', 'bundle/standalone/mj.mjs', 'templates/workflow.yml']));
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('tests/'))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; engines: { node: string } };
    expect(pkg.bin).toEqual({ mj: 'bin/mj.js' });
    expect(pkg.engines.node).toBe('>=20');
  });

  it('runs its single-file build with plain node, outside any package', () => {
    const d = scratch();
    cpSync(join(ROOT, 'bundle', 'standalone', 'mj.mjs'), join(d, 'mj.mjs'));
    cpSync(join(ROOT, 'data-examples', 'tiny'), join(d, 'data'), { recursive: true });
    const r = spawnSync(process.execPath, [join(d, 'mj.mjs'), 'score', '2019', '--data', join(d, 'data'), '--format', 'csv'], { cwd: d, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(runBin(['score', '2019', '--data', join(d, 'data'), '--format', 'csv']).stdout);
  });
});

describe('stdout that fails', () => {
  it.skipIf(!existsSync('/dev/full'))('a full disk on stdout is exit 3 with a message, not a silent exit 0', () => {
    for (const args of [['score', '2019'], ['stats', 'members', '2019'], ['--version'], ['-V']]) {
      const r = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} ${args.join(' ')} > /dev/full`], { cwd: join(ROOT, 'data-examples', 'guizhou'), encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
      expect(r.status, args.join(' ')).toBe(3);
      expect(r.stderr).toContain('无法写入标准输出：磁盘空间不足');
    }
  });

  it('a reader that stops early (| head) keeps the exit code, so pipefail still fails on bad data', () => {
    const d = scratch();
    cpSync(join(ROOT, 'data-examples', 'guizhou'), d, { recursive: true });
    const file = join(d, 'activities', '2019.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/,2019-0/g, ',2019-13-0'));
    const r = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(BIN)} validate --max-diagnostics 0 | head -c 100 > /dev/null`], { cwd: d, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const ok = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(BIN)} score 2019 | head -c 10 > /dev/null`], { cwd: join(ROOT, 'data-examples', 'guizhou'), encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const version = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(BIN)} --version | true`], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stderr).toBe('');
  });
});
