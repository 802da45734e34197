import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml, DEFAULT_YAML_LIMITS, type Path, type RawValue } from '../src/source/yaml.js';
import { parseSimpleYaml } from '../src/source/yaml-fast.js';
import { parseYamlFull } from '../src/source/yaml-full.js';

describe('parseYaml', () => {
  it('keeps numbers as their source text, so ids keep leading zeros', async () => {
    const doc = await parseYaml('id: 0012\nhours: 2.50\nbig: 1.23E+17\nflag: true\nnone: ~\n');
    expect(doc.value).toEqual({ id: '0012', hours: '2.50', big: '1.23E+17', flag: true, none: null });
  });

  it('locates a node, or its nearest ancestor when a key is missing', async () => {
    const doc = await parseYaml('- id: a\n  name: x\n- id: b\n');
    expect(doc.locate([1, 'id'])).toEqual({ line: 3, column: 7 });
    expect(doc.locate([1, 'name'])).toEqual({ line: 3, column: 3 });
  });

  it('reports duplicate keys with their position', async () => {
    const doc = await parseYaml('a: 1\nb: 2\na: 3\n');
    expect(doc.problems).toEqual([{ kind: 'duplicate-key', line: 3, column: 1, key: 'a' }]);
  });

  it('stops an alias bomb by its expanded size, before building any of it', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const t0 = performance.now();
    const doc = await parseYaml(bomb.join('\n') + '\n');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(doc.value).toBeUndefined();
    // At the alias that takes the count past the limit: the 7th *f of g (a … f hold 747,331 nodes, each *f 664,301).
    expect(doc.problems).toEqual([{ kind: 'size-limit', line: 7, column: 32, limit: DEFAULT_YAML_LIMITS.maxNodes }]);
  });

  it('stops a bomb of ten thousand aliases, wide rather than deep, by its size', async () => {
    const lines = ['a: &a [' + Array(1000).fill('x').join(', ') + ']', 'b: &b [' + Array(1000).fill('*a').join(', ') + ']', 'c: [' + Array(10_000).fill('*b').join(', ') + ']'];
    const t0 = performance.now();
    const doc = await parseYaml(lines.join('\n') + '\n');
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(doc.value).toBeUndefined();
    expect(doc.problems.map((p) => p.kind)).toEqual(['size-limit']);
  });

  it('reads one anchor reused by hundreds of entries, as orgs.yaml may (`parent: *gy`)', async () => {
    const lines = ['- { id: &gy gy, name: 贵阳, type: 市委会 }'];
    for (let i = 0; i < 300; i++) lines.push(`- { id: b${i}, name: 支部${i}, type: 支部, parent: *gy }`);
    const doc = await parseYaml(lines.join('\n') + '\n');
    expect(doc.problems).toEqual([]);
    const value = doc.value as { parent?: string }[];
    expect(value).toHaveLength(301);
    expect(value[300]!.parent).toBe('gy');
    expect(doc.locate([300, 'parent'])).toEqual({ line: 301, column: 46 });
  });

  it('resolves 5,000 aliases in time linear in the document (not one search of the document each)', () => {
    // Measured against the same document without aliases, both through the full reader: the
    // YAML library's own parsing is most of the time, and the machine's load must not decide.
    const text = (parent: string): string => {
      const lines = ['- { id: &gy gy, name: 贵阳, type: 市委会 }'];
      for (let i = 0; i < 5_000; i++) lines.push(`- { id: b${i}, name: 支部${i}, type: 支部, parent: ${parent} }`);
      return lines.join('\n') + '\n';
    };
    const limits = { ...DEFAULT_YAML_LIMITS, maxAliases: 100_000 };
    let t0 = performance.now();
    expect(parseYamlFull(text('gy'), limits).problems).toEqual([]);
    const plain = performance.now() - t0;
    t0 = performance.now();
    const doc = parseYamlFull(text('*gy'), limits);
    const aliased = performance.now() - t0;
    expect(doc.problems).toEqual([]);
    expect((doc.value as { parent: string }[])[5_000]!.parent).toBe('gy');
    expect(aliased).toBeLessThan(2 * plain + 1000);
  });

  it('takes the anchor defined last before an alias, as YAML says', async () => {
    const doc = await parseYaml('a: &x 1\nb: *x\nc: &x 2\nd: *x\n');
    expect(doc.value).toEqual({ a: '1', b: '1', c: '2', d: '2' });
  });

  it('refuses an alias inside its own anchor', async () => {
    const doc = await parseYaml('a: &x [1, *x]\n');
    expect(doc.value).toBeUndefined();
    expect(doc.problems.map((p) => p.kind)).toEqual(['syntax']);
  });

  it('stops deep nesting', async () => {
    const doc = await parseYaml('['.repeat(100) + ']'.repeat(100) + '\n');
    expect(doc.problems[0]?.kind).toBe('depth-limit');
  });

  it('reports syntax errors with a position', async () => {
    const doc = await parseYaml('a: [1, 2\nb: 3\n');
    expect(doc.problems[0]).toMatchObject({ kind: 'syntax' });
    expect(doc.problems[0]!.line).toBeGreaterThan(0);
  });
});

