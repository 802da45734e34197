// An Explanation → a document a branch officer reads: blocks of text at nesting depths (title,
// section headings, item lines, their details, the records counted) in the table language, and
// the same explanation as plain data for JSON. Format-neutral: render/explain-*.ts draw it. Every
// number is the exact value rounded once for display; each counted record names its file and line.

import type { Explanation, ItemExplanation, MemberRef, RecordRef, RequirementExplanation } from '../compute/explain.js';
import { membersCovered } from '../compute/three-ones.js';
import { describeEarlier } from '../compute/earlier.js';
import type { SectionScore } from '../compute/scores.js';
import { describeWhere } from '../compute/where.js';
import { measuresShare, periodOf, type Period } from '../model/rubric.js';
import type { TableLang } from './headers.js';
import { vetoText } from './scores-table.js';
import { formatDay } from '../util/dates.js';
import { maskName, rankScope } from './rows.js';
import { Rational } from '../util/decimal-text.js';

/** A line of the document at a nesting depth (each depth indents two spaces in text); `bullet` marks a list entry. */
export interface Block {
  readonly depth: number;
  readonly text: string;
  readonly bullet?: boolean;
  /** The document's title, or a section heading. */
  readonly role?: 'title' | 'heading';
}

export interface ExplainDoc {
  readonly blocks: readonly Block[];
  /** The same explanation as plain data (JSON). */
  readonly data: unknown;
}

export interface ExplainOptions {
  readonly lang: TableLang;
  /** Names shown as first character + ** (tables meant for the public). */
  readonly mask: boolean;
}

const line = (depth: number, text: string): Block => ({ depth, text });
/** "1 record", "2 records", "0.5 records": an English count of records (n as written). */
const recordsEn = (n: string | number): string => `${n} record${String(n) === '1' ? '' : 's'}`;
const PERIOD_ZH = { month: '月份', quarter: '季度', half: '半年' } as const;
/** 第 1 季度 / 3 月 / 上半年; Q1 / Mar / H1. */
/** A count per period, in words: 按季度计：…的记录达到 2 条的季度 3 个（共 4 个）. */
function periodsMet(p: Period, where: string, met: number, zh: boolean): string {
  const need = p.atLeast.toShort(4);
  return zh
    ? `按${PERIOD_ZH[p.every]}计：${where}的记录达到 ${need} 条的${PERIOD_ZH[p.every]} ${met} 个（共 ${p.count} 个）`
    : `per ${p.every}: ${met} of ${p.count} ${p.every === 'half' ? 'halves' : `${p.every}s`} with at least ${recordsEn(need)} (${where})`;
}

function periodLabel(every: 'month' | 'quarter' | 'half', i: number, zh: boolean): string {
  if (every === 'month') return zh ? `${i + 1} 月` : `M${i + 1}`;
  if (every === 'quarter') return zh ? `第 ${i + 1} 季度` : `Q${i + 1}`;
  return zh ? (i === 0 ? '上半年' : '下半年') : `H${i + 1}`;
}
const BLANK: Block = { depth: 0, text: '' };

const pts = (r: Rational): string => r.toFixed(2);
const pct = (r: Rational): string => `${r.mul(Rational.int(100)).toFixed(1)}%`;
const LIST_LIMIT = 30;

function recordLine(r: RecordRef, lang: TableLang): Block {
  const extra = r.present !== undefined ? (lang === 'zh' ? `，到会 ${r.present} 人` : `, ${r.present} present`) : r.hours !== undefined ? (lang === 'zh' ? `，${r.hours} 学时` : `, ${r.hours} h`) : '';
  const text = lang === 'zh' ? `${r.id} ${formatDay(r.date)} ${r.title}${extra}（${r.file}:${r.line}）` : `${r.id} ${formatDay(r.date)} ${r.title}${extra} (${r.file}:${r.line})`;
  return { depth: 3, text, bullet: true };
}

function memberList(list: readonly MemberRef[], o: ExplainOptions, withCount: boolean): string {
  const lang = o.lang;
  const name = (m: MemberRef): string => (o.mask ? maskName(m.name) : m.name);
  const shown = list.slice(0, LIST_LIMIT).map((m) => `${m.id} ${name(m)}${withCount ? (lang === 'zh' ? `（${m.count}）` : ` (${m.count})`) : ''}`);
  const more = list.length - shown.length;
  if (more > 0) shown.push(lang === 'zh' ? `等 ${list.length} 人` : `and ${more} more`);
  return shown.join(lang === 'zh' ? '、' : ', ');
}

