#!/usr/bin/env node
/**
 * gen-example.mjs — seeded, deterministic generator of the example dataset of mj.
 *
 * What it writes (into --out, default data-examples/guizhou/ beside this repository's root):
 *   mj.yaml               name 民进贵州省委, locale zh-CN
 *   orgs.yaml             民进贵州省委 → 省直支部, 9 市州委会 + 贵安新区工委 → 总支 → 支部 (depth first),
 *                         with committees (支委会) and liaisons (领导联系基层)
 *   members.csv           the roster with the Chinese headers of spec.md §1
 *   activities/YEAR.csv   one year's duty records (履职记录) for each --years
 * It never deletes anything: assessments/, rubrics/, reports/ in the same folder are left alone.
 * Each file is written to FILE.tmp and renamed over FILE when complete.
 *
 * Run:   npm run gen:example                 (rebuilds data-examples/guizhou byte for byte)
 *        node scripts/gen-example.mjs --members 200000 --out /tmp/mj-national
 * Options:
 *   --out DIR        output folder (default: <repo>/data-examples/guizhou)
 *   --members N      members on the roster on 2019-10-10 (default 4462); branches scale with N
 *   --seed S         any text (default guizhou-2019)
 *   --years LIST     comma list of activity years (default 2018,2019)
 *   --density F      multiplies the number of activity records per branch and per member
 *                    (default 1: realistic volumes; use it to make stress files)
 *
 * Invariants (checked before the files are renamed into place; a failure exits 1):
 *   - Same options → same bytes, on every run and machine: one seeded sfc32 stream per purpose,
 *     integer day arithmetic (no Date, no clock, no Math.random, no locale), UTF-8 without BOM, LF.
 *   - On the roster on 2019-10-10 (joined ≤ that day, and 在册 or 离会时间 > that day) there are
 *     exactly N members, of whom round(N·1071/4462) hold 正高级 or 副高级 and round(N·94/4462)
 *     hold 博士 — at the default scale 4462, 1071 (24.0%) and 94, the figures of the 2019 report
 *     of 民进贵州省委 (shared/seed/article.zh.txt).
 *   - orgs: unique ASCII ids, one root, parents exist and precede their children; members belong to
 *     支部 only; a dissolved branch (one, in 2018) has no member left after its dissolution;
 *     committee and liaison ids are members on the roster on 2019-12-31.
 *   - members: every non-在册 member has a 离会时间 after the 入会时间; 在册 members have none.
 *   - activities: ids unique within the year, dates inside the year, rows sorted by date then id;
 *     the credited org existed on that date; every listed member was on the roster that day
 *     (a member who left on D is gone on D).
 * Prints one summary line on stderr; nothing on stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';

import { USAGE, parseArgs } from './gen/options.mjs';
import { Rng, chooseUniform, chooseWeighted, sampleExact } from './gen/random.mjs';
import { onRoster } from './gen/on-roster.mjs';
import { END_DAY, NEVER, REF_DAY, day, fmtDay, monthEnd, p2, parseDay, workday, yearFirstDay, yearLastDay, ymd } from './gen/calendar.mjs';

// ───────────────────────────── options ─────────────────────────────

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(msg, code = 2) {
  process.stderr.write(`gen-example: ${msg}\n`);
  process.exit(code);
}

const parsed = parseArgs(process.argv.slice(2), path.join(REPO, 'data-examples', 'guizhou'));
if (parsed.kind === 'help') { process.stdout.write(`${USAGE}\n`); process.exit(0); }
if (parsed.kind === 'error') fail(parsed.message);
const OPT = parsed.options;
const SEED = OPT.seed;
const N = OPT.members;
const F = N / 4462; // scale of the org tree
const TARGET_SENIOR = Math.round((N * 1071) / 4462);
const TARGET_DOCTOR = Math.round((N * 94) / 4462);

const CN_DIGITS = '〇一二三四五六七八九';
function cn(n) {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 1000) {
    const h = Math.floor(n / 100), r = n % 100;
    if (!r) return `${CN_DIGITS[h]}百`;
    return `${CN_DIGITS[h]}百${r < 10 ? '零' : ''}${r < 20 && r >= 10 ? '一' : ''}${cn(r)}`;
  }
  return String(n);
}

// ───────────────────────────── vocabulary ─────────────────────────────

const TYPES = ['提案', '建议', '社情民意', '社会服务', '组织生活', '支委会', '学习', '培训', '调研', '宣传', '其他'];
const T = Object.fromEntries(TYPES.map((t, i) => [t, i]));
const LEVELS = ['', '国家', '省', '市', '县'];
const L = Object.fromEntries(LEVELS.map((t, i) => [t, i]));
const OUTCOMES = ['立案', '重点提案', '未立案', '省委会采用', '市政协采用', '市委统战部采用', '省政协采用', '省委办公厅采用',
  '省委统战部采用', '民进中央采用', '中央统战部采用', '全国政协转送', '全国政协单篇采用', '市领导批示', '省领导批示',
  '省主要领导批示', '国家部委批示', '中央领导批示'];
const O = Object.fromEntries(OUTCOMES.map((t, i) => [t, 1 << i]));
const ROLE_ORDER = ['全国人大代表', '全国政协委员', '省人大代表', '省政协委员', '市人大代表', '市政协委员', '县人大代表', '县政协委员'];
const MONTH_W = [0.8, 0.4, 1.1, 1.1, 1.1, 1.05, 0.85, 0.65, 1.05, 0.9, 1.1, 1.0];

// ───────────────────────────── the org tree (templates) ─────────────────────────────
// A branch template: [name, kind, weight (≈ members at the default scale), options]
// kinds decide the 界别 mix and the employers; options: inst (the institution), place (county or
// district, for employers), fields (institutes), pool (employers), est/dis (dates), since (year
// the institution exists from), special (never replicated when scaling).

const KINDS = {
  uni: { code: 'uni', mix: [['高校', 88], ['科研院所', 6], ['医疗卫生', 3], ['其他', 3]] },
  umed: { code: 'uni', mix: [['高校', 58], ['医疗卫生', 38], ['科研院所', 3], ['其他', 1]] },
  med: { code: 'med', mix: [['医疗卫生', 95], ['其他', 5]] },
  medg: { code: 'med', mix: [['医疗卫生', 88], ['党政机关', 8], ['其他', 4]] },
  sci: { code: 'sci', mix: [['科研院所', 90], ['企业', 5], ['其他', 5]] },
  edu: { code: 'edu', mix: [['中小学', 92], ['党政机关', 5], ['其他', 3]] },
  cul: { code: 'cul', mix: [['文化', 76], ['出版', 8], ['中小学', 6], ['其他', 10]] },
  pub: { code: 'pub', mix: [['出版', 78], ['文化', 18], ['其他', 4]] },
  gov: { code: 'gov', mix: [['党政机关', 82], ['文化', 5], ['科研院所', 3], ['其他', 10]] },
  biz: { code: 'biz', mix: [['企业', 86], ['其他', 14]] },
  law: { code: 'law', mix: [['其他', 80], ['企业', 10], ['党政机关', 10]] },
  cty: { code: 'cty', mix: [['中小学', 46], ['医疗卫生', 16], ['党政机关', 14], ['企业', 10], ['文化', 5], ['其他', 9]] },
  ret: { code: 'ret', mix: [['中小学', 34], ['高校', 28], ['医疗卫生', 20], ['文化', 6], ['党政机关', 6], ['科研院所', 3], ['其他', 3]] },
  big: { code: 'dsj', mix: [['企业', 72], ['科研院所', 18], ['高校', 10]] },
};

const SHENGZHI = {
  id: 'gz', short: '贵阳', full: '贵阳市', uni: '贵州大学', minority: 0.17,
  eth: [['苗族', 4], ['布依族', 3], ['侗族', 2], ['土家族', 2], ['彝族', 1], ['仡佬族', 1], ['水族', 1], ['回族', 1]],
  counties: [], // filled with every county below
  branches: [
    ['贵州大学支部', 'uni', 90, { inst: '贵州大学' }],
    ['贵州医科大学支部', 'umed', 80, { inst: '贵州医科大学' }],
    ['贵州师范大学支部', 'uni', 72, { inst: '贵州师范大学' }],
    ['贵州民族大学支部', 'uni', 48, { inst: '贵州民族大学' }],
    ['贵州财经大学支部', 'uni', 44, { inst: '贵州财经大学' }],
    ['贵州中医药大学支部', 'umed', 40, { inst: '贵州中医药大学' }],
    ['贵州师范学院支部', 'uni', 32, { inst: '贵州师范学院' }],
    ['贵州商学院支部', 'uni', 22, { inst: '贵州商学院' }],
    ['贵州理工学院支部', 'uni', 22, { inst: '贵州理工学院', since: 2013 }],
    ['贵州轻工职业技术学院支部', 'uni', 16, { inst: '贵州轻工职业技术学院' }],
    ['贵州交通职业技术学院支部', 'uni', 14, { inst: '贵州交通职业技术学院' }],
    ['省人民医院支部', 'med', 58, { inst: '贵州省人民医院' }],
    ['贵州医科大学附属医院支部', 'med', 66, { inst: '贵州医科大学附属医院' }],
    ['贵州中医药大学第一附属医院支部', 'med', 36, { inst: '贵州中医药大学第一附属医院' }],
    ['省妇幼保健院支部', 'med', 18, { inst: '贵州省妇幼保健院' }],
    ['省直卫生支部', 'medg', 22, { pool: ['贵州省第二人民医院', '贵州省骨科医院', '贵州省疾病预防控制中心', '贵州省血液中心', '贵州省第三人民医院', '贵州省职工医院'] }],
    ['贵州省科学院支部', 'sci', 28, { inst: '贵州省科学院', fields: ['生物研究所', '化工研究院', '山地资源研究所', '地理研究所', '能源研究所', '植物园', '应用技术研究所'] }],
    ['贵州省农业科学院支部', 'sci', 28, { inst: '贵州省农业科学院', fields: ['水稻研究所', '茶叶研究所', '果树科学研究所', '油料研究所', '植物保护研究所', '畜牧兽医研究所', '园艺研究所', '土壤肥料研究所'] }],
    ['贵州省社会科学院支部', 'sci', 18, { inst: '贵州省社会科学院', fields: ['经济研究所', '社会研究所', '历史研究所', '法律研究所', '农村发展研究所', '民族研究所', '文化研究所'] }],
    ['省直文化艺术支部', 'cul', 30, {}],
    ['省直新闻支部', 'cul', 16, { pool: ['贵州日报社', '贵州广播电视台', '贵州都市报社', '贵州省新闻图片社', '当代贵州杂志社'] }],
    ['贵州出版集团支部', 'pub', 24, {}],
    ['省直机关支部', 'gov', 26, {}],
    ['省直经济支部', 'biz', 30, {}],
    ['省直法律支部', 'law', 20, {}],
    ['贵州省实验中学支部', 'edu', 22, { inst: '贵州省实验中学' }],
    ['省直教育支部', 'edu', 28, { pool: ['贵州师范大学附属中学', '贵州师范大学附属小学', '贵州省教育科学院', '贵州省电化教育馆', '贵州省盲聋哑学校', '贵州省幼儿园', '贵州省机关幼儿园'] }],
    ['省直离退休第一支部', 'ret', 40, {}],
    ['省直离退休第二支部', 'ret', 34, {}],
    ['省直大数据支部', 'big', 11, { est: '2019-03-16', special: true }],
  ],
};

const county = (list, w = 12) => list.map((c) => {
  const [place, weight] = Array.isArray(c) ? c : [c, w];
  return [`${place}支部`, 'cty', weight, { place }];
});

const CITIES = [
  {
    id: 'gy', name: '贵阳市委会', short: '贵阳', full: '贵阳市', uni: '贵阳学院', minority: 0.15,
    eth: [['布依族', 4], ['苗族', 4], ['土家族', 1], ['侗族', 1], ['彝族', 1], ['回族', 1], ['仡佬族', 0.5], ['水族', 0.5]],
    counties: ['南明区', '云岩区', '花溪区', '乌当区', '白云区', '观山湖区', '清镇市', '修文县', '息烽县', '开阳县'],
    groups: [
      { lvl: 'city', branches: [
        ['贵阳学院支部', 'uni', 40, { inst: '贵阳学院' }],
        ['贵阳学院第二支部', 'uni', 26, { inst: '贵阳学院' }],
        ['贵阳幼儿师范高等专科学校支部', 'uni', 18, { inst: '贵阳幼儿师范高等专科学校' }],
        ['贵阳护理职业学院支部', 'umed', 14, { inst: '贵阳护理职业学院' }],
        ['贵阳职业技术学院支部', 'uni', 16, { inst: '贵阳职业技术学院' }],
        ['贵阳市第一人民医院支部', 'med', 30, { inst: '贵阳市第一人民医院' }],
        ['贵阳市第二人民医院支部', 'med', 22, { inst: '贵阳市第二人民医院' }],
        ['贵阳市第四人民医院支部', 'med', 16, { inst: '贵阳市第四人民医院' }],
        ['贵阳市妇幼保健院支部', 'med', 18, { inst: '贵阳市妇幼保健院' }],
        ['贵阳市中医医院支部', 'med', 16, { inst: '贵阳市中医医院' }],
        ['贵阳市疾病预防控制中心支部', 'med', 12, { inst: '贵阳市疾病预防控制中心' }],
        ['贵阳市第一中学支部', 'edu', 22, { inst: '贵阳市第一中学' }],
        ['贵阳市第二中学支部', 'edu', 14, { inst: '贵阳市第二中学' }],
        ['贵阳市第六中学支部', 'edu', 16, { inst: '贵阳市第六中学' }],
        ['贵阳市第八中学支部', 'edu', 14, { inst: '贵阳市第八中学' }],
        ['贵阳市第九中学支部', 'edu', 12, { inst: '贵阳市第九中学' }],
        ['贵阳市第十七中学支部', 'edu', 12, { inst: '贵阳市第十七中学' }],
        ['贵阳市实验小学支部', 'edu', 12, { inst: '贵阳市实验小学' }],
        ['贵阳市文化艺术支部', 'cul', 24, {}],
        ['贵阳市新闻出版支部', 'pub', 14, {}],
        ['贵阳市科技支部', 'sci', 16, { fields: ['贵阳市农业科学研究所', '贵阳市林业科学研究所', '贵阳市环境监测中心站', '贵阳市农业技术推广中心', '贵阳市气象局', '贵阳市科学技术情报研究所'] }],
        ['贵阳市市直机关支部', 'gov', 20, {}],
        ['贵阳市经济支部', 'biz', 26, {}],
        ['贵阳市金融支部', 'biz', 14, { pool: ['贵阳银行', '贵阳农村商业银行', '贵州省农村信用社联合社', '贵阳市小额贷款行业协会', '贵州金融控股集团'] }],
        ['贵阳市法律支部', 'law', 16, {}],
        ['贵阳市离退休支部', 'ret', 30, {}],
        ['贵阳市轻工机械厂支部', 'biz', 0, { est: '1996-04-12', dis: '2018-06-30', special: true, leavers: 10, pool: ['贵阳市轻工机械厂'] }],
      ] },
      { zz: '南明区总支', place: '南明区', lvl: 'county', branches: [
        ['南明区教育第一支部', 'edu', 22], ['南明区教育第二支部', 'edu', 18], ['南明区教育第三支部', 'edu', 14],
        ['南明区教育第四支部', 'edu', 12], ['南明区医卫支部', 'medg', 16], ['南明区综合支部', 'cty', 16]] },
      { zz: '云岩区总支', place: '云岩区', lvl: 'county', branches: [
        ['云岩区教育第一支部', 'edu', 20], ['云岩区教育第二支部', 'edu', 16], ['云岩区教育第三支部', 'edu', 12],
        ['云岩区医卫支部', 'medg', 14], ['云岩区综合支部', 'cty', 18]] },
      { zz: '花溪区总支', place: '花溪区', lvl: 'county', branches: [
        ['花溪区教育第一支部', 'edu', 18], ['花溪区教育第二支部', 'edu', 12], ['花溪区医卫支部', 'medg', 12],
        ['花溪区综合支部', 'cty', 14], ['花溪区青岩支部', 'cty', 10]] },
      { zz: '观山湖区总支', place: '观山湖区', lvl: 'county', branches: [
        ['观山湖区教育第一支部', 'edu', 16, { since: 2012 }], ['观山湖区综合支部', 'cty', 14, { since: 2012 }],
        ['观山湖区教育第二支部', 'edu', 10, { est: '2019-06-22', special: true }]] },
      { zz: '乌当区总支', place: '乌当区', lvl: 'county', branches: [
        ['乌当区教育支部', 'edu', 12], ['乌当区医卫支部', 'medg', 10], ['乌当区综合支部', 'cty', 12]] },
      { zz: '白云区总支', place: '白云区', lvl: 'county', branches: [
        ['白云区教育支部', 'edu', 12], ['白云区医卫支部', 'medg', 10], ['白云区综合支部', 'cty', 12]] },
      { lvl: 'county', branches: [
        ['清镇市第一支部', 'cty', 16, { place: '清镇市' }], ['清镇市第二支部', 'cty', 12, { place: '清镇市' }],
        ['修文县支部', 'cty', 14, { place: '修文县' }], ['息烽县支部', 'cty', 12, { place: '息烽县' }],
        ['开阳县第一支部', 'cty', 14, { place: '开阳县' }], ['开阳县第二支部', 'cty', 10, { place: '开阳县' }]] },
    ],
  },
  {
    id: 'zy', name: '遵义市委会', short: '遵义', full: '遵义市', uni: '遵义师范学院', minority: 0.14,
    eth: [['仡佬族', 4], ['土家族', 3], ['苗族', 2], ['布依族', 1], ['回族', 1], ['彝族', 0.5]],
    counties: ['红花岗区', '汇川区', '播州区', '桐梓县', '绥阳县', '正安县', '道真县', '务川县', '凤冈县', '湄潭县', '余庆县', '习水县', '赤水市', '仁怀市'],
    groups: [
      { lvl: 'city', branches: [
        ['遵义医科大学支部', 'umed', 60, { inst: '遵义医科大学' }],
        ['遵义医科大学附属医院支部', 'med', 46, { inst: '遵义医科大学附属医院' }],
        ['遵义师范学院支部', 'uni', 36, { inst: '遵义师范学院' }],
        ['遵义职业技术学院支部', 'uni', 14, { inst: '遵义职业技术学院' }],
        ['遵义市第一人民医院支部', 'med', 24, { inst: '遵义市第一人民医院' }],
        ['遵义市中医院支部', 'med', 16, { inst: '遵义市中医院' }],
        ['遵义市第四中学支部', 'edu', 16, { inst: '遵义市第四中学' }],
        ['遵义航天高级中学支部', 'edu', 14, { inst: '遵义航天高级中学' }],
        ['遵义市文化支部', 'cul', 18, {}],
        ['遵义市市直机关支部', 'gov', 16, {}],
        ['遵义市经济支部', 'biz', 18, {}],
        ['遵义市离退休支部', 'ret', 20, {}]] },
      { zz: '红花岗区总支', place: '红花岗区', lvl: 'county', branches: [
        ['红花岗区教育第一支部', 'edu', 18], ['红花岗区教育第二支部', 'edu', 14], ['红花岗区综合支部', 'cty', 14]] },
      { zz: '汇川区总支', place: '汇川区', lvl: 'county', branches: [
        ['汇川区教育支部', 'edu', 16], ['汇川区医卫支部', 'medg', 12], ['汇川区综合支部', 'cty', 12]] },
      { lvl: 'county', branches: county([['播州区', 16], '桐梓县', '绥阳县', ['正安县', 10], ['道真县', 10], ['务川县', 10], ['凤冈县', 10], ['湄潭县', 14], ['余庆县', 10], '习水县', '赤水市', ['仁怀市', 14]]) },
    ],
  },
  {
    id: 'lps', name: '六盘水市委会', short: '六盘水', full: '六盘水市', uni: '六盘水师范学院', minority: 0.24,
    eth: [['彝族', 4], ['布依族', 3], ['苗族', 3], ['回族', 1], ['仡佬族', 1]],
    counties: ['钟山区', '六枝特区', '水城县', '盘州市'],
    groups: [
      { lvl: 'city', branches: [
        ['六盘水师范学院支部', 'uni', 28, { inst: '六盘水师范学院' }],
        ['六盘水职业技术学院支部', 'uni', 12, { inst: '六盘水职业技术学院' }],
        ['六盘水市人民医院支部', 'med', 20, { inst: '六盘水市人民医院' }],
        ['六盘水市第一实验中学支部', 'edu', 14, { inst: '六盘水市第一实验中学' }],
        ['六盘水市教育支部', 'edu', 16, {}],
        ['六盘水市市直机关支部', 'gov', 14, {}],
        ['六盘水市经济支部', 'biz', 14, {}]] },
      { lvl: 'county', branches: [
        ['钟山区第一支部', 'cty', 16, { place: '钟山区' }], ['钟山区第二支部', 'cty', 12, { place: '钟山区' }],
        ...county(['六枝特区', '水城县', ['盘州市', 14]])] },
    ],
  },
  {
    id: 'as', name: '安顺市委会', short: '安顺', full: '安顺市', uni: '安顺学院', minority: 0.26,
    eth: [['布依族', 5], ['苗族', 4], ['仡佬族', 1], ['回族', 0.5]],
    counties: ['西秀区', '平坝区', '普定县', '镇宁县', '关岭县', '紫云县'],
    groups: [
      { lvl: 'city', branches: [
        ['安顺学院支部', 'uni', 30, { inst: '安顺学院' }],
        ['安顺职业技术学院支部', 'uni', 14, { inst: '安顺职业技术学院' }],
        ['安顺市人民医院支部', 'med', 20, { inst: '安顺市人民医院' }],
        ['安顺市第二高级中学支部', 'edu', 14, { inst: '安顺市第二高级中学' }],
        ['安顺市文化支部', 'cul', 14, {}],
        ['安顺市市直机关支部', 'gov', 12, {}]] },
      { lvl: 'county', branches: [
        ['西秀区教育支部', 'edu', 16, { place: '西秀区' }], ['西秀区综合支部', 'cty', 14, { place: '西秀区' }],
        ...county(['平坝区', ['普定县', 10], ['镇宁县', 10], ['关岭县', 10]])] },
    ],
  },
  {
    id: 'bj', name: '毕节市委会', short: '毕节', full: '毕节市', uni: '贵州工程应用技术学院', minority: 0.24,
    eth: [['彝族', 4], ['苗族', 3], ['回族', 2], ['布依族', 1], ['仡佬族', 1]],
    counties: ['七星关区', '大方县', '黔西县', '金沙县', '织金县', '纳雍县', '威宁县', '赫章县'],
    groups: [
      { lvl: 'city', branches: [
        ['贵州工程应用技术学院支部', 'uni', 32, { inst: '贵州工程应用技术学院' }],
        ['毕节医学高等专科学校支部', 'umed', 14, { inst: '毕节医学高等专科学校' }],
        ['毕节市第一人民医院支部', 'med', 18, { inst: '毕节市第一人民医院' }],
        ['毕节市第一中学支部', 'edu', 14, { inst: '毕节市第一中学' }],
        ['毕节市市直机关支部', 'gov', 12, {}],
        ['毕节市经济支部', 'biz', 12, {}]] },
      { lvl: 'county', branches: [
        ['七星关区教育支部', 'edu', 16, { place: '七星关区' }], ['七星关区综合支部', 'cty', 14, { place: '七星关区' }],
        ...county(['大方县', '黔西县', '金沙县', ['织金县', 10], ['纳雍县', 10], '威宁县', ['赫章县', 10]])] },
    ],
  },
  {
    id: 'tr', name: '铜仁市委会', short: '铜仁', full: '铜仁市', uni: '铜仁学院', minority: 0.38,
    eth: [['土家族', 5], ['苗族', 4], ['侗族', 3], ['仡佬族', 1]],
    counties: ['碧江区', '万山区', '江口县', '玉屏县', '石阡县', '思南县', '印江县', '德江县', '沿河县', '松桃县'],
    groups: [
      { lvl: 'city', branches: [
        ['铜仁学院支部', 'uni', 30, { inst: '铜仁学院' }],
        ['铜仁职业技术学院支部', 'uni', 14, { inst: '铜仁职业技术学院' }],
        ['铜仁幼儿师范高等专科学校支部', 'uni', 12, { inst: '铜仁幼儿师范高等专科学校' }],
        ['铜仁市人民医院支部', 'med', 20, { inst: '铜仁市人民医院' }],
        ['铜仁市第一中学支部', 'edu', 14, { inst: '铜仁市第一中学' }],
        ['铜仁市市直机关支部', 'gov', 12, {}]] },
      { lvl: 'county', branches: county([['碧江区', 16], ['万山区', 10], ['江口县', 10], ['石阡县', 10], '思南县', ['印江县', 10], ['德江县', 10], '松桃县']) },
    ],
  },
  {
    id: 'qdn', name: '黔东南州委会', short: '黔东南', full: '黔东南州', uni: '凯里学院', minority: 0.48,
    eth: [['苗族', 6], ['侗族', 5], ['布依族', 1], ['水族', 1], ['土家族', 0.5]],
    counties: ['凯里市', '黄平县', '施秉县', '三穗县', '镇远县', '岑巩县', '天柱县', '锦屏县', '剑河县', '台江县', '黎平县', '榕江县', '从江县', '雷山县', '麻江县', '丹寨县'],
    groups: [
      { lvl: 'city', branches: [
        ['凯里学院支部', 'uni', 30, { inst: '凯里学院' }],
        ['黔东南民族职业技术学院支部', 'uni', 14, { inst: '黔东南民族职业技术学院' }],
        ['黔东南州人民医院支部', 'med', 22, { inst: '黔东南州人民医院' }],
        ['黔东南州中医医院支部', 'med', 14, { inst: '黔东南州中医医院' }],
        ['凯里市第一中学支部', 'edu', 14, { inst: '凯里市第一中学' }],
        ['黔东南州民族文化支部', 'cul', 16, {}],
        ['黔东南州直机关支部', 'gov', 14, {}]] },
      { lvl: 'county', branches: [
        ['凯里市教育支部', 'edu', 16, { place: '凯里市' }], ['凯里市综合支部', 'cty', 14, { place: '凯里市' }],
        ...county([['镇远县', 10], '黎平县', ['榕江县', 10], ['从江县', 10], ['雷山县', 10], ['天柱县', 10], ['台江县', 8]])] },
    ],
  },
  {
    id: 'qn', name: '黔南州委会', short: '黔南', full: '黔南州', uni: '黔南民族师范学院', minority: 0.42,
    eth: [['布依族', 6], ['水族', 3], ['苗族', 3], ['侗族', 1], ['毛南族', 0.5]],
    counties: ['都匀市', '福泉市', '荔波县', '贵定县', '瓮安县', '独山县', '平塘县', '罗甸县', '长顺县', '龙里县', '惠水县', '三都县'],
    groups: [
      { lvl: 'city', branches: [
        ['黔南民族师范学院支部', 'uni', 30, { inst: '黔南民族师范学院' }],
        ['黔南民族医学高等专科学校支部', 'umed', 14, { inst: '黔南民族医学高等专科学校' }],
        ['黔南州人民医院支部', 'med', 20, { inst: '黔南州人民医院' }],
        ['黔南州中医医院支部', 'med', 12, { inst: '黔南州中医医院' }],
        ['都匀第一中学支部', 'edu', 14, { inst: '都匀第一中学' }],
        ['黔南州文化支部', 'cul', 12, {}],
        ['黔南州直机关支部', 'gov', 14, {}]] },
      { lvl: 'county', branches: [
        ['都匀市教育支部', 'edu', 16, { place: '都匀市' }], ['都匀市综合支部', 'cty', 14, { place: '都匀市' }],
        ...county(['福泉市', ['荔波县', 10], ['贵定县', 10], '瓮安县', ['独山县', 10], '龙里县', '惠水县'])] },
    ],
  },
  {
    id: 'qxn', name: '黔西南州委会', short: '黔西南', full: '黔西南州', uni: '兴义民族师范学院', minority: 0.36,
    eth: [['布依族', 6], ['苗族', 3], ['彝族', 1], ['回族', 1]],
    counties: ['兴义市', '兴仁市', '普安县', '晴隆县', '贞丰县', '望谟县', '册亨县', '安龙县'],
    groups: [
      { lvl: 'city', branches: [
        ['兴义民族师范学院支部', 'uni', 28, { inst: '兴义民族师范学院' }],
        ['黔西南州人民医院支部', 'med', 20, { inst: '黔西南州人民医院' }],
        ['兴义市第八中学支部', 'edu', 14, { inst: '兴义市第八中学' }],
        ['黔西南州直机关支部', 'gov', 12, {}],
        ['黔西南州经济支部', 'biz', 14, {}]] },
      { lvl: 'county', branches: [
        ['兴义市教育支部', 'edu', 16, { place: '兴义市' }], ['兴义市综合支部', 'cty', 14, { place: '兴义市' }],
        ...county(['兴仁市', '安龙县', ['贞丰县', 10], ['普安县', 10], ['册亨县', 8]])] },
    ],
  },
  {
    id: 'ga', name: '贵安新区工委', type: '工委', short: '贵安', full: '贵安新区', uni: '贵州师范大学', minority: 0.2,
    eth: [['苗族', 4], ['布依族', 4]],
    counties: ['贵安新区'],
    groups: [
      { lvl: 'county', place: '贵安新区', branches: [
        ['贵安新区直属机关支部', 'gov', 12, { since: 2014 }],
        ['贵安新区教育支部', 'edu', 14, { since: 2014 }],
        ['贵安新区医疗卫生支部', 'medg', 10, { since: 2015 }],
        ['贵安新区企业支部', 'biz', 12, { since: 2015 }]] },
    ],
  },
];
SHENGZHI.counties = CITIES.flatMap((c) => c.counties);

// ───────────────────────────── employers ─────────────────────────────

const COLLEGES = ['文学院', '外国语学院', '数学科学学院', '物理学院', '化学与化工学院', '生命科学学院', '经济学院', '管理学院',
  '法学院', '计算机科学与技术学院', '机械工程学院', '电气工程学院', '农学院', '林学院', '动物科学学院', '资源与环境工程学院',
  '土木工程学院', '马克思主义学院', '音乐学院', '美术学院', '教育科学学院', '历史与民族文化学院', '旅游与文化产业学院',
  '体育学院', '大数据与信息工程学院', '图书馆', '国际教育学院', '新闻与传播学院'];
const MED_COLLEGES = ['基础医学院', '临床医学院', '公共卫生学院', '药学院', '护理学院', '医学检验学院', '医学影像学院',
  '口腔医学院', '卫生健康管理学院', '生物与工程学院', '马克思主义学院', '图书馆', '中医学院', '针灸骨伤学院'];
const UNI_INSTITUTES = ['喀斯特环境研究院', '民族文化研究院', '生物技术研究所', '大数据研究院', '农业资源研究所', '茶学研究所', '教育发展研究院'];
const LABS = ['喀斯特山地生态环境重点实验室', '绿色农药重点实验室', '民族药资源研究中心', '山地农业研究中心'];
const DEPTS = ['心血管内科', '消化内科', '呼吸与危重症医学科', '神经内科', '普外科', '骨科', '妇产科', '儿科', '眼科',
  '耳鼻喉科', '口腔科', '医学影像科', '检验科', '药剂科', '麻醉科', '急诊科', '中医科', '康复医学科', '肿瘤科', '护理部',
  '内分泌科', '肾内科', '感染科', '病理科'];
const PROV_UNIS = ['贵州大学', '贵州医科大学', '贵州师范大学', '贵州民族大学', '贵州财经大学', '贵州中医药大学', '贵州师范学院', '贵州商学院'];
const PROV_HOSPITALS = ['贵州省人民医院', '贵州医科大学附属医院', '贵州中医药大学第一附属医院', '贵州省第二人民医院', '贵州省骨科医院', '贵州省妇幼保健院', '贵州省疾病预防控制中心'];
const PROV_SCI = ['贵州省科学院', '贵州省农业科学院', '贵州省社会科学院', '贵州省林业科学研究院', '贵州省地质矿产勘查开发局', '贵州省气象局', '贵州省环境科学研究设计院'];
const PROV_CULTURE = ['贵州省博物馆', '贵州省图书馆', '贵州省文化馆', '贵州省美术馆', '贵州省花灯剧院', '贵州省黔剧院',
  '贵州省歌舞剧院', '贵州省京剧院', '贵州省非物质文化遗产保护中心', '贵州省文学艺术界联合会', '贵州广播电视台', '贵州省档案馆'];
const PROV_PUB = ['贵州人民出版社', '贵州教育出版社', '贵州科技出版社', '贵州民族出版社', '贵州大学出版社', '贵州出版集团有限公司', '贵州新华文轩图书音像有限公司', '贵州日报当代融媒体集团'];
const PROV_GOV = ['贵州省教育厅', '贵州省卫生健康委员会', '贵州省自然资源厅', '贵州省生态环境厅', '贵州省文化和旅游厅',
  '贵州省统计局', '贵州省司法厅', '贵州省人力资源和社会保障厅', '贵州省农业农村厅', '贵州省政协办公厅', '贵州省参事室',
  '贵州省文史研究馆', '贵州省民政厅', '贵州省财政厅', '贵州省科学技术厅', '贵州省水利厅', '贵州省审计厅'];
const GOV_UNITS = ['教育局', '卫生健康局', '文化广电旅游局', '自然资源局', '生态环境局', '统计局', '司法局',
  '人力资源和社会保障局', '农业农村局', '政协办公室', '人民法院', '人民检察院', '民政局', '财政局', '科技局', '住房和城乡建设局'];
const CULT_UNITS = ['文化馆', '图书馆', '融媒体中心', '博物馆', '文物管理所', '非物质文化遗产保护中心', '文学艺术界联合会'];
const SCHOOL_WORDS = ['育才', '新华', '启明', '团结', '光明', '民族', '东山', '城关', '实验', '朝阳', '和平', '金桥'];
const TOWNS = ['城关', '龙泉', '兴隆', '永兴', '新场', '马场', '长田', '平寨', '石门', '大坝', '三合', '和平'];
const CO_WORDS = ['黔丰', '山语', '云岭', '苗岭', '黔韵', '绿源', '鸿泰', '恒通', '金桥', '天成', '瑞丰', '嘉禾', '筑城', '林城',
  '黔兴', '盛源', '博远', '新黔', '黔南春', '梵净', '鼎诚', '合力'];
const CO_INDUSTRIES = ['茶业', '农业科技', '建筑工程', '信息技术', '医药', '旅游开发', '食品', '商贸', '生态农业', '物流',
  '房地产开发', '文化传媒', '环保科技', '电子科技', '大数据科技', '会计服务'];

function school(rng, place) {
  const r = rng.f();
  if (r < 0.3) return `${place}第${cn(rng.int(1, 9))}中学`;
  if (r < 0.4) return place + rng.pick(['民族中学', '实验中学', '第一高级中学', '职业教育中心']);
  if (r < 0.7) return `${place}第${cn(rng.int(1, 6))}小学`;
  if (r < 0.88) return `${place + rng.pick(SCHOOL_WORDS)}小学`;
  return `${place}第${cn(rng.int(1, 3))}幼儿园`;
}
function hospital(rng, place) {
  return rng.w([[`${place}人民医院`, 4], [`${place}中医医院`, 2], [`${place}妇幼保健院`, 1.5], [`${place}疾病预防控制中心`, 1],
    [`${place}第二人民医院`, 1], [`${place}${rng.pick(TOWNS)}镇卫生院`, 1.5]]);
}
function company(rng, b, industries) {
  const pre = rng.chance(0.5) ? '贵州' : b.city.short;
  const w = rng.pick(CO_WORDS);
  const ind = rng.pick(industries);
  const suf = rng.pick(['有限公司', '有限公司', '有限责任公司', '股份有限公司']);
  if (rng.chance(0.03)) return `${pre}"${w}"${ind}${suf}`; // an ASCII quote, as clerks type it: exercises CSV quoting
  return pre + w + ind + suf;
}
function otherEmployer(rng, b) {
  const place = b.place;
  if (b.kind === 'law') {
    return rng.w([[`${rng.chance(0.5) ? '贵州' : b.city.short}${rng.pick(CO_WORDS)}律师事务所`, 6], [`${b.city.full}公证处`, 1],
      [`${rng.chance(0.5) ? '贵州' : b.city.short}${rng.pick(CO_WORDS)}会计师事务所`, 2], [`${b.city.full}仲裁委员会`, 0.5]]);
  }
  return rng.w([['自由职业', 3], ['个体经营', 2], [`${rng.chance(0.5) ? '贵州' : b.city.short}${rng.pick(CO_WORDS)}律师事务所`, 2],
    [`${place}${rng.pick(['社区服务中心', '老年大学', '残疾人联合会', '工商业联合会', '红十字会'])}`, 2]]);
}

function employer(rng, b, sector) {
  const k = b.kind;
  const inst = b.inst;
  const prov = b.lvl === 'prov';
  const place = b.place;
  if (k === 'ret') {
    const former = {
      中小学: () => school(rng, b.city.full),
      高校: () => (prov ? rng.pick(PROV_UNIS) : b.city.uni),
      医疗卫生: () => (prov ? rng.pick(PROV_HOSPITALS) : hospital(rng, b.city.full)),
      文化: () => (prov ? rng.pick(PROV_CULTURE) : b.city.full + rng.pick(CULT_UNITS)),
      党政机关: () => (prov ? rng.pick(PROV_GOV) : b.city.full + rng.pick(GOV_UNITS)),
      科研院所: () => (prov ? rng.pick(PROV_SCI) : `${b.city.full}农业科学研究所`),
      其他: () => '',
    }[sector]();
    return former ? `${former}（退休）` : '退休';
  }
  if (b.pool && sector === KINDS[k].mix[0][0]) return rng.pick(b.pool);
  switch (sector) {
    case '高校':
      if (inst && (k === 'uni' || k === 'umed')) {
        if (prov && rng.chance(0.01)) return `${inst}${rng.pick(COLLEGES)}, ${rng.pick(LABS)}`; // an ASCII comma
        return rng.chance(0.65) ? inst + rng.pick(k === 'umed' ? MED_COLLEGES : COLLEGES) : inst;
      }
      return prov || k === 'big' ? rng.pick(PROV_UNIS) + rng.pick(COLLEGES) : b.city.uni;
    case '医疗卫生':
      if (inst && k === 'med') return rng.chance(0.4) ? inst + rng.pick(DEPTS) : inst;
      if (inst && k === 'umed') return rng.chance(0.7) ? `${inst}附属医院` : `${inst}第二附属医院`;
      if (prov) return rng.pick(PROV_HOSPITALS);
      return hospital(rng, place);
    case '科研院所':
      if (k === 'sci' && b.fields) return inst ? inst + rng.pick(b.fields) : rng.pick(b.fields);
      if (inst && (k === 'uni' || k === 'umed')) return inst + rng.pick(UNI_INSTITUTES);
      if (k === 'big') return rng.pick(['贵州省大数据产业发展研究院', '贵州省信息技术研究所', '贵阳大数据交易所研究中心']);
      if (prov) return rng.pick(PROV_SCI);
      return b.city.full + rng.pick(['农业科学研究所', '林业科学研究所', '环境科学研究所', '农业技术推广中心']);
    case '中小学':
      if (inst && k === 'edu') return inst;
      return school(rng, place);
    case '文化':
      if (prov) return rng.pick(PROV_CULTURE);
      return place + rng.pick(CULT_UNITS);
    case '出版':
      if (prov) return rng.pick(PROV_PUB);
      return b.city.full + rng.pick(['日报社', '新华书店', '广播电视台', '印刷厂']);
    case '党政机关':
      if (prov) return rng.pick(PROV_GOV);
      return place + rng.pick(GOV_UNITS);
    case '企业':
      return company(rng, b, k === 'sci' || k === 'big' ? ['生物科技', '环保科技', '农业科技', '信息技术', '大数据科技'] : CO_INDUSTRIES);
    default:
      if (inst && k === 'sci') return inst + rng.pick(['办公室', '科研管理处', '图书馆']);
      if (inst && (k === 'uni' || k === 'umed')) return inst + rng.pick(['后勤服务中心', '资产管理处', '继续教育学院']);
      if (inst && k === 'med') return `${inst}后勤保障部`;
      return otherEmployer(rng, b);
  }
}

// ───────────────────────────── names ─────────────────────────────

const HAN_SURNAMES = [['王', 8], ['李', 8], ['张', 7], ['刘', 5], ['陈', 5], ['杨', 6], ['黄', 4], ['赵', 3], ['吴', 4], ['周', 3],
  ['徐', 2], ['孙', 2], ['马', 2], ['朱', 2], ['胡', 2], ['郭', 2], ['何', 2], ['高', 2], ['林', 1.5], ['罗', 4], ['郑', 1.5],
  ['梁', 1.5], ['谢', 1.5], ['宋', 1.5], ['唐', 1.5], ['许', 1], ['韩', 1], ['冯', 1], ['邓', 1.5], ['曹', 1], ['彭', 1], ['曾', 1],
  ['肖', 1], ['田', 1.2], ['董', 1], ['袁', 1], ['潘', 1], ['于', 0.6], ['蒋', 1], ['蔡', 1], ['余', 1], ['杜', 1], ['叶', 1],
  ['程', 1], ['苏', 1], ['魏', 1], ['吕', 0.8], ['丁', 0.8], ['任', 1], ['沈', 0.7], ['姚', 1], ['卢', 1], ['姜', 0.7], ['崔', 0.6],
  ['钟', 1], ['谭', 1], ['陆', 1], ['汪', 1], ['范', 1], ['金', 0.6], ['石', 1], ['廖', 1], ['贾', 0.6], ['夏', 1], ['付', 1],
  ['方', 1], ['白', 0.6], ['邹', 1], ['孟', 0.6], ['熊', 1], ['秦', 0.8], ['邱', 0.8], ['江', 0.8], ['尹', 0.8], ['薛', 0.6],
  ['段', 0.8], ['雷', 0.8], ['侯', 0.6], ['龙', 1], ['史', 0.6], ['陶', 0.8], ['黎', 0.8], ['贺', 0.8], ['顾', 0.5], ['毛', 0.8],
  ['龚', 0.8], ['邵', 0.6], ['万', 0.6], ['钱', 0.5], ['严', 0.6], ['覃', 0.5], ['戴', 0.6], ['莫', 0.5], ['孔', 0.4], ['向', 0.6],
  ['汤', 0.6], ['欧阳', 0.15], ['令狐', 0.05], ['诸葛', 0.03]];
const ETH_SURNAMES = {
  苗族: ['杨', '吴', '龙', '石', '王', '张', '潘', '李', '陈', '罗', '麻', '欧'],
  布依族: ['韦', '罗', '王', '黄', '陆', '岑', '班', '杨', '莫', '吴', '伍'],
  侗族: ['杨', '吴', '石', '龙', '姚', '欧', '粟', '林', '陆'],
  土家族: ['田', '向', '彭', '冉', '杨', '张', '覃', '安', '黄'],
  彝族: ['安', '禄', '陇', '王', '李', '杨', '龙', '苏'],
  仡佬族: ['王', '邹', '韩', '骆', '申', '黎', '陈'],
  水族: ['韦', '潘', '蒙', '吴', '石', '陆'],
  回族: ['马', '丁', '穆', '哈', '海', '白', '沙'],
  毛南族: ['谭', '石', '卢', '覃'],
};
const MALE_CHARS = '伟强军勇杰涛明斌磊超刚平辉鹏华飞波宇浩俊峰林建国志文龙海兵洪云光荣正德成新晓东永春亮旭晨凯毅彬松江庆学祥义忠福雄坤锋翔昊然博睿哲鑫健力远立江山川岭维恒';
const FEMALE_CHARS = '芳娜敏静丽艳娟霞秀玲燕红梅琳婷雪慧莉萍颖洁琴兰凤英倩佳蕾璐瑶欣悦妍晶薇楠雯月冰丹露蓉菊萱琼岚馨怡婧媛茜';
const NEUTRAL_CHARS = '文华明晓春玉金秋小思一子嘉安宁清正永';

function personName(rng, gender, eth) {
  let sur;
  if (eth !== '汉族' && ETH_SURNAMES[eth] && rng.chance(0.8)) sur = rng.pick(ETH_SURNAMES[eth]);
  else sur = rng.w(HAN_SURNAMES);
  const chars = gender === '女' ? FEMALE_CHARS : MALE_CHARS;
  if (rng.chance(0.28)) return sur + rng.pick(chars);
  const first = rng.chance(0.35) ? rng.pick(NEUTRAL_CHARS) : rng.pick(chars);
  let second = rng.pick(chars);
  if (second === first) second = rng.pick(chars);
  return sur + first + second;
}

// ───────────────────────────── build the org tree ─────────────────────────────

const ORGS = [];
const ORG_BY_ID = new Map();
function addOrg(o) {
  if (ORG_BY_ID.has(o.id)) throw new Error(`duplicate org id ${o.id}`);
  o.ord = ORGS.length;
  o.kids = [];
  o.mem = [];
  o.committee = [];
  o.liaison = null;
  o.est = o.est ?? null;
  o.dis = o.dis ?? null;
  o.showEst = o.est != null;
  if (o.parent) o.parent.kids.push(o);
  ORGS.push(o);
  ORG_BY_ID.set(o.id, o);
  return o;
}

const ROOT = addOrg({ id: 'gz', name: '民进贵州省委', type: '省委会', parent: null, city: SHENGZHI });

const idCounters = new Map();
function nextId(prefix, code) {
  const key = `${prefix}-${code}`;
  const n = (idCounters.get(key) ?? 0) + 1;
  idCounters.set(key, n);
  return `${key}${n}`;
}

/** The branches of one group at scale F: templates cycled, copies numbered; special ones once. */
function scaledTemplates(list) {
  const normal = list.filter((t) => !(t[3] && t[3].special));
  const count = Math.max(1, Math.round(normal.length * F));
  const out = [];
  for (let i = 0; i < count; i++) out.push({ t: normal[i % normal.length], copy: Math.floor(i / normal.length) });
  // specials keep their place relative to the list
  list.forEach((t, i) => {
    if (t[3] && t[3].special) out.splice(Math.min(out.length, i), 0, { t, copy: 0 });
  });
  return out;
}

