// A rubric's `where` (spec §3): every key given must match — type and level by equality, outcomes
// and tags by "contains one of". Both predicates (over full records and over interned views) are
// checked against a definition written out here, on hand-picked and on random records.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeWhere, matcher, typeMask, viewMatcher, whoMasks, whoMatcher } from '../src/compute/where.js';
import type { Where, Who } from '../src/model/rubric.js';
import { member } from './helpers/builders.js';
import { emptyView, viewOf, Vocabulary } from '../src/model/record-view.js';
import { ACTIVITY_TYPES, LEVELS, OUTCOMES, type Activity } from '../src/model/types.js';

const TAGS = ['教育', '医疗', '扶贫', '科技'];

function activity(p: Partial<Activity>): Activity {
  return {
    id: '1', date: 20190601, type: '社情民意', org: 'b1', members: [], title: 't', level: undefined, outcomes: [], hours: undefined,
    tags: [], note: undefined, origin: { file: 'a.csv', line: 2, column: 1 }, ...p,
  };
}

/** The rule, written out. */
function expected(w: Where, a: Activity): boolean {
  if (w.type && !w.type.includes(a.type)) return false;
  if (w.level && (a.level === undefined || !w.level.includes(a.level))) return false;
  if (w.outcomes && !a.outcomes.some((o) => w.outcomes!.includes(o))) return false;
  if (w.tags && !a.tags.some((t) => w.tags!.includes(t))) return false;
  return true;
}

const vocab = new Vocabulary(OUTCOMES);
const onView = (w: Where, a: Activity): boolean => viewMatcher(w, vocab)(viewOf(a, emptyView(), vocab, new Map([['b1', 0]]), new Map()));

