// Every rubric snippet the README shows is valid rubric language: a whole rubric, a list of
// items, or top-level keys, each laid into a small rubric and checked against the schema (so a
// key the README teaches cannot drift from the one mj reads).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUBRIC_SCHEMA } from '../src/schema/structured.js';
import { parseYamlFull } from '../src/source/yaml-full.js';
import { DEFAULT_YAML_LIMITS } from '../src/source/yaml.js';

const README = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
const isRubric = (b: string): boolean => b.includes('measure:') || /^(grades|caps|requirements|vetoes|units|members|sections):/m.test(b);
const blocks = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => !b.includes('...') && isRubric(b));

const BASE = `title: t
total: 100
grades: [ { name: 优秀, min: 90 }, { name: 合格, min: 0 } ]
sections:
  - name: s
    items:
      - { id: base-item, name: 基础, measure: manual, max: 10 }
`;

/** The snippet as a whole rubric. */
function asRubric(block: string): string {
  if (/^title:/m.test(block)) return block;
  const first = block.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
  if (first.startsWith('- ')) return `${BASE}${block.split('\n').map((l) => `      ${l}`).join('\n')}\n`;
  // Top-level keys replace the base's.
  const keys = [...block.matchAll(/^([a-z_]+):/gm)].map((m) => m[1]!);
  const base = BASE.split(/\n(?=[a-z_]+:)/).filter((part) => !keys.includes(part.split(':')[0]!)).join('\n');
  return `${base}\n${block}`;
}

describe('README rubric snippets', () => {
  it('shows some', () => expect(blocks.length).toBeGreaterThan(8));
  it.each(blocks.map((b, i) => [i + 1, b] as const))('snippet %i parses as a rubric', (_, block) => {
    const doc = parseYamlFull(asRubric(block), DEFAULT_YAML_LIMITS);
    expect(doc.problems).toEqual([]);
    const parsed = RUBRIC_SCHEMA.safeParse(doc.value);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });
});
