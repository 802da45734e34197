// Who leads: the committees (支委会) of every level and the liaisons, drawn from the roster on
// 2019-12-31, then the members' 政治安排 and 后备干部, favouring those who hold a seat.
import { END_DAY, REF_DAY, day, yearFirstDay, yearLastDay } from './calendar.mjs';
import { onRoster } from './on-roster.mjs';
import { groupOf, subtreeBranches } from './org-tree.mjs';
import { Rng, chooseWeighted, sampleExact } from './random.mjs';
import { ROLE_ORDER } from './vocab/records.mjs';

/** how likely member i is to be chosen for a committee seat */
function leaderWeight(M, i) {
  const m = M[i];
  const a = m.age;
  let w = (m.title === '正高级' ? 4 : m.title === '副高级' ? 2.5 : 1) * (a >= 38 && a <= 60 ? 2 : a > 66 ? 0.25 : 0.8);
  if (m.join < yearFirstDay(2015)) w *= 1.5;
  else if (m.join > day(2018, 6, 30)) w *= 0.1;
  if (m.degree === '博士') w *= 1.3;
  return w * m.eng;
}

/**
 * Seats the committees (支委会) of the root, the 市州委会/工委, the 总支 and most branches from
 * members on the roster on 2019-12-31, then each org's liaison (领导联系基层).
 */
export function appointCommittees(ctx, tree, M) {
  const { orgs, root, branches } = tree;
  const activeEnd = (list) => list.filter((i) => onRoster(M[i], END_DAY));
  const held = new Set(); // members holding a 主委/副主委 seat somewhere above a branch
  const rng = new Rng(ctx.seed, 'committees');
  const seat = (o, pool, counts, wf) => {
    const chosen = chooseWeighted(rng, pool, counts[0] + counts[1] + counts[2], wf);
    chosen.forEach((i, j) => {
      const role = j < counts[0] ? '主委' : j < counts[0] + counts[1] ? '副主委' : '委员';
      o.committee.push({ member: i, role });
    });
  };
  // root: 主委 1, 副主委 5, 委员 14 (常委), from the whole province, 省直 favoured
  const all = activeEnd(branches.flatMap((b) => b.mem));
  const rootPool = all.length > 6000 ? sampleExact(rng, all, (i) => leaderWeight(M, i) ** 2, 6000) : all;
  const senior = (i) => (M[i].join <= yearLastDay(2014) ? 1 : 0.001);
  seat(root, rootPool, [1, 5, 14], (i) => leaderWeight(M, i) ** 2 * senior(i) * (M[i].b.lvl === 'prov' ? 2.5 : 1) * (M[i].age <= 62 ? 1 : 0.2));
  for (const c of root.committee) if (c.role !== '委员') held.add(c.member);
  for (const o of orgs) {
    if (o.type === '市委会' || o.type === '工委' || o.type === '总支') {
      const pool0 = activeEnd(subtreeBranches(o).flatMap((b) => b.mem)).filter((i) => !held.has(i));
      const pool = pool0.length > 3000 ? sampleExact(rng, pool0, (i) => leaderWeight(M, i) ** 2, 3000) : pool0;
      const n = pool.length;
      const counts = o.type === '总支' ? [1, 1, n >= 40 ? 2 : 1] : o.type === '工委' ? [1, 2, 3] : [1, n >= 200 ? 3 : 2, n >= 300 ? 8 : n >= 120 ? 6 : 4];
      if (n < 4) continue;
      seat(o, pool, counts, (i) => leaderWeight(M, i) ** 2 * senior(i));
      for (const c of o.committee) if (c.role !== '委员' && o.type !== '总支') held.add(c.member);
    }
  }
  for (const b of branches) {
    const pool = activeEnd(b.mem);
    const n = pool.length;
    if (!n || rng.chance(0.06)) continue;
    const counts = [1, n >= 25 ? 2 : n >= 8 ? 1 : 0, n >= 40 ? 3 : n >= 15 ? 2 : n >= 8 ? 1 : 0];
    seat(b, pool, counts, (i) => leaderWeight(M, i));
  }
  // liaisons: 省委会 leaders for 省直支部 and the 市州 committees; 市州 leaders for 总支 and some branches
  const rootLeaders = root.committee.map((c) => c.member);
  const rootVice = root.committee.filter((c) => c.role === '副主委').map((c) => c.member);
  let rv = 0;
  for (const o of orgs) {
    if (o === root) continue;
    if (o.parent === root && o.type !== '支部') { o.liaison = rootVice[rv++ % rootVice.length] ?? null; continue; }
    if (o.type === '支部' && o.parent === root) { if (activeEnd(o.mem).length) o.liaison = rng.pick(rootLeaders); continue; }
    const g = o.type === '支部' ? o.group : groupOf(o, root);
    if (o.type === '总支' || (activeEnd(o.mem).length && rng.chance(0.5))) {
      const ls = g.committee.map((c) => c.member);
      if (ls.length) o.liaison = rng.pick(ls);
    }
  }
}

