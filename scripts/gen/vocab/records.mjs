// The closed vocabularies of the written columns: record types, levels, outcomes, political roles.

/** 类型 of a duty record; T maps a type to its index */
export const TYPES = ['提案', '建议', '社情民意', '社会服务', '组织生活', '支委会', '学习', '培训', '调研', '宣传', '其他'];
export const T = Object.fromEntries(TYPES.map((t, i) => [t, i]));
/** 报送层级 ('' when none); L maps a level to its index */
export const LEVELS = ['', '国家', '省', '市', '县'];
export const L = Object.fromEntries(LEVELS.map((t, i) => [t, i]));
/** 结果 of a record, several joined by ';'; O maps an outcome to its bit */
export const OUTCOMES = ['立案', '重点提案', '未立案', '省委会采用', '市政协采用', '市委统战部采用', '省政协采用', '省委办公厅采用',
  '省委统战部采用', '民进中央采用', '中央统战部采用', '全国政协转送', '全国政协单篇采用', '市领导批示', '省领导批示',
  '省主要领导批示', '国家部委批示', '中央领导批示'];
export const O = Object.fromEntries(OUTCOMES.map((t, i) => [t, 1 << i]));
/** 政治安排, in the order a member's roles are listed */
export const ROLE_ORDER = ['全国人大代表', '全国政协委员', '省人大代表', '省政协委员', '市人大代表', '市政协委员', '县人大代表', '县政协委员'];
