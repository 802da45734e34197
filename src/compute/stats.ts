// The one pass over a year's duty records that the statistics tables need: per branch its own
// records by kind (proposals, 社情民意 submitted and adopted, instructions, service, meetings,
// attendance, training), per member the records that list them. Typed arrays, records dropped
// once counted. Spec §1 "Counting rules" decides every count here.

import type { ThreeOnesRule } from '../model/rubric.js';
import type { RecordView, Vocabulary } from '../model/record-view.js';
import { ACTIVITY_TYPES, LEVELS } from '../model/types.js';
import { DecimalSums, exportCounts, mergeState, type CountState } from './score-counts.js';
import type { Rational } from '../util/decimal-text.js';
import type { Fold } from '../model/fold.js';
import { ListedMembers } from './listed.js';
import { slotOn, type CountScope } from './scope.js';
import { viewMatcher, type ViewMatcher } from './where.js';

const T = Object.fromEntries(ACTIVITY_TYPES.map((t, i) => [t, i])) as Record<(typeof ACTIVITY_TYPES)[number], number>;

/** Adopted: a phrase ending in 采用, or 全国政协转送. */
export function isAdopted(outcomes: readonly string[]): boolean {
  return outcomes.some((o) => o.endsWith('采用') || o === '全国政协转送');
}
export function hasInstruction(outcomes: readonly string[]): boolean {
  return outcomes.some((o) => o.endsWith('批示'));
}

export class StatsCounts implements Fold {
  // Per branch: its own records.
  readonly proposals: Int32Array;
  readonly suggestions: Int32Array;
  readonly filed: Int32Array;
  readonly sqmy: Int32Array;
  readonly sqmyAdopted: Int32Array;
  /**
   * Branches' 社情民意 records by 报送层级, over all branches: one slot per LEVELS entry, the last
   * for records without a level (their sum is the 合计 of 社情民意报送); and those adopted.
   */
  readonly sqmyByLevel: Int32Array;
  readonly sqmyAdoptedByLevel: Int32Array;
  readonly instructions: Int32Array;
  readonly service: Int32Array;
  readonly meetings: Int32Array;
  /** Σ over the branch's 组织生活 records of listed active members of the branch. */
  readonly meetingPresent: Float64Array;
  /** The days of each branch's 组织生活 records, as pairs (branch, day), in reading order. */
  private meetingLog = new Int32Array(1024);
  private meetingLogLength = 0;
  /** The same, grouped by branch and sorted by day, once asked (see meetingsBetween). */
  private meetingIndex: { offsets: Int32Array; days: Int32Array } | undefined;
  /** Σ members listed on the branch's 培训 records. */
  readonly trainees: Int32Array;
  readonly trainingHours: DecimalSums;
  /** "三个一" by the rubric's (or the built-in) definitions. */
  readonly threeProposal: Int32Array;
  readonly threeService: Int32Array;

  // Per slot (a member's period in one branch during the year; most members have one, see
  // Slots): records listing them, whichever org they are credited to.
  readonly mSqmy: Int32Array;
  readonly mSqmyAdopted: Int32Array;
  readonly mLead: Int32Array;
  readonly mCosigned: Int32Array;
  readonly mService: Int32Array;
  readonly mMeetings: Int32Array;
  /** Their own branch's 组织生活 records listing them. */
  readonly mOwnMeetings: Int32Array;
  readonly mTrainingHours: DecimalSums;
  /** Per member (not slot): "三个一" member reports over the whole year. */
  readonly mThreeInfo: Int32Array;
  /** The branch of each slot. */
  private readonly slotBranch: Int32Array;

  private readonly proposalMatch: ViewMatcher;
  private readonly serviceMatch: ViewMatcher;
  private readonly infoMatch: ViewMatcher;
  /** The current record's members, each once. */
  private readonly listedMembers: ListedMembers;
  /** Per outcome number: adopted (采用, 全国政协转送), an instruction (批示), 立案. */
  private readonly adoptedOutcome: Uint8Array;
  private readonly instructionOutcome: Uint8Array;
  private readonly filedOutcome: number;

