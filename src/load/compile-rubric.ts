// Turns a validated rubric file into the engine's Rubric: decimal text to exact numbers,
// single values to lists, tiers sorted, defaults ("三个一" definitions, at_least 1) filled in.

import { DEFAULT_THREE_ONES, PERIODS_IN_YEAR, type SheetRules, type Item, type ManualValue, type Requirement, type Rubric, type Where, type Who } from '../model/rubric.js';
import type { RawItem, RawRecordWhere, RawRequirement, RawRubric, RawWhere, RawWho } from '../schema/structured.js';
import { Rational } from '../util/decimal-text.js';

const num = (t: string): Rational => Rational.parse(t);
/** An exact share: a decimal (0.3) or a fraction (1/3). */
const share = (t: string): Rational => {
  const slash = t.indexOf('/');
  return slash < 0 ? num(t) : Rational.of(BigInt(t.slice(0, slash)), BigInt(t.slice(slash + 1)));
};
const opt = (t: string | undefined): Rational | undefined => (t === undefined ? undefined : num(t));
const list = (v: string | readonly string[] | undefined): readonly string[] | undefined =>
  v === undefined ? undefined : typeof v === 'string' ? [v] : v;

export function compileWhere(w: RawWhere | RawRecordWhere | undefined): Where {
  if (!w) return {};
  const out: { -readonly [K in keyof Where]: Where[K] } = {};
  const type = list(w.type);
  const outcomes = list(w.outcomes);
  const level = list(w.level);
  const tags = list(w.tags);
  if (type) out.type = type;
  if (outcomes) out.outcomes = outcomes;
  if (level) out.level = level;
  if (tags) out.tags = tags;
  if ('not' in w && w.not) out.not = compileWhere(w.not);
  if ('who' in w && w.who) out.who = compileWho(w.who);
  return out;
}

function compileWho(w: RawWho): Who {
  const out: { -readonly [K in keyof Who]: Who[K] } = {};
  for (const key of ['gender', 'title', 'education', 'degree', 'sector', 'roles'] as const) {
    const v = list(w[key]);
    if (v) out[key] = v;
  }
  if (w.reserve !== undefined) out.reserve = w.reserve;
  if (w.joined_this_year !== undefined) out.joinedThisYear = w.joined_this_year;
  if (w.age_below !== undefined) out.ageBelow = Number(w.age_below);
  return out;
}

function compileValues(v: RawItem['values']): readonly ManualValue[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.map((t) => ({ word: undefined, points: num(t) }));
  return Object.entries(v).map(([word, t]) => ({ word, points: num(t) }));
}

function compileItem(it: RawItem): Item {
  const values = compileValues(it.values);
  // Without max (or min), a manual item's values bound it.
  const top = values?.reduce((m, v) => (v.points.cmp(m) > 0 ? v.points : m), values[0]!.points);
  const bottom = values?.reduce((m, v) => (v.points.cmp(m) < 0 ? v.points : m), values[0]!.points);
  return {
    id: it.id,
    name: it.name,
    measure: it.measure,
    where: compileWhere(it.where),
    field: it.field,
    atLeast: it.at_least === undefined ? Rational.ONE : num(it.at_least),
    lead: it.lead === true || it.role === 'lead',
    role: it.lead === true ? 'lead' : it.role ?? 'any',
    split: it.split === true || it.split === 'equal' ? 'equal' : it.split === 'lead-half' ? 'lead-half' : undefined,
    scope: it.scope ?? 'subtree',
    excused: it.excused ? compileWhere(it.excused) : undefined,
    earlier: it.measure === 'earlier' ? { of: it.earlier?.of ?? 'total', back: Number(it.earlier?.years_back ?? '1') } : undefined,
    rollup: it.rollup && {
      of: it.rollup.of ?? 'total', how: it.rollup.how, grades: list(it.rollup.grade), atLeast: opt(it.rollup.at_least), threeOnes: it.rollup.three_ones === true,
    },
    perOutcome: it.per === 'outcome',
    period: it.period ? { every: it.period.every, count: PERIODS_IN_YEAR[it.period.every], atLeast: it.period.at_least === undefined ? Rational.ONE : num(it.period.at_least) } : undefined,
    of: it.of ? compileWhere(it.of) : undefined,
    values,
    points: opt(it.points),
    tiers: it.tiers
      ?.map((t) => ({ atLeast: num(t.at_least), points: num(t.points) }))
      .sort((a, b) => a.atLeast.cmp(b.atLeast)),
    max: opt(it.max) ?? top,
    min: opt(it.min) ?? (bottom !== undefined && bottom.sign() < 0 ? bottom : undefined),
  };
}

