// 会员培训 of a year: the trainings (the 培训 records of one org under one title: sessions, hours,
// person-times, distinct trainees, the organising org's level), and who among the year's new
// members and the reserve pool was trained — from the year's 培训 records kept whole by the scan.
// Also the one-counter fold that tells whether a year held a 新会员培训班 (mj validate). Pure.

import type { Fold } from '../model/fold.js';
import type { TrainingRule } from '../model/practices.js';
import type { RecordView, Vocabulary } from '../model/record-view.js';
import { ACTIVITY_TYPES, inReserveOn, onRosterDuring, orgOn, rosterUntil, type Activity, type Day, type Member, type Org } from '../model/types.js';
import { previousDay } from '../util/dates.js';
import { Rational } from '../util/decimal-text.js';
import { compareText as cmp } from '../util/compare.js';

const TRAINING = ACTIVITY_TYPES.indexOf('培训');

/** A 培训 record is a 新会员培训班 when it carries one of the rule's tags. */
export function isNewMemberCourse(a: Pick<Activity, 'type' | 'tags'>, rule: TrainingRule): boolean {
  return a.type === '培训' && a.tags.some((t) => rule.newMemberTags.includes(t));
}

/** Counts a year's 新会员培训班 records. */
export class CourseCount implements Fold {
  count = 0;
  private readonly tags: number[];

  constructor(rule: TrainingRule, vocab: Vocabulary) {
    this.tags = rule.newMemberTags.map((t) => vocab.tag(t));
  }

  visit(v: RecordView): void {
    if (v.type !== TRAINING) return;
    for (let i = 0; i < v.tagCount; i++) {
      if (this.tags.includes(v.tags[i]!)) {
        this.count++;
        return;
      }
    }
  }

  exportState(): number {
    return this.count;
  }

  merge(state: unknown): void {
    this.count += state as number;
  }
}

/** One training: the 培训 records one org holds under one title. */
export interface Training {
  readonly org: Org;
  readonly title: string;
  /** The records' 报送层级 when written (e.g. 国家 for a 民进中央 course a member was sent to). */
  readonly level: string | undefined;
  readonly first: Day;
  readonly last: Day;
  /** Records (期/次). */
  readonly sessions: number;
  /** Σ hours of its records (学时). */
  readonly hours: Rational;
  /** Σ members listed on its records (人次). */
  readonly personTimes: number;
  /** Distinct members listed. */
  readonly trainees: number;
  readonly newMemberCourse: boolean;
}

/** A new member or reserve cadre of the year, and their training. */
export interface Trainee {
  /** Index in the roster. */
  readonly member: number;
  readonly isNew: boolean;
  readonly isReserve: boolean;
  /** The branch on the year's last day on the roster. */
  readonly branch: string;
  /** 培训 records listing them, and their hours. */
  readonly records: number;
  readonly hours: Rational;
  readonly newMemberCourse: boolean;
}

export interface TrainingYear {
  readonly trainings: readonly Training[];
  readonly trainees: readonly Trainee[];
  /** 新会员培训班 records of the year. */
  readonly courses: number;
  readonly personTimes: number;
  readonly hours: Rational;
}

export interface TrainingInput {
  readonly year: number;
  /** The year's 培训 records, in any order. */
  readonly records: readonly Activity[];
  readonly orgsInTreeOrder: readonly Org[];
  readonly members: readonly Member[];
  readonly rule: TrainingRule;
}

/** Each distinct hours text parsed once (a year's records repeat a few values). */
function hoursReader(): (a: Activity) => Rational {
  const parsed = new Map<string, Rational>();
  return (a) => {
    if (a.hours === undefined) return Rational.ZERO;
    let h = parsed.get(a.hours);
    if (h === undefined) parsed.set(a.hours, (h = Rational.parse(a.hours)));
    return h;
  };
}

/** The record's members, each once (a list may repeat a member: warned, counted once). */
function distinct(list: readonly string[]): readonly string[] {
  if (list.length < 2) return list;
  return list.length <= 8 ? list.filter((m, i) => list.indexOf(m) === i) : [...new Set(list)];
}

