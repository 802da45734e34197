// The CLI end to end, in-process: exit codes, formats, languages, usage errors.

import { mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { BASE, copyDataset, scratchDirs } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'data-examples', 'tiny');
const scratch = scratchDirs();
function copyBase(): string {
  const d = scratch();
  cpSync(BASE, d, { recursive: true });
  return d;
}

describe('mj validate', () => {
  it('prints a one-line summary and exits 0 on a clean dataset', async () => {
    const r = await mj(['validate', '--data', TINY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('民进示例省委：组织 8 个（支部 5 个），会员 31 人（在册 27 人），履职记录 2019 年 64 条，评分表 2019 年；检查通过。\n');
  });

  it('finds the dataset by walking up from the current folder', async () => {
    const r = await mj(['validate'], { cwd: join(TINY, 'activities') });
    expect(r.code).toBe(0);
  });

  it('says in English when asked, by option or by LANG', async () => {
    const a = await mj(['validate', '--data', TINY, '--lang', 'en']);
    expect(a.stdout).toContain('all checks passed');
    const b = await mj(['validate', '--data', TINY], { env: { LANG: 'en_US.UTF-8' } });
    expect(b.stdout).toContain('all checks passed');
    const c = await mj(['validate', '--data', TINY], { env: { LANG: 'C.UTF-8' } });
    expect(c.stdout).toContain('检查通过');
  });

  it('reports MJ001 and exits 2 when there is no dataset', async () => {
    const empty = scratch();
    const r = await mj(['validate'], { cwd: empty });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('错误 MJ001 找不到数据集');
    expect(r.stdout).toContain('提示：在数据目录中运行，或用 --data 指定数据目录');
    const missing = await mj(['validate', '--data', join(empty, 'nope'), '--format', 'json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).diagnostics[0].code).toBe('MJ001');
  });

  it('reports MJ107 for a record over 1 MiB and goes on with the next rows', async () => {
    const d = copyBase();
    const file = join(d, 'activities', '2019.csv');
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    lines.splice(3, 0, `A900,2019-05-01,其他,gy-edu1,0001,${'长'.repeat((1 << 20) + 10)},,,,,`);
    writeFileSync(file, lines.join('\n'));
    const r = await mj(['validate', '--format', 'json'], { cwd: d });
    const diags = JSON.parse(r.stdout).diagnostics as { code: string; line: number }[];
    expect(diags.map((x) => [x.code, x.line])).toEqual([['MJ107', 4]]);
    expect(r.code).toBe(1);
  });

  it('gives every diagnostic as data with --format json', async () => {
    const d = copyBase();
    writeFileSync(join(d, 'members.csv'), readFileSync(join(d, 'members.csv'), 'utf8').replace('0005,陈静,女,', '0005,陈静,女性,').replace(',gy-med1,', ',gy-med9,'));
    const r = await mj(['validate', '--format', 'json'], { cwd: d });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.errors).toBe(2);
    expect(doc.diagnostics.map((x: { code: string; line: number; column: number; field: string }) => [x.code, x.line, x.column, x.field])).toEqual([
      ['MJ203', 6, 9, 'gender'],
      ['MJ302', 9, 33, 'org'],
    ]);
    expect(doc.diagnostics[1].hint).toContain('是否为 gy-med1？');
  });

  it('writes GitHub workflow annotations with --format github', async () => {
    const d = copyBase();
    writeFileSync(join(d, 'members.csv'), readFileSync(join(d, 'members.csv'), 'utf8').replace('0005,陈静,女,', '0005,陈静,女性,'));
    const r = await mj(['validate', '--format', 'github'], { cwd: d });
    expect(r.stdout.split('\n')[0]).toBe('::error file=members.csv,line=6,col=9,title=MJ203::“性别”的值“女性”不在可选范围内 — 是否为 女？');
  });

  it('prints the first N in full and counts the rest', async () => {
    const d = copyBase();
    const csv = readFileSync(join(d, 'members.csv'), 'utf8').replace(/,男,/g, ',M,');
    writeFileSync(join(d, 'members.csv'), csv);
    const r = await mj(['validate', '--max-diagnostics', '2'], { cwd: d });
    expect(r.stdout.match(/错误 MJ203/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/共 \d+ 个错误，0 个警告（MJ203 ×\d+）；另有 \d+ 条未显示，用 --max-diagnostics 0 显示全部。/);
  });

  it('fails on warnings only with --strict', async () => {
    const d = copyBase();
    const rows = readFileSync(join(d, 'members.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(join(d, 'members.csv'), rows.map((l, i) => `${l},${i === 0 ? '手机号' : '13800000000'}`).join('\n') + '\n');
    expect((await mj(['validate'], { cwd: d })).code).toBe(0);
    expect((await mj(['validate', '--strict'], { cwd: d })).code).toBe(1);
  });

  it('only colours output on a terminal, never with NO_COLOR or --no-color', async () => {
    const d = copyBase();
    writeFileSync(join(d, 'members.csv'), readFileSync(join(d, 'members.csv'), 'utf8').replace('0005,陈静,女,', '0005,陈静,女性,'));
    expect((await mj(['validate'], { cwd: d })).stdout).not.toContain('\u001b[');
    expect((await mj(['validate'], { cwd: d, tty: true })).stdout).toContain('\u001b[');
    expect((await mj(['validate'], { cwd: d, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await mj(['validate', '--no-color'], { cwd: d, tty: true })).stdout).not.toContain('\u001b[');
  });
});

describe('usage errors', () => {
  it('exits 2 with a Chinese message for an unknown option', async () => {
    const r = await mj(['validate', '--frmat', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mj: 未知选项 --frmat');
  });

  it('exits 2 for a bad format, language, encoding or number', async () => {
    expect((await mj(['validate', '--data', TINY, '--format', 'xml'])).code).toBe(2);
    expect((await mj(['validate', '--data', TINY, '--lang', 'fr'])).code).toBe(2);
    expect((await mj(['validate', '--data', TINY, '--encoding', 'latin9'])).code).toBe(2);
    expect((await mj(['validate', '--data', TINY, '--max-diagnostics', 'many'])).code).toBe(2);
  });

  it('exits 2 for an unknown command', async () => {
    const r = await mj(['valdate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知命令 valdate');
  });

  it('prints the version and help with exit 0', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const v = await mj(['--version']);
    expect([v.code, v.stdout.trim()]).toEqual([0, pkg.version]);
    const h = await mj(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('validate');
    expect((await mj(['help', 'score'])).code).toBe(0);
    expect((await mj(['help'])).code).toBe(0);
  });

  it('says which table is missing when mj stats is given options but no table', async () => {
    const r = await mj(['stats', '--data', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stats 后面要写 branches、members、roster、trainings、trainees、reserve、reserve-structure 中的一个');
    expect((await mj(['stats', 'branches', '2019', '--dat', 'x'])).stderr).toContain('未知选项 --dat');
  });

  it('says in words what an argument is, and how many a command takes (never commander\'s English)', async () => {
    const usage = async (args: string[]): Promise<string> => {
      const r = await mj([...args, '--data', TINY]);
      expect(r.code).toBe(2);
      return r.stderr.split('\n')[0]!;
    };
    expect(await usage(['score'])).toBe('mj: 缺少参数：年份，例如 2019');
    expect(await usage(['trend'])).toBe('mj: 缺少参数：年度范围，例如 2017..2019');
    expect(await usage(['validate', '2019'])).toBe('mj: validate 后面不用写参数（这里多写了 1 个）');
    expect(await usage(['stats', 'branches', '2019', '2020'])).toBe('mj: stats branches 最多写 1 个参数，这里写了 2 个');
    expect(await usage(['stats', '2019'])).toBe('mj: stats 后面要写 branches、members、roster、trainings、trainees、reserve、reserve-structure 中的一个，例如 mj stats branches 2019');
    expect(await usage(['score', '--lang', 'en'])).toBe('mj: missing argument: the year, e.g. 2019');
    expect(await usage(['validate', '2019', '--lang', 'en'])).toBe('mj: validate takes no arguments (1 given)');
  });

  it('shows the help on stderr with exit 2 when the command is missing', async () => {
    for (const args of [[], ['stats']]) {
      const r = await mj(args);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toContain('用法：');
    }
  });

  it('writes help headings in Chinese, or English with --lang en', async () => {
    const zh = await mj(['score', '--help']);
    expect(zh.stdout).toMatch(/^用法： mj score/);
    expect(zh.stdout).toContain('参数：');
    expect(zh.stdout).toContain('选项：');
    expect(zh.stdout).not.toContain('Options:');
    expect((await mj(['--help'])).stdout).toContain('命令：');
    const en = await mj(['score', '--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/^Usage: mj score/);
    expect(en.stdout).toContain('Options:');
  });
});

describe('mj schema', () => {
  it('prints the JSON Schema of every file kind', async () => {
    const r = await mj(['schema']);
    expect(r.code).toBe(0);
    const all = JSON.parse(r.stdout) as Record<string, { title: string }>;
    expect(Object.keys(all)).toEqual([
      'mj.schema.json', 'orgs.schema.json', 'members.schema.json', 'activities.schema.json', 'assessments.schema.json', 'rubric.schema.json',
      'transfers.schema.json', 'reserve.schema.json', 'liaisons.schema.json', 'inspections.schema.json', 'findings.schema.json', 'leaders.schema.json', 'reviews.schema.json',
    ]);
    // A number as an editor reads it, or its text as mj does; full marks above 0 either way.
    const rubric = all['rubric.schema.json'] as unknown as { properties: { total: { anyOf: { type: string }[] } } };
    expect(rubric.properties.total.anyOf.map((s) => s.type)).toEqual(['number', 'string']);
  });

  it('writes them into a folder with --out', async () => {
    const d = scratch();
    mkdirSync(join(d, 'x'));
    const r = await mj(['schema', '--out', 'x/schemas'], { cwd: d });
    expect(r.code).toBe(0);
    expect(readdirSync(join(d, 'x', 'schemas')).sort()).toEqual([
      'activities.schema.json', 'assessments.schema.json', 'findings.schema.json', 'inspections.schema.json', 'leaders.schema.json', 'liaisons.schema.json',
      'members.schema.json', 'mj.schema.json', 'orgs.schema.json', 'reserve.schema.json', 'reviews.schema.json', 'rubric.schema.json', 'transfers.schema.json',
    ]);
  });
});

describe('reading what clerks export', () => {
  it('reads a roster with a UTF-8 BOM and CRLF line ends', async () => {
    const d = copyBase();
    const text = readFileSync(join(d, 'members.csv'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(join(d, 'members.csv'), '\uFEFF' + text);
    const r = await mj(['validate'], { cwd: d });
    expect([r.code, r.stdout]).toEqual([0, expect.stringContaining('检查通过')]);
  });

  it('reads a YAML roster whose unquoted ids keep their leading zeros', async () => {
    const d = copyBase();
    const rows = readFileSync(join(d, 'members.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const yaml = rows
      .filter((c) => !c.some((x) => x.includes('"')))
      .map((c) => `- { id: ${c[0]}, name: ${c[1]}, gender: ${c[2]}, joined: ${c[5]}, org: ${c[6]}${c[14] ? `, status: ${c[14]}` : ''}${c[15] ? `, left: ${c[15]}` : ''} }`)
      .join('\n');
    rmSync(join(d, 'members.csv'));
    writeFileSync(join(d, 'members.yaml'), yaml + '\n');
    const r = await mj(['validate', '--format', 'json'], { cwd: d });
    const codes = (JSON.parse(r.stdout).diagnostics as { code: string; file: string }[]).map((x) => x.code);
    // Rows 0016 and 0018 (quoted employers) were left out: only references to them may fail.
    expect(new Set(codes)).toEqual(new Set(['MJ303']));
  });
});

describe("Excel's leading-zero damage to the roster", () => {
  it('is named once, at members.csv, when one id lost its zeros — not at the files that are right', async () => {
    const d = scratch();
    copyDataset(TINY, d);
    const file = join(d, 'members.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^0004,/m, '4,'));
    const r = await mj(['validate', '--format', 'json'], { cwd: d });
    const list = (JSON.parse(r.stdout) as { diagnostics: { code: string; file: string; line: number; message: string; hint: string }[] }).diagnostics;
    expect(list.map((x) => [x.code, x.file, x.line])).toEqual([['MJ313', 'members.csv', 5]]);
    expect(list[0]!.message).toContain('名册中有 1 个会员编号开头的 0 被 Excel 去掉了（如“4”');
    expect(list[0]!.hint).toContain('“文本”');
    expect(r.stdout).not.toContain('0002');
  });

  it('still reports a reference that is simply unknown', async () => {
    const d = scratch();
    copyDataset(TINY, d);
    const file = join(d, 'members.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^0004,/m, '4,'));
    const act = join(d, 'activities', '2019.csv');
    writeFileSync(act, readFileSync(act, 'utf8').replace(/,0001;/, ',0999;'));
    const r = await mj(['validate', '--format', 'json'], { cwd: d });
    const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((x) => x.code);
    expect(codes.sort()).toEqual(['MJ303', 'MJ313']);
  });
});

describe('CR-only line ends (Excel for Mac)', () => {
  it('read line by line: the same scores, and problems at the right line with their excerpt', async () => {
    const d = scratch();
    copyDataset(TINY, d);
    for (const f of ['members.csv', 'activities/2019.csv']) writeFileSync(join(d, f), readFileSync(join(TINY, f), 'utf8').replace(/\n/g, '\r'));
    const r = await mj(['score', '2019', '--format', 'csv'], { cwd: d });
    expect(r.stdout).toBe((await mj(['score', '2019', '--format', 'csv'], { cwd: TINY })).stdout);
    expect(r.stderr).toContain('2 个警告');
    const act = join(d, 'activities', '2019.csv');
    writeFileSync(act, readFileSync(act, 'utf8').replace('A057,2019-12-05,宣传', 'A057,2019-12-05,宣称'));
    const v = await mj(['validate'], { cwd: d });
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/activities\/2019\.csv:58:\d+: 错误 MJ203 “类型”的值“宣称”/);
    expect(v.stdout).toContain('58 | A057,2019-12-05,宣称');
  });
});

describe('folders of yearly files that cannot be read', () => {
  it('a file where the assessments folder should be is reported, not read as nothing', async () => {
    const d = scratch();
    copyDataset(TINY, d);
    rmSync(join(d, 'assessments'), { recursive: true });
    writeFileSync(join(d, 'assessments'), 'not a folder');
    const v = await mj(['validate'], { cwd: d });
    expect(v.code).toBe(3);
    expect(v.stdout).toContain('assessments: 错误 MJ003 无法读取文件：这应该是存放每年文件的文件夹，却是一个文件');
    expect((await mj(['score', '2019'], { cwd: d })).code).toBe(3);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable records folder is reported (not: 检查通过)', async () => {
    const d = scratch();
    copyDataset(TINY, d);
    const { chmodSync } = await import('node:fs');
    chmodSync(join(d, 'activities'), 0o000);
    try {
      const v = await mj(['validate'], { cwd: d });
      expect(v.code).toBe(3);
      expect(v.stdout).toContain('MJ003');
      expect(v.stdout).not.toContain('检查通过');
    } finally {
      chmodSync(join(d, 'activities'), 0o755);
    }
  });
});

describe('file patterns in mj.yaml', () => {
  it('a yearly pattern without {year} in the file name, or {year} in a single file, is an error at mj.yaml', async () => {
    for (const [key, pattern] of [['activities', 'activities.csv'], ['rubrics', '{year}/rubric.yaml'], ['members', 'members-{year}.csv']]) {
      const d = scratch();
      copyDataset(TINY, d);
      writeFileSync(join(d, 'mj.yaml'), `name: 民进示例省委\nfiles:\n  ${key}: ${JSON.stringify(pattern)}\n`);
      const v = await mj(['validate', '--format', 'json'], { cwd: d });
      const list = (JSON.parse(v.stdout) as { diagnostics: { code: string; file: string; line: number; field: string }[] }).diagnostics;
      expect(list.filter((x) => x.code === 'MJ121').map((x) => [x.file, x.line, x.field]), pattern).toEqual([['mj.yaml', 3, `files.${key}`]]);
      expect(v.code).toBe(1);
    }
  });

  it('a pattern that leaves the dataset folder is MJ008', async () => {
    const d = scratch();
    copyDataset(TINY, d);
    writeFileSync(join(d, 'mj.yaml'), 'name: 民进示例省委\nfiles:\n  activities: ../elsewhere/{year}.csv\n');
    const v = await mj(['validate'], { cwd: d });
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('MJ008');
  });
});
