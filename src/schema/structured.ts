// zod schemas of the structured YAML files: mj.yaml, orgs.yaml and rubrics/YEAR.yaml, as they
// are read (every number arrives as its decimal source text, see source/yaml.ts). Custom
// messages that look like a code ('MJ207') choose the diagnostic. json-schema.ts exports them.

import { z } from 'zod';

// Each schema here checks one or a few documents a run: compiling them to fast code (zod's
// default) costs more than it saves, about 10 ms of a small dataset's 300.
z.config({ jitless: true });
import { ACTIVITY_TYPES, COMMITTEE_ROLES, DEGREES, EDUCATIONS, GENDERS, LEVELS, ORG_TYPES, ROLES, SECTORS, TITLES } from '../model/types.js';
import { ENCODING_WORDS, MEASURES } from './quick.js';

const SIGNED_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * The values a number may take, for the JSON Schemas (json-schema.ts): what the loader's later
 * checks allow (MJ410, MJ411, MJ406), said where an editor can check it as the clerk types.
 */
export type NumberRange = 'any' | 'non-negative' | 'positive' | 'fraction' | 'unsigned' | 'whole';
/** What a text that YAML might read as a number holds, for the JSON Schemas. */
export type TextForm = 'org-id' | 'id' | 'date' | 'month';

/** A number written in YAML, read exactly from its text. Exported to JSON Schema as number or text. */
export const decimal = (range: NumberRange = 'any') => z.string().regex(SIGNED_DECIMAL, 'MJ207').meta({ mjNumber: range });
/** Text that YAML might read as a number (ids, dates): accepted either way in editors. */
export const textish = (form: TextForm) => z.string().min(1, 'MJ201').meta({ mjTextish: form });

const oneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t)]);

export const CONFIG_SCHEMA = z.strictObject({
  name: z.string().min(1, 'MJ201').describe('数据集名称，出现在表格标题中，例如 民进贵州省委'),
  locale: z.enum(['zh-CN', 'en']).optional().describe('表格的语言：zh-CN（默认）或 en'),
  files: z
    .strictObject({
      orgs: z.string().optional(),
      members: z.string().optional(),
      activities: z.string().optional(),
      assessments: z.string().optional(),
      rubrics: z.string().optional(),
      transfers: z.string().optional(),
      reserve: z.string().optional(),
      liaisons: z.string().optional(),
      inspections: z.string().optional(),
      findings: z.string().optional(),
      leaders: z.string().optional(),
      reviews: z.string().optional(),
    })
    .optional()
    .describe('覆盖默认的文件位置；按年份的文件用 {year} 占位，例如 activities/{year}.csv'),
  training: z
    .strictObject({
      new_member_tags: z.array(z.string().min(1)).min(1).optional().describe('标记新会员培训班的标签，默认 [新会员培训]'),
      require_new_member_course: z.boolean().optional().describe('true：某年没有新会员培训班时给出警告（MJ701）'),
    })
    .optional()
    .describe('会员培训的规则（mj stats trainings）'),
  outcomes: z.array(z.string().min(1)).optional().describe('在内置的结果短语之外增加的短语'),
  encoding: z
    .record(z.string().min(1), z.enum(ENCODING_WORDS))
    .optional()
    .describe('不是 UTF-8 的数据文件的编码，例如 { members.csv: gb18030 }；是 UTF-8 的文件照常按 UTF-8 读取'),
  sheets: z
    .record(z.string().min(1), z.string().min(1, 'MJ201'))
    .optional()
    .describe('XLSX 数据文件读哪一张工作表，例如 { members.xlsx: 会员名册 }；默认第一张'),
  limits: z
    .strictObject({
      max_file_mb: z.string().regex(/^\d+(\.\d+)?$/, 'MJ207').meta({ mjNumber: 'unsigned' }).optional().describe('单个数据文件的大小上限（MB），默认 1024，0 表示不限'),
      max_record_chars: z.string().regex(/^\d+$/, 'MJ207').meta({ mjNumber: 'whole' }).optional().describe('一条 CSV 记录的最大字符数，默认 1048576'),
    })
    .optional()
    .describe('读取数据文件的上限；命令行的 --max-file-size 优先'),
});
export type RawConfig = z.infer<typeof CONFIG_SCHEMA>;

