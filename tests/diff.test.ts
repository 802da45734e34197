// mj diff on a git repository built here: the tiny example committed on main, then a second
// commit that moves one record's type (A057 宣传 → 调研, 贵州大学支部) and adds a 社情民意 by the
// one member of 贵阳市第一人民医院支部 who had not reported (0013 马晓东). Every changed row is
// worked out by hand below; the base revision is read from git's objects, never checked out.

import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sameCell } from '../src/tables/diff-doc.js';
import { Rational } from '../src/util/decimal-text.js';
import { mj } from './helpers/cli.js';
import { copyDataset, scratchDirs } from './helpers/fixtures.js';
import { commitAll, git, hasGit, initRepo, isolateGit } from './helpers/git.js';

const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'data-examples', 'tiny');
const scratch = scratchDirs('mj-diff-');
if (!hasGit) console.warn('diff.test: git is not installed; mj diff on revisions is not tested');
isolateGit();

interface Change { column: string; before: unknown; after: unknown; changed: boolean }
interface Row { key: string; label: string; status: string; branch?: string; changes: Change[] }
interface Doc {
  base: string; head: string; files: { path: string; change: string; year: number | null }[];
  years: { year: number; files: string[]; unavailable: unknown[]; branches: Row[]; cells: { table: string; count: number; rows: Row[] }[]; members: Row[] }[];
}

/** A row's changes as [column, before, after] (the changed ones). */
const changes = (r: Row): [string, unknown, unknown][] => r.changes.filter((c) => c.changed).map((c) => [c.column, c.before, c.after]);

function edit(dir: string): void {
  const act = join(dir, 'activities', '2019.csv');
  writeFileSync(act, readFileSync(act, 'utf8').replace('A057,2019-12-05,宣传', 'A057,2019-12-05,调研'));
  appendFileSync(act, 'A090,2019-10-20,社情民意,gy-med1,0013,关于县级医院急诊能力建设的建议,省,,,,\n');
}

