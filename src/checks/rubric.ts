// The rules of a rubric that its schema cannot say: the title's year, grades in order, quotas
// within 0–1, numbers that make sense (full marks above 0, no negative cap, tier or amount),
// unique item ids, each item's form complete, `where` outcomes from the vocabulary, vetoes
// naming real items and grades, subsidy factors naming real grades.

import type { DiagnosticInput } from '../diagnostics/diagnostic.js';
import type { Rubric } from '../model/rubric.js';
import type { RawItem, RawRecordWhere, RawRubric, RawWhere } from '../schema/structured.js';
import { compareDecimal, Rational } from '../util/decimal-text.js';

/**
 * A rubric as its rules see it: whole, or — when it failed its schema — the parts that passed
 * (title and total when they did; the grades, sections, items, vetoes that did), so its own
 * rules are still checked in the same run.
 */
export type RubricParts = Omit<RawRubric, 'title' | 'total'> & { readonly title?: string | undefined; readonly total?: string | undefined };

export interface RubricRefs {
  readonly file: string;
  /** The year of the rubric's file name. */
  readonly year: number;
  /** The outcome vocabulary (built in, plus mj.yaml's). */
  readonly outcomes: ReadonlySet<string>;
  /** Line and column of the node at a path in the rubric's document. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
  /** Ids of items left out for failing the schema: a veto naming one names no unknown item. */
  readonly brokenItems?: ReadonlySet<string>;
  /** Set when a grade was left out for failing the schema: names of grades are then not judged. */
  readonly gradesIncomplete?: boolean;
}

