// Streaming one year's duty records: each row is decoded and checked (fields, year, references
// to orgs and members, who was on the roster that day) and handed to the folds as an interned
// view, then dropped. UTF-8 CSV goes through the reading engine (src/scan/), which hands every
// row it is not sure of back to the careful reader here; only a compact index of ids is kept.

import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ActivityRefs } from '../checks/activities.js';
import type { ZeroDamage } from '../checks/members.js';
import { confirmDuplicates, uniqueId } from '../checks/duplicates.js';
import { CHECKS } from '../checks/index.js';
import { ACTIVITY_TYPES, LEVELS, rosterUntil, type Activity, type IdFilter, type Member, type Org } from '../model/types.js';
import type { Fold, FoldSpec } from '../model/fold.js';
import { emptyView, viewOf, type Vocabulary } from '../model/record-view.js';
import { ACTIVITY_FIELD as F } from '../schema/fields.js';
import { IdIndex } from '../scan/id-index.js';
import { scanCsv, type Keep } from '../scan/csv-scan.js';
import { startEarly, type EarlyPlan } from '../scan/split.js';
import { buildScanTables, dictionaryDigest, type ScanDictionary, type ScanTables } from '../scan/tables.js';
import { parseCsvText } from '../source/csv.js';
import { readLines } from '../source/lines.js';
import type { LoadContext } from './context.js';
import { fallbackOf, isInside, openDataFile, reportStreamFailure, resolveInside } from './files.js';
import { FieldReader } from './read-fields.js';
import { CsvRows, isXlsxFile, isYamlFile, readRecordFile, type RawRecord, type RecordFile } from './records.js';


/** What reading a duty-record file needs from the dataset (built once per dataset). */
export interface DatasetRefs {
  readonly orgs: ReadonlyMap<string, Org>;
  readonly brokenOrgs: IdFilter;
  readonly members: ReadonlyMap<string, Member>;
  readonly brokenMembers: IdFilter;
  readonly zeros: ZeroDamage;
  readonly outcomes: ReadonlySet<string>;
  /** The dataset's lists: view numbers index these. */
  readonly orgList: readonly Org[];
  readonly memberList: readonly Member[];
  readonly orgIndex: ReadonlyMap<string, number>;
  readonly memberIndex: ReadonlyMap<string, number>;
  readonly vocab: Vocabulary;
}

/** Who takes the records of a stream. */
export interface RecordConsumers {
  /** Every valid record goes to each fold, as a view reused for the next one. */
  readonly folds: readonly Fold[];
  /**
   * When given, a large file may be split across two cores: the worker script builds the same
   * folds from these specs (one per fold, in order), and its states are merged in.
   */
  readonly split?: { readonly specs: readonly FoldSpec[]; readonly workerUrl: URL } | undefined;
  /** Full records wanted whole (--explain keeps its branch's); a stream that keeps is split only when the keep says by type. */
  readonly keep?: Keep | undefined;
}

export interface ActivityStats {
  rows: number;
  valid: number;
}

/** Checks one raw row of a duty-record file; reports its problems; returns the record when valid. */
export function decodeActivity(ctx: LoadContext, rf: RecordFile, rec: RawRecord, refs: DatasetRefs, checkRefs: ActivityRefs, ids: IdIndex | Map<string, number>): Activity | undefined {
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

  const subject = { date, dateText: String(rec.values[F.date] ?? ''), org: orgId, members: memberIds, outcomes };
  for (const check of CHECKS.activity) for (const d of check(subject, r, checkRefs)) r.add(d);
  if (id !== undefined) {
    if (ids instanceof IdIndex) ids.addString(id, rec.line, rec.cols[F.id] || 1);
    else for (const d of uniqueId(ids, id, rf.file, rec.line, (code, params) => r.at(F.id, code, params, { span: id.length }))) r.add(d);
  }
  if (r.bad || id === undefined || date === undefined || type === undefined || orgId === undefined || title === undefined) return undefined;
  return { id, date, type, org: orgId, members: memberIds, title, level, outcomes, hours, tags, note, origin: { file: rf.file, line: rec.line, column: 1 } };
}

