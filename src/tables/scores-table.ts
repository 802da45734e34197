// Branch scores → the 基层支部年度工作量化考核评分表: rank, branch, parent, one column per item,
// one per section subtotal, bonus, deductions, total, grade and the veto that capped it; notes
// state the rules a reader needs (exact totals, roster day, quotas, vetoes).

import type { Rubric, SheetRules, Veto } from '../model/rubric.js';
import type { Org } from '../model/types.js';
import type { BranchScore, SheetScore } from '../compute/scores.js';
import { formatDay } from '../util/dates.js';
import { yearEnd } from '../model/types.js';
import { Rational } from '../util/decimal-text.js';
import type { Column, Row, Table } from './table.js';
import { headers, sectionHeader, type TableLang } from './headers.js';
import { rankScope } from './rows.js';

export interface ScoresTableInput {
  readonly datasetName: string;
  readonly rubric: Rubric;
  readonly scores: readonly BranchScore[];
  readonly orgById: ReadonlyMap<string, Org>;
  /** Branch ids to show (an --org subtree), or undefined for all. */
  readonly only: ReadonlySet<string> | undefined;
  /** The --org id, named in the notes. */
  readonly orgFilter: string | undefined;
  readonly lang: TableLang;
}

export function vetoText(v: Veto, rubric: Pick<SheetRules, 'sections' | 'requirements'>, lang: TableLang): string {
  const zh = lang === 'zh';
  if (v.when.kind === 'three-ones') return zh ? `“三个一”未完成（最高${v.maxGrade}）` : `"three ones" incomplete (at most ${v.maxGrade})`;
  if (v.when.kind === 'requirement') {
    const id = v.when.requirement;
    const name = rubric.requirements.find((r) => r.id === id)?.name ?? id;
    return zh ? `${name}未达标（最高${v.maxGrade}）` : `${name} not met (at most ${v.maxGrade})`;
  }
  const id = v.when.item;
  const item = rubric.sections.flatMap((s) => s.items).find((i) => i.id === id);
  const name = item?.name ?? id;
  return zh ? `${name}得分低于 ${v.when.below.toShort(2)} 分（最高${v.maxGrade}）` : `${name} scored below ${v.when.below.toShort(2)} (at most ${v.maxGrade})`;
}

/** A share as written: an exact decimal (0.3), else a fraction (1/3). */
export function shareText(r: Rational): string {
  const short = r.toShort(6);
  return Rational.parse(short).cmp(r) === 0 ? short : `${r.num}/${r.den}`;
}

/** A note per veto of a sheet (一票否决：“三个一”未完成（最高良好）。), for every table that shows grades. */
export function vetoNotes(rubric: Pick<SheetRules, 'sections' | 'requirements' | 'vetoes'>, lang: TableLang): string[] {
  return rubric.vetoes.map((v) => (lang === 'zh' ? `一票否决：${vetoText(v, rubric, lang)}。` : `Veto: ${vetoText(v, rubric, lang)}.`));
}

/** The columns every score sheet has after its subject's: items, subtotals (and weighted parts), requirements, bonus, deductions, total, grade, veto. */
export function sheetColumns(rules: SheetRules, lang: TableLang): Column[] {
  const h = headers(lang);
  const columns: Column[] = [];
  for (const s of rules.sections) for (const it of s.items) columns.push({ key: `item:${it.id}`, header: it.name, kind: 'points' });
  rules.sections.forEach((s, i) => {
    columns.push({ key: `section:${i + 1}`, header: sectionHeader(s.name, lang), kind: 'points' });
    if (s.weight.cmp(Rational.ONE) !== 0) columns.push({ key: `weighted:${i + 1}`, header: lang === 'zh' ? `${s.name}${h.weighted}` : `${s.name} ${h.weighted}`, kind: 'points' });
  });
  for (const r of rules.requirements) columns.push({ key: `requirement:${r.id}`, header: r.name, kind: 'text' });
  columns.push(
    { key: 'bonus', header: h.bonus, kind: 'points' },
    { key: 'deduction', header: h.deduction, kind: 'points' },
    { key: 'total', header: h.total, kind: 'points' },
    { key: 'grade', header: h.grade, kind: 'text' },
    { key: 'veto', header: h.veto, kind: 'text' },
  );
  return columns;
}