export function rubricRules(rubric: RubricParts, refs: RubricRefs): DiagnosticInput[] {
  const { file, year, outcomes } = refs;
  const out: DiagnosticInput[] = [];
  const at = (...path: (string | number)[]) => ({ file, ...refs.locate(path) });

  const titleYear = rubric.title === undefined ? undefined : /(\d{4})\s*年/.exec(rubric.title)?.[1];
  if (titleYear !== undefined && Number(titleYear) !== year) {
    out.push({ ...at('title'), code: 'MJ409', severity: 'warning', field: 'title', params: { found: titleYear, year } });
  }

  // Numbers that make no sense (MJ411): full marks not above 0, a negative cap, tier or amount.
  const outOfRange = (value: string | undefined, path: (string | number)[], rule: '@above-zero' | '@not-negative'): void => {
    if (value === undefined) return;
    const c = compareDecimal(value, '0');
    if (rule === '@above-zero' ? c > 0 : c >= 0) return;
    const key = String(path[path.length - 1]);
    out.push({ ...at(...path), code: 'MJ411', field: path.filter((k) => typeof k === 'string').join('.'), params: { key, value, rule }, span: value.length });
  };
  const itemNumbers = (item: RawItem, p: (string | number)[]): void => {
    outOfRange(item.max, [...p, 'max'], '@not-negative');
    const seenTier = new Map<string, number>();
    (item.tiers ?? []).forEach((t, k) => {
      outOfRange(t.at_least, [...p, 'tiers', k, 'at_least'], '@not-negative');
      // Two tiers at one threshold: which one counts cannot be told (MJ415).
      const key = Rational.parse(t.at_least).toShort(12);
      const first = seenTier.get(key);
      if (first !== undefined) out.push({ ...at(...p, 'tiers', k, 'at_least'), code: 'MJ415', field: 'tiers.at_least', params: { id: item.id, value: t.at_least, first: first + 1 }, span: t.at_least.length });
      else seenTier.set(key, k);
    });
  };
  if (rubric.subsidy) {
    for (const key of ['base', 'per_member', 'cap', 'budget'] as const) outOfRange(rubric.subsidy[key], ['subsidy', key], '@not-negative');
  }

  // Item and requirement ids are unique across the whole rubric (assessments and vetoes name them).
  const firstLine = new Map<string, number>();
  const claim = (id: string, p: (string | number)[]): boolean => {
    const first = firstLine.get(id);
    if (first !== undefined) {
      out.push({ ...at(...p, 'id'), code: 'MJ405', field: 'id', params: { id, first } });
      return false;
    }
    firstLine.set(id, refs.locate([...p, 'id']).line);
    return true;
  };
  const checkWhere = (where: RawWhere | RawRecordWhere, path: (string | number)[]): void => {
    const list = where.outcomes === undefined ? [] : Array.isArray(where.outcomes) ? where.outcomes : [where.outcomes];
    list.forEach((o, k) => {
      if (outcomes.has(o)) return;
      const p = Array.isArray(where.outcomes) ? [...path, 'outcomes', k] : [...path, 'outcomes'];
      out.push({
        ...at(...p), code: 'MJ203', field: 'outcomes', label: 'outcomes', params: { label: 'outcomes', value: o },
        suggest: { value: o, pool: 'values', candidates: [...outcomes] },
      });
    });
    if ('not' in where && where.not) checkWhere(where.not, [...path, 'not']);
  };
  const unknown = (path: (string | number)[], kind: '@ref-item' | '@ref-requirement', id: string, pool: Iterable<string>): void => {
    out.push({ ...at(...path), code: 'MJ412', field: path.filter((x) => typeof x === 'string').join('.'), params: { kind, id }, span: id.length, suggest: { value: id, pool: 'values', candidates: [...pool] } });
  };
  const branchGrades = new Set((rubric.grades ?? []).map((g) => g.name));
  const branchItems = new Set((rubric.sections ?? []).flatMap((s) => s.items.map((it) => it.id)));

  /** One sheet's rules: the branch sheet (the rubric's top level), a unit sheet, the member sheet. */
  const checkSheet = (sheet: { readonly [K in keyof SheetParts]?: SheetParts[K] | undefined }, base: (string | number)[], kind: SheetKind): void => {
    const grades = sheet.grades ?? [];
    grades.forEach((g, i) => {
      const prev = grades[i - 1];
      if (prev !== undefined && compareDecimal(g.min, prev.min) >= 0) {
        out.push({ ...at(...base, 'grades', i, 'min'), code: 'MJ404', field: 'grades.min', params: { name: g.name, min: g.min } });
      }
      if (g.quota !== undefined && !shareWithinOne(g.quota)) {
        out.push({ ...at(...base, 'grades', i, 'quota'), code: 'MJ410', field: 'grades.quota', params: { value: g.quota } });
      }
    });
    outOfRange(sheet.total, [...base, 'total'], '@above-zero');
    // Names become column headers: two alike, or one taken by a fixed column, would clash (MJ414).
    const names = new Map<string, string>();
    const reserved = kind === 'member' ? RESERVED_MEMBER_HEADERS : RESERVED_HEADERS;
    const name = (value: string, p: (string | number)[]): void => {
      const fixed = reserved.includes(value);
      const first = names.get(value);
      if (fixed || first !== undefined) out.push({ ...at(...p, 'name'), code: 'MJ414', field: 'name', params: { name: value, first: fixed ? '@fixed-column' : first! }, span: value.length });
      else names.set(value, `@first-line:${refs.locate([...p, 'name']).line}`);
    };
    const items = new Map<string, RawItem>();
    (sheet.sections ?? []).forEach((sec, i) => {
      outOfRange(sec.max, [...base, 'sections', i, 'max'], '@not-negative');
      outOfRange(sec.weight, [...base, 'sections', i, 'weight'], '@above-zero');
      sec.items.forEach((item, k) => {
        const p = [...base, 'sections', i, 'items', k];
        itemNumbers(item, p);
        if (claim(item.id, p)) items.set(item.id, item);
        name(item.name, p);
        const problem = itemProblem(item, kind) ?? kindProblem(item, kind, branchItems, branchGrades);
        if (problem !== undefined) out.push({ ...at(...p), code: 'MJ406', field: 'measure', params: { id: item.id, problem } });
        if (item.where) checkWhere(item.where, [...p, 'where']);
        if (item.of) checkWhere(item.of, [...p, 'of']);
        if (item.excused) checkWhere(item.excused, [...p, 'excused']);
      });
    });
    // Requirements (基本要求): ids unique, a complete form.
    const requirements = new Set<string>();
    (sheet.requirements ?? []).forEach((r, k) => {
      const p = [...base, 'requirements', k];
      claim(r.id, p);
      name(r.name, p);
      requirements.add(r.id);
      const problem = requirementProblem(r) ?? kindProblem(r, kind, branchItems, branchGrades);
      if (problem !== undefined) out.push({ ...at(...p), code: 'MJ406', field: 'measure', params: { id: r.id, problem } });
      if (r.where) checkWhere(r.where, [...p, 'where']);
    });
    grades.forEach((g, i) => {
      const list = g.requires === undefined ? [] : typeof g.requires === 'string' ? [g.requires] : g.requires;
      list.forEach((id, k) => {
        if (!requirements.has(id)) unknown(typeof g.requires === 'string' ? [...base, 'grades', i, 'requires'] : [...base, 'grades', i, 'requires', k], '@ref-requirement', id, requirements);
      });
      (g.requires_any ?? []).forEach((id, k) => {
        if (!requirements.has(id)) unknown([...base, 'grades', i, 'requires_any', k], '@ref-requirement', id, requirements);
      });
    });
    (sheet.caps ?? []).forEach((c, i) => {
      c.items.forEach((id, k) => {
        if (!items.has(id)) unknown([...base, 'caps', i, 'items', k], '@ref-item', id, items.keys());
      });
      if (c.max === undefined && c.min === undefined) out.push({ ...at(...base, 'caps', i), code: 'MJ406', field: 'caps', params: { id: c.name ?? c.items.join('+'), problem: '@cap-needs-bound' } });
    });
    const gradeNames = new Set(grades.map((g) => g.name));
    (sheet.vetoes ?? []).forEach((v, i) => {
      if (v.when === 'three_ones_incomplete') {
        if (kind !== 'branch') out.push({ ...at(...base, 'vetoes', i, 'when'), code: 'MJ406', field: 'when', params: { id: `vetoes.${i + 1}`, problem: '@three-ones-branch-only' } });
      } else if ('requirement' in v.when) {
        if (!requirements.has(v.when.requirement)) unknown([...base, 'vetoes', i, 'when', 'requirement'], '@ref-requirement', v.when.requirement, requirements);
      } else if (!items.has(v.when.item) && refs.brokenItems?.has(v.when.item) !== true) {
        out.push({
          ...at(...base, 'vetoes', i, 'when', 'item'), code: 'MJ407', field: 'when.item', params: { item: v.when.item },
          suggest: { value: v.when.item, pool: 'items', candidates: [...items.keys()] },
        });
      }
      if (!gradeNames.has(v.max_grade) && refs.gradesIncomplete !== true) {
        out.push({
          ...at(...base, 'vetoes', i, 'max_grade'), code: 'MJ203', field: 'max_grade', label: 'max_grade',
          params: { label: 'max_grade', value: v.max_grade }, suggest: { value: v.max_grade, pool: 'values', candidates: [...gradeNames] },
        });
      }
    });
  };

  checkSheet(rubric, [], 'branch');
  const sheetIds = new Map<string, number>();
  (rubric.units ?? []).forEach((u, i) => {
    // A sheet's id names its table and file (scores-ID): unique, and not the member sheet's.
    const first = sheetIds.get(u.id);
    if (u.id === 'members' || first !== undefined) {
      out.push({ ...at('units', i, 'id'), code: 'MJ414', field: 'id', params: { name: u.id, first: first === undefined ? '@fixed-column' : `@first-line:${first}` }, span: u.id.length });
    } else sheetIds.set(u.id, refs.locate(['units', i, 'id']).line);
    checkSheet(u, ['units', i], 'unit');
  });
  if (rubric.members) checkSheet(rubric.members, ['members'], 'member');
  (rubric.member_items ?? []).forEach((item, k) => {
    const p = ['member_items', k];
    itemNumbers(item, p);
    const problem = itemProblem(item, 'member-items') ?? kindProblem(item, 'member-items', branchItems, branchGrades);
    if (problem !== undefined) out.push({ ...at(...p), code: 'MJ406', field: 'measure', params: { id: item.id, problem } });
    if (item.where) checkWhere(item.where, [...p, 'where']);
  });
  if (rubric.three_ones) {
    for (const key of ['proposal', 'service', 'member_info'] as const) {
      const w = rubric.three_ones[key];
      if (w) checkWhere(w, ['three_ones', key]);
      if (w?.who) out.push({ ...at('three_ones', key, 'who'), code: 'MJ406', field: 'who', params: { id: `three_ones.${key}`, problem: '@who-not-here' } });
    }
  }
  if (rubric.subsidy) {
    for (const g of Object.keys(rubric.subsidy.grade_factor)) {
      if (branchGrades.has(g) || refs.gradesIncomplete === true) continue;
      out.push({
        ...at('subsidy', 'grade_factor', g), code: 'MJ203', field: 'grade_factor', label: 'grade_factor',
        params: { label: 'grade_factor', value: g }, suggest: { value: g, pool: 'values', candidates: [...branchGrades] },
      });
    }
  }
  return out;
}