function itemLines(e: ItemExplanation, x: Explanation, o: ExplainOptions): Block[] {
  const lang = o.lang;
  const zh = lang === 'zh';
  const { item, score } = e;
  const out: Block[] = [line(1, `${item.name} [${item.id}]${zh ? '：' : ': '}${pts(score.points)}`)];
  const where = describeWhere(item.where, lang);
  const cap = (): Block[] => {
    const lines: Block[] = [];
    if (score.cappedBy === 'max' && item.max) lines.push(line(2, zh ? `超过该项上限 ${pts(item.max)}，按上限计` : `above the item's max ${pts(item.max)}: capped`));
    if (score.cappedBy === 'min' && item.min) lines.push(line(2, zh ? `低于该项下限 ${pts(item.min)}，按下限计` : `below the item's min ${pts(item.min)}: held there`));
    if (score.cappedBy === 'cap' && score.cap) {
      const c = score.cap;
      const label = c.name ?? c.items.join('+');
      const up = score.points.cmp(score.raw) < 0;
      const bound = up ? c.max : c.min;
      lines.push(line(2, zh
        ? `与同组各项（${label}）合计${up ? '超过上限' : '扣分超过下限'} ${pts(bound ?? Rational.ZERO)}，本项只计 ${pts(score.points)}`
        : `with its group (${label}) past the group's ${up ? 'max' : 'min'} ${pts(bound ?? Rational.ZERO)}: counts ${pts(score.points)}`));
    }
    return lines;
  };
  const pointsLine = (measureText: string): Block => {
    if (item.tiers) {
      const tiers = item.tiers.map((t) => `≥${t.atLeast.toShort(4)}→${t.points.toShort(2)}`).join(zh ? '，' : ', ');
      const reached = score.tier === undefined ? (zh ? '未达到任何一档，0 分' : 'no tier reached: 0') : (zh ? `达到第 ${score.tier + 1} 档` : `tier ${score.tier + 1} reached`);
      return line(2, zh ? `${measureText}；分档（${tiers}）：${reached} = ${pts(score.raw)}` : `${measureText}; tiers (${tiers}): ${reached} = ${pts(score.raw)}`);
    }
    return line(2, `${measureText} × ${(item.points ?? Rational.ZERO).toShort(4)} = ${pts(score.raw)}`);
  };
  switch (item.measure) {
    case 'count':
      if (item.period) {
        const p = item.period;
        const per = new Array<number>(p.count).fill(0);
        for (const r of e.records) per[periodOf(p.every, r.date)]!++;
        const label = (i: number): string => periodLabel(p.every, i, zh);
        out.push(pointsLine(periodsMet(p, where, score.ratio?.numerator ?? 0, zh)));
        out.push(line(3, per.map((n, i) => `${label(i)} ${n}${Rational.int(n).cmp(p.atLeast) >= 0 ? ' ✓' : ''}`).join(zh ? '，' : ', ')));
      } else if (item.perOutcome) {
        // Each matching outcome of a record counts: the measure is their number, not the records'.
        const n = score.value.toShort(4);
        out.push(pointsLine(zh ? `计数：${where}的记录 ${e.records.length} 条，其中符合的结果 ${n} 项（每项计一次）` : `count of matching outcomes (${where}): ${n} in ${recordsEn(e.records.length)}`));
      } else out.push(pointsLine(zh ? `计数：${where}的记录 ${e.records.length} 条` : `count of records (${where}): ${e.records.length}`));
      for (const r of e.records) out.push(recordLine(r, lang));
      break;
    case 'sum':
      out.push(pointsLine(zh ? `合计：${where}的记录的学时 ${score.value.toShort(4)}` : `sum of hours (${where}): ${score.value.toShort(4)}`));
      for (const r of e.records) out.push(recordLine(r, lang));
      break;
    case 'attendance': {
      const text = zh
        ? `平均参加率：${where}的 ${e.records.length} 次活动，在册会员 ${x.active} 人，平均 ${pct(score.value)}`
        : `mean attendance over ${e.records.length} records (${where}), ${x.active} active members: ${pct(score.value)}`;
      out.push(pointsLine(text));
      for (const r of e.records) out.push(recordLine(r, lang));
      break;
    }
    case 'members':
    case 'coverage': {
      const k = score.ratio?.numerator ?? 0;
      const n = score.ratio?.denominator ?? 0;
      const need = item.atLeast.toShort(4);
      const text = item.measure === 'members'
        ? (zh ? `人数：在册会员中有 ${need} 条以上${where}记录的 ${k} 人` : `members with at least ${recordsEn(need)} (${where}): ${k}`)
        : (zh ? `覆盖率：在册会员 ${n} 人中 ${k} 人有 ${need} 条以上${where}记录 = ${pct(score.value)}` : `coverage: ${k} of ${n} active members have at least ${recordsEn(need)} (${where}) = ${pct(score.value)}`);
      out.push(pointsLine(text));
      if (e.qualified.length > 0) out.push(line(3, `${zh ? '已达到：' : 'counted: '}${memberList(e.qualified, o, true)}`));
      if (e.notQualified.length > 0) out.push(line(3, `${zh ? '未达到：' : 'not counted: '}${memberList(e.notQualified, o, true)}`));
      break;
    }
    case 'ratio': {
      const k = score.ratio?.numerator ?? 0;
      const n = score.ratio?.denominator ?? 0;
      const of = describeWhere(item.of ?? {}, lang);
      out.push(pointsLine(zh ? `占比：${of}的记录 ${n} 条中${where}的 ${k} 条 = ${pct(score.value)}` : `share: ${k} of ${n} records (${of}) are ${where} = ${pct(score.value)}`));
      for (const r of e.records) out.push({ ...recordLine(r, lang), text: `${recordLine(r, lang).text}${r.part ? (zh ? ' ✓' : ' ✓') : ''}` });
      break;
    }
    case 'absences':
      out.push(pointsLine(zh ? `缺席：在册会员在本支部${where}中应到未到（请假除外）共 ${score.value.toShort(0)} 次` : `absences: ${score.value.toShort(0)} missed (${where}, leave excused) by active members`));
      break;
    case 'earlier':
      out.push(pointsLine(`${describeEarlier(item, x.rubric.year, lang)} ${score.value.toShort(4)}`));
      break;
    case 'roster': {
      const k = score.ratio?.numerator ?? 0;
      out.push(pointsLine(zh ? `人数：在册会员中${where} ${k} 人` : `members on the roster (${where}): ${k}`));
      if (e.qualified.length > 0) out.push(line(3, `${zh ? '名单：' : 'who: '}${memberList(e.qualified, o, false)}`));
      break;
    }
    case 'manual': {
      const a = e.assessment;
      if (a) {
        const selfGiven = a.self === undefined ? '' : a.selfValue === undefined ? a.self : zh ? `“${a.selfValue}”（${a.self} 分）` : `"${a.selfValue}" (${a.self})`;
        const self = a.self === undefined ? '' : zh ? `，支部自评 ${selfGiven}` : `, self-assessed ${selfGiven}`;
        const given = a.value === undefined ? a.points : zh ? `“${a.value}”（${a.points} 分）` : `"${a.value}" (${a.points})`;
        out.push(line(2, zh ? `考评组评分 ${given}${self}（${a.origin.file}:${a.origin.line}）` : `panel's points ${given}${self} (${a.origin.file}:${a.origin.line})`));
      } else out.push(line(2, zh ? '考评组没有给该支部评分，按 0 分计' : 'no panel points for this branch: 0'));
      break;
    }
  }
  out.push(...cap());
  return out;
}

