// How terminal headers wrap: Chinese text at any character, English between words (a word
// longer than the column is broken too), and a header longer than its three lines cut with "…".

import { describe, expect, it } from 'vitest';
import { renderTerminal, wrap } from '../src/render/terminal.js';
import type { Table } from '../src/tables/table.js';
import { displayWidth } from '../src/util/width.js';

describe('wrap', () => {
  it('breaks English between words and Chinese anywhere', () => {
    expect(wrap('Deductions subtotal', 10)).toEqual(['Deductions', 'subtotal']);
    expect(wrap('Branch id', 6)).toEqual(['Branch', 'id']);
    expect(wrap('组织生活平均参加率', 4)).toEqual(['组织', '生活', '平均', '参加', '率']);
    expect(wrap('思想政治建设 subtotal', 8)).toEqual(['思想政治', '建设', 'subtotal']);
    expect(wrap('组织生活少于 2 次', 8)).toEqual(['组织生活', '少于 2', '次']);
    // Punctuation stays with its word.
    expect(wrap('"Three ones"', 11)).toEqual(['"Three', 'ones"']);
    expect(wrap('Coverage (members)', 10)).toEqual(['Coverage', '(members)']);
  });

  it('breaks a word longer than the line, and starts and ends no line with a space', () => {
    expect(wrap('Supercalifragilistic', 8)).toEqual(['Supercal', 'ifragili', 'stic']);
    for (const s of ['a  b   c', ' leading and trailing ', 'x y z w v u t', '三个一 “three ones” complete']) {
      for (const width of [1, 2, 3, 5, 8]) {
        const lines = wrap(s, width);
        for (const l of lines) {
          expect(l).toBe(l.trim());
          expect(displayWidth(l), `${s} ${width}: ${l}`).toBeLessThanOrEqual(Math.max(width, 2));
        }
        expect(lines.join('').replace(/\s/g, '')).toBe(s.replace(/\s/g, ''));
      }
    }
  });
});

describe('terminal headers', () => {
  const table = (header: string): Table => ({
    name: 't', title: 't', columns: [{ key: 'a', header, kind: 'int' }, { key: 'b', header: 'Name', kind: 'text' }],
    rows: [{ kind: 'data', cells: [1, 'x'] }], notes: [],
  });

  it('keeps an English header\'s words whole: its column is as wide as its longest word', () => {
    const out = renderTerminal(table('Deductions'), { width: 80, color: false, lang: 'en', notesHeading: 'Notes:' });
    expect(out).toContain('Deductions');
  });

  it('cuts a header longer than three lines with "…" on the last', () => {
    const out = renderTerminal(table('one two three four five six seven eight nine ten eleven'), { width: 80, color: false, lang: 'en', notesHeading: 'Notes:' });
    const heads = out.split('\n').filter((l) => l.startsWith('│')).slice(0, 3);
    expect(heads[2]).toContain('…');
  });
});
