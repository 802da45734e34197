// A subject's measure of an item from the scan's counts: the one reading of every counted
// measure, shared by the branch sheet and the unit sheets (a subject is a branch, or a unit with
// its counts rolled up from its subtree). Members counted are the subject's active members on
// the year's last day, those matching `where.who` when it is given.

import type { Item } from '../model/rubric.js';
import { onRoster, type Member } from '../model/types.js';
import { Rational } from '../util/decimal-text.js';
import type { ItemCounter, ScoreCounts } from './score-counts.js';
import type { ItemScore } from './scores.js';
import { whoMask } from './where.js';

export type Measured = Pick<ItemScore, 'value' | 'ratio'>;

export interface GroupMeasureContext {
  readonly year: number;
  readonly members: readonly Member[];
  /** The counts holding the item's counter (several folds may serve one sheet). */
  readonly countsOf: (item: Item) => { readonly counts: ScoreCounts; readonly counter: ItemCounter } | undefined;
  /** Subject s's active members (indices in the roster). */
  readonly activeOf: (s: number) => readonly number[];
  /** The panel's points of subject s on a manual item (0 without a row). */
  readonly manual: (s: number, item: Item) => Rational;
  /** measure: earlier — subject s's points in an earlier year (0 when it was not scored then). */
  readonly earlier?: ((s: number, item: Item) => Rational) | undefined;
}

/** A subject's points in an earlier year, by its id (a branch's, a unit's or a member's) and the item asking. */
export type EarlierOf = (subject: string, item: Item) => Rational;

/** Member-index masks for `who`, built once per filter. */
export function whoCache(year: number, members: readonly Member[], countsOf: GroupMeasureContext['countsOf']): (item: Item) => Uint8Array | undefined {
  const masks = new Map<object, Uint8Array>();
  return (item) => {
    const w = item.where.who;
    if (!w) return undefined;
    let mask = masks.get(w);
    if (!mask) masks.set(w, (mask = countsOf(item)?.counter.who ?? whoMask(w, year, members)));
    return mask;
  };
}

/** A member's absences on an absences counter: meetings of their branch while on the roster, less those attended or excused. */
export function absencesOf(counts: ScoreCounts, c: ItemCounter, m: number, member: Member, branch: number): number {
  if (branch < 0) return 0;
  let held = 0;
  for (const day of c.absence!.days[branch]!) if (onRoster(member, day)) held++;
  return Math.max(0, held - counts.count(c, m) - counts.excuses(c, m));
}

/** The measure of subject s for every counted item, manual and roster items. */
export function groupMeasure(ctx: GroupMeasureContext, branchOf: (m: number) => number): (item: Item, s: number) => Measured {
  const whoOf = whoCache(ctx.year, ctx.members, ctx.countsOf);
  // The least whole count that reaches a threshold: a whole count n is ≥ t exactly when n ≥ ⌈t⌉,
  // so per-member comparisons are of numbers, not of fractions (rounded past 2^53, where no count reaches).
  const thresholds = new Map<Rational, number>();
  const whole = (t: Rational): number => {
    let n = thresholds.get(t);
    if (n === undefined) thresholds.set(t, (n = Number(t.ceil())));
    return n;
  };
  return (item, s) => {
    if (item.measure === 'manual') return { value: ctx.manual(s, item) };
    if (item.measure === 'earlier') return { value: ctx.earlier?.(s, item) ?? Rational.ZERO };
    const who = whoOf(item);
    const all = ctx.activeOf(s);
    // The members counted, only for the measures that need them (most need a count alone).
    const counted = (): readonly number[] => (who === undefined ? all : all.filter((m) => who[m] === 1));
    if (item.measure === 'roster') {
      const active = counted().length;
      return { value: Rational.int(active), ratio: { numerator: active, denominator: all.length } };
    }
    const found = ctx.countsOf(item);
    if (found === undefined) return { value: Rational.ZERO };
    const { counts, counter: c } = found;
    switch (item.measure) {
      case 'count': {
        const period = item.period;
        if (period === undefined) return { value: Rational.int(c.records[s]!) };
        // The periods with at least atLeast records.
        const need = whole(period.atLeast);
        let met = 0;
        for (let p = 0; p < period.count; p++) if (c.periodRecords![s * period.count + p]! >= need) met++;
        return { value: Rational.int(met), ratio: { numerator: met, denominator: period.count } };
      }
      case 'sum':
        return { value: c.sums!.get(s) };
      case 'ratio': {
        const part = c.records[s]!;
        const whole = c.denominators![s]!;
        return { value: whole === 0 ? Rational.ZERO : Rational.of(BigInt(part), BigInt(whole)), ratio: { numerator: part, denominator: whole } };
      }
      case 'attendance': {
        const n = c.records[s]!;
        const active = counted().length;
        if (n === 0 || active === 0) return { value: Rational.ZERO };
        return { value: Rational.of(BigInt(c.listedActive[s]!), BigInt(n) * BigInt(active)) };
      }
      case 'members':
      case 'coverage': {
        const members = counted();
        const active = members.length;
        const need = whole(item.atLeast);
        let k = 0;
        for (const m of members) if (counts.count(c, m) >= need) k++;
        const ratio = { numerator: k, denominator: active };
        if (item.measure === 'members') return { value: Rational.int(k), ratio };
        return { value: active === 0 ? Rational.ZERO : Rational.of(BigInt(k), BigInt(active)), ratio };
      }
      case 'absences': {
        let k = 0;
        for (const m of counted()) k += absencesOf(counts, c, m, ctx.members[m]!, branchOf(m));
        return { value: Rational.int(k) };
      }
      default:
        return { value: Rational.ZERO };
    }
  };
}
