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
import { Rng } from './gen/random.mjs';
import { onRoster } from './gen/on-roster.mjs';
import { RowStore } from './gen/activities/row-store.mjs';
import { genBranchYear } from './gen/activities/branch.mjs';
import { genCommitteeRows } from './gen/activities/committees.mjs';
import { appointCommittees, assignRoles } from './gen/leadership.mjs';
import { buildRoster } from './gen/roster.mjs';
import { qualificationTargets } from './gen/qualifications.mjs';
import { buildOrgTree, sizeBranches } from './gen/org-tree.mjs';
import { LEVELS, OUTCOMES, TYPES } from './gen/vocab/records.mjs';
import { END_DAY, NEVER, REF_DAY, fmtDay, p2, yearFirstDay, yearLastDay } from './gen/calendar.mjs';

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
  for (const b of BRANCHES) genBranchYear(ctx, M, b, Y, store);
  genCommitteeRows(ctx, { orgs: ORGS, root: ROOT, branches: BRANCHES }, M, Y, store);
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
