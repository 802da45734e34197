// The excerpt reader (source/lines.ts): the lines asked for, decoded, from any number of them.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { maskYamlLine, readLines } from '../src/source/lines.js';
import { displayWidth } from '../src/util/width.js';
import { mj } from './helpers/cli.js';
import { BASE, scratchDirs } from './helpers/fixtures.js';

const scratch = scratchDirs();

describe('readLines', () => {
  it('reads a few lines of a file, without their line ends', async () => {
    const file = join(scratch(), 'a.csv');
    writeFileSync(file, 'a,b\r\nc,d\ne,f');
    const lines = await readLines(file, new Set([1, 3]));
    expect([...lines.entries()]).toEqual([[1, 'a,b'], [3, 'e,f']]);
  });

  it('reads a file it read before (its encoding known) only up to the last line asked for', async () => {
    // A NUL and a byte no encoding reads, past the lines wanted: a whole-file check would refuse
    // the file; an excerpt's second look never reads that far.
    const file = join(scratch(), 'late.csv');
    const head = Buffer.from('编号,标题\nA1,关于\nA2,建议\n');
    writeFileSync(file, Buffer.concat([head, Buffer.alloc(1 << 23, 0x61), Buffer.from([0x00, 0xff, 0x0a])]));
    expect([...(await readLines(file, new Set([2, 3]), 'utf-8')).entries()]).toEqual([[2, 'A1,关于'], [3, 'A2,建议']]);
    // Without the encoding, it is looked at whole, as any file is at its first reading.
    expect([...(await readLines(file, new Set([2]))).entries()]).toEqual([]);
  });

  it('reads 300,000 lines asked for at once (a set too large to spread into arguments)', async () => {
    const file = join(scratch(), 'big.csv');
    const n = 300_000;
    const rows: string[] = [];
    for (let i = 1; i <= n; i++) rows.push(`r${i}`);
    writeFileSync(file, rows.join('\n') + '\n');
    const wanted = new Set<number>();
    for (let i = 1; i <= n; i++) wanted.add(i);
    const lines = await readLines(file, wanted);
    expect(lines.size).toBe(n);
    expect(lines.get(n)).toBe(`r${n}`);
  });
});

