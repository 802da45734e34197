// The committed guizhou example is exactly what the seeded generator writes.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const out = tempDir('mj-gen-');
afterAll(() => rmSync(out, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)))
    .sort();
}

describe('npm run gen:example', () => {
  it('rebuilds data-examples/guizhou byte for byte', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-example.mjs'), '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const committed = join(ROOT, 'data-examples', 'guizhou');
    const generated = files(out);
    expect(generated.length).toBeGreaterThanOrEqual(5);
    for (const f of generated) expect(readFileSync(join(out, f)).equals(readFileSync(join(committed, f))), f).toBe(true);
  });
});
