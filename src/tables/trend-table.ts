// mj trend FROM..TO: the years side by side, as tables (the province by year; the branches by
// year); the HTML report draws the same figures (tables/charts.ts). Layout only: compute/trend.ts
// decides every number.

import type { Trend } from '../compute/trend.js';
import { Rational } from '../util/decimal-text.js';
import type { TableLang } from './headers.js';
import type { Cell, Column, Row, Table } from './table.js';

export interface TrendTableInput {
  readonly datasetName: string;
  readonly lang: TableLang;
  readonly from: number;
  readonly to: number;
  readonly trend: Trend;
  readonly orgFilter: string | undefined;
}

const ratio = (num: number, den: number): Rational => (den === 0 ? Rational.ZERO : Rational.of(BigInt(num), BigInt(den)));
const col = (key: string, header: string, kind: Column['kind']): Column => ({ key, header, kind });

/** The grade names of the range, in the order the years' rubrics list them (first seen first). */
function gradeNames(trend: Trend): string[] {
  const out: string[] = [];
  for (const y of trend.years) for (const g of y.grades ?? []) if (!out.includes(g.name)) out.push(g.name);
  return out;
}

export function trendTable(input: TrendTableInput): Table {
  const zh = input.lang === 'zh';
  const L = (a: string, b: string): string => (zh ? a : b);
  const grades = gradeNames(input.trend);
  const columns: Column[] = [
    col('year', L('年度', 'Year'), 'text'),
    col('start', L('年初数', 'At start of year'), 'int'),
    col('joined', L('本年发展', 'Joined'), 'int'),
    col('movedIn', L('省内转入', 'Moved in'), 'int'),
    col('movedOut', L('省内转出', 'Moved out'), 'int'),
    col('left', L('本年减少', 'Left'), 'int'),
    col('end', L('年末数', 'At year end'), 'int'),
    col('senior', L('副高以上', 'Senior titles'), 'int'),
    col('seniorShare', L('副高以上占比', 'Senior share'), 'ratio'),
    col('branches', L('支部数', 'Branches'), 'int'),
    col('threeOnes', L('“三个一”完成', '"Three ones" done'), 'int'),
    col('threeOnesRate', L('“三个一”完成率', '"Three ones" rate'), 'ratio'),
    col('sqmy', L('社情民意报送', 'Reports submitted'), 'int'),
    col('adopted', L('社情民意采用', 'Reports adopted'), 'int'),
    col('adoptionRate', L('采用率', 'Adoption rate'), 'ratio'),
    col('trainees', L('培训人次', 'Trainees'), 'int'),
    col('meanScore', L('平均分', 'Mean score'), 'points'),
    ...grades.map((g) => col(`grade:${g}`, g, 'int')),
  ];
  const rows: Row[] = input.trend.years.map((y) => ({
    kind: 'data',
    cells: [
      String(y.year), y.start, y.joined, y.movedIn, y.movedOut, y.left, y.end, y.senior, ratio(y.senior, y.end), y.branches, y.threeOnesDone,
      ratio(y.threeOnesDone, y.branches), y.sqmy, y.adopted, ratio(y.adopted, y.sqmy), y.trainees, y.meanScore ?? null,
      ...grades.map((g): Cell => (y.grades ? (y.grades.find((x) => x.name === g)?.count ?? 0) : null)),
    ],
  }));
  const notes = [
    L('每年按该年的数据和该年自己的评分表计算（“三个一”的定义、评分项、等级都以该年评分表为准；没有评分表的年份平均分和等级空白）。年初数为上一年 12 月 31 日在册的会员，等于上一年的年末数。',
      'Each year is computed from its own data and its own rubric (the "three ones", items and grades as that year\'s rubric says; years without one have no scores). The start of a year is the roster on 31 December before, so it equals the previous year\'s year-end count.'),
    L('每行：年初数 + 本年发展 + 省内转入 − 省内转出 − 本年减少 = 年末数（全省的省内转入与转出相等）。社情民意为各支部名下的记录之和，与支部履职情况统计表的合计行相同；培训人次为全年各项培训的人次之和，与会员培训情况表的合计行相同；各比率由该行的数字计算。',
      'In every row: start + joined + moved in − moved out − left = year end (for the whole province moved in equals moved out). Reports and trainees are the branches\' records summed, as in the branch table\'s total row; shares come from the row\'s counts.'),
  ];
  if (input.orgFilter !== undefined) notes.push(L(`只统计${input.orgFilter}下的组织和会员。`, `Only the orgs and members under ${input.orgFilter} are counted.`));
  return {
    name: 'trend',
    compact: { keys: ['year', 'start', 'joined', 'left', 'end', 'seniorShare', 'threeOnesRate', 'sqmy', 'adopted', 'meanScore'] },
    title: L(`${input.datasetName}${input.from}—${input.to}年度发展情况`, `${input.datasetName}: the years ${input.from}–${input.to}`),
    columns, rows, notes,
  };
}

export function trendBranchesTable(input: TrendTableInput): Table {
  const zh = input.lang === 'zh';
  const L = (a: string, b: string): string => (zh ? a : b);
  const years = input.trend.years.map((y) => y.year);
  const columns: Column[] = [
    col('branch', L('支部', 'Branch'), 'text'),
    col('id', L('支部编号', 'Branch id'), 'id'),
    ...years.flatMap((y) => [
      col(`active:${y}`, L(`${y}年末会员`, `${y} members`), 'int'),
      col(`sqmy:${y}`, L(`${y}社情民意`, `${y} reports`), 'int'),
      col(`threeOnes:${y}`, L(`${y}三个一`, `${y} three ones`), 'text'),
      col(`total:${y}`, L(`${y}总分`, `${y} total`), 'points'),
      col(`grade:${y}`, L(`${y}等级`, `${y} grade`), 'text'),
    ]),
  ];
  const done = L('完成', 'done'), notDone = L('未完成', 'not done');
  const rows: Row[] = input.trend.branches.map((b) => ({
    kind: 'data',
    cells: [b.branch.name, b.branch.id, ...b.years.flatMap((y): Cell[] => (y === undefined ? [null, null, '', null, ''] : [y.active, y.sqmy, y.done ? done : notDone, y.total ?? null, y.grade ?? '']))],
  }));
  rows.push({
    kind: 'total',
    cells: [L('合计', 'Total'), '', ...input.trend.years.flatMap((y, k): Cell[] => {
      const list = input.trend.branches.map((b) => b.years[k]).filter((x) => x !== undefined);
      return [list.reduce((n, x) => n + x.active, 0), y.sqmy, `${done} ${y.threeOnesDone}/${y.branches}`, y.meanScore ?? null, ''];
    })],
  });
  return {
    name: 'trend-branches',
    compact: { keys: ['branch', ...years.flatMap((y) => [`total:${y}`, `grade:${y}`])] },
    title: L(`${input.datasetName}${input.from}—${input.to}年度各支部发展情况`, `${input.datasetName}: branches over the years ${input.from}–${input.to}`),
    columns, rows,
    notes: [
      L('每个支部一行，每年：年末在册会员、社情民意报送、“三个一”、总分和等级，各按该年自己的评分表；某年不是考核支部的空白。合计行的总分为该年各支部的平均分。',
        'One row per branch; each year its members at year end, reports, "three ones", total and grade, by that year\'s own rubric; blank in a year it was not a branch. The total row\'s total is the year\'s mean.'),
      ...(input.orgFilter !== undefined ? [L(`只列出${input.orgFilter}下的支部。`, `Only the branches under ${input.orgFilter}.`)] : []),
    ],
  };
}
