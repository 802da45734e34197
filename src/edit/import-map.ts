// From a clerk's sheet to records of a kind, for mj import: the header found and mapped to
// fields by the synonyms (schema/synonyms.ts) or a mapping file, each value converted
// (convert.ts), orgs given by id or by their exact full name, members by id or by a name that
// is unambiguous within the record's org, --org filling a missing org column and bounding the
// orgs a sheet may name. Every problem is placed at its cell. Pure: the sheet and the dataset in,
// records and diagnostics out.

import type { DiagnosticInput, Params } from '../diagnostics/diagnostic.js';
import type { Code } from '../diagnostics/codes.js';
import type { Member, Org } from '../model/types.js';
import { RECORD_FIELDS, type FieldSpec, type RecordKind } from '../schema/fields.js';
import { headerMatcher, normHeader } from '../schema/synonyms.js';
import { findHeader, HEADER_SEARCH_ROWS, rowRole, type TableShape } from '../load/sheet-table.js';
import type { SheetSink, SourceCell, SourceRow, SourceSheet } from '../load/sheet-source.js';
import { columnLetters } from '../util/cells.js';
import { convertCell } from './convert.js';

export interface ImportRefs {
  readonly kind: RecordKind;
  readonly orgs: readonly Org[];
  readonly orgById: ReadonlyMap<string, Org>;
  readonly members: readonly Member[];
  readonly memberById: ReadonlyMap<string, Member>;
  /** --org: fills a missing org column; every org named must lie in its subtree. */
  readonly org: Org | undefined;
  /** --year: completes dates written without a year. */
  readonly year: number | undefined;
  /** A mapping file's columns: normalised header → field key, or null to leave the column out. */
  readonly map: ReadonlyMap<string, string | null> | undefined;
}

export interface ImportedField {
  readonly value: string;
  /** Where the cell is: line (row), column (a workbook's column, a text file's character). */
  readonly line: number;
  readonly column: number;
}

export interface ImportedRecord {
  readonly file: string;
  readonly row: number;
  /** Per field index of the kind; undefined where the sheet has no such column or cell. */
  readonly fields: (ImportedField | undefined)[];
  /** Field index → the sheet's header for it. */
  readonly labels: ReadonlyMap<number, string>;
  /** A value of the record could not be converted (reported): it is not merged. */
  bad: boolean;
}

export interface MappedSheet {
  readonly sheet: SourceSheet;
  readonly shape: TableShape | undefined;
  readonly records: ImportedRecord[];
  /** Rows under the header that are not records: 合计 rows and footers. */
  readonly skipped: readonly { readonly row: number; readonly why: 'total' | 'footer' }[];
  /** Field index → the header as written, for the columns the sheet has. */
  readonly labels: ReadonlyMap<number, string>;
}

/** Which fields a sheet may leave out because mj supplies them (an id is assigned; --org fills the org). */
export function suppliedFields(kind: RecordKind, org: Org | undefined): Set<string> {
  const out = new Set<string>();
  if (kind !== 'assessments') out.add('id');
  if (org) out.add('org');
  return out;
}

/** The subtree of an org (itself and everything below it), as a set of ids. */
export function subtreeOf(root: Org, orgs: readonly Org[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of orgs) if (o.parent !== undefined) children.set(o.parent, [...(children.get(o.parent) ?? []), o.id]);
  const out = new Set<string>();
  const stack = [root.id];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of children.get(id) ?? []) stack.push(c);
  }
  return out;
}

/** Maps a header to a field index: the mapping file first, then the synonyms. -1 unknown, -2 left out by the map. */
export function importLookup(kind: RecordKind, map: ReadonlyMap<string, string | null> | undefined): (header: string) => number {
  const fields = RECORD_FIELDS[kind];
  const base = headerMatcher(kind, false);
  return (header) => {
    const m = map?.get(normHeader(header));
    if (m === null) return -2;
    if (m !== undefined) return fields.findIndex((f) => f.key === m);
    return base(header);
  };
}

/**
 * Maps a sheet's rows as they come (load/sheet-source.ts streams them): the first rows are held
 * until the header is found, every later row becomes a record at once, so a large sheet is never
 * held whole.
 */
