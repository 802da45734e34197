// The fold of the practices that live in the duty records: liaison visits (a record credited to an
// org that lists one of its liaisons, on a day of their assignment) and the committees' meetings
// (支委会 records credited to a committee, 主委会 or 常委会 by tag) with their leaders' attendance.
// The layout is plain typed arrays (a worker builds the same fold from it), indexed as record
// views number orgs and members. Pure.

import type { Fold } from '../model/fold.js';
import type { Leader, Liaison } from '../model/practices.js';
import type { RecordView, Vocabulary } from '../model/record-view.js';
import { ACTIVITY_TYPES, type Day } from '../model/types.js';

const COMMITTEE_MEETING = ACTIVITY_TYPES.indexOf('支委会');

/** Kinds of committee meeting, by tag: 主委会, 常委会, and the others. */
export const MEETING_KINDS = ['主委会', '常委会', '其他'] as const;

/** Assignments (liaison postings or leadership seats) grouped by member, as typed arrays. */
export interface Postings {
  /** Per member (view numbering): k of its first posting in `start`, or -1. */
  readonly firstOf: Int32Array;
  /** Postings of member-group k are [start[k], start[k + 1]). */
  readonly start: Int32Array;
  /** Per posting: org number, first day, first day after. */
  readonly org: Int32Array;
  readonly from: Int32Array;
  readonly until: Int32Array;
}

export interface PracticeLayout {
  readonly orgs: number;
  /** The liaison postings, in the order of `liaisonOrder` (an index into the dataset's liaison list per posting). */
  readonly liaisons: Postings;
  readonly liaisonOrder: Int32Array;
  /** The leaders' seats in the committees, likewise. */
  readonly seats: Postings;
  readonly seatOrder: Int32Array;
  /** Per org: 1 when it is a committee whose 支委会 records are its meetings. */
  readonly committee: Uint8Array;
}

/** Postings from a list, by member number; `order[p]` is the list index of posting p. */
function postingsOf<T extends { readonly org: string; readonly member: string; readonly from: Day; readonly until: Day }>(
  list: readonly T[], orgIndex: ReadonlyMap<string, number>, memberIndex: ReadonlyMap<string, number>, members: number,
): { postings: Postings; order: Int32Array } {
  const kept = list.map((x, i) => ({ x, i, m: memberIndex.get(x.member) ?? -1, o: orgIndex.get(x.org) ?? -1 })).filter((p) => p.m >= 0 && p.o >= 0);
  kept.sort((a, b) => a.m - b.m || a.i - b.i);
  const firstOf = new Int32Array(members).fill(-1);
  const start: number[] = [];
  kept.forEach((p, j) => {
    if (j === 0 || kept[j - 1]!.m !== p.m) {
      firstOf[p.m] = start.length;
      start.push(j);
    }
  });
  start.push(kept.length);
  return {
    postings: {
      firstOf, start: Int32Array.from(start), org: Int32Array.from(kept, (p) => p.o), from: Int32Array.from(kept, (p) => p.x.from),
      until: Int32Array.from(kept, (p) => p.x.until),
    },
    order: Int32Array.from(kept, (p) => p.i),
  };
}

export function practiceLayout(
  orgs: readonly { readonly id: string; readonly type: string }[], orgIndex: ReadonlyMap<string, number>, memberIndex: ReadonlyMap<string, number>,
  members: number, liaisons: readonly Liaison[], leaders: readonly Leader[],
): PracticeLayout {
  const l = postingsOf(liaisons, orgIndex, memberIndex, members);
  const s = postingsOf(leaders, orgIndex, memberIndex, members);
  const committee = new Uint8Array(orgs.length);
  for (const x of leaders) {
    const o = orgIndex.get(x.org);
    if (o !== undefined) committee[o] = 1;
  }
  return { orgs: orgs.length, liaisons: l.postings, liaisonOrder: l.order, seats: s.postings, seatOrder: s.order, committee };
}

export class PracticeCounts implements Fold {
  /** Per liaison posting: visits, and the day of the last one (0: none). */
  readonly visits: Int32Array;
  readonly lastVisit: Int32Array;
  /** Per org: records that were a visit of one of its liaisons, and the last such day. */
  readonly orgVisits: Int32Array;
  readonly orgLast: Int32Array;
  /** Per seat and meeting kind: the committee's meetings listing the seat holder, during the seat. */
  readonly attended: Int32Array;
  /** The committees' meetings as triples (org, kind, day), in reading order. */
  private log = new Int32Array(256);
  private logLength = 0;
  private readonly stamp: Int32Array;
  private serial = 0;
  private readonly chair: number;
  private readonly standing: number;

