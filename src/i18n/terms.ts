// Words that diagnostics pass as parameters ('@list', '@already-left:2019-05-01'), translated
// when the message is rendered, so a diagnostic itself stays language-neutral.

import type { Lang } from '../diagnostics/codes.js';

type Terms = Record<string, string>;

const TERMS_ZH = {
  'list': '列表（每条以“- ”开头）',
  'map': '映射（键: 值）',
  'text-or-list': '文字或列表',
  'record': '第 {arg} 条记录',
  'no-config-up': '当前目录及其上级目录中都没有 mj.yaml',
  'not-a-file': '这不是普通文件（可能是文件夹）',
  'not-a-folder': '这应该是存放每年文件的文件夹，却是一个文件',
  'no-permission': '没有读取权限',
  'vanished': '文件在读取时被删除或移走了',
  'too-many-files': '同时打开的文件太多',
  'io-error': '读写错误 {arg}',
  'no-config-in': '{arg} 中没有 mj.yaml',
  'aliases': '别名展开次数',
  'nodes': '展开后的节点数',
  'depth': '嵌套层数',
  'orgs': '组织',
  'members': '会员名册',
  'year-pattern': '文件名中含一次 {year} 的路径（每年一个文件），例如 activities/{year}.csv',
  'no-year-pattern': '不含 {year} 的路径（这类文件只有一个）',
  'type:string': '文字',
  'type:boolean': 'true 或 false',
  'type:object': '映射（键: 值）',
  'type:array': '列表',
  'type:union': '文字或映射',
  'not-yet-established': '尚未成立（{arg} 成立）',
  'already-dissolved': '已撤销（{arg} 撤销）',
  'not-yet-joined': '{arg} 才入会',
  'already-left': '已于 {arg} 离会',
  'joined-on': '{arg} 入会，转接要在入会之后',
  'in-pool': '目前在库',
  'not-in-pool': '目前不在库',
  'needs-points': '需要 points 或 tiers',
  'points-or-tiers': '不能同时有 points 和 tiers',
  'sum-needs-field': '的 measure: sum 需要 field（如 hours）',
  'field-only-sum': '只有 measure: sum 才用 field',
  'lead-member-only': '的 lead 只用于会员积分项（member_items）',
  'min-above-max': '的 min 大于 max',
  'at-least-positive': '的 at_least 要大于 0（写 0 会把没有记录的会员也算进去）',
  'manual-member': '：会员积分项不能用 measure: manual',
  'member-measure': '：会员积分项只能用 measure: count 或 sum',
  'rubric': '评分表',
  'activities': '履职记录',
  'manual-needs-max': '的 measure: manual 需要 max（考评组给分的上限）',
  'manual-no-points': '的 measure: manual 不用 points、tiers 或 where（分数来自考评组评分文件）',
} satisfies Terms;

const TERMS_EN = {
  'list': 'a list (each entry starting with "- ")',
  'map': 'a mapping (key: value)',
  'text-or-list': 'text or a list',
  'record': 'entry {arg}',
  'no-config-up': 'no mj.yaml in the current folder or any folder above it',
  'not-a-file': 'it is not a regular file (a folder?)',
  'not-a-folder': 'this should be the folder of the yearly files, but it is a file',
  'no-permission': 'permission denied',
  'vanished': 'the file was removed or moved while being read',
  'too-many-files': 'too many files open',
  'io-error': 'I/O error {arg}',
  'no-config-in': 'no mj.yaml in {arg}',
  'aliases': 'alias expansions',
  'nodes': 'nodes after expansion',
  'depth': 'nesting depth',
  'orgs': 'orgs',
  'members': 'roster',
  'year-pattern': 'a path with {year} once in the file name (one file a year), e.g. activities/{year}.csv',
  'no-year-pattern': 'a path without {year} (there is one such file)',
  'type:string': 'text',
  'type:boolean': 'true or false',
  'type:object': 'a mapping (key: value)',
  'type:array': 'a list',
  'type:union': 'text or a mapping',
  'not-yet-established': 'was not yet established (established {arg})',
  'already-dissolved': 'was already dissolved (dissolved {arg})',
  'not-yet-joined': 'joined only on {arg}',
  'already-left': 'left on {arg}',
  'joined-on': 'joined on {arg}; a transfer comes after joining',
  'in-pool': 'in it now',
  'not-in-pool': 'not in it now',
  'needs-points': 'needs points or tiers',
  'points-or-tiers': 'cannot have both points and tiers',
  'sum-needs-field': 'with measure: sum needs a field (such as hours)',
  'field-only-sum': 'uses field, which only measure: sum takes',
  'lead-member-only': 'uses lead, which only member_items take',
  'min-above-max': 'has min above max',
  'at-least-positive': 'needs at_least above 0 (0 would count members with no record)',
  'manual-member': 'is a member item, which cannot use measure: manual',
  'member-measure': 'is a member item, which takes measure: count or sum only',
  'rubric': 'rubric',
  'activities': 'duty records',
  'manual-needs-max': 'with measure: manual needs max (the panel\'s cap)',
  'manual-no-points': 'with measure: manual takes no points, tiers or where (its points come from the assessments file)',
} satisfies Record<keyof typeof TERMS_ZH, string>;

