// The one place diagnostics become text: the message and hint in the user's language, and the
// three reports of `mj validate` — text (file:line:col, excerpt, caret, hint), GitHub workflow
// annotations, and JSON. Pure: excerpts and "did you mean" pools are passed in.

import { HINTS_EN, HINTS_ZH, MESSAGES_EN, MESSAGES_ZH, SEVERITY_WORD, type Code, type Lang } from './codes.js';
import { compareText } from '../util/compare.js';
import type { Diagnostic, SuggestPool } from './diagnostic.js';
import { term } from '../i18n/terms.js';
import { visible, visibleChar } from '../util/control-chars.js';
import { columnLetters } from '../util/cells.js';
import { mdText } from '../util/markdown.js';
import { displayWidth } from '../util/width.js';

export interface FormatContext {
  readonly lang: Lang;
  /** Resolves a "did you mean" suggestion. */
  readonly suggest: (value: string, pool: SuggestPool, candidates: readonly string[] | undefined) => string | undefined;
  /** Text of a line of a dataset file (1-based), when available. */
  readonly lineText: (file: string, line: number) => string | undefined;
  /** How a dataset-relative path is shown (relative to the current directory). */
  readonly showPath: (file: string) => string;
  /** The sheet read from a workbook: its diagnostics are placed at cells (members.xlsx!G12). */
  readonly sheetOf?: (file: string) => string | undefined;
  readonly color?: {
    readonly error: (s: string) => string;
    readonly warning: (s: string) => string;
    readonly dim: (s: string) => string;
    readonly bold: (s: string) => string;
  };
}

/** Longest parameter shown in a message, in characters: a pasted megabyte is not repeated. */
const PARAM_CHARS = 200;

/** A parameter as it is safe to print: cut when very long, control characters made visible. */
function shown(v: string): string {
  const cut = v.length > PARAM_CHARS ? [...v.slice(0, PARAM_CHARS * 2)].slice(0, PARAM_CHARS).join('') : v;
  return visible(cut.length < v.length ? cut + '…' : cut);
}

function fill(template: string, params: Readonly<Record<string, string | number>>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => {
    const v = params[key];
    return v === undefined ? m : shown(term(v, lang));
  });
}

export function message(d: Diagnostic, lang: Lang): string {
  const table = lang === 'zh' ? MESSAGES_ZH : MESSAGES_EN;
  return fill(table[d.code], d.params, lang);
}

/** Static hint of the code, with parameters filled in. */
export function staticHint(d: Diagnostic, lang: Lang): string | undefined {
  const t = (lang === 'zh' ? HINTS_ZH : HINTS_EN)[d.code];
  return t === undefined ? undefined : fill(t, d.params, lang);
}

const LIST_LIMIT = 12;

/** "是否为 X？" or the list of allowed values. */
export function suggestionHint(d: Diagnostic, ctx: FormatContext): string | undefined {
  const s = d.suggest;
  if (!s) return undefined;
  const zh = ctx.lang === 'zh';
  const words = s.answer === undefined ? undefined : typeof s.answer === 'string' ? [s.answer] : s.answer;
  const near = words === undefined ? ctx.suggest(s.value, s.pool, s.candidates) : undefined;
  const found = (words ?? (near === undefined ? [] : [near])).map(shown).join(zh ? ' 或 ' : ' or ');
  if (found !== '') return zh ? `是否为 ${found}？` : `did you mean ${found}?`;
  if (s.pool === 'values' && s.candidates && s.candidates.length > 0 && s.candidates.length <= LIST_LIMIT) {
    const list = s.candidates.map(shown);
    return zh ? `可选：${list.join('、')}` : `allowed: ${list.join(', ')}`;
  }
  return undefined;
}

function location(d: Diagnostic, ctx: FormatContext): string {
  const file = visible(ctx.showPath(d.file));
  if (d.line <= 0) return file;
  if (ctx.sheetOf?.(d.file) !== undefined) return `${file}!${cellName(d)}`;
  return d.column > 0 ? `${file}:${d.line}:${d.column}` : `${file}:${d.line}`;
}

