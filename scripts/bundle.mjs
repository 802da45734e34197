// Builds the CLI from src/ into bundle/ with esbuild: one file per command plus shared chunks, so
// that start-up reads a few files instead of a hundred modules (`mj --version` and the small
// examples spent a third of their time loading modules). esbuild strips the types; `npm run
// typecheck` checks them. exceljs stays outside: it is large, CommonJS and loaded only for XLSX.
// The worker thread's script is its own entry, next to the chunk that starts it. Run by
// `npm run build`; the output is deterministic.
//
// ECharts (for --format html only) is reached through a dynamic import, so it lands in a chunk
// that no other command loads.
//
// It also writes bundle/standalone/mj.mjs: everything in one file (exceljs included, minified),
// which `mj init` and `mj pin` copy into a data repository as .mj/mj.mjs, so that its CI runs a
// pinned mj with plain `node` and no registry (as yarn keeps .yarn/releases/). Its name, version
// and templates are constants in it; the same file is its scanning worker's script.

import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Built beside the old bundle and swapped in at the end, so that an mj started meanwhile (a
// clerk's command while `npm test` builds) runs the old build whole, never a half-written one.
const final = join(root, 'bundle');
const out = join(root, 'bundle.next');
const old = join(root, 'bundle.old');
rmSync(out, { recursive: true, force: true });
// The build's identity (version.ts BUILD, which keys the cache of unchanged files): a hash of
// package.json and every source file, in a fixed order.
const sourceHash = createHash('sha256');
for (const rel of ['package.json', ...readdirSync(join(root, 'src'), { recursive: true }).map((f) => join('src', String(f))).filter((f) => f.endsWith('.ts')).sort()]) {
  sourceHash.update(`${rel}\0`).update(readFileSync(join(root, rel))).update('\0');
}
const BUILD_ID = JSON.stringify(sourceHash.digest('hex').slice(0, 16));
const zodWithoutLocales = {
  // zod's sixty message catalogues (two thirds of the bundle's bytes, parsed at every start):
  // mj words every message itself, and zod's English default is imported on its own.
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /locales[\\/]index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'mj-empty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'mj-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};
// Bundled CommonJS packages (commander) call require() for Node's own modules.
const requireBanner = "import { createRequire as __mjRequire } from 'node:module'; const require = __mjRequire(import.meta.url);";

await build({
  entryPoints: [join(root, 'src', 'cli.ts'), join(root, 'src', 'pipeline', 'scan-worker.ts')],
  define: { __MJ_BUILD__: BUILD_ID },
  tsconfig: join(root, 'tsconfig.json'),
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['exceljs'],
  banner: { js: requireBanner },
  legalComments: 'eof',
  plugins: [zodWithoutLocales],
  logLevel: 'warning',
});

// In the single file, ECharts is kept as a data: URL string imported on first use: as code it
// would be compiled at every start of every command (0.15 s more for `mj --version`).
const echarts = await build({
  entryPoints: [join(root, 'src', 'render', 'html-echarts.ts')],
  tsconfig: join(root, 'tsconfig.json'),
  bundle: true,
  minify: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'inline',
  logLevel: 'warning',
});
const echartsUrl = `data:text/javascript;base64,${Buffer.from(echarts.outputFiles[0].contents).toString('base64')}`;
const echartsAsString = {
  name: 'echarts-as-string',
  setup(b) {
    b.onResolve({ filter: /[\\/]html-echarts-load\.js$|^\.\/html-echarts-load\.js$/ }, () => ({ path: 'html-echarts-load', namespace: 'mj-echarts' }));
    b.onLoad({ filter: /.*/, namespace: 'mj-echarts' }, () => ({ contents: `export const loadEcharts = () => import(${JSON.stringify(echartsUrl)});`, loader: 'js' }));
    b.onResolve({ filter: /^data:/ }, (args) => ({ path: args.path, external: true }));
  },
};

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const templates = Object.fromEntries(readdirSync(join(root, 'templates')).sort().map((n) => [n, readFileSync(join(root, 'templates', n), 'utf8')]));
await build({
  entryPoints: [join(root, 'src', 'standalone.ts')],
  tsconfig: join(root, 'tsconfig.json'),
  outfile: join(out, 'standalone', 'mj.mjs'),
  bundle: true,
  splitting: false,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: { __MJ_STANDALONE__: JSON.stringify({ name: pkg.name, version: pkg.version, templates }), __MJ_BUILD__: BUILD_ID },
  banner: { js: `#!/usr/bin/env node\n// mj ${pkg.version} (${pkg.name}): the whole tool in one file, pinned by this data repository. Replace it with \`mj pin\`; do not edit.\n${requireBanner}` },
  legalComments: 'eof',
  plugins: [zodWithoutLocales, echartsAsString],
  logLevel: 'warning',
});

// bin/mj.js (CommonJS) answers `mj --version` from this file alone, before any of the CLI is loaded.
writeFileSync(join(out, 'version.cjs'), `module.exports = { VERSION: ${JSON.stringify(pkg.version)} };\n`);

rmSync(old, { recursive: true, force: true });
if (existsSync(final)) renameSync(final, old);
renameSync(out, final);
rmSync(old, { recursive: true, force: true });
