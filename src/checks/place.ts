// How a check places a diagnostic on a field of the record it checks: the reader of the record
// knows where each field was written (file, line, column, the header as written) and builds the
// diagnostic; the check only says which field, what code and why.

import type { Code } from '../diagnostics/codes.js';
import type { DiagnosticInput, Params, Suggest } from '../diagnostics/diagnostic.js';

export interface PlaceExtra {
  readonly suggest?: Suggest;
  /** Length of the offending text. */
  readonly span?: number;
  /** Characters from the field's start to the offending text. */
  readonly offset?: number;
}

export interface FieldPlacer {
  /** A problem in field `field` (an index in the kind's field table). */
  at(field: number, code: Code, params?: Params, extra?: PlaceExtra): DiagnosticInput;
  /** A problem with the k-th item of a list field. */
  atItem(field: number, k: number, code: Code, params?: Params, extra?: { suggest?: Suggest }): DiagnosticInput;
}

/** No problems (shared, so checks of clean records allocate nothing). */
export const NONE: readonly DiagnosticInput[] = Object.freeze([]);
