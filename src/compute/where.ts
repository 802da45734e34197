// Compiles a rubric's `where` into a predicate over activity records: equality or list
// membership per key, every key that is given must match.

import type { Where, Who } from '../model/rubric.js';
import { yearEnd, type Activity, type Member } from '../model/types.js';
import type { RecordView, Vocabulary } from '../model/record-view.js';

export type Matcher = (a: Activity) => boolean;

export function matcher(w: Where): Matcher {
  const tests: Matcher[] = [];
  if (w.type) {
    const set = new Set(w.type);
    tests.push((a) => set.has(a.type));
  }
  if (w.level) {
    const set = new Set(w.level);
    tests.push((a) => a.level !== undefined && set.has(a.level));
  }
  if (w.outcomes) {
    const set = new Set(w.outcomes);
    tests.push((a) => a.outcomes.some((o) => set.has(o)));
  }
  if (w.tags) {
    const set = new Set(w.tags);
    tests.push((a) => a.tags.some((t) => set.has(t)));
  }
  if (w.not) {
    const excluded = matcher(w.not);
    tests.push((a) => !excluded(a));
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  return (a) => tests.every((t) => t(a));
}

/** A roster filter over members, for the year scored (新发展会员, age on its last day). */
export function whoMatcher(w: Who, year: number): (m: Member) => boolean {
  const tests: ((m: Member) => boolean)[] = [];
  const among = (values: readonly string[] | undefined, get: (m: Member) => string | undefined): void => {
    if (!values) return;
    const set = new Set(values);
    tests.push((m) => {
      const v = get(m);
      return v !== undefined && set.has(v);
    });
  };
  among(w.gender, (m) => m.gender);
  among(w.title, (m) => m.title);
  among(w.education, (m) => m.education);
  among(w.degree, (m) => m.degree);
  among(w.sector, (m) => m.sector);
  if (w.roles) {
    const set = new Set(w.roles);
    tests.push((m) => m.roles.some((r) => set.has(r)));
  }
  if (w.reserve !== undefined) tests.push((m) => m.reserve === w.reserve);
  if (w.joinedThisYear !== undefined) tests.push((m) => (Math.floor(m.joined / 10000) === year) === w.joinedThisYear);
  if (w.ageBelow !== undefined) {
    const end = yearEnd(year);
    const limit = w.ageBelow;
    tests.push((m) => m.birth !== undefined && Math.floor((end - m.birth) / 10000) < limit);
  }
  return (m) => tests.every((t) => t(m));
}

/** Members as a 0/1 mask: 1 where the member matches `who`. */
export function whoMask(w: Who, year: number, members: readonly Member[]): Uint8Array {
  const match = whoMatcher(w, year);
  const out = new Uint8Array(members.length);
  members.forEach((m, i) => {
    if (match(m)) out[i] = 1;
  });
  return out;
}

/** A where clause in words, for notes and explanations: 类型 = 提案/建议，结果含 立案. */
export function describeWhere(w: Where, lang: 'zh' | 'en'): string {
  const parts: string[] = [];
  const zh = lang === 'zh';
  if (w.type) parts.push(`${zh ? '类型' : 'type'} = ${w.type.join('/')}`);
  if (w.level) parts.push(`${zh ? '报送层级' : 'level'} = ${w.level.join('/')}`);
  if (w.outcomes) parts.push(`${zh ? '结果含' : 'outcomes include'} ${w.outcomes.join('/')}`);
  if (w.tags) parts.push(`${zh ? '标签含' : 'tags include'} ${w.tags.join('/')}`);
  if (w.not) parts.push(zh ? `不含（${describeWhere(w.not, lang)}）` : `except (${describeWhere(w.not, lang)})`);
  if (w.who) parts.push(zh ? `会员：${describeWho(w.who, lang)}` : `members: ${describeWho(w.who, lang)}`);
  return parts.length === 0 ? (zh ? '全部记录' : 'all records') : parts.join(zh ? '，' : ', ');
}

/** A roster filter in words: 职称 = 正高级/副高级，当年入会. */
export function describeWho(w: Who, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  const key = (label: string, en: string, v: readonly string[] | undefined): void => {
    if (v) parts.push(`${zh ? label : en} = ${v.join('/')}`);
  };
  key('性别', 'gender', w.gender);
  key('职称', 'title', w.title);
  key('学历', 'education', w.education);
  key('学位', 'degree', w.degree);
  key('界别', 'sector', w.sector);
  key('政治安排', 'role', w.roles);
  if (w.reserve !== undefined) parts.push(zh ? (w.reserve ? '后备干部' : '非后备干部') : w.reserve ? 'reserve cadres' : 'not reserve cadres');
  if (w.joinedThisYear !== undefined) parts.push(zh ? (w.joinedThisYear ? '当年入会' : '往年入会') : w.joinedThisYear ? 'joined this year' : 'joined before this year');
  if (w.ageBelow !== undefined) parts.push(zh ? `未满 ${w.ageBelow} 岁` : `under ${w.ageBelow}`);
  return parts.length === 0 ? (zh ? '全部会员' : 'all members') : parts.join(zh ? '，' : ', ');
}

/** The same predicate over an interned record view. */
export type ViewMatcher = (v: RecordView) => boolean;

export function viewMatcher(w: Where, vocab: Vocabulary): ViewMatcher {
  const tests: ViewMatcher[] = [];
  if (w.type) {
    let mask = 0;
    for (const t of w.type) mask |= 1 << (vocab.types.get(t) ?? 31);
    tests.push((v) => (mask & (1 << v.type)) !== 0);
  }
  if (w.level) {
    let mask = 0;
    for (const t of w.level) mask |= 1 << (vocab.levels.get(t) ?? 31);
    tests.push((v) => v.level >= 0 && (mask & (1 << v.level)) !== 0);
  }
  if (w.outcomes) {
    const wanted = new Set<number>();
    for (const o of w.outcomes) {
      const k = vocab.outcomes.get(o);
      if (k !== undefined) wanted.add(k);
    }
    tests.push((v) => {
      for (let i = 0; i < v.outcomeCount; i++) if (wanted.has(v.outcomes[i]!)) return true;
      return false;
    });
  }
  if (w.tags) {
    const wanted = new Set(w.tags.map((t) => vocab.tag(t)));
    tests.push((v) => {
      for (let i = 0; i < v.tagCount; i++) if (wanted.has(v.tags[i]!)) return true;
      return false;
    });
  }
  if (w.not) {
    const excluded = viewMatcher(w.not, vocab);
    tests.push((v) => !excluded(v));
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [a, b] = tests as [ViewMatcher, ViewMatcher];
    return (v) => a(v) && b(v);
  }
  return (v) => {
    for (const t of tests) if (!t(v)) return false;
    return true;
  };
}

/** Outcome numbers of a where's phrases, for counting once per occurrence. */
export function outcomeNumbers(w: Where, vocab: Vocabulary): Set<number> {
  const out = new Set<number>();
  for (const o of w.outcomes ?? []) {
    const k = vocab.outcomes.get(o);
    if (k !== undefined) out.add(k);
  }
  return out;
}

/** Type bitmask of a where (all types when it names none): a cheap first filter. */
export function typeMask(w: Where, vocab: Vocabulary): number {
  if (!w.type) return -1;
  let mask = 0;
  for (const t of w.type) mask |= 1 << (vocab.types.get(t) ?? 31);
  return mask;
}

/** The key of a roster filter (its compiled form, keys in a fixed order). */
export const whoKey = (w: Who): string => JSON.stringify(w);

/** Every roster filter a rubric uses, as member masks by key (built once, sent to the scan's threads). */
export function whoMasks(wheres: Iterable<Where>, year: number, members: readonly Member[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const w of wheres) {
    if (!w.who) continue;
    const key = whoKey(w.who);
    if (!out.has(key)) out.set(key, whoMask(w.who, year, members));
  }
  return out;
}