type SheetKind = 'branch' | 'unit' | 'member' | 'member-items';
type SheetParts = Pick<RawRubric, 'total' | 'grades' | 'sections' | 'caps' | 'requirements' | 'vetoes'>;

/** Column headers every score table has: an item named so would clash with them. */
const RESERVED_HEADERS = ['排名', '支部', '支部编号', '上级组织', '加分', '扣分', '总分', '等级', '否决', '单位', '单位编号'];
const RESERVED_MEMBER_HEADERS = ['排名', '会员编号', '姓名', '支部', '加分', '扣分', '总分', '等级', '否决'];

/** What a form cannot do on this kind of sheet (scope, rollup, role, split, absences …), as a message term. */
function kindProblem(
  item: Pick<RawItem, 'measure' | 'scope' | 'rollup' | 'role' | 'split' | 'lead' | 'excused' | 'field'>, kind: SheetKind,
  branchItems: ReadonlySet<string>, branchGrades: ReadonlySet<string>,
): string | undefined {
  const memberKind = kind === 'member' || kind === 'member-items';
  if (item.scope !== undefined && kind !== 'unit') return '@scope-unit-only';
  if ((item.measure === 'rollup') !== (item.rollup !== undefined)) return '@rollup-needs-rollup';
  if (item.measure === 'rollup') {
    if (kind !== 'unit') return '@rollup-unit-only';
    const r = item.rollup!;
    if (r.of !== undefined && r.of !== 'total' && !branchItems.has(r.of)) return '@rollup-of';
    const conditioned = r.grade !== undefined || r.at_least !== undefined || r.three_ones !== undefined;
    if ((r.how === 'count' || r.how === 'share') !== conditioned) return '@rollup-condition';
    const grades = r.grade === undefined ? [] : typeof r.grade === 'string' ? [r.grade] : r.grade;
    if (grades.some((g) => !branchGrades.has(g))) return '@rollup-grade';
  }
  if ((item.role !== undefined || item.split !== undefined) && !memberKind) return '@role-member-only';
  if (item.split === true && item.measure !== 'count') return '@split-count-only';
  if (item.excused !== undefined && item.measure !== 'absences') return '@excused-absences-only';
  if (item.measure === 'absences' && kind === 'unit') return '@absences-not-unit';
  if (kind === 'unit' && item.measure === 'attendance') return '@attendance-not-unit';
  if (kind === 'member' && !['count', 'sum', 'manual', 'roster', 'absences', 'earlier'].includes(item.measure)) return '@member-sheet-measure';
  return undefined;
}

