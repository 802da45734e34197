// Checks of the organisation tree across orgs.yaml: parents exist and are not branches, exactly
// one root, no cycles; committee members and liaisons are on the roster.

import type { DiagnosticInput } from '../diagnostics/diagnostic.js';
import type { IdFilter, Member, Org } from '../model/types.js';
import type { ZeroDamage } from './members.js';

/** The orgs as read from orgs.yaml, with where each was written. */
export interface OrgTree {
  readonly file: string;
  readonly orgs: readonly Org[];
  /** Ids of orgs written with errors: references to them are not reported again. */
  readonly broken: ReadonlySet<string>;
  /**
   * Orgs read whole but left out of the tree for an error of their own (a bad id or date): not
   * part of its shape (roots, cycles), but their references — parent, committee, liaison — are
   * still checked, so one run shows those problems too.
   */
  readonly aside?: readonly Org[];
  /** Position of an org's key (or of a path below it, e.g. committee, 0, member). */
  at(org: Org, ...path: (string | number)[]): { file: string; line: number; column: number };
  /** Position in the file of the org's index in the list. */
  indexOf(org: Org): number;
}

/** Parents exist and are not branches (MJ302, MJ307); exactly one root (MJ306); no cycles (MJ305). */
export function orgTree(loaded: OrgTree): DiagnosticInput[] {
  const out: DiagnosticInput[] = [];
  const byId = new Map(loaded.orgs.map((o) => [o.id, o]));
  const roots: Org[] = [];
  const aside = new Set(loaded.aside ?? []);
  for (const org of [...loaded.orgs, ...aside]) {
    if (org.parent === undefined) {
      if (!aside.has(org)) roots.push(org);
      continue;
    }
    const parent = byId.get(org.parent);
    if (parent === undefined) {
      if (!loaded.broken.has(org.parent)) {
        out.push({
          ...loaded.at(org, 'parent'), code: 'MJ302', field: 'parent', label: 'parent',
          params: { label: 'parent', value: org.parent }, span: org.parent.length,
          suggest: { value: org.parent, pool: 'orgs' },
        });
      }
    } else if (parent.type === '支部') {
      out.push({ ...loaded.at(org, 'parent'), code: 'MJ307', field: 'parent', label: 'parent', params: { parent: parent.id } });
    }
  }
  if (roots.length !== 1 && loaded.orgs.length > 0) {
    const where = roots.length > 1 ? loaded.at(roots[1]!, 'id') : { file: loaded.file, line: 1, column: 1 };
    out.push({ ...where, code: 'MJ306', params: { count: roots.length, ids: roots.map((r) => r.id).join('、') || '—' }, ...(roots.length > 1 ? { span: roots[1]!.id.length } : {}) });
  }
  // Cycles: follow parents; each cycle is reported once, at its first org in file order.
  const state = new Map<string, 'open' | 'done'>();
  for (const start of loaded.orgs) {
    const chain: Org[] = [];
    let cur: Org | undefined = start;
    while (cur && !state.has(cur.id)) {
      state.set(cur.id, 'open');
      chain.push(cur);
      cur = cur.parent === undefined ? undefined : byId.get(cur.parent);
    }
    if (cur && state.get(cur.id) === 'open') {
      const cycle = chain.slice(chain.indexOf(cur));
      const first = [...cycle].sort((a, b) => loaded.indexOf(a) - loaded.indexOf(b))[0]!;
      const k = cycle.indexOf(first);
      const ordered = [...cycle.slice(k), ...cycle.slice(0, k), first];
      out.push({ ...loaded.at(first, 'parent'), code: 'MJ305', field: 'parent', label: 'parent', params: { cycle: ordered.map((o) => o.id).join(' → ') } });
    }
    for (const o of chain) state.set(o.id, 'done');
  }
  return out;
}

/** Committee members and liaisons must be on the roster (MJ303). */
export function orgPeople(loaded: OrgTree, members: ReadonlyMap<string, Member>, brokenMembers: IdFilter, zeros?: ZeroDamage): DiagnosticInput[] {
  const out: DiagnosticInput[] = [];
  /** A reference to a roster id Excel damaged is named once, at the roster. */
  const damage = (ref: string, at: { file: string; line: number }): boolean => {
    const m = zeros?.match(ref);
    if (m && zeros) out.push(...zeros.report(m, ref, `${at.file}:${at.line}`));
    return m !== undefined;
  };
  for (const org of [...loaded.orgs, ...(loaded.aside ?? [])]) {
    org.committee.forEach((c, k) => {
      if (members.has(c.member) || brokenMembers.has(c.member)) return;
      if (damage(c.member, loaded.at(org, 'committee', k, 'member'))) return;
      out.push({
        ...loaded.at(org, 'committee', k, 'member'), code: 'MJ303',
        field: 'committee.member', label: 'member', params: { value: c.member }, span: c.member.length,
        suggest: { value: c.member, pool: 'members' },
      });
    });
    if (org.liaison !== undefined && !members.has(org.liaison) && !brokenMembers.has(org.liaison) && !damage(org.liaison, loaded.at(org, 'liaison'))) {
      out.push({
        ...loaded.at(org, 'liaison'), code: 'MJ303', field: 'liaison', label: 'liaison', params: { value: org.liaison },
        span: org.liaison.length, suggest: { value: org.liaison, pool: 'members' },
      });
    }
  }
  return out;
}
