// Fuzzing: random damage to the example dataset's files — byte flips, cuts, re-encodings, line
// ends, shuffled or renamed columns, duplicated or dropped rows, broken YAML, huge values, deep
// nesting — must never crash mj. Invariants: the exit code is 0, 1, 2 or 3 (70 is a bug); no
// stack trace, "undefined", "NaN" or "[object Object]" in any output; nothing is written when
// the data has errors; the same bytes give the same diagnostics every time.
// In CI: a fixed seed and a bounded number of runs. `npm run fuzz` runs many more (FUZZ_RUNS,
// FUZZ_SEED).

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { copyDataset, scratchDirs } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'data-examples', 'tiny');
const RUNS = Number(process.env['FUZZ_RUNS'] ?? '40');
const SEED = Number(process.env['FUZZ_SEED'] ?? '20191231');
const FILES = ['mj.yaml', 'orgs.yaml', 'members.csv', 'activities/2019.csv', 'assessments/2019.csv', 'rubrics/2019.yaml'];
const scratch = scratchDirs('mj-fuzz-');

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'cut'; at: number }
  | { kind: 'gb18030' }
  | { kind: 'utf16' }
  | { kind: 'crlf'; every: number }
  | { kind: 'shuffle-columns'; seed: number }
  | { kind: 'rename-column'; at: number; name: string }
  | { kind: 'dup-row'; at: number }
  | { kind: 'drop-row'; at: number }
  | { kind: 'huge'; at: number; size: number }
  | { kind: 'nest'; depth: number }
  | { kind: 'yaml'; text: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'cr-only' }
  | { kind: 'header-only' }
  | { kind: 'repeat'; at: number; times: number }
  | { kind: 'long-cell'; at: number; size: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('gb18030' as const) }),
  fc.record({ kind: fc.constant('utf16' as const) }),
  fc.record({ kind: fc.constant('crlf' as const), every: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('shuffle-columns' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('rename-column' as const), at: fc.nat(), name: fc.constantFrom('org', '所属支部', 'xx', '', '"', '会员编号') }),
  fc.record({ kind: fc.constant('dup-row' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop-row' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('huge' as const), at: fc.nat(), size: fc.constantFrom(1000, 100_000, 1_100_000) }),
  fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 10, max: 2000 }) }),
  fc.record({ kind: fc.constant('yaml' as const), text: fc.constantFrom('- &a [*a]\n', 'a: *b\n', '? [x]\n: y\n', '--- !!binary\n', 'key: "unterminated\n', '- - - -\n', 'x: {a: [b, {c: d}]\n', '\t- id: x\n', '%YAML 9.9\n---\n', 'a: 1\na: 2\n', '- !!int abc\n') }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('"', ',', '\n', '\r', ';', '；', '\u0000', '\uFEFF', '=cmd()', '\u2028', '１２３', '0012', '1.23E+17', 'NaN', 'undefined', '{}', '[object Object]', '\u001b]52;c;eA==\u0007', '\u001b[2J', '\u202e', '\u0085') }),
  // Excel for Mac's line ends; a roster or records file emptied to its header (a bad merge).
  fc.record({ kind: fc.constant('cr-only' as const) }),
  fc.record({ kind: fc.constant('header-only' as const) }),
  // A row pasted many times over (a year file pasted twice), and one very long cell.
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), times: fc.constantFrom(50, 3000) }),
  fc.record({ kind: fc.constant('long-cell' as const), at: fc.nat(), size: fc.constantFrom(10_000, 200_000) }),
);

const gb = (text: string): Buffer => execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb18030//TRANSLIT'], { input: text });

