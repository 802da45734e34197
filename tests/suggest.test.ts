import { describe, expect, it } from 'vitest';
import { alphabetOf, closest, closestInSet, editDistance } from '../src/diagnostics/suggest.js';

describe('suggestions', () => {
  it('measures edits, with a swap of neighbours as one', () => {
    expect(editDistance('gy-edu9', 'gy-edu1', 3)).toBe(1);
    expect(editDistance('abcd', 'abdc', 3)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('finds the closest candidate, ties by code point', () => {
    expect(closest('gy-edu9', ['gy-edu1', 'gy-med1', 'sz-gzu'])).toBe('gy-edu1');
    expect(closest('x2', ['x1', 'x3'])).toBe('x1');
    expect(closest('完全不同的词', ['男', '女'])).toBeUndefined();
  });

  it('probes a large pool with single edits only', () => {
    const pool = new Set<string>();
    for (let i = 0; i < 20000; i++) pool.add(`GZ${String(i).padStart(5, '0')}`);
    const alpha = alphabetOf(pool);
    expect(closestInSet('GZ0012', pool, () => alpha)).toBe('GZ00012');
    expect(closestInSet('GZ10021', pool, () => alpha)).toBe('GZ00021');
    expect(closestInSet('gz00021', pool, () => alpha)).toBe('GZ00021');
    expect(closestInSet('nothing-like', pool, () => alpha)).toBeUndefined();
  });
});
