// The one pass over a year's duty records that a score sheet needs: per branch and rubric item
// the record counts, sums and attendance, per member the matching records (for members and
// coverage measures, "三个一" and member items). Records are dropped once counted.

import type { Fold } from '../model/fold.js';
import { periodOf, type Item, type Rubric } from '../model/rubric.js';
import type { RecordView, Vocabulary } from '../model/record-view.js';
import { Rational } from '../util/decimal-text.js';
import { ListedMembers } from './listed.js';
import type { CountScope } from './scope.js';
import { outcomeNumbers, typeMask, viewMatcher, whoKey, whoMask, type ViewMatcher } from './where.js';
import type { Member } from '../model/types.js';

/** One of the n listed members matches the mask. */
function listsOne(mask: Uint8Array, listed: Int32Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (mask[listed[i]!] === 1) return true;
  return false;
}

/** The record's outcome phrases among `wanted`, each once. */
function occurrences(wanted: Set<number>, v: RecordView): number {
  let k = 0;
  for (let i = 0; i < v.outcomeCount; i++) {
    const o = v.outcomes[i]!;
    if (!wanted.has(o)) continue;
    let earlier = false;
    for (let j = 0; j < i; j++) if (v.outcomes[j] === o) earlier = true;
    if (!earlier) k++;
  }
  return k;
}

/** A counter's numbers, to be added to another's. */
export interface CountState {
  readonly arrays: (Int32Array | Float64Array)[];
  readonly sums: DecimalSums[] | DecimalSumsState[];
  /** Lists appended to one another (a branch's meeting days). */
  readonly lists?: number[][][];
  /** Sparse counts, added key by key (shared credit per member and share). */
  readonly maps?: Map<number, number>[] | [number, number][][];
}

export interface DecimalSumsState {
  readonly scaled: Float64Array;
  /** [index, decimal text] pairs of the sums kept as exact rationals. */
  readonly extra: [number, string][];
}

/** A state as plain data, for another thread (the arrays as they are, the sums exported). */
export function exportCounts(state: CountState): CountState {
  return {
    arrays: state.arrays, sums: (state.sums as (DecimalSums | DecimalSumsState)[]).map((s) => (s instanceof DecimalSums ? s.exportState() : s)),
    ...(state.lists ? { lists: state.lists } : {}),
    ...(state.maps ? { maps: (state.maps as (Map<number, number> | [number, number][])[]).map((m) => (m instanceof Map ? [...m.entries()] : m)) } : {}),
  };
}

/** Adds `other` into `into` (same shapes). */
export function mergeState(into: CountState, other: CountState): void {
  into.arrays.forEach((a, i) => {
    const b = other.arrays[i]!;
    for (let k = 0; k < a.length; k++) a[k]! += b[k]!;
  });
  (into.sums as DecimalSums[]).forEach((s, i) => s.merge(other.sums[i]!));
  into.lists?.forEach((lists, i) => lists.forEach((l, k) => {
    for (const x of other.lists![i]![k]!) l.push(x);
  }));
  (into.maps as Map<number, number>[] | undefined)?.forEach((m, i) => {
    const o = other.maps![i]!;
    for (const [key, n] of o instanceof Map ? o.entries() : o) m.set(key, (m.get(key) ?? 0) + n);
  });
}

/** Exact sums of decimal texts: integers at a 10⁻⁴ scale, Rational beyond that. */
export class DecimalSums {
  private readonly scaled: Float64Array;
  private readonly extra = new Map<number, Rational>();

  /** Plain data (for another thread). */
  exportState(): DecimalSumsState {
    return { scaled: this.scaled, extra: [...this.extra.entries()].map(([i, r]) => [i, `${r.num}/${r.den}`]) };
  }

  merge(other: DecimalSums | DecimalSumsState): void {
    const o = other instanceof DecimalSums ? other.exportState() : other;
    for (let k = 0; k < this.scaled.length; k++) this.addScaled(k, o.scaled[k]!);
    for (const [i, text] of o.extra) {
      const [n, d] = text.split('/') as [string, string];
      this.extra.set(i, (this.extra.get(i) ?? Rational.ZERO).add(Rational.of(BigInt(n), BigInt(d))));
    }
  }
  constructor(size: number) {
    this.scaled = new Float64Array(size);
  }
  add(i: number, text: string): void {
    const dot = text.indexOf('.');
    const decimals = dot < 0 ? 0 : text.length - dot - 1;
    if (decimals <= 4 && (dot < 0 ? text.length : dot) <= 10) {
      const whole = dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1);
      this.addScaled(i, Number(whole) * 10 ** (4 - decimals));
    } else {
      this.extra.set(i, (this.extra.get(i) ?? Rational.ZERO).add(Rational.parse(text)));
    }
  }
  /**
   * Adds a whole number of 10⁻⁴ units: in the float while the sum stays an exact integer there
   * (below 2⁵³), else into the exact part — so no sum is ever rounded.
   */
  private addScaled(i: number, units: number): void {
    const next = this.scaled[i]! + units;
    if (Math.abs(next) <= Number.MAX_SAFE_INTEGER) this.scaled[i] = next;
    else this.extra.set(i, (this.extra.get(i) ?? Rational.ZERO).add(Rational.of(BigInt(units), 10000n)));
  }

  /** Adds sum j into sum i (a unit's subtree into the unit above). */
  addFrom(i: number, j: number): void {
    this.addScaled(i, this.scaled[j]!);
    const more = this.extra.get(j);
    if (more) this.extra.set(i, (this.extra.get(i) ?? Rational.ZERO).add(more));
  }

  get(i: number): Rational {
    const base = Rational.of(BigInt(this.scaled[i]!), 10000n);
    const more = this.extra.get(i);
    return more ? base.add(more) : base;
  }
}

