// Every diagnostic code has a case under tests/fixtures/invalid/<CODE>-<what>/ that triggers
// it, and a golden text output (expected.txt): of mj validate, or of the case's `command`; and
// validate's JSON in English (expected.en.json: each problem's field, message and hint). UPDATE_GOLDEN=1 rewrites the goldens; review
// the diff before committing.

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CODES } from '../src/diagnostics/codes.js';
import { mj } from './helpers/cli.js';
import { buildCase, FIXTURES } from './helpers/fixtures.js';

const INVALID = join(FIXTURES, 'invalid');
const cases = readdirSync(INVALID).sort();
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('diagnostic catalogue', () => {
  it('has a fixture for every code', () => {
    const covered = new Set(cases.map((c) => c.slice(0, 5)));
    const missing = Object.keys(CODES).filter((code) => !covered.has(code));
    expect(missing).toEqual([]);
  });
});

describe.each(cases)('%s', (name) => {
  const code = name.slice(0, 5);
  it('reports its code, and the text output matches the golden file', async () => {
    const { dir, args, command } = buildCase(join(INVALID, name));
    made.push(dir);
    // A case may run another command (mj import …): its text output names the code.
    const json = command ? undefined : await mj(['validate', '--format', 'json', ...args], { cwd: dir });
    if (json) {
      const codes = (JSON.parse(json.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
      expect(codes).toContain(code);
    }
    const text = await mj([...(command ?? ['validate']), '--no-color', ...args], { cwd: dir });
    if (command) expect(`${text.stdout}${text.stderr}`).toContain(` ${code} `);
    const actual = `${text.stdout}${text.stderr}exit: ${text.code}\n`;
    const golden = join(INVALID, name, 'expected.txt');
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, actual);
    if (!existsSync(golden)) expect.fail(`${name}/expected.txt is missing: run with UPDATE_GOLDEN=1 to write it, then review it`);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
    if (json) expect(json.code).toBe(text.code);
  });

  // The same problems as CI reads them (JSON: field, message and hint) and in English.
  it('its JSON in English matches the golden file', async () => {
    const { dir, args, command } = buildCase(join(INVALID, name));
    made.push(dir);
    if (command) return;
    const json = await mj(['validate', '--format', 'json', '--lang', 'en', ...args], { cwd: dir });
    const actual = `${json.stdout}${json.stderr}exit: ${json.code}\n`;
    const golden = join(INVALID, name, 'expected.en.json');
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, actual);
    if (!existsSync(golden)) expect.fail(`${name}/expected.en.json is missing: run with UPDATE_GOLDEN=1 to write it, then review it`);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});
