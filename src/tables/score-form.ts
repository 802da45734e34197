// Branch scores → the official per-branch form, 基层支部年度工作量化考核评分表: one form per
// branch with the rubric's items down the page (分类, 考评项目, 评分标准, 分值, 支部自评得分,
// 考评组审核得分), a subtotal per section, then 总分, 等级 and 否决; plus the 评分汇总表 that
// heads the forms. Format-neutral and pure: 评分标准 is written from the rubric item itself.

import type { BranchScore } from '../compute/scores.js';
import { measuresShare, type Item, type Rubric, type Section, type Tier, type Where } from '../model/rubric.js';
import type { Assessment, Org } from '../model/types.js';
import { Rational } from '../util/decimal-text.js';
import { describeWhere, describeWho } from '../compute/where.js';
import { headers, sectionHeader, type TableLang } from './headers.js';
import { vetoNotes, vetoText } from './scores-table.js';
import type { Column, Row, Table } from './table.js';

export type ScoreFormRowKind = 'item' | 'subtotal' | 'requirement' | 'total' | 'grade' | 'veto';

/** One line of a form. Points are exact; a renderer rounds them (2 decimals). */
export interface ScoreFormRow {
  readonly kind: ScoreFormRowKind;
  /** 分类: the rubric section (blank on the total, grade and veto lines). */
  readonly section: string;
  /** 考评项目: the item's name, or 小计 / 总分 / 等级 / 否决. */
  readonly name: string;
  /** 评分标准, in the form's language. */
  readonly standard: string;
  /** 分值: the most the line can give (negative for a deduction), if it has a bound. */
  readonly full: Rational | undefined;
  /** 支部自评得分: the branch's own points, where the assessments give them. */
  readonly self: Rational | undefined;
  /** 考评组审核得分: mj's points, or the grade's name on the grade line. */
  readonly result: Rational | string | undefined;
}

export interface ScoreForm {
  readonly branchId: string;
  readonly branchName: string;
  readonly parentName: string;
  /** 民进某某省委2019年度基层支部工作量化考核评分表 */
  readonly title: string;
  /** 支部：… 上级组织：… */
  readonly subtitle: string;
  /** The six column headers. */
  readonly headers: readonly [string, string, string, string, string, string];
  readonly rows: readonly ScoreFormRow[];
  /** 支部主委签名：＿＿＿＿ 考评组签名：＿＿＿＿ 日期：＿＿＿＿ (the date filled when given). */
  readonly signatures: string;
}

export interface ScoreFormsInput {
  readonly datasetName: string;
  readonly rubric: Rubric;
  readonly scores: readonly BranchScore[];
  readonly orgById: ReadonlyMap<string, Org>;
  /** The year's assessments: their `self` column gives 支部自评得分. */
  readonly assessments: readonly Pick<Assessment, 'org' | 'item' | 'self'>[];
  readonly lang: TableLang;
  /** 日期 on the signature line (--date); a blank to fill in by hand when undefined. */
  readonly date?: string | undefined;
  /** Branch ids to make forms for (an --org subtree), or undefined for all. */
  readonly only?: ReadonlySet<string> | undefined;
}

const BLANK = '＿＿＿＿＿＿';
/** Two ideographic spaces between the parts of a line. */
const GAP = '\u3000\u3000';

const num = (r: Rational): string => r.toShort(2);
const pct = (r: Rational): string => `${r.mul(Rational.int(100)).toShort(1)}%`;

/** A calendar period in the standard's words: 每月, 每季度, 每半年. */
const PERIOD_WORD = { month: '月', quarter: '季度', half: '半年' } as const;

/** The counting word of an item's records: 件 for proposals and services, 篇 for writing, 次 for events. */
function unitOf(item: Item, zh: boolean): string {
  if (!zh) return '';
  if (item.period && item.measure === 'count') return `个${PERIOD_WORD[item.period.every]}`;
  if (item.measure === 'sum') return '学时';
  if (item.measure === 'members' || item.measure === 'roster') return '人';
  if (item.measure === 'rollup') return item.rollup!.how === 'count' ? '个' : '分';
  const words = new Set((item.where.type ?? []).map((t) => UNIT[t] ?? '件'));
  return words.size === 1 ? [...words][0]! : '件';
}

