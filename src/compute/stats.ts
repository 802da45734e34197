// The one pass over a year's duty records that the statistics tables need: per branch its own
// records by kind (proposals, 社情民意 submitted and adopted, instructions, service, meetings,
// attendance, training), per member the records that list them. Typed arrays, records dropped
// once counted. Spec §1 "Counting rules" decides every count here.

import type { ThreeOnesRule } from '../model/rubric.js';
import type { Activity } from '../model/types.js';
import { DecimalSums } from './score-counts.js';
import type { YearScope } from './scope.js';
import { matcher, type Matcher } from './where.js';

/** Adopted: a phrase ending in 采用, or 全国政协转送. */
export function isAdopted(outcomes: readonly string[]): boolean {
  return outcomes.some((o) => o.endsWith('采用') || o === '全国政协转送');
}
export function hasInstruction(outcomes: readonly string[]): boolean {
  return outcomes.some((o) => o.endsWith('批示'));
}

export class StatsCounts {
  // Per branch: its own records.
  readonly proposals: Int32Array;
  readonly suggestions: Int32Array;
  readonly filed: Int32Array;
  readonly sqmy: Int32Array;
  readonly sqmyAdopted: Int32Array;
  readonly instructions: Int32Array;
  readonly service: Int32Array;
  readonly meetings: Int32Array;
  /** Σ over the branch's 组织生活 records of listed active members of the branch. */
  readonly meetingPresent: Float64Array;
  /** Σ members listed on the branch's 培训 records. */
  readonly trainees: Int32Array;
  readonly trainingHours: DecimalSums;
  /** "三个一" by the rubric's (or the built-in) definitions. */
  readonly threeProposal: Int32Array;
  readonly threeService: Int32Array;

  // Per member: records listing them, whichever org they are credited to.
  readonly mSqmy: Int32Array;
  readonly mSqmyAdopted: Int32Array;
  readonly mLead: Int32Array;
  readonly mCosigned: Int32Array;
  readonly mService: Int32Array;
  readonly mMeetings: Int32Array;
  /** Their own branch's 组织生活 records listing them. */
  readonly mOwnMeetings: Int32Array;
  readonly mTrainingHours: DecimalSums;
  readonly mThreeInfo: Int32Array;

  private readonly proposalMatch: Matcher;
  private readonly serviceMatch: Matcher;
  private readonly infoMatch: Matcher;
  private readonly listed: number[] = [];

  constructor(
    readonly scope: YearScope,
    threeOnes: ThreeOnesRule,
    /** Records dated after this day are ignored (progress --as-of). */
    readonly until: number = scope.lastDay,
  ) {
    const B = scope.branches.length;
    const M = scope.members.length;
    const b = () => new Int32Array(B);
    const m = () => new Int32Array(M);
    this.proposals = b();
    this.suggestions = b();
    this.filed = b();
    this.sqmy = b();
    this.sqmyAdopted = b();
    this.instructions = b();
    this.service = b();
    this.meetings = b();
    this.meetingPresent = new Float64Array(B);
    this.trainees = b();
    this.trainingHours = new DecimalSums(B);
    this.threeProposal = b();
    this.threeService = b();
    this.mSqmy = m();
    this.mSqmyAdopted = m();
    this.mLead = m();
    this.mCosigned = m();
    this.mService = m();
    this.mMeetings = m();
    this.mOwnMeetings = m();
    this.mTrainingHours = new DecimalSums(M);
    this.mThreeInfo = m();
    this.proposalMatch = matcher(threeOnes.proposal);
    this.serviceMatch = matcher(threeOnes.service);
    this.infoMatch = matcher(threeOnes.memberInfo);
  }

  visit(a: Activity): void {
    if (a.date > this.until) return;
    const scope = this.scope;
    const b = scope.branchIndex.get(a.org) ?? -1;
    const listed = this.listed;
    listed.length = 0;
    for (const id of a.members) {
      const m = scope.memberIndex.get(id);
      if (m !== undefined && !listed.includes(m)) listed.push(m);
    }
    const adopted = a.outcomes.length > 0 && isAdopted(a.outcomes);

    if (b >= 0) {
      switch (a.type) {
        case '提案':
          this.proposals[b]!++;
          break;
        case '建议':
          this.suggestions[b]!++;
          break;
        case '社情民意':
          this.sqmy[b]!++;
          if (adopted) this.sqmyAdopted[b]!++;
          break;
        case '社会服务':
          this.service[b]!++;
          break;
        case '组织生活': {
          this.meetings[b]!++;
          let k = 0;
          for (const m of listed) if (scope.memberBranch[m] === b && scope.active[m] === 1) k++;
          this.meetingPresent[b]! += k;
          break;
        }
        case '培训':
          this.trainees[b]! += listed.length;
          if (a.hours !== undefined) this.trainingHours.add(b, a.hours);
          break;
      }
      if (a.outcomes.includes('立案')) this.filed[b]!++;
      if (a.outcomes.length > 0 && hasInstruction(a.outcomes)) this.instructions[b]!++;
      if (this.proposalMatch(a)) this.threeProposal[b]!++;
      if (this.serviceMatch(a)) this.threeService[b]!++;
    }

    const info = this.infoMatch(a);
    listed.forEach((m, k) => {
      switch (a.type) {
        case '社情民意':
          this.mSqmy[m]!++;
          if (adopted) this.mSqmyAdopted[m]!++;
          break;
        case '提案':
        case '建议':
          if (k === 0 && a.members[0] !== undefined && scope.memberIndex.get(a.members[0]) === m) this.mLead[m]!++;
          else this.mCosigned[m]!++;
          break;
        case '社会服务':
          this.mService[m]!++;
          break;
        case '组织生活':
          this.mMeetings[m]!++;
          if (b >= 0 && scope.memberBranch[m] === b) this.mOwnMeetings[m]!++;
          break;
        case '培训':
          if (a.hours !== undefined) this.mTrainingHours.add(m, a.hours);
          break;
      }
      if (info) this.mThreeInfo[m]!++;
    });
  }
}
