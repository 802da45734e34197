// Reading orgs.yaml: the schema, then each org's id, dates and duplicates, into Org records that
// remember where they were written. The tree's shape is checked in checks/org-tree.ts.

import type { Day, Org, Origin } from '../model/types.js';
import { uniqueId } from '../checks/duplicates.js';
import type { OrgTree } from '../checks/org-tree.js';
import { parseYaml, type RawValue } from '../source/yaml.js';
import { quickOrg } from '../schema/quick.js';
import type { RawOrg } from '../schema/structured.js';
import { parseDate } from '../util/dates.js';
import type { LoadContext } from './context.js';
import { readDataFile } from './files.js';
import { withoutControlChars } from './yaml-controls.js';
import { reportYamlProblems } from './yaml-problems.js';
import { reportZodIssues } from './zod-problems.js';

const ORG_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The orgs read, with where each was written (the org-tree checks point at their fields). */
export type LoadedOrgs = OrgTree & { readonly orgs: Org[] };

export async function loadOrgs(ctx: LoadContext, file: string): Promise<LoadedOrgs | undefined> {
  const text = await readDataFile(ctx, file, '组织');
  if (text === undefined) return undefined;
  const doc = await parseYaml(text);
  reportYamlProblems(ctx, file, doc.problems);
  if (doc.value === undefined && doc.problems.length > 0) return undefined; // else only repeated keys: read on
  if (doc.value === undefined || doc.value === null) {
    ctx.report({ code: 'MJ009', file, line: 0, column: 0 });
    return undefined;
  }
  if (!Array.isArray(doc.value)) {
    ctx.report({ code: 'MJ113', file, ...doc.locate([]), params: { where: file, expected: '@list' } });
    return undefined;
  }
  // Validate item by item, so one bad org does not hide the others.
  const orgs: Org[] = [];
  const index = new Map<Org, number>();
  const seen = new Map<string, number>();
  const broken = new Set<string>();
  const aside: Org[] = [];
  // Plain entries skip zod; it is loaded only when an entry needs its judgement.
  const list = withoutControlChars(ctx, file, doc, doc.value) as RawValue[];
  const quick = list.map(quickOrg);
  const schema = quick.includes(undefined) ? (await import('../schema/structured.js')).ORGS_SCHEMA : undefined;
  list.forEach((item, i) => {
    let raw: RawOrg | undefined = quick[i];
    // An entry that fails its schema is not used, but its fields that are right in themselves
    // (its id, its dates) are still checked, so one run shows every problem of the entry.
    let fields: { id?: string | undefined; established?: string | undefined; dissolved?: string | undefined } | undefined = raw;
    if (raw === undefined) {
      const parsed = schema!.element.safeParse(item);
      if (parsed.success) raw = parsed.data;
      else {
        reportZodIssues(ctx, file, doc, parsed.error.issues.map((is) => ({ ...is, path: [i, ...is.path] })));
        const failed = new Set(parsed.error.issues.map((is) => is.path[0]));
        const map = item !== null && typeof item === 'object' && !Array.isArray(item) ? item : {};
        const text = (key: string): string | undefined => {
          const v = map[key];
          return typeof v === 'string' && v !== '' && !failed.has(key) ? v : undefined;
        };
        fields = { id: text('id'), established: text('established'), dissolved: text('dissolved') };
        const written = map['id'];
        if (typeof written === 'string') broken.add(written);
      }
    }
    const at = (key: string): { file: string; line: number; column: number } => ({ file, ...doc.locate([i, key]) });
    let ok = raw !== undefined;
    const id = fields?.id;
    if (id !== undefined && !ORG_ID.test(id)) {
      ctx.report({ ...at('id'), code: 'MJ204', field: 'id', label: 'id', params: { label: 'id', value: id }, span: id.length });
      ok = false;
    }
    const date = (key: 'established' | 'dissolved'): Day | undefined => {
      const v = fields?.[key];
      if (v === undefined) return undefined;
      const r = parseDate(v);
      if (r.ok) return r.day;
      ctx.report({ ...at(key), code: 'MJ202', field: key, label: key, params: { label: key, value: v, why: '' }, span: v.length });
      ok = false;
      return undefined;
    };
    const established = date('established');
    const dissolved = date('dissolved');
    if (established !== undefined && dissolved !== undefined && dissolved < established) {
      ctx.report({
        ...at('dissolved'), code: 'MJ212', field: 'dissolved', label: 'dissolved',
        params: { dissolved: fields!.dissolved!, established: fields!.established! },
      });
    }
    const origin: Origin = { file, ...doc.locate([i]) };
    if (id === undefined) return;
    const repeated = uniqueId(seen, id, file, origin.line, (code, params) => ({ ...at('id'), code, field: 'id', label: 'id', params, span: id.length }));
    if (repeated.length > 0) {
      for (const d of repeated) ctx.report(d);
      return;
    }
    if (raw === undefined) {
      broken.add(id);
      return;
    }
    const org: Org = {
      id: raw.id,
      name: raw.name,
      type: raw.type,
      parent: raw.parent,
      established,
      dissolved,
      committee: raw.committee ?? [],
      liaison: raw.liaison,
      origin,
    };
    index.set(org, i);
    if (ok) orgs.push(org);
    else {
      broken.add(id);
      aside.push(org);
    }
  });
  return {
    file, orgs, broken, aside,
    at: (org, ...path) => ({ file, ...doc.locate([index.get(org) ?? 0, ...path]) }),
    indexOf: (org) => index.get(org) ?? 0,
  };
}
