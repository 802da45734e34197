// Every table, form and explanation mj writes, on every bundled example (the tiny province and
// the four published schemes), in Chinese and in English, compared with golden files: a word
// changed in either language, a column lost or a number moved shows here. The English texts are
// otherwise reached by few tests (mutation testing found most of them untested).

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mj } from './helpers/cli.js';
import { golden } from './helpers/golden.js';

const ROOT = join(import.meta.dirname, '..');
// all-forms: the tiny example under a rubric that uses every form of the rubric language (tests/fixtures/all-forms).
const DATASETS = ['tiny', 'schemes/gdou-party', 'schemes/lvliang-info', 'schemes/shandong-mm', 'schemes/tongcheng-cppcc', 'all-forms'];
const LANGS = ['zh', 'en'] as const;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The output files of one run (folders included), in name order, each under a line with its name. */
async function joined(dir: string, prefix = '', markup = false): Promise<string> {
  const parts: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) parts.push(await joined(path, `${prefix}${f}/`, markup));
    else if (f.endsWith('.xlsx')) parts.push(`=== ${prefix}${f}\n${await workbookText(path)}`);
    else if (f.endsWith('.html')) parts.push(`=== ${prefix}${f}\n${(markup ? pageMarkup : visibleText)(readFileSync(path, 'utf8'))}`);
    else parts.push(`=== ${prefix}${f}\n${readFileSync(path, 'utf8')}`);
  }
  return parts.join('\n');
}

/** A workbook as text: each sheet's name, page setup, merged cells and its rows' values. */
async function workbookText(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    const { orientation, fitToWidth, fitToHeight, fitToPage, paperSize, printTitlesRow } = ws.pageSetup;
    out.push(`--- ${ws.name} ${JSON.stringify({ orientation, fitToWidth, fitToHeight, fitToPage, paperSize, printTitlesRow })}`);
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    if (merges.length > 0) out.push(`merged: ${[...merges].sort().join(' ')}`);
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (c) => cells.push(c.master.address === c.address ? c.text : ''));
      out.push(`${n}\t${cells.join('\t').trimEnd()}`);
    });
  }
  return out.join('\n');
}

/**
 * A page's markup without its shared style sheet and script (the same on every page, and kept by
 * the HTML tests): the structure, attributes, links, chart drawings and tables a browser gets.
 */
function pageMarkup(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/g, '<style>…</style>').replace(/<script>[\s\S]*?<\/script>/g, '<script>…</script>').replace(/></g, '>\n<');
}

/** What a reader of an HTML page sees: its text (chart labels included), without markup, styles or scripts. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

interface Rows { rows: { kind?: string; id?: string }[] }
const ids = (json: string): string[] => (JSON.parse(json) as Rows).rows.filter((r) => r.kind === undefined || r.kind === 'data').map((r) => String(r.id));

/** The tiny example with the all-forms fixture's files put over it, in a folder of its own. */
function allForms(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mj-all-forms-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'data-examples', 'tiny'), dir, { recursive: true });
  cpSync(join(ROOT, 'tests', 'fixtures', 'all-forms'), dir, { recursive: true, filter: (src) => !src.endsWith('README.md') });
  return dir;
}

