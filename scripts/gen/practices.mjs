// The practices beside the duty records: who keeps contact with which org (liaisons.csv: 机关干部
// for the 省直支部, changing hands in 2018), the 领导班子 of the 省委会 and the 市州委会 with their
// seats' days (leaders.csv), their yearly reviews (reviews/YEAR.csv), and the 政治巡查 of the
// 市州 committees from 2018 with findings and 整改 measures (inspections.csv, findings.csv).
// Decided before the records are generated: liaisons' visits and committee meetings are records.
import fs from 'node:fs';
import path from 'node:path';
import { END_DAY, NEVER, day, fmtDay, workday, yearFirstDay, yearLastDay } from './calendar.mjs';
import { onRoster } from './on-roster.mjs';
import { Out, csv } from './output.mjs';
import { Rng, chooseUniform } from './random.mjs';

/**
 * Fills tree.liaisons ([{ org, member, role, from, until }], until the first day after), tree.seats
 * ([{ org, member, role, from, until }]) and tree.inspections ([{ id, target, start, end, team,
 * talks, findings: [{ id, category, problem, measures: [{ text, deadline, done }] }] }]).
 */
export function planPractices(ctx, tree, M) {
  const { orgs, root, branches } = tree;
  const first = yearFirstDay(ctx.years[0]);
  const rng = new Rng(ctx.seed, 'practices');
  const seated = new Set(orgs.flatMap((o) => o.committee.map((c) => c.member)));
  // 机关干部: members of the 省直支部 on the roster all along, seated nowhere; each keeps contact with a few 省直支部
  const direct = branches.filter((b) => b.parent === root && !b.dis);
  const staffPool = [...new Set(direct.flatMap((b) => b.mem))].filter((i) => !seated.has(i) && !M[i].home && onRoster(M[i], first) && onRoster(M[i], END_DAY));
  const staff = chooseUniform(rng, staffPool, Math.min(staffPool.length, Math.max(2, Math.ceil(direct.length / 4)))).sort((a, c) => a - c);
  tree.liaisons = [];
  const handover = day(2018, 7, 1);
  direct.forEach((b, k) => {
    if (!staff.length) return;
    const a = staff[k % staff.length];
    if (rng.chance(0.25) && staff.length > 1 && handover > first) {
      const z = staff[(k + 1) % staff.length];
      tree.liaisons.push({ org: b, member: a, role: '机关干部', from: first, until: handover });
      tree.liaisons.push({ org: b, member: z, role: '机关干部', from: handover, until: NEVER });
    } else tree.liaisons.push({ org: b, member: a, role: '机关干部', from: first, until: NEVER });
  });
  // 领导班子: the seats of the root and the 市州委会/工委 (orgs.yaml's, now dated); a 常委 of the root left in 2018
  tree.seats = [];
  const committees = [root, ...orgs.filter((o) => o.parent === root && o.type !== '支部')];
  for (const o of committees) {
    for (const c of o.committee) {
      const role = o === root && c.role === '委员' ? '常委' : c.role;
      tree.seats.push({ org: o, member: c.member, role, from: Math.max(M[c.member].join + 30, day(2016, 12, 20)), until: NEVER });
    }
  }
  const former = chooseUniform(rng, staffPool.filter((i) => !staff.includes(i) && M[i].join < day(2016, 1, 1)), 1);
  for (const i of former) tree.seats.push({ org: root, member: i, role: '常委', from: day(2016, 12, 20), until: day(2018, 6, 30) });
  // 政治巡查: from 2018, four or five 市州 committees a year, each inspected once
  tree.inspections = [];
  const cities = orgs.filter((o) => o.parent === root && o.type !== '支部' && o.committee.length);
  const order = chooseUniform(rng, cities, cities.length);
  const inspectors = root.committee.map((c) => c.member);
  let k = 0;
  for (const Y of ctx.years.filter((y) => y >= 2018)) {
    const n = Y === 2018 ? 4 : 5;
    for (let j = 0; j < n && k < order.length; j++, k++) {
      const target = order[k];
      const start = workday(day(Y, rng.int(4, 9), rng.int(1, 20)), yearFirstDay(Y), yearLastDay(Y));
      const end = Math.min(yearLastDay(Y), start + rng.int(8, 14));
      const team = chooseUniform(rng, inspectors.filter((i) => onRoster(M[i], start)), 3).sort((a, c) => a - c);
      const findings = [];
      const nF = rng.int(3, 5);
      for (let f = 0; f < nF; f++) {
        const [category, problem, fixes] = rng.pick(FINDINGS);
        const measures = [];
        const nM = rng.int(1, Math.min(2, fixes.length));
        for (let x = 0; x < nM; x++) {
          const deadline = end + rng.int(45, 240);
          // done by the deadline mostly, some late, some still open at the end of 2019
          let done = null;
          if (deadline <= END_DAY && rng.chance(0.85)) done = Math.min(END_DAY, deadline + (rng.chance(0.2) ? rng.int(1, 40) : -rng.int(0, 30)));
          else if (deadline > END_DAY && rng.chance(0.3)) done = END_DAY - rng.int(0, 60);
          if (done != null && done <= end) done = end + 1;
          measures.push({ text: fixes[x], deadline, done });
        }
        findings.push({ id: `W${f + 1}`, category, problem, measures });
      }
      tree.inspections.push({ id: `XC${Y}-${String(j + 1).padStart(2, '0')}`, target, start, end, team, talks: rng.int(12, 40), findings });
    }
  }
}

