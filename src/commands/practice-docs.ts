// The practice tables of a year from the pipeline's results: what mj liaison, mj leadership,
// mj inspections, mj stats trainings|trainees|reserve|reserve-structure and mj report share
// (compute, then the table; no rule is decided here).

import { inspectionsAsOf } from '../compute/inspections.js';
import { leadershipYear } from '../compute/leadership.js';
import { liaisonYear } from '../compute/liaison.js';
import { poolOfYear, poolStructure } from '../compute/reserve.js';
import { treeOrder } from '../compute/scope.js';
import { trainingYear } from '../compute/trainings.js';
import type { Dataset } from '../load/dataset.js';
import { yearsOf } from '../load/dataset.js';
import { yearEnd, type Day } from '../model/types.js';
import type { Counted, Practised, Scored } from '../pipeline/year.js';
import { trendOf, type Trend, type YearInput } from '../compute/trend.js';
import type { Activity } from '../model/types.js';
import type { TableLang } from '../tables/headers.js';
import {
  inspectionsTable, leadershipTable, liaisonTable, openMeasuresTable, reserveStructureTable, reserveTable, traineesTable, trainingsTable,
} from '../tables/practice-tables.js';
import type { Table } from '../tables/table.js';

export interface DocSettings {
  readonly lang: TableLang;
  readonly mask: boolean;
  readonly only: ReadonlySet<string> | undefined;
  readonly orgFilter: string | undefined;
}

const common = (ds: Dataset, s: DocSettings) => ({ datasetName: ds.config.name, lang: s.lang, mask: s.mask, orgById: ds.orgById, memberById: ds.memberById });

export function liaisonDoc(ds: Dataset, p: Practised, s: DocSettings, unvisitedOnly = false): Table {
  const contacts = liaisonYear(p.year, treeOrder(ds.orgs), ds.orgIndex, ds.liaisons, p.layout, p.practices);
  return liaisonTable({ ...common(ds, s), year: p.year, contacts, unvisitedOnly, only: s.only, orgFilter: s.orgFilter });
}

export function leadershipDoc(ds: Dataset, p: Practised, s: DocSettings): Table {
  const seats = leadershipYear(p.year, treeOrder(ds.orgs), ds.orgIndex, ds.leaders, p.reviews, p.layout, p.practices);
  return leadershipTable({ ...common(ds, s), year: p.year, seats, only: s.only, orgFilter: s.orgFilter });
}

export function trainingDocs(ds: Dataset, p: Practised, s: DocSettings): { trainings: Table; trainees: Table } {
  const all = trainingYear({ year: p.year, records: p.trainingRecords, orgsInTreeOrder: treeOrder(ds.orgs), members: ds.members, rule: ds.config.training });
  // --org: the trainings its orgs held, and the people of its branches.
  const result = s.only ? { ...all, trainings: all.trainings.filter((x) => s.only!.has(x.org.id)), trainees: all.trainees.filter((x) => s.only!.has(x.branch)) } : all;
  const input = { ...common(ds, s), year: p.year, result, members: ds.members, required: ds.config.training.requireNewMemberCourse, tags: ds.config.training.newMemberTags };
  return { trainings: trainingsTable(input), trainees: traineesTable(input) };
}

export function reserveDoc(ds: Dataset, c: Counted, s: DocSettings): Table {
  const rank = new Map(c.scope.orgsInTreeOrder.map((o, i) => [o.id, i]));
  const stays = poolOfYear(ds.members, c.year, c.scope.asOf, rank, ds.reserveHistory).filter((x) => !s.only || s.only.has(x.branch));
  return reserveTable({ ...common(ds, s), year: c.year, asOf: c.scope.asOf, members: ds.members, stays, counts: c.stats, history: ds.reserveHistory });
}

export function reserveStructureDoc(ds: Dataset, year: number, asOf: Day, s: DocSettings): Table {
  const members = s.only ? ds.members.filter((m) => s.only!.has(m.org)) : ds.members;
  const { kinds, total } = poolStructure(members, year, asOf);
  return reserveStructureTable({ datasetName: ds.config.name, lang: s.lang, year, asOf, kinds, total, history: ds.reserveHistory });
}

/** The day inspections are judged on without --as-of: the end of the data's latest year (never the clock). */
export function inspectionDay(ds: Dataset, year: number | undefined): Day {
  if (year !== undefined) return yearEnd(year);
  const years = [...yearsOf(ds), ...ds.inspections.map((i) => Math.floor(i.start / 10000))];
  return yearEnd(years.length === 0 ? 1970 : Math.max(...years));
}

export function inspectionDocs(ds: Dataset, year: number | undefined, asOf: Day, asOfGiven: boolean, s: DocSettings): { summary: Table; open: Table } {
  const result = inspectionsAsOf(ds.inspections.filter((i) => !s.only || s.only.has(i.target)), ds.rectifications, treeOrder(ds.orgs), year, asOf);
  const input = { ...common(ds, s), year, result, asOfGiven };
  return { summary: inspectionsTable(input), open: openMeasuresTable(input) };
}

/** Which practice tables a dataset has data for (mj report writes only those). */
export function practiceKinds(ds: Dataset, p: Practised): { liaison: boolean; leadership: boolean; trainings: boolean; reserve: boolean; inspections: boolean } {
  return {
    liaison: ds.liaisons.length > 0,
    leadership: ds.leaders.length > 0 || p.reviews.length > 0,
    trainings: p.trainingRecords.length > 0 || ds.config.training.requireNewMemberCourse,
    reserve: ds.reserveHistory || ds.members.some((m) => m.reserve),
    inspections: ds.files.inspections !== undefined,
  };
}

/** One year's part of a trend (mj trend, the HTML report's trends), from its results; `only` keeps some orgs (--org). */
export function trendInput(ds: Dataset, r: { counted: Counted; scored: Scored | undefined; trainingRecords: readonly Activity[] }, only: ReadonlySet<string> | undefined): YearInput {
  const { counted, scored, trainingRecords } = r;
  return {
    year: counted.year, scope: counted.scope, stats: counted.stats, scores: scored?.scores, grades: scored?.rubric.grades.map((g) => g.name) ?? [],
    personTimes: trainingYear({ year: counted.year, records: trainingRecords.filter((a) => !only || only.has(a.org)), orgsInTreeOrder: [...ds.orgs], members: [], rule: ds.config.training }).personTimes,
  };
}

/** The trend of the given years' results, oldest first. */
export function trendOfResults(ds: Dataset, results: readonly { counted: Counted; scored: Scored | undefined; trainingRecords: readonly Activity[] }[], only: ReadonlySet<string> | undefined): Trend {
  return trendOf(results.map((r) => trendInput(ds, r, only)), results[results.length - 1]!.counted.scope.orgsInTreeOrder, ds.members, only);
}