  constructor(
    readonly scope: CountScope,
    readonly threeOnes: ThreeOnesRule,
    vocab: Vocabulary,
    /** Records dated after this day are ignored (progress --as-of). */
    readonly until: number = scope.lastDay,
  ) {
    const B = scope.branches.length;
    const M = scope.members.length;
    const S = scope.slots?.size ?? M;
    const b = () => new Int32Array(B);
    const m = () => new Int32Array(S);
    this.listedMembers = new ListedMembers(M);
    this.slotBranch = scope.slots?.branch ?? scope.memberBranch;
    this.proposals = b();
    this.suggestions = b();
    this.filed = b();
    this.sqmy = b();
    this.sqmyAdopted = b();
    this.sqmyByLevel = new Int32Array(LEVELS.length + 1);
    this.sqmyAdoptedByLevel = new Int32Array(LEVELS.length + 1);
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
    this.mTrainingHours = new DecimalSums(S);
    this.mThreeInfo = new Int32Array(M);
    this.proposalMatch = viewMatcher(threeOnes.proposal, vocab);
    this.serviceMatch = viewMatcher(threeOnes.service, vocab);
    this.infoMatch = viewMatcher(threeOnes.memberInfo, vocab);
    this.adoptedOutcome = new Uint8Array(vocab.outcomes.size);
    this.instructionOutcome = new Uint8Array(vocab.outcomes.size);
    for (const [o, k] of vocab.outcomes) {
      if (isAdopted([o])) this.adoptedOutcome[k] = 1;
      if (hasInstruction([o])) this.instructionOutcome[k] = 1;
    }
    this.filedOutcome = vocab.outcomes.get('立案') ?? -1;
  }

  /** Every count, for merging the counts of another thread (same scope and rules). */
  state(): CountState {
    return {
      arrays: [
        this.proposals, this.suggestions, this.filed, this.sqmy, this.sqmyAdopted, this.instructions, this.service, this.meetings,
        this.meetingPresent, this.trainees, this.threeProposal, this.threeService, this.mSqmy, this.mSqmyAdopted, this.mLead,
        this.mCosigned, this.mService, this.mMeetings, this.mOwnMeetings, this.mThreeInfo, this.sqmyByLevel, this.sqmyAdoptedByLevel,
      ],
      sums: [this.trainingHours, this.mTrainingHours],
    };
  }

  exportState(): CountState & { meetingLog: Int32Array } {
    return { ...exportCounts(this.state()), meetingLog: this.meetingLog.slice(0, this.meetingLogLength) };
  }

  /** Adds the counts of the same scope and rules over another part of the records. */
  merge(other: unknown): void {
    const o = other as CountState & { meetingLog?: Int32Array };
    mergeState(this.state(), o);
    if (o.meetingLog) for (let i = 0; i < o.meetingLog.length; i += 2) this.logMeeting(o.meetingLog[i]!, o.meetingLog[i + 1]!);
  }

  private logMeeting(b: number, day: number): void {
    if (this.meetingLogLength + 2 > this.meetingLog.length) {
      const bigger = new Int32Array(this.meetingLog.length * 2);
      bigger.set(this.meetingLog);
      this.meetingLog = bigger;
    }
    this.meetingLog[this.meetingLogLength++] = b;
    this.meetingLog[this.meetingLogLength++] = day;
    this.meetingIndex = undefined;
  }

  /** Branch b's 组织生活 records dated from `from` up to, not including, `until`. */
  meetingsBetween(b: number, from: number, until: number): number {
    if (b < 0) return 0;
    const index = (this.meetingIndex ??= this.indexMeetings());
    const days = index.days;
    const lo = index.offsets[b]!, hi = index.offsets[b + 1]!;
    const first = (d: number): number => {
      let a = lo, z = hi;
      while (a < z) {
        const mid = (a + z) >>> 1;
        if (days[mid]! < d) a = mid + 1;
        else z = mid;
      }
      return a;
    };
    return first(until) - first(from);
  }

  private indexMeetings(): { offsets: Int32Array; days: Int32Array } {
    const B = this.meetings.length;
    const offsets = new Int32Array(B + 1);
    for (let i = 0; i < this.meetingLogLength; i += 2) offsets[this.meetingLog[i]! + 1]!++;
    for (let b = 0; b < B; b++) offsets[b + 1]! += offsets[b]!;
    const fill = offsets.slice(0, B);
    const days = new Int32Array(this.meetingLogLength / 2);
    for (let i = 0; i < this.meetingLogLength; i += 2) days[fill[this.meetingLog[i]!]!++] = this.meetingLog[i + 1]!;
    for (let b = 0; b < B; b++) days.subarray(offsets[b]!, offsets[b + 1]!).sort();
    return { offsets, days };
  }

