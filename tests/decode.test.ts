import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openText, readWholeText } from '../src/source/decode.js';
import { tempDir } from './helpers/fixtures.js';

const dir = tempDir('mj-decode-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Uint8Array | string): string => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
const gb = (text: string): Buffer => execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], { input: text });

describe('readWholeText', () => {
  it('reads strict UTF-8', async () => {
    const r = await readWholeText(file('u8.csv', '姓名,性别\n王明,男\n'));
    expect(r).toMatchObject({ ok: true, text: '姓名,性别\n王明,男\n', source: { encoding: 'utf-8', guessedGb18030: false } });
  });

  it('drops a UTF-8 BOM', async () => {
    const r = await readWholeText(file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('姓名\n')])));
    expect(r).toMatchObject({ ok: true, text: '姓名\n' });
  });

  it('honours a UTF-16 LE BOM', async () => {
    const body = Buffer.from('姓名,性别\n', 'utf16le');
    const r = await readWholeText(file('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), body])));
    expect(r).toMatchObject({ ok: true, text: '姓名,性别\n', source: { encoding: 'utf-16le' } });
  });

  it('falls back to GB18030 when the bytes are not UTF-8, and says so', async () => {
    const r = await readWholeText(file('gb.csv', gb('姓名,性别\n王明,男\n')));
    expect(r).toMatchObject({ ok: true, text: '姓名,性别\n王明,男\n', source: { encoding: 'gb18030', guessedGb18030: true } });
  });

  it('never guesses GB18030 for valid UTF-8 split across read chunks', async () => {
    const text = '中'.repeat((1 << 22) / 3 + 10);
    const r = await readWholeText(file('big.csv', text));
    expect(r.ok && r.source.encoding).toBe('utf-8');
    expect(r.ok && r.text === text).toBe(true);
  });

  it('calls a file with NUL bytes binary', async () => {
    const r = await readWholeText(file('bin.csv', Buffer.from([0x41, 0x00, 0x42])));
    expect(r).toEqual({ ok: false, failure: { kind: 'binary', offset: 1 } });
  });

  it('obeys an explicit encoding', async () => {
    const r = await readWholeText(file('gb2.csv', gb('会员\n')), { encoding: 'gb18030' });
    expect(r).toMatchObject({ ok: true, text: '会员\n', source: { guessedGb18030: false } });
  });

  it('reports bytes that the named encoding cannot read', async () => {
    const r = await readWholeText(file('bad.csv', Buffer.from([0x41, 0xff, 0x42])), { encoding: 'gb18030' });
    expect(r).toEqual({ ok: false, failure: { kind: 'undecodable', encoding: 'gb18030', line: 1, column: 2 } });
  });

  it('refuses a file over the size limit, and a folder', async () => {
    expect(await readWholeText(file('size.csv', 'abcdef'), { maxBytes: 3 })).toEqual({ ok: false, failure: { kind: 'too-large', size: 6, limit: 3 } });
    mkdirSync(join(dir, 'folder.csv'));
    expect(await readWholeText(join(dir, 'folder.csv'))).toEqual({ ok: false, failure: { kind: 'not-a-file' } });
    expect(await readWholeText(join(dir, 'missing.csv'))).toEqual({ ok: false, failure: { kind: 'missing' } });
  });
});

describe('a UTF-8 file with a damaged byte', () => {
  it('is reported at the damaged spot, not read as GB18030 (which garbles every Chinese character)', async () => {
    const dir = tempDir('mj-dec-');
    const good = '会员编号,姓名\n' + Array.from({ length: 40 }, (_, i) => `${String(i).padStart(4, '0')},王明华${i}`).join('\n') + '\n';
    const bytes = Buffer.from(good, 'utf8');
    const at = bytes.indexOf(Buffer.from('王明华7', 'utf8'));
    const damaged = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
    writeFileSync(join(dir, 'm.csv'), damaged);
    const r = await openText(join(dir, 'm.csv'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toEqual({ kind: 'undecodable', encoding: 'utf-8', line: 9, column: 6 });
    // A real GB18030 export is still read as one.
    writeFileSync(join(dir, 'g.csv'), gb(good));
    const g = await openText(join(dir, 'g.csv'));
    expect(g.ok && g.source.encoding).toBe('gb18030');
  });
});
