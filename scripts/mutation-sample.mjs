// A uniform random sample of the mutants of compute/, checks/ and tables/, for a mutation score
// measured in an hour instead of the seven a full run takes on two cores. It lists every mutant
// with Stryker's own instrumenter, draws N per folder with a seeded generator (the same seed, the
// same sample), and writes mutation/sample.json and a Stryker config (mutation/stryker.sample.mjs)
// whose `mutate` holds only the sampled mutants' source ranges (and scripts/stryker-sample-ignorer.mjs
// leaves out the mutants inside a sampled range that are not sampled themselves); `node scripts/mutation-summary.mjs --sample mutation/sample.json` counts
// the sampled ones only, with a 95% interval for each folder's score.
// Usage: node scripts/mutation-sample.mjs [--per 300] [--seed 1] [--folders compute,checks,tables]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Instrumenter } from '@stryker-mutator/instrumenter';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PER = arg('--per', 300);
let seed = arg('--seed', 1) >>> 0;
/** mulberry32: small, seeded, good enough for drawing a sample. */
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// --folders tables,checks: sample those folders only (a folder's score measured again on its own).
const folderArg = process.argv.indexOf('--folders');
const FOLDERS = folderArg > 0 ? process.argv[folderArg + 1].split(',') : ['compute', 'checks', 'tables'];
const quiet = { isDebugEnabled: () => false, isTraceEnabled: () => false, isInfoEnabled: () => false, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error };
const files = FOLDERS.flatMap((d) => readdirSync(`src/${d}`).filter((f) => f.endsWith('.ts')).sort().map((f) => ({ name: `src/${d}/${f}`, content: readFileSync(`src/${d}/${f}`, 'utf8'), mutate: true })));
const { mutants } = await new Instrumenter(quiet).instrument(files, { plugins: null, excludedMutations: [], ignorers: [], noHeader: false });

const sample = [];
for (const folder of FOLDERS) {
  const all = mutants.filter((m) => m.fileName.startsWith(`src/${folder}/`));
  // A partial Fisher–Yates shuffle: the first PER are a uniform sample without replacement.
  for (let i = 0; i < Math.min(PER, all.length); i++) {
    const j = i + Math.floor(random() * (all.length - i));
    [all[i], all[j]] = [all[j], all[i]];
    const m = all[i];
    // Stryker reports 1-based lines and columns; the instrumenter's are 0-based.
    sample.push({ folder, population: all.length, file: m.fileName, line: m.location.start.line + 1, column: m.location.start.column + 1, mutator: m.mutatorName, replacement: m.replacement, location: m.location });
  }
}
mkdirSync('mutation', { recursive: true });
writeFileSync('mutation/sample.json', `${JSON.stringify(sample, null, 1)}\n`);
const ranges = sample.map((s) => `${s.file}:${s.location.start.line + 1}:${s.location.start.column}-${s.location.end.line + 1}:${s.location.end.column}`);
writeFileSync('mutation/stryker.sample.mjs', `// Written by scripts/mutation-sample.mjs: the sampled mutants only.\nimport base from '../stryker.config.mjs';\nexport default { ...base, incremental: false, plugins: [...base.plugins, './scripts/stryker-sample-ignorer.mjs'], ignorers: ['not-sampled'], jsonReporter: { fileName: 'mutation/sample-report.json' }, mutate: ${JSON.stringify([...new Set(ranges)])} };\n`);
for (const folder of FOLDERS) console.log(`${folder}: ${sample.filter((s) => s.folder === folder).length} of ${mutants.filter((m) => m.fileName.startsWith(`src/${folder}/`)).length} mutants`);
