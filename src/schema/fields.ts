// The fields of the record files (members, activities, assessments): canonical key, the Chinese
// header a clerk's spreadsheet uses, whether it is required and what kind of value it holds.
// One table drives CSV header matching, value checks and the JSON Schemas for editors.

import {
  ACTIVITY_TYPES, DEGREES, EDUCATIONS, GENDERS, LEVELS, RESERVE, RESERVE_EXITS, RESERVE_KINDS, ROLES, SECTORS, STATUSES, TITLES,
} from '../model/types.js';
import { FINDING_CATEGORIES, LEADER_ROLES, LIAISON_ROLES, MEASURE_STATUSES, REVIEW_KINDS, REVIEW_RESULTS } from '../model/practices.js';

export type FieldKind =
  | 'id' // text id: no spaces, never a number
  | 'org-id' // an org id: ASCII slug
  | 'text'
  | 'date'
  | 'month' // YYYY-MM or a date
  | 'enum'
  | 'decimal' // a number ≥ 0, kept as its decimal text
  | 'signed-decimal'
  | 'count' // a whole number ≥ 0
  | 'list-id' // ;-separated ids
  | 'list-enum'
  | 'list-text'
  | 'outcomes'; // ;-separated phrases from the outcome vocabulary (extensible in mj.yaml)

export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  readonly labelEn: string;
  readonly required: boolean;
  readonly kind: FieldKind;
  readonly values?: readonly string[];
  /** Other headers clerks write for the same column. */
  readonly aliases?: readonly string[];
}

export type RecordKind =
  | 'members' | 'activities' | 'assessments'
  | 'transfers' | 'reserve' | 'liaisons' | 'inspections' | 'findings' | 'leaders' | 'reviews';

const f = (
  key: string, label: string, labelEn: string, required: boolean, kind: FieldKind,
  extra: { values?: readonly string[]; aliases?: readonly string[] } = {},
): FieldSpec => ({ key, label, labelEn, required, kind, ...extra });

export const MEMBER_FIELDS: readonly FieldSpec[] = [
  f('id', '会员编号', 'member id', true, 'id', { aliases: ['编号'] }),
  f('name', '姓名', 'name', true, 'text'),
  f('gender', '性别', 'gender', true, 'enum', { values: GENDERS }),
  f('birth', '出生年月', 'born', false, 'month', { aliases: ['出生日期'] }),
  f('ethnicity', '民族', 'ethnicity', false, 'text'),
  f('joined', '入会时间', 'joined', true, 'date', { aliases: ['入会日期'] }),
  f('org', '所属组织', 'org', true, 'org-id', { aliases: ['所属支部'] }),
  f('title', '职称', 'title', false, 'enum', { values: TITLES }),
  f('education', '学历', 'education', false, 'enum', { values: EDUCATIONS }),
  f('degree', '学位', 'degree', false, 'enum', { values: DEGREES }),
  f('employer', '工作单位', 'employer', false, 'text'),
  f('sector', '界别', 'sector', false, 'enum', { values: SECTORS }),
  f('roles', '政治安排', 'posts', false, 'list-enum', { values: ROLES }),
  f('reserve', '后备干部', 'reserve cadre', false, 'enum', { values: RESERVE }),
  f('status', '会籍状态', 'standing', false, 'enum', { values: STATUSES }),
  f('left', '离会时间', 'left', false, 'date', { aliases: ['离会日期'] }),
];

export const ACTIVITY_FIELDS: readonly FieldSpec[] = [
  f('id', '编号', 'id', true, 'id', { aliases: ['记录编号'] }),
  f('date', '日期', 'date', true, 'date'),
  f('type', '类型', 'type', true, 'enum', { values: ACTIVITY_TYPES }),
  f('org', '组织', 'org', true, 'org-id', { aliases: ['所属组织'] }),
  f('members', '会员', 'members', false, 'list-id', { aliases: ['参与会员'] }),
  f('title', '标题', 'title', true, 'text'),
  f('level', '报送层级', 'level', false, 'enum', { values: LEVELS }),
  f('outcomes', '结果', 'outcomes', false, 'outcomes'),
  f('hours', '学时', 'hours', false, 'decimal'),
  f('tags', '标签', 'tags', false, 'list-text'),
  f('note', '备注', 'note', false, 'text'),
];