/** Workers started on records files before the base loaded, per context: dataset path → plan. */
const earlyScans = new WeakMap<LoadContext, Map<string, EarlyPlan | null>>();

/**
 * Starts a worker on the later part of `file` (the records of `year`, a large UTF-8 CSV) while
 * the base loads: it reads the org tree and the roster itself (scan/early-dictionary.ts), and
 * streamActivities joins it to the scan of the file. Quiet: paths that leave the root, files
 * that are not CSV and anything that fails simply start nothing (the scan starts its worker).
 */
export async function startEarlyScan(ctx: LoadContext, file: string, year: number, orgsFile: string, membersFile: string, outcomes: Iterable<string>): Promise<void> {
  const o = ctx.options;
  if (o.earlyWorker === undefined || o.carefulOnly || o.replaced !== undefined) return;
  if (![file, membersFile].every((f) => f.toLowerCase().endsWith('.csv'))) return;
  const root = await realpath(ctx.root);
  const paths: string[] = [];
  for (const f of [file, orgsFile, membersFile]) {
    const abs = resolve(ctx.root, f);
    if (!isInside(root, await realpath(abs))) return;
    paths.push(abs);
  }
  const size = (await stat(paths[0]!)).size;
  let map = earlyScans.get(ctx);
  if (!map) earlyScans.set(ctx, (map = new Map()));
  if (map.has(file)) return; // the scan has started (null) or a worker is on it already
  const plan = startEarly({
    path: paths[0]!, size, chunkBytes: o.chunkBytes ?? 1 << 22, year, maxRecord: ctx.limits.maxRecordChars, minBytes: o.parallelMinBytes ?? 32 << 20,
    workerUrl: o.earlyWorker,
    sources: { orgs: paths[1]!, members: paths[2]!, membersFallback: fallbackOf(ctx, membersFile), outcomes: [...new Set(outcomes)], maxFileBytes: ctx.limits.maxFileBytes },
  });
  if (plan) map.set(file, plan);
}

/** Reads `file` (the records of `year`), handing every valid record to the consumers. */
export async function streamActivities(ctx: LoadContext, file: string, year: number, refs: DatasetRefs, to: RecordConsumers): Promise<ActivityStats | undefined> {
  const stats: ActivityStats = { rows: 0, valid: 0 };
  const checkRefs: ActivityRefs = { year, orgs: refs.orgs, brokenOrgs: refs.brokenOrgs, members: refs.members, brokenMembers: refs.brokenMembers, zeros: refs.zeros };
  const view = emptyView();
  const deliver = (a: Activity): void => {
    stats.valid++;
    viewOf(a, view, refs.vocab, refs.orgIndex, refs.memberIndex);
    for (const f of to.folds) f.visit(view);
    if (to.keep?.want(view)) to.keep.take(a);
  };

  if (isYamlFile(file) || isXlsxFile(file)) {
    const ids = new Map<string, number>();
    const ok = await readRecordFile(ctx, file, 'activities', '履职记录', (rec, rf) => {
      stats.rows++;
      const a = decodeActivity(ctx, rf, rec, refs, checkRefs, ids);
      if (a) deliver(a);
    });
    return ok ? stats : undefined;
  }

  let scans = earlyScans.get(ctx);
  if (!scans) earlyScans.set(ctx, (scans = new Map()));
  const early = scans.get(file) ?? undefined;
  scans.set(file, null); // taken: none starts later
  const source = await openDataFile(ctx, file, '履职记录');
  if (!source) {
    early?.cancel();
    return undefined;
  }
  // Sized for the records this thread reads, at about 150 bytes a record: the whole file, or half
  // of one large enough to be split (the other half's index is looked up, not copied in), so it
  // seldom grows; it grows when needed.
  const o = ctx.options;
  const minBytes = o.parallelMinBytes ?? 32 << 20;
  const splittable = to.split !== undefined && (!to.keep || to.keep.types !== undefined) && source.size >= minBytes;
  const ids = new IdIndex(Math.min(1 << 22, Math.ceil(source.size / (splittable ? 300 : 150))));
  const rows = new CsvRows(ctx, file, 'activities', (rec, rf) => {
    stats.rows++;
    const a = decodeActivity(ctx, rf, rec, refs, checkRefs, ids);
    if (a) deliver(a);
  });
  const splitRequest = to.split && (!to.keep || to.keep.types !== undefined) ? { ...to.split, minBytes, early } : undefined;
  if (!splitRequest) early?.cancel();
  const scanTables = scanTablesOf(refs);
  const { dictionary, tables } = scanTables;
  const result = await scanCsv({
    file, source, year, dictionary, digest: () => (scanTables.digest ??= dictionaryDigest(dictionary)), tables, vocab: refs.vocab, ids, rows, folds: to.folds, keep: to.keep,
    split: splitRequest,
    options: { maxRecord: ctx.limits.maxRecordChars, chunkBytes: o.chunkBytes ?? 1 << 22, carefulOnly: o.carefulOnly === true, traceTime: o.traceTime, traceSplit: o.traceSplit },
  });
  early?.cancel(); // a worker never joined (or done): it ends
  if (!result.ok) {
    reportStreamFailure(ctx, file, result.error);
    return undefined;
  }
  stats.rows += result.fastRows;
  stats.valid += result.fastRows;
  rows.finish();
  await confirmIndexDuplicates(ctx, file, ids, result.idColumn);
  return stats;
}

