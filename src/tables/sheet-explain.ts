// How a unit (总支, 市委会 …) or a member scored on their sheet, as the same kind of document
// as the branch explanation (blocks of text at depths, and plain data for JSON): each item's
// measure and how it became points (per unit or tier, the caps), the subtotals, requirements,
// total, rank and grade; for a member, the records that list them. Format-neutral and pure.

import type { SheetScore } from '../compute/scores.js';
import { describeEarlier } from '../compute/earlier.js';
import { describeWhere } from '../compute/where.js';
import type { Item, Sheet } from '../model/rubric.js';
import type { Activity } from '../model/types.js';
import { formatDay } from '../util/dates.js';
import { Rational } from '../util/decimal-text.js';
import { subtotalText, type Block, type ExplainDoc } from './explain-doc.js';
import type { TableLang } from './headers.js';
import { rankScope } from './rows.js';
import { vetoText } from './scores-table.js';

export interface SheetExplainInput {
  readonly sheet: Sheet;
  readonly year: number;
  readonly score: SheetScore;
  /** 民进某某市委会 (unit) or 王明华（0001，某某支部） (member). */
  readonly subject: string;
  readonly subjects: number;
  readonly rootType: string | undefined;
  /** For a member: the records that list them (date order). */
  readonly records?: readonly Activity[];
  readonly lang: TableLang;
}

const pts = (r: Rational): string => r.toFixed(2);
const line = (depth: number, text: string): Block => ({ depth, text });

function measureText(item: Item, score: SheetScore['sections'][number]['items'][number], zh: boolean, lang: TableLang, year: number): string {
  const v = score.value;
  const ratio = score.ratio ? (zh ? `（${score.ratio.numerator}/${score.ratio.denominator}）` : ` (${score.ratio.numerator}/${score.ratio.denominator})`) : '';
  const where = describeWhere(item.where, lang);
  switch (item.measure) {
    case 'manual':
      return zh ? `考评组评分 ${v.toShort(4)}` : `the panel's points ${v.toShort(4)}`;
    case 'rollup': {
      const r = item.rollup!;
      const of = r.of === 'total' ? (zh ? '总分' : 'total') : r.of;
      const how = { sum: zh ? '合计' : 'sum', mean: zh ? '平均' : 'mean', count: zh ? '满足条件的支部数' : 'branches meeting it', share: zh ? '满足条件的支部占比' : 'share of branches meeting it' }[r.how];
      return zh ? `所属支部${of}${how} ${v.toShort(4)}${ratio}` : `its branches' ${of}, ${how}: ${v.toShort(4)}${ratio}`;
    }
    case 'absences':
      return zh ? `缺席 ${v.toShort(0)} 次（${where}）` : `${v.toShort(0)} absences (${where})`;
    case 'earlier':
      return `${describeEarlier(item, year, lang)} ${v.toShort(4)}`;
    default:
      return zh ? `${where}：计量值 ${v.toShort(4)}${ratio}` : `${where}: ${v.toShort(4)}${ratio}`;
  }
}

