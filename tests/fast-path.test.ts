// The byte-level reader of duty records must agree with the careful reader on everything: the
// same diagnostics and the same tables, on clean data and on every kind of awkward CSV, with
// read chunks small enough to cut records, quotes, CRLF and UTF-8 characters anywhere.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { copyDataset, scratchDirs } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'data-examples', 'tiny');
const scratch = scratchDirs();

async function outputs(cwd: string, env: Record<string, string>): Promise<string[]> {
  const out: string[] = [];
  for (const args of [['validate', '--format', 'json'], ['score', '2019', '--format', 'csv'], ['stats', 'members', '2019', '--format', 'csv'], ['score', '2019', '--explain', 'gy-edu1']]) {
    const r = await mj(args, { cwd, env });
    out.push(`${r.code}\n${r.stdout}${r.stderr}`);
  }
  return out;
}

async function agree(cwd: string): Promise<void> {
  const careful = await outputs(cwd, { MJ_FAST_PATH: '0' });
  expect(await outputs(cwd, {})).toEqual(careful);
  expect(await outputs(cwd, { MJ_CHUNK_BYTES: '7' })).toEqual(careful);
  expect(await outputs(cwd, { MJ_CHUNK_BYTES: '64' })).toEqual(careful);
}

function withRecords(edit: (text: string) => string): string {
  const d = scratch();
  copyDataset(TINY, d);
  const file = join(d, 'activities', '2019.csv');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return d;
}

describe('the byte-level reader agrees with the careful reader', () => {
  it('on the tiny example', async () => agree(TINY));
  it('with CRLF line ends and no final newline', async () => agree(withRecords((t) => t.trimEnd().replace(/\n/g, '\r\n'))));
  it('with every field quoted, and "" inside titles', async () =>
    agree(withRecords((t) => t.trimEnd().split('\n').map((l) => l.split(',').map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n')));
  it('with spaces around values, blank lines and empty spreadsheet rows', async () =>
    agree(withRecords((t) => t.replace('A002,2019-02-20,提案,gy-edu1', 'A002, 2019-02-20 ,提案 , gy-edu1').replace('\nA010', '\n\n,,,,,,,,,,\nA010'))));
  it('with errors in some rows: unknown ids, bad dates, left members, duplicate ids, full-width ；', async () =>
    agree(withRecords((t) => t
      .replace('A004,2019-03-18,社情民意,gy-edu1,0003', 'A004,2019-03-18,社情民意,gy-edu9,0003;0099')
      .replace('A005,2019-04-22', 'A005,2019-02-30')
      .replace('A013,2019-05-30,社情民意,gy-med1,0009', 'A013,2019-05-30,社情民意,gy-med1,0009；0012')
      .replace('A020,', 'A019,'))));
  it('with a stray quote that swallows lines', async () => agree(withRecords((t) => t.replace('A030,2019-05-25,社情民意,sz-gzu,0023,关于', 'A030,2019-05-25,社情民意,sz-gzu,0023,"关于'))));
  it('with a title holding a quoted line break', async () => agree(withRecords((t) => t.replace('支部年度工作部署会', '"支部年度\n工作部署会"'))));

  it('on random edits of the records file', async () => {
    const base = readFileSync(join(TINY, 'activities', '2019.csv'), 'utf8');
    const lines = base.trimEnd().split('\n');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ line: fc.integer({ min: 1, max: lines.length - 1 }), edit: fc.constantFrom('quote', 'crlf', 'space', 'drop', 'dup', 'badchar', 'cut') }), { maxLength: 5 }),
        async (edits) => {
          const out = [...lines];
          for (const e of edits) {
            const l = out[e.line] ?? '';
            if (e.edit === 'quote') out[e.line] = l.replace(',', ',"').replace(/,([^,]*)$/, ',$1"');
            if (e.edit === 'crlf') out[e.line] = l + '\r';
            if (e.edit === 'space') out[e.line] = l.replace(',', ' , ');
            if (e.edit === 'drop') out[e.line] = l.split(',').slice(0, -2).join(',');
            if (e.edit === 'dup') out.push(l);
            if (e.edit === 'badchar') out[e.line] = l.replace('2019', '2O19');
            if (e.edit === 'cut') out[e.line] = l.slice(0, Math.floor(l.length / 2));
          }
          const d = withRecords(() => out.join('\n') + '\n');
          await agree(d);
        },
      ),
      { seed: 31, numRuns: 15 },
    );
  }, 120_000); // 15 runs of a few mj commands each: seconds alone, more on a loaded machine
});
