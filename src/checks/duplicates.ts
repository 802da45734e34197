// Ids are unique within their file (MJ301, at the later use, naming the first): as records are
// read, against the ids seen so far; and, for the reading engine's compact index (which keeps only
// hashes), by confirming each candidate pair against the text of both lines, so a hash collision
// never becomes a false duplicate.

import type { Code } from '../diagnostics/codes.js';
import type { DiagnosticInput, Params } from '../diagnostics/diagnostic.js';
import { NONE } from './place.js';

/**
 * An id used before in `file`: MJ301 placed by `at`, naming the first use. `seen` maps ids to the
 * line they were first written on; a new id is recorded there.
 */
export function uniqueId(
  seen: Map<string, number>, id: string, file: string, line: number, at: (code: Code, params: Params) => DiagnosticInput,
): readonly DiagnosticInput[] {
  const first = seen.get(id);
  if (first === undefined) seen.set(id, line);
  return repeatedId(first, id, file, at);
}

/**
 * MJ301 for an id written before on line `first` of `file`; none when `first` is undefined. For a
 * reader that keeps its ids' first lines itself (the roster's, in the members it keeps).
 */
export function repeatedId(
  first: number | undefined, id: string, file: string, at: (code: Code, params: Params) => DiagnosticInput,
): readonly DiagnosticInput[] {
  return first === undefined ? NONE : [at('MJ301', { id, first: `${file}:${first}` })];
}

/** A pair of lines whose ids hashed alike. `column` is where the later id starts (0: unknown). */
export interface DuplicateCandidate {
  readonly line: number;
  readonly firstLine: number;
  readonly column: number;
}

/**
 * The candidates that really are duplicates, one diagnostic per pair of lines. `idOn` gives the id
 * written on a line and `lineText` the line itself (undefined when it could not be read).
 */
export function confirmDuplicates(
  file: string, candidates: readonly DuplicateCandidate[], idAt: (line: number) => { readonly id: string; readonly column: number } | undefined,
): DiagnosticInput[] {
  const out: DiagnosticInput[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const first = Math.min(c.line, c.firstLine);
    const later = Math.max(c.line, c.firstLine);
    const at = idAt(later);
    if (at === undefined || at.id !== idAt(first)?.id || seen.has(`${first}:${later}`)) continue;
    seen.add(`${first}:${later}`);
    const column = later === c.line && c.column > 0 ? c.column : at.column;
    out.push({ code: 'MJ301', file, line: later, column, field: 'id', params: { id: at.id, first: `${file}:${first}` }, span: at.id.length });
  }
  return out;
}
