// Checks of the organisation tree across orgs.yaml: parents exist and are not branches, exactly
// one root, no cycles; committee members and liaisons are on the roster.

import type { IdFilter } from '../model/types.js';
import type { Member, Org } from '../model/types.js';
import type { LoadContext } from '../load/context.js';
import type { LoadedOrgs } from '../load/orgs.js';

function at(loaded: LoadedOrgs, org: Org, key: string): { file: string; line: number; column: number } {
  const i = loaded.source.index.get(org) ?? 0;
  return { file: loaded.source.file, ...loaded.source.doc.locate([i, key]) };
}

export function checkOrgTree(ctx: LoadContext, loaded: LoadedOrgs): void {
  const byId = new Map(loaded.orgs.map((o) => [o.id, o]));
  const roots: Org[] = [];
  for (const org of loaded.orgs) {
    if (org.parent === undefined) {
      roots.push(org);
      continue;
    }
    const parent = byId.get(org.parent);
    if (parent === undefined) {
      if (!loaded.broken.has(org.parent)) {
        ctx.report({
          ...at(loaded, org, 'parent'), code: 'MJ302', field: 'parent', label: 'parent',
          params: { label: 'parent', value: org.parent }, span: org.parent.length,
          suggest: { value: org.parent, pool: 'orgs' },
        });
      }
    } else if (parent.type === '支部') {
      ctx.report({ ...at(loaded, org, 'parent'), code: 'MJ307', field: 'parent', label: 'parent', params: { parent: parent.id } });
    }
  }
  if (roots.length !== 1 && loaded.orgs.length > 0) {
    const where = roots.length > 1 ? at(loaded, roots[1]!, 'id') : { file: loaded.source.file, line: 1, column: 1 };
    ctx.report({ ...where, code: 'MJ306', params: { count: roots.length, ids: roots.map((r) => r.id).join('、') || '—' }, ...(roots.length > 1 ? { span: roots[1]!.id.length } : {}) });
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
      const first = [...cycle].sort((a, b) => (loaded.source.index.get(a) ?? 0) - (loaded.source.index.get(b) ?? 0))[0]!;
      const k = cycle.indexOf(first);
      const ordered = [...cycle.slice(k), ...cycle.slice(0, k), first];
      ctx.report({ ...at(loaded, first, 'parent'), code: 'MJ305', field: 'parent', label: 'parent', params: { cycle: ordered.map((o) => o.id).join(' → ') } });
    }
    for (const o of chain) state.set(o.id, 'done');
  }
}

/** Committee members and liaisons must be on the roster. */
export function checkOrgPeople(ctx: LoadContext, loaded: LoadedOrgs, members: ReadonlyMap<string, Member>, brokenMembers: IdFilter): void {
  for (const org of loaded.orgs) {
    const i = loaded.source.index.get(org) ?? 0;
    org.committee.forEach((c, k) => {
      if (members.has(c.member) || brokenMembers.has(c.member)) return;
      ctx.report({
        file: loaded.source.file, ...loaded.source.doc.locate([i, 'committee', k, 'member']), code: 'MJ303',
        field: 'committee.member', label: 'member', params: { value: c.member }, span: c.member.length,
        suggest: { value: c.member, pool: 'members' },
      });
    });
    if (org.liaison !== undefined && !members.has(org.liaison) && !brokenMembers.has(org.liaison)) {
      ctx.report({
        ...at(loaded, org, 'liaison'), code: 'MJ303', field: 'liaison', label: 'liaison', params: { value: org.liaison },
        span: org.liaison.length, suggest: { value: org.liaison, pool: 'members' },
      });
    }
  }
}
