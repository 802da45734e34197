// Control characters in data (terminal escape injection): refused as MJ214 wherever they are
// written (CSV and YAML record files, mj.yaml, orgs.yaml, rubrics), on the fast path as on the
// careful one, and never printed raw — not in excerpts, messages, hints or any output.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { excerpt, formatText, type FormatContext } from '../src/diagnostics/format.js';
import { codePointName, findControl, visible } from '../src/util/control-chars.js';
import { mj } from './helpers/cli.js';
import { buildCase, copyDataset, FIXTURES, scratchDirs } from './helpers/fixtures.js';

const TINY = join(import.meta.dirname, '..', 'data-examples', 'tiny');
const scratch = scratchDirs();
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** Any character that must never reach a terminal raw (TAB and LF are layout). */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

interface Found {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

async function validateJson(cwd: string, env: Record<string, string> = {}): Promise<Found[]> {
  const r = await mj(['validate', '--format', 'json'], { cwd, env });
  return (JSON.parse(r.stdout) as { diagnostics: Found[] }).diagnostics.map(({ code, file, line, column, message }) => ({ code, file, line, column, message }));
}

function tinyWith(file: string, edit: (text: string) => string): string {
  const d = scratch();
  copyDataset(TINY, d);
  const path = join(d, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return d;
}

describe('finding control characters', () => {
  it('finds C0 (but TAB), DEL, C1 and bidi characters; line breaks only where they are not data', () => {
    for (const c of [0x00, 0x07, 0x0b, 0x1b, 0x7f, 0x85, 0x9f, 0x202a, 0x202e, 0x2066, 0x2069]) {
      expect(findControl(`ab${String.fromCharCode(c)}`, true)).toBe(2);
    }
    for (const ok of ['a\tb', '贵阳“一中”', 'a\u00a0b', 'a\u200db', 'a\u2028b']) expect(findControl(ok, false)).toBe(-1);
    expect(findControl('a\nb\r\nc', true)).toBe(-1);
    expect(findControl('a\rb', false)).toBe(1);
    expect(codePointName(0x1b)).toBe('U+001B');
    expect(visible('a\u001b[2J\u0007\u202e\u007f')).toBe('a␛[2J␇\\u202e␡');
  });
});

describe('MJ214', () => {
  const fixture = (): string => {
    const { dir } = buildCase(join(FIXTURES, 'invalid', 'MJ214-control-characters'));
    made.push(dir);
    return dir;
  };

  it('points at the character itself in a CSV cell, quoted and multi-line included', async () => {
    const found = (await validateJson(fixture())).map((d) => [d.code, d.file, d.line, d.column]);
    expect(found).toEqual([
      ['MJ214', 'activities/2019.csv', 4, 41],
      ['MJ214', 'activities/2019.csv', 6, 4],
      ['MJ214', 'activities/2019.csv', 8, 72],
      ['MJ214', 'members.csv', 3, 9],
      ['MJ214', 'mj.yaml', 2, 7],
      ['MJ214', 'orgs.yaml', 18, 9],
      ['MJ214', 'rubrics/2019.yaml', 14, 15],
    ]);
  });

  it('is found the same on the fast path, the careful one, and across cut chunks', async () => {
    const dir = fixture();
    const careful = await validateJson(dir, { MJ_FAST_PATH: '0' });
    expect(await validateJson(dir)).toEqual(careful);
    expect(await validateJson(dir, { MJ_CHUNK_BYTES: '7' })).toEqual(careful);
  });

  it('never lets a control character out raw: validate in every format, and the commands that stop', async () => {
    const dir = fixture();
    const runs = [
      ['validate'], ['validate', '--format', 'json'], ['validate', '--format', 'github'], ['validate', '--lang', 'en'],
      ['score', '2019'], ['score', '2019', '--format', 'csv'], ['score', '2019', '--format', 'md'], ['stats', 'members', '2019'],
    ];
    for (const args of runs) {
      const r = await mj(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(1);
      expect(RAW.test(r.stdout + r.stderr), args.join(' ')).toBe(false);
    }
  });

  it('reports a bare CR in a plain CSV cell, and accepts CR LF inside a quoted one', async () => {
    const d = tinyWith('activities/2019.csv', (t) => t.replace('支部新年座谈会', '支部新年\r座谈会').replace('关于加强中小学课后服务保障的提案', '"关于加强中小学\r\n课后服务保障的提案"'));
    expect((await validateJson(d)).map((x) => [x.code, x.line, x.column])).toEqual([['MJ214', 2, 59]]);
  });

  it('judges the value without the character, so one paste is one problem', async () => {
    // 在册 + BEL is still 在册: no "not in the list" besides MJ214, no raw BEL in any message.
    const d = tinyWith('members.csv', (t) => t.replace('0001,王明华,男,1968-04,汉族,2001-06-01,gy-edu1,正高级,研究生,硕士,贵阳市第一中学,中小学,市政协委员,否,在册,', '0001,王明华,男,1968-04,汉族,2001-06-01,gy-edu1,正高级,研究生,硕士,贵阳市第一中学,中小学,市政协委员,否,在册\u0007,'));
    const found = await validateJson(d);
    expect(found.map((x) => [x.code, x.line, x.column])).toEqual([['MJ214', 2, 75]]);
    expect(found[0]!.message).toBe('“会籍状态”含有控制字符（U+0007），可能是复制粘贴带来的不可见字符');
  });

  it('reports it in a YAML record file at the value, items of a list included', async () => {
    const d = scratch();
    copyDataset(TINY, d);
    rmSync(join(d, 'activities', '2019.csv'));
    writeFileSync(join(d, 'activities', '2019.yaml'), [
      '- { id: Y1, date: 2019-03-01, type: 学习, org: gy-edu1, title: "学习\\e]0;owned\\a" }',
      '- { id: Y2, date: 2019-03-02, type: 学习, org: gy-edu1, title: 学习, tags: [新会员培训, "a\\u202eb"] }',
      '',
    ].join('\n'));
    const found = await validateJson(d);
    expect(found.map((x) => [x.code, x.file, x.line, x.column])).toEqual([
      ['MJ214', 'activities/2019.yaml', 1, 62],
      ['MJ214', 'activities/2019.yaml', 2, 80],
      // tiny's mj.yaml asks for a 新会员培训班 a year (its line 5), and these records hold none
      ['MJ701', 'mj.yaml', 5, 1],
    ]);
  });
});

describe('excerpts and messages', () => {
  const ctx = (line: string): FormatContext => ({
    lang: 'zh', suggest: () => undefined, lineText: () => line, showPath: (f) => f,
  });
  const at = (column: number, params: Diagnostic['params'] = {}, span = 1): Diagnostic => ({
    severity: 'error', code: 'MJ203', file: 'members.csv', line: 3, column, params: { label: '姓名', value: 'x', ...params }, span,
  });

  it('shows a control character as a visible symbol, with the caret under what is shown', () => {
    const line = '0002,李\u001b]52;c;QQ==\u0007\u001b[2J,\u202e女';
    const lines = excerpt(at(7, {}, 1), ctx(line));
    expect(lines).toEqual([
      '  3 | 0002,李␛]52;c;QQ==␇␛[2J,\\u202e女',
      '    | ' + ' '.repeat(7) + '^',
    ]);
    const bidi = excerpt(at(24, {}, 1), ctx(line));
    // 0002,李␛]52;c;QQ==␇␛[2J, is 24 columns wide (李 takes two); \u202e takes six.
    expect(bidi[1]).toBe('    | ' + ' '.repeat(24) + '^^^^^^');
    expect(RAW.test(lines.join('\n') + bidi.join('\n'))).toBe(false);
  });

  it('makes parameters visible and cuts a megabyte value short, caret included', () => {
    const big = 'x'.repeat(1_000_000);
    const text = formatText([at(6, { value: `a\u001b${big}` }, big.length)], ctx(`0002,a${big}`), 0);
    expect(RAW.test(text)).toBe(false);
    expect(text).toContain('“a␛xxx');
    expect(text.length).toBeLessThan(2000);
  });
});
