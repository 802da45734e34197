// The year's report as a small web site, format-neutral: the headline figures, the charts
// (charts.ts), the 评分汇总表 linked to a score card per branch, the statistics tables, and the
// members table per roll-up group. A card is the branch's 评分表 form (score-form.ts), its
// "三个一" and the members yet to report, and its points explained record by record
// (explain-doc.ts). Cards and member tables are made when drawn, a group at a time, so a large
// province is never held whole. render/html.ts draws it.

import type { Explanation } from '../compute/explain.js';
import { branchesByGroup } from '../compute/groups.js';
import type { YearScope } from '../compute/scope.js';
import type { BranchScore, ThreeOnes } from '../compute/scores.js';
import type { StatsCounts } from '../compute/stats.js';
import { branchFacts } from '../compute/year-facts.js';
import type { YearSummary } from '../compute/year-summary.js';
import type { Rubric } from '../model/rubric.js';
import type { Assessment, Org } from '../model/types.js';
import { formatDay } from '../util/dates.js';
import { Rational } from '../util/decimal-text.js';
import type { ChartSection } from './charts.js';
import { explainDocument, type Block } from './explain-doc.js';
import type { TableLang } from './headers.js';
import { groupLabel, maskName } from './rows.js';
import { scoreForm, scoreSummaryTable, type ScoreForm } from './score-form.js';
import type { Cell, ColumnKind, Table } from './table.js';

/** One figure of the index page: 支部 220, 年末会员 4,838 … */
export interface HeadlineFigure {
  readonly label: string;
  readonly value: Cell;
  readonly kind: ColumnKind;
  /** A second line: 采用 120（采用率 12.5%）. */
  readonly detail?: string;
}

export interface ScoreCard {
  readonly branchId: string;
  readonly branchName: string;
  readonly parentName: string;
  readonly form: ScoreForm;
  readonly rank: number;
  readonly branchCount: number;
  readonly total: Rational;
  readonly grade: string;
  readonly threeOnes: ThreeOnes;
  /** Active members without a "三个一" report of their own: 编号 and name (masked with --mask). */
  readonly missing: readonly { readonly id: string; readonly name: string }[];
  /** How each point was reached (the --explain document without its title), or undefined when left out. */
  readonly explanation: readonly Block[] | undefined;
}

/** The cards of one roll-up group (a 市委会 or 工委, or 省直), made when drawn. */
export interface CardGroup {
  readonly label: string;
  readonly branchIds: readonly string[];
  /** The cards of branchIds[from, to). */
  cards(from: number, to: number): Iterable<ScoreCard>;
}

export interface MembersPart {
  readonly label: string;
  table(): Table;
}

export interface ReportSite {
  readonly lang: TableLang;
  readonly year: number;
  readonly datasetName: string;
  /** 民进贵州省委 2019 年度履职报告 */
  readonly title: string;
  readonly headline: readonly HeadlineFigure[];
  readonly charts: readonly ChartSection[];
  /** 评分汇总表, by rank; `summaryBranchIds` gives each data row's branch (its card). */
  readonly summary: Table;
  readonly summaryBranchIds: readonly string[];
  readonly cardGroups: readonly CardGroup[];
  /** Said on the cards when their record lists are left out (too many records). */
  readonly explanationsNote: string | undefined;
  /** The whole tables, one page each: score sheet, branches, progress, roster, subsidy. */
  readonly tables: readonly Table[];
  /** The members table per group, or why it is left out (with the files that hold it). */
  readonly members: { readonly parts: readonly MembersPart[] } | { readonly omitted: string };
  /** The report's other files (paths from the report folder), for the index. */
  readonly files: readonly { readonly title: string; readonly paths: readonly string[] }[];
  /** Under every page: how it was made and with which settings. */
  readonly footer: string;
}