function addBranches(list, parent, city, lvl, groupPlace, usedNames) {
  for (const { t, copy } of scaledTemplates(list)) {
    const [name0, kind, w, opt = {}] = t;
    let name = name0;
    if (copy > 0) {
      const base = name0.replace(/(第[一二三四五六七八九十]+)?支部$/, '');
      name = `${base}第${cn(copy + 1 + (/(第[一二三四五六七八九十]+)支部$/.test(name0) ? 1 : 0))}支部`;
      if (usedNames.has(name)) name = `${name0.replace(/支部$/, '')}（${cn(copy + 1)}）支部`;
    }
    usedNames.add(name);
    const place = opt.place ?? groupPlace ?? city.full;
    addOrg({
      id: nextId(city.id, KINDS[kind].code), name, type: '支部', parent, city, lvl, kind, w,
      inst: opt.inst ?? null, place, fields: opt.fields ?? null, pool: opt.pool ?? null,
      est: copy === 0 && opt.est ? parseDay(opt.est) : null,
      dis: copy === 0 && opt.dis ? parseDay(opt.dis) : null,
      since: opt.since ?? null, leavers: opt.leavers ?? null,
    });
  }
}

{
  const used = new Set();
  addBranches(SHENGZHI.branches, ROOT, SHENGZHI, 'prov', null, used);
  for (const c of CITIES) {
    const co = addOrg({ id: c.id, name: c.name, type: c.type ?? '市委会', parent: ROOT, city: c });
    let zz = 0;
    for (const g of c.groups) {
      if (g.zz) {
        const z = addOrg({ id: `${c.id}-zz${++zz}`, name: g.zz, type: '总支', parent: co, city: c });
        addBranches(g.branches, z, c, g.lvl, g.place, used);
      } else {
        addBranches(g.branches, co, c, g.lvl, g.place ?? null, used);
      }
    }
  }
}
const BRANCHES = ORGS.filter((o) => o.type === '支部');
/** the roll-up group: the 市委会/工委 under the root, or the root itself for 省直支部 */
const groupOf = (o) => {
  if (o.type === '支部' && o.parent === ROOT) return ROOT;
  let x = o;
  while (x.parent && x.parent !== ROOT) x = x.parent;
  return x;
};
for (const b of BRANCHES) b.group = groupOf(b); // ROOT itself for 省直