/** The new forms' rules, shared by items and requirements: ratio's `of`, per: outcome, roster's who, values. */
function measureProblem(item: Pick<RawItem, 'measure' | 'where' | 'of' | 'per' | 'values' | 'period' | 'earlier'>): string | undefined {
  if (item.values !== undefined) return '@values-only-manual';
  if (item.earlier !== undefined && item.measure !== 'earlier') return '@earlier-only';
  if (item.measure === 'earlier' && item.where !== undefined) return '@earlier-no-where';
  if (item.period !== undefined && item.measure !== 'count') return '@period-count-only';
  if (item.measure === 'ratio' && item.of === undefined) return '@ratio-needs-of';
  if (item.measure !== 'ratio' && item.of !== undefined) return '@of-only-ratio';
  if (item.per === 'outcome' && (item.measure !== 'count' || item.where?.outcomes === undefined)) return '@per-outcome';
  if (item.measure === 'roster') {
    const w = item.where;
    if (w?.who === undefined || Object.keys(w).some((k) => k !== 'who')) return '@roster-who-only';
  }
  return undefined;
}

/** A share (0.3 or 1/3) between 0 and 1. */
function shareWithinOne(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return compareDecimal(text, '0') >= 0 && compareDecimal(text, '1') <= 0;
  return BigInt(text.slice(0, slash)) <= BigInt(text.slice(slash + 1));
}

/** What a requirement's form lacks or has in excess, as a message term. */
function requirementProblem(r: NonNullable<RawRubric['requirements']>[number]): string | undefined {
  if (r.measure === 'manual') return r.where !== undefined || r.field !== undefined ? '@manual-no-points' : undefined;
  const problem = measureProblem(r);
  if (problem !== undefined) return problem;
  if (r.measure === 'sum' && r.field === undefined) return '@sum-needs-field';
  if (r.measure !== 'sum' && r.field !== undefined) return '@field-only-sum';
  if (r.at_least !== undefined && compareDecimal(r.at_least, '0') <= 0) return '@at-least-positive';
  return undefined;
}

