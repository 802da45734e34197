// Compiles a rubric's `where` into a predicate over activity records: equality or list
// membership per key, every key that is given must match.

import type { Where } from '../model/rubric.js';
import type { Activity } from '../model/types.js';
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
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  return (a) => tests.every((t) => t(a));
}

/** A where clause in words, for notes and explanations: 类型 = 提案/建议，结果含 立案. */
export function describeWhere(w: Where, lang: 'zh' | 'en'): string {
  const parts: string[] = [];
  const zh = lang === 'zh';
  if (w.type) parts.push(`${zh ? '类型' : 'type'} = ${w.type.join('/')}`);
  if (w.level) parts.push(`${zh ? '报送层级' : 'level'} = ${w.level.join('/')}`);
  if (w.outcomes) parts.push(`${zh ? '结果含' : 'outcomes include'} ${w.outcomes.join('/')}`);
  if (w.tags) parts.push(`${zh ? '标签含' : 'tags include'} ${w.tags.join('/')}`);
  return parts.length === 0 ? (zh ? '全部记录' : 'all records') : parts.join(zh ? '，' : ', ');
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

/** Type bitmask of a where (all types when it names none): a cheap first filter. */
export function typeMask(w: Where, vocab: Vocabulary): number {
  if (!w.type) return -1;
  let mask = 0;
  for (const t of w.type) mask |= 1 << (vocab.types.get(t) ?? 31);
  return mask;
}