// ───────────────────────────── branch sizes ─────────────────────────────
// sizes = members on the roster on 2019-10-10, summing to exactly N (largest remainder).
{
  const rng = new Rng(SEED, 'sizes');
  const live = BRANCHES.filter((b) => !b.dis);
  const raw = live.map((b) => b.w * (0.85 + 0.3 * rng.f()));
  // water-filling: no branch above 92 members or below 8 (when N allows), the rest in proportion
  const cap = 92, floor = N >= 8 * live.length ? 8 : 3;
  const fixed = new Array(raw.length).fill(0);
  let exact;
  for (let pass = 0; pass < 20; pass++) {
    let tot = 0, rem = N;
    raw.forEach((x, i) => { if (fixed[i]) rem -= fixed[i]; else tot += x; });
    exact = raw.map((x, i) => fixed[i] || (x * rem) / tot);
    let changed = false;
    exact.forEach((x, i) => {
      if (!fixed[i] && x > cap) { fixed[i] = cap; changed = true; }
      else if (!fixed[i] && x < floor) { fixed[i] = floor; changed = true; }
    });
    if (!changed) break;
  }
  const sizes = exact.map((x) => Math.max(3, Math.floor(x)));
  let rest = N - sizes.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; rest > 0; j = (j + 1) % order.length, rest--) sizes[order[j][1]]++;
  for (let j = order.length - 1; rest < 0; j = (j - 1 + order.length) % order.length) {
    const i = order[j][1];
    if (sizes[i] > 3) { sizes[i]--; rest++; }
  }
  live.forEach((b, i) => { b.size = sizes[i]; });
  for (const b of BRANCHES) if (b.dis) b.size = 0;
}