const UNIT: Partial<Record<string, string>> = {
  提案: '件', 建议: '件', 社情民意: '篇', 宣传: '篇', 社会服务: '件', 组织生活: '次', 支委会: '次', 学习: '次', 培训: '次', 调研: '次', 其他: '件',
};

/** What narrows the records beyond their type, briefly: （限省政协采用）, （报送层级：国家）. */
function condition(w: Where, zh: boolean): string {
  const parts: string[] = [];
  if (w.outcomes) parts.push(zh ? `限${w.outcomes.join('或')}` : `only ${w.outcomes.join(' or ')}`);
  if (w.level) parts.push(zh ? `报送层级：${w.level.join('或')}` : `level ${w.level.join(' or ')}`);
  if (w.tags) parts.push(zh ? `标签：${w.tags.join('或')}` : `tagged ${w.tags.join(' or ')}`);
  if (w.not) parts.push(zh ? `不含${describeWhere(w.not, 'zh')}` : `except ${describeWhere(w.not, 'en')}`);
  if (w.who) parts.push(zh ? `限${describeWho(w.who, 'zh')}` : `only ${describeWho(w.who, 'en')}`);
  if (parts.length === 0) return '';
  return zh ? `（${parts.join('，')}）` : ` (${parts.join(', ')})`;
}

/** A measure's value in a tier, as the reader counts it: 2 次, 50%, 16 学时. */
function amount(item: Item, v: Rational, zh: boolean): string {
  if (measuresShare(item)) return pct(v);
  const u = unitOf(item, zh);
  return zh ? `${num(v)} ${u}` : num(v);
}

/** What a roll-up of a unit's branches takes: 所属支部总分合计, 等级为优秀的所属支部数. */
function rollupText(item: Item, zh: boolean): string {
  const r = item.rollup!;
  const of = r.of === 'total' ? (zh ? '总分' : 'total') : r.of;
  const which = [
    ...(r.grades ? [zh ? `等级为${r.grades.join('或')}` : `graded ${r.grades.join(' or ')}`] : []),
    ...(r.atLeast ? [zh ? `${of}达到 ${num(r.atLeast)}` : `${of} at least ${num(r.atLeast)}`] : []),
    ...(r.threeOnes ? [zh ? '“三个一”完成' : '"three ones" done'] : []),
  ].join(zh ? '且' : ' and ');
  return {
    sum: zh ? `所属支部${of}合计` : `sum of its branches' ${of}`,
    mean: zh ? `所属支部${of}平均` : `mean of its branches' ${of}`,
    count: zh ? `${which}的所属支部数` : `branches ${which}`,
    share: zh ? `${which}的所属支部占比` : `share of branches ${which}`,
  }[r.how];
}

function tiersText(item: Item, tiers: readonly Tier[], zh: boolean): string {
  const parts: string[] = [];
  tiers.forEach((t, i) => {
    if (t.points.isZero()) return;
    const next = tiers[i + 1]?.atLeast;
    const pts = t.points.sign() < 0 ? (zh ? `扣 ${num(t.points.neg())} 分` : `−${num(t.points.neg())}`) : zh ? `${num(t.points)} 分` : num(t.points);
    let range: string;
    const counted = !measuresShare(item);
    if (next !== undefined && t.points.sign() < 0) {
      if (t.atLeast.isZero() && counted && next.cmp(Rational.ONE) === 0) range = zh ? `0 ${unitOf(item, zh)}` : 'none';
      else if (t.atLeast.isZero()) range = zh ? `少于 ${amount(item, next, zh)}` : `below ${amount(item, next, zh)}`;
      else range = zh ? `${amount(item, t.atLeast, zh)}至不足 ${amount(item, next, zh)}` : `${amount(item, t.atLeast, zh)} to below ${amount(item, next, zh)}`;
    } else range = `≥${amount(item, t.atLeast, zh)}`;
    parts.push(zh ? `${range}${t.points.sign() < 0 ? '' : ' '}${pts}` : `${range}: ${pts}`);
  });
  return parts.join(zh ? '；' : '; ');
}

/**
 * 评分标准 of one rubric item, written out: 每件 5 分，最高 15 分; 覆盖率 × 20 分; 平均参加率 × 8 分;
 * 每人 1 分…; 每学时 0.25 分…; tiers ≥2 次 4 分；≥4 次 8 分; deductions 0 件扣 5 分; 考评组评分，最高 5 分.
 */