const scanCache = new WeakMap<DatasetRefs, { dictionary: ScanDictionary; tables: ScanTables; digest?: string }>();

/** The reading engine's dictionary and tables of a dataset, built once. */
function scanTablesOf(refs: DatasetRefs): { dictionary: ScanDictionary; tables: ScanTables; digest?: string } {
  let t = scanCache.get(refs);
  if (t) return t;
  // Plain loops: Int32Array.from with a function goes through the iterator, some 0.1 s for a national roster.
  const orgs = refs.orgList, members = refs.memberList;
  const orgIds = new Array<string>(orgs.length), established = new Int32Array(orgs.length), dissolved = new Int32Array(orgs.length);
  for (let i = 0; i < orgs.length; i++) {
    const o = orgs[i]!;
    orgIds[i] = o.id;
    established[i] = o.established ?? 0;
    dissolved[i] = o.dissolved ?? 0;
  }
  const M = members.length;
  const memberIds = new Array<string>(M), from = new Int32Array(M), until = new Int32Array(M), memberOrgs = new Int32Array(M);
  for (let i = 0; i < M; i++) {
    const m = members[i]!;
    memberIds[i] = m.id;
    from[i] = m.joined;
    until[i] = rosterUntil(m);
    memberOrgs[i] = refs.orgIndex.get(m.org) ?? -1;
  }
  const dictionary: ScanDictionary = { orgIds, established, dissolved, memberIds, from, until, memberOrgs, outcomes: [...refs.vocab.outcomes.keys()] };
  t = { dictionary, tables: buildScanTables(dictionary) };
  scanCache.set(refs, t);
  return t;
}

/**
 * Reports the duplicate ids the index found, after checking each against the text of both
 * lines (an index keeps only hashes), at the later line, naming the earlier one.
 */
async function confirmIndexDuplicates(ctx: LoadContext, file: string, ids: IdIndex, idColumn: number): Promise<void> {
  if (ids.candidates.length === 0 || idColumn < 0) return;
  const abs = await resolveInside(ctx, file);
  if (abs === undefined) return;
  const wanted = new Set(ids.candidates.flatMap((c) => [c.firstLine, c.line]));
  const facts = ctx.facts.get(file);
  const lines = await readLines(abs, wanted, facts?.encoding);
  /** The id on a line, and its column as the careful reader places it: past an opening quote and leading spaces. */
  const idAt = (line: number): { id: string; column: number } | undefined => {
    const text = lines.get(line);
    const rec = text === undefined ? undefined : parseCsvText(text, { tabs: facts?.tabs === true }).records[0];
    const cell = rec?.fields[idColumn];
    if (rec === undefined || cell === undefined) return undefined;
    const id = cell.trim();
    return { id, column: (rec.cols[idColumn] ?? 1) + (rec.quoted?.[idColumn] ? 1 : 0) + (id === '' ? 0 : cell.indexOf(id)) };
  };
  for (const d of confirmDuplicates(file, ids.candidates, idAt)) ctx.report(d);
}
