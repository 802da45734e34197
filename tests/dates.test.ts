import { describe, expect, it } from 'vitest';
import { ageOn, formatDay, parseDate, parseMonthOrDate } from '../src/util/dates.js';

describe('parseDate', () => {
  it.each([
    ['2019-03-05', 20190305],
    ['2019/3/5', 20190305],
    ['2019.3.5', 20190305],
    ['2019年3月5日', 20190305],
    ['2020-02-29', 20200229],
    ['2019-3-5', 20190305],
    ['2019/6/1 0:00', 20190601],
    ['2019/6/1 00:00:00', 20190601],
  ])('reads %s', (text, day) => {
    expect(parseDate(text)).toEqual({ ok: true, day });
  });

  it.each(['2019-02-30', '2019-13-01', '1900-02-29'])('rejects the impossible day %s', (text) => {
    expect(parseDate(text)).toEqual({ ok: false, reason: 'calendar' });
  });

  it.each(['19/3/5', '05.03.2019', '2019', '', '2019-03-05T00:00', '2019/6/1 9:30', '2019/6/1 000:00', '2019/6/10:00'])('rejects the form %s', (text) => {
    expect(parseDate(text)).toEqual({ ok: false, reason: 'form' });
  });

  it('reads a spreadsheet\'s empty time after any run of spaces', () => {
    expect(parseDate('2019/6/1 \u3000 0:00:00')).toEqual({ ok: true, day: 20190601 });
    expect(parseDate('2019年6月1日\t00:00')).toEqual({ ok: true, day: 20190601 });
  });

  it('refuses a 1 MB cell of spaces in time linear in its size (the time-of-day strip once backtracked)', () => {
    for (const text of ['2019年' + ' '.repeat(1_000_000) + 'x', '2019/6/1' + ' '.repeat(1_000_000) + '0:0', ' '.repeat(1_000_000) + '0:00']) {
      const t0 = performance.now();
      expect(parseDate(text)).toEqual({ ok: false, reason: 'form' });
      expect(parseMonthOrDate(text)).toEqual({ ok: false, reason: 'form' });
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });
});

describe('parseMonthOrDate', () => {
  it('reads a month as its first day', () => {
    expect(parseMonthOrDate('1985-10')).toEqual({ ok: true, day: 19851001 });
    expect(parseMonthOrDate('1985/3')).toEqual({ ok: true, day: 19850301 });
    expect(parseMonthOrDate('1985年3月')).toEqual({ ok: true, day: 19850301 });
    expect(parseMonthOrDate('1985.03')).toEqual({ ok: true, day: 19850301 });
  });

  it('flags 1985.1 as Excel damage of 1985.10', () => {
    expect(parseMonthOrDate('1985.1')).toEqual({ ok: false, reason: 'excel-damaged', year: 1985, month: 1 });
  });

  it('reads full dates too', () => {
    expect(parseMonthOrDate('1984-12-05')).toEqual({ ok: true, day: 19841205 });
  });

  it('refuses months that do not exist and forms it does not know', () => {
    expect(parseMonthOrDate('1985-13')).toEqual({ ok: false, reason: 'calendar' });
    expect(parseMonthOrDate('1985-00')).toEqual({ ok: false, reason: 'calendar' });
    expect(parseMonthOrDate('1985-1x')).toEqual({ ok: false, reason: 'form' });
    expect(parseMonthOrDate('19a5-10')).toEqual({ ok: false, reason: 'form' });
  });
});

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn(19800610, 20190609)).toBe(38);
    expect(ageOn(19800610, 20190610)).toBe(39);
  });
  it('formats days', () => {
    expect(formatDay(20190305)).toBe('2019-03-05');
  });
});
