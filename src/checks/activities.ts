// Checks of one duty record against the rest of the dataset: its date inside its file's year, the
// org it is credited to (exists; existed that day), and each member it lists (on the roster; on
// it that day), and no member or outcome listed twice (counted once; MJ215). A record with an
// error is not counted.

import type { DiagnosticInput } from '../diagnostics/diagnostic.js';
import { onRoster, type Day, type IdFilter, type Member, type Org } from '../model/types.js';
import { ACTIVITY_FIELD as F } from '../schema/fields.js';
import { formatDay, yearOf } from '../util/dates.js';
import { wronglySeparated } from '../util/separators.js';
import type { ZeroDamage } from './members.js';
import { NONE, type FieldPlacer } from './place.js';

/** A duty record as decoded: its fields that passed their own checks (undefined otherwise). */
export interface ActivitySubject {
  readonly date: Day | undefined;
  /** The date as written, for the caret's span. */
  readonly dateText: string;
  readonly org: string | undefined;
  readonly members: readonly string[];
  /** The outcome phrases as listed (known ones), repeats kept. */
  readonly outcomes: readonly string[];
}

export interface ActivityRefs {
  /** The year of the file the record is in. */
  readonly year: number;
  readonly orgs: ReadonlyMap<string, Org>;
  /** Ids of orgs written with errors: references to them are not reported again. */
  readonly brokenOrgs: IdFilter;
  readonly members: ReadonlyMap<string, Member>;
  readonly brokenMembers: IdFilter;
  /** Roster ids whose leading zeros Excel dropped (named once, at the roster). */
  readonly zeros: ZeroDamage;
}

export type ActivityCheck = (a: ActivitySubject, place: FieldPlacer, refs: ActivityRefs) => readonly DiagnosticInput[];

/** Dated inside its file's year (MJ208). */
export const activityInYear: ActivityCheck = (a, place, refs) => {
  if (a.date === undefined || yearOf(a.date) === refs.year) return NONE;
  return [place.at(F.date, 'MJ208', { value: formatDay(a.date), year: refs.year }, { span: a.dateText.length })];
};

/** Credited to an org that exists (MJ302), and existed on the record's date (MJ310, a warning). */
export const activityOrg: ActivityCheck = (a, place, refs) => {
  if (a.org === undefined) return NONE;
  const id = a.org;
  const org = refs.orgs.get(id);
  if (org === undefined) {
    return refs.brokenOrgs.has(id) ? NONE : [place.at(F.org, 'MJ302', { value: id }, { span: id.length, suggest: { value: id, pool: 'orgs' } })];
  }
  if (a.date === undefined) return NONE;
  const date = formatDay(a.date);
  if (org.established !== undefined && org.established > a.date) {
    return [place.at(F.org, 'MJ310', { value: id, date, why: `@not-yet-established:${formatDay(org.established)}` }, { span: id.length })];
  }
  if (org.dissolved !== undefined && org.dissolved < a.date) {
    return [place.at(F.org, 'MJ310', { value: id, date, why: `@already-dissolved:${formatDay(org.dissolved)}` }, { span: id.length })];
  }
  return NONE;
};

/** Every member listed is on the roster (MJ303), and was on it on the record's date (MJ308). */
export const activityMembers: ActivityCheck = (a, place, refs) => {
  let out: DiagnosticInput[] | undefined;
  a.members.forEach((id, k) => {
    const m = refs.members.get(id);
    let d: DiagnosticInput | undefined;
    if (m === undefined) {
      const damaged = refs.zeros.match(id);
      if (damaged) {
        const at = place.atItem(F.members, k, 'MJ303');
        for (const z of refs.zeros.report(damaged, id, `${at.file}:${at.line}`)) (out ??= []).push(z);
      } else if (wronglySeparated(id)) {
        const w = wronglySeparated(id)!;
        d = place.atItem(F.members, k, 'MJ220', { value: id, sep: w.sep === ' ' ? '@space' : w.sep, items: '@sep-members', example: w.parts.join(';') });
      } else if (!refs.brokenMembers.has(id)) d = place.atItem(F.members, k, 'MJ303', { value: id }, { suggest: { value: id, pool: 'members' } });
    } else if (a.date !== undefined && !onRoster(m, a.date)) {
      const why = m.joined > a.date ? `@not-yet-joined:${formatDay(m.joined)}` : `@already-left:${formatDay(m.left ?? a.date)}`;
      d = place.atItem(F.members, k, 'MJ308', { value: id, date: formatDay(a.date), why });
    }
    if (d) (out ??= []).push(d);
  });
  return out ?? NONE;
};

/** A member or an outcome listed twice on one record (MJ215, a warning): it counts once. */
export const activityRepeats: ActivityCheck = (a, place) => {
  let out: DiagnosticInput[] | undefined;
  for (const [field, list] of [[F.members, a.members], [F.outcomes, a.outcomes]] as const) {
    if (list.length < 2) continue;
    list.forEach((x, k) => {
      const first = list.indexOf(x);
      if (first < k) (out ??= []).push(place.atItem(field, k, 'MJ215', { value: x, first: first + 1, n: k + 1 }));
    });
  }
  return out ?? NONE;
};
