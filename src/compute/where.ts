// Compiles a rubric's `where` into a predicate over activity records: equality or list
// membership per key, every key that is given must match.

import type { Where } from '../model/rubric.js';
import type { Activity } from '../model/types.js';

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
