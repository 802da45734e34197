// A duty record as the counters see it: every word turned into a number (type, org, members,
// outcomes, level, tags), nothing kept after it is counted. The fast reader fills one view per
// record and reuses it; readers of YAML or of a problem row convert an Activity into it.

import { ACTIVITY_TYPES, LEVELS, type Activity, type Day } from './types.js';

/** The words records use, as numbers: fixed lists, plus the outcome and tag vocabularies. */
export class Vocabulary {
  readonly types: ReadonlyMap<string, number> = new Map(ACTIVITY_TYPES.map((t, i) => [t, i]));
  readonly levels: ReadonlyMap<string, number> = new Map(LEVELS.map((t, i) => [t, i]));
  readonly outcomes: ReadonlyMap<string, number>;
  private readonly tagIndex = new Map<string, number>();

  constructor(outcomes: Iterable<string>) {
    this.outcomes = new Map([...outcomes].map((o, i) => [o, i]));
  }

  /** A tag's number, added when first seen (tags are free words). */
  tag(word: string): number {
    let i = this.tagIndex.get(word);
    if (i === undefined) this.tagIndex.set(word, (i = this.tagIndex.size));
    return i;
  }

  tagIfKnown(word: string): number | undefined {
    return this.tagIndex.get(word);
  }
}

export interface RecordView {
  date: Day;
  /** Index in ACTIVITY_TYPES. */
  type: number;
  /** Index of the credited org in the dataset's org list. */
  org: number;
  /** Indices of the listed members in the roster, in the order written (the first is the lead). */
  members: Int32Array;
  memberCount: number;
  /** Outcome numbers (Vocabulary.outcomes). */
  outcomes: Int32Array;
  outcomeCount: number;
  /** Index in LEVELS, or -1. */
  level: number;
  tags: Int32Array;
  tagCount: number;
  /** Decimal text as written, or undefined. */
  hours: string | undefined;
}

export function emptyView(): RecordView {
  return {
    date: 0, type: 0, org: -1, members: new Int32Array(64), memberCount: 0, outcomes: new Int32Array(32), outcomeCount: 0,
    level: -1, tags: new Int32Array(16), tagCount: 0, hours: undefined,
  };
}

function grow(a: Int32Array, n: number): Int32Array {
  if (n <= a.length) return a;
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** Fills `v` from a full Activity (read by the careful reader). */
export function viewOf(
  a: Activity, v: RecordView, vocab: Vocabulary, orgIndex: ReadonlyMap<string, number>, memberIndex: ReadonlyMap<string, number>,
): RecordView {
  v.date = a.date;
  v.type = vocab.types.get(a.type) ?? 0;
  v.org = orgIndex.get(a.org) ?? -1;
  v.members = grow(v.members, a.members.length);
  v.memberCount = 0;
  for (const id of a.members) {
    const m = memberIndex.get(id);
    if (m !== undefined) v.members[v.memberCount++] = m;
  }
  v.outcomes = grow(v.outcomes, a.outcomes.length);
  v.outcomeCount = 0;
  for (const o of a.outcomes) {
    const k = vocab.outcomes.get(o);
    if (k !== undefined) v.outcomes[v.outcomeCount++] = k;
  }
  v.level = a.level === undefined ? -1 : (vocab.levels.get(a.level) ?? -1);
  v.tags = grow(v.tags, a.tags.length);
  v.tagCount = 0;
  for (const t of a.tags) v.tags[v.tagCount++] = vocab.tag(t);
  v.hours = a.hours;
  return v;
}

export function ensureCapacity(v: RecordView, members: number, outcomes: number, tags: number): void {
  v.members = grow(v.members, members);
  v.outcomes = grow(v.outcomes, outcomes);
  v.tags = grow(v.tags, tags);
}