/** The cells of sheetColumns for one subject's score. */
export function sheetCells(s: SheetScore, rules: SheetRules, lang: TableLang): Row['cells'][number][] {
  const h = headers(lang);
  const cells: Row['cells'][number][] = [];
  for (const sec of s.sections) for (const it of sec.items) cells.push(it.points);
  for (const sec of s.sections) {
    cells.push(sec.subtotal);
    if (sec.section.weight.cmp(Rational.ONE) !== 0) cells.push(sec.weighted);
  }
  for (const r of s.requirements) cells.push(r.met ? h.met : h.notMet);
  cells.push(s.bonus, s.deduction, s.total, s.grade, s.veto ? vetoText(s.veto, rules, lang) : '');
  return cells;
}

/**
 * On a terminal: rank, the subject, the base sections' subtotals, bonus, deductions, total, grade,
 * veto, in rank order; a narrow one leaves out the subtotals first (from the right), then the veto,
 * deductions, bonus.
 */
export function sheetCompact(rules: SheetRules, subject: string): NonNullable<Table['compact']> {
  const earns = (it: SheetRules['sections'][number]['items'][number]): boolean =>
    (it.points?.sign() ?? 0) > 0 || (it.tiers?.some((t) => t.points.sign() > 0) ?? false) || (it.measure === 'manual' && (it.max?.sign() ?? 0) > 0);
  const sectionKeys = rules.sections.flatMap((sec, i) => (sec.bonus || !sec.items.some(earns) ? [] : [`section:${i + 1}`]));
  return {
    keys: ['rank', subject, ...sectionKeys, 'bonus', 'deduction', 'total', 'grade', 'veto'], sortBy: 'rank',
    dropFirst: [...[...sectionKeys].reverse(), 'veto', 'deduction', 'bonus'],
  };
}

export function scoresTable(input: ScoresTableInput): Table {
  const { rubric, scores, lang } = input;
  const h = headers(lang);
  const columns: Column[] = [
    { key: 'rank', header: h.rank, kind: 'int' },
    { key: 'branch', header: h.branch, kind: 'text' },
    { key: 'id', header: h.branchId, kind: 'id' },
    { key: 'parent', header: h.parent, kind: 'text' },
    ...sheetColumns(rubric, lang),
  ];
  const rows: Row[] = [];
  for (const s of scores) {
    if (input.only && !input.only.has(s.branch.id)) continue;
    const parent = s.branch.parent === undefined ? undefined : input.orgById.get(s.branch.parent);
    rows.push({ kind: 'data', cells: [s.rank, s.branch.name, s.branch.id, parent?.name ?? '', ...sheetCells(s, rubric, lang)] });
  }
  return { name: 'scores', title: `${input.datasetName}${rubric.title}`, columns, rows, notes: scoreNotes(input), compact: sheetCompact(rubric, 'branch') };
}

