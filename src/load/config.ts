// Finding the dataset root (--data, else the nearest folder above with mj.yaml, as git finds
// .git) and reading mj.yaml into settings with the default file patterns filled in.

import { basename, dirname, join, resolve } from 'node:path';
import { DEFAULT_TRAINING_RULE, type TrainingRule } from '../model/practices.js';
import { OUTCOMES } from '../model/types.js';
import { ENCODING_NAMES } from '../source/decode.js';
import { parseYaml, type RawValue } from '../source/yaml.js';
import type { RawConfig } from '../schema/structured.js';
import { quickConfig } from '../schema/quick.js';
import type { LoadContext } from './context.js';
import { exists, readDataFile } from './files.js';
import { withoutControlChars } from './yaml-controls.js';
import { reportYamlProblems } from './yaml-problems.js';
import { readStructured } from './zod-problems.js';

export const CONFIG_FILE = 'mj.yaml';

export interface Config {
  readonly name: string;
  readonly locale: 'zh' | 'en' | undefined;
  /** Candidate paths (or {year} patterns) per kind, first existing wins. */
  readonly files: {
    readonly orgs: readonly string[];
    readonly members: readonly string[];
    readonly activities: readonly string[];
    readonly assessments: readonly string[];
    readonly rubrics: readonly string[];
    readonly transfers: readonly string[];
    readonly reserve: readonly string[];
    readonly liaisons: readonly string[];
    readonly inspections: readonly string[];
    readonly findings: readonly string[];
    readonly leaders: readonly string[];
    readonly reviews: readonly string[];
  };
  /** The outcome vocabulary: built-in phrases plus mj.yaml's `outcomes:`. */
  readonly outcomes: ReadonlySet<string>;
  /** mj.yaml's `training:` (which records are a 新会员培训班; must each year hold one). */
  readonly training: TrainingRule;
  /** Where mj.yaml writes `training:` (a missing 新会员培训班 is reported there). */
  readonly trainingAt: { readonly line: number; readonly column: number } | undefined;
}

/** The yearly kinds: one file a year, {year} in the name. */
export const YEARLY_KINDS: ReadonlySet<keyof Config['files']> = new Set(['activities', 'assessments', 'rubrics', 'reviews']);

export const DEFAULT_FILES: Config['files'] = {
  orgs: ['orgs.yaml', 'orgs.yml'],
  members: ['members.csv', 'members.yaml', 'members.yml', 'members.xlsx'],
  activities: ['activities/{year}.csv', 'activities/{year}.yaml', 'activities/{year}.yml', 'activities/{year}.xlsx'],
  assessments: ['assessments/{year}.csv', 'assessments/{year}.yaml', 'assessments/{year}.yml', 'assessments/{year}.xlsx'],
  rubrics: ['rubrics/{year}.yaml', 'rubrics/{year}.yml'],
  transfers: ['transfers.csv', 'transfers.yaml', 'transfers.yml'],
  reserve: ['reserve.csv', 'reserve.yaml', 'reserve.yml'],
  liaisons: ['liaisons.csv', 'liaisons.yaml', 'liaisons.yml'],
  inspections: ['inspections.csv', 'inspections.yaml', 'inspections.yml'],
  findings: ['findings.csv', 'findings.yaml', 'findings.yml'],
  leaders: ['leaders.csv', 'leaders.yaml', 'leaders.yml'],
  reviews: ['reviews/{year}.csv', 'reviews/{year}.yaml', 'reviews/{year}.yml'],
};

