// The edges the CLI touches, injected so the whole program runs in-process in tests: output
// streams, environment, working directory, terminal facts.

import type { WriteFs } from './write/atomic.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (tables default to the terminal form there). */
  readonly stdoutIsTTY: boolean;
  readonly columns: number;
  /** Today, for defaults only (mj init's year); never written into an output. */
  readonly today: () => Date;
  /**
   * Resolves once stdout has taken what was written so far (a pipe's reader may be slower than
   * mj): long outputs written in pieces wait on it, so they are never all held in memory at once.
   * Absent: writes never wait (in-process runs).
   */
  readonly drain?: () => Promise<void>;
  /** The file system outputs are written through (tests inject faults such as ENOSPC). */
  readonly fs?: WriteFs;
}

/** Exit codes (spec §4). */
export const EXIT = { ok: 0, data: 1, usage: 2, io: 3, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A usage problem found by a command (bad option value, unknown org …): exit 2 with a message. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}
