// The one table from output format to renderer, for each kind of document mj writes: tables
// (every statistics table and score sheet), explanations (--explain), the official score forms,
// what a change does to the results (mj diff), and the report as a web site (many files). One
// file per format holds the drawing; the terminal, XLSX and HTML renderers are loaded only when
// used (HTML loads ECharts). A format a kind cannot be drawn in has no entry, and the command
// says which formats there are.

import { headers, type TableLang } from '../tables/headers.js';
import type { DiffDoc } from '../tables/diff-doc.js';
import type { ExplainDoc } from '../tables/explain-doc.js';
import type { ReportSite } from '../tables/report-site.js';
import type { ScoreFormsDoc } from '../tables/score-form.js';
import type { Table } from '../tables/table.js';
import type { Content } from '../write/atomic.js';
import { csvChunks } from './csv.js';
import { renderDiffJson } from './diff-json.js';
import { renderDiffMarkdown } from './diff-markdown.js';
import { renderDiffText } from './diff-text.js';
import { renderExplainJson } from './explain-json.js';
import { renderExplainMarkdown } from './explain-markdown.js';
import { renderExplainText } from './explain-text.js';
import { renderJson } from './json.js';
import { markdownChunks } from './markdown.js';

export type OutputFormat = 'table' | 'csv' | 'md' | 'json' | 'xlsx';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'csv', 'md', 'json', 'xlsx'];

export interface RenderOptions {
  readonly lang: TableLang;
  /** Colour codes (a terminal only; never in a file). */
  readonly color: boolean;
  /** CSV for Excel: a BOM and CRLF. */
  readonly excel: boolean;
  /** 填表单位 (XLSX footer): the dataset's name. */
  readonly unit: string;
  /** 填表日期 (XLSX footer), or blank; never the clock. */
  readonly date: string | undefined;
  /** The terminal's columns, when a table is shown on one (it is laid out to fit); else undefined. */
  readonly width?: number | undefined;
  /** Every column on a terminal too (--wide). */
  readonly wide?: boolean;
}

export type Renderer<D> = (doc: D, options: RenderOptions) => Content | Promise<Content>;

const notesHeading = (lang: TableLang): string => headers(lang).notes;

export const TABLE_RENDERERS: Readonly<Record<OutputFormat, Renderer<Table>>> = {
  table: async (t, o) => (await import('./terminal.js')).renderTerminal(t, { color: o.color, notesHeading: notesHeading(o.lang), lang: o.lang, width: o.width, wide: o.wide === true }),
  csv: (t, o) => csvChunks(t, { excel: o.excel }),
  md: (t, o) => markdownChunks(t, { notesHeading: notesHeading(o.lang) }),
  json: (t) => renderJson(t),
  xlsx: async (t, o) => (await import('./xlsx.js')).renderXlsx(t, { unit: o.unit, date: o.date, lang: o.lang }),
};

export const EXPLAIN_RENDERERS: Readonly<Partial<Record<OutputFormat, Renderer<ExplainDoc>>>> = {
  table: (d) => renderExplainText(d),
  md: (d) => renderExplainMarkdown(d),
  json: (d) => renderExplainJson(d),
};

/** What a change to the data does to the results (mj diff). */
export const DIFF_RENDERERS: Readonly<Partial<Record<OutputFormat, Renderer<DiffDoc>>>> = {
  table: (d) => renderDiffText(d),
  md: (d) => renderDiffMarkdown(d),
  json: (d) => renderDiffJson(d),
};

/** The official score forms: a workbook of the summary and one sheet per branch in XLSX; the summary elsewhere. */
export const SCORE_FORMS_RENDERERS: Readonly<Record<OutputFormat, Renderer<ScoreFormsDoc>>> = {
  table: (d, o) => TABLE_RENDERERS.table(d.summary, o),
  csv: (d, o) => TABLE_RENDERERS.csv(d.summary, o),
  md: (d, o) => TABLE_RENDERERS.md(d.summary, o),
  json: (d, o) => TABLE_RENDERERS.json(d.summary, o),
  xlsx: async (d, o) => (await import('./xlsx-form.js')).renderScoreForms(d.summary, d.forms, { unit: o.unit, date: o.date, lang: o.lang }),
};

/** A file of a document drawn as many files: its path inside the document's folder, and its bytes. */
export interface RenderedFile {
  readonly name: string;
  readonly data: Content;
}

/** Formats that draw a document as many files. */
export type SiteFormat = 'html';

export type FilesRenderer<D> = (doc: D, options: RenderOptions) => AsyncIterable<RenderedFile>;

/** The year's report as a static web site (mj report --format html). */
export const SITE_RENDERERS: Readonly<Record<SiteFormat, FilesRenderer<ReportSite>>> = {
  html: async function* (site, o) {
    yield* (await import('./html.js')).renderSite(site, { notesHeading: notesHeading(o.lang) });
  },
};
