// Builds a dataset in a temp folder: the base fixture with a case's files laid over it.
// A case folder may hold: replacement files, `args` (extra CLI arguments, one line),
// `delete` (base paths to remove, one per line), `mkdir` (folders to create, one per line),
// `command` (the mj command to run instead of validate, one line), and workbooks described as
// `NAME.xlsx.json` (a BookSpec of helpers/xlsx-build.ts, or { "ole": [streams] }, or
// { "bomb": { "blocks": n, "declared": bytes } }), built into NAME.xlsx.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll } from 'vitest';
import { entry, oleFile, workbookParts, xlsx, zeroBomb, zip, type BookSpec } from './xlsx-build.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const BASE = join(FIXTURES, 'base');
const CONTROL = new Set(['args', 'delete', 'mkdir', 'command', 'expected.txt', 'expected.en.json', 'README.md']);

export function tempDir(prefix = 'mj-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Empty temp folders, removed after the test file. */
export function scratchDirs(prefix = 'mj-test-'): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = tempDir(prefix);
    made.push(d);
    return d;
  };
}

/**
 * Copies a dataset (a bundled example) to `to`, without the reports a README command may have
 * written into it (\`mj report 2019 --data data-examples/guizhou\`): tests start from the data alone.
 */
export function copyDataset(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (src) => relative(from, src).split(sep)[0] !== 'reports' });
}

/** Copies of a folder in temp folders, removed after the test file. */
export function tempCopies(source: string): () => string {
  const scratch = scratchDirs();
  return () => {
    const d = scratch();
    cpSync(source, d, { recursive: true });
    return d;
  };
}

export function buildCase(caseDir: string): { dir: string; args: string[]; command?: string[] } {
  const dir = tempDir();
  cpSync(BASE, dir, { recursive: true });
  const control = (name: string): string[] => {
    const p = join(caseDir, name);
    return existsSync(p) ? readFileSync(p, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [];
  };
  for (const rel of control('delete')) rmSync(join(dir, rel), { recursive: true, force: true });
  for (const rel of control('mkdir')) {
    rmSync(join(dir, rel), { recursive: true, force: true });
    mkdirSync(join(dir, rel), { recursive: true });
  }
  const walk = (from: string): void => {
    for (const name of readdirSync(from)) {
      const abs = join(from, name);
      const rel = relative(caseDir, abs);
      if (from === caseDir && CONTROL.has(name)) continue;
      if (statSync(abs).isDirectory()) {
        mkdirSync(join(dir, rel), { recursive: true });
        walk(abs);
      } else if (name.endsWith('.xlsx.json')) {
        writeFileSync(join(dir, rel.slice(0, -'.json'.length)), workbookOf(JSON.parse(readFileSync(abs, 'utf8')) as WorkbookJson));
      } else {
        cpSync(abs, join(dir, rel));
      }
    }
  };
  walk(caseDir);
  const args = control('args').flatMap((l) => l.split(/\s+/));
  const command = control('command').flatMap((l) => l.split(/\s+/));
  return { dir, args, ...(command.length > 0 ? { command } : {}) };
}

type WorkbookJson = BookSpec | { ole: string[] } | { bomb: { blocks: number; declared: number } };

/** A workbook from its description in a fixture. */
export function workbookOf(spec: WorkbookJson): Buffer {
  if ('ole' in spec) return oleFile(spec.ole);
  if ('bomb' in spec) {
    const parts = workbookParts({ sheets: [{ name: 'Sheet1', rows: [['会员编号', '姓名']] }] });
    return zip([...parts.map(([n, t]) => entry(n, t)), { name: 'xl/media/image1.png', data: zeroBomb(spec.bomb.blocks), size: spec.bomb.declared, crc: 0 }]);
  }
  return xlsx(spec);
}
