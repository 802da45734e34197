// Year-end deliverables: mj report and --check, XLSX read back, the formula guard, Excel CSV,
// mj init, and the subsidy's budget arithmetic.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeSubsidy } from '../src/compute/subsidy.js';
import type { SubsidyRule } from '../src/model/rubric.js';
import { Rational } from '../src/util/decimal-text.js';
import { mj } from './helpers/cli.js';
import { scratchDirs, tempCopies } from './helpers/fixtures.js';
import { golden } from './helpers/golden.js';

const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'data-examples', 'tiny');
const scratch = scratchDirs();
const copyTiny = tempCopies(TINY);

async function readXlsx(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

describe('mj report', () => {
  it('writes every table in each format, an index and a manifest, the same as each command', async () => {
    const d = copyTiny();
    const r = await mj(['report', '2019', '--format', 'csv,md,xlsx', '--date', '2020-01-15'], { cwd: d });
    expect(r.code).toBe(0);
    const dir = join(d, 'reports', '2019');
    const names = [
      'scores', 'score-forms', 'branches', 'members', 'roster', 'progress', 'subsidy', 'trainings', 'trainees', 'reserve', 'reserve-structure', 'liaison',
      'leadership', 'inspections', 'inspection-open',
    ];
    expect(readdirSync(dir).sort()).toEqual(['index.md', 'mj-report.json', ...names.flatMap((n) => [`${n}.csv`, `${n}.md`, `${n}.xlsx`])].sort());
    expect(readFileSync(join(dir, 'scores.csv'), 'utf8')).toBe((await mj(['score', '2019', '--format', 'csv'], { cwd: d })).stdout);
    expect(readFileSync(join(dir, 'branches.md'), 'utf8')).toBe((await mj(['stats', 'branches', '2019', '--format', 'md'], { cwd: d })).stdout);
    expect(readFileSync(join(dir, 'subsidy.csv'), 'utf8')).toBe((await mj(['subsidy', '2019', '--format', 'csv'], { cwd: d })).stdout);
    // The practice tables are the commands' tables too.
    for (const [name, args] of [
      ['trainings.csv', ['stats', 'trainings', '2019']], ['trainees.md', ['stats', 'trainees', '2019', '--format', 'md']], ['reserve.csv', ['stats', 'reserve', '2019']],
      ['reserve-structure.csv', ['stats', 'reserve-structure', '2019']], ['liaison.csv', ['liaison', '2019']], ['leadership.md', ['leadership', '2019', '--format', 'md']],
      ['inspections.csv', ['inspections', '2019']], ['inspection-open.csv', ['inspections', '2019', '--open']],
    ] as const) {
      expect(readFileSync(join(dir, name), 'utf8'), name).toBe((await mj([...args, ...(name.endsWith('.csv') ? ['--format', 'csv'] : [])], { cwd: d })).stdout);
    }
    golden('report/index.md', readFileSync(join(dir, 'index.md'), 'utf8'));
    golden('report/mj-report.json', readFileSync(join(dir, 'mj-report.json'), 'utf8'));
  });

  it('makes the same bytes on every run, XLSX included', async () => {
    const d = copyTiny();
    await mj(['report', '2019', '--format', 'xlsx,csv', '--out', 'a'], { cwd: d });
    await new Promise((r) => setTimeout(r, 1100));
    await mj(['report', '2019', '--format', 'xlsx,csv', '--out', 'b'], { cwd: d });
    for (const f of readdirSync(join(d, 'a'))) expect(readFileSync(join(d, 'a', f)).equals(readFileSync(join(d, 'b', f))), f).toBe(true);
  });

  it('--check passes on a fresh report and names stale, missing and extra files after changes', async () => {
    const d = copyTiny();
    await mj(['report', '2019'], { cwd: d });
    const fresh = await mj(['report', '--check'], { cwd: d });
    expect([fresh.code, fresh.stdout]).toEqual([0, '报表与数据一致（1 个报表文件夹）。\n']);
    const act = join(d, 'activities', '2019.csv');
    writeFileSync(act, readFileSync(act, 'utf8').replace('A057,2019-12-05,宣传', 'A057,2019-12-05,调研'));
    rmSync(join(d, 'reports', '2019', 'progress.md'));
    writeFileSync(join(d, 'reports', '2019', 'notes.txt'), 'x');
    const stale = await mj(['report', '2019', '--check'], { cwd: d });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe([
      '过时：reports/2019/scores.csv', '过时：reports/2019/scores.md', '缺少：reports/2019/progress.md', '多余：reports/2019/notes.txt（mj 不生成这个文件：删除该文件）',
      '有 4 个报表文件与数据不一致。重新生成：', '  mj report 2019', '然后提交改动（git add -A && git commit）。', '',
    ].join('\n'));
    expect(existsSync(join(d, 'reports', '2019', 'progress.md'))).toBe(false); // --check writes nothing
    // The hint's command is exact: it rebuilds what --check expects, leaving only the extra file.
    expect((await mj(['report', '2019'], { cwd: d })).code).toBe(0);
    const again = await mj(['report', '--check'], { cwd: d });
    // Only an extra file left: rebuilding would not remove it, so the hint says to delete it.
    expect(again.stdout).toBe('多余：reports/2019/notes.txt（mj 不生成这个文件：删除该文件）\n报表文件夹中有 1 个不是 mj 生成的文件：删除上面标为“多余”的文件（或移到报表文件夹以外），\n然后提交改动（git add -A && git commit）。\n');
    rmSync(join(d, 'reports', '2019', 'notes.txt'));
    expect((await mj(['report', '--check'], { cwd: d })).code).toBe(0);
  });

  it('--check without a year fails when a year with records and a rubric has no report: deleted, or never made', async () => {
    const d = copyTiny();
    const none = await mj(['report', '--check'], { cwd: d });
    expect([none.code, none.stdout]).toEqual([1, '缺少：reports/2019/mj-report.json\n有 1 个报表文件与数据不一致。重新生成：\n  mj report 2019\n然后提交改动（git add -A && git commit）。\n']);
    await mj(['report', '2019'], { cwd: d });
    expect((await mj(['report', '--check'], { cwd: d })).code).toBe(0);
    rmSync(join(d, 'reports', '2019', 'mj-report.json'));
    expect((await mj(['report', '--check'], { cwd: d })).code).toBe(1);
    rmSync(join(d, 'reports'), { recursive: true });
    expect((await mj(['report', '--check'], { cwd: d })).stdout).toContain('缺少：reports/2019/mj-report.json');
    // A dataset with no year to report has nothing to check.
    rmSync(join(d, 'rubrics', '2019.yaml'));
    rmSync(join(d, 'assessments', '2019.csv'));
    const empty = await mj(['report', '--check'], { cwd: d });
    expect([empty.code, empty.stdout]).toEqual([0, '还没有报表（reports/年份/mj-report.json），没有需要检查的文件；生成报表请运行 mj report 年份。\n']);
  });

  it('mj report YEAR reuses the folder\'s settings and says so; options on the command line win', async () => {
    const d = copyTiny();
    await mj(['report', '2019', '--format', 'csv,xlsx', '--excel', '--date', '2020-01-15', '--mask'], { cwd: d });
    const files = readdirSync(join(d, 'reports', '2019')).sort();
    const manifest = readFileSync(join(d, 'reports', '2019', 'mj-report.json'), 'utf8');
    const again = await mj(['report', '2019'], { cwd: d });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('沿用 reports/2019/mj-report.json 中的设置：格式 csv,xlsx，语言 zh，姓名脱敏，Excel 格式的 CSV，填表日期 2020-01-15');
    expect(readdirSync(join(d, 'reports', '2019')).sort()).toEqual(files);
    expect(readFileSync(join(d, 'reports', '2019', 'mj-report.json'), 'utf8')).toBe(manifest);
    await mj(['report', '2019', '--format', 'md', '--no-mask', '--no-date'], { cwd: d });
    const m = JSON.parse(readFileSync(join(d, 'reports', '2019', 'mj-report.json'), 'utf8')) as { formats: string[]; mask: boolean; excel: boolean; date: string | null };
    expect([m.formats, m.mask, m.excel, m.date]).toEqual([['md'], false, true, null]);
  });

  it('--check ignores Excel\'s lock files and the desktop\'s own files, and reads any line ends', async () => {
    const d = copyTiny();
    await mj(['report', '2019', '--format', 'csv,md,xlsx', '--excel'], { cwd: d });
    const out = join(d, 'reports', '2019');
    for (const name of ['~$scores.xlsx', '.~lock.scores.xlsx#', 'Thumbs.db', '.DS_Store', 'desktop.ini']) writeFileSync(join(out, name), 'x');
    // A checkout with other line ends: CRLF files as LF, LF files as CRLF.
    for (const name of readdirSync(out).filter((n) => /\.(csv|md|json)$/.test(n))) {
      const text = readFileSync(join(out, name), 'utf8');
      writeFileSync(join(out, name), text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\n/g, '\r\n'));
    }
    const r = await mj(['report', '--check'], { cwd: d });
    expect([r.code, r.stdout]).toEqual([0, '报表与数据一致（1 个报表文件夹）。\n']);
  });

  it('--check --out DIR without a year checks that folder (and fails when it holds no report)', async () => {
    const d = copyTiny();
    expect((await mj(['report', '--check', '--out', 'pub'], { cwd: d })).code).toBe(1);
    await mj(['report', '2019', '--out', 'pub'], { cwd: d });
    expect((await mj(['report', '--check', '--out', 'pub'], { cwd: d })).code).toBe(0);
    writeFileSync(join(d, 'pub', 'scores.csv'), 'x');
    const r = await mj(['report', '--check', '--out', 'pub'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  mj report 2019 --out pub\n');
  });

  it('--check rebuilds with the manifest\'s settings', async () => {
    const d = copyTiny();
    await mj(['report', '2019', '--format', 'json', '--mask', '--lang', 'en'], { cwd: d });
    expect((await mj(['report', '--check'], { cwd: d })).code).toBe(0);
  });

  it('writes nothing when the data has errors', async () => {
    const d = copyTiny();
    writeFileSync(join(d, 'members.csv'), readFileSync(join(d, 'members.csv'), 'utf8').replace(',gy-edu1,正高级', ',gy-edu9,正高级'));
    const r = await mj(['report', '2019'], { cwd: d });
    expect(r.code).toBe(1);
    expect(existsSync(join(d, 'reports'))).toBe(false);
  });

  it('refuses a report file that is a folder, writing none of the others', async () => {
    const d = copyTiny();
    mkdirSync(join(d, 'reports', '2019', 'members.csv'), { recursive: true });
    const r = await mj(['report', '2019'], { cwd: d });
    expect(r.code).toBe(2);
    expect(readdirSync(join(d, 'reports', '2019'))).toEqual(['members.csv']);
  });
});

describe('XLSX', () => {
  it('has the official layout: merged title, header, numbers as numbers, ids as text, total row, footer', async () => {
    const d = copyTiny();
    expect((await mj(['stats', 'members', '2019', '--out', 'm.xlsx', '--date', '2020-01-15'], { cwd: d })).code).toBe(0);
    const ws = await readXlsx(join(d, 'm.xlsx'));
    expect(ws.getCell('A1').value).toBe('民进示例省委2019年度会员履职情况统计表');
    expect(ws.model.merges).toContain('A1:N1');
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['会员编号', '姓名', '社情民意报送', '参加率']));
    expect(ws.getCell('A3').value).toBe('0001'); // leading zeros kept: text
    expect(ws.getCell('A3').numFmt).toBe('@');
    expect(ws.getCell('E3').value).toBe(1);
    expect(ws.getCell('K3').numFmt).toBe('0.0%');
    expect(typeof ws.getCell('K3').value).toBe('number');
    const last = ws.rowCount;
    const texts = Array.from({ length: last }, (_, i) => String(ws.getRow(i + 1).getCell(1).value ?? ''));
    expect(texts).toContain('合计');
    expect(texts.some((x) => x.startsWith('填表单位：民进示例省委'))).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // Printed at a fixed scale of at least 80 % (never fitted to one page width), header row repeated.
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '2:2' });
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(80);
    expect(ws.pageSetup.fitToPage).not.toBe(true);
  });

  it('is refused on stdout', async () => {
    expect((await mj(['score', '2019', '--format', 'xlsx'], { cwd: TINY })).code).toBe(2);
  });
});

