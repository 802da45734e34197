import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, parseCsvText, type CsvProblem, type CsvRecord } from '../src/source/csv.js';

const rows = (text: string) => parseCsvText(text).records.map((r) => r.fields);

function chunked(text: string, cuts: number[]): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const t = new CsvTokenizer({ record: (r) => records.push(r), problem: (p) => problems.push(p) });
  let from = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    t.push(text.slice(from, c));
    from = c;
  }
  t.push(text.slice(from));
  t.end();
  return { records, problems };
}

describe('CsvTokenizer', () => {
  it('splits plain fields and records', () => {
    expect(rows('a,b,c\n1,2,3\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
  });

  it('reads a last record without a final newline', () => {
    expect(rows('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps commas, quotes and newlines inside quoted fields', () => {
    expect(rows('a,"b,c","say ""hi""","line1\nline2"\n')).toEqual([['a', 'b,c', 'say "hi"', 'line1\nline2']]);
  });

  it('reads CRLF like LF and keeps CR inside quotes', () => {
    expect(rows('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(rows('"x\r\ny",z\r\n')).toEqual([['x\r\ny', 'z']]);
  });

  it('skips blank lines but counts them', () => {
    const { records } = parseCsvText('a\n\n\nb\n');
    expect(records.map((r) => [r.fields[0], r.line])).toEqual([['a', 1], ['b', 4]]);
  });

  it('keeps an empty quoted field as a record', () => {
    expect(rows('""\n')).toEqual([['']]);
  });

  it('gives every field its line and character column', () => {
    const { records } = parseCsvText('编号,姓名\n0001,"王,明"\n0002,"多\n行",x\n');
    expect(records[1]).toMatchObject({ line: 2, cols: [1, 6] });
    expect(records[2]).toMatchObject({ line: 3, cols: [1, 6, 4], lines: [3, 3, 4] });
  });

  it('reports an unclosed quote where it opened and resumes on the next line', () => {
    const { records, problems } = parseCsvText('a,b\n1,"oops\n2,ok\n3,ok\n');
    expect(problems).toEqual([{ kind: 'unclosed-quote', line: 2, column: 3 }]);
    expect(records.map((r) => r.fields)).toEqual([['a', 'b'], ['2', 'ok'], ['3', 'ok']]);
  });

  it('reports a stray quote that swallowed lines at the line where it opened', () => {
    const { records, problems } = parseCsvText('a,b\n1,"oops\n2,ok\n3,"fine"x\n4,ok\n');
    expect(problems[0]).toEqual({ kind: 'unclosed-quote', line: 2, column: 3 });
    expect(records.map((r) => r.fields[0])).toContain('4');
  });

  it('reports text after a closing quote on one line and keeps it', () => {
    const { records, problems } = parseCsvText('"abc"def,x\n');
    expect(problems).toEqual([{ kind: 'text-after-quote', line: 1, column: 6 }]);
    expect(records[0]!.fields).toEqual(['abcdef', 'x']);
  });

  it('reports a record longer than the limit and goes on', () => {
    const long = 'x'.repeat(200);
    const { records, problems } = parseCsvText(`a\n${long}\nb\n`, { maxRecord: 100 });
    expect(problems).toEqual([{ kind: 'record-too-long', line: 2, column: 1, limit: 100 }]);
    expect(records.map((r) => r.fields[0])).toEqual(['a', 'b']);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const text = '编号,标题,会员\r\nA1,"关于""三个一""的建议,附件",0001;0002\r\nA2,"多\n行",\r\n\r\nA3,中文字符跨块,x\n';
    const whole = parseCsvText(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }), (cuts) => {
        const got = chunked(text, cuts);
        expect(got.records).toEqual(whole.records);
        expect(got.problems).toEqual(whole.problems);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('tells each problem once however the text is cut: text after quotes, an unclosed quote', () => {
    // A record cut by a chunk's end is read again with the next chunk; its problems must not be told twice.
    const text = '"a"b,"c"d,"e"f\nx,"g"h\n"i"j,"k\n"\nlast,"open\n';
    const whole = parseCsvText(text);
    expect(whole.problems.filter((p) => p.kind === 'text-after-quote')).toHaveLength(5);
    for (let cut = 0; cut <= text.length; cut++) {
      const got = chunked(text, [cut]);
      expect(got.problems).toEqual(whole.problems);
      expect(got.records).toEqual(whole.records);
    }
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 }), (cuts) => {
        expect(chunked(text, cuts).problems).toEqual(whole.problems);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('round-trips any table of cells written with RFC 4180 quoting', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', ' ', '1', '\r\n'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (table) => {
        const text = table.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';
        expect(parseCsvText(text).records.map((r) => r.fields)).toEqual(table);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
