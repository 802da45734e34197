// Strings that keep nothing else alive. V8 makes a substring of 13 characters or more a view of
// the string it was cut from: a cell read from a file is then a view of the whole chunk read,
// and keeping the cell keeps the chunk (megabytes, for one name).

/** `s` as a string of its own, holding no larger string in memory (same characters). */
export function ownCopy(s: string): string {
  // A concatenation is flattened into a new string before it is cut: the cut is a view of that.
  return (s + '\u0000').slice(0, -1);
}