describe.each(DATASETS)('%s', (dataset) => {
  const data = dataset === 'all-forms' ? allForms() : join(ROOT, 'data-examples', dataset);
  const name = dataset.replace('schemes/', '');

  const FORMATS = LANGS.flatMap((lang) => (['md', 'json', 'xlsx', 'html'] as const).map((format) => [lang, format] as const));
  it.each(FORMATS)('the report (--lang %s --format %s)', async (lang, format) => {
    const out = mkdtempSync(join(tmpdir(), 'mj-langs-'));
    dirs.push(out);
    const r = await mj(['report', '2019', '--data', data, '--format', format, '--lang', lang, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    // The whole markup of the tiny example's and all-forms' pages; the others' visible text.
    golden(`languages/${name}.report.${lang}.${format}.txt`, await joined(out, '', name === 'tiny' || name === 'all-forms'));
  });

  it.each(LANGS)('--explain of every branch, unit and member, and every sheet (--lang %s)', async (lang) => {
    const parts: string[] = [];
    const scores = await mj(['score', '2019', '--data', data, '--format', 'json', '--lang', lang]);
    expect(scores.code, scores.stderr).toBe(0);
    for (const id of ids(scores.stdout)) {
      const r = await mj(['score', '2019', '--data', data, '--explain', id, '--lang', lang]);
      expect(r.code, r.stderr).toBe(0);
      parts.push(`=== --explain ${id}\n${r.stdout}`);
      const j = await mj(['score', '2019', '--data', data, '--explain', id, '--lang', lang, '--format', 'json']);
      parts.push(`=== --explain ${id} --format json\n${j.stdout}`);
    }
    const rubric = parse(readFileSync(join(data, 'rubrics', '2019.yaml'), 'utf8')) as { units?: { id: string }[]; members?: unknown };
    const sheets = [...(rubric.units ?? []).map((u) => u.id), ...(rubric.members ? ['members'] : [])];
    for (const sheet of sheets) {
      const table = await mj(['score', '2019', '--data', data, '--sheet', sheet, '--format', 'md', '--lang', lang]);
      expect(table.code, table.stderr).toBe(0);
      parts.push(`=== --sheet ${sheet}\n${table.stdout}`);
      const tableJson = await mj(['score', '2019', '--data', data, '--sheet', sheet, '--format', 'json', '--lang', lang]);
      parts.push(`=== --sheet ${sheet} --format json\n${tableJson.stdout}`);
      const json = await mj(['score', '2019', '--data', data, '--sheet', sheet, '--format', 'json', '--lang', lang]);
      for (const id of ids(json.stdout)) {
        const r = await mj(['score', '2019', '--data', data, '--sheet', sheet, '--explain', id, '--lang', lang]);
        expect(r.code, r.stderr).toBe(0);
        parts.push(`=== --sheet ${sheet} --explain ${id}\n${r.stdout}`);
        const j = await mj(['score', '2019', '--data', data, '--sheet', sheet, '--explain', id, '--lang', lang, '--format', 'json']);
        parts.push(`=== --sheet ${sheet} --explain ${id} --format json\n${j.stdout}`);
      }
    }
    golden(`languages/${name}.explain.${lang}.txt`, parts.join('\n'));
  });

  it.each(LANGS)('trend, progress and subsidy (--lang %s)', async (lang) => {
    const first = readdirSync(join(data, 'activities')).map((f) => Number(f.slice(0, 4))).sort()[0]!;
    const parts: string[] = [];
    for (const args of [['trend', `${first}..2019`], ['trend', `${first}..2019`, '--branches'], ['progress', '2019'], ['subsidy', '2019']]) {
      for (const format of ['md', 'json']) {
        const r = await mj([...args, '--data', data, '--format', format, '--lang', lang]);
        parts.push(`=== ${args.join(' ')} --format ${format} (exit ${r.code})\n${r.stdout}${r.stderr}`);
      }
    }
    golden(`languages/${name}.more.${lang}.txt`, parts.join('\n'));
  });
});

describe.each(['tiny', 'all-forms'])('every other table, with the options that change it (%s)', (dataset) => {
  it.each(LANGS)('--lang %s', async (lang) => {
    const data = dataset === 'all-forms' ? allForms() : join(ROOT, 'data-examples', dataset);
    const first = readdirSync(join(data, 'activities')).map((f) => Number(f.slice(0, 4))).sort()[0]!;
    const commands = [
      ['liaison', '2019'], ['liaison', '2019', '--unvisited'], ['liaison', '2019', '--org', 'gy', '--mask'],
      ['leadership', '2019'], ['leadership', '2019', '--org', 'gy'],
      ['inspections', '2019'], ['inspections', '2019', '--open'], ['inspections', '2019', '--open', '--as-of', '2019-06-30'], ['inspections', '--org', 'gy'],
      ['stats', 'branches', '2019', '--by', 'city'], ['stats', 'branches', '2019', '--org', 'gy'],
      ['stats', 'members', '2019', '--org', 'gy', '--mask'], ['stats', 'members', '2019', '--by', '市委会'],
      ['stats', 'roster', '2019'], ['stats', 'roster', '--as-of', '2019-06-30', '--org', 'gy'],
      ['stats', 'trainings', '2019'], ['stats', 'trainees', '2019', '--mask'], ['stats', 'reserve', '2019'], ['stats', 'reserve-structure', '2019'],
      ['progress', '2019', '--by', 'city'], ['progress', '2019', '--as-of', '2019-06-30', '--org', 'gy', '--mask'],
      ['trend', `${first}..2019`, '--org', 'gy'], ['trend', `${first}..2019`, '--branches', '--org', 'gy'],
      ['score', '2019', '--org', 'gy'], ['score', '2019', '--sheet', 'zz', '--org', 'gy'], ['score', '2019', '--sheet', 'members', '--org', 'gy-zz', '--mask'], ['subsidy', '2019', '--org', 'gy'],
      ['stats', 'reserve', '2019', '--mask', '--org', 'gy'],
    ];
    const parts: string[] = [];
    for (const args of commands) {
      for (const format of ['md', 'json']) {
        const r = await mj([...args, '--data', data, '--format', format, '--lang', lang]);
        parts.push(`=== ${args.join(' ')} --format ${format} (exit ${r.code})\n${r.stdout}${r.stderr}`);
      }
    }
    golden(`languages/${dataset}.tables.${lang}.txt`, parts.join('\n'));
  });
});

describe('terminal tables: the compact view of each table on an 80-column terminal, in both languages', () => {
  it.each(LANGS)('--lang %s', async (lang) => {
    const data = allForms();
    const parts: string[] = [];
    const commands = [
      ['score', '2019'], ['score', '2019', '--sheet', 'zz'], ['score', '2019', '--sheet', 'members'], ['subsidy', '2019'],
      ['stats', 'branches', '2019'], ['stats', 'members', '2019'], ['stats', 'roster', '2019'], ['stats', 'trainings', '2019'], ['stats', 'trainees', '2019'],
      ['stats', 'reserve', '2019'], ['stats', 'reserve-structure', '2019'], ['progress', '2019'], ['liaison', '2019'], ['leadership', '2019'], ['inspections', '2019'],
      ['trend', '2018..2019'], ['trend', '2018..2019', '--branches'],
    ];
    for (const args of commands) {
      const r = await mj([...args, '--data', data, '--format', 'table', '--no-color', '--lang', lang], { tty: true, columns: 80 });
      parts.push(`=== ${args.join(' ')} (exit ${r.code})\n${r.stdout}${r.stderr}`);
    }
    golden(`languages/all-forms.terminal.${lang}.txt`, parts.join('\n'));
  });
});

describe('mj diff between two bundled examples (tiny, and tiny under the all-forms rubric)', () => {
  it.each(LANGS.flatMap((lang) => (['md', 'json'] as const).map((format) => [lang, format] as const)))('--lang %s --format %s', async (lang, format) => {
    const r = await mj(['diff', join(ROOT, 'data-examples', 'tiny'), allForms(), '--format', format, '--lang', lang]);
    expect(r.code, r.stderr).toBe(0);
    // The second folder is a fresh temp copy: its name is not part of the golden.
    golden(`languages/diff.${lang}.${format}.txt`, r.stdout.replace(/\/[^\s"|)]*mj-all-forms-[A-Za-z0-9]+/g, '<all-forms>'));
  });
});