  visit(v: RecordView): void {
    if (v.date > this.until) return;
    const scope = this.scope;
    const b = v.org >= 0 ? scope.branchOfOrg[v.org]! : -1;
    const n = this.listedMembers.read(v);
    const listed = this.listedMembers.members;
    let adopted = false;
    let instruction = false;
    let filed = false;
    for (let i = 0; i < v.outcomeCount; i++) {
      const o = v.outcomes[i]!;
      if (this.adoptedOutcome[o] === 1) adopted = true;
      if (this.instructionOutcome[o] === 1) instruction = true;
      if (o === this.filedOutcome) filed = true;
    }

    if (b >= 0) {
      switch (v.type) {
        case T.提案:
          this.proposals[b]!++;
          break;
        case T.建议:
          this.suggestions[b]!++;
          break;
        case T.社情民意: {
          this.sqmy[b]!++;
          const level = v.level >= 0 && v.level < LEVELS.length ? v.level : LEVELS.length;
          this.sqmyByLevel[level]!++;
          if (adopted) {
            this.sqmyAdopted[b]!++;
            this.sqmyAdoptedByLevel[level]!++;
          }
          break;
        }
        case T.社会服务:
          this.service[b]!++;
          break;
        case T.组织生活: {
          this.meetings[b]!++;
          this.logMeeting(b, v.date);
          let k = 0;
          for (let i = 0; i < n; i++) {
            const m = listed[i]!;
            if (scope.memberBranch[m] === b && scope.active[m] === 1) k++;
          }
          this.meetingPresent[b]! += k;
          break;
        }
        case T.培训:
          this.trainees[b]! += n;
          if (v.hours !== undefined) this.trainingHours.add(b, v.hours);
          break;
      }
      if (filed) this.filed[b]!++;
      if (instruction) this.instructions[b]!++;
      if (this.proposalMatch(v)) this.threeProposal[b]!++;
      if (this.serviceMatch(v)) this.threeService[b]!++;
    }

    const info = this.infoMatch(v);
    const slots = scope.slots;
    for (let k = 0; k < n; k++) {
      const m = listed[k]!;
      if (info) this.mThreeInfo[m]!++;
      // The member's slot on the record's day: the member itself unless they moved during the year.
      const s = slots === undefined || slots.next[m]! < 0 ? m : slotOn(slots, m, v.date);
      switch (v.type) {
        case T.社情民意:
          this.mSqmy[s]!++;
          if (adopted) this.mSqmyAdopted[s]!++;
          break;
        case T.提案:
        case T.建议:
          if (k === 0 && v.members[0] === m) this.mLead[s]!++;
          else this.mCosigned[s]!++;
          break;
        case T.社会服务:
          this.mService[s]!++;
          break;
        case T.组织生活:
          this.mMeetings[s]!++;
          if (b >= 0 && this.slotBranch[s] === b) this.mOwnMeetings[s]!++;
          break;
        case T.培训:
          if (v.hours !== undefined) this.mTrainingHours.add(s, v.hours);
          break;
      }
    }
  }

  /** Member m's training hours over all their slots. */
  hoursOfMember(m: number): Rational {
    const slots = this.scope.slots;
    let h = this.mTrainingHours.get(m);
    if (slots === undefined) return h;
    const M = slots.next.length;
    for (let k = slots.next[m]!; k >= 0 && k < slots.owner.length && slots.owner[k] === m; k++) h = h.add(this.mTrainingHours.get(M + k));
    return h;
  }

  /** The sum over member m's slots of a per-slot count. */
  ofMember(counts: Int32Array, m: number): number {
    const slots = this.scope.slots;
    let n = counts[m]!;
    if (slots === undefined) return n;
    const M = slots.next.length;
    for (let k = slots.next[m]!; k >= 0 && k < slots.owner.length && slots.owner[k] === m; k++) n += counts[M + k]!;
    return n;
  }
}
