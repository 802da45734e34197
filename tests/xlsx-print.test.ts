// The XLSX deliverables printed for real: every table of the tiny and guizhou examples and the
// per-branch score forms are converted to PDF by headless LibreOffice and read back with
// pdftotext -bbox — text size, page numbers, pages that hold data, forms naming every item.
// Without LibreOffice or poppler the printing tests are skipped with a notice; the pure parts
// (sheet names, 评分标准 text, the form model) always run.

import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchScore } from '../src/compute/scores.js';
import type { Dataset } from '../src/load/dataset.js';
import { openBase } from '../src/pipeline/base.js';
import { scoreYear } from '../src/pipeline/year.js';
import type { Assessment } from '../src/model/types.js';
import type { Rubric } from '../src/model/rubric.js';
import { xlsxText } from '../src/render/cells.js';
import { renderXlsx } from '../src/render/xlsx.js';
import { renderScoreForms } from '../src/render/xlsx-form.js';
import { sheetName, uniqueSheetNames } from '../src/render/xlsx-layout.js';
import type { Table } from '../src/tables/table.js';
import { Rational } from '../src/util/decimal-text.js';
import { itemStandard, scoreForm, scoreForms, scoreSummaryTable } from '../src/tables/score-form.js';
import { mj } from './helpers/cli.js';
import { tempDir } from './helpers/fixtures.js';
import { boxPerPoint, columnText, convertToPdf, lines, lineText, missingPrintTools, pageCount, pageNumber, pdfFonts, readPdf, smallestText, type PdfPage } from './helpers/print.js';

const ROOT = join(import.meta.dirname, '..');
const EXAMPLES = { tiny: join(ROOT, 'data-examples', 'tiny'), guizhou: join(ROOT, 'data-examples', 'guizhou') } as const;
const TABLES = ['scores', 'branches', 'members', 'roster', 'progress', 'subsidy'] as const;
/** Body text is 10 pt printed at 80 % or more: 8 pt, with a little room for measuring. */
const MIN_TEXT_PT = 7.5;

interface Year {
  ds: Dataset;
  rubric: Rubric;
  scores: BranchScore[];
  assessments: readonly Assessment[];
}

async function year(dir: string): Promise<Year> {
  const base = await openBase(dir, undefined, {});
  if (!base.ok) throw new Error(`cannot load ${dir}`);
  const y = await scoreYear(base.value, 2019);
  if (!y.ok) throw new Error(`${dir} has errors`);
  return { ds: base.value.ds, rubric: y.value.rubric, scores: [...y.value.scores], assessments: y.value.assessments };
}

async function formsWorkbook(y: Year, date: string | undefined, only?: ReadonlySet<string>): Promise<Uint8Array> {
  const input = { datasetName: y.ds.config.name, rubric: y.rubric, scores: y.scores, orgById: y.ds.orgById, assessments: y.assessments, lang: 'zh' as const, date, only };
  return renderScoreForms(scoreSummaryTable(input), scoreForms(input), { unit: y.ds.config.name, date, lang: 'zh' });
}

describe('sheet names', () => {
  it('are at most 31 characters, without []:*?/\\ and without a leading or trailing apostrophe', () => {
    expect(sheetName('a[b]c:d*e?f/g\\h')).toBe('a b c d e f g h');
    expect(sheetName("'quoted'")).toBe('’quoted’');
    expect(sheetName("it's")).toBe('it’s');
    expect([...sheetName('民进贵州省委贵阳市第一人民医院附属口腔医院联合支部第二小组')].length).toBeLessThanOrEqual(31);
    expect(sheetName('   ')).toBe('Sheet1');
    expect(sheetName('History')).toBe('History1');
  });

  it('are unique ignoring case, shortened to make room for the suffix', () => {
    const long = '一'.repeat(40);
    expect(uniqueSheetNames(['评分汇总表', 'Branch', 'branch', 'BRANCH', long, long])).toEqual([
      '评分汇总表', 'Branch', 'branch (2)', 'BRANCH (3)', '一'.repeat(31), `${'一'.repeat(27)} (2)`,
    ]);
    for (const n of uniqueSheetNames([long, long, long])) expect([...n].length).toBeLessThanOrEqual(31);
  });
});

