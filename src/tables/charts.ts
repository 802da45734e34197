// What each chart of the HTML report shows, as data: a title, categories, series of exact
// numbers (or a distribution's five numbers), a sentence that says every number (for readers who
// cannot see the chart), and the numbers behind it as a Table. Format-neutral: render/html-charts.ts
// draws them; the rules (groups, quartiles, "三个一", the year's figures) come from compute/.

import type { FiveNumbers } from '../compute/distribution.js';
import { fiveNumbers } from '../compute/distribution.js';
import { branchesByGroup } from '../compute/groups.js';
import type { RosterCounts } from '../compute/roster.js';
import type { YearScope } from '../compute/scope.js';
import type { BranchScore } from '../compute/scores.js';
import type { StatsCounts } from '../compute/stats.js';
import { branchFacts } from '../compute/year-facts.js';
import type { TrendYear } from '../compute/trend.js';
import type { Rubric } from '../model/rubric.js';
import { LEVELS, SECTORS, TITLES } from '../model/types.js';
import { Rational } from '../util/decimal-text.js';
import type { TableLang } from './headers.js';
import { groupLabel } from './rows.js';
import type { Cell, Column, Table } from './table.js';

/** How a chart's values read: counts, points (2 decimals) or shares (percent). */
export type ChartUnit = 'int' | 'points' | 'ratio';

export interface ChartSeries {
  readonly name: string;
  /** One value per category, exact. */
  readonly values: readonly Rational[];
}

interface ChartBase {
  /** Machine name, unique in the report: element ids and file-neutral references. */
  readonly key: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly unit: ChartUnit;
  /** Every number of the chart in one sentence (the chart's text alternative). */
  readonly description: string;
  /** The numbers behind the chart. */
  readonly table: Table;
}

export interface BarChart extends ChartBase {
  readonly kind: 'bar';
  /** One series, or several side by side (a grouped bar chart). */
  readonly series: readonly ChartSeries[];
  /** Bars drawn across (long category names). */
  readonly horizontal: boolean;
}

export interface LineChart extends ChartBase {
  readonly kind: 'line';
  readonly series: readonly ChartSeries[];
}

export interface BoxChart extends ChartBase {
  readonly kind: 'boxplot';
  /** One distribution per category. */
  readonly boxes: readonly FiveNumbers[];
}

export type Chart = BarChart | LineChart | BoxChart;

export interface ChartSection {
  readonly title: string;
  readonly charts: readonly Chart[];
  /** Said instead of (or under) the charts, e.g. why there is no trend. */
  readonly note?: string;
}

export interface ChartsInput {
  readonly lang: TableLang;
  readonly year: number;
  readonly rubric: Rubric;
  /** The year's scores and their scope (31 December). */
  readonly scores: readonly BranchScore[];
  readonly scope: YearScope;
  /** The statistics counts of the same scope. */
  readonly counts: StatsCounts;
  /** The roster's structure on 31 December, all groups together. */
  readonly roster: RosterCounts;
  /** Every year with records up to this one, oldest first, each by its own rules (mj trend's figures). */
  readonly trend: readonly TrendYear[];
}

const ratio = (num: number, den: number): Rational => (den === 0 ? Rational.ZERO : Rational.of(BigInt(num), BigInt(den)));

/** A value as the description says it (the rounding of render/cells.ts: half away from zero). */
export function chartValueText(v: Rational, unit: ChartUnit): string {
  if (unit === 'int') return v.toFixed(0);
  if (unit === 'points') return v.toFixed(2);
  return `${v.mul(Rational.int(100)).toFixed(1)}%`;
}

const col = (key: string, header: string, kind: Column['kind']): Column => ({ key, header, kind });

function describeSeries(title: string, categories: readonly string[], series: readonly ChartSeries[], unit: ChartUnit, zh: boolean): string {
  const parts = categories.map((c, i) => {
    const vs = series.map((s) => (series.length > 1 ? `${s.name} ${chartValueText(s.values[i]!, unit)}` : chartValueText(s.values[i]!, unit)));
    return zh ? `${c} ${vs.join('，')}` : `${c}: ${vs.join(', ')}`;
  });
  return zh ? `${title}：${parts.join('；')}。` : `${title}: ${parts.join('; ')}.`;
}

