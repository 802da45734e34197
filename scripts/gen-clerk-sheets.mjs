#!/usr/bin/env node
/**
 * gen-clerk-sheets.mjs — `npm run gen:sheets`: the example clerks' sheets under
 * data-examples/clerk-sheets/, shaped like the sheets branches send to a 党派's committee, for the
 * README's walk through `mj import` into data-examples/tiny:
 *
 *   贵阳一中支部2019年履职情况.xlsx  a branch's duty records: a merged title row, a 填报单位 row, a
 *                                    two-row header with merged cells (报送及采用情况 over 报送层级 |
 *                                    采用情况), 序号, dates as Excel dates and as text, member names
 *                                    instead of ids, 、 and spaces between them, a full-width ２, a
 *                                    合计 row and a 填表人 footer. Two records are already in tiny,
 *                                    one differs from it (a change, written only with --update).
 *   医院支部活动登记.txt              Excel's "Unicode 文本": UTF-16 with a BOM, tabs, CRLF.
 *   会员信息导出.xlsx                 a roster exported from a member information system: its own
 *                                    column names, orgs by full name, ids stored as numbers shown
 *                                    with a 0000 format, a phone column mj leaves out.
 *
 * Deterministic: fixed document dates and zip entry times (as mj's own XLSX), so the committed
 * files are exactly what this script writes (tests/clerk-sheets.test.ts).
 * Options: --out DIR (data-examples/clerk-sheets)
 */
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const OUT = path.resolve(outAt < 0 ? path.join(ROOT, 'data-examples', 'clerk-sheets') : args[outAt + 1]);
const FIXED = new Date(Date.UTC(2020, 0, 6));

function book() {
  const wb = new ExcelJS.Workbook();
  wb.creator = '组织处';
  wb.lastModifiedBy = '组织处';
  wb.created = FIXED;
  wb.modified = FIXED;
  return wb;
}

/** Zip entry times at the DOS epoch (the zip library stamps the clock there). */
function fixZipTimes(zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let k = 0; k < entries; k++) {
    view.setUint16(p + 12, 0, true);
    view.setUint16(p + 14, 0x21, true);
    const local = view.getUint32(p + 42, true);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, 0x21, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return zip;
}

async function save(wb, name) {
  const bytes = fixZipTimes(new Uint8Array(await wb.xlsx.writeBuffer()));
  fs.writeFileSync(path.join(OUT, name), bytes);
}

const thin = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

