// One year of duty records: every branch's, then the committees', in one store, and the order
// in which they are written (by date, stable in the order of generation).
import { yearFirstDay, yearLastDay } from '../calendar.mjs';
import { genBranchYear } from './branch.mjs';
import { genCommitteeRows } from './committees.mjs';
import { genPracticeRows } from './practices.mjs';
import { RowStore } from './row-store.mjs';

/** Returns { store, order }: order[k] is the row written k-th (a counting sort by day). */
export function generateYear(ctx, tree, M, Y) {
  const store = new RowStore(Y);
  for (const b of tree.branches) genBranchYear(ctx, M, b, Y, store);
  genCommitteeRows(ctx, tree, M, Y, store);
  genPracticeRows(ctx, tree, M, Y, store);
  const yS = yearFirstDay(Y);
  const nDays = yearLastDay(Y) - yS + 1;
  const start = new Int32Array(nDays + 1);
  for (let r = 0; r < store.n; r++) start[store.day.a[r] - yS + 1]++;
  for (let k = 1; k <= nDays; k++) start[k] += start[k - 1];
  const order = new Int32Array(store.n);
  const fillAt = start.slice(0, nDays);
  for (let r = 0; r < store.n; r++) order[fillAt[store.day.a[r] - yS]++] = r;
  return { store, order };
}
