// The org tree: 民进贵州省委 → 省直支部, 市州委会 (工委) → 总支 → 支部, built depth first from the
// templates at the scale of --members, then each live branch's size on 2019-10-10.
import { parseDay } from './calendar.mjs';
import { Rng } from './random.mjs';
import { cn } from './vocab/numerals.mjs';
import { CITIES, KINDS, SHENGZHI } from './vocab/org-templates.mjs';

/**
 * Builds the tree at ctx.scale (1 = the default 4462 members). Returns { orgs, root, branches }:
 * orgs in depth-first order (o.ord is the index), branches the 支部 among them. Each org has
 * id, name, type, parent, kids, city (its 市州 template), est/dis (day numbers or null); a branch
 * also lvl (prov|city|county), kind, w (template weight), inst, place, fields, pool, since,
 * leavers and group (groupOf). Later stages fill mem (member indices), committee, liaison, size,
 * and est/showEst for the branches whose established date is derived from their first member.
 */
export function buildOrgTree(ctx) {
  const orgs = [];
  const byId = new Map();
  const addOrg = (o) => {
    if (byId.has(o.id)) throw new Error(`duplicate org id ${o.id}`);
    o.ord = orgs.length;
    o.kids = [];
    o.mem = [];
    o.committee = [];
    o.liaison = null;
    o.est = o.est ?? null;
    o.dis = o.dis ?? null;
    o.showEst = o.est != null;
    if (o.parent) o.parent.kids.push(o);
    orgs.push(o);
    byId.set(o.id, o);
    return o;
  };

  const idCounters = new Map();
  const nextId = (prefix, code) => {
    const key = `${prefix}-${code}`;
    const n = (idCounters.get(key) ?? 0) + 1;
    idCounters.set(key, n);
    return `${key}${n}`;
  };

  const usedNames = new Set();
  const addBranches = (list, parent, city, lvl, groupPlace) => {
    for (const { t, copy } of scaledTemplates(list, ctx.scale)) {
      const [name0, kind, w, opt = {}] = t;
      let name = name0;
      if (copy > 0) {
        const base = name0.replace(/(第[一二三四五六七八九十]+)?支部$/, '');
        name = `${base}第${cn(copy + 1 + (/(第[一二三四五六七八九十]+)支部$/.test(name0) ? 1 : 0))}支部`;
        if (usedNames.has(name)) name = `${name0.replace(/支部$/, '')}（${cn(copy + 1)}）支部`;
      }
      usedNames.add(name);
      const place = opt.place ?? groupPlace ?? city.full;
      addOrg({
        id: nextId(city.id, KINDS[kind].code), name, type: '支部', parent, city, lvl, kind, w,
        inst: opt.inst ?? null, place, fields: opt.fields ?? null, pool: opt.pool ?? null,
        est: copy === 0 && opt.est ? parseDay(opt.est) : null,
        dis: copy === 0 && opt.dis ? parseDay(opt.dis) : null,
        since: opt.since ?? null, leavers: opt.leavers ?? null,
      });
    }
  };

  const root = addOrg({ id: 'gz', name: '民进贵州省委', type: '省委会', parent: null, city: SHENGZHI });
  addBranches(SHENGZHI.branches, root, SHENGZHI, 'prov', null);
  for (const c of CITIES) {
    const co = addOrg({ id: c.id, name: c.name, type: c.type ?? '市委会', parent: root, city: c });
    let zz = 0;
    for (const g of c.groups) {
      if (g.zz) {
        const z = addOrg({ id: `${c.id}-zz${++zz}`, name: g.zz, type: '总支', parent: co, city: c });
        addBranches(g.branches, z, c, g.lvl, g.place);
      } else {
        addBranches(g.branches, co, c, g.lvl, g.place ?? null);
      }
    }
  }
  const branches = orgs.filter((o) => o.type === '支部');
  for (const b of branches) b.group = groupOf(b, root); // root itself for 省直
  return { orgs, root, branches };
}

/** The branches of one group at scale f: templates cycled, copies numbered; special ones once. */
function scaledTemplates(list, f) {
  const normal = list.filter((t) => !(t[3] && t[3].special));
  const count = Math.max(1, Math.round(normal.length * f));
  const out = [];
  for (let i = 0; i < count; i++) out.push({ t: normal[i % normal.length], copy: Math.floor(i / normal.length) });
  // specials keep their place relative to the list
  list.forEach((t, i) => {
    if (t[3] && t[3].special) out.splice(Math.min(out.length, i), 0, { t, copy: 0 });
  });
  return out;
}

/** the roll-up group of o: the 市委会/工委 under the root, or the root itself for 省直支部 */
export function groupOf(o, root) {
  if (o.type === '支部' && o.parent === root) return root;
  let x = o;
  while (x.parent && x.parent !== root) x = x.parent;
  return x;
}

/** the 支部 in o's subtree, depth first (o itself when o is a 支部) */
export function subtreeBranches(o) {
  if (o.type === '支部') return [o];
  return o.kids.flatMap(subtreeBranches);
}

/**
 * Sets b.size on every branch: the members on the roster on 2019-10-10, summing to exactly
 * ctx.members (largest remainder); 0 for the dissolved branch.
 */
export function sizeBranches(ctx, branches) {
  const N = ctx.members;
  const rng = new Rng(ctx.seed, 'sizes');
  const live = branches.filter((b) => !b.dis);
  const raw = live.map((b) => b.w * (0.85 + 0.3 * rng.f()));
  // water-filling: no branch above 92 members or below 8 (when N allows), the rest in proportion
  const cap = 92, floor = N >= 8 * live.length ? 8 : 3;
  const fixed = new Array(raw.length).fill(0);
  let exact;
  for (let pass = 0; pass < 20; pass++) {
    let tot = 0, rem = N;
    raw.forEach((x, i) => { if (fixed[i]) rem -= fixed[i]; else tot += x; });
    exact = raw.map((x, i) => fixed[i] || (x * rem) / tot);
    let changed = false;
    exact.forEach((x, i) => {
      if (!fixed[i] && x > cap) { fixed[i] = cap; changed = true; }
      else if (!fixed[i] && x < floor) { fixed[i] = floor; changed = true; }
    });
    if (!changed) break;
  }
  const sizes = exact.map((x) => Math.max(3, Math.floor(x)));
  let rest = N - sizes.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; rest > 0; j = (j + 1) % order.length, rest--) sizes[order[j][1]]++;
  for (let j = order.length - 1; rest < 0; j = (j - 1 + order.length) % order.length) {
    const i = order[j][1];
    if (sizes[i] > 3) { sizes[i]--; rest++; }
  }
  live.forEach((b, i) => { b.size = sizes[i]; });
  for (const b of branches) if (b.dis) b.size = 0;
}