export interface ItemCounter {
  readonly item: Item;
  /** The item's where (for ratio items: its `of`, the records the share is taken of). */
  readonly match: ViewMatcher;
  /** Ratio items: the part counted over `of` (the item's where). */
  readonly part: ViewMatcher | undefined;
  /** Ratio items: branch records matching `of`. */
  readonly denominators: Int32Array | undefined;
  /** where.who as a mask over the members (1: matches), or undefined for all. */
  readonly who: Uint8Array | undefined;
  /** per: outcome: the phrases that each count. */
  readonly perOutcome: Set<number> | undefined;
  /** period items: branch records per period, branch-major (B × periods). */
  readonly periodRecords: Int32Array | undefined;
  /** Types the item can match (a bitmask), to skip it cheaply. */
  readonly types: number;
  /** Branch records matching (count, attendance). */
  readonly records: Int32Array;
  /** Sum over matching branch records of listed active members of that branch (attendance). */
  readonly listedActive: Float64Array;
  readonly sums: DecimalSums | undefined;
  /** Its slot in the per-member counts (members, coverage; member items), or -1. */
  readonly slot: number;
  readonly memberSums: DecimalSums | undefined;
  /** split: per member and share, the records credited (key m × 65536 + members sharing it). */
  readonly splits: Map<number, number> | undefined;
  /** absences: the excusing records, the per-member slot of excuses, and each branch's meeting days. */
  readonly absence: { readonly excused: ViewMatcher; readonly excusedSlot: number; readonly days: number[][] } | undefined;
}

/** What a counter counts: the rubric's items as the sheet needs them (the branch sheet, a unit's, the members'). */
export type CountingRules = Pick<Rubric, 'year' | 'sections' | 'requirements' | 'memberItems' | 'threeOnes'>;

/** Measures read from the counts at scoring (the rest come from the panel, the roster or another sheet). */
export const COUNTED_MEASURES: ReadonlySet<string> = new Set(['count', 'members', 'coverage', 'sum', 'attendance', 'ratio', 'absences']);

export class ScoreCounts implements Fold {
  readonly items: ItemCounter[];
  /** Counters of the requirements' measures (基本要求), counted like items. */
  readonly requirementItems: ItemCounter[];
  readonly memberItems: ItemCounter[];
  readonly proposal: Int32Array;
  readonly service: Int32Array;
  /**
   * Matching records per member and slot, member-major (all of one member's counts in one
   * cache line): slot K-1 is "三个一"'s member reports.
   */
  private readonly perMember: Int32Array;
  private readonly K: number;
  private readonly infoSlot: number;
  private readonly proposalMatch: ViewMatcher;
  private readonly serviceMatch: ViewMatcher;
  private readonly memberInfoMatch: ViewMatcher;
  /** Per record type: the items and member items that can match it (the rest are never tried). */
  private readonly itemsByType: ItemCounter[][];
  private readonly memberItemsByType: ItemCounter[][];
  private readonly listedMembers: ListedMembers;
  /** Slots the current record adds to, for each listed member. */
  private readonly hits: Int32Array;

