// Every cross-record rule, listed in one place by the kind of thing it checks. Each is a
// function (subject, references) → diagnostics; the readers in load/ decode a record or a file,
// then run the list for its kind, so adding a rule is adding a function to a list here. Ids
// unique within a file (duplicates.ts) are checked by the readers as they go, and the year's
// assessments against its rubric as a whole (assessments.ts: MJ403, MJ408).

import type { DiagnosticInput } from '../diagnostics/diagnostic.js';
import type { IdFilter, Member, Org } from '../model/types.js';
import { activityInYear, activityMembers, activityRepeats, activityOrg, type ActivityCheck } from './activities.js';
import { assessedItem, assessedOnce, assessedOrg, type AssessmentCheck } from './assessments.js';
import { dissolvedBranches, memberOrg, type MemberCheck, type ZeroDamage } from './members.js';
import { orgPeople, orgTree, type OrgTree } from './org-tree.js';
import { NONE } from './place.js';
import { rubricRules, type RubricParts, type RubricRefs } from './rubric.js';
import { memberMoves, memberSpans, reserveColumn, reserveRefs, transferRefs, type HistoryRefs, type MemberMoves, type MemberSpans, type ReserveSubject, type TransferCheck } from './history.js';
import {
  findingRow, inspectionRow, leaderRow, liaisonOverlaps, liaisonRow, reviewRow,
  type FindingRefs, type FindingSubject, type InspectionSubject, type LeaderSubject, type LiaisonSubject, type PracticeRefs, type ReviewRefs, type ReviewSubject,
} from './practices.js';
import type { FieldPlacer } from './place.js';
import type { Liaison } from '../model/practices.js';

/** The base of a dataset once read: the org tree (undefined when unreadable) and the roster. */
export interface DatasetSubject {
  readonly tree: OrgTree | undefined;
  readonly orgById: ReadonlyMap<string, Org>;
  readonly members: readonly Member[];
  readonly memberById: ReadonlyMap<string, Member>;
  /** Member ids that are known but written with errors (or every id, when the roster is unreadable). */
  readonly brokenMembers: IdFilter;
  /** Roster ids whose leading zeros Excel dropped. */
  readonly zeros: ZeroDamage;
}

export type DatasetCheck = (d: DatasetSubject) => readonly DiagnosticInput[];

export const CHECKS = {
  /** Across orgs.yaml and the roster. */
  dataset: [
    (d) => (d.tree ? orgTree(d.tree) : NONE),
    (d) => (d.tree ? orgPeople(d.tree, d.memberById, d.brokenMembers, d.zeros) : NONE),
    (d) => dissolvedBranches(d.members, d.orgById),
  ] as readonly DatasetCheck[],
  /** One roster row against the org tree. */
  member: [memberOrg] as readonly MemberCheck[],
  /** One duty record against its year, the orgs and the roster. */
  activity: [activityInYear, activityOrg, activityMembers, activityRepeats] as readonly ActivityCheck[],
  /** One assessment row against the orgs and the year's rubric. */
  assessment: [assessedOrg, assessedItem, assessedOnce] as readonly AssessmentCheck[],
  /** A rubric's own rules. */
  rubric: [rubricRules] as readonly ((r: RubricParts, refs: RubricRefs) => readonly DiagnosticInput[])[],
  /** One transfers row: the member and branches exist, the move goes somewhere. */
  transfer: [transferRefs] as readonly TransferCheck[],
  /** One member's moves against each other, the roster and the org tree. */
  moves: [memberMoves] as readonly ((h: MemberMoves, orgs: ReadonlyMap<string, Org>) => readonly DiagnosticInput[])[],
  /** One reserve row, one member's spans, and the roster's 后备干部 column against the pool. */
  reserve: [reserveRefs] as readonly ((r: ReserveSubject, place: FieldPlacer, refs: HistoryRefs) => readonly DiagnosticInput[])[],
  spans: [memberSpans] as readonly ((h: MemberSpans) => readonly DiagnosticInput[])[],
  pool: [reserveColumn] as readonly ((members: readonly Member[]) => readonly DiagnosticInput[])[],
  /** The practice files, row by row (and the liaisons across rows). */
  liaison: [liaisonRow] as readonly ((l: LiaisonSubject, place: FieldPlacer, refs: PracticeRefs) => readonly DiagnosticInput[])[],
  liaisons: [liaisonOverlaps] as readonly ((list: readonly { readonly liaison: Liaison; readonly place: FieldPlacer }[]) => readonly DiagnosticInput[])[],
  inspection: [inspectionRow] as readonly ((s: InspectionSubject, place: FieldPlacer, refs: PracticeRefs) => readonly DiagnosticInput[])[],
  finding: [findingRow] as readonly ((f: FindingSubject, line: number, place: FieldPlacer, refs: FindingRefs) => readonly DiagnosticInput[])[],
  leader: [leaderRow] as readonly ((s: LeaderSubject, place: FieldPlacer, refs: PracticeRefs) => readonly DiagnosticInput[])[],
  review: [reviewRow] as readonly ((r: ReviewSubject, place: FieldPlacer, refs: ReviewRefs) => readonly DiagnosticInput[])[],
} as const;