export interface ReportSiteInput {
  readonly lang: TableLang;
  readonly datasetName: string;
  readonly year: number;
  readonly rubric: Rubric;
  readonly scores: readonly BranchScore[];
  readonly scope: YearScope;
  readonly counts: StatsCounts;
  readonly orgById: ReadonlyMap<string, Org>;
  readonly assessments: readonly Assessment[];
  readonly mask: boolean;
  /** 日期 on the forms' signature line (--date). */
  readonly date: string | undefined;
  /** This year's figures (the index), computed from the same counts. */
  readonly summaryOfYear: YearSummary;
  readonly charts: readonly ChartSection[];
  /** A branch's explanation, or undefined when the records were not kept. */
  readonly explain: (branchId: string) => Explanation | undefined;
  /** When the records were not kept: the records file's size and the limit, in bytes. */
  readonly explanationsOmitted: { readonly bytes: number; readonly limit: number } | undefined;
  /** The whole tables drawn on their own pages. */
  readonly tables: readonly Table[];
  /** The members table of a set of branches (their members); all when undefined. */
  readonly membersTable: (only: ReadonlySet<string> | undefined) => Table;
  /** Members of the year (the rows of the members table, without 合计). */
  readonly memberRows: number;
  /** Above this many members the members table is left out of the site. */
  readonly membersLimit: number;
  /** The report's other files, and which of them hold the members table. */
  readonly files: readonly { readonly name: string; readonly title: string; readonly paths: readonly string[] }[];
}

const ratio = (num: number, den: number): Rational => (den === 0 ? Rational.ZERO : Rational.of(BigInt(num), BigInt(den)));
const pct = (r: Rational): string => `${r.mul(Rational.int(100)).toFixed(1)}%`;
const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);

function headline(input: ReportSiteInput): HeadlineFigure[] {
  const zh = input.lang === 'zh';
  const y = input.summaryOfYear;
  const groups = branchesByGroup(input.scope.orgsInTreeOrder, input.scope.branches).length;
  return [
    { label: zh ? '支部' : 'Branches', value: y.branches, kind: 'int', detail: zh ? `分属 ${groups} 个组（市委会、工委、省直）` : `in ${groups} groups (city committees, direct)` },
    { label: zh ? '年末会员' : 'Members at year end', value: y.active, kind: 'int', detail: zh ? `${formatDay(input.scope.asOf)} 在册` : `on the roster on ${formatDay(input.scope.asOf)}` },
    { label: zh ? '新发展会员' : 'New members', value: y.newMembers, kind: 'int', detail: zh ? `${input.year} 年内入会` : `joined in ${input.year}` },
    {
      label: zh ? '社情民意报送' : 'Reports submitted', value: y.sqmy, kind: 'int',
      detail: zh ? `采用 ${y.adopted} 篇（采用率 ${pct(ratio(y.adopted, y.sqmy))}）` : `${y.adopted} adopted (${pct(ratio(y.adopted, y.sqmy))})`,
    },
    {
      label: zh ? '“三个一”完成率' : '"Three ones" completed', value: ratio(y.threeOnesDone, y.branches), kind: 'ratio',
      detail: zh ? `${y.threeOnesDone} / ${y.branches} 个支部完成` : `${y.threeOnesDone} of ${y.branches} branches`,
    },
    ...input.rubric.grades.map((g): HeadlineFigure => {
      const n = input.scores.filter((s) => s.grade === g.name).length;
      return { label: zh ? `评为${g.name}` : `Graded ${g.name}`, value: n, kind: 'int', detail: zh ? `占 ${pct(ratio(n, y.branches))}` : `${pct(ratio(n, y.branches))} of the branches` };
    }),
  ];
}


