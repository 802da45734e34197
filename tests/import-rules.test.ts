// The rules of mj import one by one: value conversion (dates in the forms clerks write, Excel
// serials, full-width digits, 是/否, list separators, word variants) and the id rule of new
// records; and a serial number in a date column of a workbook data file.

import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertCell, convertDate, convertNumber, convertYesNo, splitItems } from '../src/edit/convert.js';
import { idMaker } from '../src/edit/merge.js';
import { RECORD_FIELDS } from '../src/schema/fields.js';
import { parseCsvText } from '../src/source/csv.js';
import { mj } from './helpers/cli.js';
import { BASE, scratchDirs } from './helpers/fixtures.js';
import { xlsx } from './helpers/xlsx-build.js';

const spec = (kind: 'members' | 'activities', key: string) => RECORD_FIELDS[kind].find((f) => f.key === key)!;
const scratch = scratchDirs('mj-rules-');

describe('converting a clerk\'s values', () => {
  it('reads dates in the forms clerks write', () => {
    for (const text of ['2019-3-5', '2019/3/5', '2019.3.5', '2019年3月5日', '2019年3月5号', '20190305', '2019/3/5 0:00', '２０１９年３月５日', ' 2019-03-05 ']) {
      expect(convertDate(text, false, undefined), text).toEqual({ ok: true, value: '2019-03-05' });
    }
    expect(convertDate('3月5日', false, 2019)).toEqual({ ok: true, value: '2019-03-05' });
    expect(convertDate('3月5日', false, undefined)).toEqual({ ok: false, why: 'no-year' });
    expect(convertDate('1985.10', true, undefined)).toEqual({ ok: true, value: '1985-10' });
    expect(convertDate('1985年1月', true, undefined)).toEqual({ ok: true, value: '1985-01' });
    expect(convertDate('2019-02-30', false, undefined)).toBeUndefined();
    expect(convertDate('去年春天', false, undefined)).toBeUndefined();
  });

  it('reads an Excel serial in a date column, and a date cell as it is', () => {
    expect(convertCell(spec('activities', 'date'), { text: '43529', number: 43529 }, undefined, false)).toEqual({ ok: true, value: '2019-03-05' });
    expect(convertCell(spec('activities', 'date'), { text: '41787', number: 41787 }, undefined, true)).toEqual({ ok: true, value: '2018-05-29' });
    expect(convertCell(spec('members', 'birth'), { text: '31321', number: 31321 }, undefined, false)).toEqual({ ok: true, value: '1985-10' });
    expect(convertCell(spec('activities', 'date'), { text: '2019-03-05', date: true }, undefined, false)).toEqual({ ok: true, value: '2019-03-05' });
  });

  it('makes full-width digits half-width in ids and numbers, keeps text as written', () => {
    expect(convertCell(spec('members', 'id'), { text: '００１２' }, undefined, false)).toEqual({ ok: true, value: '0012' });
    expect(convertNumber('２.５学时')).toBe('2.5');
    expect(convertNumber('3 小时')).toBe('3');
    expect(convertNumber('三')).toBe('三');
    expect(convertCell(spec('activities', 'title'), { text: '关于“双减”的建议（２０１９）' }, undefined, false)).toEqual({ ok: true, value: '关于“双减”的建议（２０１９）' });
  });

  it('reads 是/否, list separators and word variants', () => {
    for (const yes of ['是', '√', 'Y', 'yes', '１']) expect(convertYesNo(yes), yes).toBe('是');
    for (const no of ['否', '×', 'N', 'no', '0']) expect(convertYesNo(no), no).toBe('否');
    expect(splitItems('王明华、张伟，刘芳, 陈静 李秀兰;黄丽；周涛')).toEqual(['王明华', '张伟', '刘芳', '陈静', '李秀兰', '黄丽', '周涛']);
    expect(convertCell(spec('activities', 'outcomes'), { text: '省委会采用、省政协采用' }, undefined, false)).toEqual({ ok: true, value: '省委会采用;省政协采用' });
    expect(convertCell(spec('activities', 'type'), { text: '社情民意信息' }, undefined, false)).toEqual({ ok: true, value: '社情民意' });
    expect(convertCell(spec('members', 'gender'), { text: '女性' }, undefined, false)).toEqual({ ok: true, value: '女' });
    expect(convertCell(spec('members', 'reserve'), { text: '√' }, undefined, false)).toEqual({ ok: true, value: '是' });
  });
});

describe('the id rule', () => {
  const next = (ids: string[], kind: 'members' | 'activities', year?: number, n = 2) => {
    const make = idMaker(ids, kind, year);
    return Array.from({ length: n }, make);
  };
  it('continues the prefix of the file\'s last id, past the largest number with it, at its width', () => {
    // The last id is A010; the largest with its prefix is A058.
    expect(next(['A001', 'A058', 'A010'], 'activities')).toEqual(['A059', 'A060']);
    expect(next(['2019-0001', '2019-0058'], 'activities', 2019)).toEqual(['2019-0059', '2019-0060']);
    expect(next(['GZ00001', 'GZ00917'], 'members')).toEqual(['GZ00918', 'GZ00919']);
    expect(next(['0030', '0031'], 'members')).toEqual(['0032', '0033']);
    expect(next(['A9'], 'activities')).toEqual(['A10', 'A11']);
  });
  it('starts a file without such ids at YEAR-0001 (duty records) or 0001 (roster), skipping ids taken', () => {
    expect(next([], 'activities', 2020)).toEqual(['2020-0001', '2020-0002']);
    expect(next([], 'members')).toEqual(['0001', '0002']);
    expect(next(['0001', '0003', '0002'], 'members')).toEqual(['0004', '0005']);
  });
});

describe('a workbook data file', () => {
  it('reads a number in a date column as an Excel serial', async () => {
    const d = scratch();
    cpSync(BASE, d, { recursive: true });
    const rows = parseCsvText(readFileSync(join(d, 'members.csv'), 'utf8')).records.map((r) => r.fields);
    const joined = rows[0]!.indexOf('入会时间');
    const serial = (day: string): number => {
      const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
      return (Date.UTC(y, m - 1, dd) - Date.UTC(1899, 11, 30)) / 86400000;
    };
    // 入会时间 as plain numbers (no date format): Excel's serials.
    const sheetRows = rows.map((r, k) => r.map((v, c) => (k > 0 && c === joined ? { n: serial(v) } : v === '' ? null : v)));
    writeFileSync(join(d, 'members.xlsx'), xlsx({ sheets: [{ name: 'S', rows: sheetRows }] }));
    rmSync(join(d, 'members.csv'));
    const v = await mj(['validate'], { cwd: d });
    expect(v.code, v.stdout).toBe(0);
  });
});