  constructor(
    readonly scope: CountScope,
    readonly rubric: CountingRules,
    vocab: Vocabulary,
  ) {
    const B = scope.branches.length;
    const M = scope.members.length;
    this.listedMembers = new ListedMembers(M);
    let slots = 0;
    const whoOf = (item: Item): Uint8Array | undefined => {
      const w = item.where.who;
      if (!w) return undefined;
      const mask = scope.whoMasks?.get(whoKey(w));
      if (mask) return mask;
      // A full scope (tests, one thread) has the members themselves.
      if (!Array.isArray(scope.members)) throw new Error(`no member mask for ${whoKey(w)}`);
      return whoMask(w, rubric.year, scope.members as Member[]);
    };
    const counter = (item: Item, perMemberItem: boolean): ItemCounter => ({
      item,
      match: viewMatcher(item.of ?? item.where, vocab),
      part: item.of ? viewMatcher(item.where, vocab) : undefined,
      denominators: item.of && !perMemberItem ? new Int32Array(B) : undefined,
      who: whoOf(item),
      perOutcome: item.perOutcome ? outcomeNumbers(item.where, vocab) : undefined,
      periodRecords: item.period && !perMemberItem ? new Int32Array(B * item.period.count) : undefined,
      types: typeMask(item.of ?? item.where, vocab) | (item.excused ? typeMask(item.excused, vocab) : 0),
      records: new Int32Array(perMemberItem ? 0 : B),
      listedActive: new Float64Array(!perMemberItem && item.measure === 'attendance' ? B : 0),
      sums: !perMemberItem && item.measure === 'sum' ? new DecimalSums(B) : undefined,
      slot: perMemberItem || item.measure === 'members' || item.measure === 'coverage' || item.measure === 'absences' ? slots++ : -1,
      memberSums: perMemberItem && item.measure === 'sum' && item.split === undefined ? new DecimalSums(M) : undefined,
      splits: perMemberItem && item.split !== undefined ? new Map() : undefined,
      absence: item.measure === 'absences'
        ? { excused: item.excused ? viewMatcher(item.excused, vocab) : () => false, excusedSlot: slots++, days: Array.from({ length: B }, () => []) }
        : undefined,
    });
    const counted = (it: Item): boolean => COUNTED_MEASURES.has(it.measure);
    this.items = rubric.sections.flatMap((s) => s.items).filter(counted).map((it) => counter(it, false));
    this.requirementItems = rubric.requirements.map((r) => r.item).filter(counted).map((it) => counter(it, false));
    this.memberItems = rubric.memberItems.filter(counted).map((it) => counter(it, true));
    const branchCounters = [...this.items, ...this.requirementItems];
    this.itemsByType = Array.from({ length: 32 }, (_, t) => branchCounters.filter((c) => (c.types & (1 << t)) !== 0));
    this.memberItemsByType = Array.from({ length: 32 }, (_, t) => this.memberItems.filter((c) => (c.types & (1 << t)) !== 0));
    this.infoSlot = slots++;
    this.K = slots;
    this.perMember = new Int32Array(M * slots);
    this.hits = new Int32Array(slots);
    this.proposal = new Int32Array(B);
    this.service = new Int32Array(B);
    this.proposalMatch = viewMatcher(rubric.threeOnes.proposal, vocab);
    this.serviceMatch = viewMatcher(rubric.threeOnes.service, vocab);
    this.memberInfoMatch = viewMatcher(rubric.threeOnes.memberInfo, vocab);
  }

  /** Every count, for merging the counts of another thread (same rubric and scope). */
  state(): CountState {
    const arrays: (Int32Array | Float64Array)[] = [this.perMember, this.proposal, this.service];
    const sums: DecimalSums[] = [];
    const lists: number[][][] = [];
    const maps: Map<number, number>[] = [];
    for (const c of [...this.items, ...this.requirementItems, ...this.memberItems]) {
      arrays.push(c.records, c.listedActive);
      if (c.denominators) arrays.push(c.denominators);
      if (c.periodRecords) arrays.push(c.periodRecords);
      if (c.absence) lists.push(c.absence.days);
      if (c.splits) maps.push(c.splits);
      if (c.sums) sums.push(c.sums);
      if (c.memberSums) sums.push(c.memberSums);
    }
    return { arrays, sums, lists, maps };
  }

  exportState(): CountState {
    return exportCounts(this.state());
  }

  /** Adds the counts of the same rubric and scope over another part of the records. */
  merge(other: unknown): void {
    mergeState(this.state(), other as CountState);
  }

  /** Records matching an item's where that list member m (lead only, for lead items). */
  count(c: ItemCounter, m: number): number {
    return this.perMember[m * this.K + c.slot]!;
  }

  /** Member m's records matching the "三个一" member-report rule. */
  memberInfo(m: number): number {
    return this.perMember[m * this.K + this.infoSlot]!;
  }

  /**
   * Absences: a record excusing members (请假) credits an excuse to each listed member of the
   * branch; a meeting (the item's where, not an excuse) keeps its day for the branch and credits
   * attendance to each listed member of the branch.
   */
  private absent(c: ItemCounter, v: RecordView, b: number, listed: Int32Array, n: number): void {
    if (b < 0) return;
    const a = c.absence!;
    const excused = a.excused(v);
    if (!excused && !c.match(v)) return;
    const slot = excused ? a.excusedSlot : c.slot;
    if (!excused) a.days[b]!.push(v.date);
    const K = this.K;
    for (let i = 0; i < n; i++) {
      const m = listed[i]!;
      if (this.scope.memberBranch[m] === b) this.perMember[m * K + slot]!++;
    }
  }