export function reportSite(input: ReportSiteInput): ReportSite {
  const { lang, scope, scores } = input;
  const zh = lang === 'zh';
  const facts = branchFacts(scope, input.counts);
  const nameOf = (name: string): string => (input.mask ? maskName(name) : name);
  const formInput = { datasetName: input.datasetName, rubric: input.rubric, orgById: input.orgById, assessments: input.assessments, lang, date: input.date };
  const card = (b: number): ScoreCard => {
    const s = scores[b]!;
    const x = input.explain(s.branch.id);
    const form = scoreForm(formInput, s);
    return {
      branchId: s.branch.id, branchName: s.branch.name, parentName: form.parentName, form, rank: s.rank, branchCount: scores.length,
      total: s.total, grade: s.grade, threeOnes: s.threeOnes,
      missing: facts.missing[b]!.map((m) => ({ id: scope.members[m]!.id, name: nameOf(scope.members[m]!.name) })),
      explanation: x && explainDocument(x, { lang, mask: input.mask }).blocks.filter((block) => block.role !== 'title'),
    };
  };
  const groups = branchesByGroup(scope.orgsInTreeOrder, scope.branches);
  const cardGroups: CardGroup[] = groups.map(({ group, branches }) => ({
    label: groupLabel(group, lang),
    branchIds: branches.map((b) => scope.branches[b]!.id),
    *cards(from, to) {
      for (const b of branches.slice(from, to)) yield card(b);
    },
  }));
  const summary = scoreSummaryTable({ datasetName: input.datasetName, rubric: input.rubric, scores, lang, only: undefined });
  const byRank = scores.slice().sort((a, b) => a.rank - b.rank).map((s) => s.branch.id);

  const membersFiles = input.files.find((f) => f.name === 'members')?.paths ?? [];
  const members: ReportSite['members'] = input.memberRows > input.membersLimit
    ? {
        omitted: zh
          ? `本年共 ${input.memberRows} 名会员，超过网页版列出的上限（${input.membersLimit} 名），会员履职情况统计表不放在网页中${membersFiles.length > 0 ? `，请打开 ${membersFiles.join('、')}` : '；请用 mj report 的 csv、xlsx 等格式生成该表'}。`
          : `${input.memberRows} members this year, above the ${input.membersLimit} the web pages list: the member table is left out${membersFiles.length > 0 ? `; open ${membersFiles.join(', ')}` : '; make it with mj report in csv or xlsx'}.`,
      }
    : { parts: groups.map(({ group, branches }) => ({ label: groupLabel(group, lang), table: () => input.membersTable(new Set(branches.map((b) => scope.branches[b]!.id))) })) };

  const omitted = input.explanationsOmitted;
  const explanationsNote = omitted === undefined ? undefined : zh
    ? `本年的履职记录文件有 ${megabytes(omitted.bytes)} MB，超过网页版逐条列出记录的上限（${megabytes(omitted.limit)} MB），评分卡只列各项得分和计算方法；某个支部的逐条说明请运行 mj score ${input.year} --explain 支部编号。`
    : `This year's records file is ${megabytes(omitted.bytes)} MB, above the ${megabytes(omitted.limit)} MB up to which the web pages list records: the cards give every point and how it is computed; for one branch's records run mj score ${input.year} --explain BRANCH.`;

  return {
    lang, year: input.year, datasetName: input.datasetName,
    title: zh ? `${input.datasetName} ${input.year} 年度履职报告` : `${input.datasetName}: report for ${input.year}`,
    headline: headline(input),
    charts: input.charts,
    summary,
    summaryBranchIds: byRank,
    cardGroups,
    explanationsNote,
    tables: input.tables,
    members,
    files: input.files.map((f) => ({ title: f.title, paths: f.paths })),
    footer: zh
      ? `由 mj report 根据数据目录生成，请勿手工修改。在册会员按 ${formatDay(scope.asOf)} 计算；分数保留 2 位小数，排名和等级按精确总分。${input.mask ? '会员姓名已脱敏（只显示第一个字）。' : ''}`
      : `Made by mj report from the dataset; do not edit by hand. Members on the roster on ${formatDay(scope.asOf)}; points shown to 2 decimals, ranks and grades from the exact totals.${input.mask ? ' Member names are masked (first character only).' : ''}`,
  };
}