function apply(bytes: Buffer, m: Mutation, file: string): Buffer {
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  const pick = (n: number, len: number): number => (len === 0 ? 0 : n % len);
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const b = Buffer.from(bytes);
      b[pick(m.at, b.length)] = m.byte;
      return b;
    }
    case 'cut':
      return bytes.subarray(0, pick(m.at, bytes.length + 1));
    case 'gb18030':
      try {
        return gb(text);
      } catch {
        return bytes;
      }
    case 'utf16':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'crlf':
      return Buffer.from(lines.map((l, i) => (i % m.every === 0 ? l + '\r' : l)).join('\n'));
    case 'shuffle-columns': {
      if (!file.endsWith('.csv')) return bytes;
      const rows = lines.map((l) => l.split(','));
      const n = rows[0]?.length ?? 0;
      const order = [...Array(n).keys()].sort((a, b) => ((a * 7919 + m.seed) % 13) - ((b * 7919 + m.seed) % 13));
      return Buffer.from(rows.map((r) => (r.length === n ? order.map((k) => r[k]).join(',') : r.join(','))).join('\n'));
    }
    case 'rename-column': {
      if (!file.endsWith('.csv')) return bytes;
      const head = (lines[0] ?? '').split(',');
      head[pick(m.at, head.length)] = m.name;
      return Buffer.from([head.join(','), ...lines.slice(1)].join('\n'));
    }
    case 'dup-row': {
      const k = pick(m.at, lines.length);
      return Buffer.from([...lines.slice(0, k + 1), lines[k] ?? '', ...lines.slice(k + 1)].join('\n'));
    }
    case 'drop-row': {
      const k = pick(m.at, lines.length);
      return Buffer.from([...lines.slice(0, k), ...lines.slice(k + 1)].join('\n'));
    }
    case 'huge': {
      const k = pick(m.at, text.length + 1);
      return Buffer.from(text.slice(0, k) + '长'.repeat(m.size) + text.slice(k));
    }
    case 'nest':
      return Buffer.from(file.endsWith('.yaml') ? `x: ${'['.repeat(m.depth)}${']'.repeat(m.depth)}\n` + text : text);
    case 'yaml':
      return Buffer.from(file.endsWith('.yaml') ? m.text + text : text);
    case 'insert': {
      const k = pick(m.at, text.length + 1);
      return Buffer.from(text.slice(0, k) + m.text + text.slice(k));
    }
    case 'cr-only':
      return Buffer.from(text.replace(/\r?\n/g, '\r'));
    case 'header-only':
      return Buffer.from(`${lines[0] ?? ''}\n`);
    case 'repeat': {
      const k = 1 + pick(m.at, Math.max(1, lines.length - 1));
      return Buffer.from([...lines.slice(0, k + 1), ...Array<string>(m.times).fill(lines[k] ?? ''), ...lines.slice(k + 1)].join('\n'));
    }
    case 'long-cell': {
      // A date-like cell followed by a long run of spaces: the shape that made a regex backtrack.
      const k = pick(m.at, text.length + 1);
      return Buffer.from(`${text.slice(0, k)}2019年${' '.repeat(m.size)}x${text.slice(k)}`);
    }
  }
}

const STACK = /\n\s+at .+:\d+:\d+|内部错误|internal error/;
/** Words mj must never print on its own (data that holds them may echo them). */
const LEAKS = ['undefined', 'NaN', '[object Object]'];

describe('fuzzing the example dataset', () => {
  it(`never crashes, leaks internals, writes on errors or answers differently (${RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (file, mutations) => {
        const d = scratch();
        copyDataset(TINY, d);
        const path = join(d, file);
        let bytes: Buffer = readFileSync(path);
        for (const m of mutations) bytes = apply(bytes, m, file);
        writeFileSync(path, bytes);
        const before = readdirSync(d).sort();

        const v1 = await mj(['validate', '--format', 'json'], { cwd: d });
        const v2 = await mj(['validate', '--format', 'json'], { cwd: d });
        expect([0, 1, 2, 3]).toContain(v1.code);
        expect(v2).toEqual(v1);
        const text = await mj(['validate'], { cwd: d });
        const score = await mj(['score', '2019', '--out', 'out.csv'], { cwd: d });
        const report = await mj(['report', '2019'], { cwd: d });
        const written = bytes.toString('latin1') + bytes.toString('utf8') + bytes.toString('utf16le') + bytes.subarray(1).toString('utf16le');
        for (const r of [v1, text, score, report]) {
          expect([0, 1, 2, 3], r.stderr).toContain(r.code);
          expect(r.stdout + r.stderr).not.toMatch(STACK);
          for (const word of LEAKS) if (!written.includes(word)) expect(r.stdout + r.stderr).not.toContain(word);
        }
        // Nothing written when the files the command reads have errors.
        if (score.code !== 0) expect(existsSync(join(d, 'out.csv'))).toBe(false);
        if (report.code !== 0) expect(existsSync(join(d, 'reports'))).toBe(false);
        if (v1.code === 1 && score.code === 0) expect(JSON.parse(v1.stdout).diagnostics.every((x: { file: string }) => x.file !== file || x.file.startsWith('activities/2018'))).toBe(true);
        const after = readdirSync(d).filter((f) => f !== 'out.csv' && f !== 'reports').sort();
        expect(after).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, timeout: 15_000 },
    );
  });
});