/** Every path of a plain tree. */
function paths(v: RawValue | undefined, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function sameAsFull(text: string): void {
  const fast = parseSimpleYaml(text, 64, 5_000_000);
  const full = parseYamlFull(text, DEFAULT_YAML_LIMITS);
  if (!fast) return; // left to the full reader: nothing to compare
  expect(full.problems).toEqual([]);
  expect(fast.value).toEqual(full.value);
  for (const p of paths(full.value)) {
    expect([p, fast.locate(p)]).toEqual([p, full.locate(p)]);
    if (p.length > 0 && typeof p[p.length - 1] === 'string') expect([p, fast.locateKey(p)]).toEqual([p, full.locateKey(p)]);
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => /\.ya?ml$/.test(f) && statSync(f).isFile());
}

describe('the fast YAML reader', () => {
  const ROOT = join(import.meta.dirname, '..');
  const files = [...yamlFiles(join(ROOT, 'data-examples')), ...yamlFiles(join(ROOT, 'tests', 'fixtures')), ...yamlFiles(join(ROOT, 'templates'))];

  // Templates as mj init fills them (the name goes in as a quoted string).
  const text = (f: string): string => readFileSync(f, 'utf8').replace(/\{\{name_yaml\}\}/g, '"民进某某省委"');

  it('reads the data files it is meant for', () => {
    for (const f of [join(ROOT, 'data-examples', 'guizhou', 'orgs.yaml'), join(ROOT, 'data-examples', 'guizhou', 'rubrics', '2019.yaml'), join(ROOT, 'templates', 'orgs.yaml')]) {
      expect(parseSimpleYaml(text(f), 64, 5_000_000), f).toBeDefined();
    }
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('agrees with the full reader on %s', (_name, f) => sameAsFull(text(f)));

  it('agrees with the full reader on random documents', () => {
    const scalar = fc.oneof(
      fc.constantFrom('0012', '2.5', '-5', 'true', 'False', '~', 'null', '', 'abc', '贵州大学支部', 'a b', 'x-1', '2019-03-05', '1.23E+17', "'q'", '"dq"', "'it''s'", 'a:b', 'http://x'),
      fc.string({ unit: fc.constantFrom('a', '中', ' ', '-', '1', ':', '#', ',', "'", '"'), maxLength: 6 }),
    );
    const key = fc.constantFrom('id', 'name', 'type', 'parent', '名称', 'max_grade', 'at_least');
    const leaf = scalar;
    const flow = fc.oneof(
      fc.array(leaf, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
      fc.array(fc.tuple(key, leaf), { maxLength: 3 }).map((xs) => `{ ${xs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
    );
    const value = fc.oneof(leaf, flow);
    const item = fc.array(fc.tuple(key, value, fc.boolean()), { minLength: 1, maxLength: 4 }).map((kvs) =>
      kvs.map(([k, v, c], i) => `${i === 0 ? '- ' : '  '}${k}: ${v}${c ? '   # note' : ''}`).join('\n'),
    );
    fc.assert(fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), (items) => sameAsFull(items.join('\n') + '\n')), { seed: 41, numRuns: 400 });
  });

  it('leaves anchors, aliases, tags and block scalars to the full reader', () => {
    for (const t of ['a: &x 1\nb: *x\n', 'a: !tag 1\n', 'a: |\n  text\n', 'a: "esc\\n"\n', 'a:\tb\n', 'a: [1,\n  2]\n']) {
      expect(parseSimpleYaml(t, 64, 1000), t).toBeUndefined();
    }
  });
});