export const ASSESSMENT_FIELDS: readonly FieldSpec[] = [
  f('org', '组织', 'org', true, 'org-id', { aliases: ['支部'] }),
  f('item', '项目', 'item', true, 'id'),
  f('points', '考评组审核得分', 'points', false, 'signed-decimal', { aliases: ['得分'] }),
  f('self', '支部自评得分', 'self-assessed', false, 'signed-decimal', { aliases: ['自评得分'] }),
  f('member', '会员编号', 'member', false, 'id', { aliases: ['会员'] }),
  f('note', '备注', 'note', false, 'text'),
];

/** transfers.csv: moves between branches (转接), one a row. */
export const TRANSFER_FIELDS: readonly FieldSpec[] = [
  f('member', '会员编号', 'member id', true, 'id', { aliases: ['会员'] }),
  f('date', '转接日期', 'date', true, 'date', { aliases: ['日期', '转入日期'] }),
  f('from', '转出支部', 'from branch', true, 'org-id', { aliases: ['原支部', '转出组织'] }),
  f('to', '转入支部', 'to branch', true, 'org-id', { aliases: ['新支部', '转入组织'] }),
  f('note', '备注', 'note', false, 'text'),
];

/** reserve.csv: spans in the reserve pool (后备干部、代表人士库), one a row. */
export const RESERVE_FIELDS: readonly FieldSpec[] = [
  f('member', '会员编号', 'member id', true, 'id', { aliases: ['会员'] }),
  f('kind', '类别', 'kind', false, 'enum', { values: RESERVE_KINDS }),
  f('from', '入库时间', 'entered', true, 'date', { aliases: ['入库日期'] }),
  f('until', '出库时间', 'left the pool', false, 'date', { aliases: ['出库日期'] }),
  f('reason', '出库原因', 'reason', false, 'enum', { values: RESERVE_EXITS }),
  f('note', '备注', 'note', false, 'text'),
];

/** liaisons.csv: who keeps contact with which org (领导和机关干部联系基层), from when. */
export const LIAISON_FIELDS: readonly FieldSpec[] = [
  f('org', '联系组织', 'org', true, 'org-id', { aliases: ['组织'] }),
  f('member', '联系人', 'liaison', true, 'id', { aliases: ['会员编号'] }),
  f('role', '身份', 'role', true, 'enum', { values: LIAISON_ROLES }),
  f('from', '开始日期', 'from', true, 'date', { aliases: ['开始时间'] }),
  f('until', '结束日期', 'until', false, 'date', { aliases: ['结束时间'] }),
  f('note', '备注', 'note', false, 'text'),
];

/** inspections.csv: the 政治巡查, one a row. */
export const INSPECTION_FIELDS: readonly FieldSpec[] = [
  f('id', '巡查编号', 'inspection id', true, 'id', { aliases: ['编号'] }),
  f('target', '巡查对象', 'committee inspected', true, 'org-id', { aliases: ['组织'] }),
  f('start', '开始日期', 'start', true, 'date', { aliases: ['开始时间'] }),
  f('end', '结束日期', 'end', false, 'date', { aliases: ['结束时间'] }),
  f('team', '巡查组成员', 'team', false, 'list-id', { aliases: ['巡查组'] }),
  f('talks', '个别谈话人次', 'talks', false, 'count', { aliases: ['谈话人次'] }),
  f('note', '备注', 'note', false, 'text'),
];

/** findings.csv: the findings of the inspections and their 整改 measures, one measure a row. */
export const FINDING_FIELDS: readonly FieldSpec[] = [
  f('inspection', '巡查编号', 'inspection id', true, 'id'),
  f('finding', '问题编号', 'finding id', true, 'id'),
  f('category', '问题类别', 'category', true, 'enum', { values: FINDING_CATEGORIES }),
  f('problem', '问题', 'finding', false, 'text', { aliases: ['发现的问题'] }),
  f('measure', '整改措施', 'measure', false, 'text'),
  f('deadline', '整改期限', 'deadline', true, 'date', { aliases: ['期限'] }),
  f('status', '整改状态', 'status', false, 'enum', { values: MEASURE_STATUSES }),
  f('done', '完成日期', 'done', false, 'date', { aliases: ['完成时间'] }),
  f('note', '备注', 'note', false, 'text'),
];

