// The years side by side (mj trend FROM..TO): per year the province's members (年初 = the previous
// year's 年末, 发展, 减少, 年末), the 副高以上 share, the branches and their "三个一", 社情民意
// submitted and adopted, 培训人次, and — where the year has its own rubric — the mean score and the
// grades; per branch its members, reports, "三个一", score and grade each year. Each year is
// computed by its own year's rules (rubric, three_ones). Pure.

import { yearEnd, type Member, type Org } from '../model/types.js';
import { Rational } from '../util/decimal-text.js';
import { rosterCounts } from './roster.js';
import type { YearScope } from './scope.js';
import type { BranchScore } from './scores.js';
import type { StatsCounts } from './stats.js';
import { branchFacts } from './year-facts.js';

export interface YearInput {
  readonly year: number;
  readonly scope: YearScope;
  readonly stats: StatsCounts;
  /** Undefined when the year has no rubric. */
  readonly scores: readonly BranchScore[] | undefined;
  /** The year's grade names, best first (its rubric's). */
  readonly grades: readonly string[];
  /** 培训人次 of every training of the year (the trainings table's total), within --org. */
  readonly personTimes: number;
}

export interface TrendYear {
  readonly year: number;
  readonly start: number;
  readonly joined: number;
  /** Moves from and to branches outside the groups counted (with --org; in the whole province they cancel). */
  readonly movedIn: number;
  readonly movedOut: number;
  readonly left: number;
  readonly end: number;
  readonly senior: number;
  readonly branches: number;
  readonly threeOnesDone: number;
  readonly sqmy: number;
  readonly adopted: number;
  readonly trainees: number;
  /** Mean total over the year's branches (exact), when scored. */
  readonly meanScore: Rational | undefined;
  /** Branches per grade, in the rubric's order, when scored. */
  readonly grades: readonly { readonly name: string; readonly count: number }[] | undefined;
}

export interface BranchYear {
  readonly active: number;
  readonly sqmy: number;
  readonly done: boolean;
  readonly total: Rational | undefined;
  readonly grade: string | undefined;
}

export interface BranchTrend {
  readonly branch: Org;
  /** Per year of the range (undefined when not a branch of that year). */
  readonly years: readonly (BranchYear | undefined)[];
}

export interface Trend {
  readonly years: readonly TrendYear[];
  readonly branches: readonly BranchTrend[];
}

export function trendOf(inputs: readonly YearInput[], orgsInTreeOrder: readonly Org[], members: readonly Member[], only: ReadonlySet<string> | undefined): Trend {
  const years: TrendYear[] = [];
  const perBranch = new Map<string, (BranchYear | undefined)[]>();
  inputs.forEach((y, k) => {
    const r = rosterCounts({ orgsInTreeOrder, members, year: y.year, asOf: yearEnd(y.year), only }).total;
    const facts = branchFacts(y.scope, y.stats);
    let branches = 0, done = 0, sqmy = 0, adopted = 0;
    let sum = Rational.ZERO;
    const grades = new Map(y.grades.map((g) => [g, 0]));
    y.scope.branches.forEach((b, i) => {
      if (only && !only.has(b.id)) return;
      branches++;
      done += facts.done[i]!;
      sqmy += y.stats.sqmy[i]!;
      adopted += y.stats.sqmyAdopted[i]!;
      const s = y.scores?.[i];
      if (s) {
        sum = sum.add(s.total);
        grades.set(s.grade, (grades.get(s.grade) ?? 0) + 1);
      }
      let list = perBranch.get(b.id);
      if (!list) perBranch.set(b.id, (list = Array.from({ length: inputs.length }, () => undefined)));
      list[k] = { active: facts.active[i]!, sqmy: y.stats.sqmy[i]!, done: facts.done[i] === 1, total: s?.total, grade: s?.grade };
    });
    const left = Object.values(r.left).reduce((a, b) => a + b, 0);
    years.push({
      year: y.year, start: r.start, joined: r.joined, movedIn: r.transferIn, movedOut: r.transferOut, left, end: r.end, senior: r.full + r.associate, branches, threeOnesDone: done, sqmy, adopted, trainees: y.personTimes,
      meanScore: y.scores && branches > 0 ? sum.div(Rational.int(branches)) : undefined,
      grades: y.scores ? [...grades.entries()].map(([name, count]) => ({ name, count })) : undefined,
    });
  });
  const branches: BranchTrend[] = [];
  for (const o of orgsInTreeOrder) {
    const list = perBranch.get(o.id);
    if (list) branches.push({ branch: o, years: list });
  }
  return { years, branches };
}