export function itemStandard(item: Item, lang: TableLang): string {
  const zh = lang === 'zh';
  const cond = condition(item.where, zh);
  const cap = (): string => {
    const out: string[] = [];
    if (item.max !== undefined) out.push(zh ? `最高 ${num(item.max)} 分` : `at most ${num(item.max)}`);
    if (item.min !== undefined && item.min.sign() < 0) out.push(zh ? `最多扣 ${num(item.min.neg())} 分` : `at most −${num(item.min.neg())}`);
    return out.length === 0 ? '' : (zh ? '，' : ', ') + out.join(zh ? '，' : ', ');
  };
  if (item.measure === 'manual') {
    const v = item.values;
    if (v === undefined) return (zh ? '考评组评分' : "the panel's score") + cap();
    const list = v.map((x) => (x.word === undefined ? num(x.points) : zh ? `${x.word} ${num(x.points)} 分` : `${x.word}: ${num(x.points)}`));
    return zh ? `考评组评定：${list.join(v[0]!.word === undefined ? '/' : '，')}${v[0]!.word === undefined ? ' 分' : ''}` : `the panel's value: ${list.join(v[0]!.word === undefined ? '/' : ', ')}`;
  }
  if (item.tiers) {
    let text = tiersText(item, item.tiers, zh);
    const top = item.tiers.reduce((m, t) => (t.points.cmp(m) > 0 ? t.points : m), Rational.ZERO);
    if (item.max !== undefined && item.max.cmp(top) < 0) text += zh ? `，最高 ${num(item.max)} 分` : `, at most ${num(item.max)}`;
    const what = { coverage: zh ? '覆盖率' : 'coverage ', attendance: zh ? '平均参加率' : 'mean attendance ', ratio: zh ? '占比' : 'share ' } as Partial<Record<string, string>>;
    // A roll-up's tiers are of what it takes (the branches counted, their share or their points).
    if (item.measure === 'rollup') return `${rollupText(item, zh)}${zh ? '：' : ': '}${text}`;
    return (what[item.measure] ?? '') + text + cond;
  }
  const p = item.points ?? Rational.ZERO;
  const deduct = p.sign() < 0;
  const per = (word: string): string =>
    deduct ? (zh ? `每${word}扣 ${num(p.neg())} 分` : `−${num(p.neg())} per ${word}`) : zh ? `每${word} ${num(p)} 分` : `${num(p)} per ${word}`;
  switch (item.measure) {
    case 'ratio':
      return (zh ? `占比（${describeWhere(item.where, lang)} ÷ ${describeWhere(item.of ?? {}, lang)}）× ${num(p)} 分` : `share (${describeWhere(item.where, lang)} of ${describeWhere(item.of ?? {}, lang)}) × ${num(p)}`) + cap();
    case 'absences':
      return per(zh ? '次缺席' : 'absence') + (item.excused ? (zh ? '（请假不计）' : ' (leave excused)') : '') + cond + cap();
    case 'rollup':
      return `${rollupText(item, zh)} × ${num(p)}${zh ? ' 分' : ''}` + cap();
    case 'roster':
      return per(zh ? '人' : 'member') + (zh ? `（${describeWhere(item.where, lang)}）` : ` (${describeWhere(item.where, lang)})`) + cap();
    case 'earlier': {
      const e = item.earlier!;
      const what = zh ? `${e.back === 1 ? '上年度' : `${e.back} 年前`}${e.of === 'total' ? '总分' : `“${e.of}”得分`}` : `${e.back === 1 ? "last year's" : `${e.back} years earlier:`} ${e.of === 'total' ? 'total' : `points of "${e.of}"`}`;
      return (zh ? `${what} × ${num(p)}` : `${what} × ${num(p)}`) + cap();
    }
    case 'coverage':
      return (zh ? `覆盖率 × ${num(p)} 分` : `coverage × ${num(p)}`) + cond + cap();
    case 'attendance':
      return (zh ? `平均参加率 × ${num(p)} 分` : `mean attendance × ${num(p)}`) + cond + cap();
    case 'members': {
      const often = item.atLeast.cmp(Rational.ONE) > 0 ? (zh ? `（至少 ${num(item.atLeast)} 次）` : ` (${num(item.atLeast)} or more times)`) : '';
      return per(zh ? '人' : 'member') + often + cond + cap();
    }
    case 'sum':
      return per(zh ? '学时' : 'hour') + cond + cap();
    case 'count':
      if (item.period) {
        const word = PERIOD_WORD[item.period.every];
        const need = `${num(item.period.atLeast)} ${unitOf({ ...item, period: undefined }, zh)}`;
        return (zh ? `每${word}至少 ${need}，每个达到的${word} ${num(p)} 分` : `${num(p)} per ${item.period.every} with at least ${num(item.period.atLeast)}`) + cond + cap();
      }
      return per(zh ? unitOf(item, zh) : 'record') + cond + cap();
  }
}

