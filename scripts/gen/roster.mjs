// The roster: every member who was ever in a branch, with 入会/离会 days, status and personal
// details, numbered GZ00001… in order of joining; also the established dates derived from it.
import { END_DAY, NEVER, REF_DAY, day, monthEnd, workday, yearFirstDay, ymd } from './calendar.mjs';
import { assignQualifications } from './qualifications.mjs';
import { Rng, chooseUniform } from './random.mjs';
import { employer } from './vocab/employers.mjs';
import { personName } from './vocab/names.mjs';
import { KINDS } from './vocab/org-templates.mjs';

/** the earliest day of the data: no one joins and no branch is established before it */
const FIRST_DAY = yearFirstDay(1983);

/**
 * The members of tree.branches as an array sorted by day of joining; a member's index in it
 * (m.idx) is how branches, committees and records refer to the member. Each member has b (branch), join, left (NEVER while 在册), status,
 * by/bm/bd/bfmt (birth and how it is written), gender, eth, name, sector (界别), employer, title,
 * edu, degree, roles, reserve, eng (engagement weight), key (tie-break), age (in 2019), idx, id.
 * Fills b.mem of each branch, and b.est/b.showEst where derived.
 */
export function buildRoster(ctx, tree) {
  const M = generateMembers(ctx, tree.branches);
  assignQualifications(ctx, M); // before numbering: its draws follow the order of generation
  numberMembers(M);
  deriveEstablished(ctx, tree.branches, M);
  return M;
}

/** weights of the year of joining, for most branches */
const YEAR_W = (() => {
  const w = new Map();
  for (let y = 1983; y <= 2017; y++) w.set(y, 0.3 + 0.12 * (y - 1983));
  w.set(2018, 4.5);
  w.set(2019, 3.6);
  return w;
})();
/** weights of the year of joining, for the branches of retired members */
const RET_YEAR_W = (() => {
  const w = new Map();
  for (let y = 1983; y <= 2019; y++) w.set(y, y <= 2000 ? 1 : y <= 2008 ? 0.6 : y <= 2014 ? 0.15 : 0.02);
  return w;
})();
/** the older a cohort, the more of it has left by 2019 */
const LEAVER_W = new Map([YEAR_W, RET_YEAR_W].map((w) => [w, new Map([...w].map(([y, x]) => [y, x * (1 + (2018 - y) / 5)]))]));
/** a year in [lo, hi] drawn by weights (0.3 for a year without one); hi when lo > hi */
function sampleYear(rng, weights, lo, hi) {
  if (lo > hi) return hi;
  const pairs = [];
  for (let y = lo; y <= hi; y++) pairs.push([y, weights.get(y) ?? 0.3]);
  return rng.w(pairs);
}

/**
 * 入会 is approved in batches: a few dates per group and year (late: after 2019-10-10).
 * Returns batches(group, y, late) → ascending days, each list drawn once from its own stream.
 */
function batchDays(seed) {
  const cache = new Map();
  return (group, y, late) => {
    const key = `${group}|${y}|${late ? 1 : 0}`;
    let r = cache.get(key);
    if (r) return r;
    const rng = new Rng(seed, 'batch', key);
    let months;
    if (y === 2019 && late) months = chooseUniform(rng, [11, 12], rng.int(1, 2));
    else if (y === 2019) months = chooseUniform(rng, [1, 3, 4, 5, 6, 7, 8, 9], rng.int(2, 3));
    else months = chooseUniform(rng, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], rng.int(2, 4));
    r = months.map((m) => workday(day(y, m, rng.int(1, 28)), day(y, m, 1), monthEnd(y, m)));
    if (group === 'gz' && y === 2019 && !late) r.push(REF_DAY); // someone joins on the report's day itself
    r.sort((a, b) => a - b);
    cache.set(key, r);
    return r;
  };
}
/** a day of joining in year y, not before minDay: one of the group's batches, else the earliest allowed */
function joinDay(rng, batches, group, y, minDay, late = false) {
  const c = batches(group, y, late).filter((d) => d >= minDay);
  if (c.length) return rng.pick(c);
  return Math.max(minDay, yearFirstDay(y));
}

const GENDER_F = { 中小学: 0.54, 医疗卫生: 0.52, 高校: 0.41, 文化: 0.46, 出版: 0.46, 科研院所: 0.34, 党政机关: 0.34, 企业: 0.28, 其他: 0.36 };

/** a new member of branch b, pushed onto M: 在册 with the given days, personal details drawn */
function newMember(M, rng, b, join, left, kindForAge) {
  const sector = rng.w(KINDS[b.kind].mix);
  const gender = rng.chance(GENDER_F[sector]) ? '女' : '男';
  let eth = '汉族';
  if (rng.chance(b.city.minority)) eth = rng.w(b.city.eth);
  if (rng.chance(0.004)) eth = '';
  const jy = ymd(join)[0];
  let joinAge = kindForAge === 'ret' ? rng.norm(44, 7) : rng.norm(36.5, 7);
  joinAge = Math.max(23, Math.min(62, Math.round(joinAge)));
  let by = Math.max(1932 + rng.int(0, 6), jy - joinAge);
  if (kindForAge === 'ret' && by > 1960) by = 1960 - rng.int(0, 8);
  const bm = rng.int(1, 12);
  const bd = rng.int(1, 28);
  const r = rng.f();
  const bfmt = r < 0.02 ? 0 : r < 0.12 ? 2 : 1;
  const m = {
    b, join, left, status: '在册', by, bm, bd, bfmt, gender, eth, name: personName(rng, gender, eth), sector,
    employer: '', title: '', edu: '', degree: '', roles: [], reserve: '否', eng: 0.3 + 0.7 * rng.f(), key: rng.f(),
    age: 2019 - by - (bm > 10 ? 1 : 0),
  };
  m.employer = employer(rng, b, sector);
  M.push(m);
  return m;
}