/** The cell of a diagnostic in a sheet (a whole row: its first cell). */
function cellName(d: Diagnostic): string {
  return `${columnLetters(Math.max(1, d.column))}${d.line}`;
}

/** Under a diagnostic in a sheet: the sheet, the cell and the column, named. */
function sheetLine(d: Diagnostic, sheet: string, lang: Lang): string {
  const zh = lang === 'zh';
  if (d.line <= 0) return zh ? `  工作表“${sheet}”` : `  sheet "${sheet}"`;
  const column = d.label !== undefined && d.column > 0 ? (zh ? `，“${d.label}”列` : `, column "${d.label}"`) : '';
  return zh ? `  工作表“${sheet}”，单元格 ${cellName(d)}${column}` : `  sheet "${sheet}", cell ${cellName(d)}${column}`;
}

const EXCERPT_BEFORE = 40;
const EXCERPT_WIDTH = 100;

/**
 * The excerpt lines: the source line (windowed around the column) and a caret under the spot.
 * A control character of the line is never printed raw: it shows as a visible symbol (␛), the
 * caret placed by what is shown.
 */
export function excerpt(d: Diagnostic, ctx: FormatContext): string[] {
  if (d.line <= 0) return [];
  const text = ctx.lineText(d.file, d.line);
  if (text === undefined) return [];
  const col = Math.max(1, d.column) - 1;
  // Only the part of a (maybe very long) line around the column is ever looked at.
  const from = col > EXCERPT_BEFORE ? col - EXCERPT_BEFORE : 0;
  const chars = [...text.slice(0, Math.min(text.length, (col + EXCERPT_WIDTH) * 2 + 2)).replace(/\t/g, ' ')].map(visibleChar);
  let to = from;
  let width = 0;
  while (to < chars.length) {
    const w = displayWidth(chars[to]!);
    if (width + w > EXCERPT_WIDTH && to > col) break;
    width += w;
    to++;
  }
  const shown = chars.slice(from, to).join('');
  const cut = to < chars.length || text.length > chars.length;
  const pre = from > 0 ? '…' : '';
  const post = cut ? '…' : '';
  const gutter = String(d.line);
  const pad = ' '.repeat(gutter.length);
  const lines = [`  ${gutter} | ${pre}${shown}${post}`];
  if (d.column > 0) {
    const offset = displayWidth(pre + chars.slice(from, col).join(''));
    // Held to the shown window: a span over a megabyte cell ends where the excerpt does.
    const spanChars = chars.slice(col, Math.min(col + Math.max(1, d.span ?? 1), Math.max(to, col + 1))).join('');
    const width = Math.max(1, displayWidth(spanChars));
    lines.push(`  ${pad} | ${' '.repeat(offset)}${'^'.repeat(width)}`);
  }
  return lines;
}

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly byCode: readonly (readonly [Code, number])[];
}

export function summarize(list: readonly Diagnostic[]): Summary {
  let errors = 0;
  const counts = new Map<Code, number>();
  for (const d of list) {
    if (d.severity === 'error') errors++;
    counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  }
  const byCode = [...counts.entries()].sort((a, b) => compareText(a[0], b[0]));
  return { errors, warnings: list.length - errors, byCode };
}

/** Text report: up to `max` diagnostics in full (0 = all), then the counts by code. */
export function formatText(sorted: readonly Diagnostic[], ctx: FormatContext, max: number): string {
  const out: string[] = [];
  const shown = max > 0 ? sorted.slice(0, max) : sorted;
  const c = ctx.color;
  for (const d of shown) {
    const sev = SEVERITY_WORD[ctx.lang][d.severity];
    const sevText = c ? (d.severity === 'error' ? c.error(sev) : c.warning(sev)) : sev;
    const suggestion = suggestionHint(d, ctx);
    const where = d.file === '' ? '' : `${location(d, ctx)}: `;
    const head = `${where}${sevText} ${d.code} ${message(d, ctx.lang)}${suggestion ? ` — ${suggestion}` : ''}`;
    out.push(c ? c.bold(head) : head);
    const sheet = ctx.sheetOf?.(d.file);
    const under = sheet !== undefined ? [sheetLine(d, sheet, ctx.lang)] : excerpt(d, ctx);
    for (const l of under) out.push(c ? c.dim(l) : l);
    const hint = staticHint(d, ctx.lang);
    if (hint) out.push(`  ${ctx.lang === 'zh' ? '提示：' : 'hint: '}${hint}`);
  }
  if (sorted.length > 0) out.push('');
  out.push(summaryLine(sorted, ctx.lang, shown.length));
  return out.join('\n') + '\n';
}

