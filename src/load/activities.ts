// Streaming one year's duty records: each row is checked (fields, year, references to orgs and
// members, who was on the roster that day) and handed to the consumer, then dropped. Only a
// compact index of ids is kept, for duplicates.

import type { IdFilter } from '../model/types.js';
import { ACTIVITY_TYPES, LEVELS, onRoster, type Activity, type Member, type Org } from '../model/types.js';
import { fieldIndex } from '../schema/fields.js';
import { formatDay, yearOf } from '../util/dates.js';
import type { LoadContext } from './context.js';
import { FieldReader } from './read-fields.js';
import { readRecordFile } from './records.js';

const F = {
  id: fieldIndex('activities', 'id'), date: fieldIndex('activities', 'date'), type: fieldIndex('activities', 'type'),
  org: fieldIndex('activities', 'org'), members: fieldIndex('activities', 'members'), title: fieldIndex('activities', 'title'),
  level: fieldIndex('activities', 'level'), outcomes: fieldIndex('activities', 'outcomes'), hours: fieldIndex('activities', 'hours'),
  tags: fieldIndex('activities', 'tags'), note: fieldIndex('activities', 'note'),
};

export interface ActivityRefs {
  readonly orgs: ReadonlyMap<string, Org>;
  readonly brokenOrgs: IdFilter;
  readonly members: ReadonlyMap<string, Member>;
  readonly brokenMembers: IdFilter;
  readonly outcomes: ReadonlySet<string>;
}

export interface ActivityStats {
  rows: number;
  valid: number;
}

/** Reads `file` (the records of `year`), calling `visit` with every valid record. */
export async function streamActivities(
  ctx: LoadContext, file: string, year: number, refs: ActivityRefs, visit: (a: Activity) => void,
): Promise<ActivityStats | undefined> {
  const firstLine = new Map<string, number>();
  const stats: ActivityStats = { rows: 0, valid: 0 };
  const ok = await readRecordFile(ctx, file, 'activities', '履职记录', (rec, rf) => {
    stats.rows++;
    const r = new FieldReader(ctx, rf, rec);
    const id = r.id(F.id);
    const date = r.date(F.date);
    const type = r.oneOf(F.type, ACTIVITY_TYPES);
    const orgId = r.orgId(F.org);
    const memberIds = r.list(F.members);
    const title = r.text(F.title);
    const level = r.oneOf(F.level, LEVELS);
    const outcomes = r.listOf(F.outcomes, refs.outcomes);
    const hours = r.decimal(F.hours);
    const tags = r.list(F.tags);
    const note = r.text(F.note);

    if (date !== undefined && yearOf(date) !== year) {
      r.report(F.date, 'MJ208', { value: formatDay(date), year }, { span: String(rec.values[F.date]).length });
    }
    if (orgId !== undefined) {
      const org = refs.orgs.get(orgId);
      if (org === undefined) {
        if (!refs.brokenOrgs.has(orgId)) r.report(F.org, 'MJ302', { value: orgId }, { span: orgId.length, suggest: { value: orgId, pool: 'orgs' } });
      } else if (date !== undefined) {
        if (org.established !== undefined && org.established > date) {
          r.report(F.org, 'MJ310', { value: orgId, date: formatDay(date), why: `@not-yet-established:${formatDay(org.established)}` }, { span: orgId.length });
        } else if (org.dissolved !== undefined && org.dissolved < date) {
          r.report(F.org, 'MJ310', { value: orgId, date: formatDay(date), why: `@already-dissolved:${formatDay(org.dissolved)}` }, { span: orgId.length });
        }
      }
    }
    memberIds.forEach((mid, k) => {
      const m = refs.members.get(mid);
      if (m === undefined) {
        if (!refs.brokenMembers.has(mid)) r.reportItem(F.members, k, 'MJ303', { value: mid }, { suggest: { value: mid, pool: 'members' } });
      } else if (date !== undefined && !onRoster(m, date)) {
        const why = m.joined > date ? `@not-yet-joined:${formatDay(m.joined)}` : `@already-left:${formatDay(m.left ?? date)}`;
        r.reportItem(F.members, k, 'MJ308', { value: mid, date: formatDay(date), why });
      }
    });
    if (id !== undefined) {
      const first = firstLine.get(id);
      if (first !== undefined) r.report(F.id, 'MJ301', { id, first: `${rf.file}:${first}` }, { span: id.length });
      else firstLine.set(id, rec.line);
    }
    if (r.bad || id === undefined || date === undefined || type === undefined || orgId === undefined || title === undefined) return;
    stats.valid++;
    visit({
      id, date, type, org: orgId, members: memberIds, title, level, outcomes, hours, tags, note,
      origin: { file: rf.file, line: rec.line, column: 1 },
    });
  });
  return ok ? stats : undefined;
}