/** What a requirement measures, in words: 记录条数（类型 = 组织生活）. */
function measureText(item: Item, lang: TableLang): string {
  const zh = lang === 'zh';
  const words = zh
    ? { count: '记录条数', members: '人数', coverage: '覆盖率', sum: '学时合计', attendance: '平均参加率', manual: '考评组评定', ratio: '占比', roster: '在册人数', rollup: '所属支部汇总', absences: '缺席次数', earlier: '往年得分' }
    : {
      count: 'the number of records', members: 'the number of members', coverage: 'the coverage', sum: 'the hours', attendance: 'the mean attendance', manual: "the panel's value",
      ratio: 'the share', roster: 'the members on the roster', rollup: "its branches' figure", absences: 'the absences', earlier: "an earlier year's points",
    };
  const where = item.measure === 'manual' || item.measure === 'earlier' ? '' : zh ? `（${describeWhere(item.where, lang)}）` : ` (${describeWhere(item.where, lang)})`;
  return words[item.measure] + where;
}

/** 分值 of an item: its cap, or what its tiers or its ratio can give at most. */
export function itemFull(item: Item): Rational | undefined {
  let full: Rational | undefined;
  if (item.tiers) {
    const pts = item.tiers.map((t) => t.points);
    const top = pts.reduce((m, x) => (x.cmp(m) > 0 ? x : m), Rational.ZERO);
    const bottom = pts.reduce((m, x) => (x.cmp(m) < 0 ? x : m), Rational.ZERO);
    full = top.sign() > 0 ? top : bottom.sign() < 0 ? bottom : Rational.ZERO;
  } else if (measuresShare(item)) full = item.points;
  else if (item.points !== undefined && item.points.sign() < 0) full = item.min;
  // A panel's deduction (max 0, min below it): its 分值 is how much it can take away.
  else if (item.measure === 'manual' && item.max?.isZero() === true) full = item.min;
  if (item.max !== undefined && item.max.sign() > 0) full = full === undefined ? item.max : full.min(item.max);
  if (full !== undefined && full.sign() < 0 && item.min !== undefined) full = full.max(item.min);
  return full;
}

function sectionFull(section: Section): Rational | undefined {
  if (section.max !== undefined) return section.max;
  const fulls = section.items.map(itemFull);
  if (fulls.some((f) => f === undefined)) return undefined;
  const pos = (fulls as Rational[]).filter((f) => f.sign() > 0);
  return pos.length === 0 ? undefined : pos.reduce((a, b) => a.add(b), Rational.ZERO);
}

/** The grade bands in words: 优秀 ≥ 90；良好 ≥ 80 … */
function bands(rubric: Rubric, zh: boolean): string {
  return rubric.grades.map((g) => `${g.name} ≥ ${num(g.min)}`).join(zh ? '；' : '; ');
}

function formHeaders(lang: TableLang): ScoreForm['headers'] {
  return lang === 'zh'
    ? ['分类', '考评项目', '评分标准', '分值', '支部自评得分', '考评组审核得分']
    : ['Section', 'Item', 'Scoring standard', 'Full points', "Branch's own score", "Panel's score"];
}

type AssessmentRow = ScoreFormsInput['assessments'][number];
const byOrg = new WeakMap<readonly AssessmentRow[], Map<string, AssessmentRow[]>>();

/** The year's assessments by branch, indexed once per list (a national year has tens of thousands of forms). */
function assessmentsOf(list: readonly AssessmentRow[]): Map<string, AssessmentRow[]> {
  let index = byOrg.get(list);
  if (!index) {
    index = new Map();
    for (const a of list) {
      let rows = index.get(a.org);
      if (!rows) index.set(a.org, (rows = []));
      rows.push(a);
    }
    byOrg.set(list, index);
  }
  return index;
}

