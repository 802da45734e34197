// Calendar arithmetic on integer day numbers (days since 1970-01-01): no Date, no clock, no locale.
// Also the dataset's fixed days, its public holidays and the first and last day of a year.

/** days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm) */
export function day(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
/** the inverse of day(): [year, month, day of month] */
export function ymd(z) {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
/** two digits, zero-padded */
export const p2 = (n) => (n < 10 ? `0${n}` : `${n}`);
/** YYYY-MM-DD */
export function fmtDay(z) { const [y, m, d] = ymd(z); return `${y}-${p2(m)}-${p2(d)}`; }
/** YYYY-MM-DD → day number */
export function parseDay(s) { const [y, m, d] = s.split('-').map(Number); return day(y, m, d); }
/** the first day of year y (1 January) */
export function yearFirstDay(y) { return day(y, 1, 1); }
/** the last day of year y (31 December) */
export function yearLastDay(y) { return day(y, 12, 31); }
/** the last day of month m of year y */
export function monthEnd(y, m) { return m === 12 ? day(y + 1, 1, 1) - 1 : day(y, m + 1, 1) - 1; }

/** the date of the report: the hard targets hold on this day */
export const REF_DAY = day(2019, 10, 10);
/** "today" of the dataset: committees are drawn from this roster */
export const END_DAY = yearLastDay(2019);
/** the 离会时间 of a member still on the roster: after every day */
export const NEVER = 2147483647;

/** public holidays: no meeting, submission or approval is dated on them (when a window allows) */
const HOLIDAYS = publicHolidays();
function publicHolidays() {
  const days = new Set();
  const add = (y, m, d, n) => { const s = day(y, m, d); for (let i = 0; i < n; i++) days.add(s + i); };
  for (let y = 1983; y <= 2031; y++) { add(y, 1, 1, 1); add(y, 5, 1, 3); add(y, 10, 1, 7); }
  add(2018, 2, 15, 7); add(2019, 2, 4, 7); // 春节
  return days;
}
/** d moved forward (else backward) off a holiday, staying inside [lo, hi] */
export function workday(d, lo, hi) {
  let x = d;
  while (HOLIDAYS.has(x) && x < hi) x++;
  if (!HOLIDAYS.has(x)) return x;
  x = d;
  while (HOLIDAYS.has(x) && x > lo) x--;
  return HOLIDAYS.has(x) ? d : x;
}