/** A bar or line chart of counted categories, with its table (category, then one column per series). */
function seriesChart(
  kind: 'bar' | 'line', key: string, title: string, categoryHeader: string, categories: readonly string[], series: readonly ChartSeries[],
  unit: ChartUnit, zh: boolean, options: { horizontal?: boolean; extra?: { header: string; kind: Column['kind']; cells: readonly Cell[] }[] } = {},
): Chart {
  const columns = [col('category', categoryHeader, 'text'), ...series.map((s, i) => col(`s${i}`, s.name, unit)), ...(options.extra ?? []).map((e, i) => col(`x${i}`, e.header, e.kind))];
  const rows = categories.map((c, i) => ({ kind: 'data' as const, cells: [c, ...series.map((s) => s.values[i]!), ...(options.extra ?? []).map((e) => e.cells[i]!)] }));
  const table: Table = { name: `chart-${key}`, title, columns, rows, notes: [] };
  const description = describeSeries(title, categories, series, unit, zh);
  return kind === 'bar'
    ? { kind, key, title, categories, series, unit, description, table, horizontal: options.horizontal === true }
    : { kind, key, title, categories, series, unit, description, table };
}


function scoresByGroup(input: ChartsInput, zh: boolean): Chart {
  const { lang, scope, scores } = input;
  const groups = branchesByGroup(scope.orgsInTreeOrder, scope.branches).map(({ group, branches }) => ({ label: groupLabel(group, lang), box: fiveNumbers(branches.map((b) => scores[b]!.total)) }));
  const shown = groups.filter((g): g is { label: string; box: FiveNumbers } => g.box !== undefined);
  const title = zh ? `各市委会支部总分分布（${input.year} 年）` : `Branch totals by city committee, ${input.year}`;
  const columns = [
    col('group', zh ? '组织' : 'Group', 'text'), col('n', zh ? '支部数' : 'Branches', 'int'), col('min', zh ? '最低' : 'Lowest', 'points'),
    col('q1', zh ? '下四分位数' : 'Lower quartile', 'points'), col('median', zh ? '中位数' : 'Median', 'points'),
    col('q3', zh ? '上四分位数' : 'Upper quartile', 'points'), col('max', zh ? '最高' : 'Highest', 'points'),
  ];
  const rows = shown.map((g) => ({ kind: 'data' as const, cells: [g.label, g.box.n, g.box.min, g.box.q1, g.box.median, g.box.q3, g.box.max] }));
  const p = (r: Rational): string => chartValueText(r, 'points');
  const parts = shown.map((g) => (zh ? `${g.label} ${g.box.n} 个支部，中位数 ${p(g.box.median)}（${p(g.box.min)}～${p(g.box.max)}）` : `${g.label}: ${g.box.n} branches, median ${p(g.box.median)} (${p(g.box.min)} to ${p(g.box.max)})`));
  return {
    kind: 'boxplot', key: 'scores-by-group', title, categories: shown.map((g) => g.label), boxes: shown.map((g) => g.box), unit: 'points',
    description: zh ? `${title}：${parts.join('；')}。` : `${title}: ${parts.join('; ')}.`,
    table: {
      name: 'chart-scores-by-group', title, columns, rows,
      notes: [zh ? '四分位数在排序后的总分之间按位置线性插值。' : 'Quartiles interpolate linearly between the sorted totals.'],
    },
  };
}

function grades(input: ChartsInput, zh: boolean): Chart {
  const names = input.rubric.grades.map((g) => g.name);
  const counts = names.map((n) => input.scores.filter((s) => s.grade === n).length);
  const total = input.scores.length;
  return seriesChart('bar', 'grades', zh ? `各等级支部数（${input.year} 年）` : `Branches by grade, ${input.year}`, zh ? '等级' : 'Grade', names,
    [{ name: zh ? '支部数' : 'Branches', values: counts.map((c) => Rational.int(c)) }], 'int', zh,
    { extra: [{ header: zh ? '占比' : 'Share', kind: 'ratio', cells: counts.map((c) => ratio(c, total)) }] });
}

