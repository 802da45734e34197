// A fold: a consumer of the stream of a year's duty records (beancount's realization, DuckDB's
// aggregate states). The reading engine (src/scan/) knows only this interface, so a second
// thread, a new table or a cache adds a fold, never a branch in the reader. Imports only types.

import type { RecordView } from './record-view.js';

/** What a fold is, as plain data: any thread builds the same fold from it (structured-clone safe). */
export interface FoldSpec {
  readonly kind: string;
}

export interface Fold {
  /** One valid record, as a view the reader reuses for the next one. */
  visit(v: RecordView): void;
  /** Everything counted so far, as plain data another thread can send. */
  exportState(): unknown;
  /** Adds the state of a fold built from the same spec that read a later part of the file. */
  merge(state: unknown): void;
}

/** Builds the fold a spec describes; the words of records are numbered by `vocab`. */
export type FoldFactory<V> = (spec: FoldSpec, vocab: V) => Fold;
