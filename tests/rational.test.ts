import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../src/util/decimal-text.js';

const r = Rational.parse;

describe('Rational', () => {
  it('adds decimals exactly: 0.1 + 0.2 is 0.3', () => {
    expect(r('0.1').add(r('0.2')).cmp(r('0.3'))).toBe(0);
    expect(r('0.1').add(r('0.2')).toFixed(2)).toBe('0.30');
  });

  it('rounds half away from zero', () => {
    expect(r('2.345').toFixed(2)).toBe('2.35');
    expect(r('-2.345').toFixed(2)).toBe('-2.35');
    expect(r('2.344').toFixed(2)).toBe('2.34');
    expect(Rational.of(2n, 3n).toFixed(4)).toBe('0.6667');
    expect(r('-0.001').toFixed(2)).toBe('0.00');
  });

  it('floors toward negative infinity', () => {
    expect(Rational.of(7n, 2n).floor()).toBe(3n);
    expect(Rational.of(-7n, 2n).floor()).toBe(-4n);
  });

  it('takes the smallest integer not below a value: a whole n is ≥ x exactly when n ≥ ceil(x)', () => {
    expect(Rational.of(7n, 2n).ceil()).toBe(4n);
    expect(Rational.of(-7n, 2n).ceil()).toBe(-3n);
    expect(Rational.int(3).ceil()).toBe(3n);
    expect(Rational.ZERO.ceil()).toBe(0n);
    const dec = fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 4 })).map(([n, k]) => Rational.of(BigInt(n), 10n ** BigInt(k)));
    fc.assert(fc.property(dec, fc.integer({ min: -200, max: 200 }), (x, n) => (Rational.int(n).cmp(x) >= 0) === (BigInt(n) >= x.ceil())), { seed: 2, numRuns: 500 });
  });

  it('keeps a + b - b = a for any decimals', () => {
    const dec = fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 4 })).map(([n, k]) => Rational.of(BigInt(n), 10n ** BigInt(k)));
    fc.assert(fc.property(dec, dec, (a, b) => a.add(b).sub(b).cmp(a) === 0), { seed: 1, numRuns: 200 });
  });

  it('writes the shortest decimal, and a long run of zeros before the point in linear time', () => {
    expect(r('2.50').toShort()).toBe('2.5');
    expect(r('3.00').toShort()).toBe('3');
    expect(r('100').toShort()).toBe('100');
    expect(r('-0.10').toShort(4)).toBe('-0.1');
    const big = '1' + '0'.repeat(100_000) + '.5';
    const t0 = performance.now();
    expect(r(big).toShort()).toBe(big);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
