// Several years in one score (measure: earlier): an item measured by the subject's points in an
// earlier year, scored by that year's own rubric — its total (上年度总分 × 10%) or one item's
// points. Hand-computed on a small sheet (exact), then on the province example against its own
// 2018 scores; a year without a rubric is a warning and measures 0 (MJ418); a sheet or item the
// earlier rubric lacks is an error (MJ419), in mj score and in mj validate.

import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { earlierOf, type EarlierYear } from '../src/compute/earlier.js';
import { ScoreCounts } from '../src/compute/score-counts.js';
import { makeScope } from '../src/compute/scope.js';
import { scoreBranches, type SheetScore } from '../src/compute/scores.js';
import { Rational } from '../src/util/decimal-text.js';
import { feed, member, org, ROOT as PROVINCE, rubric, VOCAB } from './helpers/builders.js';
import { mj } from './helpers/cli.js';
import { scratchDirs } from './helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const scratch = scratchDirs('mj-earlier-');

const SHEET = rubric(`title: t
total: 100
grades: [{ name: 优秀, min: 90 }, { name: 合格, min: 0 }]
sections:
  - name: 本年
    weight: 0.5
    items:
      - { id: panel, name: 考评, measure: manual, max: 100 }
  - name: 上年
    items:
      - { id: last, name: 上年度总分的一半, measure: earlier, points: 0.5 }
      - { id: last-panel, name: 上年度考评分, measure: earlier, earlier: { of: panel }, points: 0.2, max: 10 }
      - { id: two-back, name: 前年总分, measure: earlier, earlier: { years_back: 2 }, points: 0.1 }
`);

/** A branch's results of an earlier year: its total, and the points of one item. */
function past(total: string, panel: string): SheetScore {
  return { total: Rational.parse(total), sections: [{ items: [{ item: { id: 'panel' }, points: Rational.parse(panel) }] }] } as unknown as SheetScore;
}

describe('measure: earlier, by hand', () => {
  it('takes the total or an item of that year, × points, capped; a subject that year lacked measures 0', () => {
    const a = org('a');
    const b = org('b');
    const all = [PROVINCE, a, b];
    const members = [member('1', 'a'), member('2', 'b')];
    const scope = makeScope(all, members, 2019);
    const counts = new ScoreCounts(scope, SHEET, VOCAB());
    feed((v) => counts.visit(v), [], all, members, VOCAB());
    const years = new Map<number, EarlierYear | undefined>([
      [2018, { sheet: (s) => (s === '' ? new Map([['a', past('87.35', '66.5')]]) : undefined) }],
      [2017, undefined],
    ]);
    const assessments = [{ org: 'a', item: 'panel', points: '80' }, { org: 'b', item: 'panel', points: '60' }] as never[];
    const [sa, sb] = scoreBranches(scope, SHEET, counts, assessments, earlierOf(2019, '', years));
    const items = (s: SheetScore) => Object.fromEntries(s.sections.flatMap((x) => x.items).map((i) => [i.item.id, [i.value.toFixed(4), i.points.toFixed(4)]]));
    // a: 87.35 × 0.5 = 43.675; 66.5 × 0.2 = 13.3, held at 10; 2017 has no results: 0.
    expect(items(sa!)).toEqual({ panel: ['80.0000', '80.0000'], last: ['87.3500', '43.6750'], 'last-panel': ['66.5000', '10.0000'], 'two-back': ['0.0000', '0.0000'] });
    // 80 × 0.5 + 43.675 + 10 = 93.675, exactly.
    expect(sa!.total.toFixed(4)).toBe('93.6750');
    // b was not scored in 2018: its earlier items measure 0; 60 × 0.5 = 30.
    expect(items(sb!)['last']).toEqual(['0.0000', '0.0000']);
    expect(sb!.total.toFixed(4)).toBe('30.0000');
  });
});

