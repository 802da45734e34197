// Maps zod issues on a YAML file to diagnostics: each issue path is located in the document
// (or at its nearest existing ancestor when a key is missing), and the issue kind picks the
// code. Custom messages of the form 'MJ207' name the code directly.

import type { z } from 'zod';
import type { Code } from '../diagnostics/codes.js';
import type { RawValue, YamlDoc } from '../source/yaml.js';
import type { LoadContext } from './context.js';

const KNOWN_KEYS = [
  'name', 'locale', 'files', 'orgs', 'members', 'activities', 'assessments', 'rubrics', 'outcomes',
  'id', 'type', 'parent', 'established', 'dissolved', 'committee', 'member', 'role', 'liaison',
  'title', 'total', 'grades', 'min', 'max', 'quota', 'sections', 'bonus', 'items', 'measure', 'where',
  'field', 'at_least', 'lead', 'points', 'tiers', 'note', 'member_items', 'vetoes', 'when', 'item',
  'below', 'max_grade', 'three_ones', 'proposal', 'service', 'member_info', 'subsidy', 'base',
  'per_member', 'grade_factor', 'cap', 'budget', 'level', 'tags', 'limits', 'max_file_mb', 'max_record_chars',
  'transfers', 'reserve', 'liaisons', 'inspections', 'findings', 'leaders', 'reviews', 'training', 'new_member_tags',
  'require_new_member_course',
];

function valueAt(root: RawValue | undefined, path: readonly PropertyKey[]): RawValue | undefined {
  let v: RawValue | undefined = root;
  for (const k of path) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    v = Array.isArray(v) ? v[Number(k)] : (v as Record<string, RawValue>)[String(k)];
  }
  return v;
}

function show(v: RawValue | undefined): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  return typeof v === 'boolean' ? String(v) : Array.isArray(v) ? '[…]' : '{…}';
}

export function reportZodIssues(ctx: LoadContext, file: string, doc: YamlDoc, issues: readonly z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    const lastKey = path.length > 0 ? String(path[path.length - 1]) : file;
    const field = path.filter((k) => typeof k === 'string').join('.');
    const value = valueAt(doc.value, path);
    const at = { file, ...doc.locate(path), field, label: lastKey };

    if (/^MJ\d{3}$/.test(issue.message)) {
      ctx.report({ ...at, code: issue.message as Code, params: { label: lastKey, value: show(value), key: lastKey } });
      continue;
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const pos = doc.locateKey([...path, key]);
          ctx.report({
            file, ...pos, code: 'MJ120', field: [...path, key].filter((k) => typeof k === 'string').join('.'), label: key,
            params: { key }, span: key.length, suggest: { value: key, pool: 'values', candidates: KNOWN_KEYS },
          });
        }
        break;
      case 'invalid_type':
        if (value === undefined) ctx.report({ ...at, code: 'MJ201', params: { label: lastKey } });
        else ctx.report({ ...at, code: 'MJ121', params: { key: lastKey, expected: `@type:${issue.expected}` }, span: show(value).length || 1 });
        break;
      case 'invalid_value': {
        const values = issue.values.map(String);
        ctx.report({
          ...at, code: 'MJ203', params: { label: lastKey, value: show(value) },
          suggest: { value: show(value), pool: 'values', candidates: values },
        });
        break;
      }
      case 'too_small':
        if (Array.isArray(value) && value.length === 0) ctx.report({ ...at, code: 'MJ201', params: { label: lastKey } });
        else ctx.report({ ...at, code: 'MJ201', params: { label: lastKey } });
        break;
      case 'invalid_union': {
        // Report the branch that got furthest: prefer a nested coded message.
        const nested = issue.errors.flat().find((i) => /^MJ\d{3}$/.test(i.message));
        if (nested) ctx.report({ ...at, code: nested.message as Code, params: { label: lastKey, value: show(value), key: lastKey } });
        else ctx.report({ ...at, code: 'MJ121', params: { key: lastKey, expected: '@type:union' } });
        break;
      }
      default:
        ctx.report({ ...at, code: 'MJ121', params: { key: lastKey, expected: `@type:${issue.code}` } });
    }
  }
}

/**
 * A structured file's value as its schema reads it: straight from the quick check when that
 * passes (schema/quick.ts), else through zod — loaded only then — whose issues are reported.
 */
export async function readStructured<T>(
  ctx: LoadContext, file: string, doc: YamlDoc, value: unknown,
  quick: (v: unknown) => T | undefined, schema: () => Promise<z.ZodType<T>>,
): Promise<T | undefined> {
  const plain = quick(value);
  if (plain !== undefined) return plain;
  const parsed = (await schema()).safeParse(value);
  if (parsed.success) return parsed.data;
  reportZodIssues(ctx, file, doc, parsed.error.issues);
  return undefined;
}
