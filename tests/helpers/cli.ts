// Runs the whole CLI in-process (createProgram with an injected Io) and captures its output.

import { run } from '../../src/program.js';
import type { Io } from '../../src/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function mj(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliResult> {
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
    columns: 120,
    today: () => new Date(Date.UTC(2019, 5, 1)),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
