// What every pipeline stage returns: its value, or the problems that stop a command (the data's
// diagnostics, with what is needed to print them). Commands match on `ok` and need no comment
// contracts or non-null assertions.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadContext } from '../load/context.js';
import type { Dataset } from '../load/dataset.js';

export interface Problems {
  /** No dataset was found (MJ001: a usage problem). */
  readonly missing: Diagnostic | undefined;
  /** The loading context, when a dataset was found: its diagnostics, root and read options. */
  readonly ctx: LoadContext | undefined;
  /** As far as it was loaded (its ids feed "did you mean" hints). */
  readonly dataset: Dataset | undefined;
}

export type Stage<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: Problems };

export const done = <T>(value: T): Stage<T> => ({ ok: true, value });

export const stopped = (problems: Problems): { readonly ok: false; readonly problems: Problems } => ({ ok: false, problems });
