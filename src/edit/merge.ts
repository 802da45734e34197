// Merging imported records into a record file, for mj import: each record is matched to the
// file's records (the same id, or for duty records the same date + org + type + title; a roster
// row without an id by the same name + org; assessments by the same org + item), then it is the same
// (skipped), changed (applied only with --update, and only the fields the sheet has), or new
// (appended, with an id by the rule below). The result is the file's canonical form (as mj fmt
// writes it), with the line of every record, so that a problem found by validating the merged
// file can be placed back at the sheet's cell. Pure.
//
// Id rule: a new record without an id gets the next number after the largest of the file's ids
// that share the prefix of the file's last id (e.g. after 2019-0058 comes 2019-0059; after
// A058, A059), zero-padded to the same width; ids already taken (by the sheet) are skipped. A
// file with no such id starts at YEAR-0001 for duty records and 0001 for the roster.

import { RECORD_FIELDS, type RecordKind } from '../schema/fields.js';
import { CanonicalCsv, canonicalValue, compareKeys, csvCell, SORT_KEYS, type CanonicalColumn, type CanonicalProblem, type CsvStyle } from './canonical-csv.js';
import type { ImportedRecord } from './import-map.js';

export interface TargetRow {
  readonly cells: string[];
  /** The line of an existing row; undefined for a new one. */
  readonly line: number | undefined;
  /** The imported record that added or changed it. */
  source: ImportedRecord | undefined;
}

export interface Target {
  readonly kind: RecordKind;
  readonly columns: CanonicalColumn[];
  readonly rows: TargetRow[];
  readonly style: CsvStyle;
}

export interface FieldChange {
  readonly field: string;
  readonly from: string;
  readonly to: string;
}

export interface MergePlan {
  readonly added: { readonly rec: ImportedRecord; readonly id: string | undefined }[];
  readonly changed: { readonly rec: ImportedRecord; readonly id: string; readonly changes: readonly FieldChange[] }[];
  readonly same: { readonly rec: ImportedRecord; readonly id: string }[];
  /** Imported records that repeat another of the sheets (reported): not merged. */
  readonly repeated: { readonly rec: ImportedRecord; readonly first: ImportedRecord; readonly key: string }[];
}

/** A record file's rows and columns, from its text (undefined text: a new file). */
export function readTarget(text: string | undefined, kind: RecordKind, style: CsvStyle): { ok: true; target: Target } | { ok: false; problems: CanonicalProblem[] } {
  const fields = RECORD_FIELDS[kind];
  if (text === undefined || text.trim() === '') {
    return { ok: true, target: { kind, style, columns: fields.map((f, i) => ({ header: f.label, field: i })), rows: [] } };
  }
  const rows: TargetRow[] = [];
  const c = new CanonicalCsv(kind, style, (r) => rows.push({ cells: [...r.cells], line: r.line, source: undefined }));
  c.push(text);
  c.end();
  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  return { ok: true, target: { kind, style, columns: c.columns, rows } };
}

const MATCH_KEYS: Readonly<Record<RecordKind, readonly string[]>> = {
  members: ['name', 'org'],
  activities: ['date', 'org', 'type', 'title'],
  assessments: ['org', 'item'],
  // mj import does not take these kinds (yet); the same row is the same sorting keys.
  transfers: ['member', 'date'],
  reserve: ['member', 'from'],
  liaisons: ['org', 'member', 'from'],
  inspections: ['id'],
  findings: ['inspection', 'finding'],
  leaders: ['org', 'member', 'from'],
  reviews: ['org', 'member', 'kind'],
};