describe('formula injection', () => {
  it('neutralises text that a spreadsheet would run, and keeps −5 a number', async () => {
    const d = copyTiny();
    const file = join(d, 'members.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('0014,胡文,', '0014,"=HYPERLINK(""http://x"",""点我"")",'));
    const csv = (await mj(['stats', 'members', '2019', '--format', 'csv'], { cwd: d })).stdout;
    expect(csv).toContain('0014,"\'=HYPERLINK(""http://x"",""点我"")",');
    const scores = (await mj(['score', '2019', '--format', 'csv'], { cwd: d })).stdout;
    expect(scores.split('\n').find((l) => l.includes('贵阳出版支部'))).toContain(',-5.00,-5.00,');
    await mj(['stats', 'members', '2019', '--out', 'm.xlsx'], { cwd: d });
    const ws = await readXlsx(join(d, 'm.xlsx'));
    const row = Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === '0014')!;
    expect(row.getCell(2).value).toBe('\'=HYPERLINK("http://x","点我")');
    await mj(['score', '2019', '--out', 's.xlsx'], { cwd: d });
    const sws = await readXlsx(join(d, 's.xlsx'));
    const pub = Array.from({ length: sws.rowCount }, (_, i) => sws.getRow(i + 1)).find((r) => r.getCell(2).value === '贵阳出版支部')!;
    expect(pub.values).toContain(-5);
  });
});

