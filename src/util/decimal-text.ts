// Exact rational numbers read from decimal text. No binary floating point touches a score:
// values are bigint fractions in lowest terms, rounded once at output (half away from zero).

export class Rational {
  private constructor(
    /** Numerator; carries the sign. */
    readonly num: bigint,
    /** Denominator; always > 0. */
    readonly den: bigint,
  ) {}

  /** 0 … 255, shared: values are immutable, and most counts are small whole numbers. */
  private static readonly SMALL: readonly Rational[] = Array.from({ length: 256 }, (_, i) => new Rational(BigInt(i), 1n));
  static readonly ZERO = Rational.SMALL[0]!;
  static readonly ONE = Rational.SMALL[1]!;

  static of(num: bigint, den: bigint = 1n): Rational {
    if (den === 0n) throw new RangeError('division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    if (num === 0n) return Rational.ZERO;
    if (den === 1n) return num > 0n && num < 256n ? Rational.SMALL[Number(num)]! : new Rational(num, 1n);
    const g = gcd(num < 0n ? -num : num, den);
    return g === 1n ? new Rational(num, den) : Rational.of(num / g, den / g);
  }

  static int(n: number): Rational {
    return n >= 0 && n < 256 && Number.isInteger(n) ? Rational.SMALL[n]! : new Rational(BigInt(n), 1n);
  }

  /** Reads decimal text such as "2.5", "-5", "+0.125". */
  static parse(text: string): Rational {
    const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!m) throw new RangeError(`not a decimal: ${text}`);
    const frac = m[3] ?? '';
    const num = BigInt(m[2]! + frac) * (m[1] === '-' ? -1n : 1n);
    return Rational.of(num, 10n ** BigInt(frac.length));
  }

  add(o: Rational): Rational {
    if (o.num === 0n) return this;
    if (this.num === 0n) return o;
    return this.den === o.den ? Rational.of(this.num + o.num, this.den) : Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return this.add(o.neg());
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  cmp(o: Rational): number {
    const a = this.num * o.den, b = o.num * this.den;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  sign(): number {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  min(o: Rational): Rational {
    return this.cmp(o) <= 0 ? this : o;
  }
  max(o: Rational): Rational {
    return this.cmp(o) >= 0 ? this : o;
  }
  /** Smallest integer ≥ this. */
  ceil(): bigint {
    return -this.neg().floor();
  }
  /** Largest integer ≤ this. */
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }

  /** Decimal text rounded to `digits` places, half away from zero; always shows the places. */
  toFixed(digits: number): string {
    const scale = 10n ** BigInt(digits);
    const neg = this.num < 0n;
    const abs = neg ? -this.num : this.num;
    const scaled = abs * scale;
    let q = scaled / this.den;
    if ((scaled % this.den) * 2n >= this.den) q += 1n;
    const s = q.toString().padStart(digits + 1, '0');
    const int = s.slice(0, s.length - digits);
    const frac = s.slice(s.length - digits);
    const body = digits > 0 ? `${int}.${frac}` : int;
    return neg && q !== 0n ? `-${body}` : body;
  }

  /** Shortest exact decimal text when the value is a finite decimal, else rounded to `digits`. */
  toShort(digits = 2): string {
    const t = this.toFixed(digits);
    if (!t.includes('.')) return t;
    // Trailing zeros by hand: /0+$/ retries every zero of a long integer part (quadratic).
    let end = t.length;
    while (t.charCodeAt(end - 1) === 48) end--;
    if (t.charCodeAt(end - 1) === 46) end--;
    return t.slice(0, end);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

export function compareDecimal(a: string, b: string): number {
  return Rational.parse(a).cmp(Rational.parse(b));
}
