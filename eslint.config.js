// One lint gate for src/ and tests/: the recommended rules of ESLint and typescript-eslint, and
// the layers of ARCHITECTURE.md: each folder of src/ may import only the folders below it, and
// the pure folders touch neither Node's modules nor `process` nor the clock. A wrong import fails
// `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What each folder of src/ may import (besides itself). Keep in step with ARCHITECTURE.md. */
const LAYERS = {
  model: ['util'],
  util: ['model'],
  source: [],
  schema: ['model'],
  i18n: ['diagnostics'],
  diagnostics: ['util', 'i18n'],
  checks: ['model', 'schema', 'util', 'diagnostics'],
  scan: ['model', 'schema', 'source', 'util'],
  load: ['model', 'schema', 'source', 'util', 'diagnostics', 'checks', 'scan'],
  compute: ['model', 'util'],
  pipeline: ['model', 'schema', 'util', 'diagnostics', 'checks', 'scan', 'load', 'compute', 'repo'],
  edit: ['model', 'schema', 'source', 'util', 'diagnostics', 'load'],
  tables: ['model', 'util', 'compute'],
  render: ['model', 'util', 'tables', 'write'],
  write: [],
  repo: [],
  commands: ['model', 'schema', 'source', 'util', 'diagnostics', 'i18n', 'load', 'pipeline', 'compute', 'tables', 'render', 'write', 'edit', 'repo'],
};
/** Pure folders: no file system, no process, no clock. */
const PURE = ['model', 'util', 'compute', 'checks', 'tables', 'render', 'diagnostics', 'i18n', 'edit'];
const FOLDERS = Object.keys(LAYERS);

const layerRules = FOLDERS.map((folder) => {
  const banned = FOLDERS.filter((f) => f !== folder && !LAYERS[folder].includes(f));
  const patterns = [
    ...banned.map((f) => ({ group: [`../${f}/*`], message: `src/${folder}/ may not import src/${f}/ (see ARCHITECTURE.md, "Layers").` })),
    { group: folder === 'commands' ? ['../*.js', '!../io.js', '!../version.js'] : ['../*.js'], message: `src/${folder}/ may not import the CLI's top-level modules.` },
  ];
  if (folder === 'commands') patterns.push({ group: ['../scan/*', '../checks/*'], message: 'commands go through src/pipeline/, not the reading engine or the checks.' });
  if (PURE.includes(folder)) patterns.push({ group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads'], message: `src/${folder}/ is pure: no Node modules (pass what it needs in).` });
  const rules = { 'no-restricted-imports': ['error', { patterns }] };
  if (PURE.includes(folder)) {
    rules['no-restricted-globals'] = ['error', { name: 'process', message: `src/${folder}/ is pure: no process (only src/cli.ts touches it).` }];
    rules['no-restricted-syntax'] = ['error',
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'no clock in pure code: take the day as a parameter.' },
      { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'no clock in pure code: take the time as a parameter.' },
    ];
  }
  return { files: [`src/${folder}/**/*.ts`], rules };
});

export default tseslint.config(
  { ignores: ['dist/', 'bundle/', 'bundle.next/', 'bundle.old/', 'node_modules/', 'data-examples/', 'coverage/', '.bench/', '.stryker-tmp/', 'mutation/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  ...layerRules,
  // bin/mj.js is CommonJS (bin/package.json): Node starts it sooner than a module.
  {
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
