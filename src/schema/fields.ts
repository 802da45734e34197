// The fields of the record files (members, activities, assessments): canonical key, the Chinese
// header a clerk's spreadsheet uses, whether it is required and what kind of value it holds.
// One table drives CSV header matching, value checks and the JSON Schemas for editors.

import {
  ACTIVITY_TYPES, DEGREES, EDUCATIONS, GENDERS, LEVELS, RESERVE, ROLES, SECTORS, STATUSES, TITLES,
} from '../model/types.js';

export type FieldKind =
  | 'id' // text id: no spaces, never a number
  | 'org-id' // an org id: ASCII slug
  | 'text'
  | 'date'
  | 'month' // YYYY-MM or a date
  | 'enum'
  | 'decimal' // a number ≥ 0, kept as its decimal text
  | 'signed-decimal'
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

export type RecordKind = 'members' | 'activities' | 'assessments';

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

export const RECORD_FIELDS: Readonly<Record<RecordKind, readonly FieldSpec[]>> = {
  members: MEMBER_FIELDS,
  activities: ACTIVITY_FIELDS,
  assessments: ASSESSMENT_FIELDS,
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