// ───────────────────────────── members ─────────────────────────────

const YEAR_W = (() => {
  const w = new Map();
  for (let y = 1983; y <= 2017; y++) w.set(y, 0.3 + 0.12 * (y - 1983));
  w.set(2018, 4.5);
  w.set(2019, 3.6);
  return w;
})();
const RET_YEAR_W = (() => {
  const w = new Map();
  for (let y = 1983; y <= 2019; y++) w.set(y, y <= 2000 ? 1 : y <= 2008 ? 0.6 : y <= 2014 ? 0.15 : 0.02);
  return w;
})();
/** the older a cohort, the more of it has left by 2019 */
const LEAVER_W = new Map([YEAR_W, RET_YEAR_W].map((w) => [w, new Map([...w].map(([y, x]) => [y, x * (1 + (2018 - y) / 5)]))]));
function sampleYear(rng, weights, lo, hi) {
  if (lo > hi) return hi;
  const pairs = [];
  for (let y = lo; y <= hi; y++) pairs.push([y, weights.get(y) ?? 0.3]);
  return rng.w(pairs);
}

const batchCache = new Map();
/** 入会 is approved in batches: a few dates per group and year. */
function batches(group, y, late) {
  const key = `${group}|${y}|${late ? 1 : 0}`;
  let r = batchCache.get(key);
  if (r) return r;
  const rng = new Rng(SEED, 'batch', key);
  let months;
  if (y === 2019 && late) months = chooseUniform(rng, [11, 12], rng.int(1, 2));
  else if (y === 2019) months = chooseUniform(rng, [1, 3, 4, 5, 6, 7, 8, 9], rng.int(2, 3));
  else months = chooseUniform(rng, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], rng.int(2, 4));
  r = months.map((m) => workday(day(y, m, rng.int(1, 28)), day(y, m, 1), monthEnd(y, m)));
  if (group === 'gz' && y === 2019 && !late) r.push(REF_DAY); // someone joins on the report's day itself
  r.sort((a, b) => a - b);
  batchCache.set(key, r);
  return r;
}
function joinDay(rng, group, y, minDay, late = false) {
  const c = batches(group, y, late).filter((d) => d >= minDay);
  if (c.length) return rng.pick(c);
  return Math.max(minDay, yearFirstDay(y));
}

const GENDER_F = { 中小学: 0.54, 医疗卫生: 0.52, 高校: 0.41, 文化: 0.46, 出版: 0.46, 科研院所: 0.34, 党政机关: 0.34, 企业: 0.28, 其他: 0.36 };

const M = []; // members

function newMember(rng, b, join, left, kindForAge) {
  const sector = rng.w(KINDS[b.kind].mix);
  const gender = rng.chance(GENDER_F[sector]) ? '女' : '男';
  let eth = '汉族';
  if (rng.chance(b.city.minority)) eth = rng.w(b.city.eth);
  if (rng.chance(0.004)) eth = '';
  const jy = ymd(join)[0];
  let joinAge = kindForAge === 'ret' ? rng.norm(44, 7) : rng.norm(36.5, 7);
  joinAge = Math.max(23, Math.min(62, Math.round(joinAge)));
  let by = Math.max(1932 + rng.int(0, 6), jy - joinAge);
  if (kindForAge === 'ret' && by > 1960) by = 1960 - rng.int(0, 8);
  const bm = rng.int(1, 12);
  const bd = rng.int(1, 28);
  const r = rng.f();
  const bfmt = r < 0.02 ? 0 : r < 0.12 ? 2 : 1;
  const m = {
    b, join, left, status: '在册', by, bm, bd, bfmt, gender, eth, name: personName(rng, gender, eth), sector,
    employer: '', title: '', edu: '', degree: '', roles: [], reserve: '否', eng: 0.3 + 0.7 * rng.f(), key: rng.f(),
    age: 2019 - by - (bm > 10 ? 1 : 0),
  };
  m.employer = employer(rng, b, sector);
  M.push(m);
  return m;
}

function leaveStatus(rng, m, late) {
  const ageAtLeft = ymd(m.left)[0] - m.by;
  if (ageAtLeft >= 76 && rng.chance(0.75)) return '去世';
  if (ageAtLeft >= 66 && rng.chance(0.4)) return '去世';
  if (late) return rng.w([['退会', 30], ['转出', 35], ['去世', 25], ['除名', 10]]);
  return rng.w([['退会', 35], ['转出', 38], ['去世', 12], ['除名', 14], ['开除', 1]]);
}

let forcedEdgeLeaver = false;
for (const b of BRANCHES) {
  const rng = new Rng(SEED, 'members', b.id);
  const group = b.group.id;
  const minDay = Math.max(b.est ?? day(1983, 1, 1), b.since ? yearFirstDay(b.since) : day(1983, 1, 1));
  const minYear = ymd(minDay)[0];
  const yw = b.kind === 'ret' ? RET_YEAR_W : YEAR_W;
  if (b.dis) {
    // a branch dissolved in 2018: every member left before the dissolution (most transferred out)
    const n = Math.max(4, Math.round((b.leavers ?? 10) * Math.min(1, F) ));
    for (let i = 0; i < n; i++) {
      const jy = sampleYear(rng, yw, minYear, 2016);
      const join = joinDay(rng, group, jy, minDay);
      const left = rng.chance(0.8) ? rng.int(b.dis - 110, b.dis - 8) : rng.int(join + 30, b.dis - 120);
      const m = newMember(rng, b, join, Math.max(left, join + 30), b.kind);
      m.status = rng.chance(0.8) ? '转出' : '退会';
    }
    continue;
  }
  // core: on the roster on 2019-10-10
  for (let i = 0; i < b.size; i++) {
    let join;
    if (b.est && b.est >= yearFirstDay(2019)) {
      join = rng.chance(0.7) ? b.est : joinDay(rng, group, 2019, b.est);
    } else {
      const jy = sampleYear(rng, yw, minYear, 2019);
      join = joinDay(rng, group, jy, minDay);
    }
    const m = newMember(rng, b, join, NEVER, b.kind);
    if (rng.chance(0.006)) {
      m.left = rng.int(REF_DAY + 1, END_DAY);
      m.status = leaveStatus(rng, m, true);
    }
  }
  // late joiners: approved after 2019-10-10
  const late = rng.round(b.size * 0.015);
  for (let i = 0; i < late; i++) newMember(rng, b, joinDay(rng, group, 2019, Math.max(minDay, REF_DAY + 1), true), NEVER, b.kind);
  // past leavers: left on or before 2019-10-10
  const past = b.est != null && b.est >= yearFirstDay(2019) ? 0 : rng.round(b.size * (0.04 + 0.06 * rng.f()));
  for (let i = 0; i < past; i++) {
    const jy = sampleYear(rng, LEAVER_W.get(yw), minYear, 2018);
    const join = joinDay(rng, group, jy, minDay);
    let left;
    if (!forcedEdgeLeaver) { left = REF_DAY; forcedEdgeLeaver = true; } // left on the day: not on that day's roster
    else if (join + 30 >= REF_DAY) left = REF_DAY;
    else left = join + 30 + Math.floor((REF_DAY - join - 30) * Math.sqrt(rng.f()));
    const m = newMember(rng, b, join, left, b.kind);
    m.status = leaveStatus(rng, m, false);
  }
}

