// A bug in mj is reported as an internal error (exit 70), never as a data problem, and shows
// its stack only with MJ_DEBUG=1.

import { describe, expect, it, vi } from 'vitest';
import type { Io } from '../src/io.js';

vi.mock('../src/program.js', () => ({
  run: async () => {
    throw new TypeError('boom');
  },
}));

const { main } = await import('../src/main.js');

function io(env: Record<string, string>): Io & { err: () => string } {
  let err = '';
  return {
    stdout: () => undefined,
    stderr: (s) => {
      err += s;
    },
    cwd: process.cwd(),
    env,
    stdoutIsTTY: false,
    columns: 80,
    today: () => new Date(Date.UTC(2019, 5, 1)),
    err: () => err,
  };
}

describe('main', () => {
  it('exits 70 with "mj 内部错误，请报告" and no stack', async () => {
    const x = io({});
    expect(await main(['validate'], x)).toBe(70);
    expect(x.err()).toBe('mj 内部错误，请报告（设置 MJ_DEBUG=1 可看到详细信息）\n');
  });

  it('shows the stack with MJ_DEBUG=1', async () => {
    const x = io({ MJ_DEBUG: '1' });
    expect(await main(['validate'], x)).toBe(70);
    expect(x.err()).toContain('TypeError: boom');
  });
});