/** leaders.csv: the 领导班子 of the committees, one seat a row. */
export const LEADER_FIELDS: readonly FieldSpec[] = [
  f('org', '组织', 'committee', true, 'org-id'),
  f('member', '会员编号', 'member id', true, 'id', { aliases: ['会员'] }),
  f('role', '职务', 'post', true, 'enum', { values: LEADER_ROLES }),
  f('from', '任职时间', 'from', true, 'date', { aliases: ['任职日期'] }),
  f('until', '离任时间', 'until', false, 'date', { aliases: ['离任日期'] }),
  f('note', '备注', 'note', false, 'text'),
];

/** reviews/YEAR.csv: the year's 述职述评 and assessments of the leaders. */
export const REVIEW_FIELDS: readonly FieldSpec[] = [
  f('org', '组织', 'committee', true, 'org-id'),
  f('member', '会员编号', 'member id', true, 'id', { aliases: ['会员'] }),
  f('kind', '考评类别', 'kind', false, 'enum', { values: REVIEW_KINDS, aliases: ['类别'] }),
  f('result', '结果', 'result', true, 'enum', { values: REVIEW_RESULTS, aliases: ['考评结果', '等次'] }),
  f('note', '备注', 'note', false, 'text'),
];

export const RECORD_FIELDS: Readonly<Record<RecordKind, readonly FieldSpec[]>> = {
  members: MEMBER_FIELDS,
  activities: ACTIVITY_FIELDS,
  assessments: ASSESSMENT_FIELDS,
  transfers: TRANSFER_FIELDS,
  reserve: RESERVE_FIELDS,
  liaisons: LIAISON_FIELDS,
  inspections: INSPECTION_FIELDS,
  findings: FINDING_FIELDS,
  leaders: LEADER_FIELDS,
  reviews: REVIEW_FIELDS,
};

/** Index of a field by key, for fixed positions in decoded rows. */
export function fieldIndex(kind: RecordKind, key: string): number {
  const i = RECORD_FIELDS[kind].findIndex((s) => s.key === key);
  if (i < 0) throw new Error(`no field ${key} in ${kind}`);
  return i;
}

/** Maps a header (canonical key, Chinese label or alias; ASCII case ignored) to a field index. */
export function headerLookup(kind: RecordKind): (header: string) => number {
  const map = new Map<string, number>();
  RECORD_FIELDS[kind].forEach((s, i) => {
    map.set(s.key.toLowerCase(), i);
    map.set(s.label, i);
    for (const a of s.aliases ?? []) map.set(a, i);
  });
  return (header) => map.get(header.trim().toLowerCase()) ?? -1;
}

/** Every header name a kind accepts, for "did you mean" on unknown columns. */
export function knownHeaders(kind: RecordKind): string[] {
  return RECORD_FIELDS[kind].flatMap((s) => [s.label, s.key]);
}

/** Field positions of duty records, shared by the careful reader and the byte-level reader. */
export const ACTIVITY_FIELD = {
  id: fieldIndex('activities', 'id'), date: fieldIndex('activities', 'date'), type: fieldIndex('activities', 'type'),
  org: fieldIndex('activities', 'org'), members: fieldIndex('activities', 'members'), title: fieldIndex('activities', 'title'),
  level: fieldIndex('activities', 'level'), outcomes: fieldIndex('activities', 'outcomes'), hours: fieldIndex('activities', 'hours'),
  tags: fieldIndex('activities', 'tags'), note: fieldIndex('activities', 'note'),
} as const;

/** Field positions of the roster, shared by the careful reader and the byte-level reader. */
export const MEMBER_FIELD = {
  id: fieldIndex('members', 'id'), name: fieldIndex('members', 'name'), gender: fieldIndex('members', 'gender'),
  birth: fieldIndex('members', 'birth'), ethnicity: fieldIndex('members', 'ethnicity'), joined: fieldIndex('members', 'joined'),
  org: fieldIndex('members', 'org'), title: fieldIndex('members', 'title'), education: fieldIndex('members', 'education'),
  degree: fieldIndex('members', 'degree'), employer: fieldIndex('members', 'employer'), sector: fieldIndex('members', 'sector'),
  roles: fieldIndex('members', 'roles'), reserve: fieldIndex('members', 'reserve'), status: fieldIndex('members', 'status'),
  left: fieldIndex('members', 'left'),
} as const;
