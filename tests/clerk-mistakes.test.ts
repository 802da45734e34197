// What clerks' files come as, read as they are: Excel's "Unicode 文本" (UTF-16 with tabs, CRLF)
// saved as members.csv, a GB18030 roster declared in mj.yaml (no warning then), --encoding used
// only where UTF-8 fails, and an .editorconfig that never tells an editor a CSV file is UTF-8.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mj } from './helpers/cli.js';
import { BASE, scratchDirs } from './helpers/fixtures.js';

const scratch = scratchDirs('mj-clerk-');
const ROOT = join(import.meta.dirname, '..');

function dataset(): string {
  const d = scratch();
  cpSync(BASE, d, { recursive: true });
  return d;
}

/** GB18030 bytes of a text, by the encoder Node lacks: each character looked up by decoding. */
function gb18030(text: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, Buffer>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const bytes = Buffer.from([a, b]);
      const ch = dec.decode(bytes);
      if (!table.has(ch)) table.set(ch, bytes);
    }
  }
  return Buffer.concat([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch) : table.get(ch)!)));
}

describe('files as clerks save them', () => {
  it('reads Excel\'s "Unicode 文本" (UTF-16, tabs, CRLF) saved as members.csv, as it is', async () => {
    const d = dataset();
    const summary = (await mj(['validate'], { cwd: d })).stdout;
    const before = (await mj(['score', '2019', '--format', 'csv'], { cwd: d })).stdout;
    const csv = readFileSync(join(d, 'members.csv'), 'utf8');
    const tsv = csv.trimEnd().split('\n').map((l) => l.split(',').join('\t')).join('\r\n') + '\r\n';
    writeFileSync(join(d, 'members.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]));
    const v = await mj(['validate'], { cwd: d });
    expect(v.stdout).toBe(summary);
    expect((await mj(['score', '2019', '--format', 'csv'], { cwd: d })).stdout).toBe(before);
  });

  it('places a problem in a tab-separated file at its character, with the line as excerpt', async () => {
    const d = dataset();
    const csv = readFileSync(join(d, 'members.csv'), 'utf8').replace('gy-edu1,正高级,研究生,硕士', 'gy-edu9,正高级,研究生,硕士');
    writeFileSync(join(d, 'members.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv.split(',').join('\t'), 'utf16le')]));
    const v = await mj(['validate', '--no-color'], { cwd: d });
    expect(v.stdout).toContain('members.csv:2:34: 错误 MJ302 “所属组织”的值“gy-edu9”不存在');
    expect(v.stdout).toContain('  2 | 0001 王明华 男 1968-04 汉族 2001-06-01 gy-edu9 正高级');
  });

  it('reads a roster mj.yaml declares GB18030 without a warning; the other files stay UTF-8', async () => {
    const d = dataset();
    const summary = (await mj(['validate'], { cwd: d })).stdout;
    writeFileSync(join(d, 'members.csv'), gb18030(readFileSync(join(d, 'members.csv'), 'utf8')));
    const warned = await mj(['validate', '--no-color'], { cwd: d });
    expect(warned.stdout).toContain('MJ005');
    writeFileSync(join(d, 'mj.yaml'), `${readFileSync(join(d, 'mj.yaml'), 'utf8')}encoding: { members.csv: gb18030 }\n`);
    const declared = await mj(['validate'], { cwd: d });
    expect(declared.stdout).toBe(summary);
  });

  it('applies --encoding only where UTF-8 fails', async () => {
    const d = dataset();
    const summary = (await mj(['validate'], { cwd: d })).stdout;
    writeFileSync(join(d, 'members.csv'), gb18030(readFileSync(join(d, 'members.csv'), 'utf8')));
    // The UTF-8 files (orgs, records, rubric) are not garbled by --encoding gb18030.
    const r = await mj(['validate', '--encoding', 'gb18030'], { cwd: d });
    expect(r.stdout).toBe(summary);
  });

  it('writes an .editorconfig that sets no charset for CSV files', () => {
    const ec = readFileSync(join(ROOT, 'templates', 'editorconfig'), 'utf8');
    const sections = [...ec.matchAll(/^\[([^\]]+)\]\n((?:(?!\[).*\n?)*)/gm)].map((m) => [m[1]!, m[2]!] as const);
    for (const [glob, body] of sections) {
      if (/charset/.test(body)) expect(glob === '*' || /csv/.test(glob), `[${glob}] sets a charset`).toBe(false);
    }
  });
});

describe('an item typed twice in a list', () => {
  it('warns (MJ215) and counts the member or the outcome once: every table as without the repeat', async () => {
    const d = dataset();
    const before = await Promise.all(['score', 'stats'].map(async (c) => (await mj([c, '2019', '--format', 'csv'], { cwd: d })).stdout));
    const members = await mj(['stats', 'members', '2019', '--format', 'csv'], { cwd: d });
    const file = join(d, 'activities', '2019.csv');
    writeFileSync(file, readFileSync(file, 'utf8')
      .replace('A001,2019-01-12,组织生活,gy-edu1,0001;0002;0003;0006;0007,', 'A001,2019-01-12,组织生活,gy-edu1,0001;0002;0003;0002;0006;0007,')
      .replace('A007,2019-06-10,社情民意,gy-edu1,0004,关于中小学教师减负的建议,省,省委会采用,', 'A007,2019-06-10,社情民意,gy-edu1,0004,关于中小学教师减负的建议,省,省委会采用;省委会采用,'));
    const v = await mj(['validate'], { cwd: d });
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('共 0 个错误，2 个警告（MJ215 ×2）。');
    const after = await Promise.all(['score', 'stats'].map(async (c) => (await mj([c, '2019', '--format', 'csv'], { cwd: d })).stdout));
    expect(after).toEqual(before);
    expect((await mj(['stats', 'members', '2019', '--format', 'csv'], { cwd: d })).stdout).toBe(members.stdout);
  });
});

describe('one mistake, one problem', () => {
  const tiny = (): string => {
    const d = scratch();
    cpSync(join(ROOT, 'data-examples', 'tiny'), d, { recursive: true });
    return d;
  };
  const codes = async (d: string): Promise<string[]> => {
    const r = await mj(['validate', '--format', 'json'], { cwd: d });
    return (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((x) => x.code);
  };

  it('an inspection row with a wrong team member is that row\'s error only: its findings still know it', async () => {
    const d = tiny();
    const file = join(d, 'inspections.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('XC2019-1,gy,2019-04-08,2019-04-19,0021;0027,', 'XC2019-1,gy,2019-04-08,2019-04-19,0021;0099,'));
    expect(await codes(d)).toEqual(['MJ303']);
  });

  it('panel rows each with an error are those errors only, not also "no row for the item" (MJ408)', async () => {
    const d = tiny();
    const file = join(d, 'assessments', '2019.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/,panel,[\d.]+,/g, ',panel,99,'));
    expect(await codes(d)).toEqual(['MJ402', 'MJ402', 'MJ402', 'MJ402', 'MJ402']);
  });

  it('every roster id stripped of its zeros by Excel is one MJ313 that counts them, and nothing in the files written right', async () => {
    const d = tiny();
    const file = join(d, 'members.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^0+(\d+),/gm, '$1,'));
    expect(await codes(d)).toEqual(['MJ313']);
    const r = await mj(['validate'], { cwd: d });
    expect(r.stdout).toContain('MJ313 名册中有 31 个会员编号开头的 0 被 Excel 去掉了');
  });
});

describe('--explain of an org no sheet scores', () => {
  it('names the org and says what the rubric scores, as a usage error', async () => {
    const r = await mj(['score', '2019', '--explain', 'sl'], { cwd: join(ROOT, 'data-examples', 'tiny') });
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'mj: 民进示例省委（sl，省委会）不是 2019 年评分表的考核对象：评分表考核的是支部']);
  });
});

describe('a roster saved under another name', () => {
  it('names members.txt beside the missing members.csv', async () => {
    const d = dataset();
    writeFileSync(join(d, 'members.txt'), readFileSync(join(d, 'members.csv')));
    (await import('node:fs')).rmSync(join(d, 'members.csv'));
    const r = await mj(['validate'], { cwd: d });
    expect(r.stdout).toContain('MJ002 缺少会员名册文件 members.csv，文件夹中有 members.txt：若它就是这份文件（如 Excel 另存的“Unicode 文本”），改成这个文件名即可');
  });
});
