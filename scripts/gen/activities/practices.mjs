// The records of the practices in one year: liaisons' visits (a record credited to the org they
// keep contact with, listing them: type 其他, tag 联系基层) and the committees' meetings (type 支委会
// credited to the 省委会 or a 市州委会, tagged 主委会 or 常委会, listing the seat holders present).
import { yearFirstDay, yearLastDay } from '../calendar.mjs';
import { inBranch, onRoster } from '../on-roster.mjs';
import { Rng, chooseUniform } from '../random.mjs';
import { sampleDay, spreadDays } from './common.mjs';

const alive = (o, d) => (o.est == null || o.est <= d) && (o.dis == null || o.dis > d);

export function genPracticeRows(ctx, tree, M, Y, store) {
  const { orgs, root } = tree;
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  // visits: the dated assignments of liaisons.csv and the undated liaisons of orgs.yaml
  const assignments = [...tree.liaisons, ...orgs.filter((o) => o.liaison != null).map((o) => ({ org: o, member: o.liaison, role: '领导', from: -1, until: 2147483647 }))];
  for (const [k, l] of assignments.entries()) {
    const rng = new Rng(ctx.seed, 'visits', Y, l.org.id, k);
    const lo = Math.max(yS, l.from), hi = Math.min(yE, l.until - 1, l.org.dis != null ? l.org.dis - 1 : yE);
    if (lo > hi) continue;
    const n = rng.w([[0, 30], [1, 40], [2, 22], [3, 8]]);
    for (let v = 0; v < n; v++) {
      const d = sampleDay(rng, lo, hi);
      if (!alive(l.org, d) || !onRoster(M[l.member], d)) continue;
      const hosts = l.org.type === '支部'
        ? l.org.mem.filter((i) => i !== l.member && inBranch(M[i], l.org, d))
        : l.org.committee.map((c) => c.member).filter((i) => i !== l.member && onRoster(M[i], d));
      const ps = [l.member, ...chooseUniform(rng, hosts, Math.min(hosts.length, rng.int(1, 4))).sort((a, c) => a - c)];
      const who = l.role === '机关干部' ? '省委会机关干部' : l.org.parent === root || l.org === root ? '省委会领导' : '市州委会领导';
      store.add(d, '其他', l.org, ps, `${who}到${l.org.name}走访座谈`, { tags: '联系基层' });
    }
  }
  // the committees' meetings: 主委会 and 常委会, attended by the seats held that day
  const seatsOf = new Map();
  for (const s of tree.seats) {
    if (!seatsOf.has(s.org)) seatsOf.set(s.org, []);
    seatsOf.get(s.org).push(s);
  }
  for (const [o, seats] of seatsOf) {
    const rng = new Rng(ctx.seed, 'meetings', Y, o.id);
    const kinds = [['主委会', o === root ? rng.int(5, 7) : rng.int(3, 4)], ['常委会', o === root ? 2 : rng.int(1, 2)]];
    for (const [kind, n] of kinds) {
      for (const d of spreadDays(rng, Y, yS, yE, n)) {
        const held = seats.filter((s) => s.from <= d && d < s.until && onRoster(M[s.member], d) && (kind === '常委会' || (s.role !== '委员' && s.role !== '常委')));
        const present = held.filter(() => rng.chance(0.88)).map((s) => s.member);
        if (!present.length && held.length) present.push(held[0].member);
        if (!present.length) continue;
        store.add(d, '支委会', o, [...new Set(present)].sort((a, c) => a - c), `${o.name}${kind}会议`, { tags: kind });
      }
    }
  }
}
