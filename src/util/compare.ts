// Text in a fixed order, the same on every machine: UTF-16 code units, never the locale's collation.

/** −1, 0 or 1 as `a` sorts before, with or after `b` (code-unit order, never a locale collator). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
