// Rubric YAML for tests that write items inline (one flow map each): a branch sheet of one
// section, a unit sheet (zz, for 总支) and a member sheet, each with the fewest keys a valid sheet has.

/** A rubric with these branch items and extra top-level YAML (a unit sheet, a member sheet, vetoes …). */
export function rubricText(branch: readonly string[], extra = ''): string {
  return `title: 2019年度测试考核
total: 100
grades: [ { name: 优秀, min: 90 }, { name: 合格, min: 0 } ]
sections:
  - name: 基本工作
    items:
${branch.map((i) => `      - ${i}`).join('\n')}
${extra}`;
}

/** A unit sheet zz for 总支 with these items; `head` is YAML put before its sections (indented 4). */
export const unitSheet = (items: readonly string[], head = ''): string => `units:
  - id: zz
    name: 总支考核
    types: 总支
    total: 100
    grades: [ { name: 合格, min: 0 } ]
${head}    sections:
      - name: 总支工作
        items:
${items.map((i) => `          - ${i}`).join('\n')}`;

/** A member sheet with these items. */
export const memberSheet = (items: readonly string[]): string => `members:
  name: 会员考核
  total: 100
  grades: [ { name: 合格, min: 0 } ]
  sections:
    - name: 会员履职
      items:
${items.map((i) => `        - ${i}`).join('\n')}`;
