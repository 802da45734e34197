// A year's headline figures, as the HTML report's index and its trends across years show them:
// branches, members at year end, new members, 社情民意 submitted and adopted, "三个一"
// completion. The same counts as the 支部履职情况统计表's 合计 row (branchFacts), so the two agree.

import type { YearScope } from './scope.js';
import type { StatsCounts } from './stats.js';
import { branchFacts } from './year-facts.js';

export interface YearSummary {
  readonly year: number;
  /** Branches of the year. */
  readonly branches: number;
  /** Active members of the year's branches on the scope's day. */
  readonly active: number;
  readonly newMembers: number;
  /** The branches' own 社情民意 records, and those adopted. */
  readonly sqmy: number;
  readonly adopted: number;
  /** Branches that completed "三个一". */
  readonly threeOnesDone: number;
}

const sum = (a: ArrayLike<number>): number => {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += a[i]!;
  return n;
};

export function yearSummary(scope: YearScope, counts: StatsCounts): YearSummary {
  const facts = branchFacts(scope, counts);
  return {
    year: scope.year,
    branches: scope.branches.length,
    active: sum(facts.active),
    newMembers: sum(facts.newMembers),
    sqmy: sum(counts.sqmy),
    adopted: sum(counts.sqmyAdopted),
    threeOnesDone: sum(facts.done),
  };
}