/** The id rule: the next ids after the file's (see the header). */
export function idMaker(existing: readonly string[], kind: RecordKind, year: number | undefined): () => string {
  const taken = new Set(existing);
  const last = [...existing].reverse().find((id) => /\d+$/.test(id));
  let prefix: string;
  let width: number;
  let next: number;
  if (last === undefined) {
    prefix = kind === 'activities' ? `${year ?? ''}-`.replace(/^-$/, '') : '';
    width = 4;
    next = 1;
  } else {
    const m = /^(.*?)(\d+)$/.exec(last)!;
    prefix = m[1]!;
    width = m[2]!.length;
    next = 1;
    for (const id of existing) {
      if (!id.startsWith(prefix)) continue;
      const rest = id.slice(prefix.length);
      if (/^\d+$/.test(rest)) next = Math.max(next, Number(rest) + 1);
    }
  }
  return () => {
    for (;;) {
      const id = prefix + String(next++).padStart(width, '0');
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  };
}

/** Adds the columns the records fill that the file lacks, in the canonical place. */
function ensureColumns(t: Target, records: readonly ImportedRecord[]): void {
  const fields = RECORD_FIELDS[t.kind];
  const has = new Set(t.columns.map((c) => c.field));
  const wanted = new Set<number>();
  for (const r of records) r.fields.forEach((f, i) => f !== undefined && !has.has(i) && wanted.add(i));
  for (const i of [...wanted].sort((a, b) => a - b)) {
    let at = t.columns.findIndex((c) => c.field === undefined || c.field > i);
    if (at < 0) at = t.columns.length;
    const byKeys = t.columns.length > 0 && t.columns.every((c) => c.field === undefined || c.header === fields[c.field]!.key);
    t.columns.splice(at, 0, { header: byKeys ? fields[i]!.key : fields[i]!.label, field: i });
    for (const row of t.rows) row.cells.splice(at, 0, '');
  }
}

/**
 * Plans the merge of `records` into `t` and applies it: additions always, changes only when
 * `update`. `report` is told of records repeating another (their key, the first).
 */
export function merge(t: Target, records: readonly ImportedRecord[], update: boolean, year: number | undefined): MergePlan {
  const fields = RECORD_FIELDS[t.kind];
  ensureColumns(t, records);
  const colOf = new Map<number, number>();
  t.columns.forEach((c, k) => c.field !== undefined && colOf.set(c.field, k));
  const fi = (key: string): number => fields.findIndex((f) => f.key === key);
  const idCol = t.kind === 'assessments' ? undefined : colOf.get(fi('id'));
  const keyFields = MATCH_KEYS[t.kind].map(fi);
  const value = (rec: ImportedRecord, i: number): string | undefined => {
    const v = rec.fields[i]?.value;
    return v === undefined ? undefined : canonicalValue(fields[i], v);
  };
  const rowKey = (row: TargetRow): string => keyFields.map((i) => row.cells[colOf.get(i) ?? -1] ?? '').join('\u0000');
  const recKey = (rec: ImportedRecord): string | undefined => {
    const parts = keyFields.map((i) => value(rec, i));
    return parts.some((p) => p === undefined) ? undefined : parts.join('\u0000');
  };
  const byId = new Map<string, TargetRow>();
  const byKey = new Map<string, TargetRow>();
  for (const row of t.rows) {
    if (idCol !== undefined && row.cells[idCol] !== '') byId.set(row.cells[idCol]!, row);
    const k = rowKey(row);
    if (!byKey.has(k)) byKey.set(k, row);
  }
  const plan: MergePlan = { added: [], changed: [], same: [], repeated: [] };
  const seen = new Map<string, ImportedRecord>();
  const existingIds = idCol === undefined ? [] : t.rows.map((r) => r.cells[idCol]!).filter((x) => x !== '');
  const givenIds = idCol === undefined ? [] : records.map((r) => value(r, fi('id'))).filter((x): x is string => x !== undefined);
  const nextId = idMaker([...existingIds, ...givenIds], t.kind, year);
  for (const rec of records) {
    if (rec.bad) continue;
    const id = idCol === undefined ? undefined : value(rec, fi('id'));
    // Two members of one name in one branch are two people: the roster's key is for rows without an id.
    const key = t.kind === 'members' && id !== undefined ? undefined : recKey(rec);
    const mine = [id !== undefined ? `id\u0000${id}` : undefined, key !== undefined ? `key\u0000${key}` : undefined].filter((x): x is string => x !== undefined);
    const firstSeen = mine.map((m) => seen.get(m)).find((x) => x !== undefined);
    if (firstSeen) {
      plan.repeated.push({ rec, first: firstSeen, key: id !== undefined && seen.get(`id\u0000${id}`) ? id : (key ?? '').split('\u0000').join(' ') });
      continue;
    }
    for (const m of mine) seen.set(m, rec);
    const row = (id !== undefined ? byId.get(id) : undefined) ?? (key !== undefined ? byKey.get(key) : undefined);
    if (row) {
      const changes: FieldChange[] = [];
      rec.fields.forEach((f, i) => {
        if (f === undefined || (i === fi('id') && idCol !== undefined)) return;
        const col = colOf.get(i)!;
        const to = value(rec, i)!;
        if (row.cells[col] !== to) changes.push({ field: fields[i]!.key, from: row.cells[col]!, to });
      });
      const rid = idCol === undefined ? '' : row.cells[idCol]!;
      if (changes.length === 0) plan.same.push({ rec, id: rid });
      else {
        plan.changed.push({ rec, id: rid, changes });
        if (update) {
          for (const c of changes) row.cells[colOf.get(fi(c.field))!] = c.to;
          row.source = rec;
        }
      }
      continue;
    }
    const cells = t.columns.map(() => '');
    rec.fields.forEach((_f, i) => {
      const v = value(rec, i);
      if (v !== undefined) cells[colOf.get(i)!] = v;
    });
    let assigned: string | undefined;
    if (idCol !== undefined && cells[idCol] === '') cells[idCol] = assigned = nextId();
    t.rows.push({ cells, line: undefined, source: rec });
    plan.added.push({ rec, id: assigned ?? (idCol === undefined ? undefined : cells[idCol]) });
  }
  return plan;
}

/** The target's canonical text, and the line each row starts on in it. */
export function targetText(t: Target, orgOrder: ReadonlyMap<string, number> | undefined): { text: string; lines: Map<TargetRow, number> } {
  const fields = RECORD_FIELDS[t.kind];
  const sortCols = SORT_KEYS[t.kind].map((k) => t.columns.findIndex((c) => c.field !== undefined && fields[c.field]!.key === k)).filter((k) => k >= 0);
  const orgCol = t.columns.findIndex((c) => c.field !== undefined && fields[c.field]!.key === 'org');
  const keyOf = (row: TargetRow): string[] => sortCols.map((k) => {
    const v = row.cells[k] ?? '';
    if (t.kind !== 'assessments' || k !== orgCol || !orgOrder) return v;
    const at = orgOrder.get(v);
    return at === undefined ? `~${v}` : String(at).padStart(8, '0');
  });
  const sorted = t.rows.map((r, i) => ({ r, i, k: keyOf(r) })).sort((a, b) => compareKeys(a.k, b.k) || a.i - b.i).map((x) => x.r);
  const join = (cells: readonly string[]): string => cells.map((c) => csvCell(c, t.style.tabs)).join(t.style.tabs ? '\t' : ',');
  const nl = t.style.crlf ? '\r\n' : '\n';
  const out = [join(t.columns.map((c) => c.header))];
  const lines = new Map<TargetRow, number>();
  let line = 2;
  for (const r of sorted) {
    const text = join(r.cells);
    lines.set(r, line);
    line += 1 + (text.match(/\n/g)?.length ?? 0);
    out.push(text);
  }
  return { text: out.join(nl) + nl, lines };
}