describe('where', () => {
  const cases: [string, Where, Partial<Activity>, boolean][] = [
    ['no keys: every record', {}, { type: '其他' }, true],
    ['type: one of', { type: ['提案', '建议'] }, { type: '建议' }, true],
    ['type: not listed', { type: ['提案'] }, { type: '建议' }, false],
    ['level: equal', { level: ['省', '国家'] }, { level: '省' }, true],
    ['level: other', { level: ['国家'] }, { level: '省' }, false],
    ['level: none written never matches', { level: ['省'] }, { level: undefined }, false],
    ['outcomes: contains one', { outcomes: ['省委会采用'] }, { outcomes: ['市政协采用', '省委会采用'] }, true],
    ['outcomes: none of them', { outcomes: ['省委会采用'] }, { outcomes: ['市政协采用'] }, false],
    ['outcomes: empty record', { outcomes: ['立案'] }, { outcomes: [] }, false],
    ['tags: contains one', { tags: ['扶贫', '教育'] }, { tags: ['医疗', '教育'] }, true],
    ['tags: none of them', { tags: ['扶贫'] }, { tags: ['医疗'] }, false],
    ['two keys: both hold', { type: ['社情民意'], level: ['国家'] }, { level: '国家' }, true],
    ['two keys: second fails', { type: ['社情民意'], level: ['国家'] }, { level: '省' }, false],
    ['three keys: third fails', { type: ['社情民意'], level: ['国家'], outcomes: ['民进中央采用'] }, { level: '国家', outcomes: ['省委会采用'] }, false],
    ['four keys: all hold', { type: ['社情民意'], level: ['国家'], outcomes: ['民进中央采用'], tags: ['科技'] }, { level: '国家', outcomes: ['民进中央采用'], tags: ['科技'] }, true],
    ['four keys: only the tag fails', { type: ['社情民意'], level: ['国家'], outcomes: ['民进中央采用'], tags: ['科技'] }, { level: '国家', outcomes: ['民进中央采用'], tags: ['医疗'] }, false],
  ];
  it.each(cases)('%s', (_name, w, p, result) => {
    const a = activity(p);
    expect(expected(w, a)).toBe(result);
    expect(matcher(w)(a)).toBe(result);
    expect(onView(w, a)).toBe(result);
  });

  it('agrees with the rule on random clauses and records, over records and views alike', () => {
    const some = <T>(xs: readonly T[]) => fc.option(fc.subarray([...xs], { minLength: 1 }), { nil: undefined });
    const where = fc.record({ type: some(ACTIVITY_TYPES), level: some(LEVELS), outcomes: some(OUTCOMES.slice(0, 6)), tags: some(TAGS) }, { requiredKeys: [] });
    const record = fc.record({
      type: fc.constantFrom(...ACTIVITY_TYPES), level: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }),
      outcomes: fc.subarray(OUTCOMES.slice(0, 6)), tags: fc.subarray(TAGS),
    });
    fc.assert(
      fc.property(where, record, (w0, p) => {
        const w = Object.fromEntries(Object.entries(w0).filter(([, v]) => v !== undefined)) as Where;
        const a = activity(p);
        expect(matcher(w)(a)).toBe(expected(w, a));
        expect(onView(w, a)).toBe(expected(w, a));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('is described in words, in Chinese and in English', () => {
    const w: Where = { type: ['提案', '建议'], level: ['省'], outcomes: ['立案'], tags: ['教育'] };
    expect(describeWhere(w, 'zh')).toBe('类型 = 提案/建议，报送层级 = 省，结果含 立案，标签含 教育');
    expect(describeWhere(w, 'en')).toBe('type = 提案/建议, level = 省, outcomes include 立案, tags include 教育');
    expect(describeWhere({}, 'zh')).toBe('全部记录');
    expect(describeWhere({}, 'en')).toBe('all records');
    expect(describeWhere({ tags: ['医疗'] }, 'zh')).toBe('标签含 医疗');
  });

  it('gives the types a clause can match as a bit mask (all bits without a type)', () => {
    expect(typeMask({}, vocab)).toBe(-1);
    expect(typeMask({ type: ['提案', '社情民意'] }, vocab)).toBe((1 << 0) | (1 << 2));
  });
});

describe('roster filters (whoMatcher, whoMasks)', () => {
  const people = [
    member('f1', 'b1', { gender: '女', title: '正高级', education: '研究生', degree: '博士', sector: '高校', roles: ['省政协委员'], reserve: true, joined: 20190301, birth: 19800101 }),
    member('m1', 'b1', { gender: '男', title: '副高级', education: '大学本科', degree: '学士', sector: '中小学', roles: [], reserve: false, joined: 20100101, birth: 19600101 }),
    member('u1', 'b1', { gender: '男', title: undefined, education: undefined, degree: undefined, sector: undefined, roles: [], reserve: false, joined: 20100101, birth: undefined }),
  ];
  const ids = (w: Who) => people.filter(whoMatcher(w, 2019)).map((m) => m.id);

  it('each key narrows by its own field; a member with the field unknown matches no value', () => {
    expect(ids({ gender: ['女'] })).toEqual(['f1']);
    expect(ids({ title: ['正高级', '副高级'] })).toEqual(['f1', 'm1']);
    expect(ids({ education: ['大学本科'] })).toEqual(['m1']);
    expect(ids({ degree: ['博士'] })).toEqual(['f1']);
    expect(ids({ sector: ['中小学'] })).toEqual(['m1']);
    expect(ids({ roles: ['省政协委员', '市政协委员'] })).toEqual(['f1']);
    expect(ids({ reserve: false })).toEqual(['m1', 'u1']);
    expect(ids({ joinedThisYear: true })).toEqual(['f1']);
    expect(ids({ joinedThisYear: false })).toEqual(['m1', 'u1']);
    expect(ids({ ageBelow: 40 })).toEqual(['f1']); // 39 at the end of 2019; m1 59; u1's age unknown
    expect(ids({ gender: ['男'], title: ['副高级'] })).toEqual(['m1']);
    expect(ids({})).toEqual(['f1', 'm1', 'u1']);
  });

  it('one mask per distinct filter of the rubric, none for a where without who', () => {
    const masks = whoMasks([{ type: ['学习'] }, { who: { gender: ['女'] } }, { type: ['提案'], who: { gender: ['女'] } }, { who: { reserve: false } }] as Where[], 2019, people);
    expect([...masks.entries()].map(([k, v]) => [k, [...v]])).toEqual([['{"gender":["女"]}', [1, 0, 0]], ['{"reserve":false}', [0, 1, 1]]]);
  });
});
