// Roll-up groups (spec §1 "Groups for roll-ups"): each 市委会 or 工委 directly under the root,
// with everything below it; 省直 = the branches directly under the root. And the shared
// mechanics of tables with subtotal and total rows built from summable count vectors.

import type { Org } from '../model/types.js';
import type { Cell, Row, Rows } from './table.js';

export interface Group {
  readonly key: string;
  readonly label: string;
}

/** Group of every org, by walking up to the child of the root. */
export function groupsOf(orgsInTreeOrder: readonly Org[], lang: 'zh' | 'en'): Map<string, Group> {
  const byId = new Map(orgsInTreeOrder.map((o) => [o.id, o]));
  const direct: Group = { key: '', label: lang === 'zh' ? '省直' : 'Provincial direct' };
  const out = new Map<string, Group>();
  for (const o of orgsInTreeOrder) {
    let cur: Org = o;
    const seen = new Set<string>();
    while (cur.parent !== undefined && byId.get(cur.parent)?.parent !== undefined && !seen.has(cur.id)) {
      seen.add(cur.id);
      cur = byId.get(cur.parent)!;
    }
    if (cur.parent === undefined) continue; // the root itself
    out.set(o.id, cur.type === '支部' ? direct : { key: cur.id, label: cur.name });
  }
  return out;
}

/**
 * Rows from units that carry summable counts: data rows in the given order, a subtotal row
 * after each group when grouping, and a 合计 row. Totals are computed from summed counts, so
 * shares in them are Σ numerators ÷ Σ denominators, never averages of shares. The totals are
 * summed in a first pass; data rows are made again each time the rows are read, so no row is
 * held longer than its rendering (`sum` gets the counts one at a time, never all at once).
 */
export function rowsWithTotals<U, C>(
  units: readonly U[],
  countsOf: (u: U) => C,
  cellsOf: (u: U, c: C) => Cell[],
  sum: (list: Iterable<C>) => C,
  totalCells: (label: string, c: C, n: number) => Cell[],
  options: { groupOf?: (u: U) => Group | undefined; totalLabel: string; subtotalLabel: (g: Group) => string },
): Rows {
  const counted = function* (list: readonly U[]): Generator<C> {
    for (const u of list) yield countsOf(u);
  };
  const parts: { units: readonly U[]; subtotal: Row | undefined }[] = [];
  if (options.groupOf) {
    const order: Group[] = [];
    const members = new Map<string, U[]>();
    for (const u of units) {
      const g = options.groupOf(u) ?? { key: '?', label: '?' };
      let list = members.get(g.key);
      if (!list) {
        members.set(g.key, (list = []));
        order.push(g);
      }
      list.push(u);
    }
    for (const g of order) {
      const list = members.get(g.key)!;
      parts.push({ units: list, subtotal: { kind: 'subtotal', cells: totalCells(options.subtotalLabel(g), sum(counted(list)), list.length) } });
    }
  } else {
    parts.push({ units, subtotal: undefined });
  }
  const total: Row = { kind: 'total', cells: totalCells(options.totalLabel, sum(counted(units)), units.length) };
  return {
    length: units.length + (options.groupOf ? parts.length : 0) + 1,
    *[Symbol.iterator]() {
      for (const part of parts) {
        for (const u of part.units) yield { kind: 'data', cells: cellsOf(u, countsOf(u)) };
        if (part.subtotal) yield part.subtotal;
      }
      yield total;
    },
  };
}

/** Sums objects of numbers field by field. */
export function sumFields<T extends Record<string, number>>(list: readonly T[], zero: T): T {
  const out = { ...zero };
  for (const c of list) for (const k of Object.keys(zero) as (keyof T)[]) (out[k] as number) += c[k] as number;
  return out;
}

/** Names shown as first character + ** (for tables meant for the public). */
export function maskName(name: string): string {
  const first = [...name][0] ?? '';
  return `${first}**`;
}