describe('renderXlsx print setup', () => {
  const table = (columns: number, title = '=HYPERLINK("http://x","点我")'): Table => ({
    name: 't', title, notes: ['-1 开头的说明'],
    columns: [
      { key: 'rank', header: '排名', kind: 'int' }, { key: 'name', header: '支部', kind: 'text' },
      ...Array.from({ length: columns }, (_, i): Table['columns'][number] => ({ key: `c${i}`, header: `会员报送社情民意覆盖率${i}`, kind: 'points' })),
    ],
    rows: Array.from({ length: 40 }, (_, r) => ({ kind: 'data' as const, cells: [r + 1, `支部${r}`, ...Array.from({ length: columns }, () => Rational.parse('12.5'))] })),
  });
  const read = async (t: Table) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(t, { unit: '民进&示例', date: undefined, lang: 'zh' })) as unknown as ArrayBuffer);
    return wb.worksheets[0]!;
  };

  it('guards the title against formulas, and names a font on every cell', async () => {
    const ws = await read(table(3));
    expect(ws.getCell('A1').value).toBe('\'=HYPERLINK("http://x","点我")');
    ws.eachRow((row, r) => row.eachCell((cell) => expect(cell.font?.name, cell.address).toBe(r === 1 ? '黑体' : '宋体')));
    expect(ws.headerFooter.oddFooter).toBe('&L&"宋体,Regular"&10民进&&示例&C&"宋体,Regular"&10第 &P 页 共 &N 页');
  });

  it('cuts text longer than an Excel cell holds (32,767 characters) with "…", never half a character', async () => {
    const t = table(2);
    const ws = await read({ ...t, rows: [{ kind: 'data', cells: [1, '中'.repeat(40_000), Rational.ZERO, Rational.ZERO] }] });
    expect(String(ws.getCell('B3').value)).toBe(`${'中'.repeat(32_766)}…`);
    // Characters beyond the BMP are two UTF-16 units: the cut never splits one.
    const astral = xlsxText('𠀀'.repeat(20_000));
    expect(astral).toBe(`${'𠀀'.repeat(16_383)}…`);
    expect(xlsxText(`x${'𠀀'.repeat(20_000)}`)).toBe(`x${'𠀀'.repeat(16_382)}…`);
  });

  it('makes workbooks for dataset names Excel would refuse as sheet names', async () => {
    for (const name of ["'引号省委", '民进[测试]省委', '民进'.repeat(40)]) {
      const d = tempDir('mj-sheet-');
      cpSync(EXAMPLES.tiny, d, { recursive: true });
      writeFileSync(join(d, 'mj.yaml'), `name: ${JSON.stringify(name)}\n`);
      const r = await mj(['report', '2019', '--format', 'xlsx'], { cwd: d });
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(join(d, 'reports', '2019', 'scores.xlsx')) as unknown as ArrayBuffer);
      const titles = (wb.worksheets[0]!.getRow(1).values as unknown[]).filter((v) => typeof v === 'string') as string[];
      expect(titles.join(''), name).toContain(name.replace(/^'/, ''));
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('prints a narrow table one page wide, and a 40-column one across pages with rank and name repeated', async () => {
    const narrow = await read(table(3));
    expect(narrow.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', scale: 100 });
    const wide = await read(table(37));
    expect(wide.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', scale: 90, printTitlesColumn: 'A:B', printTitlesRow: '2:2' });
    expect(wide.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
    // The header is tall enough for its wrapped text: 会员报送社情民意覆盖率N takes several lines.
    expect(wide.getRow(2).height).toBeGreaterThan(3 * 14);
  });
});

describe('score forms (the model)', () => {
  let tiny: Year;
  beforeAll(async () => {
    tiny = await year(EXAMPLES.tiny);
  });
  const item = (id: string) => tiny.rubric.sections.flatMap((s) => s.items).find((i) => i.id === id)!;

  it('writes 评分标准 from each kind of rubric item', () => {
    expect(itemStandard(item('study'), 'zh')).toBe('每次 3 分，最高 9 分');
    expect(itemStandard(item('training-coverage'), 'zh')).toBe('覆盖率 × 6 分');
    expect(itemStandard(item('training-hours'), 'zh')).toBe('每学时 0.25 分，最高 4 分');
    expect(itemStandard(item('meetings'), 'zh')).toBe('≥2 次 4 分；≥4 次 8 分；≥6 次 10 分');
    expect(itemStandard(item('attendance'), 'zh')).toBe('平均参加率 × 8 分');
    expect(itemStandard(item('panel'), 'zh')).toBe('考评组评分，最高 5 分');
    expect(itemStandard(item('service-members'), 'zh')).toBe('每人 1 分，最高 5 分');
    expect(itemStandard(item('sqmy-national'), 'zh')).toBe('每篇 5 分（限全国政协转送或全国政协单篇采用），最高 10 分');
    expect(itemStandard(item('no-service'), 'zh')).toBe('0 件扣 5 分');
    expect(itemStandard(item('few-meetings'), 'zh')).toBe('少于 2 次扣 3 分');
    expect(itemStandard(item('study'), 'en')).toBe('3 per record, at most 9');
    expect(itemStandard(item('no-service'), 'en')).toBe('none: −5');
    expect(itemStandard(item('few-meetings'), 'en')).toBe('below 2: −3');
  });

  it('lists every item under its section, a subtotal per section, then 总分, 等级 and the veto', () => {
    const s = tiny.scores.find((x) => x.veto !== undefined) ?? tiny.scores[0]!;
    const form = scoreForm({ datasetName: '民进示例省委', rubric: tiny.rubric, orgById: tiny.ds.orgById, assessments: tiny.assessments, lang: 'zh' }, s);
    const items = tiny.rubric.sections.flatMap((x) => x.items);
    expect(form.rows.filter((r) => r.kind === 'item').map((r) => r.name)).toEqual(items.map((i) => i.name));
    expect(form.rows.filter((r) => r.kind === 'subtotal')).toHaveLength(tiny.rubric.sections.length);
    expect(form.rows.find((r) => r.kind === 'total')!.result).toEqual(s.total);
    expect(form.rows.find((r) => r.kind === 'grade')!.result).toBe(s.grade);
    expect(form.rows.some((r) => r.kind === 'veto')).toBe(s.veto !== undefined);
    expect(form.title).toBe('民进示例省委2019年度基层支部工作量化考核评分表（示例）');
    expect(form.signatures).toBe('支部主委签名：＿＿＿＿＿＿　　考评组签名：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿');
  });

  it('names the veto that capped a grade, with the grade before and after', async () => {
    const gz = await year(EXAMPLES.guizhou);
    const s = gz.scores.find((x) => x.veto !== undefined)!;
    const form = scoreForm({ datasetName: '民进贵州省委', rubric: gz.rubric, orgById: gz.ds.orgById, assessments: gz.assessments, lang: 'zh' }, s);
    const veto = form.rows.find((r) => r.kind === 'veto')!;
    expect(veto.standard).toMatch(/最高(良好|合格)）$/);
    expect(veto.result).toBe(`${s.gradeByTotal}→${s.grade}`);
    expect(form.subtitle).toBe(`支部：${s.branch.name}\u3000\u3000上级组织：民进贵州省委`);
  });

  it('takes 支部自评得分 from the assessments where given, else leaves it blank', () => {
    const input = { datasetName: 'x', rubric: tiny.rubric, orgById: tiny.ds.orgById, assessments: tiny.assessments, lang: 'zh' as const, date: '2020-01-15' };
    const self = (id: string) => scoreForm(input, tiny.scores.find((s) => s.branch.id === id)!).rows.find((r) => r.name === item('panel').name)!.self;
    expect(self('gy-edu1')?.toShort()).toBe('5');
    expect(self('sz-new')).toBeUndefined();
    expect(scoreForm(input, tiny.scores[0]!).signatures).toContain('日期：2020-01-15');
  });

  it('heads the workbook with a summary in rank order', () => {
    const t = scoreSummaryTable({ datasetName: '民进示例省委', rubric: tiny.rubric, scores: tiny.scores, lang: 'zh', only: undefined });
    // Each section's column says it is a subtotal, so a section called 加分项 or 扣分 never reads as the fixed columns.
    expect(t.columns.map((c) => c.header)).toEqual([
      '排名', '支部', '思想政治建设小计', '组织建设小计', '参政议政小计', '社会服务小计', '宣传信息小计', '加分项小计', '扣分项小计', '加分', '扣分', '总分', '等级', '否决',
    ]);
    const ranks = [...t.rows].map((r) => r.cells[0] as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(t.title).toBe('民进示例省委2019年度基层支部工作量化考核评分汇总表（示例）');
  });

  it('names the veto that capped a grade in the summary, and states every veto in its notes', () => {
    const vetoed = { ...tiny.scores[0]!, gradeByTotal: '优秀', grade: '良好', veto: tiny.rubric.vetoes[0]! };
    const t = scoreSummaryTable({ datasetName: '民进示例省委', rubric: tiny.rubric, scores: [vetoed, ...tiny.scores.slice(1)], lang: 'zh', only: undefined });
    const row = [...t.rows].find((r) => r.cells[1] === vetoed.branch.name)!;
    expect(row.cells.at(-1)).toBe('优秀→良好');
    expect([...t.rows].filter((r) => r !== row).every((r) => r.cells.at(-1) === '')).toBe(true);
    expect(t.notes).toContain('一票否决：“三个一”未完成（最高良好）。');
  });

  it('makes the same bytes every time', async () => {
    const a = await formsWorkbook(tiny, undefined);
    const b = await formsWorkbook(tiny, undefined);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

const missing = missingPrintTools();
if (missing.length > 0) {
  console.warn(
    `\n  ⚠ xlsx-print: SKIPPING the printed-layout tests — ${missing.join(', ')} not found.\n` +
      '    Install them with: apt-get install --no-install-recommends libreoffice-calc poppler-utils fonts-noto-cjk fonts-crosextra-carlito\n',
  );
}

describe.skipIf(missing.length > 0)('XLSX printed by LibreOffice', () => {
  const dir = tempDir('mj-print-');
  const pdfs = join(dir, 'pdf');
  /** Each workbook's first-text-column values: the rows a printed page must show some of. */
  const keys = new Map<string, Set<string>>();
  const branchesOf = new Map<string, { names: string[]; items: string[] }>();
  let perPoint = 1;
  let seconds = 0;

  afterAll(() => {
    if (process.env['MJ_PRINT_KEEP'] === undefined) rmSync(dir, { recursive: true, force: true });
    else console.log(`xlsx-print: files kept in ${dir}`);
  });

  beforeAll(async () => {
    const files: string[] = [];
    for (const [name, data] of Object.entries(EXAMPLES)) {
      const out = join(dir, name);
      const r = await mj(['report', '2019', '--format', 'xlsx', '--out', out, '--date', '2020-01-15'], { cwd: data });
      expect(r.code, r.stderr).toBe(0);
      for (const t of TABLES) {
        const file = join(dir, `${name}-${t}.xlsx`);
        writeFileSync(file, (await import('node:fs')).readFileSync(join(out, `${t}.xlsx`)));
        files.push(file);
        keys.set(`${name}-${t}`, await firstTextColumn(file));
      }
      const y = await year(data);
      // The forms as mj report writes them, beside the tables; of guizhou's 220 branches, the forms
      // of the first 40 (printing all 445 pages takes 20 s and shows nothing more).
      const forms = join(dir, `${name}-forms.xlsx`);
      const some = name === 'guizhou' ? new Set(y.scores.slice(0, 40).map((s) => s.branch.id)) : undefined;
      writeFileSync(forms, some ? await formsWorkbook(y, '2020-01-15', some) : (await import('node:fs')).readFileSync(join(out, 'score-forms.xlsx')));
      files.push(forms);
      keys.set(`${name}-forms`, await firstTextColumn(forms));
      branchesOf.set(name, { names: y.scores.filter((s) => !some || some.has(s.branch.id)).map((s) => s.branch.name), items: y.rubric.sections.flatMap((s) => s.items.map((i) => i.name)) });
    }
    files.push(await calibration(dir));
    mkdirSync(pdfs);
    const started = performance.now();
    convertToPdf(files, pdfs);
    seconds = (performance.now() - started) / 1000;
    expect(readdirSync(pdfs).filter((f) => f.endsWith('.pdf'))).toHaveLength(files.length);
    perPoint = boxPerPoint(readPdf(join(pdfs, 'calibration.pdf'))[0]!, 10);
    console.log(`xlsx-print: ${files.length} workbooks converted in ${seconds.toFixed(1)} s`);
  }, 300_000);

  const workbooks = Object.keys(EXAMPLES).flatMap((d) => [...TABLES, 'forms'].map((t) => `${d}-${t}`));

  it.each(workbooks)('%s: text of 7.5 pt or more on every page, page numbers in the footer, data on every page', (name) => {
    const pages = readPdf(join(pdfs, `${name}.pdf`));
    expect(pages.length).toBe(pageCount(join(pdfs, `${name}.pdf`)));
    const rowKeys = keys.get(name)!;
    const smallest = Math.min(...pages.map((p) => smallestText(p, perPoint)));
    console.log(`xlsx-print: ${name}: ${pages.length} pages, smallest text ${smallest.toFixed(1)} pt`);
    pages.forEach((page, i) => {
      expect(smallestText(page, perPoint), `${name} page ${i + 1}`).toBeGreaterThanOrEqual(MIN_TEXT_PT);
      const footer = pageNumber(page);
      expect(footer, `${name} page ${i + 1} footer`).toBeDefined();
      if (!name.endsWith('forms')) expect(footer, `${name} page ${i + 1}`).toEqual([i + 1, pages.length]);
      // No page is only a header: every page shows rows (at least two when there are two).
      const shown = [...rowKeys].filter((k) => printedOn(page, k)).length;
      if (!name.endsWith('forms')) expect(shown, `${name} page ${i + 1} data rows`).toBeGreaterThanOrEqual(Math.min(2, rowKeys.size));
    });
    // Pages are sane: no more than one page per two rows, and the whole table on them.
    expect(pages.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(rowKeys.size / 2)) * 6);
    for (const k of rowKeys) expect(pages.some((p) => printedOn(p, k)), `${name}: row ${k} printed`).toBe(true);
  });

  it.each(Object.keys(EXAMPLES))('%s: one form page per branch (or two for a long form), each naming every rubric item', (d) => {
    const pages = readPdf(join(pdfs, `${d}-forms.pdf`));
    const { names, items } = branchesOf.get(d)!;
    // Pages of each branch's form: its first page names the branch under the title.
    const formPages = new Map<string, PdfPage[]>();
    let current: string | undefined;
    for (const page of pages) {
      const text = lines(page).map(lineText).join('\n');
      const m = /支部：(\S+)\s+上级组织：/.exec(text);
      if (m) current = m[1]!;
      if (current !== undefined) {
        const list = formPages.get(current) ?? [];
        list.push(page);
        formPages.set(current, list);
      }
    }
    expect([...formPages.keys()].sort()).toEqual([...names].sort());
    let vetoed = 0;
    for (const [branch, list] of formPages) {
      expect(list.length, branch).toBeLessThanOrEqual(2);
      // The example rubric's form (29 items) fits one page at 80 % or more: each branch on one,
      // also with a 否决 line (the space above the signatures gives way).
      expect(list.length, branch).toBe(1);
      if (list.some((p) => p.words.some((w) => w.text === '否决'))) vetoed++;
      list.forEach((p, i) => expect(pageNumber(p), `${branch} page ${i + 1}`).toEqual([i + 1, list.length]));
      let itemColumn = '';
      for (const p of list) {
        // 考评项目 runs from the right of the 分类 header to where the left-aligned standards start.
        const section = p.words.find((w) => w.text === '分类');
        const head = p.words.find((w) => w.text === '考评项目');
        expect(section && head, `${branch}: header on every page`).toBeTruthy();
        const standardsAt = Math.min(...p.words.filter((w) => w.yMin > head!.yMax && w.xMin > head!.xMax).map((w) => w.xMin));
        const column = columnText(p, section!.xMax + 1, standardsAt - 1, head!.yMax);
        expect(column.length, `${branch}: a page below the header holds rows`).toBeGreaterThan(0);
        itemColumn += column;
      }
      for (const it of items) expect(itemColumn, `${branch} names ${it}`).toContain(it.replace(/\s+/g, ''));
      expect(itemColumn).toContain('总分');
    }
    if (d === 'guizhou') expect(vetoed, 'vetoed forms among those printed').toBeGreaterThan(0);
    const summary = pages.length - [...formPages.values()].reduce((a, l) => a + l.length, 0);
    expect(summary).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < summary; i++) expect(pageNumber(pages[i]!)).toEqual([i + 1, summary]);
  });

  it('names CJK fonts that print as sans, never a serif fallback', () => {
    for (const name of workbooks) {
      const fonts = pdfFonts(join(pdfs, `${name}.pdf`));
      expect(fonts.some((f) => /CJK/.test(f)), name).toBe(true);
      expect(fonts.filter((f) => /Serif/.test(f)), name).toEqual([]);
    }
  });
});

/** Whether a cell's text is on a page: as one word, or wrapped in its cell (read down from where it starts). */
function printedOn(page: PdfPage, text: string): boolean {
  return page.words.some((w) => w.text === text || (w.text.length >= 2 && text.startsWith(w.text) && columnText(page, w.xMin - 1, w.xMin + 1, w.yMin - 1).startsWith(text)));
}

/** The values of a workbook's first text column in its first sheet's rows (the row names). */
async function firstTextColumn(file: string): Promise<Set<string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const third = ws.getRow(3);
  let col = 1;
  while (col <= ws.columnCount && typeof third.getCell(col).value !== 'string') col++;
  const out = new Set<string>();
  for (let r = 3; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(col).value;
    if (typeof v !== 'string' || v === '') break;
    out.add(v);
  }
  return out;
}

/** A page of 10 pt text at 100 %: its word boxes tell how tall 1 pt of text prints here. */
async function calibration(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('calibration');
  ws.getColumn(1).width = 40;
  for (let r = 1; r <= 20; r++) {
    const cell = ws.getCell(r, 1);
    cell.value = r % 2 === 0 ? '贵阳一中支部' : 'Branch 12.50';
    cell.font = { name: '宋体', family: 3, charset: 134, size: 10 };
  }
  const file = join(dir, 'calibration.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}
