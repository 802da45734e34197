// Reading assessments/YEAR: the panel's manual points per branch and rubric item, checked
// against the orgs and that year's rubric (a manual item, points within its bounds).

import type { IdFilter } from '../model/types.js';
import type { Assessment, Org } from '../model/types.js';
import { fieldIndex } from '../schema/fields.js';
import type { RawItem } from '../schema/structured.js';
import { compareDecimal } from '../util/decimal-text.js';
import type { LoadContext } from './context.js';
import { FieldReader } from './read-fields.js';
import { readRecordFile } from './records.js';

const F = {
  org: fieldIndex('assessments', 'org'), item: fieldIndex('assessments', 'item'),
  points: fieldIndex('assessments', 'points'), self: fieldIndex('assessments', 'self'), note: fieldIndex('assessments', 'note'),
};

export async function loadAssessments(
  ctx: LoadContext, file: string, year: number, orgs: ReadonlyMap<string, Org>, brokenOrgs: IdFilter,
  /** The year's manual items, or undefined when the year has no (valid) rubric. */
  manual: ReadonlyMap<string, RawItem> | undefined,
  rubricMissing: boolean,
): Promise<Assessment[] | undefined> {
  const out: Assessment[] = [];
  const seen = new Map<string, number>();
  let reportedNoRubric = false;
  const ok = await readRecordFile(ctx, file, 'assessments', '考评组评分', (rec, rf) => {
    const r = new FieldReader(ctx, rf, rec);
    const orgId = r.orgId(F.org);
    const item = r.id(F.item);
    const points = r.decimal(F.points, true);
    const self = r.decimal(F.self, true);
    const note = r.text(F.note);
    if (orgId !== undefined) {
      const org = orgs.get(orgId);
      if (org === undefined) {
        if (!brokenOrgs.has(orgId)) r.report(F.org, 'MJ302', { value: orgId }, { span: orgId.length, suggest: { value: orgId, pool: 'branches' } });
      } else if (org.type !== '支部') {
        r.report(F.org, 'MJ312', { value: orgId, type: org.type }, { span: orgId.length });
      }
    }
    if (item !== undefined) {
      if (rubricMissing) {
        if (!reportedNoRubric) {
          ctx.report({ code: 'MJ403', file, line: rec.line, column: 1, params: { year } });
          reportedNoRubric = true;
        }
      } else if (manual !== undefined) {
        const spec = manual.get(item);
        if (spec === undefined) {
          r.report(F.item, 'MJ401', { item, year }, { span: item.length, suggest: { value: item, pool: 'values', candidates: [...manual.keys()] } });
        } else if (points !== undefined) {
          const min = spec.min ?? '0';
          const max = spec.max ?? '0';
          if (compareDecimal(points, max) > 0 || compareDecimal(points, min) < 0) {
            r.report(F.points, 'MJ402', { points, min, max }, { span: points.length });
          }
        }
      }
    }
    if (orgId !== undefined && item !== undefined) {
      const key = `${orgId}\u0000${item}`;
      const first = seen.get(key);
      if (first !== undefined) r.report(F.item, 'MJ311', { org: orgId, item, first });
      else seen.set(key, rec.line);
    }
    if (r.bad || orgId === undefined || item === undefined || points === undefined) return;
    out.push({ org: orgId, item, points, self, note, origin: { file: rf.file, line: rec.line, column: 1 } });
  });
  return ok ? out : undefined;
}
