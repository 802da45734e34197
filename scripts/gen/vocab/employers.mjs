// 工作单位: institution, county and company vocabularies, and employer(), which draws a member's
// employer from the branch's kind and place and the member's 界别.
import { KINDS } from './org-templates.mjs';
import { cn } from './numerals.mjs';

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

/** a member's 工作单位, from the branch b (kind, institution, place, level) and the member's 界别 */
export function employer(rng, b, sector) {
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