/** The dataset root: `data` if given (it must hold mj.yaml), else the nearest folder above `cwd` that does. */
export async function findRoot(cwd: string, data: string | undefined): Promise<string | undefined> {
  if (data !== undefined) {
    let abs = resolve(cwd, data);
    if (basename(abs) === CONFIG_FILE && (await exists(abs))) abs = dirname(abs); // --data path/to/mj.yaml
    return (await exists(join(abs, CONFIG_FILE))) ? abs : undefined;
  }
  let dir = resolve(cwd);
  for (;;) {
    if (await exists(join(dir, CONFIG_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * The settings of an mj.yaml that failed its schema (its problems are reported), from the keys
 * that pass, so the other files are still read and checked in the same run: a typo in one key
 * does not hide every other problem. Undefined when `files:` itself fails (where the files are
 * is then unknown).
 */
async function configParts(value: RawValue | undefined): Promise<RawConfig | undefined> {
  const { CONFIG_SCHEMA } = await import('../schema/structured.js');
  const v = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const shape = CONFIG_SCHEMA.shape;
  const files = shape.files.safeParse(v['files']);
  if (!files.success) return undefined;
  const part = <T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false } }, x: unknown): T | undefined => {
    const r = schema.safeParse(x);
    return r.success ? r.data : undefined;
  };
  return {
    name: part(shape.name, v['name']) ?? '', locale: part(shape.locale, v['locale']), files: files.data,
    outcomes: part(shape.outcomes, v['outcomes']), limits: part(shape.limits, v['limits']),
  };
}

export async function loadConfig(ctx: LoadContext): Promise<Config | undefined> {
  const text = await readDataFile(ctx, CONFIG_FILE, 'mj.yaml');
  if (text === undefined) return undefined;
  const doc = await parseYaml(text);
  reportYamlProblems(ctx, CONFIG_FILE, doc.problems);
  if (doc.value === undefined && doc.problems.length > 0) return undefined; // else only repeated keys: read on
  const value = withoutControlChars(ctx, CONFIG_FILE, doc, doc.value);
  const raw = (await readStructured(ctx, CONFIG_FILE, doc, value ?? {}, quickConfig, async () => (await import('../schema/structured.js')).CONFIG_SCHEMA))
    ?? (await configParts(value));
  if (raw === undefined) return undefined;
  if (raw.limits?.max_file_mb !== undefined && ctx.options.maxFileBytes === undefined) {
    const mb = Number(raw.limits.max_file_mb);
    ctx.limits.maxFileBytes = mb === 0 ? Number.POSITIVE_INFINITY : mb * 1024 * 1024;
  }
  if (raw.limits?.max_record_chars !== undefined) ctx.limits.maxRecordChars = Number(raw.limits.max_record_chars);
  for (const [file, name] of Object.entries(raw.encoding ?? {})) ctx.declared.encodings.set(file, ENCODING_NAMES[name.toLowerCase()]!);
  for (const [file, sheet] of Object.entries(raw.sheets ?? {})) ctx.declared.sheets.set(file, sheet);
  const pick = (key: keyof Config['files']): readonly string[] => {
    const p = raw.files?.[key];
    if (p === undefined) return DEFAULT_FILES[key];
    // A yearly kind's pattern names one file per year: {year} once, in the file's name.
    const yearly = YEARLY_KINDS.has(key);
    const name = p.slice(p.lastIndexOf('/') + 1);
    const fine = yearly ? p.split('{year}').length === 2 && name.includes('{year}') : !p.includes('{year}');
    if (!fine) {
      ctx.report({ code: 'MJ121', file: CONFIG_FILE, ...doc.locate(['files', key]), field: `files.${key}`, label: key, params: { key, expected: yearly ? '@year-pattern' : '@no-year-pattern' } });
    }
    return [p];
  };
  return {
    name: raw.name,
    locale: raw.locale === undefined ? undefined : raw.locale === 'en' ? 'en' : 'zh',
    files: {
      orgs: pick('orgs'), members: pick('members'), activities: pick('activities'),
      assessments: pick('assessments'), rubrics: pick('rubrics'), transfers: pick('transfers'), reserve: pick('reserve'),
      liaisons: pick('liaisons'), inspections: pick('inspections'), findings: pick('findings'), leaders: pick('leaders'), reviews: pick('reviews'),
    },
    outcomes: new Set([...OUTCOMES, ...(raw.outcomes ?? [])]),
    training: {
      newMemberTags: raw.training?.new_member_tags ?? DEFAULT_TRAINING_RULE.newMemberTags,
      requireNewMemberCourse: raw.training?.require_new_member_course ?? DEFAULT_TRAINING_RULE.requireNewMemberCourse,
    },
    trainingAt: raw.training === undefined ? undefined : doc.locateKey(['training']),
  };
}
