import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/source/yaml.js';

describe('parseYaml', () => {
  it('keeps numbers as their source text, so ids keep leading zeros', () => {
    const doc = parseYaml('id: 0012\nhours: 2.50\nbig: 1.23E+17\nflag: true\nnone: ~\n');
    expect(doc.value).toEqual({ id: '0012', hours: '2.50', big: '1.23E+17', flag: true, none: null });
  });

  it('locates a node, or its nearest ancestor when a key is missing', () => {
    const doc = parseYaml('- id: a\n  name: x\n- id: b\n');
    expect(doc.locate([1, 'id'])).toEqual({ line: 3, column: 7 });
    expect(doc.locate([1, 'name'])).toEqual({ line: 3, column: 3 });
  });

  it('reports duplicate keys with their position', () => {
    const doc = parseYaml('a: 1\nb: 2\na: 3\n');
    expect(doc.problems).toEqual([{ kind: 'duplicate-key', line: 3, column: 1, key: 'a' }]);
  });

  it('stops an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const doc = parseYaml(bomb.join('\n') + '\n');
    expect(doc.value).toBeUndefined();
    expect(doc.problems[0]?.kind).toBe('alias-limit');
  });

  it('stops deep nesting', () => {
    const doc = parseYaml('['.repeat(100) + ']'.repeat(100) + '\n');
    expect(doc.problems[0]?.kind).toBe('depth-limit');
  });

  it('reports syntax errors with a position', () => {
    const doc = parseYaml('a: [1, 2\nb: 3\n');
    expect(doc.problems[0]).toMatchObject({ kind: 'syntax' });
    expect(doc.problems[0]!.line).toBeGreaterThan(0);
  });
});
