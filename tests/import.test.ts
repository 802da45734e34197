// mj import: clerks' sheets as they come (XLSX with title rows, merged headers, 序号 and 合计;
// CSV in UTF-8, with a BOM, GB18030, UTF-16 with tabs, a .txt), headers by synonyms or a
// mapping file, values converted, names resolved in the org, a preview that writes nothing, an
// idempotent merge with the id rule, changes only with --update, validation before writing
// with problems at the sheet's cells, and usage errors for an unknown --kind or --org.

import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeText } from '../src/source/encode.js';
import { mj } from './helpers/cli.js';
import { BASE, scratchDirs } from './helpers/fixtures.js';
import { xlsx, type SheetSpec } from './helpers/xlsx-build.js';

const ROOT = join(import.meta.dirname, '..');
const SHEETS = join(ROOT, 'data-examples', 'clerk-sheets');
const scratch = scratchDirs('mj-import-');

function dataset(from = BASE): string {
  const d = scratch();
  cpSync(from, d, { recursive: true });
  return d;
}

/** A branch's sheet: a title, a 填报单位 row, the header, rows, a 合计 row. */
function branchSheet(header: string[], rows: (string | number | null | { date: string } | { n: number; fmt?: string })[][]): SheetSpec {
  return {
    name: 'Sheet1',
    rows: [['民进贵阳一中支部履职情况'], ['填报单位：贵阳一中支部'], ['序号', ...header], ...rows.map((r, k) => [k + 1, ...r]), ['合计']],
    merges: ['A1:F1'],
  };
}

const ACT = ['日期', '类型', '题目', '参加人员', '学时'];

