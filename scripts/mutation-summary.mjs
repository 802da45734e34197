// Sums a live mutation log (scripts/stryker-live.mjs) per folder of src/: killed, survived,
// no coverage, timed out, and the score (killed + timed out) / (all but ignored and errors).
// With --sample FILE (scripts/mutation-sample.mjs), only the sampled mutants count, and each
// folder's score has a 95% Wilson interval.
// Usage: node scripts/mutation-summary.mjs [mutation/live.jsonl] [--sample mutation/sample.json] [--survivors]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const sampleAt = args.indexOf('--sample');
const sampleFile = sampleAt >= 0 ? args[sampleAt + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && i !== sampleAt + 1) ?? 'mutation/live.jsonl';
const key = (r) => `${r.file.replace(/^.*?\/src\//, 'src/')}:${r.line}:${r.column}:${r.mutator}:${r.replacement}`;
const sampled = sampleFile ? new Set(JSON.parse(readFileSync(sampleFile, 'utf8')).map(key)) : undefined;
const rows = new Map();
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line) continue;
  const r = JSON.parse(line);
  if (sampled && !sampled.has(key(r))) continue;
  rows.set(key(r), r); // last result wins
}
/** The 95% Wilson score interval of k successes in n, as "lo–hi%". */
function wilson(k, n) {
  const z = 1.96;
  const p = k / n;
  const mid = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return `${(100 * (mid - half)).toFixed(1)}–${(100 * (mid + half)).toFixed(1)}%`;
}
if (sampled) {
  const missing = [...sampled].filter((k) => !rows.has(k)).length;
  if (missing > 0) console.log(`${missing} sampled mutants have no result yet`);
}
const by = new Map();
for (const r of rows.values()) {
  const rel = r.file.replace(/^.*?\/src\//, 'src/');
  const dir = rel.split('/').slice(0, 2).join('/');
  const s = by.get(dir) ?? { Killed: 0, Survived: 0, NoCoverage: 0, Timeout: 0, other: 0 };
  if (r.status in s) s[r.status]++;
  else s.other++;
  by.set(dir, s);
}
for (const [dir, s] of [...by].sort()) {
  const valid = s.Killed + s.Survived + s.NoCoverage + s.Timeout;
  const score = valid ? ((100 * (s.Killed + s.Timeout)) / valid).toFixed(2) : '-';
  console.log(`${dir}\t${valid} mutants\tkilled ${s.Killed}\ttimeout ${s.Timeout}\tsurvived ${s.Survived}\tno coverage ${s.NoCoverage}\tother ${s.other}\tscore ${score}%${sampled && valid ? `\t95% interval ${wilson(s.Killed + s.Timeout, valid)}` : ''}`);
}
if (args.includes('--survivors')) {
  for (const r of [...rows.values()].filter((r) => r.status === 'Survived' || r.status === 'NoCoverage').sort((a, b) => (a.file + String(a.line).padStart(5, '0')).localeCompare(b.file + String(b.line).padStart(5, '0')))) {
    console.log(`${r.file.replace(/^.*?\/src\//, 'src/')}:${r.line}:${r.column}\t${r.status}\t${r.mutator}\t${r.replacement.replace(/\s+/g, ' ').slice(0, 100)}`);
  }
}
