// zod schemas of the structured YAML files: mj.yaml, orgs.yaml and rubrics/YEAR.yaml, as they
// are read (every number arrives as its decimal source text, see source/yaml.ts). Custom
// messages that look like a code ('MJ207') choose the diagnostic. json-schema.ts exports them.

import { z } from 'zod';

// Each schema here checks one or a few documents a run: compiling them to fast code (zod's
// default) costs more than it saves, about 10 ms of a small dataset's 300.
z.config({ jitless: true });
import { ACTIVITY_TYPES, COMMITTEE_ROLES, LEVELS, ORG_TYPES } from '../model/types.js';
import { MEASURES } from './quick.js';

const SIGNED_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/** A number written in YAML, read exactly from its text. Exported to JSON Schema as a number. */
export const decimal = () => z.string().regex(SIGNED_DECIMAL, 'MJ207').meta({ mjNumber: true });
/** Text that YAML might read as a number (ids, dates): accepted either way in editors. */
export const textish = () => z.string().min(1, 'MJ201').meta({ mjTextish: true });

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
  limits: z
    .strictObject({
      max_file_mb: z.string().regex(/^\d+(\.\d+)?$/, 'MJ207').meta({ mjNumber: true }).optional().describe('单个数据文件的大小上限（MB），默认 1024，0 表示不限'),
      max_record_chars: z.string().regex(/^\d+$/, 'MJ207').meta({ mjNumber: true }).optional().describe('一条 CSV 记录的最大字符数，默认 1048576'),
    })
    .optional()
    .describe('读取数据文件的上限；命令行的 --max-file-size 优先'),
});
export type RawConfig = z.infer<typeof CONFIG_SCHEMA>;

export const ORG_SCHEMA = z.strictObject({
  id: textish().describe('组织编号：英文字母、数字、- 和 _，例如 gy-edu1'),
  name: z.string().min(1, 'MJ201').describe('组织全称，例如 贵州大学支部'),
  type: z.enum(ORG_TYPES).describe('组织类型'),
  parent: textish().optional().describe('上级组织的编号；只有省委会不写'),
  established: textish().optional().describe('成立日期'),
  dissolved: textish().optional().describe('撤销日期'),
  committee: z
    .array(z.strictObject({ member: textish(), role: z.enum(COMMITTEE_ROLES) }))
    .optional()
    .describe('支委会成员'),
  liaison: textish().optional().describe('联系该组织的领导（会员编号）'),
});
export const ORGS_SCHEMA = z.array(ORG_SCHEMA);
export type RawOrg = z.infer<typeof ORG_SCHEMA>;

export const WHERE_SCHEMA = z
  .strictObject({
    type: oneOrMany(z.enum(ACTIVITY_TYPES)).optional(),
    outcomes: oneOrMany(z.string().min(1)).optional(),
    level: oneOrMany(z.enum(LEVELS)).optional(),
    tags: oneOrMany(z.string().min(1)).optional(),
  })
  .describe('匹配哪些履职记录：按字段相等或列表包含');
export type RawWhere = z.infer<typeof WHERE_SCHEMA>;


const TIER_SCHEMA = z.strictObject({ at_least: decimal(), points: decimal() });

export const ITEM_SCHEMA = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'MJ204').describe('评分项编号（英文），考评组评分文件用它'),
  name: z.string().min(1, 'MJ201').describe('评分项名称，作为表头'),
  measure: z.enum(MEASURES).describe('计量方式'),
  where: WHERE_SCHEMA.optional(),
  field: z.enum(['hours']).optional().describe('measure: sum 时求和的字段'),
  at_least: decimal().optional().describe('measure: members/coverage 时每名会员至少的记录数，默认 1'),
  lead: z.boolean().optional().describe('会员积分项：只计第一作者（主笔）'),
  points: decimal().optional().describe('每单位计量的分值'),
  tiers: z.array(TIER_SCHEMA).min(1).optional().describe('分档计分：达到的最高档生效'),
  max: decimal().optional().describe('该项上限'),
  min: decimal().optional().describe('该项下限（扣分项）'),
  note: z.string().optional(),
});
export type RawItem = z.infer<typeof ITEM_SCHEMA>;

export const RUBRIC_SCHEMA = z.strictObject({
  title: z.string().min(1, 'MJ201').describe('评分表标题'),
  total: decimal().describe('基本分满分'),
  grades: z
    .array(z.strictObject({ name: z.string().min(1), min: decimal(), quota: decimal().optional() }))
    .min(1)
    .describe('等级：从高到低，第一个达到分数线的等级'),
  sections: z
    .array(
      z.strictObject({
        name: z.string().min(1, 'MJ201'),
        max: decimal().optional(),
        bonus: z.boolean().optional(),
        items: z.array(ITEM_SCHEMA).min(1),
      }),
    )
    .min(1),
  member_items: z.array(ITEM_SCHEMA).optional().describe('会员履职积分项'),
  vetoes: z
    .array(
      z.strictObject({
        when: z.union([z.literal('three_ones_incomplete'), z.strictObject({ item: z.string(), below: decimal() })]),
        max_grade: z.string().min(1),
      }),
    )
    .optional()
    .describe('一票否决：满足条件时等级最高为 max_grade'),
  three_ones: z
    .strictObject({ proposal: WHERE_SCHEMA.optional(), service: WHERE_SCHEMA.optional(), member_info: WHERE_SCHEMA.optional() })
    .optional()
    .describe('覆盖“三个一”的三项定义'),
  subsidy: z
    .strictObject({
      base: decimal(),
      per_member: decimal(),
      grade_factor: z.record(z.string(), decimal()),
      cap: decimal().optional(),
      budget: decimal().optional(),
    })
    .optional()
    .describe('基层组织活动经费补助规则（元）'),
});
export type RawRubric = z.infer<typeof RUBRIC_SCHEMA>;