const FINDINGS = [
  ['政治建设', '政治理论学习不够系统', ['制定年度理论学习计划并按月落实', '中心组学习每季度不少于一次']],
  ['思想建设', '主题教育在基层覆盖不全', ['对未开展主题教育的支部逐一督促', '建立主题教育台账']],
  ['组织建设', '部分支部未按期换届', ['督促到期支部年内完成换届', '建立支部换届提醒制度']],
  ['组织建设', '会员发展把关不严', ['严格执行入会审批程序', '开展新会员入会谈话']],
  ['作风建设', '领导班子联系基层不够经常', ['班子成员分工联系支部并每半年走访一次', '建立联系基层记录']],
  ['制度建设', '主委会议事规则执行不严', ['修订主委会议事规则', '重大事项一律经主委会研究决定']],
  ['制度建设', '经费管理制度不健全', ['建立基层组织活动经费管理办法']],
  ['履职能力', '社情民意信息报送不均衡', ['建立社情民意选题会制度', '每季度通报各支部报送情况']],
  ['履职能力', '参政议政成果转化不多', ['组织重点课题调研', '与相关部门建立成果报送渠道']],
  ['其他', '档案资料管理不规范', ['整理近三年会议和活动档案']],
];

const RESULTS = [['优秀', 25], ['称职', 65], ['基本称职', 8], ['不称职', 2]];

/** leaders.csv: every seat with its days (离任时间: the first day out) */
export function writeLeaders(dir, tree, M) {
  const o = new Out(path.join(dir, 'leaders.csv'));
  o.w('组织,会员编号,职务,任职时间,离任时间,备注\n');
  for (const s of tree.seats) o.w(`${s.org.id},${M[s.member].id},${s.role},${fmtDay(s.from)},${s.until === NEVER ? '' : fmtDay(s.until)},\n`);
  return o.close();
}

/** reviews/Y.csv: each seat held in Y gets its 述职述评, the root's also a 年度考核 */
export function writeReviews(ctx, dir, Y, tree, M) {
  const rng = new Rng(ctx.seed, 'reviews', Y);
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  fs.mkdirSync(path.join(dir, 'reviews'), { recursive: true });
  const o = new Out(path.join(dir, 'reviews', `${Y}.csv`));
  o.w('组织,会员编号,考评类别,结果,备注\n');
  for (const s of tree.seats) {
    if (s.from > yE || s.until <= yS) continue;
    o.w(`${s.org.id},${M[s.member].id},述职述评,${rng.w(RESULTS)},\n`);
    if (s.org === tree.root) o.w(`${s.org.id},${M[s.member].id},年度考核,${rng.w(RESULTS)},\n`);
  }
  return o.close();
}

/** liaisons.csv (结束日期: the last day of the assignment) */
export function writeLiaisons(dir, tree, M) {
  const o = new Out(path.join(dir, 'liaisons.csv'));
  o.w('联系组织,联系人,身份,开始日期,结束日期,备注\n');
  for (const l of tree.liaisons) o.w(`${l.org.id},${M[l.member].id},${l.role},${fmtDay(l.from)},${l.until === NEVER ? '' : fmtDay(l.until - 1)},\n`);
  return o.close();
}

/** inspections.csv and findings.csv */
export function writeInspections(dir, tree, M) {
  const a = new Out(path.join(dir, 'inspections.csv'));
  a.w('巡查编号,巡查对象,开始日期,结束日期,巡查组成员,个别谈话人次,备注\n');
  const b = new Out(path.join(dir, 'findings.csv'));
  b.w('巡查编号,问题编号,问题类别,问题,整改措施,整改期限,整改状态,完成日期,备注\n');
  for (const x of tree.inspections) {
    a.w(`${x.id},${x.target.id},${fmtDay(x.start)},${fmtDay(x.end)},${x.team.map((i) => M[i].id).join(';')},${x.talks},\n`);
    for (const f of x.findings) {
      for (const m of f.measures) {
        b.w(`${x.id},${f.id},${f.category},${csv(f.problem)},${csv(m.text)},${fmtDay(m.deadline)},${m.done == null ? '整改中' : '已完成'},${m.done == null ? '' : fmtDay(m.done)},\n`);
      }
    }
  }
  return [a.close(), b.close()];
}