// ───────────────────────────── education, degrees, titles ─────────────────────────────
{
  const rng = new Rng(SEED, 'titles');
  const R = [];
  const others = [];
  M.forEach((m, i) => (onRoster(m, REF_DAY) ? R : others).push(i));
  if (R.length !== N) throw new Error(`roster on 2019-10-10 is ${R.length}, expected ${N}`);

  const LV = { prov: 1, city: 0, county: -1 };
  const docW = (i) => {
    const m = M[i];
    const s = { 高校: 10, 科研院所: 6, 医疗卫生: 2.2, 中小学: 0.04, 文化: 0.15, 出版: 0.2, 党政机关: 0.15, 企业: 0.15, 其他: 0.05 }[m.sector];
    const lv = [0.15, 0.55, 1.6][LV[m.b.lvl] + 1];
    const a = m.age;
    const af = a < 27 ? 0.05 : a < 45 ? 1.5 : a < 55 ? 1 : a < 65 ? 0.35 : 0.08;
    return s * lv * af;
  };
  const doctors = new Set(sampleExact(rng, R, docW, TARGET_DOCTOR));
  let sumDoc = 0;
  for (const i of R) sumDoc += docW(i);

  const setEdu = (m, isDoctor) => {
    if (isDoctor) { m.edu = '研究生'; m.degree = '博士'; return; }
    if (rng.chance(0.003)) { m.edu = ''; m.degree = ''; return; }
    const a = m.age;
    const lvf = m.b.lvl === 'prov' ? 1.2 : m.b.lvl === 'city' ? 1 : 0.7;
    const pm = Math.min(0.85, ({ 高校: 0.45, 科研院所: 0.4, 医疗卫生: 0.26, 中小学: 0.09, 文化: 0.1, 出版: 0.16, 党政机关: 0.18, 企业: 0.1, 其他: 0.06 }[m.sector])
      * (a < 40 ? 1.5 : a < 50 ? 1 : a < 60 ? 0.5 : 0.2) * lvf);
    if (rng.chance(pm)) { m.edu = '研究生'; m.degree = rng.chance(0.97) ? '硕士' : '无'; return; }
    const pb = ({ 高校: 0.95, 科研院所: 0.9, 医疗卫生: 0.72, 中小学: 0.66, 文化: 0.62, 出版: 0.8, 党政机关: 0.82, 企业: 0.62, 其他: 0.5 }[m.sector])
      * (a > 55 ? 0.85 : 1) * (m.b.lvl === 'county' ? 0.9 : 1);
    if (rng.chance(pb)) { m.edu = '大学本科'; m.degree = rng.chance(a < 45 ? 0.9 : a < 55 ? 0.72 : 0.5) ? '学士' : '无'; return; }
    m.edu = rng.chance(0.75) ? '大学专科' : '中专及以下';
    m.degree = '无';
  };
  for (const i of R) setEdu(M[i], doctors.has(i));
  for (const i of others) setEdu(M[i], rng.chance(Math.min(0.9, (TARGET_DOCTOR * docW(i)) / sumDoc)));

  const senW = (i) => {
    const m = M[i];
    const s = { 高校: 3.0, 科研院所: 3.0, 医疗卫生: 2.3, 中小学: 1.0, 文化: 1.2, 出版: 1.4, 党政机关: 0.35, 企业: 0.35, 其他: 0.35 }[m.sector];
    const lv = [0.75, 1.0, 1.35][LV[m.b.lvl] + 1];
    const a = m.age;
    const af = a < 30 ? 0.02 : a < 35 ? 0.25 : a < 40 ? 0.7 : a < 50 ? 1.3 : a < 60 ? 1.6 : 1.3;
    const d = m.degree === '博士' ? 4 : m.edu === '研究生' ? 1.6 : m.edu === '大学本科' ? 1 : 0.45;
    return s * lv * af * d;
  };
  const seniors = new Set(sampleExact(rng, R, senW, TARGET_SENIOR));
  let sumSen = 0;
  for (const i of R) sumSen += senW(i);

  const setTitle = (m, isSenior) => {
    const a = m.age;
    if (isSenior) {
      const pz = Math.min(0.8, 0.18 * (m.degree === '博士' ? 2.2 : 1) * (a >= 52 ? 1.6 : a < 42 ? 0.4 : 1) * (m.b.lvl === 'prov' ? 1.3 : 1));
      m.title = rng.chance(pz) ? '正高级' : '副高级';
      return;
    }
    if (rng.chance(0.008)) { m.title = ''; return; }
    if (m.sector === '党政机关' || m.sector === '企业' || m.sector === '其他') {
      m.title = rng.w([['无', 55], ['中级', 30], ['初级', 15]]);
    } else if (a < 30) m.title = rng.w([['初级', 55], ['中级', 20], ['无', 25]]);
    else if (a < 38) m.title = rng.w([['中级', 60], ['初级', 30], ['无', 10]]);
    else m.title = rng.w([['中级', 80], ['初级', 8], ['无', 12]]);
  };
  for (const i of R) setTitle(M[i], seniors.has(i));
  for (const i of others) setTitle(M[i], rng.chance(Math.min(0.92, (TARGET_SENIOR * senW(i)) / sumSen)));
}

// ───────────────────────────── ids (chronological, as 会员编号 are given) ─────────────────────────────

M.sort((a, b) => a.join - b.join || a.b.ord - b.b.ord || a.key - b.key);
const ID_WIDTH = Math.max(5, String(M.length).length);
M.forEach((m, i) => {
  m.idx = i;
  m.id = `GZ${String(i + 1).padStart(ID_WIDTH, '0')}`;
  m.b.mem.push(i);
});

// established dates derived from the first member, for most branches that do not state one
{
  const rng = new Rng(SEED, 'established');
  for (const b of BRANCHES) {
    if (b.showEst || !b.mem.length) continue;
    if (!rng.chance(0.6)) continue;
    let first = NEVER;
    for (const i of b.mem) first = Math.min(first, M[i].join);
    b.est = Math.max(day(1983, 1, 1), first - rng.int(0, 180));
    if (b.est > first) b.est = first;
    b.showEst = true;
  }
}

// ───────────────────────────── committees, liaisons, roles, reserves ─────────────────────────────

function subtreeBranches(o) {
  if (o.type === '支部') return [o];
  return o.kids.flatMap(subtreeBranches);
}
const activeEnd = (list) => list.filter((i) => onRoster(M[i], END_DAY));

function leaderWeight(i) {
  const m = M[i];
  const a = m.age;
  let w = (m.title === '正高级' ? 4 : m.title === '副高级' ? 2.5 : 1) * (a >= 38 && a <= 60 ? 2 : a > 66 ? 0.25 : 0.8);
  if (m.join < day(2015, 1, 1)) w *= 1.5;
  else if (m.join > day(2018, 6, 30)) w *= 0.1;
  if (m.degree === '博士') w *= 1.3;
  return w * m.eng;
}

const HELD = new Set(); // members holding a 主委/副主委 seat somewhere above a branch
{
  const rng = new Rng(SEED, 'committees');
  const seat = (o, pool, counts, wf) => {
    const chosen = chooseWeighted(rng, pool, counts[0] + counts[1] + counts[2], wf);
    chosen.forEach((i, j) => {
      const role = j < counts[0] ? '主委' : j < counts[0] + counts[1] ? '副主委' : '委员';
      o.committee.push({ member: i, role });
    });
  };
  // root: 主委 1, 副主委 5, 委员 14 (常委), from the whole province, 省直 favoured
  const all = activeEnd(BRANCHES.flatMap((b) => b.mem));
  const rootPool = all.length > 6000 ? sampleExact(rng, all, (i) => leaderWeight(i) ** 2, 6000) : all;
  const senior = (i) => (M[i].join <= day(2014, 12, 31) ? 1 : 0.001);
  seat(ROOT, rootPool, [1, 5, 14], (i) => leaderWeight(i) ** 2 * senior(i) * (M[i].b.lvl === 'prov' ? 2.5 : 1) * (M[i].age <= 62 ? 1 : 0.2));
  for (const c of ROOT.committee) if (c.role !== '委员') HELD.add(c.member);
  for (const o of ORGS) {
    if (o.type === '市委会' || o.type === '工委' || o.type === '总支') {
      const pool0 = activeEnd(subtreeBranches(o).flatMap((b) => b.mem)).filter((i) => !HELD.has(i));
      const pool = pool0.length > 3000 ? sampleExact(rng, pool0, (i) => leaderWeight(i) ** 2, 3000) : pool0;
      const n = pool.length;
      const counts = o.type === '总支' ? [1, 1, n >= 40 ? 2 : 1] : o.type === '工委' ? [1, 2, 3] : [1, n >= 200 ? 3 : 2, n >= 300 ? 8 : n >= 120 ? 6 : 4];
      if (n < 4) continue;
      seat(o, pool, counts, (i) => leaderWeight(i) ** 2 * senior(i));
      for (const c of o.committee) if (c.role !== '委员' && o.type !== '总支') HELD.add(c.member);
    }
  }
  for (const b of BRANCHES) {
    const pool = activeEnd(b.mem);
    const n = pool.length;
    if (!n || rng.chance(0.06)) continue;
    const counts = [1, n >= 25 ? 2 : n >= 8 ? 1 : 0, n >= 40 ? 3 : n >= 15 ? 2 : n >= 8 ? 1 : 0];
    seat(b, pool, counts, leaderWeight);
  }
  // liaisons: 省委会 leaders for 省直支部 and the 市州 committees; 市州 leaders for 总支 and some branches
  const rootLeaders = ROOT.committee.map((c) => c.member);
  const rootVice = ROOT.committee.filter((c) => c.role === '副主委').map((c) => c.member);
  let rv = 0;
  for (const o of ORGS) {
    if (o === ROOT) continue;
    if (o.parent === ROOT && o.type !== '支部') { o.liaison = rootVice[rv++ % rootVice.length] ?? null; continue; }
    if (o.type === '支部' && o.parent === ROOT) { if (activeEnd(o.mem).length) o.liaison = rng.pick(rootLeaders); continue; }
    const g = o.type === '支部' ? o.group : groupOf(o);
    if (o.type === '总支' || (activeEnd(o.mem).length && rng.chance(0.5))) {
      const ls = g.committee.map((c) => c.member);
      if (ls.length) o.liaison = rng.pick(ls);
    }
  }
}

// 政治安排 and 后备干部
{
  const rng = new Rng(SEED, 'roles');
  const seatOf = new Map();
  for (const o of [ROOT, ...ORGS.filter((x) => x.type !== '支部' && x !== ROOT)]) {
    for (const c of o.committee) if (!seatOf.has(c.member)) seatOf.set(c.member, { org: o, role: c.role });
  }
  for (const b of BRANCHES) for (const c of b.committee) if (!seatOf.has(c.member)) seatOf.set(c.member, { org: b, role: c.role });
  const give = (m, r) => { if (!m.roles.includes(r)) m.roles.push(r); };
  ROOT.committee.forEach((c, j) => {
    const m = M[c.member];
    if (c.role === '主委') { give(m, '全国政协委员'); give(m, '省政协委员'); } else if (c.role === '副主委') give(m, j === 2 ? '省人大代表' : '省政协委员');
    else if (rng.chance(0.4)) give(m, rng.w([['省政协委员', 2], ['市政协委员', 3], ['市人大代表', 1]]));
  });
  for (const o of ORGS) {
    if (o.type !== '市委会' && o.type !== '工委') continue;
    for (const c of o.committee) {
      const m = M[c.member];
      if (c.role === '主委') { give(m, '市政协委员'); if (rng.chance(0.5)) give(m, '省政协委员'); } else if (c.role === '副主委') give(m, rng.chance(0.7) ? '市政协委员' : '市人大代表');
      else if (rng.chance(0.5)) give(m, rng.w([['市政协委员', 2], ['县政协委员', 3], ['县人大代表', 1]]));
    }
  }
  const LEVEL_ROLES = {
    prov: [['省政协委员', 2], ['省人大代表', 0.5], ['市政协委员', 3], ['市人大代表', 0.6], ['县政协委员', 2.5], ['县人大代表', 0.5]],
    city: [['市政协委员', 4], ['市人大代表', 0.8], ['县政协委员', 2.5], ['县人大代表', 0.5], ['省政协委员', 0.3]],
    county: [['县政协委员', 5], ['县人大代表', 1.2], ['市政协委员', 1]],
  };
  for (const m of M) {
    if (!onRoster(m, REF_DAY) && !(m.join > REF_DAY)) {
      if (rng.chance(0.02)) give(m, rng.w(LEVEL_ROLES[m.b.lvl]));
      continue;
    }
    const s = seatOf.get(m.idx);
    let p = 0.036 * (m.title === '正高级' ? 2.5 : m.title === '副高级' ? 1.6 : 1) * (m.degree === '博士' ? 1.4 : 1)
      * (m.age >= 40 && m.age <= 62 ? 1.3 : 0.6) * (s ? 2.5 : 1) * (m.join > day(2018, 6, 1) ? 0.3 : 1);
    p = Math.min(0.6, p);
    if (!m.roles.length && rng.chance(p)) give(m, rng.w(LEVEL_ROLES[m.b.lvl]));
    let pr = 0.022 * (m.title === '正高级' || m.title === '副高级' ? 2 : 1) * (m.degree === '博士' ? 2 : 1) * (s ? 2 : 1);
    if (m.age > 52 || m.age < 28 || !onRoster(m, END_DAY)) pr = 0;
    if (rng.chance(pr)) m.reserve = '是';
  }
  for (const m of M) m.roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
}

// ───────────────────────────── activities ─────────────────────────────

