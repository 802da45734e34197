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

function withRoster(edit: (text: string) => string, orgs?: (text: string) => string): string {
  const d = scratch();
  copyDataset(TINY, d);
  const file = join(d, 'members.csv');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  if (orgs) writeFileSync(join(d, 'orgs.yaml'), orgs(readFileSync(join(d, 'orgs.yaml'), 'utf8')));
  return d;
}

/** The roster row of member `id`, edited by `edit` (its cells in header order). */
function row(id: string, edit: (cells: string[]) => void): (text: string) => string {
  return (text) => text.split('\n').map((l) => {
    if (!l.startsWith(`${id},`)) return l;
    const cells = l.split(',');
    edit(cells);
    return cells.join(',');
  }).join('\n');
}

const pipe = (...edits: ((t: string) => string)[]) => (t: string): string => edits.reduce((x, e) => e(x), t);

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

// The roster's byte-level reader (scan/roster-scanner.ts): a row it reads itself must give the
// same member as the careful reader, and every row with something to say must reach the careful
// reader — so the outputs, diagnostics and their columns included, are the same.
describe('the byte-level roster reader agrees with the careful reader', () => {
  it('with a BOM, CRLF line ends and no final newline', async () => agree(withRoster((t) => '\uFEFF' + t.trimEnd().replace(/\n/g, '\r\n'))));
  it('with every field quoted', async () =>
    agree(withRoster((t) => t.trimEnd().split('\n').map((l) => l.split(',').map((c) => `"${c}"`).join(',')).join('\n') + '\n')));
  it('with a wrong word, date or form in each field', async () => agree(withRoster(pipe(
    row('0002', (c) => { c[2] = '男性'; }),
    row('0003', (c) => { c[3] = '1985.1'; }),
    row('0004', (c) => { c[3] = '2091-05'; }),
    row('0005', (c) => { c[3] = '1899-12'; }),
    row('0006', (c) => { c[5] = '2019-02-30'; }),
    row('0007', (c) => { c[5] = '2010/6/30'; }),
    row('0008', (c) => { c[6] = 'gy-med9'; }),
    row('0009', (c) => { c[6] = 'gy-zz'; }),
    row('0010', (c) => { c[7] = '高级'; }),
    row('0011', (c) => { c[12] = '市政协委员；省人大代表'; }),
    row('0012', (c) => { c[12] = '市政协委员 省人大代表'; }),
    row('0013', (c) => { c[12] = '市政协委员;;省人大代表;'; }),
    row('0014', (c) => { c[14] = '离会'; }),
    row('0015', (c) => { c[14] = '退会'; }),
    row('0016', (c) => { c[15] = '2020-01-01'; }),
    row('0017', (c) => { c[14] = '退会'; c[15] = '1990-01-01'; }),
    row('0018', (c) => { c[0] = '1.23E+17'; }),
    row('0019', (c) => { c[1] = ''; }),
    row('0020', (c) => { c[1] = ' 罗志刚'; }),
    row('0021', (c) => { c[1] = '梁\u0007晓燕'; }),
    row('0022', (c) => { c[3] = '1985-03-07'; c[13] = '是'; }),
    row('0023', (c) => { c[14] = '去世'; c[15] = '2019-03-01'; }),
  ))));
  it('with repeated ids: of a member kept, of a row with errors, and a third time', async () => agree(withRoster((t) => {
    const lines = t.trimEnd().split('\n');
    const of = (id: string) => lines.find((l) => l.startsWith(`${id},`))!;
    const broken = of('0005').replace('女', '?');
    return [...lines.map((l) => (l.startsWith('0005,') ? broken : l)), of('0003'), of('0005'), of('0003').replace('张伟', '张伟伟')].join('\n') + '\n';
  })));
  it('with characters of four bytes before the org (columns), and members of a dissolved branch', async () => agree(withRoster(
    pipe(row('0029', (c) => { c[1] = '𠀋𠀋超'; c[4] = '𪚥族'; }), row('0030', (c) => { c[0] = '编号30'; })),
    (o) => o.replace('  established: 2019-09-01', '  established: 2019-09-01\n  dissolved: 2019-12-01'),
  )));
  it('without some columns, with an unknown column and an empty one at the end', async () => {
    await agree(withRoster((t) => t.split('\n').map((l) => l.split(',').filter((_, i) => i !== 4 && i !== 12).join(',')).join('\n')));
    await agree(withRoster((t) => t.split('\n').map((l, i) => (l === '' ? l : `${l},${i === 0 ? '备注,' : 'x,'}`)).join('\n')));
    await agree(withRoster((t) => t.split('\n').map((l) => l.split(',').filter((_, i) => i !== 1).join(',')).join('\n')));
  });

  it('on random edits of the roster', async () => {
    const base = readFileSync(join(TINY, 'members.csv'), 'utf8');
    const lines = base.trimEnd().split('\n');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ line: fc.integer({ min: 1, max: lines.length - 1 }), cell: fc.integer({ min: 0, max: 15 }), edit: fc.constantFrom('quote', 'crlf', 'space', 'empty', 'drop', 'dup', 'badchar', 'cut', 'swap') }), { maxLength: 6 }),
        async (edits) => {
          const out = [...lines];
          for (const e of edits) {
            const l = out[e.line] ?? '';
            const cells = l.split(',');
            if (e.edit === 'quote') cells[e.cell] = `"${cells[e.cell] ?? ''}"`;
            if (e.edit === 'space') cells[e.cell] = `${cells[e.cell] ?? ''} `;
            if (e.edit === 'empty') cells[e.cell] = '';
            if (e.edit === 'badchar') cells[e.cell] = (cells[e.cell] ?? '').replace(/\d/, 'O');
            if (e.edit === 'swap') [cells[e.cell], cells[(e.cell + 1) % 16]] = [cells[(e.cell + 1) % 16] ?? '', cells[e.cell] ?? ''];
            out[e.line] = cells.join(',');
            if (e.edit === 'crlf') out[e.line] = l + '\r';
            if (e.edit === 'drop') out[e.line] = cells.slice(0, -2).join(',');
            if (e.edit === 'dup') out.push(l);
            if (e.edit === 'cut') out[e.line] = l.slice(0, Math.floor(l.length / 2));
          }
          await agree(withRoster(() => out.join('\n') + '\n'));
        },
      ),
      { seed: 47, numRuns: 15 },
    );
  }, 120_000);
});
