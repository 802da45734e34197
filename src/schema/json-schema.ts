// JSON Schemas of every file kind, from the same zod schemas and field table the loader uses,
// so an editor's YAML plugin (yaml-language-server) completes and checks what mj will accept:
// as strict as `mj validate` where a schema can say it (date forms, id forms, number ranges),
// and valid under Ajv's strict mode (a value YAML may read as number or text is an `anyOf`).

import { z } from 'zod';
import { CONFIG_SCHEMA, ORGS_SCHEMA, RUBRIC_SCHEMA, type NumberRange, type TextForm } from './structured.js';
import { RECORD_FIELDS, type FieldSpec, type RecordKind } from './fields.js';

type Json = Record<string, unknown>;

const DATE_FORMS = String.raw`\d{4}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s+0{1,2}:00(?::00)?)?`;
const MONTH_FORMS = String.raw`\d{4}(?:-\d{2}|/\d{1,2}|\.\d{2}|年\d{1,2}月)`;

/** The forms of text values: what util/dates.ts and the id checks of load/ accept. */
const TEXT_FORMS: Record<TextForm, { text: Json; number?: Json }> = {
  // The calendar (2019-02-30) is for validate; the forms are checked here.
  'date': { text: { pattern: `^${DATE_FORMS}$` } },
  'month': { text: { pattern: `^(?:${MONTH_FORMS}|${DATE_FORMS})$` } },
  'org-id': { text: { pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' }, number: { type: 'integer', minimum: 0 } },
  // Any text but Excel's scientific notation (MJ205); YAML may read 0012 as a number.
  'id': { text: { minLength: 1, pattern: String.raw`^(?![+-]?\d+(?:\.\d+)?[eE][+-]?\d+$)` }, number: { type: 'number' } },
};

/** A number's range, as a JSON number and as the decimal text mj reads it from. */
const NUMBER_RANGES: Record<NumberRange, { number: Json; text: string }> = {
  'any': { number: { type: 'number' }, text: String.raw`^[+-]?\d+(?:\.\d+)?$` },
  'unsigned': { number: { type: 'number', minimum: 0 }, text: String.raw`^\d+(?:\.\d+)?$` },
  'whole': { number: { type: 'integer', minimum: 0 }, text: String.raw`^\d+$` },
  'non-negative': { number: { type: 'number', minimum: 0 }, text: String.raw`^(?:\+?\d+(?:\.\d+)?|-0+(?:\.0+)?)$` },
  'positive': { number: { type: 'number', exclusiveMinimum: 0 }, text: String.raw`^\+?(?=[\d.]*[1-9])\d+(?:\.\d+)?$` },
  'fraction': { number: { type: 'number', minimum: 0, maximum: 1 }, text: String.raw`^(?:\+?0*(?:0(?:\.\d+)?|1(?:\.0+)?)|-0+(?:\.0+)?)$` },
};

const RECORD_TEXT: Partial<Record<FieldSpec['kind'], TextForm>> = { 'date': 'date', 'month': 'month', 'id': 'id', 'org-id': 'org-id' };

function fieldSchema(f: FieldSpec): z.ZodType {
  const text = z.string();
  const list = (item: z.ZodType) => z.union([z.string(), z.array(item)]);
  let s: z.ZodType;
  switch (f.kind) {
    case 'enum':
      s = z.enum(f.values as [string, ...string[]]);
      break;
    case 'list-enum':
      s = list(z.enum(f.values as [string, ...string[]]));
      break;
    case 'list-id':
    case 'list-text':
    case 'outcomes':
      s = list(text);
      break;
    case 'decimal':
      s = z.string().meta({ mjNumber: 'unsigned' });
      break;
    case 'signed-decimal':
      s = z.string().meta({ mjNumber: 'any' });
      break;
    case 'count':
      s = z.string().meta({ mjNumber: 'whole' });
      break;
    case 'date':
    case 'month':
    case 'id':
    case 'org-id':
      s = z.string().meta({ mjTextish: RECORD_TEXT[f.kind] });
      break;
    default:
      s = text;
  }
  return s.describe(`${f.label}（${f.labelEn}）`);
}

function recordSchema(kind: RecordKind): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const f of RECORD_FIELDS[kind]) {
    // An assessment's points (or 自评) are a number, or one of its manual item's values (优秀, 健全):
    // which words an item takes is the rubric's, beyond what a schema of the file can say.
    const one = kind === 'assessments' && (f.key === 'points' || f.key === 'self')
      ? z.string().meta({ mjPoints: true }).describe(`${f.label}（${f.labelEn}）`)
      : fieldSchema(f);
    shape[f.key] = f.required ? one : one.optional();
  }
  return z.array(z.strictObject(shape));
}

