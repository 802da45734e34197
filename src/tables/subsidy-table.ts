// Subsidy lines → the 基层组织活动经费补助 table, with the rule and any scaling in the notes.

import type { Rubric } from '../model/rubric.js';
import type { Org } from '../model/types.js';
import type { SubsidyResult } from '../compute/subsidy.js';
import { Rational } from '../util/decimal-text.js';
import type { TableLang } from './headers.js';
import type { Cell, Column, Row, Table } from './table.js';

export interface SubsidyTableInput {
  readonly datasetName: string;
  readonly rubric: Rubric;
  readonly branches: readonly Org[];
  readonly result: SubsidyResult;
  readonly only: ReadonlySet<string> | undefined;
  readonly orgFilter: string | undefined;
  readonly lang: TableLang;
}

export function subsidyTable(input: SubsidyTableInput): Table {
  const { rubric, result, lang } = input;
  const zh = lang === 'zh';
  const L = (a: string, b: string): string => (zh ? a : b);
  const rule = rubric.subsidy!;
  const columns: Column[] = [
    { key: 'branch', header: L('支部', 'Branch'), kind: 'text' },
    { key: 'id', header: L('支部编号', 'Branch id'), kind: 'id' },
    { key: 'members', header: L('年末会员数', 'Members at year end'), kind: 'int' },
    { key: 'grade', header: L('等级', 'Grade'), kind: 'text' },
    { key: 'base', header: L('基数', 'Base'), kind: 'points' },
    { key: 'perMember', header: L('人均部分', 'Per member'), kind: 'points' },
    { key: 'performance', header: L('绩效部分', 'Performance'), kind: 'points' },
    { key: 'payout', header: L('补助', 'Subsidy'), kind: 'int' },
  ];
  // With a cap or a budget the subsidy may differ from base + per member + performance: the row says why.
  const adjusts = rule.cap !== undefined || rule.budget !== undefined;
  if (adjusts) columns.push({ key: 'adjusted', header: L('调整', 'Adjusted'), kind: 'text' });
  /** Why the subsidy is not base + per member + performance; null when it is. */
  const adjustment = (l: SubsidyResult['lines'][number]): string | null => {
    const why: string[] = [];
    if (l.capped && rule.cap !== undefined) why.push(L(`超过上限，按 ${rule.cap.toShort(2)} 元计`, `above the cap: ${rule.cap.toShort(2)}`));
    else if (l.base.add(l.perMember).add(l.performance).sign() < 0) why.push(L('低于 0，按 0 计', 'below 0: 0'));
    if (result.scale !== undefined && l.beforeScaling.sign() > 0) why.push(L('按预算比例缩减', 'scaled to the budget'));
    return why.length === 0 ? null : why.join(L('；', '; '));
  };
  const rows: Row[] = [];
  let members = 0;
  let base = Rational.ZERO;
  let perMember = Rational.ZERO;
  let performance = Rational.ZERO;
  let payout = 0n;
  input.branches.forEach((b, i) => {
    if (input.only && !input.only.has(b.id)) return;
    const l = result.lines[i]!;
    rows.push({ kind: 'data', cells: [b.name, b.id, l.members, l.grade, l.base, l.perMember, l.performance, Rational.of(l.payout), ...(adjusts ? [adjustment(l)] : [])] });
    members += l.members;
    base = base.add(l.base);
    perMember = perMember.add(l.perMember);
    performance = performance.add(l.performance);
    payout += l.payout;
  });
  const total: Cell[] = [L('合计', 'Total'), '', members, '', base, perMember, performance, Rational.of(payout), ...(adjusts ? [null] : [])];
  rows.push({ kind: 'total', cells: total });

  const factors = [...rule.gradeFactor.entries()].map(([g, f]) => `${g} ${f.sign() >= 0 ? '+' : ''}${f.mul(Rational.int(100)).toShort(2)}%`).join(zh ? '，' : ', ');
  const notes = [
    L(`补助 =（基数 ${rule.base.toShort(2)} 元 + 每名年末在册会员 ${rule.perMember.toShort(2)} 元）×（1 + 等级系数），绩效部分即按等级上浮或下调的金额；等级系数：${factors}。`,
      `Subsidy = (base ${rule.base.toShort(2)} + ${rule.perMember.toShort(2)} per member active at year end) × (1 + the grade's factor); the performance part is the amount the grade adds or takes; factors: ${factors}.`),
  ];
  if (rule.cap !== undefined) notes.push(L(`单个支部不超过 ${rule.cap.toShort(2)} 元，低于 0 按 0 计。`, `At most ${rule.cap.toShort(2)} per branch, never below 0.`));
  if (rule.budget !== undefined) {
    notes.push(
      result.scale
        ? L(`各支部合计超过预算 ${rule.budget.toShort(2)} 元，按比例缩减（系数 ${result.scale.toFixed(6)}），每个支部向下取整到元，合计 ${result.total} 元，不超过预算。`,
            `The payouts passed the budget of ${rule.budget.toShort(2)} and were scaled pro rata (factor ${result.scale.toFixed(6)}), each rounded down to whole 元: ${result.total} in all, within the budget.`)
        : L(`合计 ${result.total} 元，未超过预算 ${rule.budget.toShort(2)} 元，不缩减。`, `${result.total} in all, within the budget of ${rule.budget.toShort(2)}: no scaling.`),
    );
  }
  notes.push(L('等级为考核评分表的最终等级（含一票否决和名额）；金额以元为单位，向下取整。', 'Grades are the score sheet\'s final grades (vetoes and quotas applied); amounts in whole 元, rounded down.'));
  if (input.orgFilter !== undefined) notes.push(L(`只列出${input.orgFilter}下的支部；预算缩减按全部支部计算。`, `Only the branches under ${input.orgFilter} are listed; the budget scaling counts every branch.`));
  return {
    name: 'subsidy',
    title: L(`${input.datasetName}${rubric.year}年度基层组织活动经费补助表`, `${input.datasetName}: activity-fund subsidy, ${rubric.year}`),
    columns,
    rows,
    notes,
  };
}
