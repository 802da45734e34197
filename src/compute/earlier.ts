// measure: earlier — a subject's points in an earlier year, read from that year's own results
// (scored by that year's rubric): its total, or one item's points, on the same sheet. A subject
// that year did not have (a branch founded since, a member who joined since) measures 0. Pure.

import type { Item } from '../model/rubric.js';
import { Rational } from '../util/decimal-text.js';
import type { EarlierOf } from './measure.js';
import type { SheetScore } from './scores.js';

/** One earlier year's results, by sheet: '' the branch sheet, a unit sheet's id, 'members'. */
export interface EarlierYear {
  readonly sheet: (sheet: string) => ReadonlyMap<string, SheetScore> | undefined;
}

/** The points an item asks for: the subject's total or one item's points in year − back. */
export function earlierOf(year: number, sheet: string, years: ReadonlyMap<number, EarlierYear | undefined>): EarlierOf {
  return (subject: string, item: Item): Rational => {
    const e = item.earlier;
    if (e === undefined) return Rational.ZERO;
    const s = years.get(year - e.back)?.sheet(sheet)?.get(subject);
    if (s === undefined) return Rational.ZERO;
    if (e.of === 'total') return s.total;
    for (const sec of s.sections) for (const it of sec.items) if (it.item.id === e.of) return it.points;
    return Rational.ZERO;
  };
}

/** What an earlier item takes, in words: 上年度总分, 2 年前“参政议政”得分 (for score forms and explanations). */
export function describeEarlier(item: Item, year: number, lang: 'zh' | 'en'): string {
  const e = item.earlier ?? { of: 'total', back: 1 };
  const y = year - e.back;
  if (lang === 'zh') return `${e.back === 1 ? '上年度' : `${e.back} 年前`}（${y} 年）${e.of === 'total' ? '总分' : `“${e.of}”得分`}`;
  return `${e.of === 'total' ? 'the total' : `the points of "${e.of}"`} of ${y}${e.back === 1 ? ' (last year)' : ''}`;
}