/** The explanation as a document, in the table language. */
/** A section's subtotal line: its points, the section's cap and floor where they cut, its weight (any sheet). */
export function subtotalText(sec: SectionScore, lang: TableLang): string {
  const zh = lang === 'zh';
  const capped = sec.section.max !== undefined && sec.positive.cmp(sec.section.max) > 0;
  const floored = sec.deducted.cmp(sec.negative) !== 0;
  const weighted = sec.section.weight.cmp(Rational.ONE) !== 0;
  const neg = sec.negative.isZero()
    ? ''
    : zh
      ? `，扣分 ${pts(sec.negative)}${floored ? `，扣完为止只计 ${pts(sec.deducted)}` : ''}`
      : `, deductions ${pts(sec.negative)}${floored ? `, stopped at the floor: ${pts(sec.deducted)}` : ''}`;
  const times = weighted ? (zh ? `；× ${pct(sec.section.weight)} = ${pts(sec.weighted)}` : `; × ${pct(sec.section.weight)} = ${pts(sec.weighted)}`) : '';
  return zh
    ? `小计 ${pts(sec.subtotal)}（得分 ${pts(sec.positive)}${capped ? `，超过上限按 ${pts(sec.capped)} 计` : ''}${neg}）${times}`
    : `subtotal ${pts(sec.subtotal)} (points ${pts(sec.positive)}${capped ? `, capped at ${pts(sec.capped)}` : ''}${neg})${times}`;
}