describe('Excel CSV', () => {
  it('adds a BOM and CRLF with --excel, and neither by default', async () => {
    const plain = (await mj(['score', '2019', '--format', 'csv'], { cwd: TINY })).stdout;
    const excel = (await mj(['score', '2019', '--format', 'csv', '--excel'], { cwd: TINY })).stdout;
    expect(plain.startsWith('\uFEFF') || plain.includes('\r')).toBe(false);
    expect(excel).toBe('\uFEFF' + plain.replace(/\n/g, '\r\n'));
  });

  it('keeps as text what Excel would take for a number or a date: ids with zeros, 4/5', async () => {
    const members = (await mj(['stats', 'members', '2019', '--format', 'csv', '--excel'], { cwd: TINY })).stdout;
    expect(members).toContain('\r\n"=""0001""",王明华,');
    expect(members).toContain(',1.0000,'); // numbers stay numbers
    const plain = (await mj(['stats', 'members', '2019', '--format', 'csv'], { cwd: TINY })).stdout;
    expect(plain).toContain('\n0001,王明华,');
    const progress = (await mj(['progress', '2019', '--format', 'csv', '--excel'], { cwd: TINY })).stdout;
    expect(progress).toContain(',"=""4/5""",');
    // Names and words are written as they are.
    expect(progress).toContain('贵阳市第一人民医院支部,gy-med1,');
  });
});