  /** Member m's excuses for an absences counter. */
  excuses(c: ItemCounter, m: number): number {
    return this.perMember[m * this.K + c.absence!.excusedSlot]!;
  }

  /** Member m's credit on a split counter: Σ over records of 1 ÷ the members sharing it. */
  shared(c: ItemCounter, m: number): Rational {
    let byMember = this.sharedCache.get(c);
    if (!byMember) {
      byMember = new Map();
      for (const [key, k] of c.splits!) {
        const who = Math.floor(key / 65536);
        byMember.set(who, (byMember.get(who) ?? Rational.ZERO).add(Rational.of(BigInt(k), BigInt(key % 65536))));
      }
      this.sharedCache.set(c, byMember);
    }
    return byMember.get(m) ?? Rational.ZERO;
  }
  private readonly sharedCache = new Map<ItemCounter, Map<number, Rational>>();

  visit(v: RecordView): void {
    const scope = this.scope;
    const b = v.org >= 0 ? scope.branchOfOrg[v.org]! : -1;
    // Listed members, each once; the lead is the first listed.
    const n = this.listedMembers.read(v);
    const listed = this.listedMembers.members;
    const hits = this.hits;
    let nh = 0;

    for (const c of this.itemsByType[v.type]!) {
      if (c.absence !== undefined) {
        this.absent(c, v, b, listed, n);
        continue;
      }
      if (!c.match(v)) continue;
      const who = c.who;
      if (who !== undefined && !listsOne(who, listed, n)) continue;
      if (c.denominators !== undefined) {
        if (b >= 0) c.denominators[b]!++;
        if (!c.part!(v)) continue;
      }
      if (b >= 0) {
        const k = c.perOutcome === undefined ? 1 : occurrences(c.perOutcome, v);
        c.records[b]! += k;
        if (c.periodRecords !== undefined) {
          const p = c.item.period!;
          c.periodRecords[b * p.count + periodOf(p.every, v.date)]! += k;
        }
        if (c.sums && c.item.field === 'hours' && v.hours !== undefined) c.sums.add(b, v.hours);
        if (c.listedActive.length > 0) {
          let k = 0;
          for (let i = 0; i < n; i++) {
            const m = listed[i]!;
            if (scope.memberBranch[m] === b && scope.active[m] === 1 && (who === undefined || who[m] === 1)) k++;
          }
          c.listedActive[b]! += k;
        }
      }
      if (c.slot >= 0) hits[nh++] = c.slot;
    }
    const K = this.K;
    const per = this.perMember;
    for (const c of this.memberItemsByType[v.type]!) {
      if (c.absence !== undefined) {
        this.absent(c, v, b, listed, n);
        continue;
      }
      if (!c.match(v)) continue;
      const role = c.item.role;
      if (role === 'any' && c.who === undefined && c.splits === undefined) {
        hits[nh++] = c.slot;
        if (c.memberSums && v.hours !== undefined) for (let i = 0; i < n; i++) c.memberSums.add(listed[i]!, v.hours);
        continue;
      }
      // The members the record credits: the lead (主笔), the others (参与), or all; those matching who.
      const from = role === 'co' ? 1 : 0;
      const to = role === 'lead' ? Math.min(1, n) : n;
      const who = c.who;
      let credited = 0;
      for (let i = from; i < to; i++) if (who === undefined || who[listed[i]!] === 1) credited++;
      for (let i = from; i < to; i++) {
        const m = listed[i]!;
        if (who !== undefined && who[m] !== 1) continue;
        per[m * K + c.slot]!++;
        if (c.memberSums && v.hours !== undefined) c.memberSums.add(m, v.hours);
        if (c.splits) {
          // The member's share is 1/d: equal → d = the members credited; lead-half → ½ to the lead, the rest share ½.
          let d = credited;
          if (c.item.split === 'lead-half' && credited > 1) d = i === 0 ? 2 : 2 * (credited - 1);
          const key = m * 65536 + Math.min(d, 65535);
          c.splits.set(key, (c.splits.get(key) ?? 0) + 1);
        }
      }
    }
    if (this.memberInfoMatch(v)) hits[nh++] = this.infoSlot;
    if (nh > 0) {
      for (let i = 0; i < n; i++) {
        const base = listed[i]! * K;
        for (let h = 0; h < nh; h++) per[base + hits[h]!]!++;
      }
    }
    if (b >= 0) {
      if (this.proposalMatch(v)) this.proposal[b]!++;
      if (this.serviceMatch(v)) this.service[b]!++;
    }
  }
}
