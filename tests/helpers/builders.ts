// Small in-memory builders for compute tests: orgs, members, activities and rubrics written
// inline, with defaults for everything a test does not care about.

import { compileRubric } from '../../src/load/compile-rubric.js';
import type { Rubric } from '../../src/model/rubric.js';
import { OUTCOMES, type Activity, type ActivityType, type Assessment, type Member, type Org, type OrgType, type Status } from '../../src/model/types.js';
import { emptyView, viewOf, Vocabulary, type RecordView } from '../../src/model/record-view.js';
import { RUBRIC_SCHEMA } from '../../src/schema/structured.js';
import { parseYamlFull } from '../../src/source/yaml-full.js';
import { DEFAULT_YAML_LIMITS } from '../../src/source/yaml.js';

const origin = { file: 'test', line: 1, column: 1 };

export function org(id: string, type: OrgType = '支部', parent: string | undefined = 'root', extra: Partial<Org> = {}): Org {
  return { id, name: `${id}支部`, type, parent, established: undefined, dissolved: undefined, committee: [], liaison: undefined, origin, ...extra };
}

export const ROOT = org('root', '省委会', 'root', { name: '民进测试省委', parent: undefined });

export function member(id: string, orgId: string, extra: Partial<Member> & { status?: Status } = {}): Member {
  return {
    id, name: `会员${id}`, gender: '女', birth: undefined, ethnicity: undefined, joined: 20100101, org: orgId,
    title: undefined, education: undefined, degree: undefined, employer: undefined, sector: undefined, roles: [],
    reserve: false, status: '在册', left: undefined, origin, orgColumn: 1, ...extra,
  };
}

let seq = 0;
export function act(type: ActivityType, orgId: string, members: string[] = [], extra: Partial<Activity> = {}): Activity {
  seq++;
  return {
    id: `R${seq}`, date: 20190601, type, org: orgId, members, title: `${type}${seq}`, level: undefined, outcomes: [],
    hours: undefined, tags: [], note: undefined, origin, ...extra,
  };
}

export function assessment(orgId: string, item: string, points: string): Assessment {
  return { org: orgId, item, points, self: undefined, note: undefined, origin };
}

/** A rubric from YAML text (validated by the same schema as files). */
export function rubric(yaml: string, year = 2019): Rubric {
  const doc = parseYamlFull(yaml, DEFAULT_YAML_LIMITS);
  if (doc.problems.length > 0) throw new Error(JSON.stringify(doc.problems));
  return compileRubric(RUBRIC_SCHEMA.parse(doc.value), year);
}

/** A rubric with one base section holding the given items (YAML list text, indented 6). */
export function oneSection(items: string, extra = ''): Rubric {
  return rubric(`title: 测试
total: 100
grades:
  - { name: 优秀, min: 90 }
  - { name: 合格, min: 60 }
  - { name: 不合格, min: 0 }
sections:
  - name: 测试
    items:
${items}
${extra}`);
}

/** Feeds activities to a counter as the loader does: each as an interned view. */
export function feed(visit: (v: RecordView) => void, records: readonly Activity[], orgs: readonly Org[], members: readonly Member[], vocab: Vocabulary): void {
  const view = emptyView();
  const orgIndex = new Map(orgs.map((o, i) => [o.id, i]));
  const memberIndex = new Map(members.map((m, i) => [m.id, i]));
  for (const a of records) visit(viewOf(a, view, vocab, orgIndex, memberIndex));
}

export const VOCAB = (): Vocabulary => new Vocabulary(OUTCOMES);