function threeOnesByGroup(input: ChartsInput, zh: boolean): Chart {
  const { lang, scope, counts } = input;
  const facts = branchFacts(scope, counts);
  const groups = branchesByGroup(scope.orgsInTreeOrder, scope.branches).map(({ group, branches }) => ({ label: groupLabel(group, lang), n: branches.length, done: branches.reduce((k, b) => k + facts.done[b]!, 0) }));
  return seriesChart('bar', 'three-ones-by-group', zh ? `各市委会“三个一”完成率（${input.year} 年）` : `"Three ones" completion by city committee, ${input.year}`,
    zh ? '组织' : 'Group', groups.map((g) => g.label), [{ name: zh ? '完成率' : 'Completion', values: groups.map((g) => ratio(g.done, g.n)) }], 'ratio', zh, {
      extra: [
        { header: zh ? '完成支部数' : 'Branches done', kind: 'int', cells: groups.map((g) => g.done) },
        { header: zh ? '支部数' : 'Branches', kind: 'int', cells: groups.map((g) => g.n) },
      ],
    });
}

function reportsByLevel(input: ChartsInput, zh: boolean): Chart {
  const { counts } = input;
  const slots = [...LEVELS.map((l, i) => ({ label: l as string, i })), { label: zh ? '未填层级' : 'No level', i: LEVELS.length }]
    .filter((s) => s.i < LEVELS.length || counts.sqmyByLevel[s.i]! > 0);
  const submitted = slots.map((s) => counts.sqmyByLevel[s.i]!);
  const adopted = slots.map((s) => counts.sqmyAdoptedByLevel[s.i]!);
  return seriesChart('bar', 'reports-by-level', zh ? `社情民意报送和采用，按报送层级（${input.year} 年）` : `Reports submitted and adopted by level, ${input.year}`,
    zh ? '报送层级' : 'Level', slots.map((s) => s.label), [
      { name: zh ? '报送' : 'Submitted', values: submitted.map((n) => Rational.int(n)) },
      { name: zh ? '采用' : 'Adopted', values: adopted.map((n) => Rational.int(n)) },
    ], 'int', zh, { extra: [{ header: zh ? '采用率' : 'Adoption rate', kind: 'ratio', cells: submitted.map((n, i) => ratio(adopted[i]!, n)) }] });
}

function rosterCharts(input: ChartsInput, zh: boolean): Chart[] {
  const r = input.roster;
  const day = `${input.year}-12-31`;
  const members = zh ? '人数' : 'Members';
  const share = (list: readonly number[]): { header: string; kind: Column['kind']; cells: Cell[] }[] => [{ header: zh ? '占比' : 'Share', kind: 'ratio', cells: list.map((n) => ratio(n, r.end)) }];
  const chart = (key: string, title: string, header: string, labels: string[], values: number[], horizontal = false): Chart =>
    seriesChart('bar', key, title, header, labels, [{ name: members, values: values.map((n) => Rational.int(n)) }], 'int', zh, { horizontal, extra: share(values) });
  const unknown = (label: string, n: number): { labels: string[]; values: number[] } => (n > 0 ? { labels: [label], values: [n] } : { labels: [], values: [] });

  const ageU = unknown(zh ? '年龄不详' : 'Unknown', r.ageUnknown);
  const titleU = unknown(zh ? '未填' : 'Not given', r.titleUnknown);
  const sectorU = unknown(zh ? '未填' : 'Not given', r.sectorUnknown);
  return [
    chart('ages', zh ? `会员年龄（${day}）` : `Members by age (${day})`, zh ? '年龄' : 'Age',
      [zh ? '40 岁及以下' : '40 or under', zh ? '41–60 岁' : '41–60', zh ? '60 岁以上' : 'over 60', ...ageU.labels], [r.le40, r.from41to60, r.over60, ...ageU.values]),
    chart('titles', zh ? `会员职称（${day}）` : `Members by title (${day})`, zh ? '职称' : 'Title',
      [...TITLES, ...titleU.labels], [...TITLES.map((t) => r.titles[t]!), ...titleU.values]),
    chart('sectors', zh ? `会员界别（${day}）` : `Members by sector (${day})`, zh ? '界别' : 'Sector',
      [...SECTORS, ...sectorU.labels], [...SECTORS.map((s) => r.sectors[s]!), ...sectorU.values], true),
    chart('gender', zh ? `会员性别（${day}）` : `Members by gender (${day})`, zh ? '性别' : 'Gender', ['男', '女'], [r.end - r.female, r.female]),
  ];
}

