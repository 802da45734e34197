// The roster's history: members moving between branches (转接, transfers.csv) and the reserve
// pool's stays (后备人才库, reserve.csv). Runs after the committees are seated: seat holders and
// liaisons never move, so every committee stays a branch's own. A move changes no one's days on
// the roster, so the figures on 2019-10-10 hold.
import path from 'node:path';
import { END_DAY, NEVER, day, fmtDay, yearFirstDay } from './calendar.mjs';
import { onRoster } from './on-roster.mjs';
import { Out } from './output.mjs';
import { Rng } from './random.mjs';

/** branch b exists on day d */
const alive = (b, d) => (b.est == null || b.est <= d) && (b.dis == null || b.dis > d);

/**
 * Moves about 1.2% of the members each year of ctx.years to another branch (two in three within
 * their 市州, the rest elsewhere in the province; one in ten moves twice). Sets m.home (the stays)
 * and m.moves ([{ d, from, to }]), makes the last branch m.b, and adds the member to the member
 * list of every branch they were in.
 */
export function moveMembers(ctx, tree, M) {
  const { branches, orgs } = tree;
  const seated = new Set();
  for (const o of orgs) {
    for (const c of o.committee) seated.add(c.member);
    if (o.liaison != null) seated.add(o.liaison);
  }
  const first = yearFirstDay(ctx.years[0]);
  const rng = new Rng(ctx.seed, 'transfers');
  const live = branches.filter((b) => !b.dis);
  const byGroup = new Map();
  for (const b of live) {
    if (!byGroup.has(b.group)) byGroup.set(b.group, []);
    byGroup.get(b.group).push(b);
  }
  const destination = (from, d) => {
    const near = (byGroup.get(from.group) ?? []).filter((b) => b !== from && alive(b, d));
    const far = live.filter((b) => b.group !== from.group && alive(b, d));
    const pool = near.length && (rng.chance(0.65) || !far.length) ? near : far;
    return pool.length ? rng.pick(pool) : null;
  };
  const years = (END_DAY - first + 1) / 365.25;
  for (const m of M) {
    if (seated.has(m.idx) || m.b.dis != null) continue;
    // on the roster a while before and after the move
    const lo = Math.max(first, m.join + 90), hi = Math.min(END_DAY, m.left - 60);
    if (lo > hi || !rng.chance(0.012 * years * Math.min(1, (hi - lo) / (END_DAY - first)))) continue;
    const d1 = rng.int(lo, hi);
    const b1 = destination(m.b, d1);
    if (!b1 || !alive(m.b, d1 - 1)) continue;
    const moves = [{ d: d1, from: m.b, to: b1 }];
    if (rng.chance(0.1) && d1 + 150 <= hi) {
      const d2 = rng.int(d1 + 150, hi);
      const b2 = destination(b1, d2);
      if (b2 && b2 !== m.b) moves.push({ d: d2, from: b1, to: b2 });
    }
    m.home = [];
    let since = -NEVER;
    for (const mv of moves) {
      m.home.push({ b: mv.from, from: since, until: mv.d });
      since = mv.d;
    }
    m.home.push({ b: moves[moves.length - 1].to, from: since, until: NEVER });
    m.moves = moves;
    m.b = moves[moves.length - 1].to;
    for (const mv of moves) {
      const list = mv.to.mem;
      if (!list.includes(m.idx)) {
        list.push(m.idx);
        list.sort((a, c) => a - c);
      }
    }
  }
}

/** transfers.csv: every move, by day then 会员编号 */
export function writeTransfers(dir, M) {
  const rows = M.flatMap((m) => (m.moves ?? []).map((mv) => ({ m, ...mv })));
  rows.sort((a, b) => a.d - b.d || (a.m.id < b.m.id ? -1 : 1));
  const o = new Out(path.join(dir, 'transfers.csv'));
  o.w('会员编号,转接日期,转出支部,转入支部,备注\n');
  for (const r of rows) o.w(`${r.m.id},${fmtDay(r.d)},${r.from.id},${r.to.id},${r.from.group === r.to.group ? '' : '跨市州转接'}\n`);
  return o.close();
}

const EXIT_REASONS = [['换届使用', 4], ['提拔任用', 2], ['年龄', 3], ['其他', 1]];

/**
 * The pool's stays (m.pool: [{ kind, from, until, reason }]): every member whose roster says 后备干部
 * 是 is in it now (since a day after joining); some others were in it and left before 2019-12-31
 * (so their roster says 否); members with a provincial or national seat are 代表人士.
 */
export function reservePool(ctx, M) {
  const rng = new Rng(ctx.seed, 'reserve');
  const first = yearFirstDay(ctx.years[0]);
  for (const m of M) {
    m.pool = [];
    if (m.reserve === '是') {
      const from = Math.max(m.join + 30, rng.int(day(2013, 1, 1), day(2019, 11, 30)));
      if (from <= END_DAY && onRoster(m, from)) m.pool.push({ kind: '后备干部', from, until: NEVER, reason: '' });
      else m.reserve = '否';
    } else if (onRoster(m, first) && m.age <= 55 && (m.title === '正高级' || m.title === '副高级') && rng.chance(0.04)) {
      const from = Math.max(m.join + 30, rng.int(day(2012, 1, 1), first));
      const until = rng.int(Math.max(from + 200, first), END_DAY);
      if (from < until && onRoster(m, from) && until <= Math.min(END_DAY, m.left)) m.pool.push({ kind: '后备干部', from, until, reason: rng.w(EXIT_REASONS) });
    }
    if (!m.pool.length && m.roles.some((r) => r.startsWith('全国') || r.startsWith('省')) && onRoster(m, END_DAY)) {
      const from = Math.max(m.join + 30, rng.int(day(2012, 1, 1), day(2019, 6, 30)));
      if (from <= END_DAY) m.pool.push({ kind: '代表人士', from, until: NEVER, reason: '' });
    }
  }
}

/** reserve.csv: the stays, by 会员编号 */
export function writeReserve(dir, M) {
  const o = new Out(path.join(dir, 'reserve.csv'));
  o.w('会员编号,类别,入库时间,出库时间,出库原因,备注\n');
  for (const m of M) {
    // a member has one stay at most, so stays never overlap
    for (const s of m.pool ?? []) o.w(`${m.id},${s.kind},${fmtDay(s.from)},${s.until === NEVER ? '' : fmtDay(s.until)},${s.reason},\n`);
  }
  return o.close();
}