/** What an item's form lacks or has in excess, as a message term; undefined when complete. */
function itemProblem(item: RawItem, kind: SheetKind): string | undefined {
  const member = kind === 'member-items';
  if (item.measure === 'manual') {
    if (member) return '@manual-member';
    if (item.max === undefined && item.values === undefined) return '@manual-needs-max';
    if (item.points !== undefined || item.tiers !== undefined || item.where !== undefined) return '@manual-no-points';
    if (item.values !== undefined && item.max !== undefined) {
      const points = Array.isArray(item.values) ? item.values : Object.values(item.values);
      if (points.some((p) => compareDecimal(p, item.max!) > 0 || (item.min !== undefined && compareDecimal(p, item.min) < 0))) return '@values-outside';
    }
    return undefined;
  }
  const problem = measureProblem(item);
  if (problem !== undefined) return problem;
  if (member && item.measure !== 'count' && item.measure !== 'sum') return '@member-measure';
  if (item.points === undefined && item.tiers === undefined) return '@needs-points';
  if (item.points !== undefined && item.tiers !== undefined) return '@points-or-tiers';
  if (item.measure === 'sum' && item.field === undefined) return '@sum-needs-field';
  if (item.measure !== 'sum' && item.field !== undefined) return '@field-only-sum';
  if (item.lead !== undefined && !member && kind !== 'member') return '@lead-member-only';
  if (item.max !== undefined && item.min !== undefined && compareDecimal(item.min, item.max) > 0) return '@min-above-max';
  if (item.at_least !== undefined && compareDecimal(item.at_least, '0') <= 0) return '@at-least-positive';
  return undefined;
}


/** A compiled rubric of an earlier year: undefined when the year has none, null when it has one that did not load. */
export type EarlierRubric = (year: number) => Rubric | undefined | null;

/**
 * Items measured by an earlier year's points (measure: earlier) against that year's rubric:
 * none for that year is a warning, the item then measuring 0 (MJ418); a sheet or item `of`
 * names that the year's rubric lacks is an error (MJ419).
 */
export function earlierRefs(rubric: RawRubric, refs: Pick<RubricRefs, 'file' | 'year' | 'locate'>, earlier: EarlierRubric): DiagnosticInput[] {
  const out: DiagnosticInput[] = [];
  type RawSheet = Pick<RawRubric, 'sections' | 'requirements'>;
  const sheets: { path: (string | number)[]; id: string; raw: RawSheet; of: (r: Rubric) => Pick<Rubric, 'sections'> | undefined }[] = [
    { path: [], id: '', raw: rubric, of: (r) => r },
    ...(rubric.units ?? []).map((u, k) => ({ path: ['units', k], id: u.id, raw: u, of: (r: Rubric) => r.units.find((x) => x.id === u.id) })),
    ...(rubric.members ? [{ path: ['members'], id: 'members', raw: rubric.members, of: (r: Rubric) => r.memberSheet }] : []),
  ];
  for (const sheet of sheets) {
    const items: { item: RawItem | NonNullable<RawRubric['requirements']>[number]; path: (string | number)[] }[] = [];
    (sheet.raw.sections ?? []).forEach((sec, i) => sec.items.forEach((item, j) => items.push({ item, path: [...sheet.path, 'sections', i, 'items', j] })));
    (sheet.raw.requirements ?? []).forEach((item, r) => items.push({ item, path: [...sheet.path, 'requirements', r] }));
    for (const { item, path } of items) {
      if (item.measure !== 'earlier') continue;
      const year = refs.year - Number(item.earlier?.years_back ?? '1');
      const past = earlier(year);
      if (past === null) continue;
      const at = { file: refs.file, ...refs.locate([...path, 'measure']) };
      if (past === undefined) {
        out.push({ code: 'MJ418', ...at, params: { item: item.id, year } });
        continue;
      }
      const of = item.earlier?.of ?? 'total';
      const target = sheet.of(past);
      const known = target !== undefined && (of === 'total' || target.sections.some((s) => s.items.some((x) => x.id === of)));
      if (!known) {
        const where = item.earlier?.of !== undefined ? { file: refs.file, ...refs.locate([...path, 'earlier', 'of']) } : at;
        out.push({ code: 'MJ419', ...where, params: { item: item.id, year, of: target === undefined ? sheet.id : of } });
      }
    }
  }
  return out;
}
