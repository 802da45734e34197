// The five numbers of a distribution (a boxplot): least, lower quartile, median, upper quartile,
// greatest, exact. Quartiles interpolate linearly between the closest ranks (position
// (n − 1) × p in the sorted values, counted from 0: R's and numpy's default, "type 7").

import { Rational } from '../util/decimal-text.js';

export interface FiveNumbers {
  readonly n: number;
  readonly min: Rational;
  readonly q1: Rational;
  readonly median: Rational;
  readonly q3: Rational;
  readonly max: Rational;
}

/** The value at fraction p (0..1, exact) of sorted values. */
function quantile(sorted: readonly Rational[], p: Rational): Rational {
  const h = Rational.int(sorted.length - 1).mul(p);
  const lo = Number(h.floor());
  const below = sorted[lo]!;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return below.add(above.sub(below).mul(h.sub(Rational.int(lo))));
}

/** The five numbers of the values, or undefined when there are none. */
export function fiveNumbers(values: readonly Rational[]): FiveNumbers | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a.cmp(b));
  const q = (num: number): Rational => quantile(sorted, Rational.of(BigInt(num), 4n));
  return { n: sorted.length, min: sorted[0]!, q1: q(1), median: q(2), q3: q(3), max: sorted[sorted.length - 1]! };
}
