// Roll-up groups (spec §1 "Groups for roll-ups"): each 市委会 or 工委 directly under the root,
// with everything below it; 省直 = the branches directly under the root.

import type { Org } from '../model/types.js';

export interface Group {
  /** The group org's id; '' for 省直. */
  readonly key: string;
  /** The 市委会 or 工委, or undefined for 省直 (the branches directly under the root). */
  readonly org: Org | undefined;
}

/** Group of every org, by walking up to the child of the root. */
export function groupsOf(orgsInTreeOrder: readonly Org[]): Map<string, Group> {
  const byId = new Map(orgsInTreeOrder.map((o) => [o.id, o]));
  const direct: Group = { key: '', org: undefined };
  const out = new Map<string, Group>();
  for (const o of orgsInTreeOrder) {
    let cur: Org = o;
    const seen = new Set<string>();
    while (cur.parent !== undefined && byId.get(cur.parent)?.parent !== undefined && !seen.has(cur.id)) {
      seen.add(cur.id);
      cur = byId.get(cur.parent)!;
    }
    if (cur.parent === undefined) continue; // the root itself
    out.set(o.id, cur.type === '支部' ? direct : { key: cur.id, org: cur });
  }
  return out;
}