/** the 会籍状态 of a member who leaves (late: after 2019-10-10) */
function leaveStatus(rng, m, late) {
  const ageAtLeft = ymd(m.left)[0] - m.by;
  if (ageAtLeft >= 76 && rng.chance(0.75)) return '去世';
  if (ageAtLeft >= 66 && rng.chance(0.4)) return '去世';
  if (late) return rng.w([['退会', 30], ['转出', 35], ['去世', 25], ['除名', 10]]);
  return rng.w([['退会', 35], ['转出', 38], ['去世', 12], ['除名', 14], ['开除', 1]]);
}

/**
 * Every member who was ever in a branch, in order of generation (branch by branch): b.size on the
 * roster on 2019-10-10, a few late joiners after it, past leavers before it, and the dissolved
 * branch's members who all left before its dissolution.
 */
function generateMembers(ctx, branches) {
  const M = [];
  const batches = batchDays(ctx.seed);
  let forcedEdgeLeaver = false;
  for (const b of branches) {
    const rng = new Rng(ctx.seed, 'members', b.id);
    const group = b.group.id;
    const minDay = Math.max(b.est ?? FIRST_DAY, b.since ? yearFirstDay(b.since) : FIRST_DAY);
    const minYear = ymd(minDay)[0];
    const yw = b.kind === 'ret' ? RET_YEAR_W : YEAR_W;
    if (b.dis) {
      // a branch dissolved in 2018: every member left before the dissolution (most transferred out)
      const n = Math.max(4, Math.round((b.leavers ?? 10) * Math.min(1, ctx.scale)));
      for (let i = 0; i < n; i++) {
        const jy = sampleYear(rng, yw, minYear, 2016);
        const join = joinDay(rng, batches, group, jy, minDay);
        const left = rng.chance(0.8) ? rng.int(b.dis - 110, b.dis - 8) : rng.int(join + 30, b.dis - 120);
        const m = newMember(M, rng, b, join, Math.max(left, join + 30), b.kind);
        m.status = rng.chance(0.8) ? '转出' : '退会';
      }
      continue;
    }
    // core: on the roster on 2019-10-10
    for (let i = 0; i < b.size; i++) {
      let join;
      if (b.est && b.est >= yearFirstDay(2019)) {
        join = rng.chance(0.7) ? b.est : joinDay(rng, batches, group, 2019, b.est);
      } else {
        const jy = sampleYear(rng, yw, minYear, 2019);
        join = joinDay(rng, batches, group, jy, minDay);
      }
      const m = newMember(M, rng, b, join, NEVER, b.kind);
      if (rng.chance(0.006)) {
        m.left = rng.int(REF_DAY + 1, END_DAY);
        m.status = leaveStatus(rng, m, true);
      }
    }
    // late joiners: approved after 2019-10-10
    const late = rng.round(b.size * 0.015);
    for (let i = 0; i < late; i++) newMember(M, rng, b, joinDay(rng, batches, group, 2019, Math.max(minDay, REF_DAY + 1), true), NEVER, b.kind);
    // past leavers: left on or before 2019-10-10
    const past = b.est != null && b.est >= yearFirstDay(2019) ? 0 : rng.round(b.size * (0.04 + 0.06 * rng.f()));
    for (let i = 0; i < past; i++) {
      const jy = sampleYear(rng, LEAVER_W.get(yw), minYear, 2018);
      const join = joinDay(rng, batches, group, jy, minDay);
      let left;
      if (!forcedEdgeLeaver) { left = REF_DAY; forcedEdgeLeaver = true; } // left on the day: not on that day's roster
      else if (join + 30 >= REF_DAY) left = REF_DAY;
      else left = join + 30 + Math.floor((REF_DAY - join - 30) * Math.sqrt(rng.f()));
      const m = newMember(M, rng, b, join, left, b.kind);
      m.status = leaveStatus(rng, m, false);
    }
  }
  return M;
}

/** Sorts M by day of joining and gives the 会员编号 in that order, as they are given; fills b.mem. */
function numberMembers(M) {
  M.sort((a, b) => a.join - b.join || a.b.ord - b.b.ord || a.key - b.key);
  const width = Math.max(5, String(M.length).length);
  M.forEach((m, i) => {
    m.idx = i;
    m.id = `GZ${String(i + 1).padStart(width, '0')}`;
    m.b.mem.push(i);
  });
}

/** established dates derived from the first member, for most branches that do not state one */
function deriveEstablished(ctx, branches, M) {
  const rng = new Rng(ctx.seed, 'established');
  for (const b of branches) {
    if (b.showEst || !b.mem.length) continue;
    if (!rng.chance(0.6)) continue;
    let first = NEVER;
    for (const i of b.mem) first = Math.min(first, M[i].join);
    b.est = Math.max(FIRST_DAY, first - rng.int(0, 180));
    if (b.est > first) b.est = first;
    b.showEst = true;
  }
}
