// 会员结构统计表: per roll-up group and in total, the year's movement (年初, 发展, 减少 by reason,
// 年末 on the as-of day) and the structure of the members on the roster that day (gender,
// minorities, age, education, degree, title, posts, reserve cadres, sector). Counts add up:
// 年初 + 发展 − 减少 = 年末 in every row.

import { SECTORS, STATUSES, type Day, type Member } from '../model/types.js';
import { ageOn, formatDay } from '../util/dates.js';
import { Rational } from '../util/decimal-text.js';
import { groupsOf, type Group } from './groups.js';
import type { TableLang } from './headers.js';
import type { Cell, Column, Row, Table } from './table.js';
import type { Org } from '../model/types.js';

export interface RosterInput {
  readonly datasetName: string;
  readonly orgsInTreeOrder: readonly Org[];
  readonly members: readonly Member[];
  readonly year: number;
  readonly asOf: Day;
  readonly lang: TableLang;
  readonly only: ReadonlySet<string> | undefined;
  readonly orgFilter: string | undefined;
}

const LEAVE_REASONS = STATUSES.filter((s) => s !== '在册');

interface RosterCounts {
  start: number;
  joined: number;
  left: Record<string, number>;
  end: number;
  female: number;
  minority: number;
  ageSum: number;
  ageKnown: number;
  le40: number;
  from41to60: number;
  over60: number;
  ageUnknown: number;
  postgrad: number;
  doctor: number;
  full: number;
  associate: number;
  deputies: number;
  cppcc: number;
  reserve: number;
  sectors: Record<string, number>;
  sectorUnknown: number;
}

function zero(): RosterCounts {
  return {
    start: 0, joined: 0, left: Object.fromEntries(LEAVE_REASONS.map((r) => [r, 0])), end: 0, female: 0, minority: 0,
    ageSum: 0, ageKnown: 0, le40: 0, from41to60: 0, over60: 0, ageUnknown: 0, postgrad: 0, doctor: 0, full: 0, associate: 0,
    deputies: 0, cppcc: 0, reserve: 0, sectors: Object.fromEntries(SECTORS.map((s) => [s, 0])), sectorUnknown: 0,
  };
}

function add(into: RosterCounts, c: RosterCounts): void {
  for (const k of Object.keys(into) as (keyof RosterCounts)[]) {
    const v = into[k];
    if (typeof v === 'number') (into[k] as number) = v + (c[k] as number);
    else for (const kk of Object.keys(v)) v[kk]! += (c[k] as Record<string, number>)[kk]!;
  }
}

/** On the roster on day d (joined ≤ d, and 在册 or left after d). */
function on(m: Member, d: Day): boolean {
  if (m.joined > d) return false;
  if (m.left !== undefined) return m.left > d;
  return m.status === '在册';
}

/** Adds one member's movement over (jan1, asOf] and, if on the roster on asOf, their structure. */
function count(c: RosterCounts, m: Member, jan1: Day, asOf: Day): void {
  if (on(m, jan1)) c.start++;
  else if (m.joined > jan1 && m.joined <= asOf && (m.left === undefined || m.left > m.joined)) c.joined++;
  const wasIn = on(m, jan1) || (m.joined > jan1 && m.joined <= asOf && (m.left === undefined || m.left > m.joined));
  if (wasIn && m.left !== undefined && m.left > jan1 && m.left <= asOf && m.status !== '在册') c.left[m.status]!++;
  if (!on(m, asOf)) return;
  c.end++;
  if (m.gender === '女') c.female++;
  if (m.ethnicity !== undefined && m.ethnicity !== '汉族' && m.ethnicity !== '汉') c.minority++;
  if (m.birth === undefined) c.ageUnknown++;
  else {
    const age = ageOn(m.birth, asOf);
    c.ageSum += age;
    c.ageKnown++;
    if (age <= 40) c.le40++;
    else if (age <= 60) c.from41to60++;
    else c.over60++;
  }
  if (m.education === '研究生') c.postgrad++;
  if (m.degree === '博士') c.doctor++;
  if (m.title === '正高级') c.full++;
  if (m.title === '副高级') c.associate++;
  if (m.roles.some((r) => r.endsWith('人大代表'))) c.deputies++;
  if (m.roles.some((r) => r.endsWith('政协委员'))) c.cppcc++;
  if (m.reserve) c.reserve++;
  if (m.sector === undefined) c.sectorUnknown++;
  else c.sectors[m.sector]!++;
}

const ratio = (num: number, den: number): Rational => (den === 0 ? Rational.ZERO : Rational.of(BigInt(num), BigInt(den)));