/** The form of one branch. */
export function scoreForm(input: Omit<ScoreFormsInput, 'scores' | 'only'>, score: BranchScore): ScoreForm {
  const { rubric, lang } = input;
  const zh = lang === 'zh';
  const self = new Map<string, Rational>();
  for (const a of assessmentsOf(input.assessments).get(score.branch.id) ?? []) if (a.self !== undefined && a.self.trim() !== '') self.set(a.item, Rational.parse(a.self.trim()));
  const rows: ScoreFormRow[] = [];
  for (const sec of score.sections) {
    for (const it of sec.items) {
      rows.push({ kind: 'item', section: sec.section.name, name: it.item.name, standard: itemStandard(it.item, lang), full: itemFull(it.item), self: self.get(it.item.id), result: it.points });
    }
    const deducts = sec.section.items.some((i) => (itemFull(i)?.sign() ?? 0) < 0);
    const capNote = sec.section.max === undefined ? ''
      : zh ? `本部分最高 ${num(sec.section.max)} 分${deducts ? '（扣分不受此限）' : ''}` : `at most ${num(sec.section.max)}${deducts ? ' (deductions always count)' : ''}`;
    const bonusNote = sec.section.bonus ? (zh ? '加在基本分之上' : 'added on top of the base') : '';
    const floorNote = sec.section.min === undefined ? '' : zh ? `扣到 ${num(sec.section.min)} 分为止` : `deductions stop at ${num(sec.section.min)}`;
    const weightNote = sec.section.weight.cmp(Rational.ONE) === 0 ? ''
      : zh ? `按 ${num(sec.section.weight.mul(Rational.int(100)))}% 计入总分，折算 ${sec.weighted.toFixed(2)} 分` : `counts at ${num(sec.section.weight.mul(Rational.int(100)))}%: ${sec.weighted.toFixed(2)}`;
    rows.push({
      kind: 'subtotal', section: sec.section.name, name: zh ? '小计' : 'Subtotal', standard: [capNote, floorNote, weightNote, bonusNote].filter(Boolean).join(zh ? '，' : '; '),
      full: sectionFull(sec.section), self: undefined, result: sec.subtotal,
    });
  }
  const h = headers(lang);
  for (const q of score.requirements) {
    const target = q.requirement.target.toShort(4);
    rows.push({
      kind: 'requirement', section: zh ? '基本要求' : 'Requirements', name: q.requirement.name,
      standard: zh ? `不计分：${measureText(q.requirement.item, lang)}达到 ${target} 为达标` : `no points: met when ${measureText(q.requirement.item, lang)} reaches ${target}`,
      full: undefined, self: undefined, result: q.met ? h.met : h.notMet,
    });
  }
  rows.push({
    kind: 'total', section: '', name: h.total,
    standard: zh ? `基本分最高 ${num(rubric.total)} 分，加上加分、减去扣分` : `base at most ${num(rubric.total)}, plus bonus, less deductions`,
    full: rubric.total, self: undefined, result: score.total,
  });
  const fell = score.quotaFell ? (zh ? `；按总分为${score.gradeByTotal}，因名额降档` : `; ${score.gradeByTotal} by the total, lowered by the quota`) : '';
  rows.push({ kind: 'grade', section: '', name: h.grade, standard: bands(rubric, zh) + fell, full: undefined, self: undefined, result: score.grade });
  if (score.veto) {
    rows.push({
      kind: 'veto', section: '', name: h.veto, standard: vetoText(score.veto, rubric, lang), full: undefined, self: undefined,
      result: vetoDrop(score, zh),
    });
  }
  const parent = score.branch.parent === undefined ? undefined : input.orgById.get(score.branch.parent);
  const parentName = parent?.name ?? '';
  const date = input.date ?? BLANK;
  return {
    branchId: score.branch.id,
    branchName: score.branch.name,
    parentName,
    title: `${input.datasetName}${rubric.title}`,
    subtitle: zh ? `支部：${score.branch.name}${GAP}上级组织：${parentName}` : `Branch: ${score.branch.name}    Parent org: ${parentName}`,
    headers: formHeaders(lang),
    rows,
    signatures: zh ? `支部主委签名：${BLANK}${GAP}考评组签名：${BLANK}${GAP}日期：${date}` : `Branch chair: ${BLANK}    Panel: ${BLANK}    Date: ${date}`,
  };
}