function scoreNotes(input: ScoresTableInput): string[] {
  const { rubric, scores, lang } = input;
  const zh = lang === 'zh';
  const notes: string[] = [];
  const n = scores.length;
  notes.push(
    zh
      ? `共 ${n} 个支部参加 ${rubric.year} 年考核；在册会员按 ${formatDay(yearEnd(rubric.year))} 计算。`
      : `${n} branches are assessed for ${rubric.year}; active members are counted on ${formatDay(yearEnd(rubric.year))}.`,
  );
  notes.push(
    zh
      ? '总分、排名和等级都按未经四舍五入的精确总分计算；表中分数保留 2 位小数，显示相同的两个支部可能排名不同。排名相同者并列。'
      : 'Totals, ranks and grades use the exact total; scores are shown to 2 decimals, so two rows shown alike may rank apart. Equal totals share a rank.',
  );
  notes.push(
    zh
      ? `各项先按该项上限封顶，各部分小计再按该部分上限封顶（扣分不受封顶影响），基本分合计不超过 ${rubric.total.toShort(2)} 分；加分项另计。`
      : `Each item is capped at its max, each section at its max (deductions always count), and the base sections together at ${rubric.total.toShort(2)}; bonus sections are added on top.`,
  );
  notes.push(...rubricExtensionNotes(rubric, lang));
  const requirementName = (id: string): string => rubric.requirements.find((r) => r.id === id)?.name ?? id;
  const bands = rubric.grades
    .map((g) => {
      const band = `${g.name} ≥ ${g.min.toShort(2)}`;
      const parts: string[] = [];
      if (g.requires.length > 0) parts.push(zh ? `${g.requires.map(requirementName).join('、')}达标` : `${g.requires.map(requirementName).join(', ')} met`);
      if (g.requiresAny.length > 0) parts.push(zh ? `${g.requiresAny.map(requirementName).join('、')}至少一项达标` : `one of ${g.requiresAny.map(requirementName).join(', ')} met`);
      if (parts.length === 0) return band;
      return zh ? `${band}（且${parts.join('，')}）` : `${band} (and ${parts.join(', ')})`;
    })
    .join(zh ? '，' : ', ');
  notes.push(zh ? `等级：${bands}。` : `Grades: ${bands}.`);
  notes.push(...vetoNotes(rubric, lang));
  for (const g of rubric.grades) {
    if (g.quota === undefined) {
      if (g.top !== undefined) notes.push(zh ? `${g.name}名额：至多前 ${g.top} 名。` : `${g.name} quota: at most the top ${g.top}.`);
      continue;
    }
    const allowed = g.quota.mul(Rational.int(n)).floor();
    const fell = scores.filter((s) => s.quotaFell && rubric.grades[rubric.grades.findIndex((x) => x.name === s.grade) - 1]?.name === g.name);
    const ties = g.ties === 'keep'
      ? (zh ? '名额线上并列的支部一起保留' : 'branches tied at the cut keep it together')
      : (zh ? '名额线上并列的支部一起降入下一档' : 'branches tied at the cut fall together to the next band');
    const top = g.top === undefined ? '' : zh ? `，且至多前 ${g.top} 名` : `, and at most the top ${g.top}`;
    let note = g.quotaPer !== undefined
      ? (zh ? `${g.name}名额：每个${g.quotaPer}所属支部数 × ${shareText(g.quota)}（向下取整）${top}；${ties}。` : `${g.name} quota: within each ${g.quotaPer}, its branches × ${shareText(g.quota)} (rounded down)${top}; ${ties}.`)
      : (zh ? `${g.name}名额：全部 ${n} 个支部 × ${shareText(g.quota)}，至多 ${allowed} 个${top}；${ties}。` : `${g.name} quota: ${n} branches × ${shareText(g.quota)}, at most ${allowed}${top}; ${ties}.`);
    if (fell.length > 0) {
      const names = fell.map((s) => s.branch.name).join(zh ? '、' : ', ');
      note += zh ? `因名额降档：${names}。` : ` Lowered by the quota: ${names}.`;
    }
    notes.push(note);
  }
  if (input.orgFilter !== undefined) {
    const roots = [...input.orgById.values()].filter((o) => o.parent === undefined);
    const scope = rankScope(roots.length === 1 ? roots[0]!.type : undefined, lang);
    notes.push(
      zh
        ? `只列出${input.orgFilter}下的支部；排名为${scope}排名，等级名额按全部支部计算。`
        : `Only the branches under ${input.orgFilter} are listed; ranks are ${scope} and quotas count every branch.`,
    );
  }
  return notes;
}

/** Notes for the rubric language's extensions, when the rubric uses them: caps across items, floors, weights, requirements. */
export function rubricExtensionNotes(rubric: SheetRules, lang: TableLang): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  const itemName = (id: string): string => rubric.sections.flatMap((s) => s.items).find((i) => i.id === id)?.name ?? id;
  for (const c of rubric.caps) {
    const names = c.items.map(itemName).join(zh ? '、' : ', ');
    const label = c.name ?? names;
    const parts: string[] = [];
    if (c.max !== undefined) parts.push(zh ? `得分合计不超过 ${c.max.toShort(2)} 分` : `points together at most ${c.max.toShort(2)}`);
    if (c.min !== undefined) parts.push(zh ? `扣分合计不超过 ${c.min.neg().toShort(2)} 分（扣完为止）` : `deductions together at most ${c.min.neg().toShort(2)}`);
    out.push(zh ? `${label}（${names}）：${parts.join('，')}，按所列顺序计入。` : `${label} (${names}): ${parts.join(', ')}, let through in the listed order.`);
  }
  for (const s of rubric.sections) {
    if (s.min !== undefined) {
      out.push(zh ? `${s.name}：扣分扣到小计 ${s.min.toShort(2)} 分为止。` : `${s.name}: deductions stop at a subtotal of ${s.min.toShort(2)}.`);
    }
    if (s.weight.cmp(Rational.ONE) !== 0) {
      const pct = s.weight.mul(Rational.int(100)).toShort(2);
      out.push(zh ? `${s.name}小计按 ${pct}% 折算计入总分。` : `${s.name} counts at ${pct}% of its subtotal.`);
    }
  }
  for (const r of rubric.requirements) {
    out.push(zh ? `基本要求“${r.name}”：不计分，计量值达到 ${r.target.toShort(4)} 为达标。` : `Requirement "${r.name}": no points; met when its measure reaches ${r.target.toShort(4)}.`);
  }
  return out;
}
