// Calendar days as YYYYMMDD integers, and the date forms clerks write (spec §1 "Dates").
// Pure; no Date objects, no time zones.

import type { Day } from '../model/types.js';

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function makeDay(y: number, m: number, d: number): Day | undefined {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return y * 10000 + m * 100 + d;
}

export const yearOf = (d: Day): number => Math.floor(d / 10000);
export const monthOf = (d: Day): number => Math.floor(d / 100) % 100;
export const dateOf = (d: Day): number => d % 100;

export function formatDay(d: Day): string {
  const y = yearOf(d), m = monthOf(d), dd = dateOf(d);
  return `${y}-${m < 10 ? '0' : ''}${m}-${dd < 10 ? '0' : ''}${dd}`;
}

const DATE_FORMS: readonly RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
];

export type DateParse = { ok: true; day: Day } | { ok: false; reason: 'form' | 'calendar' };

/**
 * The longest text read as a date: `2019年12月31日 00:00:00` with room for spaces. Anything
 * longer is not a date, and is refused before any pattern looks at it, so a cell of any size
 * costs no more than its length.
 */
export const MAX_DATE_CHARS = 40;

const isSpace = (c: string): boolean => c.trim() === '';

/**
 * A spreadsheet's date cell exported with its (empty) time, `2019/6/1 0:00`: the text without
 * the time of day (`0:00`, `00:00`, `0:00:00`, `00:00:00` after whitespace), else the text.
 * By hand rather than by `/\s+0{1,2}:00(?::00)?$/`, which retries its run of spaces from every
 * start and takes time in the square of a long run.
 */
function withoutZeroTime(text: string): string {
  for (const time of ['00:00:00', '0:00:00', '00:00', '0:00']) {
    if (!text.endsWith(time)) continue;
    let end = text.length - time.length;
    if (end === 0 || !isSpace(text[end - 1]!)) continue;
    while (end > 0 && isSpace(text[end - 1]!)) end--;
    return text.slice(0, end);
  }
  return text;
}

/** Reads a full date in one of the accepted forms. */
export function parseDate(text: string): DateParse {
  if (text.length > MAX_DATE_CHARS) return { ok: false, reason: 'form' };
  // Fast path for the canonical form.
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const y = digits(text, 0, 4), m = digits(text, 5, 7), d = digits(text, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) {
      const day = makeDay(y, m, d);
      return day === undefined ? { ok: false, reason: 'calendar' } : { ok: true, day };
    }
  }
  const bare = withoutZeroTime(text);
  for (const re of DATE_FORMS) {
    const m = re.exec(bare);
    if (m) {
      const day = makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
      return day === undefined ? { ok: false, reason: 'calendar' } : { ok: true, day };
    }
  }
  return { ok: false, reason: 'form' };
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export type MonthParse =
  | { ok: true; day: Day }
  | { ok: false; reason: 'form' | 'calendar' }
  | { ok: false; reason: 'excel-damaged'; year: number; month: number };

/**
 * Reads a birth: a month (`YYYY-MM`, `YYYY/M`, `YYYY.MM`, `YYYY年M月`, counted from the 1st)
 * or a full date. `1985.1` is Excel's damage to `1985.10` (a number loses its trailing zero),
 * reported rather than read as January.
 */
export function parseMonthOrDate(text: string): MonthParse {
  if (text.length > MAX_DATE_CHARS) return { ok: false, reason: 'form' };
  // The common form first: YYYY-MM.
  if (text.length === 7 && text.charCodeAt(4) === 45) {
    const y = digits(text, 0, 4), mo = digits(text, 5, 7);
    if (y >= 0 && mo >= 0) {
      const day = makeDay(y, mo, 1);
      return day === undefined ? { ok: false, reason: 'calendar' } : { ok: true, day };
    }
  }
  const full = parseDate(text);
  if (full.ok || full.reason === 'calendar') return full;
  const damaged = /^(\d{4})\.(1)$/.exec(text);
  if (damaged) return { ok: false, reason: 'excel-damaged', year: Number(damaged[1]), month: Number(damaged[2]) };
  const m = /^(\d{4})(?:-(\d{2})|\/(\d{1,2})|\.(\d{2})|年(\d{1,2})月)$/.exec(text);
  if (!m) return { ok: false, reason: 'form' };
  const month = Number(m[2] ?? m[3] ?? m[4] ?? m[5]);
  const day = makeDay(Number(m[1]), month, 1);
  return day === undefined ? { ok: false, reason: 'calendar' } : { ok: true, day };
}

/** The day an Excel date serial number stands for (1900 system), when plausible. */
export function fromExcelSerial(text: string): Day | undefined {
  if (!/^\d{5}$/.test(text)) return undefined;
  const serial = Number(text);
  if (serial < 10000 || serial > 80000) return undefined;
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
  return makeDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Completed years of age on `on` for someone born on `birth`. */
export function ageOn(birth: Day, on: Day): number {
  const years = yearOf(on) - yearOf(birth);
  return on % 10000 >= birth % 10000 ? years : years - 1;
}

/** The calendar day after D. */
export function nextDay(d: Day): Day {
  const y = yearOf(d), m = monthOf(d), dd = dateOf(d);
  if (dd < daysInMonth(y, m)) return d + 1;
  return m < 12 ? y * 10000 + (m + 1) * 100 + 1 : (y + 1) * 10000 + 101;
}

/** The calendar day before D. */
export function previousDay(d: Day): Day {
  const y = yearOf(d), m = monthOf(d), dd = dateOf(d);
  if (dd > 1) return d - 1;
  if (m === 1) return (y - 1) * 10000 + 1231;
  return y * 10000 + (m - 1) * 100 + daysInMonth(y, m - 1);
}

/** Days from `a` to `b` (negative when b is earlier), by the proleptic Gregorian calendar. */
export function daysBetween(a: Day, b: Day): number {
  return serial(b) - serial(a);
}

/** A day's number counted from an epoch (civil-from-days, inverted). */
function serial(d: Day): number {
  let y = yearOf(d);
  const m = monthOf(d);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + dateOf(d) - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}