class Grow {
  constructor(Ctor, cap = 1024) { this.Ctor = Ctor; this.a = new Ctor(cap); this.n = 0; }
  push(v) {
    if (this.n === this.a.length) { const b = new this.Ctor(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = v;
  }
}

class RowStore {
  constructor(year) {
    this.year = year;
    this.day = new Grow(Int32Array); this.type = new Grow(Uint8Array); this.org = new Grow(Int32Array);
    this.mStart = new Grow(Int32Array); this.mLen = new Grow(Int32Array); this.title = new Grow(Int32Array);
    this.level = new Grow(Uint8Array); this.outc = new Grow(Uint32Array); this.hours = new Grow(Int16Array);
    this.tags = new Grow(Int32Array); this.note = new Grow(Int32Array);
    this.mem = new Grow(Int32Array, 4096);
    this.strs = ['']; this.strIdx = new Map([['', 0]]);
    this.n = 0;
  }
  intern(s) {
    let i = this.strIdx.get(s);
    if (i === undefined) { i = this.strs.length; this.strs.push(s); this.strIdx.set(s, i); }
    return i;
  }
  add(d, type, org, members, title, { level = '', outc = 0, hours = -1, tags = '', note = '' } = {}) {
    this.day.push(d); this.type.push(T[type]); this.org.push(org.ord);
    this.mStart.push(this.mem.n); this.mLen.push(members.length);
    for (const i of members) this.mem.push(i);
    this.title.push(this.intern(title)); this.level.push(L[level]); this.outc.push(outc);
    this.hours.push(hours < 0 ? -1 : Math.round(hours * 10)); this.tags.push(this.intern(tags)); this.note.push(this.intern(note));
    this.n++;
  }
}

// topics: [category, verb phrase]
const TOPICS = [
  ['教育', '加强农村留守儿童心理健康教育'], ['教育', '提高乡村教师待遇稳定农村教师队伍'], ['教育', '推进农村义务教育学校标准化建设'],
  ['教育', '加强农村寄宿制学校管理'], ['教育', '规范校外培训机构管理'], ['教育', '减轻中小学生过重课业负担'],
  ['教育', '做好儿童青少年近视防控工作'], ['教育', '防范和治理校园欺凌'], ['教育', '加强学前教育师资队伍建设'],
  ['教育', '推动职业教育产教融合'], ['教育', '加强高校毕业生就业指导服务'], ['教育', '推进特殊教育融合发展'],
  ['教育', '推动民族文化进校园'], ['教育', '加强中小学心理健康教师配备'], ['教育', '推进城乡义务教育一体化发展'],
  ['脱贫攻坚', '完善易地扶贫搬迁安置点后续扶持'], ['脱贫攻坚', '保障易地扶贫搬迁安置点子女就学'], ['脱贫攻坚', '建立防止返贫长效机制'],
  ['脱贫攻坚', '完善产业扶贫利益联结机制'], ['脱贫攻坚', '深化农村"三变"改革'], ['脱贫攻坚', '加强深度贫困地区人才支持'],
  ['乡村振兴', '加强乡村振兴人才队伍建设'], ['乡村振兴', '推进农村人居环境整治'], ['乡村振兴', '推进农村"厕所革命"'],
  ['乡村振兴', '发展林下经济'], ['乡村振兴', '推动山地特色高效农业发展'], ['乡村振兴', '推进中药材产业规范化种植'],
  ['乡村振兴', '推进茶产业品牌化发展'], ['乡村振兴', '保护和利用传统村落'], ['乡村振兴', '完善农村饮水安全保障'],
  ['乡村振兴', '稳定生猪生产防控非洲猪瘟'], ['乡村振兴', '推进农村集体经济发展'],
  ['医疗卫生', '加强乡村医生队伍建设'], ['医疗卫生', '提升县级医院综合服务能力'], ['医疗卫生', '完善分级诊疗制度'],
  ['医疗卫生', '推进家庭医生签约服务提质增效'], ['医疗卫生', '加强基层中医药服务能力'], ['医疗卫生', '加强精神卫生服务体系建设'],
  ['医疗卫生', '加强疫苗流通和预防接种管理'], ['医疗卫生', '推进医养结合'], ['医疗卫生', '加强艾滋病防治宣传教育'],
  ['医疗卫生', '完善罕见病用药保障'],
  ['社会民生', '完善农村养老服务体系'], ['社会民生', '关爱农村留守老人'], ['社会民生', '加强困境儿童保障'],
  ['社会民生', '保障农民工工资按时足额支付'], ['社会民生', '推进城镇老旧小区改造'], ['社会民生', '完善城市停车设施规划建设'],
  ['社会民生', '规范共享单车停放管理'], ['社会民生', '推进生活垃圾分类'], ['社会民生', '加强食品安全监管'],
  ['社会民生', '发展普惠性托育服务'],
  ['社会治理', '防范电信网络诈骗'], ['社会治理', '加强未成年人网络保护'], ['社会治理', '加强网约车安全监管'],
  ['社会治理', '加强地质灾害防治'], ['社会治理', '完善基层应急管理体系'], ['社会治理', '推进殡葬改革'],
  ['社会治理', '加强社区矫正工作'],
  ['经济发展', '促进大数据与实体经济深度融合'], ['经济发展', '加快5G网络建设'], ['经济发展', '持续优化营商环境'],
  ['经济发展', '缓解民营企业融资难融资贵'], ['经济发展', '减轻小微企业税费负担'], ['经济发展', '加强知识产权保护'],
  ['经济发展', '促进科技成果转化'], ['经济发展', '发展全域旅游'], ['经济发展', '加强乡村旅游公共服务设施建设'],
  ['经济发展', '加快县域经济发展'], ['经济发展', '提升高速公路服务区服务水平'], ['经济发展', '推动白酒产业高质量发展'],
  ['生态环境', '加强石漠化综合治理'], ['生态环境', '加强赤水河流域生态保护'], ['生态环境', '推进乌江流域水污染防治'],
  ['生态环境', '加强农村生活垃圾处理'], ['生态环境', '规范河道采砂管理'], ['生态环境', '推进磷石膏综合利用'],
  ['文化', '加强少数民族非物质文化遗产保护'], ['文化', '推动全民阅读'], ['文化', '加强基层公共文化服务'],
  ['文化', '保护和传承民族语言文字'], ['文化', '加强红色文化资源保护利用'],
];
const ISSUES = ['农村留守儿童心理健康', '易地扶贫搬迁安置点就业', '乡村教师流失', '基层医疗卫生人才短缺', '城市老旧小区改造',
  '校外培训机构无序发展', '农村生活垃圾处理', '中小学生近视率上升', '电信网络诈骗高发', '河道非法采砂', '传统村落空心化',
  '高校毕业生就业', '中药材种植标准化', '茶叶品牌同质化', '民营企业融资难', '特殊教育师资不足', '乡镇文化站运行',
  '农村养老服务短板', '城市停车难', '农村饮用水安全', '县级医院人才流失', '小学生课后托管', '农村学校“空壳化”', '网络借贷风险'];
const SCOPES = ['我省', '我市', '民族地区', '山区县', '农村地区'];

function sqmyTitle(rng) {
  const r = rng.f();
  if (r < 0.86) {
    const t = rng.pick(TOPICS);
    const vp = t[1];
    let title;
    if (r < 0.34) title = `关于${vp}的建议`;
    else if (r < 0.48) title = `关于进一步${vp}的建议`;
    else if (r < 0.62) title = `关于${vp}的几点建议`;
    else if (r < 0.72) title = `建议${vp}`;
    else if (r < 0.855) title = `关于${rng.pick(SCOPES)}${vp}的建议`;
    else title = `关于${vp}, ${rng.pick(TOPICS)[1]}的建议`; // a half-width comma, as typed
    return [title, t[0]];
  }
  const np = rng.pick(ISSUES);
  if (r < 0.93) return [`${np}问题亟待重视`, ''];
  if (r < 0.97) return [`${np}问题的调查与建议`, ''];
  return [`${np}存在的问题及对策`, ''];
}

const SERVICE = [
  ['开明专家服务团赴{c}开展义诊活动', '开明专家服务团'], ['“同心·彩虹行动”{c}送教下乡活动', '同心·彩虹行动'],
  ['赴{c}开展留守儿童关爱活动', ''], ['向{c}乡村小学捐赠图书和学习用品', '捐资助学'], ['赴{c}开展茶叶种植技术培训', '科技下乡'],
  ['赴{c}开展农村实用技术培训', '科技下乡'], ['法律咨询进社区活动', ''], ['“开明爱心书屋”捐建活动', '捐资助学'],
  ['结对帮扶{c}贫困村', '脱贫攻坚'], ['易地扶贫搬迁安置点义务辅导活动', '脱贫攻坚'], ['关爱空巢老人志愿服务', ''],
  ['{c}乡村教师培训', '同心·彩虹行动'], ['义诊进社区活动', ''], ['金秋捐资助学活动', '捐资助学'], ['赴{c}开展心理健康讲座', ''],
  ['赴{c}开展消费扶贫活动', '脱贫攻坚'],
];
// [title, months, years (null = any), tag]
const MEETINGS = [
  ['新春座谈会', [1, 2], null, ''], ['学习全国两会精神', [3, 4], null, ''], ['支部大会：部署年度工作', [1, 2, 3], null, ''],
  ['参观息烽集中营革命历史纪念馆', [4, 5, 6, 9, 10], null, ''], ['赴遵义会议会址开展革命传统教育', [4, 5, 6, 7, 9, 10, 11], null, ''],
  ['学习民进会史，缅怀民进先贤', [4, 5, 6, 7, 11], null, ''], ['中秋联谊活动', [9], null, ''], ['参观贵州省博物馆', [5, 6, 7, 8, 10], null, ''],
  ['会员交流座谈会', [3, 4, 5, 6, 7, 8, 9, 10, 11], null, ''], ['支部年度工作总结会', [12], null, ''],
  ['专题组织生活会：会员履职交流', [4, 5, 6, 7, 8, 9, 10, 11], null, ''], ['迎新会员座谈会', [3, 4, 5, 6, 7, 11, 12], null, ''],
  ['赴{c}开展联学联建活动', [4, 5, 6, 9, 10, 11], null, ''], ['“三个一”工作推进会', [6, 7, 8, 9], null, ''],
  ['“不忘合作初心，继续携手前进”主题教育专题学习会', [3, 4, 5, 6, 7, 8, 9, 10, 11], [2019], '主题教育'],
  ['庆祝中华人民共和国成立70周年主题活动', [9, 10], [2019], '主题教育'], ['纪念五四运动100周年座谈会', [5], [2019], ''],
  ['基层组织建设主题年专题组织生活会', [5, 6, 7, 8, 9, 10], [2019], '基层组织建设主题年'],
  ['学习习近平总书记在庆祝人民政协成立70周年大会上的重要讲话', [9, 10, 11, 12], [2019], '主题教育'],
  ['学习贯彻党的十九大精神', [1, 2, 3, 4], [2018], ''], ['学习新型政党制度理论', [3, 4, 5, 6], [2018], '政治思想教育主题年'],
  ['学习宪法修正案', [3, 4, 5], [2018], ''], ['纪念改革开放40周年座谈会', [10, 11, 12], [2018], ''],
  ['民进中央政治思想教育主题年专题学习', [4, 5, 6, 7, 8, 9, 10, 11], [2018], '政治思想教育主题年'],
];
const COMMITTEE_MEETINGS = [
  ['支委会：研究部署年度工作', [1, 2, 3]], ['支委会：讨论新会员发展工作', [3, 4, 5, 6, 7, 8, 9]],
  ['支委会：推进“三个一”工作', [4, 5, 6, 7, 8, 9, 10]], ['支委会：年度工作总结及考核自评', [11, 12]],
  ['支委会：研究社会服务活动方案', [3, 4, 5, 6, 9]],
];
const STUDY = [
  ['学习《中国共产党统一战线工作条例（试行）》', null], ['学习《中国民主促进会章程》', null],
  ['学习习近平总书记关于加强和改进统一战线工作的重要思想', null], ['学习民进中央全会精神', null], ['学习中共贵州省委全会精神', null],
  ['“不忘合作初心，继续携手前进”主题教育读书会', [2019]], ['学习党的十九大报告', [2018]], ['民进会史专题学习', null],
];
const TRAINING = [['社情民意信息撰写培训', '履职培训'], ['提案撰写专题培训', '履职培训'], ['会员履职能力培训', '履职培训'], ['参政议政骨干培训', '履职培训']];
const PUBLICITY = ['支部开展主题教育活动', '支部赴{c}开展社会服务活动', '支部召开年度工作总结会', '会员风采：扎根乡村教育三十年',
  '支部组织会员参观学习', '支部“三个一”工作经验交流', '会员风采：医者仁心守护一方', '支部开展新会员入会教育'];
const OTHER = ['会员走访慰问', '支部换届选举大会', '支部工作档案整理', '会员信息核对更新'];

const inYear = (list, Y) => !list || list.includes(Y);

function outcomesSqmy(rng, level) {
  let o = 0;
  if (level === '县') { if (rng.chance(0.06)) o |= O['市委统战部采用']; return o; }
  if (level === '市') {
    if (rng.chance(0.14)) o |= O['市政协采用'];
    if (rng.chance(0.1)) o |= O['市委统战部采用'];
    if (o && rng.chance(0.07)) o |= O['市领导批示'];
  }
  let central = false;
  if (level === '国家') central = rng.chance(0.25);
  else if (rng.chance(level === '省' ? 0.33 : 0.22)) {
    o |= O['省委会采用'];
    if (rng.chance(0.3)) o |= O['省政协采用'];
    if (rng.chance(0.12)) o |= O['省委统战部采用'];
    if (rng.chance(0.03)) o |= O['省委办公厅采用'];
    if ((o & (O['省政协采用'] | O['省委办公厅采用'])) && rng.chance(0.045)) o |= O['省领导批示'];
    if ((o & (O['省政协采用'] | O['省委办公厅采用'])) && rng.chance(0.015)) o |= O['省主要领导批示'];
    central = rng.chance(0.07);
  }
  if (central) {
    o |= O['民进中央采用'];
    if (rng.chance(0.06)) o |= O['全国政协转送'];
    if (rng.chance(0.025)) o |= O['全国政协单篇采用'];
    if (rng.chance(0.08)) o |= O['中央统战部采用'];
    if (rng.chance(0.04)) o |= O['国家部委批示'];
    if (rng.chance(0.015)) o |= O['中央领导批示'];
  }
  return o;
}

function activeOn(list, d) {
  const r = [];
  for (const i of list) if (onRoster(M[i], d)) r.push(i);
  return r;
}
function sampleDay(rng, lo, hi) {
  for (let t = 0; t < 8; t++) {
    const d = rng.int(lo, hi);
    if (rng.f() * 1.15 < MONTH_W[ymd(d)[1] - 1]) return workday(d, lo, hi);
  }
  return workday(rng.int(lo, hi), lo, hi);
}
/** n dates in [lo, hi], spread over distinct months where possible, ascending */
function spreadDays(rng, Y, lo, hi, n, months = null) {
  const avail = [];
  for (let mo = 1; mo <= 12; mo++) {
    if (months && !months.includes(mo)) continue;
    const a = Math.max(lo, day(Y, mo, 1)), b = Math.min(hi, monthEnd(Y, mo));
    if (a <= b) avail.push([mo, a, b]);
  }
  if (!avail.length) return [];
  let chosen = chooseWeighted(rng, avail, Math.min(n, avail.length), (x) => MONTH_W[x[0] - 1]);
  while (chosen.length < n) chosen.push(rng.pick(avail));
  const days = chosen.map(([, a, b]) => workday(rng.int(a, b), a, b));
  return days.sort((x, y) => x - y);
}
/** members listed on a participants' record: the chair first when present, then by id */
function orderMembers(list, chair) {
  const s = list.slice().sort((a, b) => a - b);
  if (chair != null) { const k = s.indexOf(chair); if (k > 0) { s.splice(k, 1); s.unshift(chair); } }
  return s;
}
const pickCounty = (rng, b) => (b.lvl === 'county' && rng.chance(0.5) ? b.place : rng.pick(b.city.counties));
const fill = (s, rng, b) => s.replace('{c}', pickCounty(rng, b));

function volume(Y) { return (Y >= 2019 ? 1 : 0.88 ** (2019 - Y)) * OPT.density; }

function genBranchYear(b, Y, store) {
  const rng = new Rng(SEED, 'activities', Y, b.id);
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  const lo = Math.max(yS, b.est ?? yS);
  const hi = Math.min(yE, b.dis != null ? b.dis - 1 : yE);
  if (lo > hi) return;
  // on the roster on some day of [lo, hi] ⇔ on it on the later of lo and the day of joining
  const yearMem = b.mem.filter((i) => { const m = M[i]; const d = Math.max(lo, m.join); return d <= hi && onRoster(m, d); });
  if (!yearMem.length) return;
  const frac = (hi - lo + 1) / (yE - yS + 1);
  const V = volume(Y);
  const cnt = (pairs) => rng.round(rng.w(pairs) * frac * V);
  const chair = b.committee.find((c) => c.role === '主委')?.member ?? null;
  const engW = (i) => M[i].eng;
  const roleLevel = (i) => {
    const r = M[i].roles;
    if (r.includes('全国政协委员')) return '国家';
    if (r.includes('省政协委员')) return '省';
    if (r.includes('市政协委员')) return '市';
    if (r.includes('县政协委员')) return '县';
    return '';
  };
  const ownLevel = b.lvl === 'prov' ? '省' : b.lvl === 'city' ? '市' : rng.chance(0.6) ? '县' : '市';
  const pickDayWith = (a, z, need = 1) => {
    for (let t = 0; t < 6; t++) {
      const d = sampleDay(rng, a, z);
      const act = activeOn(yearMem, d);
      if (act.length >= need) return [d, act];
    }
    return [null, null];
  };

  // 社情民意: most members one, some several, some none
  const later = Y >= 2019;
  const r0 = rng.f();
  const cov = later ? (r0 < 0.1 ? 1 : r0 < 0.9 ? 0.6 + 0.36 * rng.f() : 0.3 + 0.3 * rng.f())
    : (r0 < 0.07 ? 1 : r0 < 0.85 ? 0.55 + 0.38 * rng.f() : 0.25 + 0.3 * rng.f());
  for (const i of yearMem) {
    const m = M[i];
    // the member's days on the roster within [lo, hi]: from joining to the day before leaving
    const wlo = Math.max(lo, m.join), whi = Math.min(hi, m.left - 1);
    if (whi < wlo) continue;
    const stays = onRoster(m, hi);
    const covered = stays ? (cov === 1 || rng.chance(cov)) : rng.chance(0.5 * cov * Math.min(1, (whi - wlo) / 120));
    if (!covered) continue;
    const r = rng.f();
    let n = r < 0.74 ? 1 : r < 0.91 ? 2 : r < 0.97 ? 3 : rng.int(4, 6);
    n = Math.max(1, rng.round(n * OPT.density));
    for (let k = 0; k < n; k++) {
      const d = sampleDay(rng, wlo, whi);
      let members = [i];
      if (rng.chance(0.15)) {
        const others = activeOn(yearMem, d).filter((x) => x !== i);
        members = members.concat(chooseUniform(rng, others, rng.int(1, 2)).sort((a, c) => a - c));
      }
      const level = b.lvl === 'prov' ? (rng.chance(0.9) ? '省' : '国家')
        : b.lvl === 'city' ? rng.w([['市', 50], ['省', 45], ['国家', 5]]) : rng.w([['县', 10], ['市', 50], ['省', 40]]);
      const [title, cat] = sqmyTitle(rng);
      const tags = cat && rng.chance(0.4) ? cat : '';
      const note = members.length > 1 && rng.chance(0.1) ? '联名报送' : rng.chance(0.005) ? '已转报民进中央' : '';
      store.add(d, '社情民意', b, members, title, { level, outc: outcomesSqmy(rng, level), tags, note });
    }
  }

  // 提案 / 建议
  const atLeast1 = (n) => (frac >= 0.5 ? Math.max(1, n) : n);
  const nP = rng.chance(later ? 0.04 : 0.055) ? 0 : atLeast1(cnt([[1, 45], [2, 35], [3, 20]]));
  for (let k = 0; k < nP; k++) {
    const isP = rng.chance(0.55);
    const ea = Math.max(lo, day(Y, 1, 5)), ez = Math.min(hi, day(Y, 3, 31));
    let [d, act] = isP && ea <= ez && rng.chance(0.65) ? pickDayWith(ea, ez) : [null, null];
    if (d == null) [d, act] = pickDayWith(lo, hi);
    if (d == null) continue;
    const holders = act.filter((i) => roleLevel(i));
    const lead = holders.length && rng.chance(0.7) ? rng.pick(holders) : (chair != null && act.includes(chair) && rng.chance(0.4) ? chair : chooseWeighted(rng, act, 1, engW)[0]);
    const co = chooseUniform(rng, act.filter((x) => x !== lead), rng.int(0, 3)).sort((a, c) => a - c);
    const topic = rng.pick(TOPICS);
    const level = roleLevel(lead) || ownLevel;
    let outc = 0;
    if (isP) {
      const r = rng.f();
      if (r < 0.05) outc = 0;
      else if (r < 0.22) outc = O['未立案'];
      else {
        outc = O['立案'];
        if (rng.chance(0.12)) {
          outc |= O['重点提案'];
          if (rng.chance(0.25)) outc |= level === '国家' ? O['国家部委批示'] : level === '省' ? O['省领导批示'] : O['市领导批示'];
        }
      }
    } else if (level === '省' || level === '国家') {
      if (rng.chance(0.35)) {
        outc |= O['省委会采用'];
        if (rng.chance(0.1)) outc |= O['省委办公厅采用'];
        if (rng.chance(0.15)) outc |= O['省委统战部采用'];
        if (rng.chance(0.08)) outc |= O['省领导批示'];
      }
    } else {
      if (rng.chance(0.25)) outc |= O['市委统战部采用'];
      if (rng.chance(0.1)) outc |= O['市政协采用'];
      if (outc && rng.chance(0.2)) outc |= O['市领导批示'];
    }
    store.add(d, isP ? '提案' : '建议', b, [lead, ...co], `关于${rng.chance(0.2) ? '进一步' : ''}${topic[1]}的${isP ? '提案' : '建议'}`,
      { level, outc, tags: rng.chance(0.3) ? topic[0] : '' });
  }

  // 社会服务
  const nS = rng.chance(later ? 0.04 : 0.07) ? 0 : atLeast1(cnt([[1, 50], [2, 35], [3, 15]]));
  for (let k = 0; k < nS; k++) {
    const [d, act] = pickDayWith(lo, hi, 1);
    if (d == null) continue;
    const ps = chooseWeighted(rng, act, Math.min(act.length, rng.int(3, 12)), engW);
    const [t, tag] = rng.pick(SERVICE);
    let note = '';
    if (rng.chance(0.05)) { const c = pickCounty(rng, b); note = `与${c}${c.endsWith('新区') ? '党工委' : '委'}统战部联合开展`; }
    else if (rng.chance(0.02)) note = '会员自筹经费, 购置"爱心书包"200个';
    store.add(d, '社会服务', b, orderMembers(ps, chair), fill(t, rng, b), { tags: tag, note });
  }

  // 组织生活: 4–10 a year, 50–90% of the members attend
  const used = new Set();
  const nM = Math.max((hi - lo) >= 45 ? 1 : 0, cnt([[4, 1], [5, 1], [6, 1.2], [7, 1.2], [8, 1], [9, 0.8], [10, 0.6]]));
  const att = 0.6 + 0.22 * rng.f();
  for (const d of spreadDays(rng, Y, lo, hi, nM)) {
    const act = activeOn(yearMem, d);
    if (!act.length) continue;
    const mo = ymd(d)[1];
    const cands = MEETINGS.filter((x) => x[1].includes(mo) && inYear(x[2], Y) && !used.has(x[0]));
    const [t, , , tag] = cands.length ? rng.pick(cands) : ['支部组织生活会', null, null, ''];
    used.add(t);
    const rate = Math.min(0.9, Math.max(0.5, att + 0.24 * (rng.f() - 0.5)));
    const ps = chooseWeighted(rng, act, Math.max(1, Math.round(rate * act.length)), engW);
    store.add(d, '组织生活', b, orderMembers(ps, chair), fill(t, rng, b), { tags: tag, note: rng.chance(0.03) ? '联合其他支部开展' : '' });
  }

  // 支委会
  const cm = b.committee.map((c) => c.member);
  const nC = cnt([[1, 55], [2, 45]]);
  const usedC = new Set();
  for (const d of spreadDays(rng, Y, lo, hi, nC)) {
    const act = activeOn(yearMem, d);
    if (!act.length) continue;
    let ps = cm.filter((i) => act.includes(i));
    if (ps.length < 2) ps = chooseWeighted(rng, act, Math.min(act.length, 3), engW);
    const mo = ymd(d)[1];
    const cands = COMMITTEE_MEETINGS.filter((x) => x[1].includes(mo) && !usedC.has(x[0]));
    const t = cands.length ? rng.pick(cands)[0] : '支委会';
    usedC.add(t);
    store.add(d, '支委会', b, orderMembers(ps, chair), t);
  }

  // 学习
  const nL = cnt([[0, 25], [1, 35], [2, 25], [3, 15]]);
  for (let k = 0; k < nL; k++) {
    const [d, act] = pickDayWith(lo, hi);
    if (d == null) continue;
    const ps = chooseWeighted(rng, act, Math.max(1, Math.round(act.length * (0.4 + 0.45 * rng.f()))), engW);
    const [t] = rng.pick(STUDY.filter((x) => inYear(x[1], Y)));
    const tags = later ? (rng.chance(0.5) ? '主题教育' : '理论学习') : '理论学习';
    store.add(d, '学习', b, orderMembers(ps, chair), t, { hours: rng.pick([2, 2, 2.5, 3, 4]), tags });
  }

  // 培训 (the branch's own; 省委会 and 市州 classes are credited to them)
  const nT = cnt([[0, 45], [1, 40], [2, 15]]);
  for (let k = 0; k < nT; k++) {
    const [d, act] = pickDayWith(lo, hi);
    if (d == null) continue;
    const fresh = act.filter((i) => M[i].join >= d - 365);
    if (fresh.length >= 2 && rng.chance(0.5)) {
      store.add(d, '培训', b, orderMembers(chair != null && act.includes(chair) ? [chair, ...fresh.filter((x) => x !== chair)] : fresh, chair), '新会员入会教育',
        { hours: rng.pick([2, 3, 4]), tags: '新会员培训' });
      continue;
    }
    const ps = chooseWeighted(rng, act, Math.max(1, Math.round(act.length * (0.3 + 0.4 * rng.f()))), engW);
    const [t, tag] = rng.pick(TRAINING);
    store.add(d, '培训', b, orderMembers(ps, chair), t, { hours: rng.pick([2, 3, 4, 6, 8]), tags: tag });
  }

  // 调研
  const nR = cnt([[0, 40], [1, 40], [2, 20]]);
  for (let k = 0; k < nR; k++) {
    const [d, act] = pickDayWith(lo, hi);
    if (d == null) continue;
    const ps = chooseWeighted(rng, act, Math.min(act.length, rng.int(2, 6)), engW);
    const np = rng.pick(ISSUES);
    const t = rng.chance(0.5) ? `关于${np}问题的专题调研` : `赴${pickCounty(rng, b)}开展${np}情况调研`;
    store.add(d, '调研', b, orderMembers(ps, null), t);
  }

  // 宣传 (信息稿件)
  const nX = cnt([[0, 30], [1, 25], [2, 20], [3, 15], [4, 10]]);
  for (let k = 0; k < nX; k++) {
    const [d, act] = pickDayWith(lo, hi);
    if (d == null) continue;
    const ps = chooseWeighted(rng, act, rng.chance(0.2) ? Math.min(2, act.length) : 1, engW);
    store.add(d, '宣传', b, ps, fill(rng.pick(PUBLICITY), rng, b), { tags: '信息稿件' });
  }

  // 其他
  if (rng.chance(0.12 * V)) {
    const [d, act] = pickDayWith(lo, hi);
    if (d != null) store.add(d, '其他', b, orderMembers(chooseWeighted(rng, act, Math.min(act.length, rng.int(2, 5)), engW), chair), rng.pick(OTHER));
  }
}

function genCommitteeRows(Y, store) {
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  const V = volume(Y);
  const allMem = BRANCHES.flatMap((b) => b.mem);
  const leaders = (o, d) => o.committee.map((c) => c.member).filter((i) => onRoster(M[i], d));
  // 省委会
  {
    const rng = new Rng(SEED, 'activities', Y, ROOT.id);
    // 新会员培训班: members who joined in the last 15 months, in classes of at most 90
    const d0 = day(Y, rng.pick([10, 11]), rng.int(1, 28));
    const fresh = allMem.filter((i) => onRoster(M[i], d0) && M[i].join >= d0 - 460 && rng.chance(0.75));
    const classes = Math.ceil(fresh.length / 90);
    for (let c = 0; c < classes; c++) {
      const part = fresh.slice(Math.floor((c * fresh.length) / classes), Math.floor(((c + 1) * fresh.length) / classes));
      const d = Math.min(yE, d0 + 7 * c);
      const ps = part.filter((i) => onRoster(M[i], d)).sort((a, c) => a - c);
      if (!ps.length) continue;
      store.add(d, '培训', ROOT, ps, `民进贵州省委${Y}年新会员培训班${classes > 1 ? `（第${cn(c + 1)}期）` : ''}`, { hours: 24, tags: '新会员培训' });
    }
    // 骨干会员培训班: branch chairs and reserve cadres
    const d1 = day(Y, rng.pick([7, 8]), rng.int(1, 28));
    const chairs = BRANCHES.flatMap((b) => b.committee.filter((c) => c.role === '主委').map((c) => c.member));
    const core = [...new Set([...chairs, ...allMem.filter((i) => M[i].reserve === '是')])].filter((i) => onRoster(M[i], d1));
    const ps = chooseUniform(rng, core, Math.min(core.length, 120)).sort((a, c) => a - c);
    if (ps.length) store.add(d1, '培训', ROOT, ps, `民进贵州省委${Y}年骨干会员培训班`, { hours: 32, tags: '骨干培训' });
    // 理论学习中心组
    const studies = Y >= 2019 ? ['省委会理论学习中心组学习：习近平新时代中国特色社会主义思想', '“不忘合作初心，继续携手前进”主题教育专题学习会']
      : Y === 2018 ? ['省委会理论学习中心组学习：党的十九大精神', '新型政党制度理论专题学习会'] : ['省委会理论学习中心组学习'];
    for (const [k, t] of studies.entries()) {
      const d = day(Y, k === 0 ? rng.int(2, 4) : rng.int(6, 9), rng.int(1, 28));
      const ps2 = leaders(ROOT, d);
      if (ps2.length) store.add(d, '学习', ROOT, ps2, t, { hours: 3, tags: Y >= 2019 && k === 1 ? '主题教育' : '理论学习' });
    }
    // 领导调研
    const nR = rng.round(2 * V);
    for (let k = 0; k < nR; k++) {
      const d = sampleDay(rng, yS, yE);
      const ls = leaders(ROOT, d);
      const city = rng.pick(CITIES);
      if (ls.length) store.add(d, '调研', ROOT, chooseUniform(rng, ls, rng.int(2, 4)).sort((a, c) => a - c), `省委会领导赴${city.full}调研基层组织建设`);
    }
    // meetings of the year
    if (Y === 2019 || Y === 2018) {
      const d = Y === 2019 ? day(2019, 8, rng.int(20, 28)) : day(2018, 4, rng.int(10, 20));
      const t = Y === 2019 ? '基层组织建设主题年工作推进会' : '政治巡查工作动员会';
      const heads = [...leaders(ROOT, d), ...ORGS.filter((o) => o.parent === ROOT && o.type !== '支部').flatMap((o) => o.committee.filter((c) => c.role === '主委').map((c) => c.member))];
      if (Y === 2019) heads.push(...BRANCHES.filter((b) => b.parent === ROOT).flatMap((b) => b.committee.filter((c) => c.role === '主委').map((c) => c.member)));
      const ps3 = [...new Set(heads)].filter((i) => onRoster(M[i], d));
      if (ps3.length) store.add(d, '其他', ROOT, orderMembers(chooseUniform(rng, ps3, 90), null), t);
    }
  }
  // 市州委会 / 工委
  for (const o of ORGS) {
    if (o.parent !== ROOT || o.type === '支部') continue;
    const rng = new Rng(SEED, 'activities', Y, o.id);
    const sub = subtreeBranches(o).flatMap((b) => b.mem);
    const d = day(Y, rng.int(4, 11), rng.int(1, 28));
    const act = sub.filter((i) => onRoster(M[i], d));
    const k = Math.min(100, Math.max(5, Math.round(act.length * (0.15 + 0.15 * rng.f()))));
    const ps = chooseUniform(rng, act, k).sort((a, c) => a - c);
    if (ps.length) store.add(d, '培训', o, ps, `${o.name}${Y}年会员培训班`, { hours: rng.pick([8, 12, 16]), tags: '会员培训' });
    if (rng.chance(0.6)) {
      const d2 = day(Y, rng.int(3, 12), rng.int(1, 28));
      const ls = leaders(o, d2);
      if (ls.length) store.add(d2, '学习', o, ls, `${o.name}中心组学习会`, { hours: 3, tags: Y >= 2019 ? '主题教育' : '理论学习' });
    }
  }
}

// ───────────────────────────── output ─────────────────────────────

class Out {
  constructor(file) {
    this.file = file;
    this.tmp = `${file}.tmp`;
    this.fd = fs.openSync(this.tmp, 'w');
    this.parts = [];
    this.len = 0;
    this.bytes = 0;
  }
  w(s) {
    this.parts.push(s);
    this.len += s.length;
    if (this.len >= 1 << 20) this.flush();
  }
  flush() {
    if (!this.parts.length) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    let off = 0;
    while (off < buf.length) off += fs.writeSync(this.fd, buf, off, buf.length - off);
    this.bytes += buf.length;
    this.parts = [];
    this.len = 0;
  }
  close() {
    this.flush();
    fs.closeSync(this.fd);
    return this;
  }
  commit() { fs.renameSync(this.tmp, this.file); }
}

const csv = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const YAML_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#]*$/;
const yq = (s) => (YAML_PLAIN.test(s) && !/\s$/.test(s) && !/^(true|false|yes|no|on|off|null|~|[-+.\d][\d.eE+-]*)$/i.test(s) ? s : JSON.stringify(s));

fs.mkdirSync(path.join(OPT.out, 'activities'), { recursive: true });
const pending = [];

// mj.yaml
{
  const o = new Out(path.join(OPT.out, 'mj.yaml'));
  o.w('# 示例数据，由 scripts/gen-example.mjs 生成，人名单位均为虚构。\n');
  o.w('# 重新生成：npm run gen:example（相同参数，逐字节相同）\n');
  o.w('name: 民进贵州省委\n');
  o.w('locale: zh-CN\n');
  pending.push(o.close());
}

// orgs.yaml
{
  const o = new Out(path.join(OPT.out, 'orgs.yaml'));
  o.w('# 民进贵州省委组织结构：省委会 → 省直支部、市州委会（工委）→ 总支 → 支部，按深度优先排列。\n');
  o.w('# 示例数据，由 scripts/gen-example.mjs 生成，人名单位均为虚构。\n');
  for (const g of ORGS) {
    if (g.parent === ROOT && g.type !== '支部') o.w(`\n# ${g.name}\n`);
    o.w(`- id: ${yq(g.id)}\n  name: ${yq(g.name)}\n  type: ${g.type}\n`);
    if (g.parent) o.w(`  parent: ${yq(g.parent.id)}\n`);
    if (g.showEst && g.est != null) o.w(`  established: ${fmtDay(g.est)}\n`);
    if (g.dis != null) o.w(`  dissolved: ${fmtDay(g.dis)}\n`);
    if (g.committee.length) {
      o.w('  committee:\n');
      for (const c of g.committee) o.w(`    - { member: ${M[c.member].id}, role: ${c.role} }\n`);
    }
    if (g.liaison != null) o.w(`  liaison: ${M[g.liaison].id}\n`);
  }
  pending.push(o.close());
}

// members.csv
{
  const o = new Out(path.join(OPT.out, 'members.csv'));
  o.w('会员编号,姓名,性别,出生年月,民族,入会时间,所属组织,职称,学历,学位,工作单位,界别,政治安排,后备干部,会籍状态,离会时间\n');
  for (const m of M) {
    const birth = m.bfmt === 0 ? '' : m.bfmt === 1 ? `${m.by}-${p2(m.bm)}` : `${m.by}-${p2(m.bm)}-${p2(m.bd)}`;
    o.w(`${m.id},${csv(m.name)},${m.gender},${birth},${m.eth},${fmtDay(m.join)},${m.b.id},${m.title},${m.edu},${m.degree},`
      + `${csv(m.employer)},${m.sector},${m.roles.join(';')},${m.reserve},${m.status},${m.left === NEVER ? '' : fmtDay(m.left)}\n`);
  }
  pending.push(o.close());
}

// activities/YEAR.csv
const yearCounts = [];
for (const Y of OPT.years) {
  const store = new RowStore(Y);
  for (const b of BRANCHES) genBranchYear(b, Y, store);
  genCommitteeRows(Y, store);
  // counting sort by date, stable in generation order
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  const nDays = yE - yS + 1;
  const start = new Int32Array(nDays + 1);
  for (let r = 0; r < store.n; r++) start[store.day.a[r] - yS + 1]++;
  for (let k = 1; k <= nDays; k++) start[k] += start[k - 1];
  const order = new Int32Array(store.n);
  const fillAt = start.slice(0, nDays);
  for (let r = 0; r < store.n; r++) order[fillAt[store.day.a[r] - yS]++] = r;

  const o = new Out(path.join(OPT.out, 'activities', `${Y}.csv`));
  o.w('编号,日期,类型,组织,会员,标题,报送层级,结果,学时,标签,备注\n');
  const w = Math.max(6, String(store.n).length);
  const dayStr = new Map();
  for (let k = 0; k < store.n; k++) {
    const r = order[k];
    const d = store.day.a[r];
    if (d < yS || d > yE) throw new Error(`activity outside ${Y}`);
    const org = ORGS[store.org.a[r]];
    if ((org.est != null && d < org.est) || (org.dis != null && d >= org.dis)) throw new Error(`activity of ${org.id} on ${fmtDay(d)} outside its life`);
    const ms = [];
    for (let j = store.mStart.a[r], e = j + store.mLen.a[r]; j < e; j++) {
      const m = M[store.mem.a[j]];
      if (!onRoster(m, d)) throw new Error(`${m.id} listed on ${fmtDay(d)} but not on the roster`);
      ms.push(m.id);
    }
    let ds = dayStr.get(d);
    if (!ds) { ds = fmtDay(d); dayStr.set(d, ds); }
    const oc = store.outc.a[r];
    let outs = '';
    if (oc) { const p = []; for (let b = 0; b < OUTCOMES.length; b++) if (oc & (1 << b)) p.push(OUTCOMES[b]); outs = p.join(';'); }
    const h = store.hours.a[r];
    o.w(`${Y}-${String(k + 1).padStart(w, '0')},${ds},${TYPES[store.type.a[r]]},${org.id},${ms.join(';')},${csv(store.strs[store.title.a[r]])},`
      + `${LEVELS[store.level.a[r]]},${outs},${h < 0 ? '' : String(h / 10)},${csv(store.strs[store.tags.a[r]])},${csv(store.strs[store.note.a[r]])}\n`);
  }
  pending.push(o.close());
  yearCounts.push(`${Y}: ${store.n}`);
}

// assessments/YEAR.csv for the last year: the panel's points for the example rubric's one
// manual item (panel, 考评组综合评价, max 5), and the branch's own, usually a little higher.
{
  const Y = OPT.years[OPT.years.length - 1];
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  const rng = new Rng(SEED, 'assessments', Y);
  fs.mkdirSync(path.join(OPT.out, 'assessments'), { recursive: true });
  const o = new Out(path.join(OPT.out, 'assessments', `${Y}.csv`));
  o.w('组织,项目,考评组审核得分,支部自评得分,备注\n');
  for (const b of BRANCHES) {
    if ((b.est != null && b.est > yE) || (b.dis != null && b.dis < yS)) continue;
    const points = 2.5 + rng.int(0, 5) * 0.5; // 2.5 … 5
    const self = Math.min(5, points + rng.int(0, 2) * 0.5);
    const note = b.est != null && b.est >= yS ? '成立不满一年' : '';
    o.w(`${b.id},panel,${points},${rng.chance(0.85) ? self : ''},${note}\n`);
  }
  pending.push(o.close());
}

// ───────────────────────────── invariants and the summary ─────────────────────────────
{
  const R = M.filter((m) => onRoster(m, REF_DAY));
  const senior = R.filter((m) => m.title === '正高级' || m.title === '副高级').length;
  const doctor = R.filter((m) => m.degree === '博士').length;
  const problems = [];
  if (R.length !== N) problems.push(`roster on 2019-10-10 is ${R.length}, expected ${N}`);
  if (senior !== TARGET_SENIOR) problems.push(`副高以上 ${senior}, expected ${TARGET_SENIOR}`);
  if (doctor !== TARGET_DOCTOR) problems.push(`博士 ${doctor}, expected ${TARGET_DOCTOR}`);
  const ids = new Set(ORGS.map((g) => g.id));
  if (ids.size !== ORGS.length) problems.push('duplicate org ids');
  for (const g of ORGS) if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(g.id)) problems.push(`bad org id ${g.id}`);
  for (const m of M) {
    if (m.b.type !== '支部') problems.push(`${m.id} not in a 支部`);
    if ((m.status === '在册') !== (m.left === NEVER)) problems.push(`${m.id} status/left mismatch`);
    if (m.left !== NEVER && m.left <= m.join) problems.push(`${m.id} left before joining`);
    // on the roster on the day of dissolution or later ⇔ on it on the later of that day and the day of joining
    if (m.b.dis != null && onRoster(m, Math.max(m.b.dis, m.join))) problems.push(`${m.id} still in dissolved ${m.b.id}`);
  }
  for (const g of ORGS) {
    for (const c of g.committee) if (!onRoster(M[c.member], END_DAY)) problems.push(`committee of ${g.id} holds a departed member`);
    if (g.liaison != null && !onRoster(M[g.liaison], END_DAY)) problems.push(`liaison of ${g.id} departed`);
  }
  if (problems.length) {
    for (const f of pending) fs.rmSync(f.tmp, { force: true });
    fail(`invariant broken, nothing written:\n  ${problems.slice(0, 20).join('\n  ')}`, 1);
  }
  for (const f of pending) f.commit();
  const pct = ((senior * 100) / N).toFixed(1);
  process.stderr.write(`gen-example: ${path.relative(process.cwd(), OPT.out) || '.'}: ${ORGS.length} orgs (${BRANCHES.length} 支部), `
    + `${M.length} members; on the roster on 2019-10-10: ${N}, 副高以上 ${senior} (${pct}%), 博士 ${doctor}; `
    + `activity rows ${yearCounts.join(', ')}\n`);
}
