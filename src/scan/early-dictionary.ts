// A scanning worker's own reading of the words it looks up, so that it can start before the main
// thread has loaded the org tree and the roster (split.ts, "an early worker"): the orgs' ids and
// dates from orgs.yaml, the members' ids, roster spans and branches from a roster CSV, and the
// header of the records file — read plainly, checking nothing. The main thread's dictionary,
// from the careful readers, is sent when its own scan starts; the worker uses what it read only
// when the two are equal, and reads again with the main thread's otherwise. So a difference (a
// roster row with an error, a YAML form this reading does not know) costs time, never a result.

import { open } from 'node:fs/promises';
import { rosterUntil, STATUSES, type Member } from '../model/types.js';
import { headerLookup, MEMBER_FIELD, RECORD_FIELDS } from '../schema/fields.js';
import { CsvTokenizer, type CsvRecord } from '../source/csv.js';
import { openText, readWholeText, type Encoding } from '../source/decode.js';
import { parseYaml } from '../source/yaml.js';
import { parseDate } from '../util/dates.js';
import type { ScanDictionary } from './tables.js';

export interface EarlySources {
  readonly orgs: string;
  readonly members: string;
  /** The roster's encoding when it is not UTF-8 (mj.yaml's or --encoding). */
  readonly membersFallback: Encoding | undefined;
  readonly outcomes: readonly string[];
  readonly maxFileBytes: number;
}

const M = MEMBER_FIELD;

/** The dictionary as the valid files give it, or undefined when they cannot be read so. */
export async function readEarlyDictionary(s: EarlySources): Promise<ScanDictionary | undefined> {
  const orgs = await readWholeText(s.orgs, { maxBytes: s.maxFileBytes });
  if (!orgs.ok) return undefined;
  const doc = await parseYaml(orgs.text);
  if (!Array.isArray(doc.value)) return undefined;
  const orgIds: string[] = [];
  const est: number[] = [];
  const dis: number[] = [];
  const orgIndex = new Map<string, number>();
  const day = (v: unknown): number | undefined => {
    if (v === undefined || v === null) return 0;
    if (typeof v !== 'string') return undefined;
    const r = parseDate(v);
    return r.ok ? r.day : undefined;
  };
  for (const item of doc.value) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
    const o = item as Record<string, unknown>;
    if (typeof o['id'] !== 'string' || orgIndex.has(o['id'])) return undefined;
    const e = day(o['established']), d = day(o['dissolved']);
    if (e === undefined || d === undefined) return undefined;
    orgIndex.set(o['id'], orgIds.length);
    orgIds.push(o['id']);
    est.push(e);
    dis.push(d);
  }

  const roster = await openText(s.members, { fallback: s.membersFallback, maxBytes: s.maxFileBytes });
  if (!roster.ok) return undefined;
  const lookup = headerLookup('members');
  const memberIds: string[] = [];
  const from: number[] = [];
  const until: number[] = [];
  const memberOrgs: number[] = [];
  const seen = new Set<string>();
  let cols: number[] | undefined;
  let failed = false;
  const statuses: readonly string[] = STATUSES;
  const tok = new CsvTokenizer({
    record: (rec: CsvRecord) => {
      if (failed) return;
      if (cols === undefined) {
        cols = RECORD_FIELDS.members.map(() => -1);
        rec.fields.forEach((h, c) => {
          const i = lookup(h.trim());
          if (i >= 0 && cols![i] === -1) cols![i] = c;
        });
        return;
      }
      const cell = (i: number): string => (cols![i]! < 0 ? '' : (rec.fields[cols![i]!] ?? '').trim());
      if (rec.fields.every((f) => f.trim() === '')) return;
      const id = cell(M.id);
      const joined = parseDate(cell(M.joined));
      const statusText = cell(M.status);
      const status = statusText === '' ? '在册' : statusText;
      const leftText = cell(M.left);
      const left = leftText === '' ? undefined : parseDate(leftText);
      if (id === '' || seen.has(id) || !joined.ok || !statuses.includes(status) || (left !== undefined && !left.ok)) {
        failed = true; // a row the careful reader would not keep as it is: the main thread's dictionary is used
        return;
      }
      seen.add(id);
      memberIds.push(id);
      from.push(joined.day);
      until.push(rosterUntil({ joined: joined.day, status: status as Member['status'], left: left?.ok ? left.day : undefined }));
      memberOrgs.push(orgIndex.get(cell(M.org)) ?? -1);
    },
    problem: () => {
      failed = true;
    },
  }, { tabs: roster.source.tabs });
  try {
    for await (const chunk of roster.source.chunks()) {
      tok.push(chunk);
      if (failed) return undefined;
    }
    tok.end();
  } catch {
    return undefined;
  }
  if (failed || cols === undefined) return undefined;
  return {
    orgIds, established: Int32Array.from(est), dissolved: Int32Array.from(dis),
    memberIds, from: Int32Array.from(from), until: Int32Array.from(until), memberOrgs: Int32Array.from(memberOrgs),
    outcomes: [...s.outcomes],
  };
}

/** The records file's header as the careful reader maps it: each field's column (-1: none) and the width. */
export async function readRecordsHeader(path: string, skip: number, maxRecord: number): Promise<{ cols: number[]; width: number } | undefined> {
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.allocUnsafe(1 << 16);
    const { bytesRead } = await fh.read(buf, 0, buf.length, skip);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const lf = head.indexOf(10);
  if (lf < 0) return undefined;
  let header: string[] | undefined;
  const tok = new CsvTokenizer({ record: (r) => void (header ??= r.fields), problem: () => undefined }, { maxRecord });
  tok.push(new TextDecoder('utf-8').decode(head.subarray(0, lf + 1)));
  tok.end();
  if (!header) return undefined;
  const lookup = headerLookup('activities');
  const cols = RECORD_FIELDS.activities.map(() => -1);
  header.forEach((h, c) => {
    const i = lookup(h.trim());
    if (i >= 0 && cols[i] === -1) cols[i] = c;
  });
  return { cols, width: header.length };
}
