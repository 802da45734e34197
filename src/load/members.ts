// Reading the roster (members.csv or members.yaml) into Member records: each field checked, ids
// unique, org references resolved against the tree, standing and dates consistent.

import type { IdFilter } from '../model/types.js';
import {
  DEGREES, EDUCATIONS, GENDERS, ROLES, RESERVE, SECTORS, STATUSES, TITLES,
  type Day, type Member, type Org, type Origin,
} from '../model/types.js';
import { MEMBER_FIELD } from '../schema/fields.js';
import { formatDay } from '../util/dates.js';
import { ownCopy } from '../util/strings.js';
import { repeatedId } from '../checks/duplicates.js';
import { CHECKS } from '../checks/index.js';
import type { LoadContext } from './context.js';
import { FieldReader } from './read-fields.js';
import { readRecordFile, type ByteReader, type RawRecord, type RecordFile } from './records.js';
import { isOrgIdForm, looksScientific } from './read-fields.js';
import { RosterScanner, type RosterRow } from '../scan/roster-scanner.js';
import type { FieldPlacer } from '../checks/place.js';
import type { Code } from '../diagnostics/codes.js';
import type { Params } from '../diagnostics/diagnostic.js';

const F = MEMBER_FIELD;

/** Births before this day are typing mistakes (MJ213). */
const EARLIEST_BIRTH = 19000101;

/** Hints for standing words clerks write that are not in the list. */
const STATUS_HINTS: Readonly<Record<string, string | readonly string[]>> = {
  出会: ['除名', '开除'], 离会: '退会', 死亡: '去世', 病故: '去世', 逝世: '去世', 调出: '转出', 迁出: '转出',
  正常: '在册', 在籍: '在册', 有效: '在册', 开除会籍: '开除', 自动退会: '退会',
};

export interface LoadedMembers {
  readonly members: Member[];
  readonly byId: Map<string, Member>;
  /** Ids of rows written with errors: known, so references to them are not reported again. */
  readonly broken: ReadonlySet<string>;
}

/** Shared by every member with no span when the dataset keeps the pool's history (reserve.csv). */
const NO_SPANS: NonNullable<Member['reserveSpans']> = Object.freeze([]) as unknown as NonNullable<Member['reserveSpans']>;

