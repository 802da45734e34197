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
