// A closed year (关账): the year's results were reported, so its inputs and reports stay as they
// were. The lock file closed/YEAR.yaml records each file's hash and who closed or reopened the
// year, and why; `mj validate` fails when a closed year's file changes.

/** The folder of lock files, under the dataset root: closed/2019.yaml. */
export const LOCK_DIR = 'closed';

export const lockFileOf = (year: number): string => `${LOCK_DIR}/${year}.yaml`;

export interface LockedFile {
  /** Dataset-relative, with /. */
  readonly path: string;
  /** `sha256:` and 64 hex digits, of the bytes with CR LF read as LF (binary files as they are). */
  readonly hash: string;
}

export interface LockEvent {
  readonly action: 'close' | 'reopen';
  /** git's user.name of whoever did it. */
  readonly by: string;
  readonly reason: string | undefined;
  /** A day the user gave (--date), never the clock. */
  readonly date: string | undefined;
}

export interface YearLock {
  readonly year: number;
  /** The lock file, dataset-relative. */
  readonly file: string;
  readonly state: 'closed' | 'open';
  /** The year's files as they were closed (kept after a reopen, until the next close). */
  readonly files: readonly LockedFile[];
  /** Oldest first. */
  readonly history: readonly LockEvent[];
}

/** The last close of a lock, for messages (who closed it, why). */
export function lastClose(lock: YearLock): LockEvent | undefined {
  for (let i = lock.history.length - 1; i >= 0; i--) if (lock.history[i]!.action === 'close') return lock.history[i];
  return undefined;
}