  constructor(readonly layout: PracticeLayout, vocab: Vocabulary, readonly until: Day) {
    const P = layout.liaisons.org.length;
    this.visits = new Int32Array(P);
    this.lastVisit = new Int32Array(P);
    this.orgVisits = new Int32Array(layout.orgs);
    this.orgLast = new Int32Array(layout.orgs);
    this.attended = new Int32Array(layout.seats.org.length * MEETING_KINDS.length);
    this.stamp = new Int32Array(P + layout.seats.org.length);
    this.chair = vocab.tag('主委会');
    this.standing = vocab.tag('常委会');
  }

  visit(v: RecordView): void {
    if (v.date > this.until || v.org < 0) return;
    const serial = ++this.serial;
    const L = this.layout.liaisons;
    let visited = false;
    for (let i = 0; i < v.memberCount; i++) {
      const k = L.firstOf[v.members[i]!]!;
      if (k < 0) continue;
      for (let p = L.start[k]!; p < L.start[k + 1]!; p++) {
        if (L.org[p] !== v.org || v.date < L.from[p]! || v.date >= L.until[p]! || this.stamp[p] === serial) continue;
        this.stamp[p] = serial;
        this.visits[p]!++;
        if (v.date > this.lastVisit[p]!) this.lastVisit[p] = v.date;
        visited = true;
      }
    }
    if (visited) {
      this.orgVisits[v.org]!++;
      if (v.date > this.orgLast[v.org]!) this.orgLast[v.org] = v.date;
    }
    if (v.type !== COMMITTEE_MEETING || this.layout.committee[v.org] !== 1) return;
    let kind = 2;
    for (let i = 0; i < v.tagCount; i++) {
      if (v.tags[i] === this.chair) kind = 0;
      else if (v.tags[i] === this.standing && kind !== 0) kind = 1;
    }
    this.logMeeting(v.org, kind, v.date);
    const S = this.layout.seats;
    const P = L.org.length;
    for (let i = 0; i < v.memberCount; i++) {
      const k = S.firstOf[v.members[i]!]!;
      if (k < 0) continue;
      for (let p = S.start[k]!; p < S.start[k + 1]!; p++) {
        if (S.org[p] !== v.org || v.date < S.from[p]! || v.date >= S.until[p]! || this.stamp[P + p] === serial) continue;
        this.stamp[P + p] = serial;
        this.attended[p * MEETING_KINDS.length + kind]!++;
      }
    }
  }

  private logMeeting(org: number, kind: number, day: number): void {
    if (this.logLength + 3 > this.log.length) {
      const bigger = new Int32Array(this.log.length * 2);
      bigger.set(this.log);
      this.log = bigger;
    }
    this.log[this.logLength++] = org;
    this.log[this.logLength++] = kind;
    this.log[this.logLength++] = day;
  }

  /** The committee's meetings of a kind dated in [from, until). */
  meetings(org: number, kind: number, from: Day, until: Day): number {
    let n = 0;
    for (let i = 0; i < this.logLength; i += 3) {
      if (this.log[i] === org && this.log[i + 1] === kind && this.log[i + 2]! >= from && this.log[i + 2]! < until) n++;
    }
    return n;
  }

  exportState(): unknown {
    return {
      visits: this.visits, lastVisit: this.lastVisit, orgVisits: this.orgVisits, orgLast: this.orgLast, attended: this.attended,
      log: this.log.slice(0, this.logLength),
    };
  }

  merge(state: unknown): void {
    const o = state as { visits: Int32Array; lastVisit: Int32Array; orgVisits: Int32Array; orgLast: Int32Array; attended: Int32Array; log: Int32Array };
    for (let i = 0; i < this.visits.length; i++) {
      this.visits[i]! += o.visits[i]!;
      if (o.lastVisit[i]! > this.lastVisit[i]!) this.lastVisit[i] = o.lastVisit[i]!;
    }
    for (let i = 0; i < this.orgVisits.length; i++) {
      this.orgVisits[i]! += o.orgVisits[i]!;
      if (o.orgLast[i]! > this.orgLast[i]!) this.orgLast[i] = o.orgLast[i]!;
    }
    for (let i = 0; i < this.attended.length; i++) this.attended[i]! += o.attended[i]!;
    for (let i = 0; i < o.log.length; i += 3) this.logMeeting(o.log[i]!, o.log[i + 1]!, o.log[i + 2]!);
  }
}
