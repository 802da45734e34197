// The quick check of an orgs.yaml entry (load/orgs.ts plainOrg) must accept only what the zod
// schema accepts, and give back the same data: zod stays the judge of anything unusual.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainOrg } from '../src/load/orgs.js';
import { ORG_SCHEMA } from '../src/schema/structured.js';

const word = fc.constantFrom('', 'gy-edu1', '支部', '市委会', '省委会', '主委', '委员', '秘书长', '2019-01-01', ' ');
const scalar = fc.oneof(word, fc.integer(), fc.constant(null), fc.boolean());
const member = fc.dictionary(fc.constantFrom('member', 'role', 'note'), scalar, { maxKeys: 3 });
const value = fc.oneof(scalar, fc.array(fc.oneof(member, scalar), { maxLength: 3 }), member);
const org = fc.dictionary(fc.constantFrom('id', 'name', 'type', 'parent', 'established', 'dissolved', 'committee', 'liaison', 'level'), value, { maxKeys: 9 });
const likely = fc.record({
  id: word, name: word, type: fc.constantFrom('支部', '市委会', '工委', '总支', '省委会', '基层'),
  parent: fc.option(word, { nil: undefined }),
  committee: fc.option(fc.array(fc.record({ member: word, role: fc.constantFrom('主委', '副主委', '委员', '组长') })), { nil: undefined }),
}, { requiredKeys: ['id', 'name', 'type'] });

describe('plainOrg', () => {
  it('accepts only entries the schema accepts, unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(org, likely, scalar), (item) => {
        const quick = plainOrg(item);
        const parsed = ORG_SCHEMA.safeParse(item);
        if (quick !== undefined) {
          expect(parsed.success).toBe(true);
          expect(quick).toEqual(parsed.data);
        }
      }),
      { numRuns: 3000, seed: 20191231 },
    );
  });

  it('takes the plain entries of the examples itself', () => {
    expect(plainOrg({ id: 'gy-edu1', name: '贵阳一中支部', type: '支部', parent: 'gy', committee: [{ member: 'GZ1', role: '主委' }] })).toBeDefined();
    expect(plainOrg({ id: 'gy-edu1', name: '贵阳一中支部', type: '支部', level: 1 })).toBeUndefined();
  });
});
