// The one pass over a year's duty records that a score sheet needs: per branch and rubric item
// the record counts, sums and attendance, per member the matching records (for members and
// coverage measures, "三个一" and member items). Records are dropped once counted.

import type { Item, Rubric } from '../model/rubric.js';
import type { RecordView, Vocabulary } from '../model/record-view.js';
import { Rational } from '../util/decimal-text.js';
import type { YearScope } from './scope.js';
import { typeMask, viewMatcher, type ViewMatcher } from './where.js';

/** Exact sums of decimal texts: integers at a 10⁻⁴ scale, Rational beyond that. */
export class DecimalSums {
  private readonly scaled: Float64Array;
  private readonly extra = new Map<number, Rational>();
  constructor(size: number) {
    this.scaled = new Float64Array(size);
  }
  add(i: number, text: string): void {
    const dot = text.indexOf('.');
    const decimals = dot < 0 ? 0 : text.length - dot - 1;
    if (decimals <= 4 && (dot < 0 ? text.length : dot) <= 10) {
      const whole = dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1);
      this.scaled[i]! += Number(whole) * 10 ** (4 - decimals);
    } else {
      this.extra.set(i, (this.extra.get(i) ?? Rational.ZERO).add(Rational.parse(text)));
    }
  }
  get(i: number): Rational {
    const base = Rational.of(BigInt(this.scaled[i]!), 10000n);
    const more = this.extra.get(i);
    return more ? base.add(more) : base;
  }
}

interface ItemCounter {
  readonly item: Item;
  readonly match: ViewMatcher;
  /** Types the item can match (a bitmask), to skip it cheaply. */
  readonly types: number;
  /** Branch records matching (count, attendance). */
  readonly records: Int32Array;
  /** Sum over matching branch records of listed active members of that branch (attendance). */
  readonly listedActive: Float64Array;
  readonly sums: DecimalSums | undefined;
  /** Matching records per member (members, coverage; member items). */
  readonly perMember: Int32Array | undefined;
  readonly memberSums: DecimalSums | undefined;
}

export class ScoreCounts {
  readonly items: ItemCounter[];
  readonly memberItems: ItemCounter[];
  readonly proposal: Int32Array;
  readonly service: Int32Array;
  readonly memberInfo: Int32Array;
  private readonly proposalMatch: ViewMatcher;
  private readonly serviceMatch: ViewMatcher;
  private readonly memberInfoMatch: ViewMatcher;
  /** Listed members of the current record, each once. */
  private listed = new Int32Array(64);
  /** Per member: the serial of the last record that listed them (to list each once). */
  private readonly seen: Int32Array;
  private serial = 0;

  constructor(
    readonly scope: YearScope,
    readonly rubric: Rubric,
    vocab: Vocabulary,
  ) {
    this.seen = new Int32Array(scope.members.length);
    const B = scope.branches.length;
    const M = scope.members.length;
    const counter = (item: Item, perMemberItem: boolean): ItemCounter => ({
      item,
      match: viewMatcher(item.where, vocab),
      types: typeMask(item.where, vocab),
      records: new Int32Array(perMemberItem ? 0 : B),
      listedActive: new Float64Array(!perMemberItem && item.measure === 'attendance' ? B : 0),
      sums: !perMemberItem && item.measure === 'sum' ? new DecimalSums(B) : undefined,
      perMember: perMemberItem || item.measure === 'members' || item.measure === 'coverage' ? new Int32Array(M) : undefined,
      memberSums: perMemberItem && item.measure === 'sum' ? new DecimalSums(M) : undefined,
    });
    this.items = rubric.sections.flatMap((s) => s.items).filter((it) => it.measure !== 'manual').map((it) => counter(it, false));
    this.memberItems = rubric.memberItems.map((it) => counter(it, true));
    this.proposal = new Int32Array(B);
    this.service = new Int32Array(B);
    this.memberInfo = new Int32Array(M);
    this.proposalMatch = viewMatcher(rubric.threeOnes.proposal, vocab);
    this.serviceMatch = viewMatcher(rubric.threeOnes.service, vocab);
    this.memberInfoMatch = viewMatcher(rubric.threeOnes.memberInfo, vocab);
  }

  visit(v: RecordView): void {
    const scope = this.scope;
    const b = v.org >= 0 ? scope.branchOfOrg[v.org]! : -1;
    // Listed members, each once; the lead is the first listed.
    const serial = ++this.serial;
    if (this.listed.length < v.memberCount) this.listed = new Int32Array(v.memberCount * 2);
    const listed = this.listed;
    let n = 0;
    for (let i = 0; i < v.memberCount; i++) {
      const m = v.members[i]!;
      if (this.seen[m] !== serial) {
        this.seen[m] = serial;
        listed[n++] = m;
      }
    }
    const lead = n > 0 ? listed[0]! : -1;
    const typeBit = 1 << v.type;

    for (const c of this.items) {
      if ((c.types & typeBit) === 0 || !c.match(v)) continue;
      if (b >= 0) {
        c.records[b]!++;
        if (c.sums && c.item.field === 'hours' && v.hours !== undefined) c.sums.add(b, v.hours);
        if (c.listedActive.length > 0) {
          let k = 0;
          for (let i = 0; i < n; i++) {
            const m = listed[i]!;
            if (scope.memberBranch[m] === b && scope.active[m] === 1) k++;
          }
          c.listedActive[b]! += k;
        }
      }
      const per = c.perMember;
      if (per) for (let i = 0; i < n; i++) per[listed[i]!]!++;
    }
    for (const c of this.memberItems) {
      if ((c.types & typeBit) === 0 || !c.match(v)) continue;
      if (c.item.lead) {
        if (lead < 0) continue;
        c.perMember![lead]!++;
        if (c.memberSums && v.hours !== undefined) c.memberSums.add(lead, v.hours);
      } else {
        for (let i = 0; i < n; i++) {
          const m = listed[i]!;
          c.perMember![m]!++;
          if (c.memberSums && v.hours !== undefined) c.memberSums.add(m, v.hours);
        }
      }
    }
    if (b >= 0) {
      if (this.proposalMatch(v)) this.proposal[b]!++;
      if (this.serviceMatch(v)) this.service[b]!++;
    }
    if (this.memberInfoMatch(v)) for (let i = 0; i < n; i++) this.memberInfo[listed[i]!]!++;
  }
}