export const ORG_SCHEMA = z.strictObject({
  id: textish('org-id').describe('组织编号：英文字母、数字、- 和 _，例如 gy-edu1'),
  name: z.string().min(1, 'MJ201').describe('组织全称，例如 贵州大学支部'),
  type: z.enum(ORG_TYPES).describe('组织类型'),
  parent: textish('org-id').optional().describe('上级组织的编号；只有省委会不写'),
  established: textish('date').optional().describe('成立日期'),
  dissolved: textish('date').optional().describe('撤销日期'),
  committee: z
    .array(z.strictObject({ member: textish('id'), role: z.enum(COMMITTEE_ROLES) }))
    .optional()
    .describe('支委会成员'),
  liaison: textish('id').optional().describe('联系该组织的领导（会员编号）'),
});
export const ORGS_SCHEMA = z.array(ORG_SCHEMA);
export type RawOrg = z.infer<typeof ORG_SCHEMA>;

const RECORD_KEYS = {
  type: oneOrMany(z.enum(ACTIVITY_TYPES)).optional(),
  outcomes: oneOrMany(z.string().min(1)).optional(),
  level: oneOrMany(z.enum(LEVELS)).optional(),
  tags: oneOrMany(z.string().min(1)).optional(),
};

export const WHO_SCHEMA = z
  .strictObject({
    gender: oneOrMany(z.enum(GENDERS)).optional(),
    title: oneOrMany(z.enum(TITLES)).optional().describe('职称'),
    education: oneOrMany(z.enum(EDUCATIONS)).optional().describe('学历'),
    degree: oneOrMany(z.enum(DEGREES)).optional().describe('学位'),
    sector: oneOrMany(z.enum(SECTORS)).optional().describe('界别'),
    roles: oneOrMany(z.enum(ROLES)).optional().describe('政治安排：担任其中之一'),
    reserve: z.boolean().optional().describe('后备干部：true 或 false'),
    joined_this_year: z.boolean().optional().describe('当年入会的新会员'),
    age_below: z.string().regex(/^\d+$/, 'MJ207').meta({ mjNumber: 'whole' }).optional().describe('当年年底未满此年龄'),
  })
  .describe('按会员名册筛选会员：每个键都要满足，同一键的多个值为“其中之一”');
export type RawWho = z.infer<typeof WHO_SCHEMA>;

const RECORD_WHERE = z.strictObject(RECORD_KEYS);
export type RawRecordWhere = z.infer<typeof RECORD_WHERE>;

export const WHERE_SCHEMA = z
  .strictObject({
    ...RECORD_KEYS,
    not: RECORD_WHERE.optional().describe('排除符合这些条件的记录'),
    who: WHO_SCHEMA.optional(),
  })
  .describe('匹配哪些履职记录：按字段相等或列表包含');
export type RawWhere = z.infer<typeof WHERE_SCHEMA>;


const PERIOD_SCHEMA = z
  .strictObject({
    every: z.enum(['month', 'quarter', 'half']).describe('month 每月，quarter 每季度，half 每半年'),
    at_least: decimal('positive').optional().describe('每个周期至少的记录数，默认 1'),
  })
  .describe('measure: count 按周期计：计量值为达到 at_least 的周期数（例如“支委会每季度至少 1 次”）');

const ROLLUP_SCHEMA = z
  .strictObject({
    of: z.string().min(1).optional().describe('total（支部总分，默认）或支部评分表中某评分项的 id'),
    how: z.enum(['sum', 'mean', 'count', 'share']).describe('sum 合计，mean 平均，count 满足条件的支部数，share 满足条件的支部占比'),
    grade: oneOrMany(z.string().min(1)).optional().describe('count/share：等级为其中之一的支部'),
    at_least: decimal().optional().describe('count/share：of 达到此数的支部'),
    three_ones: z.boolean().optional().describe('count/share：“三个一”完成的支部'),
  })
  .describe('measure: rollup 汇总下属支部在支部考核表中的结果');

