// Roll-up groups (spec §1 "Groups for roll-ups"): each 市委会 or 工委 directly under the root,
// with everything below it; 省直 = the branches directly under the root.

import type { Org } from '../model/types.js';

export interface Group {
  /** The group org's id; '' for 省直. */
  readonly key: string;
  /** The 市委会 or 工委, or undefined for 省直 (the branches directly under the root). */
  readonly org: Org | undefined;
}

/** Group of every org: the child of the root it lies under (each org's group found once, from its parent's). */
export function groupsOf(orgsInTreeOrder: readonly Org[]): Map<string, Group> {
  const byId = new Map(orgsInTreeOrder.map((o) => [o.id, o]));
  const direct: Group = { key: '', org: undefined };
  const out = new Map<string, Group>();
  /** The org directly under the root above `o` (itself when it is one); undefined for the root or off the tree. */
  const top = new Map<string, Org | undefined>();
  const topOf = (start: Org): Org | undefined => {
    // Walk up to an org whose answer is known (or the root), then fill in the path: linear overall.
    const path: Org[] = [];
    let cur: Org | undefined = start;
    let found: Org | undefined;
    const seen = new Set<string>();
    for (;;) {
      if (cur === undefined) break;
      if (top.has(cur.id)) {
        found = top.get(cur.id);
        break;
      }
      if (seen.has(cur.id)) break; // a cycle (reported by validation)
      seen.add(cur.id);
      const parent: Org | undefined = cur.parent === undefined ? undefined : byId.get(cur.parent);
      if (parent === undefined || parent.parent === undefined) {
        found = cur; // directly under the root (or under a parent that is not there)
        path.push(cur);
        break;
      }
      path.push(cur);
      cur = parent;
    }
    for (const o of path) top.set(o.id, found);
    return found;
  };
  for (const o of orgsInTreeOrder) {
    if (o.parent === undefined) continue; // the root itself
    const t = topOf(o);
    if (t === undefined) continue;
    out.set(o.id, t.type === '支部' ? direct : { key: t.id, org: t });
  }
  return out;
}

/**
 * The year's branches (indices in `branches`) by roll-up group, groups in the tree order of their
 * first branch — the order of the tables' subtotal rows.
 */
export function branchesByGroup(orgsInTreeOrder: readonly Org[], branches: readonly Org[]): { group: Group; branches: number[] }[] {
  const groups = groupsOf(orgsInTreeOrder);
  const out: { group: Group; branches: number[] }[] = [];
  const index = new Map<string, number>();
  branches.forEach((b, i) => {
    const g = groups.get(b.id) ?? { key: '?', org: undefined };
    let k = index.get(g.key);
    if (k === undefined) {
      index.set(g.key, (k = out.length));
      out.push({ group: g, branches: [] });
    }
    out[k]!.branches.push(i);
  });
  return out;
}
