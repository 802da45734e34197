// The XLSX reader at the source level: cells as Excel shows them (0000 formats, dates as serials
// and as text, formulas by their cached values), merged ranges, the chosen sheet, and each bad
// container named: not a workbook, an encrypted one, an old .xls, a corrupt ZIP, a zip bomb
// whether its sizes are declared honestly or not, a cell in Excel's last row.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLetters, columnNumber, generalNumber, openWorkbook, readSheetRows, serialDay, type SheetRow } from '../src/source/xlsx.js';
import { scratchDirs } from './helpers/fixtures.js';
import { entry, oleFile, xlsx, zeroBomb, zip, workbookParts, type BookSpec } from './helpers/xlsx-build.js';

const scratch = scratchDirs('mj-xlsx-');

function file(bytes: Buffer, name = 'book.xlsx'): string {
  const p = join(scratch(), name);
  writeFileSync(p, bytes);
  return p;
}

async function rows(spec: BookSpec, sheet?: string): Promise<SheetRow[]> {
  const opened = await openWorkbook(file(xlsx(spec)), { sheet });
  if (!opened.ok) throw new Error(JSON.stringify(opened.failure));
  const out: SheetRow[] = [];
  const r = await readSheetRows(opened.book, (x) => out.push(x));
  if (!r.ok) throw new Error(JSON.stringify(r.failure));
  return out;
}

const texts = (rs: SheetRow[]): string[][] => rs.map((r) => r.cells.map((c) => c.text));

describe('cells as Excel shows them', () => {
  it('reads text, numbers, a 0000 format, dates, booleans, formulas and errors', async () => {
    const rs = await rows({
      sheets: [{
        name: '名册',
        rows: [
          ['会员编号', '入会时间', '学时', '后备', '合计', '错'],
          [{ n: 12, fmt: '0000' }, { date: '2019-03-05' }, 2.5, true, { f: 'SUM(C2:C3)', v: 5 }, { error: '#N/A' }],
          [13, { date: '1985-10-01', fmt: 'yyyy-mm' }, 0.1 + 0.2, false, { f: 'A1' }, { s: '内联', inline: true }],
        ],
      }],
    });
    expect(texts(rs)).toEqual([
      ['会员编号', '入会时间', '学时', '后备', '合计', '错'],
      ['0012', '2019-03-05', '2.5', 'TRUE', '5', '#N/A'],
      ['13', '1985-10', '0.3', 'FALSE', '', '内联'],
    ]);
    const [, second, third] = rs;
    expect(second!.cells[0]).toMatchObject({ kind: 'number', padded: true, numFmt: '0000' });
    expect(second!.cells[4]).toMatchObject({ kind: 'number', formula: 'SUM(C2:C3)' });
    expect(second!.cells[5]).toMatchObject({ kind: 'error' });
    expect(third!.cells[0]).toMatchObject({ kind: 'number', number: 13 });
    expect(third!.cells[0]!.padded).toBeUndefined();
    expect(third!.cells[1]).toMatchObject({ kind: 'date', monthOnly: true });
    expect(third!.cells[4]).toMatchObject({ kind: 'no-value', formula: 'A1' });
  });

  it('gives a merged range spanning rows to each of its rows, in its first column', async () => {
    const rs = await rows({ sheets: [{ name: 'S', rows: [['组织', '标题'], ['gy-edu1', 'a'], [null, 'b'], [null, 'c'], ['gy-med1', 'd']], merges: ['A2:A4'] }] });
    expect(texts(rs)).toEqual([['组织', '标题'], ['gy-edu1', 'a'], ['gy-edu1', 'b'], ['gy-edu1', 'c'], ['gy-med1', 'd']]);
    expect(rs[2]!.cells[0]!.merged).toBe(true);
  });

  it('reads the named sheet, else the first visible one', async () => {
    const spec: BookSpec = { sheets: [{ name: '说明', rows: [['hidden']], state: 'hidden' }, { name: '一', rows: [['one']] }, { name: '二', rows: [['two']] }] };
    expect(texts(await rows(spec))).toEqual([['one']]);
    expect(texts(await rows(spec, '二'))).toEqual([['two']]);
    const opened = await openWorkbook(file(xlsx(spec)), { sheet: '三' });
    expect(opened.ok ? undefined : opened.failure).toEqual({ kind: 'no-such-sheet', sheet: '三', sheets: ['说明', '一', '二'] });
  });

  it('reads dates of the 1904 system', async () => {
    // 2019-03-05 in the 1900 system is 43529; in the 1904 system 43529 - 1462.
    const rs = await rows({ date1904: true, sheets: [{ name: 'S', rows: [[{ n: 43529 - 1462, fmt: 'yyyy-mm-dd' }]] }] });
    expect(texts(rs)).toEqual([['2019-03-05']]);
  });

  it('formats numbers as Excel\'s General format', () => {
    expect(generalNumber(12)).toBe('12');
    expect(generalNumber(0.30000000000000004)).toBe('0.3');
    expect(generalNumber(123456789012345680)).toBe('1.23457E+17');
    expect(serialDay(43529, false)).toEqual({ y: 2019, m: 3, d: 5 });
    expect(serialDay(43529.75, false)).toEqual({ y: 2019, m: 3, d: 5 });
    expect(columnLetters(1)).toBe('A');
    expect(columnLetters(28)).toBe('AB');
    expect(columnNumber('AB')).toBe(28);
  });
});

