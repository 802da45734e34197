// What every loading stage shares: the dataset root, the read options, and the diagnostics
// collector, with a helper to report a problem at a position in a file.

import { Diagnostics, type Diagnostic, type DiagnosticInput } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import type { Encoding } from '../source/decode.js';

export interface LoadOptions {
  /** The encoding of data files that are not UTF-8 (--encoding), instead of GB18030 with a warning. */
  readonly encoding?: Encoding | undefined;
  /**
   * Files read from elsewhere: dataset-relative path → absolute path (mj import checks the
   * dataset as it would be after merging, before writing anything).
   */
  readonly replaced?: ReadonlyMap<string, string> | undefined;
  /** Largest data file read, in bytes. */
  readonly maxFileBytes?: number | undefined;
  /** Read duty records with the careful reader only (MJ_FAST_PATH=0; for comparing the two). */
  readonly carefulOnly?: boolean;
  /** Bytes read at a time (tests use tiny chunks to cross every boundary). */
  readonly chunkBytes?: number | undefined;
  /** Duty-record files at least this large are read on two cores (tests lower it). */
  readonly parallelMinBytes?: number | undefined;
  /** Called when a file is split across threads (MJ_TRACE_SPLIT=1, for tests). */
  readonly traceSplit?: ((file: string, at: number, merged: boolean, early?: boolean) => void) | undefined;
  /**
   * The build's identity (version.ts BUILD), when the cache of unchanged files (.mj/cache) may be
   * used; undefined: never (MJ_CACHE=0).
   */
  readonly cacheBuild?: string | undefined;
  /**
   * Years whose records file (CSV) the command reads first, or the earliest year's (mj validate):
   * each is looked at (encoding, NUL bytes: a pass over the whole file) while the org tree and
   * roster load, not after.
   */
  readonly prefetchYears?: readonly number[] | 'earliest' | undefined;
  /**
   * Try a worker started before the base loads on a large records file the command reads first
   * (MJ_EARLY_WORKER=1: no longer faster since the worker is handed the main thread's member table, some 90 MB more memory; README "性能").
   */
  readonly early?: boolean | undefined;
  /** The scanning worker's script for that (set by the pipeline: not where the dataset keeps a cache). */
  readonly earlyWorker?: URL | undefined;
  /** Records files smaller than this are not looked at early (tests lower it; MJ_PREFETCH_MIN_BYTES). */
  readonly prefetchMinBytes?: number | undefined;
  /** Called at the steps of a split read, with what happened (MJ_TRACE_TIME=1, for measuring). */
  readonly traceTime?: ((step: string) => void) | undefined;
}

const NO_PARAMS: Diagnostic['params'] = Object.freeze({});

/** Limits that mj.yaml's `limits:` may set; the command line wins over both. */
export interface Limits {
  maxFileBytes: number;
  maxRecordChars: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = { maxFileBytes: 1024 * 1024 * 1024, maxRecordChars: 1 << 20 };

/** How a file was read: where from, in which encoding, which sheet of a workbook. */
export interface FileFacts {
  /** Absolute path of the bytes read. */
  readonly path: string;
  readonly encoding?: Encoding;
  /** Cells separated by tabs. */
  readonly tabs?: boolean;
  readonly sheet?: string;
}

export class LoadContext {
  readonly diagnostics = new Diagnostics();
  /** Per file as read: what prints excerpts and places cells of workbooks. */
  readonly facts = new Map<string, FileFacts>();
  /** mj.yaml's `encoding:` (file → encoding where it is not UTF-8) and `sheets:` (workbook → sheet). */
  readonly declared: { encodings: Map<string, Encoding>; sheets: Map<string, string> } = { encodings: new Map(), sheets: new Map() };
  /** In force for every file read after mj.yaml. */
  readonly limits: Limits;

  constructor(
    /** Absolute path of the dataset root. */
    readonly root: string,
    readonly options: LoadOptions = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}) };
  }

  report(d: DiagnosticInput): void {
    // Built field by field in one order, not spread from the input: spreading inputs of many
    // shapes gave each of a national file's 200,000 diagnostics a hidden class of its own (some
    // 330 bytes each, 70 MB).
    const out: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
      severity: d.severity ?? CODES[d.code], code: d.code, file: d.file, line: d.line, column: d.column, params: this.shared(d.params ?? NO_PARAMS),
    };
    if (d.field !== undefined) out.field = d.field;
    if (d.label !== undefined) out.label = d.label;
    if (d.suggest !== undefined) out.suggest = this.shared(d.suggest);
    if (d.span !== undefined) out.span = d.span;
    this.diagnostics.add(out);
  }

  /** Equal params and suggestions (immutable) are one object: a bad column repeats them on every row. */
  private readonly equal = new Map<string, object>();

  private shared<T extends object>(x: T): T {
    const key = JSON.stringify(x);
    const known = this.equal.get(key);
    if (known !== undefined) return known as T;
    if (this.equal.size < 4096) this.equal.set(key, x);
    return x;
  }
}
