// Column headers and words shared by the tables, in the table language (zh: the official
// Chinese names; en with --lang en or locale: en). A missing translation is a type error.

export type TableLang = 'zh' | 'en';

const ZH = {
  rank: '排名',
  branch: '支部',
  branchId: '支部编号',
  parent: '上级组织',
  bonus: '加分',
  deduction: '扣分',
  total: '总分',
  grade: '等级',
  veto: '否决',
  notes: '说明：',
  totalRow: '合计',
  done: '完成',
  notDone: '未完成',
  yes: '是',
  no: '否',
  met: '达标',
  notMet: '未达标',
  weighted: '折算',
} as const;

type Key = keyof typeof ZH;

const EN = {
  rank: 'Rank',
  branch: 'Branch',
  branchId: 'Branch id',
  parent: 'Parent org',
  bonus: 'Bonus',
  deduction: 'Deductions',
  total: 'Total',
  grade: 'Grade',
  veto: 'Veto',
  notes: 'Notes:',
  totalRow: 'Total',
  done: 'done',
  notDone: 'not done',
  yes: 'yes',
  no: 'no',
  met: 'met',
  notMet: 'not met',
  weighted: 'weighted',
} as const satisfies Record<Key, string>;

export function headers(lang: TableLang): Record<Key, string> {
  return lang === 'zh' ? ZH : EN;
}

/**
 * The header of a section's subtotal column (组织建设小计): never a fixed column's name, even for a
 * section called 加分 or 扣分, in the scores table and the 评分汇总表 alike.
 */
export function sectionHeader(name: string, lang: TableLang): string {
  return lang === 'zh' ? `${name}小计` : `${name} subtotal`;
}