describe('mj import --kind activities', () => {
  it('previews with --dry-run and writes nothing', async () => {
    const d = dataset();
    const before = readFileSync(join(d, 'activities', '2019.csv'));
    const sheet = join(d, '支部.xlsx');
    writeFileSync(sheet, xlsx({ sheets: [branchSheet(ACT, [[{ date: '2019-12-03' }, '社情民意信息', '关于心理健康教育的建议', '刘芳', null]])] }));
    const r = await mj(['import', sheet, '--kind', 'activities', '--org', 'gy-edu1', '--dry-run'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe([
      '读取 支部.xlsx（工作表“Sheet1”，表头在第 3 行）：1 条记录',
      '  略过：第 5 行（合计）',
      'activities/2019.csv：新增 1 条，更改 0 条，已有 0 条',
      '  新增 A042 2019-12-03 社情民意 gy-edu1 关于心理健康教育的建议（支部.xlsx 第 4 行）',
      '（--dry-run：只是预览，没有写入任何文件）',
      '',
    ].join('\n'));
    expect(readFileSync(join(d, 'activities', '2019.csv')).equals(before)).toBe(true);
  });

  it('merges: ids by the rule, names to ids in the org, 、 and spaces as separators; a second run adds nothing', async () => {
    const d = dataset();
    const sheet = join(d, '支部.xlsx');
    writeFileSync(sheet, xlsx({ sheets: [branchSheet(ACT, [
      ['2019年12月3日', '社情民意', '关于心理健康教育的建议', '刘芳', null],
      [{ date: '2019-12-10' }, '社会服务', '送温暖', '王明华、张伟 刘芳', null],
      ['２０１９/１２/２０', '组织生活会', '民主评议', '0001;0002', '２'],
    ])] }));
    const first = await mj(['import', sheet, '--kind', 'activities', '--org', '贵阳一中支部'], { cwd: d });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('已写入 activities/2019.csv：新增 3 条，更改 0 条。');
    const csv = readFileSync(join(d, 'activities', '2019.csv'), 'utf8');
    expect(csv).toContain('A042,2019-12-03,社情民意,gy-edu1,0004,关于心理健康教育的建议,,,,,\n');
    expect(csv).toContain('A043,2019-12-10,社会服务,gy-edu1,0001;0003;0004,送温暖,,,,,\n');
    expect(csv).toContain('A044,2019-12-20,组织生活,gy-edu1,0001;0002,民主评议,,,2,,\n');
    expect((await mj(['validate'], { cwd: d })).code).toBe(0);
    expect((await mj(['fmt', '--check'], { cwd: d })).code).toBe(0);
    const again = await mj(['import', sheet, '--kind', 'activities', '--org', 'gy-edu1'], { cwd: d });
    expect(again.stdout).toContain('activities/2019.csv：新增 0 条，更改 0 条，已有 3 条');
    expect(again.stdout).toContain('没有需要写入的记录');
    expect(readFileSync(join(d, 'activities', '2019.csv'), 'utf8')).toBe(csv);
  });

  it('reports a change and applies it only with --update', async () => {
    const d = dataset();
    const p = join(d, 'activities', '2019.csv');
    const line = readFileSync(p, 'utf8').split('\n').find((l) => l.startsWith('A007,'))!;
    const sheet = join(d, 'a.csv');
    // The same date, org, type and title as A007, with another outcome.
    const [, date, , org, members, title] = line.split(',');
    writeFileSync(sheet, `日期,类型,组织,会员,标题,结果\n${date},社情民意,${org},${members},${title},省委会采用、省政协采用\n`);
    const plain = await mj(['import', sheet, '--kind', 'activities'], { cwd: d });
    expect(plain.stdout).toContain('  更改 A007：结果“省委会采用”→“省委会采用;省政协采用”（a.csv 第 2 行；加 --update 才写入）');
    expect(plain.stdout).toContain('有 1 条记录与数据中的不同，没有写入');
    expect(readFileSync(p, 'utf8')).toContain(line);
    const updated = await mj(['import', sheet, '--kind', 'activities', '--update'], { cwd: d });
    expect(updated.stdout).toContain('新增 0 条，更改 1 条。');
    expect(readFileSync(p, 'utf8')).toContain(`${line.replace(',省委会采用,', ',省委会采用;省政协采用,')}`);
  });

  it('validates before writing: a problem of an imported record at its cell, and nothing written', async () => {
    const d = dataset();
    const before = readFileSync(join(d, 'activities', '2019.csv'));
    const sheet = join(d, '支部.xlsx');
    // 杨建国 (0006) died on 2019-07-20; 陈静 (0005) joined on 2019-04-10.
    writeFileSync(sheet, xlsx({ sheets: [branchSheet(ACT, [[{ date: '2019-12-03' }, '组织生活', '年终会', '王明华、杨建国', null], [{ date: '2019-02-01' }, '学习', '学习会', '陈静', null]])] }));
    const r = await mj(['import', sheet, '--kind', 'activities', '--org', 'gy-edu1', '--no-color'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('支部.xlsx!E4: 错误 MJ308 会员“0006”在 2019-12-03 不在册（已于 2019-07-20 离会）\n  工作表“Sheet1”，单元格 E4，“参加人员”列\n');
    expect(r.stderr).toContain('支部.xlsx!E5: 错误 MJ308 会员“0005”在 2019-02-01 不在册（2019-04-10 才入会）');
    expect(r.stderr).toContain('有错误，没有写入任何文件。');
    expect(readFileSync(join(d, 'activities', '2019.csv')).equals(before)).toBe(true);
  });

  it('names a name that is ambiguous in the org, one that is not in it, and an org that does not exist', async () => {
    const d = dataset();
    const roster = join(d, 'members.csv');
    writeFileSync(roster, readFileSync(roster, 'utf8') + '0032,刘芳,女,1991-03,汉族,2015-01-01,gy-edu1,初级,研究生,硕士,贵阳市第一中学,中小学,,否,在册,\n');
    const sheet = join(d, 'a.csv');
    writeFileSync(sheet, '日期,类型,组织,会员,标题\n2019-12-01,学习,gy-edu1,刘芳,学习会\n2019-12-02,学习,gy-edu1,黄丽,学习会二\n2019-12-03,学习,贵阳二中支部,王明华,学习会三\n2019-12-04,学习,gy-edu1,王小二,学习会四\n');
    const r = await mj(['import', sheet, '--kind', 'activities', '--no-color'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a.csv:2:23: 错误 MJ320 “刘芳”在贵阳一中支部有 2 名会员（0004、0032），不知道是哪一位');
    expect(r.stderr).toContain('a.csv:3:23: 错误 MJ321 贵阳一中支部没有名为“黄丽”的会员（同名的会员在别的组织：0008（贵阳市第一人民医院支部））');
    expect(r.stderr).toContain('a.csv:4:15: 错误 MJ322 “组织”的值“贵阳二中支部”既不是组织编号，也不是 orgs.yaml 中某个组织的全称');
    // A name no member has is a name all the same: not an id with lost zeros (MJ303).
    expect(r.stderr).toContain('a.csv:5:23: 错误 MJ321 贵阳一中支部没有名为“王小二”的会员（名册中没有叫这个名字的会员）');
    expect(r.stderr).not.toContain('MJ303');
  });

  it('keeps orgs inside --org, and names a date without a year', async () => {
    const d = dataset();
    const sheet = join(d, 'a.csv');
    writeFileSync(sheet, '日期,类型,组织,会员,标题\n12月1日,学习,gy-edu1,0001,学习会\n2019-12-02,学习,sz-gzu,0020,学习会二\n');
    const r = await mj(['import', sheet, '--kind', 'activities', '--org', 'gy', '--no-color'], { cwd: d });
    expect(r.stderr).toContain('a.csv:2:1: 错误 MJ605 日期“12月1日”没有写年份');
    expect(r.stderr).toContain('a.csv:3:15: 错误 MJ604 组织“sz-gzu”不在 --org 指定的“民进贵阳市委会”之下');
    const withYear = await mj(['import', sheet, '--kind', 'activities', '--org', 'sl', '--year', '2019', '--dry-run'], { cwd: d });
    expect(withYear.stdout).toContain('新增 A042 2019-12-01 学习 gy-edu1 学习会');
  });

  it('reads CSV in UTF-8 with a BOM, GB18030, and Excel\'s "Unicode 文本" saved as .txt, by their bytes', async () => {
    const d = dataset();
    const text = '日期,类型,组织,会员,标题\r\n2019-12-01,学习,gy-edu1,0001,学习会\r\n';
    const files: [string, Buffer][] = [
      ['bom.csv', encodeText(text, 'utf-8', true)],
      ['gb.csv', encodeText(text, 'gb18030', false)],
      ['unicode.txt', encodeText(text.split(',').join('\t'), 'utf-16le', true)],
      ['nobom.txt', encodeText(text.split(',').join('\t'), 'utf-16le', false)],
      ['renamed.xls', xlsx({ sheets: [{ name: 'S', rows: text.trim().split('\r\n').map((l) => l.split(',')) }] })],
    ];
    for (const [name, bytes] of files) {
      writeFileSync(join(d, name), bytes);
      const r = await mj(['import', join(d, name), '--kind', 'activities', '--dry-run'], { cwd: d });
      expect(r.stderr, name).toBe('');
      expect(r.stdout, name).toContain('新增 A042 2019-12-01 学习 gy-edu1 学习会');
    }
  });

  it('reads sheets LibreOffice saved from CSV: dates become date cells, and ids typed as numbers lose their zeros (named)', async () => {
    const d = dataset();
    writeFileSync(join(d, 'lo.csv'), '日期,类型,组织,会员,标题,学时\n2019-12-06,培训,gy-med1,0008;0009,急救技能培训,3\n');
    writeFileSync(join(d, 'roster.csv'), '会员编号,姓名,性别,入会时间,所属组织\n0003,张伟,男,2012-05-20,gy-edu1\n');
    const { spawnSync } = await import('node:child_process');
    // As a clerk opens a CSV in LibreOffice Calc (UTF-8) and saves it as .xlsx.
    const soffice = spawnSync('soffice', ['--headless', '--infilter=CSV:44,34,76', '--convert-to', 'xlsx', '--outdir', d, join(d, 'lo.csv'), join(d, 'roster.csv')], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: d } });
    if (soffice.error || !existsSync(join(d, 'lo.xlsx'))) {
      console.warn('import.test: LibreOffice (soffice) is not available; the round trip is not tested');
      return;
    }
    const r = await mj(['import', join(d, 'lo.xlsx'), '--kind', 'activities', '--dry-run'], { cwd: d });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('新增 A042 2019-12-06 培训 gy-med1 急救技能培训');
    const roster = await mj(['import', join(d, 'roster.xlsx'), '--kind', 'members', '--dry-run', '--no-color'], { cwd: d });
    expect(roster.stderr).toContain('roster.xlsx!A2: 错误 MJ222');
    expect(roster.stdout).toContain('members.csv：新增 0 条，更改 0 条，已有 0 条');
  }, 90_000);
});

describe('mj import --kind members', () => {
  it('reads a roster export: its own column names, orgs by full name, ids shown with a 0000 format, √ for 是', async () => {
    const d = dataset();
    const r = await mj(['import', join(SHEETS, '会员信息导出.xlsx'), '--kind', 'members', '--no-color'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('会员信息导出.xlsx!O1: 警告 MJ602 “联系电话”列对应不到任何字段，没有导入');
    expect(r.stdout).toContain('members.csv：新增 2 条，更改 1 条，已有 1 条');
    const roster = readFileSync(join(d, 'members.csv'), 'utf8');
    expect(roster).toContain('0032,欧阳晨,女,1993-05,汉族,2019-12-01,gy-edu1,初级,研究生,硕士,贵阳市第一中学,中小学,,否,,\n');
    expect(roster).toContain('0033,田野,男,1985-08,苗族,2019-12-01,sz-gzu,副高级,研究生,博士,贵州大学,高校,,是,,\n');
    expect(roster).not.toContain('13800000033');
  });

  it('names ids whose zeros a spreadsheet dropped, against the roster, and adds nobody', async () => {
    const d = dataset();
    const before = readFileSync(join(d, 'members.csv'));
    const sheet = join(d, 'r.xlsx');
    writeFileSync(sheet, xlsx({ sheets: [{ name: 'S', rows: [['会员编号', '姓名', '性别', '入会时间', '所属组织'], [{ n: 3 }, '张伟', '男', '2012-05-20', 'gy-edu1'], [{ n: 40 }, '新人', '女', '2019-12-01', 'gy-edu1']] }] }));
    const r = await mj(['import', sheet, '--kind', 'members', '--no-color'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('r.xlsx!A2: 错误 MJ222 “会员编号”列中有 1 个编号在 Excel 中存成了数字，开头的 0 已经丢了（A2；如“3”，本列其他编号是 4 位）');
    expect(readFileSync(join(d, 'members.csv')).equals(before)).toBe(true);
  });

  it('maps columns with --map, names a field the mapping file gets wrong, and drafts one with --suggest-map', async () => {
    const d = dataset();
    const sheet = join(d, 'r.csv');
    writeFileSync(sheet, '工号,名字,男女,加入时间,支部,手机\n0040,新人,女,2019/12/1,贵阳一中支部,139\n');
    const draft = await mj(['import', sheet, '--kind', 'members', '--suggest-map'], { cwd: d });
    expect(draft.stdout).toContain('  工号: ~');
    expect(draft.stdout).toContain('  名字: name');
    writeFileSync(join(d, 'map.yaml'), 'columns:\n  工号: id\n  加入时间: joined\n  手机: ~\n');
    const r = await mj(['import', sheet, '--kind', 'members', '--map', join(d, 'map.yaml'), '--dry-run'], { cwd: d });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('新增 0040 新人 gy-edu1');
    writeFileSync(join(d, 'map.yaml'), 'columns:\n  工号: ids\n');
    const bad = await mj(['import', sheet, '--kind', 'members', '--map', join(d, 'map.yaml'), '--no-color'], { cwd: d });
    expect(bad.stderr).toContain('map.yaml:2:7: 错误 MJ603 映射文件中的“ids”不是会员名册的字段 — 是否为 id？');
  });
});

describe('mj import: usage and targets', () => {
  it('exits 2 for an unknown --kind, an unknown --org, a missing file or a missing --year for assessments', async () => {
    const d = dataset();
    writeFileSync(join(d, 'a.csv'), '组织,项目,得分\ngy-edu1,panel,4\n');
    const kind = await mj(['import', join(d, 'a.csv'), '--kind', 'activity'], { cwd: d });
    expect([kind.code, kind.stderr]).toEqual([2, 'mj: 不认识的 --kind“activity”\n是否为 activities？\n']);
    const org = await mj(['import', join(d, 'a.csv'), '--kind', 'activities', '--org', '贵阳一中'], { cwd: d });
    expect(org.code).toBe(2);
    expect(org.stderr).toContain('没有编号或全称为“贵阳一中”的组织');
    expect((await mj(['import', join(d, 'nope.xlsx'), '--kind', 'members'], { cwd: d })).code).toBe(2);
    expect((await mj(['import', join(d, 'a.csv'), '--kind', 'assessments'], { cwd: d })).code).toBe(2);
    const ok = await mj(['import', join(d, 'a.csv'), '--kind', 'assessments', '--year', '2019', '--dry-run'], { cwd: d });
    expect(ok.stdout).toContain('assessments/2019.csv：新增 0 条，更改 1 条，已有 0 条');
  });

  it('says when a sheet has no header of the kind asked for (not "表头在第 ? 行")', async () => {
    const d = dataset();
    writeFileSync(join(d, 'a.csv'), '日期,类型,组织,会员,标题\n2020-01-05,学习,gy-edu1,0001,新年学习会\n');
    const r = await mj(['import', join(d, 'a.csv'), '--kind', 'members'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('（utf-8，逗号分隔）：没有找到这类记录的表头，没有读入记录');
    expect(r.stdout).not.toContain('?');
    const en = await mj(['import', join(d, 'a.csv'), '--kind', 'members', '--lang', 'en'], { cwd: d });
    expect(en.stdout).toContain('(utf-8, separated by commas): no header of this kind of record found, nothing read');
  });

  it('creates the file of a new year, in canonical form', async () => {
    const d = dataset();
    writeFileSync(join(d, 'a.csv'), '日期,类型,组织,会员,标题\n2020-01-05,学习,gy-edu1,0001,新年学习会\n');
    const r = await mj(['import', join(d, 'a.csv'), '--kind', 'activities'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(d, 'activities', '2020.csv'), 'utf8')).toBe('编号,日期,类型,组织,会员,标题,报送层级,结果,学时,标签,备注\n2020-0001,2020-01-05,学习,gy-edu1,0001,新年学习会,,,,,\n');
  });

  it('names a record twice in the sheets once, and a dataset that keeps its records in YAML', async () => {
    const d = dataset();
    writeFileSync(join(d, 'a.csv'), '日期,类型,组织,会员,标题\n2019-12-01,学习,gy-edu1,0001,学习会\n2019-12-01,学习,gy-edu1,0002,学习会\n');
    const r = await mj(['import', join(d, 'a.csv'), '--kind', 'activities', '--no-color'], { cwd: d });
    expect(r.stderr).toContain('a.csv:3: 错误 MJ607 这条记录与第 2 行是同一条（2019-12-01 gy-edu1 学习 学习会），只导入一次');
    const y = dataset();
    writeFileSync(join(y, 'mj.yaml'), `${readFileSync(join(y, 'mj.yaml'), 'utf8')}files: { activities: "activities/{year}.yaml" }\n`);
    writeFileSync(join(y, 'a.csv'), '日期,类型,组织,会员,标题\n2019-12-01,学习,gy-edu1,0001,学习会\n');
    const yr = await mj(['import', join(y, 'a.csv'), '--kind', 'activities', '--no-color'], { cwd: y });
    expect(yr.stderr).toContain('MJ606 数据集的履职记录保存在 activities/2019.yaml 中');
    expect(statSync(join(y, 'activities')).isDirectory()).toBe(true);
  });
});
