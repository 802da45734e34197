// The lookup tables of the byte-level reader, built from a plain dictionary of the dataset's
// words (org ids and their dates, member ids and their roster spans, outcome phrases). The main
// thread and a scanning worker build the same tables from the same dictionary.

import { createHash } from 'node:crypto';
import { ACTIVITY_TYPES, LEVELS } from '../model/types.js';
import { ByteMap } from './byte-map.js';
import { MemberTable, type MemberTableData } from './member-table.js';

/** What the reader looks words up in, as plain data (sent to a worker as it is). */
export interface ScanDictionary {
  readonly orgIds: readonly string[];
  /** Per org: established and dissolved days (0: none). */
  readonly established: Int32Array;
  readonly dissolved: Int32Array;
  readonly memberIds: readonly string[];
  /** Per member: on the roster on day d ⇔ from ≤ d < until (model/types.ts rosterSpan). */
  readonly from: Int32Array;
  readonly until: Int32Array;
  /** Per member: the roster's branch (index in orgIds, -1: none), where the member table looks first. */
  readonly memberOrgs: Int32Array;
  readonly outcomes: readonly string[];
}

export interface ScanTables {
  readonly orgs: ByteMap;
  readonly members: MemberTable;
  readonly types: ByteMap;
  readonly levels: ByteMap;
  readonly outcomes: ByteMap;
  readonly tags: ByteMap;
  readonly established: Int32Array;
  readonly dissolved: Int32Array;
}

/** The tables of a dictionary; `members`: its member table already built (by the main thread, for a worker). */
export function buildScanTables(d: ScanDictionary, members?: MemberTableData): ScanTables {
  const orgs = new ByteMap(d.orgIds.length);
  d.orgIds.forEach((id, i) => orgs.setString(id, i));
  const types = new ByteMap(16);
  ACTIVITY_TYPES.forEach((x, i) => types.setString(x, i));
  const levels = new ByteMap(8);
  LEVELS.forEach((x, i) => levels.setString(x, i));
  const outcomes = new ByteMap(64);
  d.outcomes.forEach((o, k) => outcomes.setString(o, k));
  return {
    orgs, members: members ? new MemberTable(members) : MemberTable.build(d.memberIds, d.from, d.until, d.memberOrgs, d.orgIds.length), types, levels, outcomes, tags: new ByteMap(64),
    established: d.established, dissolved: d.dissolved,
  };
}

/**
 * What a worker is sent of a dictionary whose member table it is handed built: the members' words
 * are left out (they are in the table), the rest is the same.
 */
export function withoutMembers(d: ScanDictionary): ScanDictionary {
  const none = new Int32Array(0);
  return { ...d, memberIds: [], from: none, until: none, memberOrgs: none };
}

/**
 * A digest of every word and number of a dictionary, in order: two dictionaries with the same
 * digest are the same (an early worker's own reading is checked against the main thread's so,
 * without sending the words across).
 */
export function dictionaryDigest(d: ScanDictionary): string {
  const h = createHash('sha256');
  const ints = (a: Int32Array): void => void h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const words = (a: readonly string[]): void => {
    // Each word with its length first: no two lists read the same.
    h.update(`${a.length};`);
    for (let i = 0; i < a.length; i += 4096) h.update(a.slice(i, i + 4096).map((w) => `${w.length}:${w}`).join(''));
  };
  words(d.orgIds);
  ints(d.established);
  ints(d.dissolved);
  words(d.memberIds);
  ints(d.from);
  ints(d.until);
  ints(d.memberOrgs);
  words(d.outcomes);
  return h.digest('hex');
}
