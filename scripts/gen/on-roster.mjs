// The roster rule, the one place the generator decides whether a member is on the roster on a day.
// It is the same rule as onRoster in src/model/types.ts, which mj applies to the files written here.

/**
 * On the roster on day d: joined ≤ d, and 在册 or left > d (a member who left on d is gone on d).
 * m.join and m.left are day numbers; a 在册 member's left is NEVER (calendar.mjs), after every day,
 * so the rule reads join ≤ d < left (the files are checked for 在册 ⇔ no 离会时间 before writing).
 */
export function onRoster(m, d) {
  return m.join <= d && d < m.left;
}

/**
 * On the roster on day d and in branch b that day. A member who moved between branches
 * (history.mjs) has m.home: [{ b, from, until }] (day numbers, until the first day elsewhere);
 * one who never moved is in m.b all along. The same rule as orgOn in src/model/types.ts.
 */
export function inBranch(m, b, d) {
  if (!onRoster(m, d)) return false;
  if (!m.home) return m.b === b;
  for (const h of m.home) if (h.b === b && h.from <= d && d < h.until) return true;
  return false;
}

/** The days [lo, hi] clipped to member m's days in branch b (roster and stays): [a, z], empty when a > z. */
export function branchWindow(m, b, lo, hi) {
  let a = Math.max(lo, m.join), z = Math.min(hi, m.left - 1);
  if (!m.home) return m.b === b ? [a, z] : [1, 0];
  const h = m.home.find((x) => x.b === b && x.from <= z && x.until > a);
  if (!h) return [1, 0];
  return [Math.max(a, h.from), Math.min(z, h.until - 1)];
}