export function sheetMapper(refs: ImportRefs, report: (d: DiagnosticInput) => void): SheetSink & { finish(): MappedSheet } {
  const fields = RECORD_FIELDS[refs.kind];
  const lookup = importLookup(refs.kind, refs.map);
  let sheet: SourceSheet = { file: '', format: 'text', date1904: false };
  let file = '';
  const head: SourceRow[] = [];
  let settled = false;
  let shape: TableShape | undefined;
  const labels = new Map<number, string>();
  const skipped: { row: number; why: 'total' | 'footer' }[] = [];
  let lastHeader = 0;
  const byCol = new Map<number, number>();
  let lacking = false;
  const records: ImportedRecord[] = [];
  // Ids Excel stored as plain numbers, per field: their zeros may be lost (checked at the end).
  const numberIds = new Map<number, { rec: ImportedRecord; col: number; at: number; value: string }[]>();
  const zeroWidth = new Map<number, number>();
  const fieldIndex = (key: string): number => fields.findIndex((f) => f.key === key);
  const F_ORG = fieldIndex('org');
  const F_MEMBERS = fieldIndex('members');
  const within = refs.org ? subtreeOf(refs.org, refs.orgs) : undefined;
  const orgByName = new Map<string, Org>();
  for (const o of refs.orgs) if (!orgByName.has(o.name)) orgByName.set(o.name, o);

  const settle = (): void => {
    settled = true;
    shape = findHeader(head, (h) => Math.max(-1, lookup(h)));
    if (!shape) return;
    onHeader(shape);
    for (const r of head) record(r);
    head.length = 0;
  };

  const onHeader = (shape: TableShape): void => {
    const headerRow = shape.headerRows[0]!;
    lastHeader = shape.headerRows[shape.headerRows.length - 1]!;
    const at = (col: number): number => head.find((r) => shape.headerRows.includes(r.row))?.cells.find((c) => c.col === col)?.at ?? col;
    for (const [col, h] of [...shape.columns.entries()].sort((a, b) => a[0] - b[0])) {
      if (h.kind === 'serial' || h.label === '') continue;
      if (h.kind === 'unknown') {
        if (lookup(h.label) !== -2) report({ code: 'MJ602', file, line: h.row, column: at(col), params: { column: h.label }, span: h.label.length });
        continue;
      }
      const prior = labels.get(h.field);
      if (prior !== undefined) {
        report({ code: 'MJ106', file, line: h.row, column: at(col), params: { column: h.label, first: prior, key: fields[h.field]!.key }, span: h.label.length });
        continue;
      }
      labels.set(h.field, h.label);
      byCol.set(col, h.field);
    }
    const supplied = suppliedFields(refs.kind, refs.org);
    fields.forEach((s, i) => {
      if (!s.required || labels.has(i) || supplied.has(s.key)) return;
      report({ code: 'MJ601', file, line: headerRow, column: 0, field: s.key, params: { column: s.label, option: s.key === 'org' ? '@or-org' : '' } });
      lacking = true;
    });
  };

  const record = (row: SourceRow): void => {
    if (!shape || row.row <= lastHeader) return;
    const role = rowRole(row, shape);
    if (role === 'total' || role === 'footer') {
      skipped.push({ row: row.row, why: role });
      return;
    }
    if (role !== 'record') return;
    // A sheet without a required column: its records are read (their problems named) but not merged.
    const rec: ImportedRecord = { file, row: row.row, fields: fields.map(() => undefined), labels, bad: lacking };
    const cells = new Map<number, SourceCell>();
    for (const c of row.cells) {
      const i = byCol.get(c.col);
      if (i !== undefined) cells.set(i, c);
    }
    const place = (i: number, code: Code, params: Params, cell: SourceCell | undefined): void => {
      report({ code, file, line: cell?.line ?? row.row, column: cell?.at ?? 0, field: fields[i]!.key, label: labels.get(i) ?? fields[i]!.label, params: { label: labels.get(i) ?? fields[i]!.label, ...params }, ...(cell ? { span: cell.text.trim().length } : {}) });
      rec.bad = true;
    };
    // Values first; the org before the members, whose names are looked up in it.
    const order = [...cells.keys()].sort((a, b) => (a === F_MEMBERS ? 1 : b === F_MEMBERS ? -1 : a - b));
    for (const i of order) {
      const cell = cells.get(i)!;
      const spec: FieldSpec = fields[i]!;
      const sc = cell.cell;
      if (sc?.kind === 'no-value' || sc?.kind === 'error') {
        place(i, sc.kind === 'no-value' ? 'MJ223' : 'MJ224', { formula: sc.formula ?? '', value: sc.text }, cell);
        continue;
      }
      const conv = convertCell(spec, { text: cell.text, number: sc?.kind === 'number' && !sc.padded ? sc.number : undefined, date: sc?.kind === 'date' }, refs.year, sheet.date1904);
      if (!conv.ok) {
        place(i, 'MJ605', { value: cell.text.trim() }, cell);
        continue;
      }
      let value = conv.value;
      if (value === '') continue;
      if (spec.kind === 'id' && sc?.kind === 'number' && !sc.padded && /^\d+$/.test(value)) {
        let list = numberIds.get(i);
        if (!list) numberIds.set(i, (list = []));
        list.push({ rec, col: cell.col, at: cell.at, value });
      } else if (spec.kind === 'id' && /^0\d+$/.test(value)) zeroWidth.set(i, Math.max(zeroWidth.get(i) ?? 0, value.length));
      if (i === F_ORG) {
        const org = refs.orgById.get(value) ?? orgByName.get(value);
        if (org === undefined) {
          place(i, 'MJ322', { value }, cell);
          continue;
        }
        if (within && !within.has(org.id)) {
          place(i, 'MJ604', { value, org: refs.org!.name }, cell);
          continue;
        }
        value = org.id;
      }
      if (i === F_MEMBERS) {
        const resolved = resolveMembers(value, rec.fields[F_ORG]?.value ?? refs.org?.id, refs);
        if (!resolved.ok) {
          place(i, resolved.code, resolved.params, cell);
          continue;
        }
        value = resolved.value;
      }
      rec.fields[i] = { value, line: cell.line ?? row.row, column: cell.at };
    }
    if (refs.org && F_ORG >= 0 && rec.fields[F_ORG] === undefined && !cells.has(F_ORG)) rec.fields[F_ORG] = { value: refs.org.id, line: row.row, column: 0 };
    records.push(rec);
  };

  return {
    begin(s) {
      sheet = s;
      file = s.file;
    },
    row(r) {
      if (settled) return record(r);
      head.push(r);
      if (head.length >= HEADER_SEARCH_ROWS) settle();
    },
    finish() {
      const rowsSeen = head.length;
      if (!settled) settle();
      if (!shape) {
        report({ code: 'MJ020', file, line: 0, column: 0, params: { sheet: sheet.sheet ?? file.replace(/^.*[\\/]/, ''), why: rowsSeen === 0 ? '@empty-sheet' : '@no-header' } });
        return { sheet, shape, records, skipped, labels };
      }
      zeros();
      return { sheet, shape, records, skipped, labels };
    },
  };

  function zeros(): void {
    // A number that lost its leading zeros: shorter than the column's ids written with them, or
    // (in a roster) a roster id once its zeros are put back.
    for (const [i, list] of [...numberIds.entries()].sort((a, b) => a[0] - b[0])) {
      const width = zeroWidth.get(i) ?? 0;
      const known = (v: string): number => {
        if (refs.kind !== 'members' || fields[i]!.key !== 'id') return 0;
        for (let w = v.length + 1; w <= v.length + 6; w++) if (refs.memberById.has(v.padStart(w, '0'))) return w;
        return 0;
      };
      const lost = list.map((x) => ({ ...x, width: x.value.length < width ? width : known(x.value) })).filter((x) => x.width > 0);
      if (lost.length === 0) continue;
      const first = lost[0]!;
      const refsText = lost.slice(0, 8).map((x) => `${columnLetters(x.col)}${x.rec.row}`).join(', ') + (lost.length > 8 ? ' …' : '');
      const label = labels.get(i) ?? fields[i]!.label;
      report({ code: 'MJ222', file, line: first.rec.row, column: first.at, field: fields[i]!.key, label, params: { label, n: lost.length, cells: refsText, value: first.value, width: first.width } });
      for (const x of lost) x.rec.bad = true;
  }
  }
}