describe('containers that are not a workbook to read', () => {
  const failure = async (bytes: Buffer) => {
    const r = await openWorkbook(file(bytes));
    return r.ok ? undefined : r.failure.kind;
  };

  it('names a text file, an encrypted workbook, an old .xls and a cut ZIP', async () => {
    expect(await failure(Buffer.from('会员编号,姓名\n'))).toBe('not-a-workbook');
    expect(await failure(oleFile(['EncryptionInfo', 'EncryptedPackage']))).toBe('encrypted');
    expect(await failure(oleFile(['Workbook']))).toBe('legacy-xls');
    const whole = xlsx({ sheets: [{ name: 'S', rows: [['a']] }] });
    expect(await failure(whole.subarray(0, whole.length - 40))).toBe('corrupt');
  });

  it('names a chart sheet', async () => {
    const r = await openWorkbook(file(xlsx({ sheets: [{ name: '图表', rows: [], chart: true }, { name: 'S', rows: [['a']] }] })));
    expect(r.ok ? undefined : r.failure).toEqual({ kind: 'not-a-worksheet', sheet: '图表', type: 'chartsheet' });
  });

  it('stops a zip bomb that declares its size, and one that lies about it, without inflating it all', async () => {
    const parts = workbookParts({ sheets: [{ name: 'S', rows: [['a']] }] });
    const bomb = zeroBomb(16); // 1 GiB of zeros
    const honest = zip([...parts.map(([n, t]) => entry(n, t)), { name: 'xl/media/bomb.bin', data: bomb, size: 16 * (64 << 20), crc: 0 }]);
    const t0 = Date.now();
    expect(await failure(honest)).toBe('bomb');
    // A sheet that says it is 1,000 bytes and inflates to 1 GiB stops at byte 1,001.
    const lying = zip(parts.map(([n, t]) => (n === 'xl/worksheets/sheet1.xml' ? { name: n, data: bomb, size: 1000, crc: 0 } : entry(n, t))));
    expect(await failure(lying)).toBe('corrupt');
    // A lying entry that is never read costs nothing.
    const unused = zip([...parts.map(([n, t]) => entry(n, t)), { name: 'xl/media/bomb.bin', data: bomb, size: 1000, crc: 0 }]);
    expect(await failure(unused)).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('notices a value in Excel\'s last row', async () => {
    const r = await openWorkbook(file(xlsx({ sheets: [{ name: 'S', rows: [['a']], extraRows: [{ row: 1_048_576, cells: ['end'] }] }] })));
    expect(r.ok && r.book.reachesLastRow).toBe(true);
    const fine = await openWorkbook(file(xlsx({ sheets: [{ name: 'S', rows: [['a']] }] })));
    expect(fine.ok && fine.book.reachesLastRow).toBe(false);
  });
});