function compileRequirement(r: RawRequirement): Requirement {
  const { target, ...measure } = r;
  return { id: r.id, name: r.name, item: compileItem({ ...measure, points: '0' }), target: num(target) };
}

type RawSheetRules = Pick<RawRubric, 'total' | 'grades' | 'sections' | 'caps' | 'requirements' | 'vetoes'>;

function compileSheetRules(raw: RawSheetRules): SheetRules {
  return {
    total: num(raw.total),
    grades: raw.grades.map((g) => ({
      name: g.name, min: num(g.min), quota: g.quota === undefined ? undefined : share(g.quota), requires: list(g.requires) ?? [], requiresAny: g.requires_any ?? [],
      quotaPer: g.quota_per, top: g.top === undefined ? undefined : Number(g.top), ties: g.ties ?? 'fall',
    })),
    sections: raw.sections.map((s) => ({
      name: s.name, max: opt(s.max), min: opt(s.min), weight: s.weight === undefined ? Rational.ONE : num(s.weight), bonus: s.bonus === true, items: s.items.map(compileItem),
    })),
    vetoes: (raw.vetoes ?? []).map((v) => ({
      when: v.when === 'three_ones_incomplete'
        ? { kind: 'three-ones' as const }
        : 'requirement' in v.when
          ? { kind: 'requirement' as const, requirement: v.when.requirement }
          : { kind: 'item' as const, item: v.when.item, below: num(v.when.below) },
      maxGrade: v.max_grade,
    })),
    caps: (raw.caps ?? []).map((c) => ({ name: c.name, items: c.items, max: opt(c.max), min: opt(c.min) })),
    requirements: (raw.requirements ?? []).map(compileRequirement),
  };
}

export function compileRubric(raw: RawRubric, year: number): Rubric {
  const t = raw.three_ones;
  return {
    year,
    title: raw.title,
    ...compileSheetRules(raw),
    memberItems: (raw.member_items ?? []).map(compileItem),
    units: (raw.units ?? []).map((u) => ({ id: u.id, name: u.name, kind: 'unit' as const, types: list(u.types)!, who: undefined, ...compileSheetRules(u) })),
    memberSheet: raw.members && {
      id: 'members', name: raw.members.name, kind: 'member' as const, types: [], who: raw.members.who && compileWho(raw.members.who), ...compileSheetRules(raw.members),
    },
    usesThreeOnes: t !== undefined || (raw.vetoes ?? []).some((v) => v.when === 'three_ones_incomplete'),
    threeOnes: {
      proposal: t?.proposal ? compileWhere(t.proposal) : DEFAULT_THREE_ONES.proposal,
      service: t?.service ? compileWhere(t.service) : DEFAULT_THREE_ONES.service,
      memberInfo: t?.member_info ? compileWhere(t.member_info) : DEFAULT_THREE_ONES.memberInfo,
    },
    subsidy: raw.subsidy && {
      base: num(raw.subsidy.base),
      perMember: num(raw.subsidy.per_member),
      gradeFactor: new Map(Object.entries(raw.subsidy.grade_factor).map(([k, v]) => [k, num(v)])),
      cap: opt(raw.subsidy.cap),
      budget: opt(raw.subsidy.budget),
    },
  };
}