type Resolved = { ok: true; value: string } | { ok: false; code: Code; params: Params };

/** Member ids as written, names turned into the id of the one member of that name in the record's org (its subtree). */
function resolveMembers(list: string, orgId: string | undefined, refs: ImportRefs): Resolved {
  const org = orgId === undefined ? undefined : refs.orgById.get(orgId);
  const scope = org ? subtreeOf(org, refs.orgs) : undefined;
  const out: string[] = [];
  for (const item of list.split(';')) {
    if (refs.memberById.has(item)) {
      out.push(item);
      continue;
    }
    const named = refs.members.filter((m) => m.name === item);
    if (named.length === 0) {
      // Written like an id: validation names it (MJ303, with a hint about lost zeros). A name the
      // roster does not know is a name all the same (MJ321).
      if (/^[\x21-\x7e]+$/.test(item)) out.push(item);
      else return { ok: false, code: 'MJ321', params: { name: item, org: org?.name ?? '', others: '@named-nowhere' } };
      continue;
    }
    const inOrg = scope ? named.filter((m) => scope.has(m.org)) : named;
    if (inOrg.length === 1) {
      out.push(inOrg[0]!.id);
      continue;
    }
    if (inOrg.length > 1) return { ok: false, code: 'MJ320', params: { name: item, org: org?.name ?? '', n: inOrg.length, ids: inOrg.map((m) => m.id).join('、') } };
    return { ok: false, code: 'MJ321', params: { name: item, org: org?.name ?? '', others: `@named-elsewhere:${named.map((m) => `${m.id}（${refs.orgById.get(m.org)?.name ?? m.org}）`).join('、')}` } };
  }
  return { ok: true, value: out.join(';') };
}