function trends(input: ChartsInput, zh: boolean): ChartSection {
  const title = zh ? '历年趋势' : 'Across the years';
  const years = input.trend;
  if (years.length < 2) {
    return { title, charts: [], note: zh ? `数据中只有 ${input.year} 年的履职记录，没有可比较的往年，不画趋势图。` : `The dataset has duty records for ${input.year} only: no earlier year to compare with.` };
  }
  const labels = years.map((y) => String(y.year));
  const scored = years.filter((y) => y.meanScore !== undefined);
  const yearHeader = zh ? '年份' : 'Year';
  return {
    title,
    charts: [
      seriesChart('line', 'members-trend', zh ? '历年年末会员数' : 'Members at year end', yearHeader, labels, [{ name: zh ? '年末会员数' : 'Members', values: years.map((y) => Rational.int(y.end)) }], 'int', zh, {
        extra: [
          { header: zh ? '年初数' : 'At the start', kind: 'int', cells: years.map((y) => y.start) },
          { header: zh ? '新发展会员' : 'New members', kind: 'int', cells: years.map((y) => y.joined) },
        ],
      }),
      seriesChart('line', 'senior-trend', zh ? '历年副高级以上职称占比' : 'Senior titles (副高以上) across the years', yearHeader, labels,
        [{ name: zh ? '副高以上占比' : 'Senior share', values: years.map((y) => ratio(y.senior, y.end)) }], 'ratio', zh, {
          extra: [{ header: zh ? '副高以上人数' : 'Senior titles', kind: 'int', cells: years.map((y) => y.senior) }],
        }),
      seriesChart('line', 'sqmy-trend', zh ? '历年社情民意报送与采用' : 'Reports submitted and adopted across the years', yearHeader, labels, [
        { name: zh ? '报送' : 'Submitted', values: years.map((y) => Rational.int(y.sqmy)) },
        { name: zh ? '采用' : 'Adopted', values: years.map((y) => Rational.int(y.adopted)) },
      ], 'int', zh),
      seriesChart('line', 'three-ones-trend', zh ? '历年“三个一”完成率' : '"Three ones" completion across the years', yearHeader, labels,
        [{ name: zh ? '完成率' : 'Completion', values: years.map((y) => ratio(y.threeOnesDone, y.branches)) }], 'ratio', zh, {
          extra: [
            { header: zh ? '完成支部数' : 'Branches done', kind: 'int', cells: years.map((y) => y.threeOnesDone) },
            { header: zh ? '支部数' : 'Branches', kind: 'int', cells: years.map((y) => y.branches) },
          ],
        }),
      // The mean score of the years that have a rubric (each by its own).
      ...(scored.length >= 2
        ? [seriesChart('line', 'score-trend', zh ? '历年支部平均分（按各年评分表）' : "Mean branch score across the years (each year's rubric)", yearHeader, scored.map((y) => String(y.year)),
          [{ name: zh ? '平均分' : 'Mean score', values: scored.map((y) => y.meanScore!) }], 'points', zh)]
        : []),
    ],
    note: zh ? `往年的数字按当年的履职记录、名册和评分表计算（${labels.join('、')} 年），与 mj trend 相同。` : `Each year is computed from its own records, roster and rubric (${labels.join(', ')}), as mj trend does.`,
  };
}

/** Every chart of the year's report, in sections. */
export function reportCharts(input: ChartsInput): ChartSection[] {
  const zh = input.lang === 'zh';
  return [
    { title: zh ? '考核评分' : 'Scores', charts: [scoresByGroup(input, zh), grades(input, zh)] },
    { title: zh ? '“三个一”' : '"Three ones"', charts: [threeOnesByGroup(input, zh)] },
    { title: zh ? '社情民意' : 'Reports (社情民意)', charts: [reportsByLevel(input, zh)] },
    { title: zh ? '会员结构' : 'Membership', charts: rosterCharts(input, zh) },
    trends(input, zh),
  ];
}
