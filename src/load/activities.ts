// Streaming one year's duty records: each row is checked (fields, year, references to orgs and
// members, who was on the roster that day) and handed to the consumer as an interned view, then
// dropped. UTF-8 CSV goes through the byte-level reader (fast-activities.ts), which hands every
// row it is not sure of to the careful reader here; only a compact index of ids is kept.

import { ACTIVITY_TYPES, LEVELS, onRoster, type Activity, type IdFilter, type Member, type Org } from '../model/types.js';
import { emptyView, viewOf, type RecordView, type Vocabulary } from '../model/record-view.js';
import { IdIndex } from '../checks/id-index.js';
import { F } from './activity-fields.js';
import { parseCsvText } from '../source/csv.js';
import { readLines } from '../source/lines.js';
import { formatDay, yearOf } from '../util/dates.js';
import type { LoadContext } from './context.js';
import { openDataFile, resolveInside } from './files.js';
import { readFastActivities } from './fast-activities.js';
import { FieldReader } from './read-fields.js';
import { isYamlFile, readRecordFile, type RawRecord, type RecordFile } from './records.js';

export { F };

export interface ActivityRefs {
  readonly orgs: ReadonlyMap<string, Org>;
  readonly brokenOrgs: IdFilter;
  readonly members: ReadonlyMap<string, Member>;
  readonly brokenMembers: IdFilter;
  readonly outcomes: ReadonlySet<string>;
  /** The dataset's lists: view numbers index these. */
  readonly orgList: readonly Org[];
  readonly memberList: readonly Member[];
  readonly orgIndex: ReadonlyMap<string, number>;
  readonly memberIndex: ReadonlyMap<string, number>;
  readonly vocab: Vocabulary;
}

export interface ActivitySink {
  /** Every valid record, as a view that is reused for the next one. */
  view(v: RecordView): void;
  /** Asks whether the full record is wanted too (--explain keeps its branch's). */
  wantFull?(v: RecordView): boolean;
  full?(a: Activity): void;
}

export interface ActivityStats {
  rows: number;
  valid: number;
}

/** Checks one raw row of a duty-record file; reports its problems; returns the record when valid. */
export function decodeActivity(ctx: LoadContext, rf: RecordFile, rec: RawRecord, year: number, refs: ActivityRefs, ids: IdIndex | Map<string, number>): Activity | undefined {
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
    if (ids instanceof IdIndex) ids.addString(id, rec.line, rec.cols[F.id] || 1);
    else {
      const first = ids.get(id);
      if (first !== undefined) r.report(F.id, 'MJ301', { id, first: `${rf.file}:${first}` }, { span: id.length });
      else ids.set(id, rec.line);
    }
  }
  if (r.bad || id === undefined || date === undefined || type === undefined || orgId === undefined || title === undefined) return undefined;
  return { id, date, type, org: orgId, members: memberIds, title, level, outcomes, hours, tags, note, origin: { file: rf.file, line: rec.line, column: 1 } };
}

/** Reads `file` (the records of `year`), handing every valid record to `sink`. */
export async function streamActivities(ctx: LoadContext, file: string, year: number, refs: ActivityRefs, sink: ActivitySink): Promise<ActivityStats | undefined> {
  const stats: ActivityStats = { rows: 0, valid: 0 };
  const view = emptyView();
  const deliver = (a: Activity): void => {
    stats.valid++;
    viewOf(a, view, refs.vocab, refs.orgIndex, refs.memberIndex);
    sink.view(view);
    if (sink.wantFull?.(view)) sink.full?.(a);
  };

  if (isYamlFile(file)) {
    const ids = new Map<string, number>();
    const ok = await readRecordFile(ctx, file, 'activities', '履职记录', (rec, rf) => {
      stats.rows++;
      const a = decodeActivity(ctx, rf, rec, year, refs, ids);
      if (a) deliver(a);
    });
    return ok ? stats : undefined;
  }

  const source = await openDataFile(ctx, file, '履职记录');
  if (!source) return undefined;
  const ids = new IdIndex(Math.min(1 << 24, Math.ceil(source.size / 100))); // a record is 100+ bytes
  const result = await readFastActivities(ctx, file, source, year, refs, ids, {
    slow: (rec, rf) => {
      stats.rows++;
      const a = decodeActivity(ctx, rf, rec, year, refs, ids);
      if (a) deliver(a);
    },
    fast: (v) => {
      stats.rows++;
      stats.valid++;
      sink.view(v);
    },
    wantFull: sink.wantFull ? (v) => sink.wantFull!(v) : undefined,
    full: sink.full ? (a) => sink.full!(a) : undefined,
  });
  if (!result) return undefined;
  await confirmDuplicates(ctx, file, ids, result.idColumn);
  return stats;
}

/** Reports the duplicate ids the index found, after checking each against its first line's text. */
async function confirmDuplicates(ctx: LoadContext, file: string, ids: IdIndex, idColumn: number): Promise<void> {
  if (ids.candidates.length === 0 || idColumn < 0) return;
  const abs = await resolveInside(ctx, file);
  if (abs === undefined) return;
  const lines = await readLines(abs, new Set(ids.candidates.map((c) => c.firstLine)), ctx.options.encoding);
  for (const c of ids.candidates) {
    const text = lines.get(c.firstLine);
    const first = text === undefined ? undefined : parseCsvText(text).records[0]?.fields[idColumn]?.trim();
    if (first !== c.id) continue;
    ctx.report({
      code: 'MJ301', file, line: c.line, column: c.column, field: 'id', params: { id: c.id, first: `${file}:${c.firstLine}` }, span: c.id.length,
    });
  }
}