async function branchSheet() {
  const wb = book();
  const ws = wb.addWorksheet('2019年');
  ws.columns = [6, 14, 12, 40, 24, 10, 28, 8, 12].map((width) => ({ width }));
  ws.mergeCells('A1:I1');
  ws.getCell('A1').value = '民进贵阳一中支部2019年度会员履职情况统计表';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A2:E2');
  ws.getCell('A2').value = '填报单位（盖章）：民进贵阳一中支部';
  ws.mergeCells('F2:I2');
  ws.getCell('F2').value = '填报日期：2020年1月6日';
  for (const [cell, text] of [['A3', '序号'], ['B3', '时间'], ['C3', '类别'], ['D3', '题目'], ['E3', '参与人员'], ['F3', '报送及采用情况'], ['H3', '学时'], ['I3', '备注']]) ws.getCell(cell).value = text;
  for (const c of ['A', 'B', 'C', 'D', 'E', 'H', 'I']) ws.mergeCells(`${c}3:${c}4`);
  ws.mergeCells('F3:G3');
  ws.getCell('F4').value = '报送层级';
  ws.getCell('G4').value = '采用情况';
  const rows = [
    [day(2019, 3, 5), '社情民意', '关于农村学校寄宿生营养改善的建议', '李秀兰', '省', '省委会采用、省政协采用', null, null],
    ['2019/11/8', '社情民意信息', '关于职业教育产教融合的建议', '王明华', '国家级', '省委会采用，民进中央采用，全国政协单篇采用', null, null],
    [day(2019, 9, 20), '社情民意', '关于中小学劳动教育课程落实的建议', '陈静', '省', '省委会采用、省政协采用', null, '省政协12月采用'],
    ['2019年12月3日', '社情民意', '关于寄宿制学校心理健康教育的建议', '刘芳', '省', null, null, null],
    [day(2019, 12, 10), '社会服务', '冬季送温暖：看望退休教师', '王明华、张伟、刘芳', null, null, null, null],
    [day(2019, 12, 20), '组织生活会', '支部年终民主评议', '王明华 李秀兰 张伟 刘芳 陈静', null, null, '２', null],
  ];
  rows.forEach((r, k) => {
    const row = ws.getRow(5 + k);
    row.values = [k + 1, ...r];
    if (r[0] instanceof Date) row.getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
  });
  const total = ws.getRow(5 + rows.length);
  total.values = ['合计', null, null, `${rows.length} 项`];
  total.font = { bold: true };
  ws.getRow(7 + rows.length).values = ['填表人：张伟', null, null, null, '审核人：王明华'];
  for (let r = 3; r <= 5 + rows.length; r++) for (let c = 1; c <= 9; c++) ws.getRow(r).getCell(c).border = thin;
  const notes = wb.addWorksheet('填表说明');
  notes.getCell('A1').value = '类别填写：提案、建议、社情民意、社会服务、组织生活、学习、培训、调研、宣传、其他';
  await save(wb, '贵阳一中支部2019年履职情况.xlsx');
}

function unicodeText() {
  const rows = [
    ['日期', '类型', '标题', '参加人员', '学时'],
    ['2019-12-06', '培训', '急救技能培训', '黄丽、周涛、吴敏、徐强', '3'],
    ['2019-12-16', '组织生活', '年终总结会', '黄丽 周涛 吴敏 徐强 马晓东', ''],
  ];
  const text = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
  fs.writeFileSync(path.join(OUT, '医院支部活动登记.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

async function rosterExport() {
  const wb = book();
  const ws = wb.addWorksheet('会员信息');
  ws.columns = [6, 10, 10, 6, 12, 8, 14, 24, 10, 12, 8, 22, 10, 12, 14].map((width) => ({ width }));
  ws.getRow(1).values = ['序号', '会员编号', '姓名', '性别', '出生年月', '民族', '入会时间', '所在支部', '职称', '学历', '学位', '单位', '界别', '是否后备干部', '联系电话'];
  ws.getRow(1).font = { bold: true };
  const rows = [
    [3, '张伟', '男', '1982.11', '汉族', day(2012, 5, 20), '贵阳一中支部', '中级', '大学本科', '学士', '贵阳市第一中学', '中小学', '否', '13800000003'],
    [4, '刘芳', '女', '1990.02', '布依族', day(2018, 11, 1), '贵阳一中支部', '中级', '研究生', '硕士', '贵阳市第一中学', '中小学', '否', '13800000004'],
    [32, '欧阳晨', '女', '1993.05', '汉族', day(2019, 12, 1), '贵阳一中支部', '初级', '研究生', '硕士', '贵阳市第一中学', '中小学', '否', '13800000032'],
    [33, '田野', '男', '1985.08', '苗族', day(2019, 12, 1), '贵州大学支部', '副高级', '研究生', '博士', '贵州大学', '高校', '√', '13800000033'],
  ];
  rows.forEach((r, k) => {
    const row = ws.getRow(2 + k);
    row.values = [k + 1, ...r];
    row.getCell(2).numFmt = '0000';
    row.getCell(7).numFmt = 'yyyy-mm-dd';
  });
  await save(wb, '会员信息导出.xlsx');
}

fs.mkdirSync(OUT, { recursive: true });
await branchSheet();
unicodeText();
await rosterExport();
process.stderr.write(`wrote 3 sheets to ${path.relative(process.cwd(), OUT) || '.'}\n`);
