// ECharts (about 1.4 MB of the bundle) is loaded by the HTML report only: the built CLI is run
// with a module loader hook that records every module Node loads, and no command but
// `mj report --format html` loads the chart renderer or ECharts; the single-file build keeps
// ECharts as a string until then.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDirs } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const scratch = scratchDirs();

/** The bundle files Node loads to run `mj ARGS`. */
function loaded(args: string[]): string[] {
  const d = scratch();
  const log = join(d, 'loaded.txt');
  writeFileSync(join(d, 'hooks.mjs'), "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(process.env.MJ_LOAD_LOG, url + '\\n'); return next(url, context); }\n");
  writeFileSync(join(d, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  // CommonJS files (bin/mj.js, bundle/version.cjs) do not pass the hook: they are in require's cache at exit.
  writeFileSync(join(d, 'cjs.cjs'), "const { appendFileSync } = require('node:fs');\nconst { pathToFileURL } = require('node:url');\nprocess.on('exit', () => { for (const f of Object.keys(require.cache)) appendFileSync(process.env.MJ_LOAD_LOG, pathToFileURL(f).href + '\\n'); });\n");
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--require', join(d, 'cjs.cjs'), '--import', join(d, 'register.mjs'), join(ROOT, 'bin', 'mj.js'), ...args], {
    cwd: d, encoding: 'utf8', env: { ...process.env, MJ_LOAD_LOG: log },
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:') && u.includes('/bundle/')).map((u) => fileURLToPath(u));
}

/** A loaded file that draws charts: the HTML renderer or ECharts itself. */
const drawsCharts = (file: string): boolean => readFileSync(file, 'utf8').includes('renderToSVGString');

describe('start-up', () => {
  const guizhou = join(ROOT, 'data-examples', 'guizhou');

  it('mj --version, mj score and a csv report load no chart code', () => {
    for (const args of [['--version'], ['score', '2019', '--data', guizhou], ['report', '2019', '--data', guizhou, '--format', 'csv', '--out', 'r']]) {
      const files = loaded(args);
      expect(files.length, args.join(' ')).toBeGreaterThan(0);
      expect(files.filter(drawsCharts), args.join(' ')).toEqual([]);
    }
  });

  it('mj --version and -V load one one-line file of the bundle, and print package.json\'s version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      expect(loaded([flag]).map((f) => f.slice(f.lastIndexOf('/bundle/')))).toEqual(['/bundle/version.cjs']);
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'mj.js'), flag], { encoding: 'utf8' });
      expect([r.status, r.stdout, r.stderr]).toEqual([0, `${pkg.version}\n`, '']);
    }
  });

  it('the single-file build holds ECharts as a data: URL string, not as code compiled at every start', () => {
    const single = readFileSync(join(ROOT, 'bundle', 'standalone', 'mj.mjs'), 'utf8');
    expect(single).not.toContain('registerPreprocessor'); // an ECharts function
    expect(single).toContain('import("data:text/javascript;base64,');
  });

  it('mj report --format html loads ECharts', () => {
    expect(loaded(['report', '2019', '--data', join(ROOT, 'data-examples', 'tiny'), '--format', 'html', '--out', 'r']).filter(drawsCharts).length).toBeGreaterThanOrEqual(2);
  });
});
