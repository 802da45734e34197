// A branch's duty records of one year (the bulk of activities/YEAR.csv): how many of each type,
// on which days, with which members, titles, levels and outcomes.
import { day, yearFirstDay, yearLastDay, ymd } from '../calendar.mjs';
import { branchWindow, inBranch } from '../on-roster.mjs';
import { Rng, chooseUniform, chooseWeighted } from '../random.mjs';
import { COMMITTEE_MEETINGS, ISSUES, MEETINGS, OTHER, PUBLICITY, SERVICE, STUDY, TOPICS, TRAINING, inYear, sqmyTitle } from '../vocab/activity-titles.mjs';
import { O } from '../vocab/records.mjs';
import { membersOnRoster, orderMembers, sampleDay, spreadDays, volume } from './common.mjs';

/** the 结果 bits of a 社情民意 sent at level */
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

/** a county for a title: the branch's own (county branches, half the time) or any of its 市州 */
const pickCounty = (rng, b) => (b.lvl === 'county' && rng.chance(0.5) ? b.place : rng.pick(b.city.counties));
/** s with {c} replaced by a county */
const fill = (s, rng, b) => s.replace('{c}', pickCounty(rng, b));

/**
 * Adds to store the records of branch b in year Y, while it exists: 社情民意, 提案/建议, 社会服务,
 * 组织生活, 支委会, 学习, 培训, 调研, 宣传, 其他; every participant on the roster on the record's day.
 */
export function genBranchYear(ctx, M, b, Y, store) {
  const rng = new Rng(ctx.seed, 'activities', Y, b.id);
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  const lo = Math.max(yS, b.est ?? yS);
  const hi = Math.min(yE, b.dis != null ? b.dis - 1 : yE);
  if (lo > hi) return;
  // in the branch on some day of [lo, hi] (a member who moved, only during their stay)
  const yearMem = b.mem.filter((i) => { const [a, z] = branchWindow(M[i], b, lo, hi); return a <= z; });
  if (!yearMem.length) return;
  const frac = (hi - lo + 1) / (yE - yS + 1);
  const V = volume(ctx, Y);
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
      const act = membersOnRoster(M, yearMem, d, b);
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
    // the member's days in the branch within [lo, hi]: from joining (or moving in) to the day before leaving (or moving out)
    const [wlo, whi] = branchWindow(m, b, lo, hi);
    if (whi < wlo) continue;
    const stays = inBranch(m, b, hi);
    const covered = stays ? (cov === 1 || rng.chance(cov)) : rng.chance(0.5 * cov * Math.min(1, (whi - wlo) / 120));
    if (!covered) continue;
    const r = rng.f();
    let n = r < 0.74 ? 1 : r < 0.91 ? 2 : r < 0.97 ? 3 : rng.int(4, 6);
    n = Math.max(1, rng.round(n * ctx.density));
    for (let k = 0; k < n; k++) {
      const d = sampleDay(rng, wlo, whi);
      let members = [i];
      if (rng.chance(0.15)) {
        const others = membersOnRoster(M, yearMem, d, b).filter((x) => x !== i);
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
    const act = membersOnRoster(M, yearMem, d, b);
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
    const act = membersOnRoster(M, yearMem, d, b);
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
