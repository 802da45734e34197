// 基层组织活动经费补助 (spec §1 "subsidy"): per branch (base + per_member × year-end members) ×
// (1 + the final grade's factor), held under the cap, never below 0; when the payouts pass the
// budget they are scaled pro rata. Every payout is rounded down to whole 元 after scaling, so
// the sum never passes the budget.

import type { SubsidyRule } from '../model/rubric.js';
import { Rational } from '../util/decimal-text.js';

export interface SubsidyLine {
  readonly members: number;
  readonly grade: string;
  readonly base: Rational;
  /** per_member × members. */
  readonly perMember: Rational;
  /** (base + perMember) × factor; negative for a grade that lowers it. */
  readonly performance: Rational;
  /** After cap and floor, before scaling. */
  readonly beforeScaling: Rational;
  readonly capped: boolean;
  /** Whole 元. */
  readonly payout: bigint;
}

export interface SubsidyResult {
  readonly lines: readonly SubsidyLine[];
  /** budget ÷ Σ beforeScaling when scaling applied, else undefined. */
  readonly scale: Rational | undefined;
  readonly total: bigint;
}

export function computeSubsidy(rule: SubsidyRule, branches: readonly { members: number; grade: string }[]): SubsidyResult {
  const raw = branches.map((b) => {
    const perMember = rule.perMember.mul(Rational.int(b.members));
    const factor = rule.gradeFactor.get(b.grade) ?? Rational.ZERO;
    const gross = rule.base.add(perMember);
    const performance = gross.mul(factor);
    let amount = gross.add(performance);
    let capped = false;
    if (rule.cap !== undefined && amount.cmp(rule.cap) > 0) {
      amount = rule.cap;
      capped = true;
    }
    if (amount.sign() < 0) amount = Rational.ZERO;
    return { members: b.members, grade: b.grade, base: rule.base, perMember, performance, beforeScaling: amount, capped };
  });
  const sum = raw.reduce((acc, r) => acc.add(r.beforeScaling), Rational.ZERO);
  const scale = rule.budget !== undefined && sum.cmp(rule.budget) > 0 ? rule.budget.div(sum) : undefined;
  const lines = raw.map((r) => ({ ...r, payout: (scale ? r.beforeScaling.mul(scale) : r.beforeScaling).floor() }));
  return { lines, scale, total: lines.reduce((n, l) => n + l.payout, 0n) };
}
