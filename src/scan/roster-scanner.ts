// The byte-level reader of a UTF-8 roster (members.csv): a row whose every field it reads is
// plainly right (no quotes, spaces, control characters; known words; dates in their written
// form) becomes a RosterRow without a string made for the words — ethnicity, employer and org
// come from one interned copy each, looked up by their bytes. It decides nothing about problems:
// any row it is not sure of, or that the loader's own checks would speak about (`fast` returns
// false), goes to the careful reader as bytes (`slow`).

import { DEGREES, EDUCATIONS, GENDERS, RESERVE, ROLES, SECTORS, STATUSES, TITLES, type Day } from '../model/types.js';
import { MEMBER_FIELD, RECORD_FIELDS } from '../schema/fields.js';
import { makeDay } from '../util/dates.js';
import { ByteMap } from './byte-map.js';
import { ByteRecords, controlBytes, digits, untrimmed, type RecordEvents } from './byte-records.js';

const SEMI = 59, DASH = 45;
const SPECS = RECORD_FIELDS.members;
const F = MEMBER_FIELD;
/** The fields of free text (the others are matched to known words, org ids and dates). */
const FREE_FIELDS = [F.id, F.name, F.ethnicity, F.employer];

/** One roster row as read by the scanner (reused from row to row: copy what is kept). */
export interface RosterRow {
  id: string;
  name: string;
  gender: (typeof GENDERS)[number];
  birth: Day | undefined;
  /** The birth cell as written (for a message about it). */
  birthText: string | undefined;
  ethnicity: string | undefined;
  joined: Day;
  org: string;
  /** The org's number among RosterWords.orgIds. */
  orgIndex: number;
  title: (typeof TITLES)[number] | undefined;
  education: (typeof EDUCATIONS)[number] | undefined;
  degree: (typeof DEGREES)[number] | undefined;
  employer: string | undefined;
  sector: (typeof SECTORS)[number] | undefined;
  roles: (typeof ROLES)[number][];
  reserve: (typeof RESERVE)[number] | undefined;
  /** Undefined when the cell is empty (在册 then). */
  status: (typeof STATUSES)[number] | undefined;
  left: Day | undefined;
  line: number;
  /** Columns of the id and org cells, in characters (UTF-16 units) from 1, as the careful reader counts them. */
  idColumn: number;
  orgColumn: number;
}

export interface RosterEvents extends RecordEvents {
  /** A row read whole; false hands it to the careful reader after all. */
  fast(row: RosterRow): boolean;
}

export interface RosterWords {
  /** Org ids a member may name as written (those of the tree that pass the id's own form checks). */
  readonly orgIds: Iterable<string>;
  /** The loader's one copy of a shared word. */
  readonly intern: (word: string) => string;
  /** True when the id would be taken for a number in scientific form (the careful reader reports it). */
  readonly scientific: (id: string) => boolean;
}

function wordMap(words: readonly string[]): ByteMap {
  const m = new ByteMap(words.length);
  words.forEach((w, i) => m.setString(w, i));
  return m;
}

const MAPS = {
  gender: wordMap(GENDERS), title: wordMap(TITLES), education: wordMap(EDUCATIONS), degree: wordMap(DEGREES),
  sector: wordMap(SECTORS), roles: wordMap(ROLES), reserve: wordMap(RESERVE), status: wordMap(STATUSES),
};

/** True when every byte is ASCII. */
function ascii(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i]! >= 0x80) return false;
  return true;
}

/** Characters (UTF-16 units) in the UTF-8 bytes b[s, e). */
function units(b: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if ((c & 0xc0) !== 0x80) n += c >= 0xf0 ? 2 : 1;
  }
  return n;
}

export class RosterScanner extends ByteRecords {
  private readonly row0: RosterRow = {
    id: '', name: '', gender: GENDERS[0], birth: undefined, birthText: undefined, ethnicity: undefined, joined: 0, org: '', orgIndex: -1,
    title: undefined, education: undefined, degree: undefined, employer: undefined, sector: undefined, roles: [],
    reserve: undefined, status: undefined, left: undefined, line: 0, idColumn: 1, orgColumn: 1,
  };
  private readonly orgs = new ByteMap(1024);
  private readonly orgWords: string[] = [];
  /** Shared words met so far (ethnicity, employer), by their bytes. */
  private readonly words = new ByteMap(4096);
  private readonly wordList: string[] = [];
  /** False when a required column is missing: every row then goes to the careful reader. */
  private usable = false;

  constructor(maxRecord: number, private readonly lookups: RosterWords, private readonly events: RosterEvents) {
    super(maxRecord, events);
    for (const id of lookups.orgIds) {
      const own = lookups.intern(id);
      this.orgs.setString(own, this.orgWords.length);
      this.orgWords.push(own);
    }
  }

  override setColumns(cols: readonly number[], width: number): void {
    super.setColumns(cols, width);
    this.usable = SPECS.every((s, i) => !s.required || (cols[i] ?? -1) >= 0);
  }

  /** The field's one shared string, or undefined when empty. */
  private word(buf: Buffer, s: number, e: number): string | undefined {
    if (e <= s) return undefined;
    const k = this.words.get(buf, s, e);
    if (k >= 0) return this.wordList[k];
    const w = this.lookups.intern(buf.toString('utf8', s, e));
    this.words.set(buf, s, e, this.wordList.length);
    this.wordList.push(w);
    return w;
  }