/** The year's forms, one per branch in org-tree order (the order of `scores`). */
export function scoreForms(input: ScoreFormsInput): ScoreForm[] {
  return input.scores.filter((s) => !input.only || input.only.has(s.branch.id)).map((s) => scoreForm(input, s));
}

/** What a veto did to a grade, short enough for a column: 优秀→良好 (the rule is in the notes). */
function vetoDrop(score: Pick<BranchScore, 'gradeByTotal' | 'grade'>, zh: boolean): string {
  return zh ? `${score.gradeByTotal}→${score.grade}` : `${score.gradeByTotal} → ${score.grade}`;
}

/** The 评分汇总表 that heads the forms: 排名, 支部, each section's subtotal, 加分, 扣分, 总分, 等级, by rank. */
export function scoreSummaryTable(input: Pick<ScoreFormsInput, 'datasetName' | 'rubric' | 'scores' | 'lang' | 'only'>): Table {
  const { rubric, lang } = input;
  const zh = lang === 'zh';
  const h = headers(lang);
  const vetoes = rubric.vetoes.length > 0;
  const columns: Column[] = [
    { key: 'rank', header: h.rank, kind: 'int' },
    { key: 'branch', header: h.branch, kind: 'text' },
    ...rubric.sections.map((s, i): Column => ({ key: `section:${i + 1}`, header: sectionHeader(s.name, lang), kind: 'points' })),
    { key: 'bonus', header: h.bonus, kind: 'points' },
    { key: 'deduction', header: h.deduction, kind: 'points' },
    { key: 'total', header: h.total, kind: 'points' },
    { key: 'grade', header: h.grade, kind: 'text' },
    // What a veto did to the grade (优秀→良好), so a high total at a lower grade explains itself; the notes give the rules.
    ...(vetoes ? [{ key: 'veto', header: h.veto, kind: 'text' } as const] : []),
  ];
  // Rank order; equal ranks keep the org-tree order (a stable sort).
  const shown = input.scores.filter((s) => !input.only || input.only.has(s.branch.id)).slice().sort((a, b) => a.rank - b.rank);
  const rows: Row[] = shown.map((s) => ({ kind: 'data', cells: [s.rank, s.branch.name, ...s.sections.map((x) => x.subtotal), s.bonus, s.deduction, s.total, s.grade, ...(vetoes ? [s.veto ? vetoDrop(s, zh) : ''] : [])] }));
  const title = rubric.title.includes('评分表') ? rubric.title.replace('评分表', '评分汇总表') : zh ? `${rubric.title}汇总` : `${rubric.title}: summary`;
  const notes = zh
    ? [
        `共 ${input.scores.length} 个支部；各支部的评分表见后面各页。`,
        '排名和等级按未经四舍五入的精确总分计算；表中分数保留 2 位小数。排名相同者并列。',
        `等级：${bands(rubric, zh)}。`,
      ]
    : [
        `${input.scores.length} branches; each branch's form follows on its own sheet.`,
        'Ranks and grades use the exact total; scores are shown to 2 decimals. Equal totals share a rank.',
        `Grades: ${bands(rubric, zh)}.`,
      ];
  // Each veto, as the scores table states them: why a grade can be lower than its total's band.
  notes.push(...vetoNotes(rubric, lang));
  return { name: 'score-forms', title: `${input.datasetName}${title}`, columns, rows, notes };
}

/** The official forms of a year as one document: the 评分汇总表 and a form per branch. */
export interface ScoreFormsDoc {
  readonly summary: Table;
  readonly forms: readonly ScoreForm[];
}

/**
 * The summary, and the forms made when first asked for: only a workbook draws them (the other
 * formats write the summary), and a national year has some ten thousand (about 1 s, 80 MB).
 */
export function scoreFormsDocument(input: ScoreFormsInput): ScoreFormsDoc {
  let forms: readonly ScoreForm[] | undefined;
  return {
    summary: scoreSummaryTable(input),
    get forms(): readonly ScoreForm[] {
      return (forms ??= scoreForms(input));
    },
  };
}
