// The layers of ARCHITECTURE.md are enforced by the lint: a wrong import, a Node module in pure
// code, or the clock fails `npm test`. This pins the rules themselves, so they cannot rot away.

import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function problems(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (r?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the lint enforces the layers', () => {
  it('refuses an import against the direction of the pipeline', async () => {
    expect(await problems('src/compute/x.ts', "import { loadBase } from '../load/dataset.js';\nexport const f = loadBase;\n")).toContain('no-restricted-imports');
    expect(await problems('src/scan/x.ts', "import { ScoreCounts } from '../compute/score-counts.js';\nexport const f = ScoreCounts;\n")).toContain('no-restricted-imports');
    expect(await problems('src/tables/x.ts', "import { emit } from '../commands/output.js';\nexport const f = emit;\n")).toContain('no-restricted-imports');
    expect(await problems('src/commands/x.ts', "import { IdIndex } from '../scan/id-index.js';\nexport const f = IdIndex;\n")).toContain('no-restricted-imports');
    // git and file hashes: I/O, below everything that may use them, and never reached from pure code.
    expect(await problems('src/compute/x.ts', "import { fileHash } from '../repo/hash.js';\nexport const f = fileHash;\n")).toContain('no-restricted-imports');
    expect(await problems('src/tables/x.ts', "import { repoOf } from '../repo/git.js';\nexport const f = repoOf;\n")).toContain('no-restricted-imports');
    expect(await problems('src/repo/x.ts', "import { loadBase } from '../load/dataset.js';\nexport const f = loadBase;\n")).toContain('no-restricted-imports');
  });

  it('keeps pure folders off the file system, process and the clock', async () => {
    expect(await problems('src/compute/x.ts', "import { readFile } from 'node:fs/promises';\nexport const f = readFile;\n")).toContain('no-restricted-imports');
    expect(await problems('src/tables/x.ts', 'export const f = (): string | undefined => process.env.HOME;\n')).toContain('no-restricted-globals');
    expect(await problems('src/render/x.ts', 'export const f = (): number => Date.now();\n')).toContain('no-restricted-syntax');
  });

  it('allows the imports the architecture names', async () => {
    expect(await problems('src/pipeline/x.ts', "import { ScoreCounts } from '../compute/score-counts.js';\nimport { IdIndex } from '../scan/id-index.js';\nexport const f = [ScoreCounts, IdIndex];\n")).toEqual([]);
    expect(await problems('src/compute/x.ts', "import { onRoster } from '../model/types.js';\nexport const f = onRoster;\n")).toEqual([]);
    expect(await problems('src/pipeline/x.ts', "import { fileHash } from '../repo/hash.js';\nexport const f = fileHash;\n")).toEqual([]);
    expect(await problems('src/commands/x.ts', "import { repoOf } from '../repo/git.js';\nexport const f = repoOf;\n")).toEqual([]);
  });
});