  protected row(buf: Buffer, nf: number, recLine: number, lineStart: number, _recEnd: number): boolean {
    const { fs, fe, fq, cols } = this;
    if (!this.usable || nf !== this.width) return false;
    if (nf > fq.length) return false;
    for (let f = 0; f < nf; f++) if (fq[f] !== 0) return false; // quoted: the careful reader
    // Free text may hold spaces to trim and characters never data; every other field read must
    // be one known word, org id or date exactly, which holds neither.
    for (const i of FREE_FIELDS) {
      const c = cols[i]!;
      if (c >= 0 && (untrimmed(buf, fs[c]!, fe[c]!) || controlBytes(buf, fs[c]!, fe[c]!))) return false;
    }
    const start = (i: number): number => (cols[i]! < 0 ? 0 : fs[cols[i]!]!);
    const end = (i: number): number => (cols[i]! < 0 ? 0 : fe[cols[i]!]!);
    /** The index of a known word in field i: -1 when empty, -2 when unknown. */
    const known = (i: number, map: ByteMap): number => {
      const s = start(i), e = end(i);
      if (e <= s) return -1;
      const k = map.get(buf, s, e);
      return k < 0 ? -2 : k;
    };
    /**
     * A date field in its written form — YYYY-MM-DD, or YYYY-MM where `month` (the 1st of the
     * month, as util/dates.ts reads it): the day; 0 when empty; -1 for any other form (the careful reader).
     */
    const day = (i: number, month: boolean): number => {
      const s = start(i), e = end(i);
      if (e <= s) return 0;
      const len = e - s;
      if ((len !== 10 || buf[s + 7] !== DASH) && !(month && len === 7)) return -1;
      if (buf[s + 4] !== DASH) return -1;
      const y = digits(buf, s, 4), m = digits(buf, s + 5, 2), d = len === 10 ? digits(buf, s + 8, 2) : 1;
      if (y < 0 || m < 0 || d < 0) return -1;
      return makeDay(y, m, d) ?? -1;
    };
    const r = this.row0;
    // id
    const is = start(F.id), ie = end(F.id);
    if (ie <= is) return false;
    const id = ascii(buf, is, ie) ? buf.toString('latin1', is, ie) : buf.toString('utf8', is, ie);
    if (this.lookups.scientific(id)) return false;
    // name, gender
    const ns = start(F.name), ne = end(F.name);
    if (ne <= ns) return false;
    const gender = known(F.gender, MAPS.gender);
    if (gender < 0) return false;
    // dates
    const birth = day(F.birth, true), joined = day(F.joined, false), left = day(F.left, false);
    if (birth < 0 || joined <= 0 || left < 0) return false;
    // org: one the tree holds
    const os = start(F.org), oe = end(F.org);
    const org = oe > os ? this.orgs.get(buf, os, oe) : -1;
    if (org < 0) return false;
    // words from lists
    const title = known(F.title, MAPS.title), education = known(F.education, MAPS.education), degree = known(F.degree, MAPS.degree);
    const sector = known(F.sector, MAPS.sector), reserve = known(F.reserve, MAPS.reserve), status = known(F.status, MAPS.status);
    if (title === -2 || education === -2 || degree === -2 || sector === -2 || reserve === -2 || status === -2) return false;
    // roles: ;-separated known words
    const roles: (typeof ROLES)[number][] = [];
    if (cols[F.roles]! >= 0) {
      const rs = start(F.roles), re = end(F.roles);
      let s = rs;
      for (let i = rs; i <= re; i++) {
        if (i < re && buf[i] !== SEMI) {
          if (buf[i] === 0xef && buf[i + 1] === 0xbc && buf[i + 2] === 0x9b) return false; // full-width ；
          continue;
        }
        if (i > s) {
          if (untrimmed(buf, s, i)) return false;
          const k = MAPS.roles.get(buf, s, i);
          if (k < 0) return false;
          roles.push(ROLES[k]!);
        }
        s = i + 1;
      }
    }
    r.id = id;
    r.name = buf.toString('utf8', ns, ne);
    r.gender = GENDERS[gender]!;
    r.birth = birth === 0 ? undefined : birth;
    r.birthText = birth === 0 ? undefined : buf.toString('latin1', start(F.birth), end(F.birth));
    r.ethnicity = cols[F.ethnicity]! < 0 ? undefined : this.word(buf, start(F.ethnicity), end(F.ethnicity));
    r.joined = joined;
    r.org = this.orgWords[org]!;
    r.orgIndex = org;
    r.title = title < 0 ? undefined : TITLES[title];
    r.education = education < 0 ? undefined : EDUCATIONS[education];
    r.degree = degree < 0 ? undefined : DEGREES[degree];
    r.employer = cols[F.employer]! < 0 ? undefined : this.word(buf, start(F.employer), end(F.employer));
    r.sector = sector < 0 ? undefined : SECTORS[sector];
    r.roles = roles;
    r.reserve = reserve < 0 ? undefined : RESERVE[reserve];
    r.status = status < 0 ? undefined : STATUSES[status];
    r.left = left === 0 ? undefined : left;
    r.line = recLine;
    r.idColumn = units(buf, lineStart, is) + 1;
    r.orgColumn = units(buf, lineStart, os) + 1;
    return this.events.fast(r);
  }
}
