// How a loading context stores what it is told: every diagnostic in one shape, with equal params
// and suggestions stored once (a bad column repeats them on every row of a national file).

import { describe, expect, it } from 'vitest';
import { LoadContext } from '../src/load/context.js';

describe('LoadContext.report', () => {
  it('keeps what it was given, with the severity of the code, and no fields it was not given', () => {
    const ctx = new LoadContext('/tmp', {});
    ctx.report({ code: 'MJ302', file: 'a.csv', line: 3, column: 7, field: 'org', label: '组织', params: { value: 'x' }, span: 1, suggest: { value: 'x', pool: 'orgs' } });
    ctx.report({ code: 'MJ011', file: 'b.csv', line: 1, column: 0, severity: 'warning' });
    expect(ctx.diagnostics.list).toStrictEqual([
      { severity: 'error', code: 'MJ302', file: 'a.csv', line: 3, column: 7, field: 'org', label: '组织', params: { value: 'x' }, span: 1, suggest: { value: 'x', pool: 'orgs' } },
      { severity: 'warning', code: 'MJ011', file: 'b.csv', line: 1, column: 0, params: {} },
    ]);
    expect(ctx.diagnostics.errors).toBe(1);
  });

  it('stores equal params and suggestions once, and different ones apart', () => {
    const ctx = new LoadContext('/tmp', {});
    for (let line = 2; line < 10; line++) {
      ctx.report({ code: 'MJ302', file: 'a.csv', line, column: 5, params: { label: '组织', value: 'no-such-org' }, suggest: { value: 'no-such-org', pool: 'orgs' } });
    }
    ctx.report({ code: 'MJ302', file: 'a.csv', line: 11, column: 5, params: { label: '组织', value: 'other' }, suggest: { value: 'other', pool: 'orgs' } });
    const list = ctx.diagnostics.list;
    expect(new Set(list.slice(0, 8).map((d) => d.params)).size).toBe(1);
    expect(new Set(list.slice(0, 8).map((d) => d.suggest)).size).toBe(1);
    expect(list[8]!.params).toEqual({ label: '组织', value: 'other' });
    expect(list[8]!.params).not.toBe(list[0]!.params);
    expect(list.map((d) => d.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 11]);
  });

  it('goes on storing past the number of shared objects it keeps', () => {
    const ctx = new LoadContext('/tmp', {});
    for (let k = 0; k < 5000; k++) ctx.report({ code: 'MJ302', file: 'a.csv', line: k + 2, column: 1, params: { value: `v${k}` } });
    ctx.report({ code: 'MJ302', file: 'a.csv', line: 9999, column: 1, params: { value: 'v4999' } });
    expect(ctx.diagnostics.list).toHaveLength(5001);
    expect(ctx.diagnostics.list[5000]!.params).toEqual({ value: 'v4999' });
  });
});
