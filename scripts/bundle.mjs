// Builds the CLI from src/ into bundle/ with esbuild: one file per command plus shared chunks, so
// that start-up reads a few files instead of a hundred modules (`mj --version` and the small
// examples spent a third of their time loading modules). esbuild strips the types; `npm run
// typecheck` checks them. exceljs stays outside: it is large, CommonJS and loaded only for XLSX.
// The worker thread's script is its own entry, next to the chunk that starts it. Run by
// `npm run build`; the output is deterministic.

import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bundle');
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src', 'cli.ts'), join(root, 'src', 'pipeline', 'scan-worker.ts')],
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
  // Bundled CommonJS packages (commander, cli-table3) call require() for Node's own modules.
  banner: { js: "import { createRequire as __mjRequire } from 'node:module'; const require = __mjRequire(import.meta.url);" },
  legalComments: 'eof',
  plugins: [
    {
      // zod's sixty message catalogues (two thirds of the bundle's bytes, parsed at every start):
      // mj words every message itself, and zod's English default is imported on its own.
      name: 'zod-without-locales',
      setup(b) {
        b.onResolve({ filter: /locales[\\/]index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'mj-empty' } : undefined));
        b.onLoad({ filter: /.*/, namespace: 'mj-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
      },
    },
  ],
  logLevel: 'warning',
});
