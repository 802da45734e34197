// The one Diagnostic type every stage returns for a data problem, and the small helpers that
// collect, sort and count them. Messages are not stored: a diagnostic holds its code and
// parameters, and diagnostics/format.ts renders them in the user's language.

import type { Code } from './codes.js';
import { compareText } from '../util/compare.js';

export type Severity = 'error' | 'warning';

/** A pool of names a "did you mean" hint draws from, resolved only when a diagnostic is shown. */
export type SuggestPool = 'orgs' | 'branches' | 'members' | 'items' | 'columns' | 'values';

export interface Suggest {
  readonly value: string;
  readonly pool: SuggestPool;
  /** Candidates for the 'columns' and 'values' pools, and for rubric items. */
  readonly candidates?: readonly string[];
  /** A known answer (a common wrong word and what it should be): one word, or words to choose from. */
  readonly answer?: string | readonly string[];
}

export type Params = Readonly<Record<string, string | number>>;

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: Code;
  /** Path relative to the dataset root, with forward slashes ('' for the dataset itself). */
  readonly file: string;
  /** 1-based; 0 when the problem is about the file as a whole. */
  readonly line: number;
  /** 1-based, in characters; 0 when the problem is about the file or line as a whole. */
  readonly column: number;
  /** Canonical field key (e.g. `org`), when the problem is in one field. */
  readonly field?: string;
  /** The field's name as the file writes it (a CSV header such as 所属组织, or a YAML key). */
  readonly label?: string;
  readonly params: Params;
  readonly suggest?: Suggest;
  /** Length of the offending text, for the caret line of an excerpt. */
  readonly span?: number;
}

export type DiagnosticInput = Omit<Diagnostic, 'severity' | 'params'> & { params?: Params; severity?: Severity };

export class Diagnostics {
  readonly list: Diagnostic[] = [];
  private errorCount = 0;

  add(d: Diagnostic): void {
    this.list.push(d);
    if (d.severity === 'error') this.errorCount++;
  }

  get errors(): number {
    return this.errorCount;
  }

  get warnings(): number {
    return this.list.length - this.errorCount;
  }

  /** Errors found in any of these files (a command is blocked only by the files it reads). */
  errorsIn(files: ReadonlySet<string>): number {
    let n = 0;
    for (const d of this.list) if (d.severity === 'error' && files.has(d.file)) n++;
    return n;
  }
}


export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.code, b.code) ||
      compareText(a.field ?? '', b.field ?? ''),
  );
}
