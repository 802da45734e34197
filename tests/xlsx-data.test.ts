// Workbooks as data files: members.xlsx, activities/2019.xlsx and assessments/2019.xlsx read
// like their CSV twins (the same summary, the same score sheet to the byte), whatever title
// rows, 序号 column, merged header cells, 合计 row or footer the sheet has; problems placed at
// cells (members.xlsx!G7) naming sheet, cell and column in both languages; ids Excel stored as
// numbers named once per column.

import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../src/source/csv.js';
import { mj } from './helpers/cli.js';
import { BASE, scratchDirs } from './helpers/fixtures.js';
import { xlsx, type CellSpec, type SheetSpec } from './helpers/xlsx-build.js';

const scratch = scratchDirs('mj-xlsxdata-');

function csvRows(file: string): string[][] {
  return parseCsvText(readFileSync(file, 'utf8')).records.map((r) => r.fields);
}

/** A clerk's sheet of a CSV file's rows: two title rows, a 序号 column, a 合计 row and a footer. */
function clerkSheet(name: string, rows: string[][], cell: (v: string, col: number) => CellSpec = (v) => v): SheetSpec {
  const [header, ...data] = rows;
  return {
    name,
    rows: [
      ['2019年度会员名册'],
      ['填报单位：民进示例省委组织处', null, null, '填报日期：2020年1月'],
      ['序号', ...header!],
      ...data.map((r, k) => [k + 1, ...r.map((v, c) => (v === '' ? null : cell(v, c)))]),
      ['合计', `${data.length} 人`],
      [],
      ['填表人：张三'],
    ],
    merges: ['A1:F1'],
  };
}

function dataset(): string {
  const d = scratch();
  cpSync(BASE, d, { recursive: true });
  return d;
}

describe('members.xlsx', () => {
  it('reads like members.csv: the same summary and the same score sheet', async () => {
    const d = dataset();
    const before = await mj(['score', '2019', '--format', 'csv'], { cwd: d });
    const summary = (await mj(['validate'], { cwd: d })).stdout;
    writeFileSync(join(d, 'members.xlsx'), xlsx({ sheets: [clerkSheet('会员名册', csvRows(join(d, 'members.csv')))] }));
    rmSync(join(d, 'members.csv'));
    const v = await mj(['validate'], { cwd: d });
    expect(v.stdout).toBe(summary);
    expect(v.code).toBe(0);
    const after = await mj(['score', '2019', '--format', 'csv'], { cwd: d });
    expect(after.stdout).toBe(before.stdout);
  });

  it('reads activities and assessments workbooks too', async () => {
    const d = dataset();
    const before = await mj(['score', '2019', '--format', 'csv'], { cwd: d });
    for (const f of ['activities/2019', 'assessments/2019']) {
      writeFileSync(join(d, `${f}.xlsx`), xlsx({ sheets: [clerkSheet('Sheet1', csvRows(join(d, `${f}.csv`)))] }));
      rmSync(join(d, `${f}.csv`));
    }
    const after = await mj(['score', '2019', '--format', 'csv'], { cwd: d });
    expect(after.stderr).toBe('');
    expect(after.stdout).toBe(before.stdout);
  });

  it('places a problem at its cell, naming sheet and column, in Chinese and English', async () => {
    const d = dataset();
    const rows = csvRows(join(d, 'members.csv'));
    rows[3]![6] = 'gy-edu9';
    writeFileSync(join(d, 'members.xlsx'), xlsx({ sheets: [clerkSheet('会员名册', rows)] }));
    rmSync(join(d, 'members.csv'));
    const zh = await mj(['validate', '--no-color'], { cwd: d });
    // Row 3 of the CSV is sheet row 6 (two title rows and the header above it); column G plus the 序号 column is H.
    expect(zh.stdout).toContain('members.xlsx!H6: 错误 MJ302 “所属组织”的值“gy-edu9”不存在 — 是否为 gy-edu1？\n  工作表“会员名册”，单元格 H6，“所属组织”列\n');
    const en = await mj(['validate', '--no-color', '--lang', 'en'], { cwd: d });
    expect(en.stdout).toContain('members.xlsx!H6: error MJ302');
    expect(en.stdout).toContain('  sheet "会员名册", cell H6, column "所属组织"\n');
    const json = JSON.parse((await mj(['validate', '--format', 'json'], { cwd: d })).stdout) as { diagnostics: Record<string, unknown>[] };
    expect(json.diagnostics[0]).toMatchObject({ code: 'MJ302', file: 'members.xlsx', line: 6, column: 8, sheet: '会员名册', cell: 'H6', field: 'org' });
    const gh = await mj(['validate', '--format', 'github'], { cwd: d });
    expect(gh.stdout).toContain('::error file=members.xlsx,title=MJ302::工作表“会员名册”，单元格 H6，“所属组织”列：');
  });

  it('reads the sheet mj.yaml names', async () => {
    const d = dataset();
    const rows = csvRows(join(d, 'members.csv'));
    writeFileSync(join(d, 'members.xlsx'), xlsx({ sheets: [{ name: '说明', rows: [['本表为会员名册']] }, clerkSheet('名册', rows)] }));
    rmSync(join(d, 'members.csv'));
    expect((await mj(['validate', '--no-color'], { cwd: d })).stdout).toContain('MJ020');
    writeFileSync(join(d, 'mj.yaml'), `${readFileSync(join(d, 'mj.yaml'), 'utf8')}sheets: { members.xlsx: 名册 }\n`);
    const v = await mj(['validate'], { cwd: d });
    expect(v.code).toBe(0);
  });

  it('names ids stored as numbers once per column: a warning when a 0000 format shows the zeros, an error when they are lost', async () => {
    const d = dataset();
    const rows = csvRows(join(d, 'members.csv'));
    writeFileSync(join(d, 'members.xlsx'), xlsx({ sheets: [clerkSheet('名册', rows, (v, c) => (c === 0 && Number(v) <= 3 ? { n: Number(v), fmt: '0000' } : v))] }));
    rmSync(join(d, 'members.csv'));
    const warned = await mj(['validate', '--no-color'], { cwd: d });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('members.xlsx!B4: 警告 MJ221 “会员编号”列中有 3 个编号在 Excel 中存成了数字，靠“0000”格式才显示出开头的 0（B4, B5, B6）');
    writeFileSync(join(d, 'members.xlsx'), xlsx({ sheets: [clerkSheet('名册', rows, (v, c) => (c === 0 && Number(v) >= 30 ? { n: Number(v) } : v))] }));
    const lost = await mj(['validate', '--no-color'], { cwd: d });
    expect(lost.code).toBe(1);
    expect(lost.stdout).toContain('members.xlsx!B33: 错误 MJ222 “会员编号”列中有 2 个编号在 Excel 中存成了数字，开头的 0 已经丢了（B33, B34；如“30”，本列其他编号是 4 位）');
  });
});
