// What the branches' and the committees' duty records share: the year's volume, dates weighted
// by month, the participants on the roster that day, and the order they are listed in.
import { day, monthEnd, workday, ymd } from '../calendar.mjs';
import { inBranch, onRoster } from '../on-roster.mjs';
import { chooseWeighted } from '../random.mjs';

/** records per month, relative (January … December) */
const MONTH_W = [0.8, 0.4, 1.1, 1.1, 1.1, 1.05, 0.85, 0.65, 1.05, 0.9, 1.1, 1.0];

/** how many records year Y has relative to 2019 (12% fewer each year back), times --density */
export function volume(ctx, Y) { return (Y >= 2019 ? 1 : 0.88 ** (2019 - Y)) * ctx.density; }
/** the members of list (indices into M) on the roster on day d (and in branch b that day, when given) */
export function membersOnRoster(M, list, d, b = null) {
  const r = [];
  for (const i of list) if (b ? inBranch(M[i], b, d) : onRoster(M[i], d)) r.push(i);
  return r;
}
/** a day in [lo, hi], the busier months more likely, moved off a holiday */
export function sampleDay(rng, lo, hi) {
  for (let t = 0; t < 8; t++) {
    const d = rng.int(lo, hi);
    if (rng.f() * 1.15 < MONTH_W[ymd(d)[1] - 1]) return workday(d, lo, hi);
  }
  return workday(rng.int(lo, hi), lo, hi);
}
/** n dates in [lo, hi], spread over distinct months where possible, ascending */
export function spreadDays(rng, Y, lo, hi, n, months = null) {
  const avail = [];
  for (let mo = 1; mo <= 12; mo++) {
    if (months && !months.includes(mo)) continue;
    const a = Math.max(lo, day(Y, mo, 1)), b = Math.min(hi, monthEnd(Y, mo));
    if (a <= b) avail.push([mo, a, b]);
  }
  if (!avail.length) return [];
  let chosen = chooseWeighted(rng, avail, Math.min(n, avail.length), (x) => MONTH_W[x[0] - 1]);
  while (chosen.length < n) chosen.push(rng.pick(avail));
  const days = chosen.map(([, a, b]) => workday(rng.int(a, b), a, b));
  return days.sort((x, y) => x - y);
}
/** members listed on a participants' record: the chair first when present, then by id */
export function orderMembers(list, chair) {
  const s = list.slice().sort((a, b) => a - b);
  if (chair != null) { const k = s.indexOf(chair); if (k > 0) { s.splice(k, 1); s.unshift(chair); } }
  return s;
}
