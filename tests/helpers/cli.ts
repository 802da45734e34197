// Runs the whole CLI in-process (createProgram with an injected Io) and captures its output.

import { run } from '../../src/program.js';
import type { Io } from '../../src/io.js';
import type { WriteFs } from '../../src/write/atomic.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function mj(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean; columns?: number; fs?: WriteFs } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    columns: options.columns ?? 120,
    today: () => new Date(Date.UTC(2019, 5, 1)),
    ...(options.fs ? { fs: options.fs } : {}),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
