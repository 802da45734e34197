// The seeded random streams (sfc32 seeded by cyrb128 of the --seed and a purpose) and the sampling
// helpers built on them. Arithmetic only: the same seed gives the same draws on every machine.

/** 128-bit string hash (cyrb128): the four words that seed an sfc32 stream. */
function cyrb128(str) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4; h2 ^= h1; h3 ^= h1; h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * sfc32, one stream per purpose: new Rng(seed, 'members', branchId) never depends on other streams.
 * f() is uniform in [0, 1); the other methods draw from it.
 */
export class Rng {
  constructor(seed, ...parts) {
    [this.a, this.b, this.c, this.d] = cyrb128([seed, ...parts].join('\u0001'));
    for (let i = 0; i < 15; i++) this.f();
  }
  f() {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(lo, hi) { return lo + Math.floor(this.f() * (hi - lo + 1)); }
  chance(p) { return this.f() < p; }
  pick(arr) { return arr[Math.floor(this.f() * arr.length)]; }
  /** pairs: [[value, weight], ...] */
  w(pairs) {
    let tot = 0;
    for (const p of pairs) tot += p[1];
    let x = this.f() * tot;
    for (const p of pairs) { x -= p[1]; if (x < 0) return p[0]; }
    return pairs[pairs.length - 1][0];
  }
  /** approximately normal (Irwin–Hall of 4 uniforms), arithmetic only */
  norm(mu, sd) {
    const s = this.f() + this.f() + this.f() + this.f();
    return mu + sd * (s - 2) * 1.7320508075688772;
  }
  /** stochastic rounding of a non-negative real */
  round(x) { const fl = Math.floor(x); return fl + (this.f() < x - fl ? 1 : 0); }
}

/** k distinct items of arr, weighted by weightFn, O(k·n): for small pools. */
export function chooseWeighted(rng, arr, k, weightFn) {
  const pool = arr.slice();
  const w = pool.map(weightFn);
  const out = [];
  while (out.length < k && pool.length) {
    let tot = 0;
    for (let i = 0; i < w.length; i++) tot += w[i];
    let j = pool.length - 1;
    if (tot > 0) {
      let x = rng.f() * tot;
      for (let i = 0; i < w.length; i++) { x -= w[i]; if (x < 0) { j = i; break; } }
    } else j = Math.floor(rng.f() * pool.length);
    out.push(pool[j]);
    pool[j] = pool[pool.length - 1]; pool.pop();
    w[j] = w[w.length - 1]; w.pop();
  }
  return out;
}

/** k distinct items, uniform (partial Fisher–Yates). */
export function chooseUniform(rng, arr, k) {
  const a = arr.slice();
  const n = Math.min(k, a.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.f() * (a.length - i));
    const t = a[i]; a[i] = a[j]; a[j] = t;
  }
  return a.slice(0, n);
}

/** exactly k distinct indices of idxs, weighted, without replacement (Fenwick tree), O((n + k) log n). */
export function sampleExact(rng, idxs, weightFn, k) {
  const n = idxs.length;
  if (k > n) throw new Error(`cannot sample ${k} of ${n}`);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = Math.max(1e-9, weightFn(idxs[i]));
  const tree = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) {
    tree[i] += w[i - 1];
    const j = i + (i & -i);
    if (j <= n) tree[j] += tree[i];
  }
  let top = 1;
  while (top * 2 <= n) top *= 2;
  const out = [];
  while (out.length < k) {
    let total = 0;
    for (let i = n; i > 0; i -= i & -i) total += tree[i];
    let x = rng.f() * total;
    let pos = 0;
    for (let step = top; step > 0; step >>= 1) {
      const np = pos + step;
      if (np <= n && tree[np] <= x) { pos = np; x -= tree[np]; }
    }
    if (pos >= n || w[pos] === 0) continue;
    out.push(idxs[pos]);
    const wv = w[pos];
    w[pos] = 0;
    for (let i = pos + 1; i <= n; i += i & -i) tree[i] -= wv;
  }
  return out;
}
