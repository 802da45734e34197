#!/usr/bin/env node
/**
 * gen-example.mjs — seeded, deterministic generator of the example dataset of mj.
 *
 * What it writes (into --out, default data-examples/guizhou/ beside this repository's root):
 *   mj.yaml               name 民进贵州省委, locale zh-CN
 *   orgs.yaml             民进贵州省委 → 省直支部, 9 市州委会 + 贵安新区工委 → 总支 → 支部 (depth first),
 *                         with committees (支委会) and liaisons (领导联系基层)
 *   members.csv           the roster with the Chinese headers of spec.md §1
 *   activities/YEAR.csv   one year's duty records (履职记录) for each --years
 * It never deletes anything: assessments/, rubrics/, reports/ in the same folder are left alone.
 * Each file is written to FILE.tmp and renamed over FILE when complete.
 *
 * Run:   npm run gen:example                 (rebuilds data-examples/guizhou byte for byte)
 *        node scripts/gen-example.mjs --members 200000 --out /tmp/mj-national
 * Options:
 *   --out DIR        output folder (default: <repo>/data-examples/guizhou)
 *   --members N      members on the roster on 2019-10-10 (default 4462); branches scale with N
 *   --seed S         any text (default guizhou-2019)
 *   --years LIST     comma list of activity years (default 2018,2019)
 *   --density F      multiplies the number of activity records per branch and per member
 *                    (default 1: realistic volumes; use it to make stress files)
 *
 * Invariants (checked before the files are renamed into place; a failure exits 1):
 *   - Same options → same bytes, on every run and machine: one seeded sfc32 stream per purpose,
 *     integer day arithmetic (no Date, no clock, no Math.random, no locale), UTF-8 without BOM, LF.
 *   - On the roster on 2019-10-10 (joined ≤ that day, and 在册 or 离会时间 > that day) there are
 *     exactly N members, of whom round(N·1071/4462) hold 正高级 or 副高级 and round(N·94/4462)
 *     hold 博士 — at the default scale 4462, 1071 (24.0%) and 94, the figures of the 2019 report
 *     of 民进贵州省委 (shared/seed/article.zh.txt).
 *   - orgs: unique ASCII ids, one root, parents exist and precede their children; members belong to
 *     支部 only; a dissolved branch (one, in 2018) has no member left after its dissolution;
 *     committee and liaison ids are members on the roster on 2019-12-31.
 *   - members: every non-在册 member has a 离会时间 after the 入会时间; 在册 members have none.
 *   - activities: ids unique within the year, dates inside the year, rows sorted by date then id;
 *     the credited org existed on that date; every listed member was on the roster that day
 *     (a member who left on D is gone on D).
 * Prints one summary line on stderr; nothing on stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';

import { USAGE, contextOf, parseArgs } from './gen/options.mjs';
import { Rng, chooseUniform, chooseWeighted } from './gen/random.mjs';
import { onRoster } from './gen/on-roster.mjs';
import { appointCommittees, assignRoles } from './gen/leadership.mjs';
import { buildRoster } from './gen/roster.mjs';
import { qualificationTargets } from './gen/qualifications.mjs';
import { buildOrgTree, sizeBranches, subtreeBranches } from './gen/org-tree.mjs';
import { cn } from './gen/vocab/numerals.mjs';
import { L, LEVELS, O, OUTCOMES, T, TYPES } from './gen/vocab/records.mjs';
import { CITIES } from './gen/vocab/org-templates.mjs';
import { COMMITTEE_MEETINGS, ISSUES, MEETINGS, OTHER, PUBLICITY, SERVICE, STUDY, TOPICS, TRAINING, inYear, sqmyTitle } from './gen/vocab/activity-titles.mjs';
import { END_DAY, NEVER, REF_DAY, day, fmtDay, monthEnd, p2, workday, yearFirstDay, yearLastDay, ymd } from './gen/calendar.mjs';

// ───────────────────────────── options ─────────────────────────────

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(msg, code = 2) {
  process.stderr.write(`gen-example: ${msg}\n`);
  process.exit(code);
}

const parsed = parseArgs(process.argv.slice(2), path.join(REPO, 'data-examples', 'guizhou'));
if (parsed.kind === 'help') { process.stdout.write(`${USAGE}\n`); process.exit(0); }
if (parsed.kind === 'error') fail(parsed.message);
const OPT = parsed.options;
const SEED = OPT.seed;
const N = OPT.members;

const MONTH_W = [0.8, 0.4, 1.1, 1.1, 1.1, 1.05, 0.85, 0.65, 1.05, 0.9, 1.1, 1.0];

// ───────────────────────────── the org tree ─────────────────────────────

const ctx = contextOf(OPT);
const { orgs: ORGS, root: ROOT, branches: BRANCHES } = buildOrgTree(ctx);
sizeBranches(ctx, BRANCHES);

// ───────────────────────────── members ─────────────────────────────

const M = buildRoster(ctx, { root: ROOT, branches: BRANCHES });
const { senior: TARGET_SENIOR, doctor: TARGET_DOCTOR } = qualificationTargets(N);

// ───────────────────────────── committees, liaisons, roles, reserves ─────────────────────────────

appointCommittees(ctx, { orgs: ORGS, root: ROOT, branches: BRANCHES }, M);
assignRoles(ctx, { orgs: ORGS, root: ROOT, branches: BRANCHES }, M);

// ───────────────────────────── activities ─────────────────────────────

class Grow {
  constructor(Ctor, cap = 1024) { this.Ctor = Ctor; this.a = new Ctor(cap); this.n = 0; }
  push(v) {
    if (this.n === this.a.length) { const b = new this.Ctor(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = v;
  }
}

class RowStore {
  constructor(year) {
    this.year = year;
    this.day = new Grow(Int32Array); this.type = new Grow(Uint8Array); this.org = new Grow(Int32Array);
    this.mStart = new Grow(Int32Array); this.mLen = new Grow(Int32Array); this.title = new Grow(Int32Array);
    this.level = new Grow(Uint8Array); this.outc = new Grow(Uint32Array); this.hours = new Grow(Int16Array);
    this.tags = new Grow(Int32Array); this.note = new Grow(Int32Array);
    this.mem = new Grow(Int32Array, 4096);
    this.strs = ['']; this.strIdx = new Map([['', 0]]);
    this.n = 0;
  }
  intern(s) {
    let i = this.strIdx.get(s);
    if (i === undefined) { i = this.strs.length; this.strs.push(s); this.strIdx.set(s, i); }
    return i;
  }
  add(d, type, org, members, title, { level = '', outc = 0, hours = -1, tags = '', note = '' } = {}) {
    this.day.push(d); this.type.push(T[type]); this.org.push(org.ord);
    this.mStart.push(this.mem.n); this.mLen.push(members.length);
    for (const i of members) this.mem.push(i);
    this.title.push(this.intern(title)); this.level.push(L[level]); this.outc.push(outc);
    this.hours.push(hours < 0 ? -1 : Math.round(hours * 10)); this.tags.push(this.intern(tags)); this.note.push(this.intern(note));
    this.n++;
  }
}

function outcomesSqmy(rng, level) {
  let o = 0;
  if (level === '县') { if (rng.chance(0.06)) o |= O['市委统战部采用']; return o; }
  if (level === '市') {
    if (rng.chance(0.14)) o |= O['市政协采用'];
    if (rng.chance(0.1)) o |= O['市委统战部采用'];
    if (o && rng.chance(0.07)) o |= O['市领导批示'];
  }
  let central = false;
  if (level === '国家') central = rng.chance(0.25);
  else if (rng.chance(level === '省' ? 0.33 : 0.22)) {
    o |= O['省委会采用'];
    if (rng.chance(0.3)) o |= O['省政协采用'];
    if (rng.chance(0.12)) o |= O['省委统战部采用'];
    if (rng.chance(0.03)) o |= O['省委办公厅采用'];
    if ((o & (O['省政协采用'] | O['省委办公厅采用'])) && rng.chance(0.045)) o |= O['省领导批示'];
    if ((o & (O['省政协采用'] | O['省委办公厅采用'])) && rng.chance(0.015)) o |= O['省主要领导批示'];
    central = rng.chance(0.07);
  }
  if (central) {
    o |= O['民进中央采用'];
    if (rng.chance(0.06)) o |= O['全国政协转送'];
    if (rng.chance(0.025)) o |= O['全国政协单篇采用'];
    if (rng.chance(0.08)) o |= O['中央统战部采用'];
    if (rng.chance(0.04)) o |= O['国家部委批示'];
    if (rng.chance(0.015)) o |= O['中央领导批示'];
  }
  return o;
}

function activeOn(list, d) {
  const r = [];
  for (const i of list) if (onRoster(M[i], d)) r.push(i);
  return r;
}
function sampleDay(rng, lo, hi) {
  for (let t = 0; t < 8; t++) {
    const d = rng.int(lo, hi);
    if (rng.f() * 1.15 < MONTH_W[ymd(d)[1] - 1]) return workday(d, lo, hi);
  }
  return workday(rng.int(lo, hi), lo, hi);
}
/** n dates in [lo, hi], spread over distinct months where possible, ascending */
function spreadDays(rng, Y, lo, hi, n, months = null) {
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
function orderMembers(list, chair) {
  const s = list.slice().sort((a, b) => a - b);
  if (chair != null) { const k = s.indexOf(chair); if (k > 0) { s.splice(k, 1); s.unshift(chair); } }
  return s;
}
const pickCounty = (rng, b) => (b.lvl === 'county' && rng.chance(0.5) ? b.place : rng.pick(b.city.counties));
const fill = (s, rng, b) => s.replace('{c}', pickCounty(rng, b));

function volume(Y) { return (Y >= 2019 ? 1 : 0.88 ** (2019 - Y)) * OPT.density; }

function genBranchYear(b, Y, store) {
  const rng = new Rng(SEED, 'activities', Y, b.id);
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  const lo = Math.max(yS, b.est ?? yS);
  const hi = Math.min(yE, b.dis != null ? b.dis - 1 : yE);
  if (lo > hi) return;
  // on the roster on some day of [lo, hi] ⇔ on it on the later of lo and the day of joining
  const yearMem = b.mem.filter((i) => { const m = M[i]; const d = Math.max(lo, m.join); return d <= hi && onRoster(m, d); });
  if (!yearMem.length) return;
  const frac = (hi - lo + 1) / (yE - yS + 1);
  const V = volume(Y);
  const cnt = (pairs) => rng.round(rng.w(pairs) * frac * V);
  const chair = b.committee.find((c) => c.role === '主委')?.member ?? null;
  const engW = (i) => M[i].eng;
  const roleLevel = (i) => {
    const r = M[i].roles;
    if (r.includes('全国政协委员')) return '国家';
    if (r.includes('省政协委员')) return '省';
    if (r.includes('市政协委员')) return '市';
    if (r.includes('县政协委员')) return '县';
    return '';
  };
  const ownLevel = b.lvl === 'prov' ? '省' : b.lvl === 'city' ? '市' : rng.chance(0.6) ? '县' : '市';
  const pickDayWith = (a, z, need = 1) => {
    for (let t = 0; t < 6; t++) {
      const d = sampleDay(rng, a, z);
      const act = activeOn(yearMem, d);
      if (act.length >= need) return [d, act];
    }
    return [null, null];
  };

  // 社情民意: most members one, some several, some none
  const later = Y >= 2019;
  const r0 = rng.f();
  const cov = later ? (r0 < 0.1 ? 1 : r0 < 0.9 ? 0.6 + 0.36 * rng.f() : 0.3 + 0.3 * rng.f())
    : (r0 < 0.07 ? 1 : r0 < 0.85 ? 0.55 + 0.38 * rng.f() : 0.25 + 0.3 * rng.f());
  for (const i of yearMem) {
    const m = M[i];
    // the member's days on the roster within [lo, hi]: from joining to the day before leaving
    const wlo = Math.max(lo, m.join), whi = Math.min(hi, m.left - 1);
    if (whi < wlo) continue;
    const stays = onRoster(m, hi);
    const covered = stays ? (cov === 1 || rng.chance(cov)) : rng.chance(0.5 * cov * Math.min(1, (whi - wlo) / 120));
    if (!covered) continue;
    const r = rng.f();
    let n = r < 0.74 ? 1 : r < 0.91 ? 2 : r < 0.97 ? 3 : rng.int(4, 6);
    n = Math.max(1, rng.round(n * OPT.density));
    for (let k = 0; k < n; k++) {
      const d = sampleDay(rng, wlo, whi);
      let members = [i];
      if (rng.chance(0.15)) {
        const others = activeOn(yearMem, d).filter((x) => x !== i);
        members = members.concat(chooseUniform(rng, others, rng.int(1, 2)).sort((a, c) => a - c));
      }
      const level = b.lvl === 'prov' ? (rng.chance(0.9) ? '省' : '国家')
        : b.lvl === 'city' ? rng.w([['市', 50], ['省', 45], ['国家', 5]]) : rng.w([['县', 10], ['市', 50], ['省', 40]]);
      const [title, cat] = sqmyTitle(rng);
      const tags = cat && rng.chance(0.4) ? cat : '';
      const note = members.length > 1 && rng.chance(0.1) ? '联名报送' : rng.chance(0.005) ? '已转报民进中央' : '';
      store.add(d, '社情民意', b, members, title, { level, outc: outcomesSqmy(rng, level), tags, note });
    }
  }

  // 提案 / 建议
  const atLeast1 = (n) => (frac >= 0.5 ? Math.max(1, n) : n);
  const nP = rng.chance(later ? 0.04 : 0.055) ? 0 : atLeast1(cnt([[1, 45], [2, 35], [3, 20]]));
  for (let k = 0; k < nP; k++) {
    const isP = rng.chance(0.55);
    const ea = Math.max(lo, day(Y, 1, 5)), ez = Math.min(hi, day(Y, 3, 31));
    let [d, act] = isP && ea <= ez && rng.chance(0.65) ? pickDayWith(ea, ez) : [null, null];
    if (d == null) [d, act] = pickDayWith(lo, hi);
    if (d == null) continue;
    const holders = act.filter((i) => roleLevel(i));
    const lead = holders.length && rng.chance(0.7) ? rng.pick(holders) : (chair != null && act.includes(chair) && rng.chance(0.4) ? chair : chooseWeighted(rng, act, 1, engW)[0]);
    const co = chooseUniform(rng, act.filter((x) => x !== lead), rng.int(0, 3)).sort((a, c) => a - c);
    const topic = rng.pick(TOPICS);
    const level = roleLevel(lead) || ownLevel;
    let outc = 0;
    if (isP) {
      const r = rng.f();
      if (r < 0.05) outc = 0;
      else if (r < 0.22) outc = O['未立案'];
      else {
        outc = O['立案'];
        if (rng.chance(0.12)) {
          outc |= O['重点提案'];
          if (rng.chance(0.25)) outc |= level === '国家' ? O['国家部委批示'] : level === '省' ? O['省领导批示'] : O['市领导批示'];
        }
      }
    } else if (level === '省' || level === '国家') {
      if (rng.chance(0.35)) {
        outc |= O['省委会采用'];
        if (rng.chance(0.1)) outc |= O['省委办公厅采用'];
        if (rng.chance(0.15)) outc |= O['省委统战部采用'];
        if (rng.chance(0.08)) outc |= O['省领导批示'];
      }
    } else {
      if (rng.chance(0.25)) outc |= O['市委统战部采用'];
      if (rng.chance(0.1)) outc |= O['市政协采用'];
      if (outc && rng.chance(0.2)) outc |= O['市领导批示'];
    }
    store.add(d, isP ? '提案' : '建议', b, [lead, ...co], `关于${rng.chance(0.2) ? '进一步' : ''}${topic[1]}的${isP ? '提案' : '建议'}`,
      { level, outc, tags: rng.chance(0.3) ? topic[0] : '' });
  }

  // 社会服务
  const nS = rng.chance(later ? 0.04 : 0.07) ? 0 : atLeast1(cnt([[1, 50], [2, 35], [3, 15]]));
  for (let k = 0; k < nS; k++) {
    const [d, act] = pickDayWith(lo, hi, 1);
    if (d == null) continue;
    const ps = chooseWeighted(rng, act, Math.min(act.length, rng.int(3, 12)), engW);
    const [t, tag] = rng.pick(SERVICE);
    let note = '';
    if (rng.chance(0.05)) { const c = pickCounty(rng, b); note = `与${c}${c.endsWith('新区') ? '党工委' : '委'}统战部联合开展`; }
    else if (rng.chance(0.02)) note = '会员自筹经费, 购置"爱心书包"200个';
    store.add(d, '社会服务', b, orderMembers(ps, chair), fill(t, rng, b), { tags: tag, note });
  }

  // 组织生活: 4–10 a year, 50–90% of the members attend
  const used = new Set();
  const nM = Math.max((hi - lo) >= 45 ? 1 : 0, cnt([[4, 1], [5, 1], [6, 1.2], [7, 1.2], [8, 1], [9, 0.8], [10, 0.6]]));
  const att = 0.6 + 0.22 * rng.f();
  for (const d of spreadDays(rng, Y, lo, hi, nM)) {
    const act = activeOn(yearMem, d);
    if (!act.length) continue;
    const mo = ymd(d)[1];
    const cands = MEETINGS.filter((x) => x[1].includes(mo) && inYear(x[2], Y) && !used.has(x[0]));
    const [t, , , tag] = cands.length ? rng.pick(cands) : ['支部组织生活会', null, null, ''];
    used.add(t);
    const rate = Math.min(0.9, Math.max(0.5, att + 0.24 * (rng.f() - 0.5)));
    const ps = chooseWeighted(rng, act, Math.max(1, Math.round(rate * act.length)), engW);
    store.add(d, '组织生活', b, orderMembers(ps, chair), fill(t, rng, b), { tags: tag, note: rng.chance(0.03) ? '联合其他支部开展' : '' });
  }

  // 支委会
  const cm = b.committee.map((c) => c.member);
  const nC = cnt([[1, 55], [2, 45]]);
  const usedC = new Set();
  for (const d of spreadDays(rng, Y, lo, hi, nC)) {
    const act = activeOn(yearMem, d);
    if (!act.length) continue;
    let ps = cm.filter((i) => act.includes(i));
    if (ps.length < 2) ps = chooseWeighted(rng, act, Math.min(act.length, 3), engW);
    const mo = ymd(d)[1];
    const cands = COMMITTEE_MEETINGS.filter((x) => x[1].includes(mo) && !usedC.has(x[0]));
    const t = cands.length ? rng.pick(cands)[0] : '支委会';
    usedC.add(t);
    store.add(d, '支委会', b, orderMembers(ps, chair), t);
  }

  // 学习
  const nL = cnt([[0, 25], [1, 35], [2, 25], [3, 15]]);
  for (let k = 0; k < nL; k++) {
    const [d, act] = pickDayWith(lo, hi);
    if (d == null) continue;
    const ps = chooseWeighted(rng, act, Math.max(1, Math.round(act.length * (0.4 + 0.45 * rng.f()))), engW);
    const [t] = rng.pick(STUDY.filter((x) => inYear(x[1], Y)));
    const tags = later ? (rng.chance(0.5) ? '主题教育' : '理论学习') : '理论学习';
    store.add(d, '学习', b, orderMembers(ps, chair), t, { hours: rng.pick([2, 2, 2.5, 3, 4]), tags });
  }

  // 培训 (the branch's own; 省委会 and 市州 classes are credited to them)
  const nT = cnt([[0, 45], [1, 40], [2, 15]]);
  for (let k = 0; k < nT; k++) {
    const [d, act] = pickDayWith(lo, hi);
    if (d == null) continue;
    const fresh = act.filter((i) => M[i].join >= d - 365);
    if (fresh.length >= 2 && rng.chance(0.5)) {
      store.add(d, '培训', b, orderMembers(chair != null && act.includes(chair) ? [chair, ...fresh.filter((x) => x !== chair)] : fresh, chair), '新会员入会教育',
        { hours: rng.pick([2, 3, 4]), tags: '新会员培训' });
      continue;
    }
    const ps = chooseWeighted(rng, act, Math.max(1, Math.round(act.length * (0.3 + 0.4 * rng.f()))), engW);
    const [t, tag] = rng.pick(TRAINING);
    store.add(d, '培训', b, orderMembers(ps, chair), t, { hours: rng.pick([2, 3, 4, 6, 8]), tags: tag });
  }

  // 调研
  const nR = cnt([[0, 40], [1, 40], [2, 20]]);
  for (let k = 0; k < nR; k++) {
    const [d, act] = pickDayWith(lo, hi);
    if (d == null) continue;
    const ps = chooseWeighted(rng, act, Math.min(act.length, rng.int(2, 6)), engW);
    const np = rng.pick(ISSUES);
    const t = rng.chance(0.5) ? `关于${np}问题的专题调研` : `赴${pickCounty(rng, b)}开展${np}情况调研`;
    store.add(d, '调研', b, orderMembers(ps, null), t);
  }

  // 宣传 (信息稿件)
  const nX = cnt([[0, 30], [1, 25], [2, 20], [3, 15], [4, 10]]);
  for (let k = 0; k < nX; k++) {
    const [d, act] = pickDayWith(lo, hi);
    if (d == null) continue;
    const ps = chooseWeighted(rng, act, rng.chance(0.2) ? Math.min(2, act.length) : 1, engW);
    store.add(d, '宣传', b, ps, fill(rng.pick(PUBLICITY), rng, b), { tags: '信息稿件' });
  }

  // 其他
  if (rng.chance(0.12 * V)) {
    const [d, act] = pickDayWith(lo, hi);
    if (d != null) store.add(d, '其他', b, orderMembers(chooseWeighted(rng, act, Math.min(act.length, rng.int(2, 5)), engW), chair), rng.pick(OTHER));
  }
}

function genCommitteeRows(Y, store) {
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  const V = volume(Y);
  const allMem = BRANCHES.flatMap((b) => b.mem);
  const leaders = (o, d) => o.committee.map((c) => c.member).filter((i) => onRoster(M[i], d));
  // 省委会
  {
    const rng = new Rng(SEED, 'activities', Y, ROOT.id);
    // 新会员培训班: members who joined in the last 15 months, in classes of at most 90
    const d0 = day(Y, rng.pick([10, 11]), rng.int(1, 28));
    const fresh = allMem.filter((i) => onRoster(M[i], d0) && M[i].join >= d0 - 460 && rng.chance(0.75));
    const classes = Math.ceil(fresh.length / 90);
    for (let c = 0; c < classes; c++) {
      const part = fresh.slice(Math.floor((c * fresh.length) / classes), Math.floor(((c + 1) * fresh.length) / classes));
      const d = Math.min(yE, d0 + 7 * c);
      const ps = part.filter((i) => onRoster(M[i], d)).sort((a, c) => a - c);
      if (!ps.length) continue;
      store.add(d, '培训', ROOT, ps, `民进贵州省委${Y}年新会员培训班${classes > 1 ? `（第${cn(c + 1)}期）` : ''}`, { hours: 24, tags: '新会员培训' });
    }
    // 骨干会员培训班: branch chairs and reserve cadres
    const d1 = day(Y, rng.pick([7, 8]), rng.int(1, 28));
    const chairs = BRANCHES.flatMap((b) => b.committee.filter((c) => c.role === '主委').map((c) => c.member));
    const core = [...new Set([...chairs, ...allMem.filter((i) => M[i].reserve === '是')])].filter((i) => onRoster(M[i], d1));
    const ps = chooseUniform(rng, core, Math.min(core.length, 120)).sort((a, c) => a - c);
    if (ps.length) store.add(d1, '培训', ROOT, ps, `民进贵州省委${Y}年骨干会员培训班`, { hours: 32, tags: '骨干培训' });
    // 理论学习中心组
    const studies = Y >= 2019 ? ['省委会理论学习中心组学习：习近平新时代中国特色社会主义思想', '“不忘合作初心，继续携手前进”主题教育专题学习会']
      : Y === 2018 ? ['省委会理论学习中心组学习：党的十九大精神', '新型政党制度理论专题学习会'] : ['省委会理论学习中心组学习'];
    for (const [k, t] of studies.entries()) {
      const d = day(Y, k === 0 ? rng.int(2, 4) : rng.int(6, 9), rng.int(1, 28));
      const ps2 = leaders(ROOT, d);
      if (ps2.length) store.add(d, '学习', ROOT, ps2, t, { hours: 3, tags: Y >= 2019 && k === 1 ? '主题教育' : '理论学习' });
    }
    // 领导调研
    const nR = rng.round(2 * V);
    for (let k = 0; k < nR; k++) {
      const d = sampleDay(rng, yS, yE);
      const ls = leaders(ROOT, d);
      const city = rng.pick(CITIES);
      if (ls.length) store.add(d, '调研', ROOT, chooseUniform(rng, ls, rng.int(2, 4)).sort((a, c) => a - c), `省委会领导赴${city.full}调研基层组织建设`);
    }
    // meetings of the year
    if (Y === 2019 || Y === 2018) {
      const d = Y === 2019 ? day(2019, 8, rng.int(20, 28)) : day(2018, 4, rng.int(10, 20));
      const t = Y === 2019 ? '基层组织建设主题年工作推进会' : '政治巡查工作动员会';
      const heads = [...leaders(ROOT, d), ...ORGS.filter((o) => o.parent === ROOT && o.type !== '支部').flatMap((o) => o.committee.filter((c) => c.role === '主委').map((c) => c.member))];
      if (Y === 2019) heads.push(...BRANCHES.filter((b) => b.parent === ROOT).flatMap((b) => b.committee.filter((c) => c.role === '主委').map((c) => c.member)));
      const ps3 = [...new Set(heads)].filter((i) => onRoster(M[i], d));
      if (ps3.length) store.add(d, '其他', ROOT, orderMembers(chooseUniform(rng, ps3, 90), null), t);
    }
  }
  // 市州委会 / 工委
  for (const o of ORGS) {
    if (o.parent !== ROOT || o.type === '支部') continue;
    const rng = new Rng(SEED, 'activities', Y, o.id);
    const sub = subtreeBranches(o).flatMap((b) => b.mem);
    const d = day(Y, rng.int(4, 11), rng.int(1, 28));
    const act = sub.filter((i) => onRoster(M[i], d));
    const k = Math.min(100, Math.max(5, Math.round(act.length * (0.15 + 0.15 * rng.f()))));
    const ps = chooseUniform(rng, act, k).sort((a, c) => a - c);
    if (ps.length) store.add(d, '培训', o, ps, `${o.name}${Y}年会员培训班`, { hours: rng.pick([8, 12, 16]), tags: '会员培训' });
    if (rng.chance(0.6)) {
      const d2 = day(Y, rng.int(3, 12), rng.int(1, 28));
      const ls = leaders(o, d2);
      if (ls.length) store.add(d2, '学习', o, ls, `${o.name}中心组学习会`, { hours: 3, tags: Y >= 2019 ? '主题教育' : '理论学习' });
    }
  }
}

// ───────────────────────────── output ─────────────────────────────

class Out {
  constructor(file) {
    this.file = file;
    this.tmp = `${file}.tmp`;
    this.fd = fs.openSync(this.tmp, 'w');
    this.parts = [];
    this.len = 0;
    this.bytes = 0;
  }
  w(s) {
    this.parts.push(s);
    this.len += s.length;
    if (this.len >= 1 << 20) this.flush();
  }
  flush() {
    if (!this.parts.length) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    let off = 0;
    while (off < buf.length) off += fs.writeSync(this.fd, buf, off, buf.length - off);
    this.bytes += buf.length;
    this.parts = [];
    this.len = 0;
  }
  close() {
    this.flush();
    fs.closeSync(this.fd);
    return this;
  }
  commit() { fs.renameSync(this.tmp, this.file); }
}

const csv = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const YAML_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#]*$/;
const yq = (s) => (YAML_PLAIN.test(s) && !/\s$/.test(s) && !/^(true|false|yes|no|on|off|null|~|[-+.\d][\d.eE+-]*)$/i.test(s) ? s : JSON.stringify(s));

fs.mkdirSync(path.join(OPT.out, 'activities'), { recursive: true });
const pending = [];

// mj.yaml
{
  const o = new Out(path.join(OPT.out, 'mj.yaml'));
  o.w('# 示例数据，由 scripts/gen-example.mjs 生成，人名单位均为虚构。\n');
  o.w('# 重新生成：npm run gen:example（相同参数，逐字节相同）\n');
  o.w('name: 民进贵州省委\n');
  o.w('locale: zh-CN\n');
  pending.push(o.close());
}

// orgs.yaml
{
  const o = new Out(path.join(OPT.out, 'orgs.yaml'));
  o.w('# 民进贵州省委组织结构：省委会 → 省直支部、市州委会（工委）→ 总支 → 支部，按深度优先排列。\n');
  o.w('# 示例数据，由 scripts/gen-example.mjs 生成，人名单位均为虚构。\n');
  for (const g of ORGS) {
    if (g.parent === ROOT && g.type !== '支部') o.w(`\n# ${g.name}\n`);
    o.w(`- id: ${yq(g.id)}\n  name: ${yq(g.name)}\n  type: ${g.type}\n`);
    if (g.parent) o.w(`  parent: ${yq(g.parent.id)}\n`);
    if (g.showEst && g.est != null) o.w(`  established: ${fmtDay(g.est)}\n`);
    if (g.dis != null) o.w(`  dissolved: ${fmtDay(g.dis)}\n`);
    if (g.committee.length) {
      o.w('  committee:\n');
      for (const c of g.committee) o.w(`    - { member: ${M[c.member].id}, role: ${c.role} }\n`);
    }
    if (g.liaison != null) o.w(`  liaison: ${M[g.liaison].id}\n`);
  }
  pending.push(o.close());
}

// members.csv
{
  const o = new Out(path.join(OPT.out, 'members.csv'));
  o.w('会员编号,姓名,性别,出生年月,民族,入会时间,所属组织,职称,学历,学位,工作单位,界别,政治安排,后备干部,会籍状态,离会时间\n');
  for (const m of M) {
    const birth = m.bfmt === 0 ? '' : m.bfmt === 1 ? `${m.by}-${p2(m.bm)}` : `${m.by}-${p2(m.bm)}-${p2(m.bd)}`;
    o.w(`${m.id},${csv(m.name)},${m.gender},${birth},${m.eth},${fmtDay(m.join)},${m.b.id},${m.title},${m.edu},${m.degree},`
      + `${csv(m.employer)},${m.sector},${m.roles.join(';')},${m.reserve},${m.status},${m.left === NEVER ? '' : fmtDay(m.left)}\n`);
  }
  pending.push(o.close());
}

// activities/YEAR.csv
const yearCounts = [];
for (const Y of OPT.years) {
  const store = new RowStore(Y);
  for (const b of BRANCHES) genBranchYear(b, Y, store);
  genCommitteeRows(Y, store);
  // counting sort by date, stable in generation order
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  const nDays = yE - yS + 1;
  const start = new Int32Array(nDays + 1);
  for (let r = 0; r < store.n; r++) start[store.day.a[r] - yS + 1]++;
  for (let k = 1; k <= nDays; k++) start[k] += start[k - 1];
  const order = new Int32Array(store.n);
  const fillAt = start.slice(0, nDays);
  for (let r = 0; r < store.n; r++) order[fillAt[store.day.a[r] - yS]++] = r;

  const o = new Out(path.join(OPT.out, 'activities', `${Y}.csv`));
  o.w('编号,日期,类型,组织,会员,标题,报送层级,结果,学时,标签,备注\n');
  const w = Math.max(6, String(store.n).length);
  const dayStr = new Map();
  for (let k = 0; k < store.n; k++) {
    const r = order[k];
    const d = store.day.a[r];
    if (d < yS || d > yE) throw new Error(`activity outside ${Y}`);
    const org = ORGS[store.org.a[r]];
    if ((org.est != null && d < org.est) || (org.dis != null && d >= org.dis)) throw new Error(`activity of ${org.id} on ${fmtDay(d)} outside its life`);
    const ms = [];
    for (let j = store.mStart.a[r], e = j + store.mLen.a[r]; j < e; j++) {
      const m = M[store.mem.a[j]];
      if (!onRoster(m, d)) throw new Error(`${m.id} listed on ${fmtDay(d)} but not on the roster`);
      ms.push(m.id);
    }
    let ds = dayStr.get(d);
    if (!ds) { ds = fmtDay(d); dayStr.set(d, ds); }
    const oc = store.outc.a[r];
    let outs = '';
    if (oc) { const p = []; for (let b = 0; b < OUTCOMES.length; b++) if (oc & (1 << b)) p.push(OUTCOMES[b]); outs = p.join(';'); }
    const h = store.hours.a[r];
    o.w(`${Y}-${String(k + 1).padStart(w, '0')},${ds},${TYPES[store.type.a[r]]},${org.id},${ms.join(';')},${csv(store.strs[store.title.a[r]])},`
      + `${LEVELS[store.level.a[r]]},${outs},${h < 0 ? '' : String(h / 10)},${csv(store.strs[store.tags.a[r]])},${csv(store.strs[store.note.a[r]])}\n`);
  }
  pending.push(o.close());
  yearCounts.push(`${Y}: ${store.n}`);
}

// assessments/YEAR.csv for the last year: the panel's points for the example rubric's one
// manual item (panel, 考评组综合评价, max 5), and the branch's own, usually a little higher.
{
  const Y = OPT.years[OPT.years.length - 1];
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  const rng = new Rng(SEED, 'assessments', Y);
  fs.mkdirSync(path.join(OPT.out, 'assessments'), { recursive: true });
  const o = new Out(path.join(OPT.out, 'assessments', `${Y}.csv`));
  o.w('组织,项目,考评组审核得分,支部自评得分,备注\n');
  for (const b of BRANCHES) {
    if ((b.est != null && b.est > yE) || (b.dis != null && b.dis < yS)) continue;
    const points = 2.5 + rng.int(0, 5) * 0.5; // 2.5 … 5
    const self = Math.min(5, points + rng.int(0, 2) * 0.5);
    const note = b.est != null && b.est >= yS ? '成立不满一年' : '';
    o.w(`${b.id},panel,${points},${rng.chance(0.85) ? self : ''},${note}\n`);
  }
  pending.push(o.close());
}

// ───────────────────────────── invariants and the summary ─────────────────────────────
{
  const R = M.filter((m) => onRoster(m, REF_DAY));
  const senior = R.filter((m) => m.title === '正高级' || m.title === '副高级').length;
  const doctor = R.filter((m) => m.degree === '博士').length;
  const problems = [];
  if (R.length !== N) problems.push(`roster on 2019-10-10 is ${R.length}, expected ${N}`);
  if (senior !== TARGET_SENIOR) problems.push(`副高以上 ${senior}, expected ${TARGET_SENIOR}`);
  if (doctor !== TARGET_DOCTOR) problems.push(`博士 ${doctor}, expected ${TARGET_DOCTOR}`);
  const ids = new Set(ORGS.map((g) => g.id));
  if (ids.size !== ORGS.length) problems.push('duplicate org ids');
  for (const g of ORGS) if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(g.id)) problems.push(`bad org id ${g.id}`);
  for (const m of M) {
    if (m.b.type !== '支部') problems.push(`${m.id} not in a 支部`);
    if ((m.status === '在册') !== (m.left === NEVER)) problems.push(`${m.id} status/left mismatch`);
    if (m.left !== NEVER && m.left <= m.join) problems.push(`${m.id} left before joining`);
    // on the roster on the day of dissolution or later ⇔ on it on the later of that day and the day of joining
    if (m.b.dis != null && onRoster(m, Math.max(m.b.dis, m.join))) problems.push(`${m.id} still in dissolved ${m.b.id}`);
  }
  for (const g of ORGS) {
    for (const c of g.committee) if (!onRoster(M[c.member], END_DAY)) problems.push(`committee of ${g.id} holds a departed member`);
    if (g.liaison != null && !onRoster(M[g.liaison], END_DAY)) problems.push(`liaison of ${g.id} departed`);
  }
  if (problems.length) {
    for (const f of pending) fs.rmSync(f.tmp, { force: true });
    fail(`invariant broken, nothing written:\n  ${problems.slice(0, 20).join('\n  ')}`, 1);
  }
  for (const f of pending) f.commit();
  const pct = ((senior * 100) / N).toFixed(1);
  process.stderr.write(`gen-example: ${path.relative(process.cwd(), OPT.out) || '.'}: ${ORGS.length} orgs (${BRANCHES.length} 支部), `
    + `${M.length} members; on the roster on 2019-10-10: ${N}, 副高以上 ${senior} (${pct}%), 博士 ${doctor}; `
    + `activity rows ${yearCounts.join(', ')}\n`);
}
