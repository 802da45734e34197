// The shared mechanics of tables with subtotal and total rows built from summable counts, and
// how names are shown in tables meant for the public.

import type { Group } from '../compute/groups.js';
import type { Cell, Row, Rows } from './table.js';

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
      const g = options.groupOf(u) ?? { key: '?', org: undefined };
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

/** A roll-up group's name in a table: its org's name, or 省直. */
export function groupLabel(g: Group, lang: 'zh' | 'en'): string {
  return g.org?.name ?? (lang === 'zh' ? '省直' : 'Provincial direct');
}

/** Names shown as first character + ** (for tables meant for the public). */
export function maskName(name: string): string {
  const first = [...name][0] ?? '';
  return `${first}**`;
}

/** The scope of a rank, from the type of the tree's root: 全省 for a 省委会, 全市 for a 市委会, else 全部. */
export function rankScope(rootType: string | undefined, lang: 'zh' | 'en'): string {
  if (lang === 'en') return rootType === '省委会' ? 'province-wide' : rootType === '市委会' ? 'city-wide' : 'among all';
  return rootType === '省委会' ? '全省' : rootType === '市委会' ? '全市' : '全部';
}