export function rosterTable(input: RosterInput): Table {
  const { lang } = input;
  const zh = lang === 'zh';
  const L = (a: string, b: string): string => (zh ? a : b);
  const groups = groupsOf(input.orgsInTreeOrder, lang);
  const jan1 = input.year * 10000 + 101;

  // Groups in tree order of their first org; each member counted in their branch's group.
  const order: Group[] = [];
  const byKey = new Map<string, RosterCounts>();
  for (const o of input.orgsInTreeOrder) {
    const g = groups.get(o.id);
    if (!g || byKey.has(g.key) || o.type !== '支部') continue;
    if (input.only && !input.only.has(o.id)) continue;
    order.push(g);
    byKey.set(g.key, zero());
  }
  for (const m of input.members) {
    if (input.only && !input.only.has(m.org)) continue;
    const g = groups.get(m.org);
    const c = g && byKey.get(g.key);
    if (c) count(c, m, jan1, input.asOf);
  }

  const columns: Column[] = [
    { key: 'group', header: L('组织', 'Group'), kind: 'text' },
    { key: 'start', header: L('年初数', 'At start of year'), kind: 'int' },
    { key: 'joined', header: L('本年发展', 'Joined'), kind: 'int' },
    { key: 'left', header: L('本年减少', 'Left'), kind: 'int' },
    ...LEAVE_REASONS.map((r): Column => ({ key: `left:${r}`, header: L(`减少：${r}`, `Left: ${r}`), kind: 'int' })),
    { key: 'end', header: L('年末数', 'On the as-of day'), kind: 'int' },
    { key: 'growth', header: L('新增率', 'Intake rate'), kind: 'ratio' },
    { key: 'netGrowth', header: L('净增率', 'Net growth'), kind: 'ratio' },
    { key: 'female', header: L('女性', 'Women'), kind: 'int' },
    { key: 'minority', header: L('少数民族', 'Minorities'), kind: 'int' },
    { key: 'meanAge', header: L('平均年龄', 'Mean age'), kind: 'points' },
    { key: 'le40', header: L('40岁及以下', '≤ 40'), kind: 'int' },
    { key: '41to60', header: L('41–60岁', '41–60'), kind: 'int' },
    { key: 'over60', header: L('60岁以上', '> 60'), kind: 'int' },
    { key: 'ageUnknown', header: L('年龄不详', 'Age unknown'), kind: 'int' },
    { key: 'postgrad', header: L('研究生', 'Postgraduate'), kind: 'int' },
    { key: 'doctor', header: L('博士', 'Doctorate'), kind: 'int' },
    { key: 'full', header: L('正高级', 'Full senior title'), kind: 'int' },
    { key: 'associate', header: L('副高级', 'Associate senior title'), kind: 'int' },
    { key: 'seniorShare', header: L('副高以上占比', 'Senior share'), kind: 'ratio' },
    { key: 'deputies', header: L('人大代表', 'Congress deputies'), kind: 'int' },
    { key: 'cppcc', header: L('政协委员', 'CPPCC members'), kind: 'int' },
    { key: 'reserve', header: L('后备干部', 'Reserve cadres'), kind: 'int' },
    ...SECTORS.map((s): Column => ({ key: `sector:${s}`, header: L(`界别：${s}`, `Sector: ${s}`), kind: 'int' })),
    { key: 'sectorUnknown', header: L('界别不详', 'Sector unknown'), kind: 'int' },
  ];
  const cells = (label: string, c: RosterCounts): Cell[] => {
    const left = LEAVE_REASONS.reduce((n, r) => n + c.left[r]!, 0);
    return [
      label, c.start, c.joined, left, ...LEAVE_REASONS.map((r) => c.left[r]!), c.end, ratio(c.joined, c.start), ratio(c.end - c.start, c.start),
      c.female, c.minority, c.ageKnown === 0 ? null : ratio(c.ageSum, c.ageKnown), c.le40, c.from41to60, c.over60, c.ageUnknown, c.postgrad,
      c.doctor, c.full, c.associate, ratio(c.full + c.associate, c.end), c.deputies, c.cppcc, c.reserve,
      ...SECTORS.map((s) => c.sectors[s]!), c.sectorUnknown,
    ];
  };
  const rows: Row[] = [];
  const total = zero();
  for (const g of order) {
    const c = byKey.get(g.key)!;
    rows.push({ kind: 'data', cells: cells(g.label, c) });
    add(total, c);
  }
  rows.push({ kind: 'total', cells: cells(L('合计', 'Total'), total) });

  const notes = [
    L(`年末数为 ${formatDay(input.asOf)} 在册的会员（入会时间不晚于该日，且会籍状态为在册或离会时间晚于该日）；各项结构按这些会员统计。年初数为 ${formatDay(jan1)} 在册的会员。`,
      `The last count is of members on the roster on ${formatDay(input.asOf)} (joined by then, and 在册 or left after that day); the structure columns describe them. The first count is of ${formatDay(jan1)}.`),
    L('每行：年初数 + 本年发展 − 本年减少 = 年末数；减少按离会时的会籍状态分类。新增率 = 本年发展 ÷ 年初数，净增率 =（年末数 − 年初数）÷ 年初数。',
      'In every row: start + joined − left = last count; leavers are split by their standing. Intake rate = joined ÷ start; net growth = (last − start) ÷ start.'),
    L('年龄按截止日的周岁计算，只写年月的出生日期按该月 1 日计；平均年龄只计出生日期已知的会员。副高以上占比 =（正高级 + 副高级）÷ 年末数。少数民族：民族填写且不是汉族。',
      'Age in completed years on the as-of day, a YYYY-MM birth counted from the 1st; the mean age counts members with a known birth. Senior share = (full + associate senior) ÷ last count. Minorities: an ethnicity other than 汉族.'),
    L('分组：省委会直属的每个市委会、工委及其下属组织为一组；省直为省委会直属的支部。合计行由各组人数相加后计算比率。',
      'Groups: each 市委会 or 工委 directly under the root, with everything below it; 省直 is the branches directly under the root. Shares in the total row come from the summed counts.'),
  ];
  if (input.orgFilter !== undefined) notes.push(L(`只统计 ${input.orgFilter} 下的会员。`, `Only members under ${input.orgFilter} are counted.`));
  return {
    name: 'roster',
    title: L(`${input.datasetName}会员结构统计表（截至 ${formatDay(input.asOf)}）`, `${input.datasetName}: membership structure (as of ${formatDay(input.asOf)})`),
    columns,
    rows,
    notes,
  };
}