/**
 * 政治安排 (roles) by the seats held and by chance, and 后备干部 (reserve); each member's roles
 * sorted in ROLE_ORDER. Runs after appointCommittees.
 */
export function assignRoles(ctx, tree, M) {
  const { orgs, root, branches } = tree;
  const rng = new Rng(ctx.seed, 'roles');
  const seatOf = new Map();
  for (const o of [root, ...orgs.filter((x) => x.type !== '支部' && x !== root)]) {
    for (const c of o.committee) if (!seatOf.has(c.member)) seatOf.set(c.member, { org: o, role: c.role });
  }
  for (const b of branches) for (const c of b.committee) if (!seatOf.has(c.member)) seatOf.set(c.member, { org: b, role: c.role });
  const give = (m, r) => { if (!m.roles.includes(r)) m.roles.push(r); };
  root.committee.forEach((c, j) => {
    const m = M[c.member];
    if (c.role === '主委') { give(m, '全国政协委员'); give(m, '省政协委员'); } else if (c.role === '副主委') give(m, j === 2 ? '省人大代表' : '省政协委员');
    else if (rng.chance(0.4)) give(m, rng.w([['省政协委员', 2], ['市政协委员', 3], ['市人大代表', 1]]));
  });
  for (const o of orgs) {
    if (o.type !== '市委会' && o.type !== '工委') continue;
    for (const c of o.committee) {
      const m = M[c.member];
      if (c.role === '主委') { give(m, '市政协委员'); if (rng.chance(0.5)) give(m, '省政协委员'); } else if (c.role === '副主委') give(m, rng.chance(0.7) ? '市政协委员' : '市人大代表');
      else if (rng.chance(0.5)) give(m, rng.w([['市政协委员', 2], ['县政协委员', 3], ['县人大代表', 1]]));
    }
  }
  const LEVEL_ROLES = {
    prov: [['省政协委员', 2], ['省人大代表', 0.5], ['市政协委员', 3], ['市人大代表', 0.6], ['县政协委员', 2.5], ['县人大代表', 0.5]],
    city: [['市政协委员', 4], ['市人大代表', 0.8], ['县政协委员', 2.5], ['县人大代表', 0.5], ['省政协委员', 0.3]],
    county: [['县政协委员', 5], ['县人大代表', 1.2], ['市政协委员', 1]],
  };
  for (const m of M) {
    if (!onRoster(m, REF_DAY) && !(m.join > REF_DAY)) { // left on or before 2019-10-10
      if (rng.chance(0.02)) give(m, rng.w(LEVEL_ROLES[m.b.lvl]));
      continue;
    }
    const s = seatOf.get(m.idx);
    let p = 0.036 * (m.title === '正高级' ? 2.5 : m.title === '副高级' ? 1.6 : 1) * (m.degree === '博士' ? 1.4 : 1)
      * (m.age >= 40 && m.age <= 62 ? 1.3 : 0.6) * (s ? 2.5 : 1) * (m.join > day(2018, 6, 1) ? 0.3 : 1);
    p = Math.min(0.6, p);
    if (!m.roles.length && rng.chance(p)) give(m, rng.w(LEVEL_ROLES[m.b.lvl]));
    let pr = 0.022 * (m.title === '正高级' || m.title === '副高级' ? 2 : 1) * (m.degree === '博士' ? 2 : 1) * (s ? 2 : 1);
    if (m.age > 52 || m.age < 28 || !onRoster(m, END_DAY)) pr = 0;
    if (rng.chance(pr)) m.reserve = '是';
  }
  for (const m of M) m.roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
}
