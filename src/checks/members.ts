// Checks of the roster against the org tree: each member belongs to an org that exists and is a
// 支部 (MJ302, MJ304); no member is still 在册 in a branch that has been dissolved (MJ309).

import type { DiagnosticInput } from '../diagnostics/diagnostic.js';
import type { IdFilter, Member, Org } from '../model/types.js';
import { fieldIndex } from '../schema/fields.js';
import { formatDay } from '../util/dates.js';
import { NONE, type FieldPlacer } from './place.js';

const ORG = fieldIndex('members', 'org');

export interface MemberRefs {
  readonly orgs: ReadonlyMap<string, Org>;
  readonly brokenOrgs: IdFilter;
}

/** A roster row as decoded: the org id it names, when that passed its own check. */
export interface MemberSubject {
  readonly org: string | undefined;
}

export type MemberCheck = (m: MemberSubject, place: FieldPlacer, refs: MemberRefs) => readonly DiagnosticInput[];

/** The member's org exists (MJ302) and is a 支部 (MJ304). */
export const memberOrg: MemberCheck = (m, place, refs) => {
  if (m.org === undefined) return NONE;
  const id = m.org;
  const org = refs.orgs.get(id);
  if (org === undefined) return refs.brokenOrgs.has(id) ? NONE : [place.at(ORG, 'MJ302', { value: id }, { span: id.length, suggest: { value: id, pool: 'branches' } })];
  if (org.type !== '支部') return [place.at(ORG, 'MJ304', { value: id, type: org.type }, { span: id.length })];
  return NONE;
};

/** A member still 在册 in a branch that has been dissolved (spec §1 "A member's branch"). */
export function dissolvedBranches(members: readonly Member[], orgs: ReadonlyMap<string, Org>): DiagnosticInput[] {
  const out: DiagnosticInput[] = [];
  for (const m of members) {
    const org = orgs.get(m.org);
    if (org?.dissolved === undefined || m.status !== '在册') continue;
    out.push({
      file: m.origin.file, line: m.origin.line, column: m.orgColumn, code: 'MJ309', field: 'org', span: m.org.length,
      params: { member: m.id, org: org.id, dissolved: formatDay(org.dissolved) },
    });
  }
  return out;
}

/**
 * Excel's damage to the roster's ids: a column of ids taken for numbers loses the leading zeros
 * (0004 → 4), and every reference elsewhere, written right, stops matching. A reference like
 * 0004 to an unknown id, where the roster has 4, is that damage: it is named once, at the roster
 * (MJ313), instead of at each reference (MJ303).
 */
export class ZeroDamage {
  private readonly byNumber = new Map<string, Member>();
  private reported = false;

  constructor(members: readonly Member[]) {
    for (const m of members) if (/^[1-9]\d*$/.test(m.id) && !this.byNumber.has(m.id)) this.byNumber.set(m.id, m);
  }

  /** The roster member a reference means when only their zeros were lost there. */
  match(ref: string): Member | undefined {
    return this.byNumber.size === 0 || !/^0+[1-9]\d*$/.test(ref) ? undefined : this.byNumber.get(ref.replace(/^0+/, ''));
  }

  /** True once a reference was found to mean a roster id that lost its zeros. */
  get seen(): boolean {
    return this.reported;
  }

  /** MJ313 at the roster row, the first time; nothing afterwards (one diagnostic names it all). */
  report(m: Member, ref: string, where: string): readonly DiagnosticInput[] {
    if (this.reported) return NONE;
    this.reported = true;
    // The roster's ids shorter than the references' width: each lost its zeros (ids as wide are whole).
    let n = 0;
    for (const id of this.byNumber.keys()) if (id.length < ref.length) n++;
    return [{ code: 'MJ313', file: m.origin.file, line: m.origin.line, column: m.origin.column, field: 'id', span: m.id.length, params: { id: m.id, ref, where, file: m.origin.file, n } }];
  }
}
