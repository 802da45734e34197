// 会员履职积分: each member's points from the rubric's member_items, summed exactly from the
// year's score counts (the same item forms as branch items: points or tiers, then caps).

import { Rational } from '../util/decimal-text.js';
import type { ScoreCounts } from './score-counts.js';
import { itemPoints } from './scores.js';

/** Member m's points (m: the member's number in the scope), or undefined without member items. */
export function memberPoints(counts: ScoreCounts): ((m: number) => Rational) | undefined {
  if (counts.memberItems.length === 0) return undefined;
  return (m) => {
    let total = Rational.ZERO;
    for (const c of counts.memberItems) {
      if (c.who !== undefined && c.who[m] !== 1) continue;
      const value = c.item.measure === 'sum' ? c.memberSums!.get(m) : Rational.int(counts.count(c, m));
      total = total.add(itemPoints(c.item, value).points);
    }
    return total;
  };
}