/** The YAML parser's error codes, said plainly. */
const YAML_ERRORS: Record<Lang, Record<string, string>> = {
  zh: {
    BAD_INDENT: '缩进不对（同一层的项要对齐）',
    TAB_AS_INDENT: '用了制表符（Tab）缩进，请改用空格',
    MISSING_CHAR: '缺少配对的符号（如 ]、}、引号），可能在上一行的末尾',
    UNEXPECTED_TOKEN: '这里出现了不该出现的符号',
    BLOCK_AS_IMPLICIT_KEY: '键的写法不对（冒号前后要有空格吗？）',
    MULTILINE_IMPLICIT_KEY: '键不能跨行（冒号后要有空格）',
    BAD_SCALAR_START: '值不能以这个符号开头，请用引号括起来',
    BLOCK_IN_FLOW: '方括号或花括号里不能换行写块',
    BAD_DQ_ESCAPE: '双引号中的转义写法不对',
    BAD_ALIAS: '别名（*）指向不存在的锚点（&）',
    MULTIPLE_DOCS: '一个文件只能有一个文档（删除多余的 ---）',
    KEY_OVER_1024_CHARS: '键太长',
    NON_STRING_KEY: '键必须是文字',
    TAG_RESOLVE_FAILED: '无法识别的标签（!）',
    BAD_COLLECTION_TYPE: '列表或映射的类型不对',
    RESOURCE_EXHAUSTION: '内容展开后过大',
  },
  en: {
    BAD_INDENT: 'bad indentation (align the items of one level)',
    TAB_AS_INDENT: 'a tab used for indentation; use spaces',
    MISSING_CHAR: 'a closing character is missing (such as ], } or a quote), perhaps at the end of the line before',
    UNEXPECTED_TOKEN: 'a character that does not belong here',
    BLOCK_AS_IMPLICIT_KEY: 'a key is written wrongly (a space after the colon?)',
    MULTILINE_IMPLICIT_KEY: 'a key cannot span lines (a space after the colon?)',
    BAD_SCALAR_START: 'a value cannot start with this character; quote it',
    BLOCK_IN_FLOW: 'a block inside brackets or braces',
    BAD_DQ_ESCAPE: 'a bad escape inside double quotes',
    BAD_ALIAS: 'an alias (*) names an anchor (&) that does not exist',
    MULTIPLE_DOCS: 'one document per file (remove the extra ---)',
    KEY_OVER_1024_CHARS: 'a key is too long',
    NON_STRING_KEY: 'keys must be text',
    TAG_RESOLVE_FAILED: 'an unknown tag (!)',
    BAD_COLLECTION_TYPE: 'a list or mapping of the wrong kind',
    RESOURCE_EXHAUSTION: 'the content expands too far',
  },
};

/** Translates a parameter value written as '@term' or '@term:arg'; other values pass through. */
export function term(value: string | number, lang: Lang): string {
  if (typeof value === 'number') return String(value);
  if (!value.startsWith('@')) return value;
  const colon = value.indexOf(':', value.startsWith('@type:') ? 6 : 1);
  const key = colon < 0 ? value.slice(1) : value.slice(1, colon);
  const arg = colon < 0 ? '' : value.slice(colon + 1);
  if (key === 'yaml') return YAML_ERRORS[lang][arg] ?? arg;
  const table: Terms = lang === 'zh' ? TERMS_ZH : TERMS_EN;
  const t = table[key];
  return t === undefined ? value.slice(1) : t.replace('{arg}', arg);
}
