// Excel's names for columns (A, B … Z, AA …), for placing diagnostics at cells. Pure.

/** A 1-based column number as letters. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