const EARLIER_SCHEMA = z
  .strictObject({
    of: z.string().min(1).optional().describe('total（该年总分，默认）或该年评分表中某评分项的 id'),
    years_back: z.string().regex(/^[1-9]\d?$/, 'MJ207').meta({ mjNumber: 'whole' }).optional().describe('往前几年：1 为上一年（默认）'),
  })
  .describe('measure: earlier 计量值为考核对象往年（按该年自己的评分表）的得分，例如“上年度得分的 20%”');

const TIER_SCHEMA = z.strictObject({ at_least: decimal('non-negative'), points: decimal() });

export const ITEM_SCHEMA = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'MJ204').describe('评分项编号（英文），考评组评分文件用它'),
  name: z.string().min(1, 'MJ201').describe('评分项名称，作为表头'),
  measure: z.enum(MEASURES).describe('计量方式'),
  where: WHERE_SCHEMA.optional(),
  field: z.enum(['hours']).optional().describe('measure: sum 时求和的字段'),
  at_least: decimal('positive').optional().describe('measure: members/coverage 时每名会员至少的记录数，默认 1'),
  lead: z.boolean().optional().describe('会员积分项：只计第一作者（主笔）'),
  period: PERIOD_SCHEMA.optional(),
  scope: z.enum(['own', 'subtree']).optional().describe('单位考核表：own 只计记在本单位名下的记录，subtree 计本单位及下属组织的记录（默认）'),
  rollup: ROLLUP_SCHEMA.optional(),
  role: z.enum(['any', 'lead', 'co']).optional().describe('会员计量：lead 只计第一作者（主笔），co 只计其他作者（参与），any 都计（默认）'),
  split: z.union([z.boolean(), z.enum(['equal', 'lead-half'])]).optional().describe('会员计量：一条记录的分值分给所计会员：true 或 equal 平分；lead-half 第一作者得一半、其余作者平分另一半（只有一人时全得）'),
  excused: RECORD_WHERE.optional().describe('measure: absences 的请假记录：列出的会员该日不算缺席'),
  earlier: EARLIER_SCHEMA.optional(),
  per: z.enum(['record', 'outcome']).optional().describe('measure: count 的计数单位：record 每条记录计一次（默认），outcome 每条记录中每个符合的结果短语各计一次'),
  of: RECORD_WHERE.optional().describe('measure: ratio 的分母：占这些记录的比例（where 选出其中的分子）'),
  values: z
    .union([z.array(decimal()).min(1), z.record(z.string().min(1), decimal())])
    .optional()
    .describe('measure: manual 允许的取值：档次列表（如 [3, 2, 1, 0]），或 文字: 分值（如 { 是: 2, 否: 0 }）'),
  points: decimal().optional().describe('每单位计量的分值'),
  tiers: z.array(TIER_SCHEMA).min(1).optional().describe('分档计分：达到的最高档生效'),
  max: decimal('non-negative').optional().describe('该项上限'),
  min: decimal().optional().describe('该项下限（扣分项）'),
  note: z.string().optional(),
});
export type RawItem = z.infer<typeof ITEM_SCHEMA>;

/** A share written exactly: a decimal (0.3) or a fraction (1/3). */
const share = () => z.string().regex(/^(?:\d+(?:\.\d+)?|\d+\/[1-9]\d*)$/, 'MJ410').meta({ mjShare: true });

/** A requirement measures as an item does, without points: met when the measure reaches target. */
export const REQUIREMENT_SCHEMA = ITEM_SCHEMA.omit({ points: true, tiers: true, max: true, min: true, values: true, lead: true }).extend({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'MJ204').describe('基本要求编号（英文）'),
  name: z.string().min(1, 'MJ201').describe('基本要求名称，作为表头'),
  target: decimal().describe('计量值达到这个数即为达标'),
});
export type RawRequirement = z.infer<typeof REQUIREMENT_SCHEMA>;