describe('readLines with cells masked', () => {
  // The columns mj does not know (a phone, an ID number) are masked; the known ones are not.
  const unknown = (header: string): boolean => header === '手机号码' || header === '身份证号';

  it('replaces each character of an unknown column\'s cell with *, keeping every column where it was', async () => {
    const file = join(scratch(), 'm.csv');
    writeFileSync(file, [
      '会员编号,手机号码,姓名,身份证号',
      '0001,13800000000,王明华,520102196804011234',
      '0002,"139 0000 0000",李秀兰,"5201,02"',
      '0003,,张伟,',
      '0004,,刘芳,,13700000000',
    ].join('\n') + '\n');
    const lines = await readLines(file, new Set([1, 2, 3, 4, 5]), undefined, { maskCells: unknown });
    expect([...lines.values()]).toEqual([
      '会员编号,手机号码,姓名,身份证号',
      '0001,***********,王明华,******************',
      '0002,***************,李秀兰,*********',
      '0003,,张伟,',
      '0004,,刘芳,,***********', // a cell past the header's last column is in no known column
    ]);
  });

  it('masks a quoted cell over several lines, and the rows after it by their own columns', async () => {
    const file = join(scratch(), 'm.csv');
    writeFileSync(file, '会员编号,身份证号,姓名\r\n0001,"5201\r\n0219",王明华\r\n0002,52010,李秀兰\r\n');
    const lines = await readLines(file, new Set([2, 3, 4]), undefined, { maskCells: unknown });
    expect([...lines.entries()]).toEqual([[2, '0001,*****'], [3, '*****,王明华'], [4, '0002,*****,李秀兰']]);
  });

  it('masks a row the tokenizer gave up on (a quote never closed) by splitting the line itself', async () => {
    const file = join(scratch(), 'm.csv');
    writeFileSync(file, '会员编号,手机号码,姓名\n0001,"13800000000,王明华\n0002,13900000000,李秀兰\n');
    const lines = await readLines(file, new Set([2, 3]), undefined, { maskCells: unknown });
    expect([...lines.values()]).toEqual(['0001,' + '*'.repeat(16), '0002,***********,李秀兰']);
  });

  it('reads a file whose header has no unknown column as it is', async () => {
    const file = join(scratch(), 'm.csv');
    writeFileSync(file, '会员编号,姓名\n0001,王明华\n');
    const lines = await readLines(file, new Set([2]), undefined, { maskCells: unknown });
    expect(lines.get(2)).toBe('0001,王明华');
  });

  it('masks the cells of a tab-separated file (Excel\'s "Unicode 文本") by their tabs, not commas', async () => {
    const file = join(scratch(), 'm.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('会员编号\t手机号码\t姓名\r\n0001\t138,0000\t王明华\r\n', 'utf16le')]));
    const lines = await readLines(file, new Set([2]), undefined, { maskCells: unknown });
    expect(lines.get(2)).toBe('0001\t********\t王明华');
  });
});

describe('excerpts of printed diagnostics', () => {
  it('never quote the phone or ID digits of columns mj does not know, and keep the caret in place', async () => {
    const d = scratch();
    cpSync(BASE, d, { recursive: true });
    const path = join(d, 'members.csv');
    const rows = readFileSync(path, 'utf8').trimEnd().split('\n');
    const out = rows.map((r, i) => (i === 0 ? `手机号码,${r},身份证号` : `1380000${String(i).padStart(4, '0')},${r},52010219680401${String(i).padStart(4, '0')}`));
    // A bad date on row 0003, so its line is quoted under the diagnostic.
    out[3] = out[3]!.replace('2012-05-20', '2012-05-40');
    writeFileSync(path, out.join('\n') + '\n');
    const r = await mj(['validate', '--no-color'], { cwd: d });
    const text = r.stdout + r.stderr;
    expect(text).toContain('MJ202');
    expect(text).not.toMatch(/13800000003|520102196804010003/);
    const [quoted, caret] = text.split('\n').filter((l) => /^\s+\d* \| /.test(l)).slice(-2);
    expect(quoted).toContain('***********,0003,张伟');
    // The caret is under the date, as it would be with the digits shown.
    expect(caret!.indexOf('^')).toBe(displayWidth(quoted!.slice(0, quoted!.indexOf('2012-05-40'))));
  });
});

describe('maskYamlLine', () => {
  const unknown = (key: string): boolean => key === '手机号码' || key === '身份证号';

  it.each([
    ['  手机号码: "13800000000"', '  手机号码: *************'],
    ['- 手机号码: 13800000000  # 手机', '- 手机号码: ***********  # 手机'],
    ['- { id: "0001", 手机号码: 138 0000 0000, name: 王明华 }', '- { id: "0001", 手机号码: *************, name: 王明华 }'],
    ["- { '身份证号': '5201,02', 姓名: 王 }", "- { '身份证号': *********, 姓名: 王 }"],
    ['  身份证号: [5201, 02]', '  身份证号: **********'],
    ['  name: 手机号码: 1', '  name: 手机号码: 1'],
    ['  note: "手机号码: 138"', '  note: "手机号码: 138"'],
  ])('masks the value of an unknown key: %s', (line, masked) => {
    expect(maskYamlLine(line, unknown)).toBe(masked);
  });
});

describe('excerpts of a YAML record file', () => {
  it('never quote the value of a key mj does not know', async () => {
    const d = scratch();
    cpSync(BASE, d, { recursive: true });
    rmSync(join(d, 'activities', '2019.csv'));
    writeFileSync(join(d, 'activities', '2019.yaml'), [
      '- id: Y1',
      '  date: 2019-03-01',
      '  type: 学习',
      '  org: gy-edu1',
      '  title: 学习会',
      '  联系电话: "13800000000"',
      '- { id: Y2, date: 2019-03-32, type: 学习, org: gy-edu1, title: 学习会, 联系电话: 13900000000 }',
      '',
    ].join('\n'));
    const r = await mj(['validate', '--no-color'], { cwd: d });
    const text = r.stdout + r.stderr;
    expect(text).toContain('MJ104');
    expect(text).toContain('MJ202');
    expect(text).not.toMatch(/13800000000|13900000000/);
    expect(text).toContain('联系电话: *************');
  });
});