export function trainingYear(input: TrainingInput): TrainingYear {
  const first = input.year * 10000 + 101, last = input.year * 10000 + 1231;
  const hoursOf = hoursReader();
  const records = input.records
    .filter((a) => a.type === '培训' && a.date >= first && a.date <= last)
    .sort((a, b) => a.date - b.date || a.origin.line - b.origin.line);
  const treeRank = new Map(input.orgsInTreeOrder.map((o, i) => [o.id, i]));
  const orgById = new Map(input.orgsInTreeOrder.map((o) => [o.id, o]));
  const membersOf = records.map((a) => distinct(a.members));
  const recordHours = records.map(hoursOf);

  // The trainings: records grouped by org and title, in order of their first session.
  const groups = new Map<string, number[]>();
  records.forEach((a, k) => {
    const key = `${a.org}\u0000${a.title}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(k);
  });
  const trainings: Training[] = [];
  for (const list of groups.values()) {
    const sessions = list.map((k) => records[k]!);
    const a0 = sessions[0]!;
    const org = orgById.get(a0.org);
    if (!org) continue;
    const people = new Set<string>();
    let personTimes = 0;
    let hours = Rational.ZERO;
    for (const k of list) {
      const once = membersOf[k]!;
      personTimes += once.length;
      for (const m of once) people.add(m);
      hours = hours.add(recordHours[k]!);
    }
    trainings.push({
      org, title: a0.title, level: sessions.find((a) => a.level !== undefined)?.level, first: a0.date, last: sessions[sessions.length - 1]!.date,
      sessions: sessions.length, hours, personTimes, trainees: people.size, newMemberCourse: sessions.some((a) => isNewMemberCourse(a, input.rule)),
    });
  }
  trainings.sort((a, b) => a.first - b.first || (treeRank.get(a.org.id) ?? 0) - (treeRank.get(b.org.id) ?? 0) || cmp(a.title, b.title));

  // The year's new members (joined in it) and reserve cadres (in the pool on a day of it): only
  // their training records are gathered (a table of them, not of every member listed).
  interface Tally { records: number; hours: Rational; course: boolean }
  const candidates: { member: number; isNew: boolean; isReserve: boolean; tally: Tally }[] = [];
  const tallyOf = new Map<string, Tally>();
  input.members.forEach((m, i) => {
    if (!onRosterDuring(m, first, last)) return;
    const isNew = m.joined >= first && m.joined <= last;
    const isReserve = inPoolDuring(m, first, last);
    if (!isNew && !isReserve) return;
    let tally = tallyOf.get(m.id);
    if (tally === undefined) tallyOf.set(m.id, (tally = { records: 0, hours: Rational.ZERO, course: false }));
    candidates.push({ member: i, isNew, isReserve, tally });
  });
  records.forEach((a, k) => {
    const course = isNewMemberCourse(a, input.rule);
    for (const id of membersOf[k]!) {
      const t = tallyOf.get(id);
      if (t === undefined) continue;
      t.records++;
      t.hours = t.hours.add(recordHours[k]!);
      t.course ||= course;
    }
  });
  const trainees: Trainee[] = candidates.map(({ member: i, isNew, isReserve, tally: t }) => {
    const m = input.members[i]!;
    const lastDay = Math.min(last, previousDay(rosterUntil(m)));
    return { member: i, isNew, isReserve, branch: orgOn(m, lastDay < m.joined ? m.joined : lastDay), records: t.records, hours: t.hours, newMemberCourse: t.course };
  });
  trainees.sort((a, b) => (treeRank.get(a.branch) ?? 1e9) - (treeRank.get(b.branch) ?? 1e9) || cmp(input.members[a.member]!.id, input.members[b.member]!.id));
  let personTimes = 0;
  let hours = Rational.ZERO;
  for (const t of trainings) {
    personTimes += t.personTimes;
    hours = hours.add(t.hours);
  }
  return { trainings, trainees, courses: records.filter((a) => isNewMemberCourse(a, input.rule)).length, personTimes, hours };
}


/** A 后备干部 in the pool on some day of [first, last] (a 代表人士 is not a reserve cadre). */
function inPoolDuring(m: Member, first: Day, last: Day): boolean {
  if (m.reserveSpans === undefined) return inReserveOn(m, last, '后备干部');
  return m.reserveSpans.some((s) => s.kind === '后备干部' && s.from <= last && s.until > first);
}