describe('mj init', () => {
  it('lays out a dataset that validates, with a pinned mj and a CI workflow that needs only Node', async () => {
    const d = scratch();
    const r = await mj(['init', 'data', '--year', '2019', '--no-git'], { cwd: d });
    expect(r.code).toBe(0);
    const data = join(d, 'data');
    const v = await mj(['validate'], { cwd: data });
    expect([v.code, v.stdout]).toEqual([0, expect.stringContaining('检查通过')]);
    // The template's example records need their report before CI passes.
    const check = await mj(['report', '--check'], { cwd: data });
    expect([check.code, check.stdout.split('\n')[0]]).toEqual([1, '缺少：reports/2019/mj-report.json']);
    expect((await mj(['report', '2019'], { cwd: data })).code).toBe(0);
    expect((await mj(['report', '--check'], { cwd: data })).code).toBe(0);
    const workflow = readFileSync(join(data, '.github', 'workflows', 'mj.yml'), 'utf8');
    expect(workflow).toContain('run: node .mj/mj.mjs validate --format github');
    expect(workflow).toContain('run: node .mj/mj.mjs report --check');
    expect(workflow.split('\n').filter((l) => !l.trim().startsWith('#')).join('\n')).not.toMatch(/npx|npm/);
    expect(readFileSync(join(data, '.mj', 'mj.mjs')).equals(readFileSync(join(ROOT, 'bundle', 'standalone', 'mj.mjs')))).toBe(true);
    expect(existsSync(join(data, 'package.json'))).toBe(false);
    expect(readFileSync(join(data, '.gitignore'), 'utf8')).toMatch(/^node_modules\/$[\s\S]*^~\$\*$[\s\S]*^Thumbs\.db$[\s\S]*^\.DS_Store$/m);
    expect(readFileSync(join(data, '.gitattributes'), 'utf8')).toMatch(/^\* -text$/m);
    expect(readFileSync(join(data, 'orgs.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=schemas/orgs.schema.json');
    expect(existsSync(join(data, 'schemas', 'rubric.schema.json'))).toBe(true);
    expect(existsSync(join(data, '.git'))).toBe(false); // --no-git
  });

  it('writes any --name safely into YAML, and refuses one that is not one line of text', async () => {
    const d = scratch();
    for (const name of ['民进某某省委 #2', '民进: 某省委', "'引号省委", '"双引号"省委']) {
      const dir = join(d, String(name.length) + Math.random().toString(36).slice(2));
      expect((await mj(['init', dir, '--year', '2019', '--no-git', '--name', name], { cwd: d })).code).toBe(0);
      const v = await mj(['validate'], { cwd: dir });
      expect([v.code, v.stdout], name).toEqual([0, expect.stringContaining(`${name}：组织`)]);
    }
    for (const bad of ['一行\n两行', '', '   ', 'tab\there']) {
      const r = await mj(['init', join(d, 'bad'), '--year', '2019', '--no-git', '--name', bad], { cwd: d });
      expect(r.code, JSON.stringify(bad)).toBe(2);
    }
    expect(existsSync(join(d, 'bad'))).toBe(false);
  });

  it('uses this year by default', async () => {
    const d = scratch();
    await mj(['init'], { cwd: d });
    expect(existsSync(join(d, 'activities', '2019.csv'))).toBe(true); // the test clock says 2019
  });

  it('refuses a folder that holds any of its files, changing nothing', async () => {
    const d = scratch();
    writeFileSync(join(d, 'members.csv'), 'mine\n');
    const r = await mj(['init', '--year', '2019'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('members.csv');
    expect(readdirSync(d)).toEqual(['members.csv']);
    expect(readFileSync(join(d, 'members.csv'), 'utf8')).toBe('mine\n');
  });

  it('ships the example rubric as its template', () => {
    const template = readFileSync(join(ROOT, 'templates', 'rubric.yaml'), 'utf8').split('\n').slice(1).join('\n').replace(/\{\{year\}\}/g, '2019');
    expect(template).toBe(readFileSync(join(ROOT, 'data-examples', 'guizhou', 'rubrics', '2019.yaml'), 'utf8'));
    expect(readFileSync(join(ROOT, 'data-examples', 'tiny', 'rubrics', '2019.yaml'), 'utf8')).toBe(template);
  });
});

describe('computeSubsidy', () => {
  const rule = (extra: Partial<SubsidyRule> = {}): SubsidyRule => ({
    base: Rational.int(2000), perMember: Rational.int(100),
    gradeFactor: new Map([['优秀', Rational.parse('0.3')], ['合格', Rational.ZERO], ['不合格', Rational.parse('-1.5')]]),
    cap: undefined, budget: undefined, ...extra,
  });

  it('applies the grade factor, then the cap, never below 0', () => {
    const r = computeSubsidy(rule({ cap: Rational.int(5000) }), [
      { members: 10, grade: '优秀' }, // 3000 × 1.3 = 3900
      { members: 30, grade: '优秀' }, // 5000 × 1.3 = 6500 → 5000
      { members: 10, grade: '不合格' }, // 3000 × −0.5 → 0
    ]);
    expect(r.lines.map((l) => l.payout)).toEqual([3900n, 5000n, 0n]);
    expect(r.lines.map((l) => l.performance.toFixed(2))).toEqual(['900.00', '1500.00', '-4500.00']);
    expect(r.scale).toBeUndefined();
  });

  it('marks a payout capped only when it was above the cap, and a grade without a factor gets none', () => {
    const r = computeSubsidy(rule({ cap: Rational.int(3900) }), [
      { members: 10, grade: '优秀' }, // exactly 3900: not capped
      { members: 11, grade: '优秀' }, // 3100 × 1.3 = 4030 → 3900, capped
      { members: 10, grade: '良好' }, // no factor for 良好: 3000
    ]);
    expect(r.lines.map((l) => [l.payout, l.capped])).toEqual([[3900n, false], [3900n, true], [3000n, false]]);
    expect(r.lines.map((l) => l.beforeScaling.toFixed(2))).toEqual(['3900.00', '3900.00', '3000.00']);
    expect(r.total).toBe(10800n);
  });

  it('scales pro rata past the budget, rounding down so the sum never passes it', () => {
    const branches = [{ members: 1, grade: '合格' }, { members: 1, grade: '合格' }, { members: 1, grade: '合格' }]; // 2100 each
    const r = computeSubsidy(rule({ budget: Rational.int(5000) }), branches);
    expect(r.lines.map((l) => l.payout)).toEqual([1666n, 1666n, 1666n]);
    expect(r.total).toBe(4998n);
    expect(r.scale?.toFixed(6)).toBe('0.793651');
  });

  it('leaves payouts alone at exactly the budget, and pays nothing from a zero budget', () => {
    const branches = [{ members: 0, grade: '合格' }, { members: 0, grade: '合格' }];
    expect(computeSubsidy(rule({ budget: Rational.int(4000) }), branches).lines.map((l) => l.payout)).toEqual([2000n, 2000n]);
    expect(computeSubsidy(rule({ budget: Rational.ZERO }), branches).total).toBe(0n);
  });

  it('says on each row of mj subsidy why a payout is not the sum of its parts: the cap, the floor, the budget', async () => {
    const d = copyTiny();
    const file = join(d, 'rubrics', '2019.yaml');
    writeFileSync(file, readFileSync(file, 'utf8')
      .replace('不合格: -0.2', '不合格: -1.5')
      .replace('cap: 8000 ', 'cap: 2800 ')
      .replace('budget: 600000 ', 'budget: 5000 '));
    const zh = (await mj(['subsidy', '2019', '--format', 'csv'], { cwd: d })).stdout.split('\n');
    expect(zh[0]).toBe('支部,支部编号,年末会员数,等级,基数,人均部分,绩效部分,补助,调整');
    expect(zh.find((l) => l.startsWith('贵阳一中支部,'))).toMatch(/,超过上限，按 2800 元计；按预算比例缩减$/); // 2875 → 2800, then scaled
    expect(zh.find((l) => l.startsWith('贵阳市第一人民医院支部,'))).toMatch(/,-3750\.00,0,低于 0，按 0 计$/); // 2500 × −1.5
    expect(zh.find((l) => l.startsWith('合计,'))).toMatch(/,$/);
    const en = (await mj(['subsidy', '2019', '--format', 'csv', '--lang', 'en'], { cwd: d })).stdout;
    expect(en).toContain(',above the cap: 2800; scaled to the budget\n');
    expect(en).toContain(',below 0: 0\n');
    // Without a cap or a budget there is nothing to adjust: no such column.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {2}cap: .*\n {2}budget: .*\n/, '\n'));
    expect((await mj(['subsidy', '2019', '--format', 'csv'], { cwd: d })).stdout.split('\n')[0]).toBe('支部,支部编号,年末会员数,等级,基数,人均部分,绩效部分,补助');
  });
});
