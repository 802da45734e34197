// "Did you mean …?" for a mistyped id or word. Small pools are scanned with a bounded edit
// distance; large ones (a national roster) are probed with every single-edit variant of the
// value, so the cost does not grow with the pool.

const SCAN_LIMIT = 5000;
/** Longest value probed for a single-edit neighbour in a large pool. */
const MAX_PROBED = 200;

/** Optimal-string-alignment distance (a swap of neighbours is one edit), or max + 1 when above max. */
export function editDistance(a: string, b: string, max: number): number {
  const m = a.length, n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

function threshold(value: string): number {
  return Math.min(3, Math.max(1, Math.floor([...value].length / 3)));
}

/** The closest candidate, ties broken by code-point order; undefined when none is close. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const max = threshold(value);
  let best: string | undefined;
  let bestD = max + 1;
  let bestNested = false;
  const lower = value.toLowerCase();
  for (const c of candidates) {
    if (c === value) continue;
    const d = c.toLowerCase() === lower ? 0 : editDistance(value, c, max);
    // Among equally close candidates, one that contains the value (or is contained) wins: 市委 → 市委会.
    const nested = c.includes(value) || value.includes(c);
    if (d < bestD || (d === bestD && ((nested && !bestNested) || (nested === bestNested && best !== undefined && c < best)))) {
      best = c;
      bestD = d;
      bestNested = nested;
    }
  }
  return bestD <= max ? best : undefined;
}

/** Closest id in a pool given as a set: scan when small, single-edit probes when large. */
export function closestInSet(value: string, pool: ReadonlySet<string>, alphabet: () => string): string | undefined {
  if (pool.size <= SCAN_LIMIT) return closest(value, pool);
  // The probes are as many as the value is long, each as long as the value: a pasted paragraph
  // is no mistyped id, and must not cost the square of its length.
  if (value.length > MAX_PROBED) return undefined;
  const hits: string[] = [];
  const letters = alphabet();
  const probe = (s: string): void => {
    if (s !== value && pool.has(s)) hits.push(s);
  };
  for (let i = 0; i < value.length; i++) probe(value.slice(0, i) + value.slice(i + 1));
  for (let i = 0; i + 1 < value.length; i++) probe(value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2));
  for (let i = 0; i <= value.length; i++) {
    for (const ch of letters) {
      probe(value.slice(0, i) + ch + value.slice(i));
      if (i < value.length) probe(value.slice(0, i) + ch + value.slice(i + 1));
    }
  }
  if (hits.length === 0) {
    const upper = value.toUpperCase();
    if (pool.has(upper)) return upper;
    return undefined;
  }
  return hits.sort()[0];
}

/** The distinct characters of a pool's ids, sorted, for closestInSet. */
export function alphabetOf(pool: Iterable<string>): string {
  const set = new Set<string>();
  for (const id of pool) for (const ch of id) set.add(ch);
  return [...set].sort().join('');
}