export function explainDocument(x: Explanation, o: ExplainOptions): ExplainDoc {
  return { blocks: explainBlocks(x, o), data: explainData(x) };
}

function explainBlocks(x: Explanation, o: ExplainOptions): Block[] {
  const lang = o.lang;
  const zh = lang === 'zh';
  const s = x.score;
  const out: Block[] = [];
  out.push({ depth: 0, role: 'title', text: zh ? `${s.branch.name}（${s.branch.id}）${x.rubric.year} 年度考核得分说明` : `How ${s.branch.name} (${s.branch.id}) scored in ${x.rubric.year}` });
  out.push(line(0, zh ? `评分表：${x.rubric.title}；在册会员（${formatDay(x.asOf)}）${x.active} 人` : `Rubric: ${x.rubric.title}; active members on ${formatDay(x.asOf)}: ${x.active}`));
  out.push(BLANK);
  for (const sec of s.sections) {
    const head = sec.section.bonus && !sec.section.name.includes('加分') ? (zh ? '（加分项）' : ' (bonus)') : '';
    const max = sec.section.max ? (zh ? `，上限 ${pts(sec.section.max)}` : `, max ${pts(sec.section.max)}`) : '';
    const floor = sec.section.min ? (zh ? `，扣到 ${pts(sec.section.min)} 为止` : `, floor ${pts(sec.section.min)}`) : '';
    const weighted = sec.section.weight.cmp(Rational.ONE) !== 0;
    const weight = weighted ? (zh ? `，按 ${pct(sec.section.weight)} 计入` : `, counts at ${pct(sec.section.weight)}`) : '';
    out.push({ depth: 0, role: 'heading', text: `${sec.section.name}${head}${max}${floor}${weight}` });
    for (const it of sec.items) {
      const e = x.items.get(it.item);
      if (e) out.push(...itemLines(e, x, o));
    }
    out.push(line(1, subtotalText(sec, lang)));
    out.push(BLANK);
  }
  if (x.requirements.length > 0) {
    out.push({ depth: 0, role: 'heading', text: zh ? '基本要求（不计分）' : 'Requirements (no points)' });
    for (const q of x.requirements) out.push(...requirementLines(q, o, x.rubric.year));
    out.push(BLANK);
  }
  const r = x.rubric;
  out.push(line(0, zh
    ? `基本分 ${pts(s.base)}${s.baseCapped ? `（各部分合计超过满分 ${pts(r.total)}，按满分计）` : ''}；扣分 ${pts(s.deduction)}；加分 ${pts(s.bonus)}`
    : `base ${pts(s.base)}${s.baseCapped ? ` (capped at the full ${pts(r.total)})` : ''}; deductions ${pts(s.deduction)}; bonus ${pts(s.bonus)}`));
  const scope = rankScope(x.rootType, lang);
  out.push(line(0, zh ? `总分 ${pts(s.total)}，${scope}排名 ${s.rank}/${x.branchCount}` : `total ${pts(s.total)}, rank ${s.rank} of ${x.branchCount} (${scope})`));
  let grade = zh ? `等级：按总分为${s.gradeByTotal}` : `grade: ${s.gradeByTotal} by the total`;
  // A higher band whose line the total reaches, held back by its requirements.
  const byLine = r.grades.findIndex((g) => s.total.cmp(g.min) >= 0);
  const held = byLine >= 0 ? r.grades[byLine] : undefined;
  if (held && held.name !== s.gradeByTotal) {
    const isMet = (id: string): boolean => s.requirements.some((q) => q.requirement.id === id && q.met);
    const unmet = held.requires.filter((id) => !isMet(id));
    if (held.requiresAny.length > 0 && !held.requiresAny.some(isMet)) unmet.push(...held.requiresAny);
    const names = unmet.map((id) => r.requirements.find((q) => q.id === id)?.name ?? id).join(zh ? '、' : ', ');
    grade = zh ? `等级：总分达到${held.name}分数线，但${names}未达标，按总分为${s.gradeByTotal}` : `grade: the total reaches ${held.name}, but ${names} not met: ${s.gradeByTotal} by the total`;
  }
  if (s.veto) grade += zh ? `；一票否决（${vetoText(s.veto, r, lang)}）` : `; veto (${vetoText(s.veto, r, lang)})`;
  if (s.quotaFell) grade += zh ? '；因等级名额降一档' : '; lowered by the grade quota';
  grade += zh ? `；最终为${s.grade}` : `; final: ${s.grade}`;
  out.push(line(0, grade));
  if (!r.usesThreeOnes) return out;
  out.push(BLANK);
  const t = s.threeOnes;
  const mark = (b: boolean): string => (b ? '✓' : '✗');
  out.push({ depth: 0, role: 'heading', text: zh ? `“三个一”：${t.complete ? '完成' : '未完成'}` : `"three ones": ${t.complete ? 'done' : 'not done'}` });
  out.push(line(1, zh ? `${mark(t.proposal)} 提案或建议 ${x.threeOnes.proposalRecords.length} 件` : `${mark(t.proposal)} proposals or suggestions: ${x.threeOnes.proposalRecords.length}`));
  for (const rr of x.threeOnes.proposalRecords) out.push(recordLine(rr, lang));
  out.push(line(1, zh ? `${mark(t.service)} 社会服务 ${x.threeOnes.serviceRecords.length} 件` : `${mark(t.service)} social service: ${x.threeOnes.serviceRecords.length}`));
  for (const rr of x.threeOnes.serviceRecords) out.push(recordLine(rr, lang));
  const covered = membersCovered(t.covered, t.active);
  out.push(line(1, zh ? `${mark(covered)} 社情民意：在册会员 ${t.active} 人中 ${t.covered} 人已报送` : `${mark(covered)} member reports: ${t.covered} of ${t.active} active members`));
  if (x.threeOnes.missing.length > 0) out.push(line(3, `${zh ? '尚未报送：' : 'not yet: '}${memberList(x.threeOnes.missing, o, false)}`));
  return out;
}

