// Reading assessments/YEAR: the panel's manual points per branch and rubric item, checked
// against the orgs and that year's rubric (a manual item, points within its bounds).

import { assessmentsWithoutRubric, type AssessmentRefs } from '../checks/assessments.js';
import { CHECKS } from '../checks/index.js';
import type { IdFilter } from '../model/types.js';
import type { Assessment, Member, Org } from '../model/types.js';
import { fieldIndex } from '../schema/fields.js';
import type { AssessableItem } from '../checks/assessments.js';
import type { LoadContext } from './context.js';
import { FieldReader } from './read-fields.js';
import { readRecordFile } from './records.js';

const F = {
  org: fieldIndex('assessments', 'org'), item: fieldIndex('assessments', 'item'),
  points: fieldIndex('assessments', 'points'), self: fieldIndex('assessments', 'self'), note: fieldIndex('assessments', 'note'),
  member: fieldIndex('assessments', 'member'),
};

export async function loadAssessments(
  ctx: LoadContext, file: string, year: number, orgs: ReadonlyMap<string, Org>, brokenOrgs: IdFilter,
  /** The year's items, or undefined when the year has no (valid) rubric. */
  items: ReadonlyMap<string, AssessableItem> | undefined,
  rubricMissing: boolean,
  members: ReadonlyMap<string, Pick<Member, 'id' | 'org'>>,
): Promise<Assessment[] | undefined> {
  const out: Assessment[] = [];
  const refs: AssessmentRefs = { year, orgs, brokenOrgs, items, members, rubricMissing, seen: new Map() };
  let firstAssessed: number | undefined;
  const ok = await readRecordFile(ctx, file, 'assessments', '考评组评分', (rec, rf) => {
    const r = new FieldReader(ctx, rf, rec);
    const orgId = r.orgId(F.org);
    const item = r.id(F.item);
    // An item whose values are words (是/否) takes the word; its points come from the rubric.
    const values = item === undefined ? undefined : items?.get(item)?.spec.values;
    const words = values !== undefined && !Array.isArray(values) ? values : undefined;
    const points = words ? r.text(F.points) : r.decimal(F.points, true);
    const self = words ? r.text(F.self) : r.decimal(F.self, true);
    const note = r.text(F.note);
    const member = r.id(F.member);
    if (item !== undefined && firstAssessed === undefined) firstAssessed = rec.line;
    for (const check of CHECKS.assessment) for (const d of check({ line: rec.line, org: orgId, item, points, self, member }, r, refs)) r.add(d);
    if (r.bad || orgId === undefined || item === undefined) return;
    const asPoints = (v: string | undefined): string | undefined => (words && v !== undefined ? words[v] : v);
    out.push({
      org: orgId, item, points: asPoints(points), self: asPoints(self), note, origin: { file: rf.file, line: rec.line, column: 1 },
      ...(words && points !== undefined ? { value: points } : {}),
      ...(words && self !== undefined ? { selfValue: self } : {}),
      ...(member === undefined ? {} : { member }),
    });
  });
  if (rubricMissing) for (const d of assessmentsWithoutRubric(file, firstAssessed, year)) ctx.report(d);
  return ok ? out : undefined;
}
