// A closed year against its files as they are now: every file the lock recorded must still have
// its hash (MJ801 changed, MJ802 gone), and the year may not have gained an input file (MJ803).
// Pure: the hashes are taken by the pipeline (pipeline/closed.ts) and passed in.

import type { DiagnosticInput } from '../diagnostics/diagnostic.js';
import { lastClose, type YearLock } from '../model/closed.js';

export interface ClosedYearNow {
  readonly lock: YearLock;
  /** Each recorded file's hash now (undefined when it is gone or not a regular file). */
  readonly hashes: ReadonlyMap<string, string | undefined>;
  /** The year's input files now (records, assessments, rubric), dataset-relative. */
  readonly inputs: readonly string[];
}

export function closedYearProblems(now: ClosedYearNow): DiagnosticInput[] {
  const { lock } = now;
  if (lock.state !== 'closed') return [];
  const params = (file: string) => ({ year: lock.year, lock: lock.file, by: lastClose(lock)?.by ?? '?', file });
  const out: DiagnosticInput[] = [];
  const recorded = new Set<string>();
  for (const f of lock.files) {
    recorded.add(f.path);
    const hash = now.hashes.get(f.path);
    if (hash === undefined) out.push({ code: 'MJ802', file: f.path, line: 0, column: 0, params: params(f.path) });
    else if (hash !== f.hash) out.push({ code: 'MJ801', file: f.path, line: 0, column: 0, params: params(f.path) });
  }
  for (const file of now.inputs) if (!recorded.has(file)) out.push({ code: 'MJ803', file, line: 0, column: 0, params: params(file) });
  return out;
}