function requirementLines(q: RequirementExplanation, o: ExplainOptions, year: number): Block[] {
  const zh = o.lang === 'zh';
  const { requirement, value, met } = q.result;
  const item = requirement.item;
  const where = describeWhere(item.where, o.lang);
  const mark = met ? '✓' : '✗';
  const state = zh ? (met ? '达标' : '未达标') : met ? 'met' : 'not met';
  // A share (coverage, attendance, ratio) and its target read as percentages.
  const target = measuresShare(item) ? pct(requirement.target) : requirement.target.toShort(4);
  let measured: string;
  switch (item.measure) {
    case 'count':
      if (item.period) measured = periodsMet(item.period, where, Number(value.toShort(0)), zh);
      else measured = zh ? `${where}的记录 ${q.records.length} 条` : `${q.records.length} records (${where})`;
      break;
    case 'sum':
      measured = zh ? `${where}的记录的学时 ${value.toShort(4)}` : `hours of records (${where}): ${value.toShort(4)}`;
      break;
    case 'attendance':
      measured = zh ? `${where}的平均参加率 ${pct(value)}` : `mean attendance (${where}) ${pct(value)}`;
      break;
    case 'members':
    case 'coverage': {
      const k = q.result.ratio?.numerator ?? 0;
      const n = q.result.ratio?.denominator ?? 0;
      measured = item.measure === 'members'
        ? (zh ? `有${where}记录的在册会员 ${k} 人` : `${k} active members with records (${where})`)
        : (zh ? `在册会员 ${n} 人中 ${k} 人有${where}记录 = ${pct(value)}` : `${k} of ${n} active members with records (${where}) = ${pct(value)}`);
      break;
    }
    case 'ratio': {
      const k = q.result.ratio?.numerator ?? 0;
      const n = q.result.ratio?.denominator ?? 0;
      measured = zh ? `${describeWhere(item.of ?? {}, o.lang)}的记录 ${n} 条中${where}的 ${k} 条 = ${pct(value)}` : `${k} of ${n} records (${describeWhere(item.of ?? {}, o.lang)}) are ${where} = ${pct(value)}`;
      break;
    }
    case 'roster':
      measured = zh ? `在册会员中${where} ${value.toShort(0)} 人` : `${value.toShort(0)} active members (${where})`;
      break;
    case 'absences':
      measured = zh ? `缺席 ${value.toShort(0)} 次` : `${value.toShort(0)} absences`;
      break;
    case 'rollup':
      measured = zh ? `所属支部汇总 ${value.toShort(4)}` : `its branches' figure ${value.toShort(4)}`;
      break;
    case 'earlier':
      measured = `${describeEarlier(item, year, o.lang)} ${pts(value)}`;
      break;
    case 'manual':
      measured = q.assessment
        ? (zh ? `考评组评定 ${q.assessment.points}（${q.assessment.origin.file}:${q.assessment.origin.line}）` : `panel's value ${q.assessment.points} (${q.assessment.origin.file}:${q.assessment.origin.line})`)
        : (zh ? '考评组没有评定，按 0 计' : 'not assessed by the panel: 0');
      break;
  }
  const out: Block[] = [line(1, zh ? `${mark} ${requirement.name} [${requirement.id}]：${measured}，要求 ${target}，${state}` : `${mark} ${requirement.name} [${requirement.id}]: ${measured}, needs ${target}: ${state}`)];
  for (const r of q.records) out.push(recordLine(r, o.lang));
  if (!met && q.notQualified.length > 0) out.push(line(3, `${zh ? '未达到：' : 'not counted: '}${memberList(q.notQualified, o, true)}`));
  return out;
}