/** Replaces a node's keywords with `anyOf`, keeping its description. */
function becomeAnyOf(js: Json, anyOf: Json[]): void {
  const description = js['description'];
  for (const k of Object.keys(js)) delete js[k];
  js['anyOf'] = anyOf;
  if (description !== undefined) js['description'] = description;
}

function toJson(schema: z.ZodType, title: string): unknown {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    override: (ctx) => {
      const meta = z.globalRegistry.get(ctx.zodSchema) as { mjNumber?: NumberRange; mjTextish?: TextForm; mjShare?: boolean; mjPoints?: boolean } | undefined;
      const js = ctx.jsonSchema as Json;
      if (meta?.mjNumber) {
        const range = NUMBER_RANGES[meta.mjNumber];
        becomeAnyOf(js, [range.number, { type: 'string', pattern: range.text }]);
      } else if (meta?.mjShare) {
        // A decimal from 0 to 1 (YAML reads 0.3 as a number), or a fraction written as text (1/3).
        const range = NUMBER_RANGES['fraction'];
        becomeAnyOf(js, [range.number, { type: 'string', pattern: `${range.text}|^\\d+/[1-9]\\d*$` }]);
      } else if (meta?.mjPoints) {
        becomeAnyOf(js, [NUMBER_RANGES['any'].number, { type: 'string', minLength: 1 }]);
      } else if (meta?.mjTextish) {
        const form = TEXT_FORMS[meta.mjTextish];
        becomeAnyOf(js, [{ type: 'string', ...form.text }, ...(form.number ? [form.number] : [])]);
      }
      delete js['mjNumber'];
      delete js['mjTextish'];
      delete js['mjShare'];
      delete js['mjPoints'];
    },
  }) as Json;
  return { ...json, title };
}

/** File name → JSON Schema, in a fixed order. */
export function jsonSchemas(): [string, unknown][] {
  return [
    ['mj.schema.json', toJson(CONFIG_SCHEMA, 'mj.yaml')],
    ['orgs.schema.json', toJson(ORGS_SCHEMA, 'orgs.yaml')],
    ['members.schema.json', toJson(recordSchema('members'), 'members.yaml')],
    ['activities.schema.json', toJson(recordSchema('activities'), 'activities/YEAR.yaml')],
    ['assessments.schema.json', toJson(recordSchema('assessments'), 'assessments/YEAR.yaml')],
    ['rubric.schema.json', toJson(RUBRIC_SCHEMA, 'rubrics/YEAR.yaml')],
    ['transfers.schema.json', toJson(recordSchema('transfers'), 'transfers.yaml')],
    ['reserve.schema.json', toJson(recordSchema('reserve'), 'reserve.yaml')],
    ['liaisons.schema.json', toJson(recordSchema('liaisons'), 'liaisons.yaml')],
    ['inspections.schema.json', toJson(recordSchema('inspections'), 'inspections.yaml')],
    ['findings.schema.json', toJson(recordSchema('findings'), 'findings.yaml')],
    ['leaders.schema.json', toJson(recordSchema('leaders'), 'leaders.yaml')],
    ['reviews.schema.json', toJson(recordSchema('reviews'), 'reviews/YEAR.yaml')],
  ];
}
