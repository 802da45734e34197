// 会员结构统计表: the roster counts per roll-up group and in total (compute/roster.ts) laid out
// as the official table, with shares computed from the counts and the counting rules in the notes.

import { LEAVE_REASONS, rosterCounts, type RosterCounts } from '../compute/roster.js';
import { SECTORS, yearEnd, yearStart, type Day, type Member, type Org } from '../model/types.js';
import { formatDay } from '../util/dates.js';
import { Rational } from '../util/decimal-text.js';
import type { TableLang } from './headers.js';
import { groupLabel } from './rows.js';
import type { Cell, Column, Row, Table } from './table.js';

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

const ratio = (num: number, den: number): Rational => (den === 0 ? Rational.ZERO : Rational.of(BigInt(num), BigInt(den)));

export function rosterTable(input: RosterInput): Table {
  const { lang } = input;
  const zh = lang === 'zh';
  const L = (a: string, b: string): string => (zh ? a : b);
  const before = yearEnd(input.year - 1);
  // On 31 December the count is the 年末数; on another --as-of day, the 期末数 (the count on that day).
  const endWord = input.asOf === yearEnd(input.year) ? '年末数' : '期末数';
  const counted = rosterCounts(input);

  const columns: Column[] = [
    { key: 'group', header: L('组织', 'Group'), kind: 'text' },
    { key: 'start', header: L('年初数', 'At start of year'), kind: 'int' },
    { key: 'joined', header: L('本年发展', 'Joined'), kind: 'int' },
    { key: 'transferIn', header: L('省内转入', 'Moved in'), kind: 'int' },
    { key: 'transferOut', header: L('省内转出', 'Moved out'), kind: 'int' },
    { key: 'left', header: L('本年减少', 'Left'), kind: 'int' },
    ...LEAVE_REASONS.map((r): Column => ({
      key: `left:${r}`, header: L(r === '转出' ? '减少：转出省外' : `减少：${r}`, r === '转出' ? 'Left: moved out of the province' : `Left: ${r}`), kind: 'int',
    })),
    { key: 'end', header: L(endWord, 'On the as-of day'), kind: 'int' },
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
      label, c.start, c.joined, c.transferIn, c.transferOut, left, ...LEAVE_REASONS.map((r) => c.left[r]!), c.end, ratio(c.joined, c.start), ratio(c.end - c.start, c.start),
      c.female, c.minority, c.ageKnown === 0 ? null : ratio(c.ageSum, c.ageKnown), c.le40, c.from41to60, c.over60, c.ageUnknown, c.postgrad,
      c.doctor, c.full, c.associate, ratio(c.full + c.associate, c.end), c.deputies, c.cppcc, c.reserve,
      ...SECTORS.map((s) => c.sectors[s]!), c.sectorUnknown,
    ];
  };
  const rows: Row[] = counted.groups.map(({ group, counts }) => ({ kind: 'data', cells: cells(groupLabel(group, lang), counts) }));
  rows.push({ kind: 'total', cells: cells(L('合计', 'Total'), counted.total) });

  const notes = [
    L(`${endWord}为 ${formatDay(input.asOf)} 在册的会员（入会时间不晚于该日，且会籍状态为在册或离会时间晚于该日）；各项结构按这些会员统计。年初数为上一年年末（${formatDay(before)}）在册的会员，等于上一年的年末数；本年发展为 ${formatDay(yearStart(input.year))} 起入会的会员。`,
      `The last count is of members on the roster on ${formatDay(input.asOf)} (joined by then, and 在册 or left after that day); the structure columns describe them. The first count is of the end of the previous year (${formatDay(before)}), so it equals last year's last count; joined counts from ${formatDay(yearStart(input.year))}.`),
    L(`每行：年初数 + 本年发展 + 省内转入 − 省内转出 − 本年减少 = ${endWord}；减少按离会时的会籍状态分类（转出省外即会籍状态“转出”）。新增率 = 本年发展 ÷ 年初数，净增率 =（${endWord} − 年初数）÷ 年初数。`,
      'In every row: start + joined + moved in − moved out − left = last count; leavers are split by their standing (moved out of the province is the standing 转出). Intake rate = joined ÷ start; net growth = (last − start) ÷ start.'),
    L(`每名会员按当天所在的支部计入分组：年初数按上一年 12 月 31 日、本年发展按入会日、减少按离会前一天、${endWord}和各项结构按截止日；在两组的支部之间转接（transfers.csv）是转出组的省内转出、转入组的省内转入，同组内的转接不计。合计行的省内转入等于省内转出。`,
      'Each member counts in the group of their branch on the day that matters: the start on 31 December of last year, joining on the day joined, leaving on the day before, the last count and the structure on the as-of day. A transfer (transfers.csv) between branches of two groups is moved out of the one and moved in to the other; within a group it is not counted. In the total row, moved in equals moved out.'),
    L(`年龄按截止日的周岁计算，只写年月的出生日期按该月 1 日计；平均年龄只计出生日期已知的会员。副高以上占比 =（正高级 + 副高级）÷ ${endWord}。少数民族：民族填写且不是汉族。`,
      'Age in completed years on the as-of day, a YYYY-MM birth counted from the 1st; the mean age counts members with a known birth. Senior share = (full + associate senior) ÷ last count. Minorities: an ethnicity other than 汉族.'),
    L('分组：省委会直属的每个市委会、工委及其下属组织为一组；省直为省委会直属的支部。合计行由各组人数相加后计算比率。',
      'Groups: each 市委会 or 工委 directly under the root, with everything below it; 省直 is the branches directly under the root. Shares in the total row come from the summed counts.'),
  ];
  if (input.orgFilter !== undefined) notes.push(L(`只统计${input.orgFilter}下的会员。`, `Only members under ${input.orgFilter} are counted.`));
  return {
    name: 'roster',
    compact: {
      keys: ['group', 'start', 'joined', 'left', 'end', 'female', 'meanAge', 'seniorShare', 'deputies', 'cppcc'],
      dropFirst: ['deputies', 'cppcc', 'female', 'meanAge'],
    },
    title: L(`${input.datasetName}会员结构统计表（截至 ${formatDay(input.asOf)}）`, `${input.datasetName}: membership structure (as of ${formatDay(input.asOf)})`),
    columns,
    rows,
    notes,
  };
}