function explainData(x: Explanation): unknown {
  const s = x.score;
  const num = (r: Rational): number => Number(r.toFixed(2));
  const doc = {
    year: x.rubric.year,
    branch: { id: s.branch.id, name: s.branch.name },
    asOf: formatDay(x.asOf),
    active: x.active,
    sections: s.sections.map((sec) => ({
      name: sec.section.name,
      bonus: sec.section.bonus,
      max: sec.section.max ? num(sec.section.max) : null,
      positive: num(sec.positive),
      negative: num(sec.negative),
      subtotal: num(sec.subtotal),
      ...(sec.section.min === undefined ? {} : { floor: num(sec.section.min), deducted: num(sec.deducted) }),
      ...(sec.section.weight.cmp(Rational.ONE) === 0 ? {} : { weight: sec.section.weight.toShort(6), weighted: num(sec.weighted) }),
      items: sec.items.map((it) => {
        const e = x.items.get(it.item);
        return {
          id: it.item.id,
          name: it.item.name,
          measure: it.item.measure,
          value: it.value.toFixed(4),
          raw: num(it.raw),
          tier: it.tier === undefined ? null : it.tier + 1,
          points: num(it.points),
          cappedBy: it.cappedBy ?? null,
          ...(it.cap ? { cap: it.cap.name ?? it.cap.items.join('+') } : {}),
          records: (e?.records ?? []).map((r) => ({ id: r.id, date: formatDay(r.date), title: r.title, file: r.file, line: r.line })),
          qualified: (e?.qualified ?? []).map((m) => m.id),
          notQualified: (e?.notQualified ?? []).map((m) => m.id),
        };
      }),
    })),
    ...(x.requirements.length === 0 ? {} : {
      requirements: x.requirements.map((q) => ({
        id: q.result.requirement.id, name: q.result.requirement.name, value: q.result.value.toFixed(4), target: q.result.requirement.target.toShort(4), met: q.result.met,
        records: q.records.map((r) => ({ id: r.id, date: formatDay(r.date), title: r.title, file: r.file, line: r.line })),
      })),
    }),
    base: num(s.base),
    deduction: num(s.deduction),
    bonus: num(s.bonus),
    total: num(s.total),
    rank: s.rank,
    branches: x.branchCount,
    gradeByTotal: s.gradeByTotal,
    veto: s.veto ? vetoText(s.veto, x.rubric, 'zh') : null,
    quotaFell: s.quotaFell,
    grade: s.grade,
    threeOnes: { ...s.threeOnes, missing: x.threeOnes.missing.map((m) => m.id) },
  };
  return doc;
}
