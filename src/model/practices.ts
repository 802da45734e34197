// The organisational practices beside duty records (issue 16): who keeps contact with which org
// (领导联系基层), the 政治巡查 and their 整改, the 领导班子 and their yearly reviews. Readonly
// records normalised by src/load/; dates are Day numbers, open ends are NEVER.

import type { Day, Origin } from './types.js';

export const LIAISON_ROLES = ['领导', '机关干部'] as const;
export type LiaisonRole = (typeof LIAISON_ROLES)[number];

/** A member assigned to keep contact with an org over [from, until). */
export interface Liaison {
  readonly org: string;
  readonly member: string;
  readonly role: LiaisonRole;
  readonly from: Day;
  /** The first day no longer assigned; NEVER while assigned. */
  readonly until: Day;
  readonly origin: Origin;
}

/** One 政治巡查 of a committee's leadership. */
export interface Inspection {
  readonly id: string;
  /** The committee inspected (a 市委会 or 工委, usually). */
  readonly target: string;
  readonly start: Day;
  readonly end: Day | undefined;
  /** The inspection team, member ids; the first is the team leader (组长). */
  readonly team: readonly string[];
  /** People talked to one by one (个别谈话人次). */
  readonly talks: number | undefined;
  readonly note: string | undefined;
  readonly origin: Origin;
}

export const FINDING_CATEGORIES = ['政治建设', '思想建设', '组织建设', '作风建设', '制度建设', '履职能力', '其他'] as const;
export const MEASURE_STATUSES = ['整改中', '已完成'] as const;

/** One 整改 measure of a finding (a finding with several measures has several rows). */
export interface Rectification {
  readonly inspection: string;
  readonly finding: string;
  readonly category: (typeof FINDING_CATEGORIES)[number];
  readonly problem: string | undefined;
  readonly measure: string | undefined;
  readonly deadline: Day;
  /** The day it was done, when done. */
  readonly done: Day | undefined;
  readonly origin: Origin;
}

export const LEADER_ROLES = ['主委', '副主委', '秘书长', '常委', '委员'] as const;
export type LeaderRole = (typeof LEADER_ROLES)[number];

/** A seat in a committee's 领导班子 over [from, until). */
export interface Leader {
  readonly org: string;
  readonly member: string;
  readonly role: LeaderRole;
  readonly from: Day;
  readonly until: Day;
  readonly origin: Origin;
}

export const REVIEW_KINDS = ['述职述评', '平时考核', '年度考核', '任期考核'] as const;
export const REVIEW_RESULTS = ['优秀', '称职', '基本称职', '不称职'] as const;

/** A leader's result in one of the year's reviews. */
export interface Review {
  readonly org: string;
  readonly member: string;
  readonly kind: (typeof REVIEW_KINDS)[number];
  readonly result: (typeof REVIEW_RESULTS)[number];
  readonly note: string | undefined;
  readonly origin: Origin;
}

/** Which 培训 records are a 新会员培训班, and whether each year must hold one (mj.yaml `training:`). */
export interface TrainingRule {
  /** Tags that mark a 新会员培训班 (any of them). */
  readonly newMemberTags: readonly string[];
  /** Warn (MJ701) when a year has no 新会员培训班. */
  readonly requireNewMemberCourse: boolean;
}

export const DEFAULT_TRAINING_RULE: TrainingRule = { newMemberTags: ['新会员培训'], requireNewMemberCourse: false };