export function sheetExplainDocument(x: SheetExplainInput): ExplainDoc {
  const zh = x.lang === 'zh';
  const s = x.score;
  const out: Block[] = [];
  out.push({ depth: 0, role: 'title', text: zh ? `${x.subject}${x.year} 年度${x.sheet.name}得分说明` : `How ${x.subject} scored on ${x.sheet.name} in ${x.year}` });
  out.push(line(0, ''));
  for (const sec of s.sections) {
    const weight = sec.section.weight.cmp(Rational.ONE) === 0 ? '' : zh ? `，按 ${sec.section.weight.mul(Rational.int(100)).toShort(2)}% 计入` : `, counts at ${sec.section.weight.mul(Rational.int(100)).toShort(2)}%`;
    out.push({ depth: 0, role: 'heading', text: `${sec.section.name}${sec.section.max ? (zh ? `，上限 ${pts(sec.section.max)}` : `, max ${pts(sec.section.max)}`) : ''}${weight}` });
    for (const it of sec.items) {
      out.push(line(1, `${it.item.name} [${it.item.id}]${zh ? '：' : ': '}${pts(it.points)}`));
      const rule = it.item.tiers
        ? (it.tier === undefined ? (zh ? '未达到任何一档' : 'no tier reached') : zh ? `达到第 ${it.tier + 1} 档` : `tier ${it.tier + 1} reached`)
        : it.item.measure === 'manual' ? '' : `× ${(it.item.points ?? Rational.ZERO).toShort(4)}`;
      out.push(line(2, `${measureText(it.item, it, zh, x.lang, x.year)}${rule ? ` ${rule}` : ''} = ${pts(it.raw)}`));
      if (it.cappedBy === 'max' && it.item.max) out.push(line(2, zh ? `超过该项上限 ${pts(it.item.max)}，按上限计` : `above the item's max ${pts(it.item.max)}: capped`));
      if (it.cappedBy === 'min' && it.item.min) out.push(line(2, zh ? `低于该项下限 ${pts(it.item.min)}，按下限计` : `below the item's min ${pts(it.item.min)}: held there`));
      if (it.cappedBy === 'cap' && it.cap) out.push(line(2, zh ? `与同组各项（${it.cap.name ?? it.cap.items.join('+')}）合计封顶，本项只计 ${pts(it.points)}` : `capped with its group (${it.cap.name ?? it.cap.items.join('+')}): ${pts(it.points)}`));
    }
    out.push(line(1, subtotalText(sec, x.lang)));
    out.push(line(0, ''));
  }
  if (s.requirements.length > 0) {
    out.push({ depth: 0, role: 'heading', text: zh ? '基本要求（不计分）' : 'Requirements (no points)' });
    for (const q of s.requirements) {
      const state = zh ? (q.met ? '达标' : '未达标') : q.met ? 'met' : 'not met';
      out.push(line(1, zh
        ? `${q.met ? '✓' : '✗'} ${q.requirement.name} [${q.requirement.id}]：${q.value.toShort(4)} / ${q.requirement.target.toShort(4)}，${state}`
        : `${q.met ? '✓' : '✗'} ${q.requirement.name} [${q.requirement.id}]: ${q.value.toShort(4)} / ${q.requirement.target.toShort(4)}, ${state}`));
    }
    out.push(line(0, ''));
  }
  if (x.records && x.records.length > 0) {
    out.push({ depth: 0, role: 'heading', text: zh ? `列有该会员的记录（${x.records.length} 条）` : `Records listing the member (${x.records.length})` });
    for (const r of x.records) out.push({ depth: 1, bullet: true, text: `${r.id} ${formatDay(r.date)} ${r.type} ${r.title}${zh ? '（' : ' ('}${r.origin.file}:${r.origin.line}${zh ? '）' : ')'}` });
    out.push(line(0, ''));
  }
  out.push(line(0, zh ? `基本分 ${pts(s.base)}；扣分 ${pts(s.deduction)}；加分 ${pts(s.bonus)}` : `base ${pts(s.base)}; deductions ${pts(s.deduction)}; bonus ${pts(s.bonus)}`));
  const scope = rankScope(x.rootType, x.lang);
  out.push(line(0, zh ? `总分 ${pts(s.total)}，${scope}排名 ${s.rank}/${x.subjects}` : `total ${pts(s.total)}, rank ${s.rank} of ${x.subjects} (${scope})`));
  let grade = zh ? `等级：按总分为${s.gradeByTotal}` : `grade: ${s.gradeByTotal} by the total`;
  if (s.veto) grade += zh ? `；一票否决（${vetoText(s.veto, x.sheet, x.lang)}）` : `; veto (${vetoText(s.veto, x.sheet, x.lang)})`;
  if (s.quotaFell) grade += zh ? '；因等级名额降一档' : '; lowered by the grade quota';
  grade += zh ? `；最终为${s.grade}` : `; final: ${s.grade}`;
  out.push(line(0, grade));
  const data = {
    year: x.year, sheet: x.sheet.id, subject: x.subject,
    sections: s.sections.map((sec) => ({
      name: sec.section.name, subtotal: Number(sec.subtotal.toFixed(2)),
      items: sec.items.map((it) => ({ id: it.item.id, name: it.item.name, measure: it.item.measure, value: it.value.toFixed(4), points: Number(it.points.toFixed(2)), cappedBy: it.cappedBy ?? null })),
    })),
    requirements: s.requirements.map((q) => ({ id: q.requirement.id, met: q.met, value: q.value.toFixed(4) })),
    total: Number(s.total.toFixed(2)), rank: s.rank, grade: s.grade, gradeByTotal: s.gradeByTotal,
    ...(x.records ? { records: x.records.map((r) => r.id) } : {}),
  };
  return { blocks: out, data };
}
