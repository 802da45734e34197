// Quick checks of the structured YAML files (mj.yaml, orgs.yaml entries, rubrics) for the
// common case where they are plainly valid: each returns the value as the zod schema in
// structured.ts would, or undefined to hand the value to zod, which finds and words every
// problem. They accept nothing the schema refuses (property tests compare them with zod); they
// may refuse what it accepts. Loading zod costs about 30 ms, a tenth of a small dataset's run,
// so it is loaded only when a file needs it.

import { ACTIVITY_TYPES, COMMITTEE_ROLES, LEVELS, ORG_TYPES } from '../model/types.js';
import type { RawConfig, RawOrg, RawRubric } from './structured.js';

export const MEASURES = ['count', 'members', 'coverage', 'sum', 'attendance', 'manual', 'ratio', 'roster', 'rollup', 'absences', 'earlier'] as const;

/** The encoding names mj.yaml's `encoding:` takes (source/decode.ts reads each). */
export const ENCODING_WORDS = ['utf-8', 'utf8', 'gb18030', 'gbk', 'gb2312', 'utf-16', 'utf-16le', 'utf16le', 'utf-16be', 'utf16be'] as const;

/** The keys of mj.yaml's `files:`, one per file kind. */
export const FILE_KEYS = [
  'orgs', 'members', 'activities', 'assessments', 'rubrics', 'transfers', 'reserve', 'liaisons', 'inspections', 'findings', 'leaders', 'reviews',
] as const;

type Obj = Record<string, unknown>;

const SIGNED_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** As structured.ts's share(): a decimal or a fraction, unsigned. */
const SHARE = /^(?:\d+(?:\.\d+)?|\d+\/[1-9]\d*)$/;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isDecimal = (v: unknown): boolean => typeof v === 'string' && SIGNED_DECIMAL.test(v);
const oneOf = (list: readonly string[]) => (v: unknown): boolean => typeof v === 'string' && list.includes(v);

/** Only these keys, and each present key passes its check; `required` keys must be present. */
function shape(v: unknown, checks: Readonly<Record<string, (x: unknown) => boolean>>, required: readonly string[] = []): v is Obj {
  if (!isObj(v)) return false;
  for (const k in v) {
    const check = Object.hasOwn(checks, k) ? checks[k] : undefined;
    if (check === undefined || !check(v[k])) return false;
  }
  for (const k of required) if (!Object.hasOwn(v, k)) return false;
  return true;
}

const optional = (check: (x: unknown) => boolean) => (v: unknown): boolean => v === undefined || check(v);
const listOf = (check: (x: unknown) => boolean, min = 0) => (v: unknown): boolean => Array.isArray(v) && v.length >= min && v.every(check);
const oneOrMany = (check: (x: unknown) => boolean) => (v: unknown): boolean => check(v) || listOf(check)(v);

const isWhere = (v: unknown): boolean =>
  shape(v, {
    type: optional(oneOrMany(oneOf(ACTIVITY_TYPES))),
    outcomes: optional(oneOrMany(isText)),
    level: optional(oneOrMany(oneOf(LEVELS))),
    tags: optional(oneOrMany(isText)),
  });

const isItem = (v: unknown): boolean =>
  shape(
    v,
    {
      id: (x) => typeof x === 'string' && ITEM_ID.test(x),
      name: isText,
      measure: oneOf(MEASURES),
      where: optional(isWhere),
      field: optional((x) => x === 'hours'),
      at_least: optional(isDecimal),
      lead: optional((x) => typeof x === 'boolean'),
      points: optional(isDecimal),
      tiers: optional(listOf((t) => shape(t, { at_least: isDecimal, points: isDecimal }, ['at_least', 'points']), 1)),
      max: optional(isDecimal),
      min: optional(isDecimal),
      note: optional((x) => typeof x === 'string'),
    },
    ['id', 'name', 'measure'],
  );

/** mj.yaml (an absent document reads as {}). */
export function quickConfig(v: unknown): RawConfig | undefined {
  const ok = shape(
    v,
    {
      name: isText,
      locale: optional(oneOf(['zh-CN', 'en'])),
      files: optional((f) => shape(f, Object.fromEntries(FILE_KEYS.map((k) => [k, optional((x) => typeof x === 'string')])))),
      training: optional((t) =>
        shape(t, { new_member_tags: optional(listOf(isText, 1)), require_new_member_course: optional((x) => typeof x === 'boolean') })),
      outcomes: optional(listOf(isText)),
      encoding: optional((e) => isObj(e) && Object.keys(e).every((k) => k.length > 0) && Object.values(e).every(oneOf(ENCODING_WORDS))),
      sheets: optional((e) => isObj(e) && Object.keys(e).every((k) => k.length > 0) && Object.values(e).every(isText)),
      limits: optional((l) =>
        shape(l, {
          max_file_mb: optional((x) => typeof x === 'string' && /^\d+(\.\d+)?$/.test(x)),
          max_record_chars: optional((x) => typeof x === 'string' && /^\d+$/.test(x)),
        })),
    },
    ['name'],
  );
  return ok ? (v as RawConfig) : undefined;
}

/** One entry of orgs.yaml. */
export function quickOrg(v: unknown): RawOrg | undefined {
  const ok = shape(
    v,
    {
      id: isText,
      name: isText,
      type: oneOf(ORG_TYPES),
      parent: optional(isText),
      established: optional(isText),
      dissolved: optional(isText),
      committee: optional(listOf((c) => shape(c, { member: isText, role: oneOf(COMMITTEE_ROLES) }, ['member', 'role']))),
      liaison: optional(isText),
    },
    ['id', 'name', 'type'],
  );
  return ok ? (v as RawOrg) : undefined;
}

/** rubrics/YEAR.yaml. */
export function quickRubric(v: unknown): RawRubric | undefined {
  const ok = shape(
    v,
    {
      title: isText,
      total: isDecimal,
      grades: listOf((g) => shape(g, { name: isText, min: isDecimal, quota: optional((v) => typeof v === 'string' && SHARE.test(v)) }, ['name', 'min']), 1),
      sections: listOf((s) => shape(s, { name: isText, max: optional(isDecimal), bonus: optional((x) => typeof x === 'boolean'), items: listOf(isItem, 1) }, ['name', 'items']), 1),
      member_items: optional(listOf(isItem)),
      vetoes: optional(listOf((x) =>
        shape(x, {
          when: (w) => w === 'three_ones_incomplete' || shape(w, { item: (i) => typeof i === 'string', below: isDecimal }, ['item', 'below']),
          max_grade: isText,
        }, ['when', 'max_grade']))),
      three_ones: optional((t) => shape(t, { proposal: optional(isWhere), service: optional(isWhere), member_info: optional(isWhere) })),
      subsidy: optional((x) =>
        shape(x, {
          base: isDecimal,
          per_member: isDecimal,
          grade_factor: (g) => isObj(g) && Object.values(g).every(isDecimal),
          cap: optional(isDecimal),
          budget: optional(isDecimal),
        }, ['base', 'per_member', 'grade_factor'])),
    },
    ['title', 'total', 'grades', 'sections'],
  );
  return ok ? (v as RawRubric) : undefined;
}
