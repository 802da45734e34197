// The dataset's files: mj.yaml (settings), orgs.yaml, members.csv and activities/YEAR.csv, each
// written to FILE.tmp and returned closed, for the entry point to rename once all are checked.
import path from 'node:path';
import { NEVER, fmtDay, p2, yearFirstDay, yearLastDay } from './calendar.mjs';
import { onRoster } from './on-roster.mjs';
import { Out, csv, yq } from './output.mjs';
import { LEVELS, OUTCOMES, TYPES } from './vocab/records.mjs';

/** mj.yaml: the dataset's name and locale */
export function writeSettings(dir) {
  const o = new Out(path.join(dir, 'mj.yaml'));
  o.w('# 示例数据，由 scripts/gen-example.mjs 生成，人名单位均为虚构。\n');
  o.w('# 重新生成：npm run gen:example（相同参数，逐字节相同）\n');
  o.w('name: 民进贵州省委\n');
  o.w('locale: zh-CN\n');
  o.w('# 会员培训：每年至少举办 1 期新会员培训班（标签为“新会员培训”的培训记录），没有时 mj 给出警告 MJ701\n');
  o.w('training:\n  require_new_member_course: true\n');
  return o.close();
}

/** orgs.yaml: every org depth first, with dates, committee and liaison (members by 会员编号) */
export function writeOrgs(dir, tree, M) {
  const o = new Out(path.join(dir, 'orgs.yaml'));
  o.w('# 民进贵州省委组织结构：省委会 → 省直支部、市州委会（工委）→ 总支 → 支部，按深度优先排列。\n');
  o.w('# 示例数据，由 scripts/gen-example.mjs 生成，人名单位均为虚构。\n');
  for (const g of tree.orgs) {
    if (g.parent === tree.root && g.type !== '支部') o.w(`\n# ${g.name}\n`);
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
  return o.close();
}

/** members.csv: the roster with the Chinese headers of spec.md §1, in 会员编号 order */
export function writeMembers(dir, M) {
  const o = new Out(path.join(dir, 'members.csv'));
  o.w('会员编号,姓名,性别,出生年月,民族,入会时间,所属组织,职称,学历,学位,工作单位,界别,政治安排,后备干部,会籍状态,离会时间\n');
  for (const m of M) {
    const birth = m.bfmt === 0 ? '' : m.bfmt === 1 ? `${m.by}-${p2(m.bm)}` : `${m.by}-${p2(m.bm)}-${p2(m.bd)}`;
    o.w(`${m.id},${csv(m.name)},${m.gender},${birth},${m.eth},${fmtDay(m.join)},${m.b.id},${m.title},${m.edu},${m.degree},`
      + `${csv(m.employer)},${m.sector},${m.roles.join(';')},${m.reserve},${m.status},${m.left === NEVER ? '' : fmtDay(m.left)}\n`);
  }
  return o.close();
}

/**
 * activities/YEAR.csv from generateYear's { store, order }, numbered YEAR-000001… in that order.
 * Throws (a bug in the generator) on a record outside the year, outside its org's life, or
 * listing a member not on the roster that day.
 */
export function writeActivities(dir, Y, { store, order }, tree, M) {
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  const o = new Out(path.join(dir, 'activities', `${Y}.csv`));
  o.w('编号,日期,类型,组织,会员,标题,报送层级,结果,学时,标签,备注\n');
  const w = Math.max(6, String(store.n).length);
  const dayStr = new Map();
  for (let k = 0; k < store.n; k++) {
    const r = order[k];
    const d = store.day.a[r];
    if (d < yS || d > yE) throw new Error(`activity outside ${Y}`);
    const org = tree.orgs[store.org.a[r]];
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
  return o.close();
}