const SECTION = `  - name: 往年成绩
    bonus: true
    items:
      - id: last-meetings
        name: 上年度组织生活得分
        measure: earlier
        earlier: { of: meetings }
        points: 1
      - id: last-total
        name: 上年度总分的 10%
        measure: earlier
        points: 0.1
        max: 10

`;

function province(section = SECTION): string {
  const d = join(scratch(), 'g');
  cpSync(join(ROOT, 'data-examples', 'guizhou'), d, { recursive: true });
  const file = join(d, 'rubrics', '2019.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('\nvetoes:', `\n${section}vetoes:`));
  return d;
}

type Row = Record<string, number | string | null>;
async function rows(d: string, year: number): Promise<Map<string, Row>> {
  const r = await mj(['score', String(year), '--format', 'json'], { cwd: d });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout) as { rows: Row[] };
  return new Map(doc.rows.filter((x) => x['kind'] === 'data').map((x) => [String(x['id']), x]));
}

describe('measure: earlier on the province example', () => {
  it('gives each branch its own 2018 figures, as mj score 2018 shows them', async () => {
    const d = province();
    const before = await rows(join(ROOT, 'data-examples', 'guizhou'), 2019);
    const y2018 = await rows(d, 2018);
    const after = await rows(d, 2019);
    expect(after.size).toBe(before.size);
    for (const [id, row] of after) {
      const then = y2018.get(id);
      const meetings = then === undefined ? 0 : Number(then['item:meetings']);
      const total = then === undefined ? 0 : Number(then['total']);
      expect(row['item:last-meetings'], id).toBe(meetings);
      // The JSON rounds to cents: 10% of a rounded total is within half a cent of 10% of the exact one.
      expect(Math.abs(Number(row['item:last-total']) - Math.min(10, total / 10)), id).toBeLessThanOrEqual(0.006);
      const added = Number(row['total']) - Number(before.get(id)!['total']);
      expect(Math.abs(added - meetings - Number(row['item:last-total'])), id).toBeLessThanOrEqual(0.011);
    }
  });

  it('explains where the figure came from: the year, the item, the exact value', async () => {
    const d = province();
    const r = await mj(['score', '2019', '--explain', 'gz-uni1'], { cwd: d });
    expect(r.stdout).toContain('  上年度组织生活得分 [last-meetings]：8.00\n    上年度（2018 年）“meetings”得分 8 × 1 = 8.00\n');
    expect(r.stdout).toContain('  上年度总分的 10% [last-total]：7.80\n    上年度（2018 年）总分 78.0294 × 0.1 = 7.80\n');
  });

  it('warns when the earlier year has no rubric (MJ418), and the item counts 0', async () => {
    const d = province();
    rmSync(join(d, 'rubrics', '2018.yaml'));
    rmSync(join(d, 'assessments', '2018.csv'));
    const v = await mj(['validate', '--no-color'], { cwd: d });
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('rubrics/2019.yaml:');
    expect(v.stdout).toContain('警告 MJ418 评分项“last-meetings”用 2018 年的得分，但没有 2018 年的评分表，该项按 0 计');
    const after = await rows(d, 2019);
    expect([...after.values()].every((x) => x['item:last-meetings'] === 0 && x['item:last-total'] === 0)).toBe(true);
  });

  it('refuses an item or sheet the earlier rubric lacks (MJ419), at the of', async () => {
    const d = province(SECTION.replace('earlier: { of: meetings }', 'earlier: { of: no-such-item }'));
    for (const command of [['validate', '--no-color'], ['score', '2019', '--no-color']]) {
      const r = await mj(command, { cwd: d });
      expect(r.code, command.join(' ')).toBe(1);
      // validate prints the problems on stdout; a command that stops on them, on stderr.
      expect(r.stdout + r.stderr).toMatch(/rubrics\/2019\.yaml:\d+:\d+: 错误 MJ419 评分项“last-meetings”用 2018 年评分表中的“no-such-item”，但那一年的评分表中没有它/);
    }
  });
});