export function summaryLine(sorted: readonly Diagnostic[], lang: Lang, shown: number): string {
  const s = summarize(sorted);
  const codes = s.byCode.map(([code, n]) => `${code} ×${n}`).join(lang === 'zh' ? '，' : ', ');
  const hidden = sorted.length - shown;
  if (lang === 'zh') {
    let line = `共 ${s.errors} 个错误，${s.warnings} 个警告`;
    if (codes) line += `（${codes}）`;
    if (hidden > 0) line += `；另有 ${hidden} 条未显示，用 --max-diagnostics 0 显示全部`;
    return line + '。';
  }
  let line = `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`;
  if (codes) line += ` (${codes})`;
  if (hidden > 0) line += `; ${hidden} more not shown, use --max-diagnostics 0 to show all`;
  return line + '.';
}

/** A diagnostic in a sheet, in JSON: its sheet and cell besides line (row) and column. */
function sheetOfJson(d: Diagnostic, ctx: FormatContext): { sheet?: string; cell?: string | null } {
  const sheet = ctx.sheetOf?.(d.file);
  return sheet === undefined ? {} : { sheet, cell: d.line > 0 ? cellName(d) : null };
}

function ghEscapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghEscapeProp(s: string): string {
  return ghEscapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub workflow annotations, one per line; then the summary as a notice. */
export function formatGithub(sorted: readonly Diagnostic[], ctx: FormatContext, max: number): string {
  const out: string[] = [];
  const shown = max > 0 ? sorted.slice(0, max) : sorted;
  for (const d of shown) {
    const props = d.file === '' ? [] : [`file=${ghEscapeProp(visible(ctx.showPath(d.file)))}`];
    // A workbook has no lines to annotate: the cell goes into the message.
    const sheet = ctx.sheetOf?.(d.file);
    if (d.line > 0 && sheet === undefined) props.push(`line=${d.line}`);
    if (d.column > 0 && sheet === undefined) props.push(`col=${d.column}`);
    props.push(`title=${ghEscapeProp(d.code)}`);
    const suggestion = suggestionHint(d, ctx);
    const hint = staticHint(d, ctx.lang);
    const where = sheet === undefined ? '' : `${sheetLine(d, sheet, ctx.lang).trim()}${ctx.lang === 'zh' ? '：' : ': '}`;
    const text = [where + message(d, ctx.lang) + (suggestion ? ` — ${suggestion}` : ''), hint].filter(Boolean).join(ctx.lang === 'zh' ? '。提示：' : '. Hint: ');
    out.push(`::${d.severity}${props.length > 0 ? ' ' : ''}${props.join(',')}::${ghEscapeData(text)}`);
  }
  out.push(summaryLine(sorted, ctx.lang, shown.length));
  return out.join('\n') + '\n';
}

export interface MarkdownSummaryOptions {
  /** How many problems are listed in full (the counts cover all). */
  readonly first: number;
  /** A web address of a file's line (GitHub's blob view), when there is one. */
  readonly link: (file: string, line: number) => string | undefined;
  /** The line that says what was read, when there are no errors. */
  readonly ok: string | undefined;
}

/**
 * A workflow job summary (GitHub's $GITHUB_STEP_SUMMARY, Markdown): a heading with the counts,
 * the counts by code with the first place of each, and the first problems with links to their
 * file and line. Text from the data is escaped, never markup.
 */
export function formatMarkdownSummary(sorted: readonly Diagnostic[], ctx: FormatContext, o: MarkdownSummaryOptions): string {
  const zh = ctx.lang === 'zh';
  const s = summarize(sorted);
  const place = (d: Diagnostic): string => {
    const text = mdText(d.file === '' ? (zh ? '数据集' : 'dataset') : visible(location(d, ctx)));
    const url = d.file === '' ? undefined : o.link(d.file, d.line);
    return url === undefined ? text : `[${text}](${url})`;
  };
  const out: string[] = [];
  if (s.errors === 0 && s.warnings === 0) {
    out.push(`### mj validate：${zh ? '✅ 检查通过' : '✅ all checks passed'}`, '');
    if (o.ok) out.push(mdText(o.ok), '');
    return out.join('\n');
  }
  const counts = zh ? `${s.errors} 个错误，${s.warnings} 个警告` : `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`;
  out.push(`### mj validate：${s.errors > 0 ? '❌' : '⚠️'} ${counts}`, '');
  if (s.errors === 0 && o.ok) out.push(mdText(o.ok), '');
  out.push(zh ? '| 代码 | 级别 | 个数 | 第一处 |' : '| Code | Severity | Count | First at |', '| --- | --- | ---: | --- |');
  for (const [code, n] of s.byCode) {
    const first = sorted.find((d) => d.code === code)!;
    out.push(`| ${code} | ${SEVERITY_WORD[ctx.lang][first.severity]} | ${n} | ${place(first)} |`);
  }
  out.push('');
  const shown = sorted.slice(0, o.first);
  out.push(zh ? (shown.length < sorted.length ? `前 ${shown.length} 个问题（全部：mj validate）：` : '问题：') : (shown.length < sorted.length ? `The first ${shown.length} problems (all of them: mj validate):` : 'Problems:'), '');
  shown.forEach((d, i) => {
    const suggestion = suggestionHint(d, ctx);
    out.push(`${i + 1}. ${place(d)} ${SEVERITY_WORD[ctx.lang][d.severity]} ${d.code} ${mdText(message(d, ctx.lang) + (suggestion ? ` — ${suggestion}` : ''))}`);
    const hint = staticHint(d, ctx.lang);
    if (hint) out.push(`   ${zh ? '提示：' : 'hint: '}${mdText(hint)}`);
  });
  out.push('');
  return out.join('\n');
}

/**
 * Every diagnostic as data, in pieces of a thousand (hundreds of thousands of problems are
 * never one string): the same text as JSON.stringify(doc, null, 2).
 */
export function* formatJson(sorted: readonly Diagnostic[], ctx: FormatContext, extra: Record<string, unknown> = {}): Generator<string> {
  const s = summarize(sorted);
  const head = JSON.stringify({ ...extra, errors: s.errors, warnings: s.warnings, byCode: Object.fromEntries(s.byCode), diagnostics: [] }, null, 2);
  if (sorted.length === 0) {
    yield head + '\n';
    return;
  }
  yield head.slice(0, head.length - '[]\n}'.length) + '[\n';
  for (let k = 0; k < sorted.length; k += 1000) {
    const part = sorted.slice(k, k + 1000).map((d) => {
      const suggestion = suggestionHint(d, ctx);
      const hint = [suggestion, staticHint(d, ctx.lang)].filter(Boolean).join(ctx.lang === 'zh' ? '；' : '; ');
      const entry = {
        severity: d.severity,
        code: d.code,
        file: d.file === '' ? null : visible(ctx.showPath(d.file)),
        line: d.line,
        column: d.column,
        ...(sheetOfJson(d, ctx)),
        field: d.field ?? null,
        message: message(d, ctx.lang),
        hint: hint || null,
      };
      return JSON.stringify(entry, null, 2).replace(/^/gm, '    ');
    });
    yield part.join(',\n') + (k + 1000 < sorted.length ? ',\n' : '\n');
  }
  yield '  ]\n}\n';
}
