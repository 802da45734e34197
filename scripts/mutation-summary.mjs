// Sums a live mutation log (scripts/stryker-live.mjs) per folder of src/: killed, survived,
// no coverage, timed out, and the score (killed + timed out) / (all but ignored and errors).
// Usage: node scripts/mutation-summary.mjs [mutation/live.jsonl] [--survivors]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? 'mutation/live.jsonl';
const rows = new Map();
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line) continue;
  const r = JSON.parse(line);
  rows.set(`${r.file}:${r.line}:${r.column}:${r.mutator}:${r.replacement}`, r); // last result wins
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
  console.log(`${dir}\t${valid} mutants\tkilled ${s.Killed}\ttimeout ${s.Timeout}\tsurvived ${s.Survived}\tno coverage ${s.NoCoverage}\tother ${s.other}\tscore ${score}%`);
}
if (args.includes('--survivors')) {
  for (const r of [...rows.values()].filter((r) => r.status === 'Survived' || r.status === 'NoCoverage').sort((a, b) => (a.file + String(a.line).padStart(5, '0')).localeCompare(b.file + String(b.line).padStart(5, '0')))) {
    console.log(`${r.file.replace(/^.*?\/src\//, 'src/')}:${r.line}:${r.column}\t${r.status}\t${r.mutator}\t${r.replacement.replace(/\s+/g, ' ').slice(0, 100)}`);
  }
}