/** `reserveHistory`: the dataset has a reserve.csv, so the pool on a day comes from it (members start with no span). */
export async function loadMembers(
  ctx: LoadContext, file: string, orgs: ReadonlyMap<string, Org>, brokenOrgs: IdFilter, reserveHistory = false,
): Promise<LoadedMembers | undefined> {
  const members: Member[] = [];
  const byId = new Map<string, Member>();
  // The first line of each id: a kept member's own origin, else (a row with errors) here. One map
  // insertion per row, not two: at national scale each costs some 0.3 µs.
  const brokenLines = new Map<string, number>();
  const refs = { orgs, brokenOrgs };
  const broken = new Set<string>();
  // Words many members share (ethnicity, employer): one string each, for a national roster —
  // its own copy: a cell read from the text is a slice of a whole read chunk, which it would keep
  // (some 30 MB of a national roster's text kept for its employers' names).
  const shared = new Map<string, string>();
  const intern = (s: string | undefined): string | undefined => {
    if (s === undefined) return undefined;
    const known = shared.get(s);
    if (known !== undefined) return known;
    const own = ownCopy(s);
    shared.set(own, own);
    return own;
  };
  const NO_ROLES: Member['roles'] = Object.freeze([]) as unknown as Member['roles'];
  let rows = 0;
  /**
   * The one place a roster row becomes a Member (both readers). `shared`: its ethnicity, org and
   * employer are the interned copies already (the byte reader's).
   */
  const keep = (v: MemberValues, status: Member['status'], origin: Origin, orgColumn: number, shared: boolean): void => {
    const m: Member = {
      id: v.id, name: v.name, gender: v.gender, birth: v.birth, ethnicity: shared ? v.ethnicity : intern(v.ethnicity), joined: v.joined,
      org: shared ? v.org : intern(v.org)!, title: v.title, education: v.education, degree: v.degree, employer: shared ? v.employer : intern(v.employer),
      sector: v.sector, roles: v.roles.length === 0 ? NO_ROLES : v.roles, reserve: v.reserve === '是', status, left: v.left, origin, orgColumn,
      ...(reserveHistory ? { reserveSpans: NO_SPANS } : {}),
    };
    members.push(m);
    byId.set(m.id, m);
  };
  const sink = (rec: RawRecord, rf: RecordFile): void => {
    rows++;
    const r = new FieldReader(ctx, rf, rec);
    const id = r.id(F.id);
    const name = r.text(F.name);
    const gender = r.oneOf(F.gender, GENDERS);
    const birth = r.month(F.birth);
    const ethnicity = r.text(F.ethnicity);
    const joined = r.date(F.joined);
    const orgId = r.orgId(F.org);
    const title = r.oneOf(F.title, TITLES);
    const education = r.oneOf(F.education, EDUCATIONS);
    const degree = r.oneOf(F.degree, DEGREES);
    const employer = r.text(F.employer);
    const sector = r.oneOf(F.sector, SECTORS);
    const roles = r.listOf(F.roles, ROLES);
    const reserve = r.oneOf(F.reserve, RESERVE);
    const statusText = rec.values[F.status];
    let status: Member['status'] | undefined = '在册';
    if (statusText !== undefined) {
      const v = typeof statusText === 'string' ? statusText : statusText.join(';');
      if ((STATUSES as readonly string[]).includes(v)) status = v as Member['status'];
      else {
        const hint = STATUS_HINTS[v];
        r.report(F.status, 'MJ203', { value: v }, {
          span: v.length,
          suggest: { value: v, pool: 'values', candidates: STATUSES, ...(hint ? { answer: hint } : {}) },
        });
        status = undefined;
      }
    }
    const left = r.date(F.left);

    for (const check of CHECKS.member) for (const d of check({ org: orgId }, r, refs)) r.add(d);
    const leftWritten = rec.values[F.left];
    standingProblems(
      { status, left, leftWritten: leftWritten === undefined ? undefined : String(leftWritten), joined, birth, birthWritten: String(rec.values[F.birth]) },
      (field, code, params, span) => r.report(field, code, params, { span }),
    );

    if (id === undefined) {
      // A damaged id is still known, so references to it are not reported twice.
      const written = rec.values[F.id];
      if (typeof written === 'string') broken.add(written);
      return;
    }
    const origin: Origin = { file: rf.file, line: rec.line, column: rec.cols[F.id] || 1 };
    const first = byId.get(id)?.origin.line ?? brokenLines.get(id);
    if (first !== undefined) {
      for (const d of repeatedId(first, id, origin.file, (code, params) => r.at(F.id, code, params, { span: id.length }))) r.add(d);
      return;
    }
    if (r.bad || name === undefined || gender === undefined || joined === undefined || orgId === undefined || status === undefined) {
      broken.add(id);
      brokenLines.set(id, origin.line);
      return;
    }
    keep({ id, name, gender, birth, ethnicity, joined, org: orgId, title, education, degree, employer, sector, roles, reserve, left }, status, origin, rec.cols[F.org] || 1, false);
  };
  // A UTF-8 roster's plainly right rows are read from its bytes (scan/roster-scanner.ts); each is
  // kept only when the checks above would say nothing of it, else it goes to the careful reader.

  // The member checks look at the org alone: asked once per org the byte reader meets (0: not
  // yet, 1: they say nothing, 2: they speak).
  const orgIds = [...orgs.keys()].filter(isOrgIdForm);
  const orgQuiet = new Uint8Array(orgIds.length);
  const quietOrg = (row: RosterRow): boolean => {
    let q = orgQuiet[row.orgIndex]!;
    if (q === 0) orgQuiet[row.orgIndex] = q = CHECKS.member.every((check) => check({ org: row.org }, QUIET, refs).length === 0) ? 1 : 2;
    return q === 1;
  };
  // Repeated ids: a kept member's id is found by the Map's size not growing (one lookup a row, not
  // two); after the first repeat each id is looked up before.
  let repeats = false;
  const bytes: ByteReader = (events, csvRows) => new RosterScanner(ctx.limits.maxRecordChars, {
    orgIds, intern: (w) => intern(w)!, scientific: looksScientific,
  }, {
    ...events,
    fast: (row) => {
      if (!quietOrg(row)) return false;
      const status = row.status ?? '在册';
      // Only whether a rule speaks matters here (the cells as written are for its message).
      let spoken = false;
      standingProblems({ status, left: row.left, leftWritten: row.left === undefined ? undefined : '', joined: row.joined, birth: row.birth, birthWritten: row.birthText ?? '' }, () => {
        spoken = true;
      });
      if (spoken || (brokenLines.size > 0 && brokenLines.has(row.id)) || (repeats && byId.has(row.id))) return false;
      const size = byId.size;
      keep(row, status, { file, line: row.line, column: row.idColumn }, row.orgColumn, true);
      if (byId.size === size) {
        // A repeat: the first stays, and the careful reader reports this one.
        members.pop();
        byId.set(row.id, members.find((m) => m.id === row.id)!);
        repeats = true;
        return false;
      }
      rows++;
      csvRows.countRow();
      return true;
    },
  });
  const ok = await readRecordFile(ctx, file, 'members', '会员名册', sink, bytes);
  if (!ok) return undefined;
  // A roster reduced to its header (a bad merge, a wrong export): every count would be 0.
  // References to members are then not checked one by one; this names the cause once.
  if (rows === 0 && !ctx.diagnostics.list.some((d) => d.file === file && d.severity === 'error')) {
    ctx.report({ code: 'MJ014', file, line: 1, column: 0, params: { file } });
  }
  return { members, byId, broken };
}

