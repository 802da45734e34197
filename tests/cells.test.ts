// The cells' one rounding rule: whole numbers take a shortcut (their digits, no bigint
// arithmetic), which must write exactly what the Rational path writes, in every column kind.

import { describe, expect, it } from 'vitest';
import { formatCell } from '../src/render/cells.js';
import type { Column, ColumnKind } from '../src/tables/table.js';
import { Rational } from '../src/util/decimal-text.js';

const KINDS: ColumnKind[] = ['text', 'id', 'int', 'number', 'points', 'ratio'];
const col = (kind: ColumnKind): Column => ({ key: 'k', header: 'h', kind });

/** The Rational path, as formatCell takes it for a value that is not whole. */
function viaRational(r: Rational, kind: ColumnKind, style: 'machine' | 'human'): string {
  switch (kind) {
    case 'int':
      return r.toFixed(0);
    case 'points':
      return r.toFixed(2);
    case 'ratio':
      return style === 'machine' ? r.toFixed(4) : `${r.mul(Rational.int(100)).toFixed(1)}%`;
    default:
      return r.toShort(2);
  }
}

describe('formatCell', () => {
  const wholes = [0, -0, 1, 7, -1, -42, 99, 100, 255, 256, 1000, 123456789, -987654321, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];

  it('writes a whole number, as a number or a Rational, as the Rational path does', () => {
    for (const n of wholes) {
      for (const kind of KINDS) {
        for (const style of ['machine', 'human'] as const) {
          const want = viaRational(Rational.of(BigInt(n)), kind, style);
          expect(formatCell(n, col(kind), style), `${n} ${kind} ${style}`).toBe(want);
          expect(formatCell(Rational.of(BigInt(n)), col(kind), style), `${n} ${kind} ${style}`).toBe(want);
        }
      }
    }
    expect(formatCell(0.5 * 0, col('ratio'), 'human')).toBe('0.0%');
    expect(formatCell(3, col('points'), 'human')).toBe('3.00');
    expect(formatCell(-2, col('ratio'), 'machine')).toBe('-2.0000');
    expect(formatCell(1, col('ratio'), 'human')).toBe('100.0%');
  });

  it('rounds a fraction half away from zero, once', () => {
    expect(formatCell(Rational.of(5n, 1000n), col('points'), 'machine')).toBe('0.01');
    expect(formatCell(Rational.of(-5n, 1000n), col('points'), 'machine')).toBe('-0.01');
    expect(formatCell(Rational.of(1n, 3n), col('ratio'), 'human')).toBe('33.3%');
    expect(formatCell(Rational.of(5n, 2n), col('int'), 'machine')).toBe('3');
    expect(formatCell(Rational.of(5n, 4n), col('number'), 'machine')).toBe('1.25');
  });
});
