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

  it('gives up at once on a value far longer than an id, whatever the pool (probes grow with its square)', () => {
    const pool = new Set<string>();
    for (let i = 0; i < 20000; i++) pool.add(`GZ${String(i).padStart(5, '0')}`);
    const alpha = alphabetOf(pool);
    const t0 = performance.now();
    expect(closestInSet('GZ' + '0'.repeat(100_000), pool, () => alpha)).toBeUndefined();
    expect(closest('x'.repeat(100_000), ['x', 'xy'])).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