/** A roster row's values once each field passed its own checks. */
interface MemberValues {
  readonly id: string;
  readonly name: string;
  readonly gender: Member['gender'];
  readonly birth: Member['birth'];
  readonly ethnicity: string | undefined;
  readonly joined: Member['joined'];
  readonly org: string;
  readonly title: Member['title'];
  readonly education: Member['education'];
  readonly degree: Member['degree'];
  readonly employer: string | undefined;
  readonly sector: Member['sector'];
  readonly roles: Member['roles'];
  readonly reserve: (typeof RESERVE)[number] | undefined;
  readonly left: Member['left'];
}

/** What the standing and birth rules look at (the left and birth cells as written, for the message). */
interface Standing {
  readonly status: Member['status'] | undefined;
  readonly left: Day | undefined;
  readonly leftWritten: string | undefined;
  readonly joined: Day | undefined;
  readonly birth: Day | undefined;
  readonly birthWritten: string;
}

/**
 * The rules between a row's standing and dates: a member gone needs the day (MJ209), a member
 * 在册 has none (MJ210), nobody leaves before joining (MJ211), and a birth no member can have
 * (MJ213: after joining, 2091-05 for 1991-05 or 9999-12; or before 1900). Each problem goes to `found`.
 */
function standingProblems(v: Standing, found: (field: number, code: Code, params: Params, span: number) => void): void {
  const { status, left, joined, birth } = v;
  const leftSpan = (v.leftWritten ?? '').length;
  if (status !== undefined && status !== '在册' && left === undefined && v.leftWritten === undefined) found(F.status, 'MJ209', { status }, status.length);
  if (status === '在册' && left !== undefined) found(F.left, 'MJ210', { left: formatDay(left) }, leftSpan);
  if (joined !== undefined && left !== undefined && left < joined) found(F.left, 'MJ211', { left: formatDay(left), joined: formatDay(joined) }, leftSpan);
  if (birth !== undefined) {
    const why = joined !== undefined && birth > joined ? `@after-joined:${formatDay(joined)}` : birth < EARLIEST_BIRTH ? '@before-1900' : undefined;
    if (why !== undefined) found(F.birth, 'MJ213', { value: v.birthWritten, why }, v.birthWritten.length);
  }
}

/** A placer for asking whether a check would speak of a row the byte reader read (what it says is dropped). */
const QUIET: FieldPlacer = {
  at: (field, code) => ({ code, file: '', line: 0, column: 0, field: String(field) }),
  atItem: (field, _k, code) => ({ code, file: '', line: 0, column: 0, field: String(field) }),
};
