// `mj score --explain` (compute/explain.ts): for one branch, the records behind each item in date
// order, who counted for member measures, the panel's line for manual items, and "三个一".

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainBranch } from '../src/compute/explain.js';
import { ScoreCounts } from '../src/compute/score-counts.js';
import { makeScope } from '../src/compute/scope.js';
import { scoreBranches } from '../src/compute/scores.js';
import { act, assessment, feed, member, org, ROOT, rubric, VOCAB } from './helpers/builders.js';

const ORGS = [ROOT, org('a'), org('b')];
const MEMBERS = [member('a1', 'a'), member('a2', 'a'), member('a3', 'a', { status: '退会', left: 20190301 }), member('b1', 'b')];
const R = rubric(`title: 说明测试
total: 100
grades:
  - { name: 合格, min: 0 }
sections:
  - name: 全部
    items:
      - { id: n, name: 社情民意, measure: count, where: { type: 社情民意 }, points: 1 }
      - { id: h, name: 培训学时, measure: sum, field: hours, where: { type: 培训 }, points: 1 }
      - { id: att, name: 参加率, measure: attendance, where: { type: 组织生活 }, points: 10 }
      - { id: cov, name: 覆盖率, measure: coverage, where: { type: 社情民意 }, at_least: 2, points: 10 }
      - { id: panel, name: 考评, measure: manual, max: 10 }
`);

const records = [
  act('社情民意', 'a', ['a1'], { id: 'S3', date: 20190305 }),
  act('社情民意', 'a', ['a1', 'a3'], { id: 'S2', date: 20190101 }),
  act('社情民意', 'b', ['a1'], { id: 'S9', date: 20190102 }), // credited to b: a1 still counts for coverage
  act('社情民意', 'a', ['a2'], { id: 'S1', date: 20190305 }),
  act('培训', 'a', ['a1'], { id: 'T1', date: 20190401, hours: '2.5' }),
  act('组织生活', 'a', ['a1', 'a2', 'a3', 'b1', 'a1'], { id: 'M1', date: 20190501 }),
  act('提案', 'a', ['a2'], { id: 'P2', date: 20190601 }),
  act('建议', 'a', ['a1'], { id: 'P1', date: 20190601 }),
  act('社会服务', 'b', ['b1'], { id: 'V1', date: 20190701 }),
];
const assessments = [assessment('b', 'panel', '9'), assessment('a', 'n', '3'), assessment('a', 'panel', '7.5')];

function explain(branch: string) {
  const scope = makeScope(ORGS, MEMBERS, 2019);
  const vocab = VOCAB();
  const counts = new ScoreCounts(scope, R, vocab);
  feed((v) => counts.visit(v), records, ORGS, MEMBERS, vocab);
  const scores = scoreBranches(scope, R, counts, assessments);
  return explainBranch(scope, R, scores, branch, records, assessments);
}

describe('explainBranch', () => {
  const e = explain('a');
  const item = (id: string) => [...e.items.values()].find((x) => x.item.id === id)!;

  it('lists the branch\'s own matching records, by date and then id', () => {
    expect(item('n').records.map((r) => r.id)).toEqual(['S2', 'S1', 'S3']);
    expect(item('h').records.map((r) => [r.id, r.hours])).toEqual([['T1', '2.5']]);
    expect(item('n').records[0]).toMatchObject({ date: 20190101, file: 'test', line: 1 });
  });

  it('counts each active member of the branch once at a meeting', () => {
    expect(item('att').records.map((r) => [r.id, r.present])).toEqual([['M1', 2]]);
    expect(item('n').records[0]!.present).toBeUndefined();
  });

  it('sorts active members into those who reached at_least and those who did not, with their counts', () => {
    expect(item('cov').qualified).toEqual([{ id: 'a1', name: '会员a1', count: 3 }]);
    expect(item('cov').notQualified).toEqual([{ id: 'a2', name: '会员a2', count: 1 }]);
    expect(item('n').qualified).toEqual([]);
  });

  it('shows the panel\'s line for manual items only, the branch\'s own', () => {
    expect(item('panel').assessment?.points).toBe('7.5');
    expect(item('n').assessment).toBeUndefined();
    expect(explain('b').items.get(item('panel').item)?.assessment?.points).toBe('9');
  });

  it('gives "三个一": the proposal and service records in date order, and who has not reported', () => {
    expect(e.threeOnes.proposalRecords.map((r) => r.id)).toEqual(['P1', 'P2']);
    expect(e.threeOnes.serviceRecords).toEqual([]);
    expect(e.threeOnes.missing).toEqual([]);
    expect(e.active).toBe(2);
    const b = explain('b');
    expect(b.threeOnes.serviceRecords.map((r) => r.id)).toEqual(['V1']);
    expect(b.threeOnes.missing).toEqual([{ id: 'b1', name: '会员b1', count: 0 }]);
    expect(b.branchCount).toBe(2);
  });
});

describe('explanations of every branch (the HTML report)', () => {
  it('are, branch by branch, the document --explain gives (tiny and guizhou)', async () => {
    const { openBase } = await import('../src/pipeline/base.js');
    const { reportYear, scoreYear } = await import('../src/pipeline/year.js');
    const { explainDocument } = await import('../src/tables/explain-doc.js');
    for (const example of ['tiny', 'guizhou']) {
      const base = await openBase(join(import.meta.dirname, '..', 'data-examples', example), undefined, {});
      if (!base.ok) throw new Error(example);
      const all = await reportYear(base.value, 2019, { explainAll: true });
      if (!all.ok || !all.value.explained) throw new Error(example);
      expect(all.value.explained.omitted).toBeUndefined();
      const ids = all.value.scores.map((s) => s.branch.id);
      // Every branch of tiny; a spread of guizhou's (each --explain is a scan of its own).
      const sample = example === 'tiny' ? ids : ids.filter((_, i) => i % 37 === 0);
      for (const id of sample) {
        const one = await scoreYear(base.value, 2019, { explain: id });
        if (!one.ok || !one.value.explanation) throw new Error(id);
        const o = { lang: 'zh' as const, mask: false };
        expect(explainDocument(all.value.explained.explain(id)!, o)).toEqual(explainDocument(one.value.explanation, o));
      }
    }
  });

  it('leave the records out above the size limit, saying how large the file was', async () => {
    const { openBase } = await import('../src/pipeline/base.js');
    const { reportYear } = await import('../src/pipeline/year.js');
    const base = await openBase(join(import.meta.dirname, '..', 'data-examples', 'tiny'), undefined, {});
    if (!base.ok) throw new Error('tiny');
    const y = await reportYear(base.value, 2019, { explainAll: true, explainMaxBytes: 100 });
    if (!y.ok || !y.value.explained) throw new Error('tiny');
    expect(y.value.explained.omitted).toEqual({ bytes: expect.any(Number), limit: 100 });
    expect(y.value.explained.omitted!.bytes).toBeGreaterThan(100);
    expect(y.value.explained.explain(y.value.scores[0]!.branch.id)).toBeUndefined();
  });
});