const SHEET_KEYS = {
  total: decimal('positive').describe('基本分满分'),
  grades: z
    .array(z.strictObject({
      name: z.string().min(1),
      min: decimal(),
      quota: share().optional().describe('名额：至多占全部考核对象的比例，小数或分数，例如 0.3 或 1/3'),
      requires: oneOrMany(z.string().min(1)).optional().describe('获得该等级还须达到的基本要求（requirements 的 id），全部达标'),
      requires_any: z.array(z.string().min(1)).min(1).optional().describe('获得该等级还须达到其中至少一项基本要求'),
      quota_per: z.enum(ORG_TYPES).optional().describe('名额按组计算：每个该类型组织（如 市委会）下的考核对象各自按比例'),
      top: z.string().regex(/^\d+$/, 'MJ207').meta({ mjNumber: 'whole' }).optional().describe('至多前若干名'),
      ties: z.enum(['fall', 'keep']).optional().describe('名额线上并列：fall 一起降档（默认），keep 一起保留'),
    }))
    .min(1)
    .describe('等级：从高到低，第一个达到分数线的等级'),
  sections: z
    .array(
      z.strictObject({
        name: z.string().min(1, 'MJ201'),
        max: decimal('non-negative').optional(),
        min: decimal().optional().describe('本部分小计的下限：扣分扣到这里为止（扣完为止写 0）'),
        weight: decimal('positive').optional().describe('本部分得分的权重，例如 0.5 表示按 50% 计入'),
        bonus: z.boolean().optional(),
        items: z.array(ITEM_SCHEMA).min(1),
      }),
    )
    .min(1),
  caps: z
    .array(z.strictObject({
      name: z.string().min(1).optional(),
      items: z.array(z.string().min(1)).min(1).describe('这些评分项（可跨部分）合在一起封顶'),
      max: decimal().optional().describe('这些项的得分合计上限'),
      min: decimal().optional().describe('这些项的扣分合计下限（扣完为止）'),
    }))
    .optional()
    .describe('跨评分项的上限与下限'),
  requirements: z
    .array(REQUIREMENT_SCHEMA)
    .optional()
    .describe('基本要求：不计分，只判断达标或未达标，可用于一票否决和等级条件'),
  vetoes: z
    .array(
      z.strictObject({
        when: z.union([
          z.literal('three_ones_incomplete'),
          z.strictObject({ item: z.string(), below: decimal() }),
          z.strictObject({ requirement: z.string().min(1) }).describe('该基本要求未达标时'),
        ]),
        max_grade: z.string().min(1),
      }),
    )
    .optional()
    .describe('一票否决：满足条件时等级最高为 max_grade'),
};

export const UNIT_SHEET_SCHEMA = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'MJ204').describe('考核表编号（英文），mj score --sheet 用它'),
  name: z.string().min(1, 'MJ201').describe('考核表名称，例如 市委会工作考核'),
  types: oneOrMany(z.enum(ORG_TYPES)).describe('考核哪些类型的组织，例如 [市委会, 工委]'),
  ...SHEET_KEYS,
});
export type RawUnitSheet = z.infer<typeof UNIT_SHEET_SCHEMA>;

export const MEMBER_SHEET_SCHEMA = z.strictObject({
  name: z.string().min(1, 'MJ201').describe('会员考核表名称，例如 会员履职考核'),
  who: WHO_SCHEMA.optional().describe('只考核名册中符合条件的在册会员，例如 政协委员'),
  ...SHEET_KEYS,
});
export type RawMemberSheet = z.infer<typeof MEMBER_SHEET_SCHEMA>;

export const RUBRIC_SCHEMA = z.strictObject({
  title: z.string().min(1, 'MJ201').describe('评分表标题'),
  ...SHEET_KEYS,
  member_items: z.array(ITEM_SCHEMA).optional().describe('会员履职积分项'),
  units: z.array(UNIT_SHEET_SCHEMA).optional().describe('支部以外的考核对象：总支、市委会、工委等，每张考核表各自排名、定等级'),
  members: MEMBER_SHEET_SCHEMA.optional().describe('会员考核表：会员作为考核对象，排名、定等级、名额'),
  three_ones: z
    .strictObject({ proposal: WHERE_SCHEMA.optional(), service: WHERE_SCHEMA.optional(), member_info: WHERE_SCHEMA.optional() })
    .optional()
    .describe('覆盖“三个一”的三项定义'),
  subsidy: z
    .strictObject({
      base: decimal('non-negative'),
      per_member: decimal('non-negative'),
      grade_factor: z.record(z.string(), decimal()),
      cap: decimal('non-negative').optional(),
      budget: decimal('non-negative').optional(),
    })
    .optional()
    .describe('基层组织活动经费补助规则（元）'),
});
export type RawRubric = z.infer<typeof RUBRIC_SCHEMA>;
