// JSON Schemas of every file kind, from the same zod schemas and field table the loader uses,
// so an editor's YAML plugin (yaml-language-server) completes and checks what mj will accept.

import { z } from 'zod';
import { CONFIG_SCHEMA, ORGS_SCHEMA, RUBRIC_SCHEMA } from './structured.js';
import { RECORD_FIELDS, type FieldSpec, type RecordKind } from './fields.js';

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
    case 'signed-decimal':
    case 'count':
      s = z.string().meta({ mjNumber: true });
      break;
    case 'date':
    case 'month':
    case 'id':
    case 'org-id':
      s = z.string().meta({ mjTextish: true });
      break;
    default:
      s = text;
  }
  return s.describe(`${f.label}（${f.labelEn}）`);
}

function recordSchema(kind: RecordKind): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const f of RECORD_FIELDS[kind]) shape[f.key] = f.required ? fieldSchema(f) : fieldSchema(f).optional();
  return z.array(z.strictObject(shape));
}

function toJson(schema: z.ZodType, title: string): unknown {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    override: (ctx) => {
      const meta = z.globalRegistry.get(ctx.zodSchema) as { mjNumber?: boolean; mjTextish?: boolean } | undefined;
      const js = ctx.jsonSchema as Record<string, unknown>;
      if (meta?.mjNumber) {
        const description = js['description'];
        for (const k of Object.keys(js)) delete js[k];
        js['type'] = 'number';
        if (description !== undefined) js['description'] = description;
      } else if (meta?.mjTextish) {
        delete js['minLength'];
        js['type'] = ['string', 'number'];
      }
      delete js['mjNumber'];
      delete js['mjTextish'];
    },
  }) as Record<string, unknown>;
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
