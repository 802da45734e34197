// 学历, 学位 and 职称 of the members: exact numbers of 博士 and of 正高级/副高级 on the roster on
// 2019-10-10 (the figures of the 2019 report at the default scale), the rest by probability.
import { REF_DAY } from './calendar.mjs';
import { onRoster } from './on-roster.mjs';
import { Rng, sampleExact } from './random.mjs';

/**
 * The hard targets for n members on the roster on 2019-10-10: round(n·1071/4462) holding 正高级 or
 * 副高级 and round(n·94/4462) holding 博士, the figures of the 2019 report of 民进贵州省委 at n = 4462.
 */
export function qualificationTargets(n) {
  return { senior: Math.round((n * 1071) / 4462), doctor: Math.round((n * 94) / 4462) };
}

/**
 * Sets edu, degree and title of every member of M (indices are positions in M as generated). On
 * the roster on 2019-10-10 exactly qualificationTargets(ctx.members) hold 博士 and 副高以上, drawn
 * by weight; the others get them with the matching probability.
 */
export function assignQualifications(ctx, M) {
  const N = ctx.members;
  const { senior: TARGET_SENIOR, doctor: TARGET_DOCTOR } = qualificationTargets(N);
  const rng = new Rng(ctx.seed, 'titles');
  const R = [];
  const others = [];
  M.forEach((m, i) => (onRoster(m, REF_DAY) ? R : others).push(i));
  if (R.length !== N) throw new Error(`roster on 2019-10-10 is ${R.length}, expected ${N}`);

  const LV = { prov: 1, city: 0, county: -1 };
  const docW = (i) => {
    const m = M[i];
    const s = { 高校: 10, 科研院所: 6, 医疗卫生: 2.2, 中小学: 0.04, 文化: 0.15, 出版: 0.2, 党政机关: 0.15, 企业: 0.15, 其他: 0.05 }[m.sector];
    const lv = [0.15, 0.55, 1.6][LV[m.b.lvl] + 1];
    const a = m.age;
    const af = a < 27 ? 0.05 : a < 45 ? 1.5 : a < 55 ? 1 : a < 65 ? 0.35 : 0.08;
    return s * lv * af;
  };
  const doctors = new Set(sampleExact(rng, R, docW, TARGET_DOCTOR));
  let sumDoc = 0;
  for (const i of R) sumDoc += docW(i);

  const setEdu = (m, isDoctor) => {
    if (isDoctor) { m.edu = '研究生'; m.degree = '博士'; return; }
    if (rng.chance(0.003)) { m.edu = ''; m.degree = ''; return; }
    const a = m.age;
    const lvf = m.b.lvl === 'prov' ? 1.2 : m.b.lvl === 'city' ? 1 : 0.7;
    const pm = Math.min(0.85, ({ 高校: 0.45, 科研院所: 0.4, 医疗卫生: 0.26, 中小学: 0.09, 文化: 0.1, 出版: 0.16, 党政机关: 0.18, 企业: 0.1, 其他: 0.06 }[m.sector])
      * (a < 40 ? 1.5 : a < 50 ? 1 : a < 60 ? 0.5 : 0.2) * lvf);
    if (rng.chance(pm)) { m.edu = '研究生'; m.degree = rng.chance(0.97) ? '硕士' : '无'; return; }
    const pb = ({ 高校: 0.95, 科研院所: 0.9, 医疗卫生: 0.72, 中小学: 0.66, 文化: 0.62, 出版: 0.8, 党政机关: 0.82, 企业: 0.62, 其他: 0.5 }[m.sector])
      * (a > 55 ? 0.85 : 1) * (m.b.lvl === 'county' ? 0.9 : 1);
    if (rng.chance(pb)) { m.edu = '大学本科'; m.degree = rng.chance(a < 45 ? 0.9 : a < 55 ? 0.72 : 0.5) ? '学士' : '无'; return; }
    m.edu = rng.chance(0.75) ? '大学专科' : '中专及以下';
    m.degree = '无';
  };
  for (const i of R) setEdu(M[i], doctors.has(i));
  for (const i of others) setEdu(M[i], rng.chance(Math.min(0.9, (TARGET_DOCTOR * docW(i)) / sumDoc)));

  const senW = (i) => {
    const m = M[i];
    const s = { 高校: 3.0, 科研院所: 3.0, 医疗卫生: 2.3, 中小学: 1.0, 文化: 1.2, 出版: 1.4, 党政机关: 0.35, 企业: 0.35, 其他: 0.35 }[m.sector];
    const lv = [0.75, 1.0, 1.35][LV[m.b.lvl] + 1];
    const a = m.age;
    const af = a < 30 ? 0.02 : a < 35 ? 0.25 : a < 40 ? 0.7 : a < 50 ? 1.3 : a < 60 ? 1.6 : 1.3;
    const d = m.degree === '博士' ? 4 : m.edu === '研究生' ? 1.6 : m.edu === '大学本科' ? 1 : 0.45;
    return s * lv * af * d;
  };
  const seniors = new Set(sampleExact(rng, R, senW, TARGET_SENIOR));
  let sumSen = 0;
  for (const i of R) sumSen += senW(i);

  const setTitle = (m, isSenior) => {
    const a = m.age;
    if (isSenior) {
      const pz = Math.min(0.8, 0.18 * (m.degree === '博士' ? 2.2 : 1) * (a >= 52 ? 1.6 : a < 42 ? 0.4 : 1) * (m.b.lvl === 'prov' ? 1.3 : 1));
      m.title = rng.chance(pz) ? '正高级' : '副高级';
      return;
    }
    if (rng.chance(0.008)) { m.title = ''; return; }
    if (m.sector === '党政机关' || m.sector === '企业' || m.sector === '其他') {
      m.title = rng.w([['无', 55], ['中级', 30], ['初级', 15]]);
    } else if (a < 30) m.title = rng.w([['初级', 55], ['中级', 20], ['无', 25]]);
    else if (a < 38) m.title = rng.w([['中级', 60], ['初级', 30], ['无', 10]]);
    else m.title = rng.w([['中级', 80], ['初级', 8], ['无', 12]]);
  };
  for (const i of R) setTitle(M[i], seniors.has(i));
  for (const i of others) setTitle(M[i], rng.chance(Math.min(0.92, (TARGET_SENIOR * senW(i)) / sumSen)));
}
