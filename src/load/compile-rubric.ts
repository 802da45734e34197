// Turns a validated rubric file into the engine's Rubric: decimal text to exact numbers,
// single values to lists, tiers sorted, defaults ("三个一" definitions, at_least 1) filled in.

import { DEFAULT_THREE_ONES, type Item, type Requirement, type Rubric, type Where } from '../model/rubric.js';
import type { RawItem, RawRequirement, RawRubric, RawWhere } from '../schema/structured.js';
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

export function compileWhere(w: RawWhere | undefined): Where {
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
  return out;
}

function compileItem(it: RawItem): Item {
  return {
    id: it.id,
    name: it.name,
    measure: it.measure,
    where: compileWhere(it.where),
    field: it.field,
    atLeast: it.at_least === undefined ? Rational.ONE : num(it.at_least),
    lead: it.lead === true,
    points: opt(it.points),
    tiers: it.tiers
      ?.map((t) => ({ atLeast: num(t.at_least), points: num(t.points) }))
      .sort((a, b) => a.atLeast.cmp(b.atLeast)),
    max: opt(it.max),
    min: opt(it.min),
  };
}

function compileRequirement(r: RawRequirement): Requirement {
  const item = compileItem({ id: r.id, name: r.name, measure: r.measure, ...(r.where ? { where: r.where } : {}), ...(r.field ? { field: r.field } : {}), ...(r.at_least ? { at_least: r.at_least } : {}), points: '0' });
  return { id: r.id, name: r.name, item, target: num(r.target) };
}

export function compileRubric(raw: RawRubric, year: number): Rubric {
  const t = raw.three_ones;
  return {
    year,
    title: raw.title,
    total: num(raw.total),
    grades: raw.grades.map((g) => ({ name: g.name, min: num(g.min), quota: g.quota === undefined ? undefined : share(g.quota), requires: list(g.requires) ?? [] })),
    sections: raw.sections.map((s) => ({
      name: s.name, max: opt(s.max), min: opt(s.min), weight: s.weight === undefined ? Rational.ONE : num(s.weight), bonus: s.bonus === true, items: s.items.map(compileItem),
    })),
    memberItems: (raw.member_items ?? []).map(compileItem),
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
