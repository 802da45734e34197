// 政治巡查 as of a day: each 整改 measure done (a date done on or before the day) or open, and
// overdue (open past its deadline); per committee inspected, its inspections, findings and
// measures with the completion rate. The day is always given (an --as-of, or the data's year
// end), never the clock. Pure.

import type { Inspection, Rectification } from '../model/practices.js';
import type { Day, Org } from '../model/types.js';
import { daysBetween } from '../util/dates.js';
import { compareText as cmp } from '../util/compare.js';

export interface MeasureState {
  readonly measure: Rectification;
  readonly inspection: Inspection;
  readonly done: boolean;
  /** Open and past its deadline on the day. */
  readonly overdue: boolean;
  /** Days past the deadline (open: to the day; done late: to the day done); 0 when in time. */
  readonly daysLate: number;
}

export interface CommitteeInspections {
  readonly org: Org;
  readonly inspections: number;
  /** Distinct findings, and those with a measure still open. */
  readonly findings: number;
  readonly openFindings: number;
  readonly measures: number;
  readonly done: number;
  /** Done after the deadline. */
  readonly doneLate: number;
  readonly open: number;
  readonly overdue: number;
}

export interface InspectionsResult {
  readonly asOf: Day;
  readonly committees: readonly CommitteeInspections[];
  /** Every measure of the inspections counted, in order of inspection start, finding, file. */
  readonly measures: readonly MeasureState[];
}

/** The inspections begun in `year` (every one without a year) by the day `asOf`, and their measures. */
export function inspectionsAsOf(
  inspections: readonly Inspection[], measures: readonly Rectification[], orgsInTreeOrder: readonly Org[], year: number | undefined, asOf: Day,
): InspectionsResult {
  const chosen = inspections.filter((i) => (year === undefined || Math.floor(i.start / 10000) === year) && i.start <= asOf);
  const byId = new Map(chosen.map((i) => [i.id, i]));
  const states: MeasureState[] = [];
  for (const m of measures) {
    const ins = byId.get(m.inspection);
    if (!ins) continue;
    const done = m.done !== undefined && m.done <= asOf;
    const overdue = !done && m.deadline < asOf;
    const daysLate = done ? Math.max(0, daysBetween(m.deadline, m.done!)) : overdue ? daysBetween(m.deadline, asOf) : 0;
    states.push({ measure: m, inspection: ins, done, overdue, daysLate });
  }
  states.sort((a, b) => a.inspection.start - b.inspection.start || cmp(a.inspection.id, b.inspection.id) || cmp(a.measure.finding, b.measure.finding) || a.measure.origin.line - b.measure.origin.line);
  const committees: CommitteeInspections[] = [];
  for (const o of orgsInTreeOrder) {
    const mine = chosen.filter((i) => i.target === o.id);
    if (mine.length === 0) continue;
    const ids = new Set(mine.map((i) => i.id));
    const list = states.filter((s) => ids.has(s.inspection.id));
    const findings = new Set(list.map((s) => `${s.inspection.id}\u0000${s.measure.finding}`));
    const openFindings = new Set(list.filter((s) => !s.done).map((s) => `${s.inspection.id}\u0000${s.measure.finding}`));
    committees.push({
      org: o, inspections: mine.length, findings: findings.size, openFindings: openFindings.size, measures: list.length,
      done: list.filter((s) => s.done).length, doneLate: list.filter((s) => s.done && s.daysLate > 0).length,
      open: list.filter((s) => !s.done).length, overdue: list.filter((s) => s.overdue).length,
    });
  }
  return { asOf, committees, measures: states };
}

