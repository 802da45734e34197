// What clerks' sheets call things, as data: the header names `mj import` maps to each field
// (beyond the keys, labels and aliases of fields.ts, which data files accept too), the 序号
// column, the words of 合计 rows and of the footer lines under a table, and the 是/否 words.
// The one home of these lists; load/sheet-table.ts and edit/ read them.

import { RECORD_FIELDS, type RecordKind } from './fields.js';

/** Header names a clerk's sheet may use for a field, by kind and field key (normalised as normHeader does). */
export const HEADER_SYNONYMS: Readonly<Record<RecordKind, Readonly<Record<string, readonly string[]>>>> = {
  members: {
    id: ['会员号', '会员证号', '人员编号', '会员编码', 'memberid', 'member_id'],
    name: ['会员姓名', '名字', 'fullname'],
    gender: ['男女', 'sex'],
    birth: ['出生年月日', '出生时间', '生日', 'birthday', 'dateofbirth', 'birthdate'],
    ethnicity: ['民族成分', 'nation', 'nationality'],
    joined: ['入会年月', '入会时间(年月日)', '加入民进时间', '入会年份', 'joindate', 'datejoined'],
    org: ['支部', '所在支部', '所在组织', '基层组织', '组织名称', '支部名称', 'branch'],
    title: ['专业技术职称', '技术职称', '职称级别'],
    education: ['最高学历', '文化程度'],
    degree: ['最高学位'],
    employer: ['单位', '工作单位及职务', '所在单位', '单位名称', 'unit', 'workplace'],
    sector: ['所属界别', 'circle'],
    roles: ['政治安排情况', '人大政协', '社会职务', 'roles'],
    reserve: ['是否后备干部', '后备', '后备人才'],
    status: ['会籍', '状态', '会员状态', 'standing'],
    left: ['离会日期', '退会时间', '去世时间', '转出时间', 'leftdate'],
  },
  activities: {
    id: ['记录号', '序列号', 'recordid'],
    date: ['时间', '活动时间', '活动日期', '报送时间', '报送日期', '提交时间', '提交日期', '日期(年月日)'],
    type: ['类别', '活动类型', '履职类型', '类型(提案/建议/社情民意等)', 'kind', 'category'],
    org: ['支部', '所属支部', '组织名称', '支部名称', '报送单位', '单位', 'branch'],
    members: ['参加人员', '参加会员', '参与人员', '作者', '提案人', '撰稿人', '报送人', '姓名', '人员', '参加人', 'participants', 'authors'],
    title: ['题目', '名称', '活动名称', '内容', '活动内容', '主题', '标题(题目)', 'subject', 'name'],
    level: ['层级', '报送级别', '级别'],
    outcomes: ['采用情况', '结果(采用/批示)', '办理结果', '成效', '采用及批示情况', 'result', 'results'],
    hours: ['时长', '培训学时', '小时', '学时数', 'hour'],
    tags: ['标记', 'tag'],
    note: ['说明', '备考', 'remark', 'remarks', 'notes'],
  },
  assessments: {
    org: ['支部名称', '组织名称', '被考核支部', 'branch'],
    item: ['考核项目', '评分项目', '考评项目', '项目编号', 'itemid'],
    points: ['审核得分', '考评组得分', '考核得分', '评分', '分数', 'score'],
    self: ['自评', '自评分', '支部自评', 'selfscore'],
    note: ['说明', 'remark', 'remarks'],
  },
  // The practice files are kept by the secretariat, not sent in by branches: their own labels and aliases.
  transfers: {}, reserve: {}, liaisons: {}, inspections: {}, findings: {}, leaders: {}, reviews: {},
};

/** Headers of a 序号 column: row numbers of the sheet, never a field. */
export const SERIAL_HEADERS: readonly string[] = ['序号', '序', '编次', 'no', 'no.', '#'];

/** The first cell of a 合计 row (a sum under the table, never a record), normalised. */
export const TOTAL_WORDS: readonly string[] = ['合计', '总计', '小计', '共计', '总数', '汇总', 'total', 'sum'];

/** How the lines under a table start (who filled it in, when, notes): never records. */
export const FOOTER_STARTS: readonly string[] = ['填表人', '填报人', '制表人', '审核人', '负责人', '联系人', '联系电话', '填表日期', '填报日期', '制表日期', '注:', '注：', '说明:', '说明：', '备注:', '备注：'];

/** Words for yes and no, as clerks write them, to 是 and 否. */
export const YES_WORDS: readonly string[] = ['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '有'];
export const NO_WORDS: readonly string[] = ['否', 'n', 'no', 'false', '0', '×', '✗', '无', '不是'];

/** Full-width ASCII (！ to ～) and the ideographic space, as half-width. */
export function halfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * A header cell as compared: full-width letters half-width, spaces and line breaks (Alt+Enter)
 * removed, marks of a required column (*, ※, （必填）) dropped, ASCII lower-cased.
 */
export function normHeader(s: string): string {
  return halfWidth(s)
    .replace(/\s+/g, '')
    .replace(/^[*※★]+|[*※★]+$/g, '')
    .replace(/\((必填|选填|必须填写|可选)\)$/g, '')
    .toLowerCase();
}

/**
 * Maps a header to a field index of the kind (-1 when none): `strict` takes what data files
 * take (key, Chinese label, aliases), else the synonyms above too. Compares normalised text.
 */
export function headerMatcher(kind: RecordKind, strict: boolean): (header: string) => number {
  const map = new Map<string, number>();
  RECORD_FIELDS[kind].forEach((s, i) => {
    for (const name of [s.key, s.label, ...(s.aliases ?? []), ...(strict ? [] : [s.labelEn])]) if (!map.has(normHeader(name))) map.set(normHeader(name), i);
  });
  if (!strict) {
    RECORD_FIELDS[kind].forEach((s, i) => {
      for (const name of HEADER_SYNONYMS[kind][s.key] ?? []) if (!map.has(normHeader(name))) map.set(normHeader(name), i);
    });
  }
  return (header) => map.get(normHeader(header)) ?? -1;
}

export const isSerialHeader = (header: string): boolean => SERIAL_HEADERS.includes(normHeader(header));

/** Values clerks write for a word of a field's list, by field key (the list's word on the right). */
export const VALUE_SYNONYMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  gender: { 男性: '男', 女性: '女', m: '男', f: '女', male: '男', female: '女' },
  type: {
    社情民意信息: '社情民意', 信息: '社情民意', 社情民意报送: '社情民意',
    组织生活会: '组织生活', 支部活动: '组织生活', 支部会议: '组织生活', 支部大会: '组织生活', 支委会议: '支委会',
    学习会: '学习', 专题学习: '学习', 培训班: '培训', 社会服务活动: '社会服务', 公益活动: '社会服务', 宣传报道: '宣传', 信息稿件: '宣传',
  },
  level: { 国家级: '国家', 全国: '国家', 中央: '国家', 省级: '省', 市级: '市', 州: '市', 县级: '县', 区: '县' },
  status: { 正常: '在册', 在籍: '在册' },
  education: { 研究生学历: '研究生', 本科: '大学本科', 大本: '大学本科', 专科: '大学专科', 大专: '大学专科', 中专: '中专及以下', 高中: '中专及以下' },
  degree: { 博士学位: '博士', 硕士学位: '硕士', 学士学位: '学士' },
  title: { 正高: '正高级', 副高: '副高级', 中级职称: '中级', 初级职称: '初级' },
};
