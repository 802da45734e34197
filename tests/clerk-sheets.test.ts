// The example clerks' sheets (data-examples/clerk-sheets/) are exactly what their generator
// writes, and real spreadsheet programs open them: LibreOffice reads each workbook back.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDirs } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const SHEETS = join(ROOT, 'data-examples', 'clerk-sheets');
const scratch = scratchDirs('mj-sheets-');

describe('npm run gen:sheets', () => {
  it('rebuilds data-examples/clerk-sheets byte for byte', () => {
    const out = scratch();
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-clerk-sheets.mjs'), '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const made = readdirSync(out).sort();
    expect(made).toEqual(readdirSync(SHEETS).sort());
    for (const f of made) expect(readFileSync(join(out, f)).equals(readFileSync(join(SHEETS, f))), f).toBe(true);
  });

  it('writes workbooks LibreOffice opens', () => {
    const out = scratch();
    const books = readdirSync(SHEETS).filter((f) => f.endsWith('.xlsx')).map((f) => join(SHEETS, f));
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, ...books], { encoding: 'utf8', timeout: 90_000, env: { ...process.env, HOME: out } });
    if (r.error) {
      console.warn('clerk-sheets.test: LibreOffice (soffice) is not available');
      return;
    }
    const branch = join(out, '贵阳一中支部2019年履职情况.csv');
    expect(existsSync(branch), r.stderr).toBe(true);
    expect(readFileSync(branch, 'utf8')).toContain('支部年终民主评议');
    expect(readFileSync(join(out, '会员信息导出.csv'), 'utf8')).toContain('0033,田野');
  }, 120_000);
});