describe.skipIf(!hasGit)('mj diff between two commits', () => {
  let repo = '';
  beforeAll(() => {
    repo = join(scratch(), '数据');
    copyDataset(TINY, repo);
    initRepo(repo);
    commitAll(repo, '2019 年数据');
    git(repo, 'switch', '-q', '-c', '更正');
    edit(repo);
    commitAll(repo, '更正 2019 年记录');
  });

  it('lists the rows that change, each as worked out by hand', async () => {
    const r = await mj(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.base).toMatch(/^HEAD~1（[0-9a-f]{7,}）$/);
    expect(doc.head).toMatch(/^HEAD（[0-9a-f]{7,}）$/);
    expect(doc.files).toEqual([{ path: 'activities/2019.csv', change: 'changed', year: 2019 }]);
    expect(doc.years.map((y) => y.year)).toEqual([2019]);
    const [y] = doc.years;
    // 贵阳市第一人民医院支部: coverage 4/5 → 5/5 is 15 × 0.2 = 3 more points (参政议政 19 → 22, under
    // its cap of 35): 59.60 → 62.60, 不合格 → 合格 (60); still third (83.40 and 87.54 above it);
    // every active member has reported now, so "三个一" is complete. 贵州大学支部: 宣传 −2, 调研 +2, no change in total.
    expect(y!.branches.map((b) => [b.key, b.status, changes(b)])).toEqual([
      ['gy-med1', 'changed', [['total', 59.6, 62.6], ['grade', '不合格', '合格'], ['threeOnes', '未完成', '完成']]],
    ]);
    expect(y!.branches[0]!.changes.find((c) => c.column === 'rank')).toEqual({ column: 'rank', header: '排名', before: 3, after: 3, changed: false });
    const cells = Object.fromEntries(y!.cells.map((t) => [t.table, t.rows.map((row) => [row.key, changes(row)])]));
    expect(cells).toEqual({
      scores: [
        ['gy-med1', [['item:sqmy-coverage', 12, 15], ['section:3', 19, 22]]],
        ['sz-gzu', [['item:publicity', 2, 0], ['item:research', 2, 4]]],
      ],
      // 4 → 5 reports, 2 adopted of them (50% → 40%), 4 → 5 of 5 members reporting; the 合计 row
      // 22 → 23 reports, 13 adopted (13/22 → 13/23), 22 → 23 of 27 members.
      branches: [
        ['gy-med1', [['sqmy', 4, 5], ['adoptionRate', 0.5, 0.4], ['reporters', 4, 5], ['coverage', 0.8, 1]]],
        ['@total', [['sqmy', 22, 23], ['adoptionRate', 0.5909, 0.5652], ['reporters', 22, 23], ['coverage', 0.8148, 0.8519]]],
      ],
      // (2,000 + 5 × 100) × (1 − 0.2) = 2,000 as 不合格, × (1 + 0) = 2,500 as 合格; within the budget.
      subsidy: [
        ['gy-med1', [['performance', -500, 0], ['payout', 2000, 2500]]],
        ['@total', [['performance', -650, -150], ['payout', 12050, 12550]]],
      ],
    });
    expect(y!.cells.map((t) => t.count)).toEqual([4, 8, 4]);
    // 马晓东 had only two training records: his first 社情民意 gives 1 point (m-sqmy).
    expect(y!.members.map((m) => [m.key, m.label, m.branch, changes(m)])).toEqual([
      ['0013', '马晓东', '贵阳市第一人民医院支部', [['sqmy', 0, 1], ['threeOnes', '否', '是'], ['points', 0, 1]]],
    ]);
  });

  it('keeps the decimals of points and ratios in JSON (87.50, 0.7500)', async () => {
    const r = await mj(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo });
    expect(r.stdout).toContain('"before": 59.60');
    expect(r.stdout).toContain('"after": 0.4000');
  });

  it('compares the merge base with main and the work tree by default, and never touches the work tree', async () => {
    const before = git(repo, 'status', '--porcelain');
    const r = await mj(['diff'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^mj diff：main 的合并基点（[0-9a-f]{7,}） → 工作区$/),
      '改动的数据文件：activities/2019.csv（修改）',
    ]);
    expect(r.stdout).toContain('    贵阳市第一人民医院支部（gy-med1）：总分 59.60 → 62.60，等级 不合格 → 合格，三个一 未完成 → 完成\n');
    expect(r.stdout).toContain('    考核评分表 · 贵州大学支部：宣传信息稿件 2.00 → 0.00；调研活动 2.00 → 4.00\n');
    expect(r.stdout).toContain('    0013 马晓东（贵阳市第一人民医院支部）：社情民意报送 0 → 1；三个一（本人社情民意） 否 → 是；履职积分 0.00 → 1.00\n');
    expect(git(repo, 'status', '--porcelain')).toBe(before);
    expect(git(repo, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('更正');
  });

  it('draws Markdown tables for the pull request, old → **new**', async () => {
    const r = await mj(['diff', 'main', '--format', 'md'], { cwd: repo });
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md).toMatch(/^## mj diff：main（[0-9a-f]{7,}） → 工作区\n/);
    expect(md).toContain('1 个支部的总分、排名、等级或“三个一”有变化，各表中 16 个单元格有变化，1 名会员的履职统计有变化。');
    expect(md).toContain('| 贵阳市第一人民医院支部 | `gy-med1` | 59.60 → **62.60** | 3 | 不合格 → **合格** | 未完成 → **完成** |');
    expect(md).toContain('| 支部履职情况统计表 | 合计 | 会员覆盖率 | 81.5% | **85.2%** |');
    expect(md).toContain('| `0013` | 马晓东 | 贵阳市第一人民医院支部 | 社情民意报送 0 → 1；三个一（本人社情民意） 否 → 是；履职积分 0.00 → 1.00 |');
  });

  it('says so when no data file changed, whatever the line ends', async () => {
    const act = join(repo, 'activities', '2019.csv');
    const text = readFileSync(act, 'utf8');
    writeFileSync(act, text.replace(/\n/g, '\r\n'));
    try {
      const r = await mj(['diff', 'HEAD'], { cwd: repo });
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[1]).toBe('没有改动数据文件（mj.yaml、组织树、名册、转接等组织工作文件、各年的履职记录、考评组评分和评分表），各年的结果不变。');
    } finally {
      writeFileSync(act, text);
    }
  });

  it('compares two folders without git, in English with --lang en', async () => {
    const old = join(scratch(), 'old');
    copyDataset(TINY, old);
    const r = await mj(['diff', old, repo, '--lang', 'en'], { cwd: scratch() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Data files changed: activities/2019.csv (changed)');
    expect(r.stdout).toContain('  Branches whose total, rank, grade or "three ones" change: 1\n');
    expect(r.stdout).toContain('    贵阳市第一人民医院支部 (gy-med1): Total 59.60 → 62.60, Grade 不合格 → 合格, "Three ones" not done → done\n');
  });

  it('a change to transfers.csv touches every year: a member who never moved counts in their branch all year', async () => {
    const a = join(scratch(), 'a');
    copyDataset(TINY, a);
    const b = join(scratch(), 'b');
    copyDataset(TINY, b);
    // 0028 曹阳 moved 贵阳市第一人民医院支部 → 贵州大学支部 on 2019-05-01; without the row they were in 贵州大学支部 all along.
    writeFileSync(join(b, 'transfers.csv'), readFileSync(join(a, 'transfers.csv'), 'utf8').split('\n').filter((l) => !l.startsWith('0028,')).join('\n'));
    const r = await mj(['diff', a, b], { cwd: scratch() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('改动的数据文件：transfers.csv（修改）\nmj.yaml、组织树、名册或转接等组织工作文件有改动，每一年都可能受影响。\n');
    // 贵阳市委会 starts the year with one member fewer (16 → 15) and no move out; 省直 one more (7 → 8), no move in.
    expect(r.stdout).toContain('会员结构统计表 · 民进贵阳市委会：年初数 16 → 15；省内转出 1 → 0');
    expect(r.stdout).toContain('会员结构统计表 · 省直：年初数 7 → 8；省内转入 1 → 0');
    expect(r.stdout).toContain('0028 曹阳（贵州大学支部）：年末在册 否 → 是');
  });

  it('a change that breaks the data: the year cannot be computed, exit 1, the document says why', async () => {
    const act = join(repo, 'activities', '2019.csv');
    const text = readFileSync(act, 'utf8');
    writeFileSync(act, text.replace('A090,2019-10-20,社情民意,gy-med1,', 'A090,2019-10-20,社情民意,gy-med9,'));
    try {
      const r = await mj(['diff', 'HEAD'], { cwd: repo });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('  新版本的数据有 1 个错误，无法计算 2019 年的结果（mj validate 列出全部）：activities/2019.csv:66:22 MJ302 “组织”的值“gy-med9”不存在');
      const en = await mj(['diff', 'HEAD', '--lang', 'en'], { cwd: repo });
      expect(en.code).toBe(1);
      expect(en.stdout).toContain("The new version's data has 1 error, so 2019's results cannot be computed (mj validate lists them): activities/2019.csv:66:22 MJ302");
      // Two errors: the plural.
      writeFileSync(act, text.replace('A090,2019-10-20,社情民意,gy-med1,', 'A090,2019-10-20,社情民意,gy-med9,').replace(',gy-edu1,', ',gy-edu9,'));
      const two = await mj(['diff', 'HEAD', '--lang', 'en', '--format', 'md'], { cwd: repo });
      expect(two.stdout).toMatch(/The new version's data has \d+ errors, so 2019's results cannot be computed/);
    } finally {
      writeFileSync(act, text);
    }
  });

  it('refuses unknown revisions, folders outside git, and outputs onto inputs, as usage errors', async () => {
    const bad = await mj(['diff', 'no-such-branch'], { cwd: repo });
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([2, 'mj: git 中没有版本“no-such-branch”']);
    const option = await mj(['diff', '--output=x'], { cwd: repo });
    expect(option.code).toBe(2);
    const outside = join(scratch(), 'plain');
    copyDataset(TINY, outside);
    const notRepo = await mj(['diff', 'HEAD', '--lang', 'en'], { cwd: outside });
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr.split('\n')[0]).toBe(`mj: ${outside} is not in a git repository`);
    const onto = await mj(['diff', 'HEAD~1', '--out', 'members.csv'], { cwd: repo });
    expect(onto.code).toBe(2);
    const md = await mj(['diff', 'HEAD~1', '--out', 'diff.md'], { cwd: repo });
    expect(md.code).toBe(0);
    expect(readFileSync(join(repo, 'diff.md'), 'utf8')).toMatch(/^## mj diff：HEAD\\~1/);
  });

  it('without git: a usage error in the user\'s language, no stack trace', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'mj.js'), 'diff', 'HEAD~1'], { cwd: repo, encoding: 'utf8', env: { PATH: '/nonexistent', LANG: 'en_US.UTF-8' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('mj: git was not found, so other versions cannot be read\ninstall git, or compare two folders: mj diff OLD-FOLDER NEW-FOLDER\n');
    expect(existsSync(join(repo, '.git'))).toBe(true);
  });
});

describe('cells compared exactly (sameCell)', () => {
  it('a number and an equal decimal are the same; an empty cell and a missing one are the same; text only when equal', () => {
    expect(sameCell(Rational.parse('1.50'), Rational.parse('1.5'))).toBe(true);
    expect(sameCell(Rational.int(2), 2)).toBe(true);
    expect(sameCell(3, Rational.parse('3.01'))).toBe(false);
    expect(sameCell(undefined, null)).toBe(true);
    expect(sameCell(null, undefined)).toBe(true);
    expect(sameCell(null, 0)).toBe(false);
    expect(sameCell(Rational.ZERO, undefined)).toBe(false);
    expect(sameCell('是', '是')).toBe(true);
    expect(sameCell('是', '否')).toBe(false);
    expect(sameCell(Rational.int(1), '1')).toBe(false);
  });
});

describe('the diff document in Markdown', () => {
  it('lists at most 30 rows a section and says how many more, within a pull-request comment\'s size', async () => {
    const { renderDiffMarkdown } = await import('../src/render/diff-markdown.js');
    const column = { key: 'sqmy', header: '社情民意报送', kind: 'int' as const };
    const members = Array.from({ length: 40 }, (_, i) => ({
      key: String(i).padStart(4, '0'), label: `会员${i}`, context: '某支部', status: 'changed' as const,
      cells: [{ column, before: 0, after: 1, changed: true }],
    }));
    const year = (y: number) => ({ year: y, files: [], lock: undefined, only: undefined, unavailable: [], branches: [], cells: [], members });
    const md = renderDiffMarkdown({ lang: 'zh', base: 'main', head: '工作区', files: [{ path: 'members.csv', change: 'changed', year: undefined }], years: [year(2019)] });
    expect(md.match(/^\| `\d{4}` \|/gm)?.length).toBe(30);
    expect(md).toContain('\n另有 10 行未列出（全部：mj diff --format json）。\n');
    // Forty years of it: the rows stop once the text passes its budget, the counts stay.
    const many = renderDiffMarkdown({ lang: 'zh', base: 'main', head: '工作区', files: [{ path: 'members.csv', change: 'changed', year: undefined }], years: Array.from({ length: 40 }, (_, i) => year(1980 + i)) });
    expect(many.length).toBeLessThan(65_536);
    expect(many).toContain('### 2019 年');
    expect(many).toContain('另有 40 行未列出');
  });

  it('masks members\' names with --mask', async () => {
    const repo = join(scratch(), 'm');
    copyDataset(TINY, repo);
    const old = join(scratch(), 'old');
    copyDataset(TINY, old);
    edit(repo);
    const r = await mj(['diff', old, repo, '--mask'], { cwd: repo });
    expect(r.stdout).toContain('0013 马**（贵阳市第一人民医院支部）');
    expect(r.stdout).not.toContain('马晓东');
  });
});
