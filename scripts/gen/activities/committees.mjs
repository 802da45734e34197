// The duty records of the committees above the branches in one year: the root's classes, study
// groups, research visits and meetings, and each 市州委会/工委's training class and study group.
import { day, yearFirstDay, yearLastDay } from '../calendar.mjs';
import { onRoster } from '../on-roster.mjs';
import { subtreeBranches } from '../org-tree.mjs';
import { Rng, chooseUniform } from '../random.mjs';
import { cn } from '../vocab/numerals.mjs';
import { CITIES } from '../vocab/org-templates.mjs';
import { orderMembers, sampleDay, volume } from './common.mjs';

/**
 * Adds to store the records credited to the root (民进贵州省委) and to the 市州委会/工委 in year
 * Y: training classes, central study groups, leaders' research visits, the year's meetings.
 */
export function genCommitteeRows(ctx, tree, M, Y, store) {
  const { orgs, root, branches } = tree;
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  const V = volume(ctx, Y);
  // each member once (one who moved is in the lists of both branches)
  const allMem = [...new Set(branches.flatMap((b) => b.mem))];
  const leaders = (o, d) => o.committee.map((c) => c.member).filter((i) => onRoster(M[i], d));
  // 省委会
  {
    const rng = new Rng(ctx.seed, 'activities', Y, root.id);
    // 新会员培训班: members who joined in the last 15 months, in classes of at most 90
    const d0 = day(Y, rng.pick([10, 11]), rng.int(1, 28));
    const fresh = allMem.filter((i) => onRoster(M[i], d0) && M[i].join >= d0 - 460 && rng.chance(0.75));
    const classes = Math.ceil(fresh.length / 90);
    for (let c = 0; c < classes; c++) {
      const part = fresh.slice(Math.floor((c * fresh.length) / classes), Math.floor(((c + 1) * fresh.length) / classes));
      const d = Math.min(yE, d0 + 7 * c);
      const ps = part.filter((i) => onRoster(M[i], d)).sort((a, c) => a - c);
      if (!ps.length) continue;
      store.add(d, '培训', root, ps, `民进贵州省委${Y}年新会员培训班${classes > 1 ? `（第${cn(c + 1)}期）` : ''}`, { hours: 24, tags: '新会员培训' });
    }
    // 骨干会员培训班: branch chairs and reserve cadres
    const d1 = day(Y, rng.pick([7, 8]), rng.int(1, 28));
    const chairs = branches.flatMap((b) => b.committee.filter((c) => c.role === '主委').map((c) => c.member));
    const core = [...new Set([...chairs, ...allMem.filter((i) => M[i].reserve === '是')])].filter((i) => onRoster(M[i], d1));
    const ps = chooseUniform(rng, core, Math.min(core.length, 120)).sort((a, c) => a - c);
    if (ps.length) store.add(d1, '培训', root, ps, `民进贵州省委${Y}年骨干会员培训班`, { hours: 32, tags: '骨干培训' });
    // 理论学习中心组
    const studies = Y >= 2019 ? ['省委会理论学习中心组学习：习近平新时代中国特色社会主义思想', '“不忘合作初心，继续携手前进”主题教育专题学习会']
      : Y === 2018 ? ['省委会理论学习中心组学习：党的十九大精神', '新型政党制度理论专题学习会'] : ['省委会理论学习中心组学习'];
    for (const [k, t] of studies.entries()) {
      const d = day(Y, k === 0 ? rng.int(2, 4) : rng.int(6, 9), rng.int(1, 28));
      const ps2 = leaders(root, d);
      if (ps2.length) store.add(d, '学习', root, ps2, t, { hours: 3, tags: Y >= 2019 && k === 1 ? '主题教育' : '理论学习' });
    }
    // 领导调研
    const nR = rng.round(2 * V);
    for (let k = 0; k < nR; k++) {
      const d = sampleDay(rng, yS, yE);
      const ls = leaders(root, d);
      const city = rng.pick(CITIES);
      if (ls.length) store.add(d, '调研', root, chooseUniform(rng, ls, rng.int(2, 4)).sort((a, c) => a - c), `省委会领导赴${city.full}调研基层组织建设`);
    }
    // meetings of the year
    if (Y === 2019 || Y === 2018) {
      const d = Y === 2019 ? day(2019, 8, rng.int(20, 28)) : day(2018, 4, rng.int(10, 20));
      const t = Y === 2019 ? '基层组织建设主题年工作推进会' : '政治巡查工作动员会';
      const heads = [...leaders(root, d), ...orgs.filter((o) => o.parent === root && o.type !== '支部').flatMap((o) => o.committee.filter((c) => c.role === '主委').map((c) => c.member))];
      if (Y === 2019) heads.push(...branches.filter((b) => b.parent === root).flatMap((b) => b.committee.filter((c) => c.role === '主委').map((c) => c.member)));
      const ps3 = [...new Set(heads)].filter((i) => onRoster(M[i], d));
      if (ps3.length) store.add(d, '其他', root, orderMembers(chooseUniform(rng, ps3, 90), null), t);
    }
  }
  // 市州委会 / 工委
  for (const o of orgs) {
    if (o.parent !== root || o.type === '支部') continue;
    const rng = new Rng(ctx.seed, 'activities', Y, o.id);
    const sub = [...new Set(subtreeBranches(o).flatMap((b) => b.mem))];
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
