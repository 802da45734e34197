// Reading a sheet a branch sent in, whatever it is: an XLSX workbook (whatever its name ends
// in), or text — CSV or tab-separated, in UTF-8 (with or without a BOM), UTF-16 (Excel's
// "Unicode 文本", saved as .txt, with or without a BOM) or GB18030 — told apart by the bytes, not
// the file name. Hands over rows of cells with their positions, one by one; problems go to the context, on the
// file as the user named it (an absolute path), with the sheet or encoding kept in its facts.

import { open } from 'node:fs/promises';
import { containerKind } from '../source/zip.js';
import { CsvTokenizer } from '../source/csv.js';
import { openText, type Encoding } from '../source/decode.js';
import { openWorkbook, readSheetRows, type SheetCell } from '../source/xlsx.js';
import type { LoadContext } from './context.js';
import { reportFailure } from './files.js';
import type { TableCell, TableRow } from './sheet-table.js';
import { reportWorkbookFailure } from './xlsx-records.js';

/** A cell of a source sheet: its text, and for a workbook what Excel stored. */
export interface SourceCell extends TableCell {
  /** Character column in a text file (the cell's column in a workbook). */
  readonly at: number;
  /** The line a CSV cell starts on (a quoted cell may start on a later line than its record). */
  readonly line?: number;
  readonly cell?: SheetCell;
}

export interface SourceRow extends TableRow {
  readonly cells: readonly SourceCell[];
}

export interface SourceSheet {
  /** The file as diagnostics name it (absolute). */
  readonly file: string;
  readonly format: 'xlsx' | 'text';
  readonly sheet?: string;
  readonly encoding?: Encoding;
  readonly tabs?: boolean;
  readonly date1904: boolean;
}

/** Who takes a sheet: what it is first, then its rows one by one (none is kept here). */
export interface SheetSink {
  begin(sheet: SourceSheet): void;
  row(row: SourceRow): void;
}

async function head(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(n);
    const { bytesRead } = await fh.read(b, 0, n, 0);
    return b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** UTF-16 without a BOM: a NUL in every other byte of the first ones (ASCII text). */
function bomlessUtf16(b: Buffer): Encoding | undefined {
  if (b.length < 4) return undefined;
  let even = 0, odd = 0;
  const n = b.length - (b.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Reads one source sheet; undefined (reported) when it cannot be read. */
export async function readSourceSheet(ctx: LoadContext, file: string, options: { sheet?: string | undefined; encoding?: Encoding | undefined }, sink: SheetSink): Promise<SourceSheet | undefined> {
  let first: Buffer;
  try {
    first = await head(file, 1 << 12);
  } catch (e) {
    reportFailure(ctx, file, { kind: (e as { code?: string }).code === 'ENOENT' ? 'missing' : 'io', message: (e as { code?: string }).code ?? 'EIO' }, file);
    return undefined;
  }
  const kind = containerKind(first);
  if (kind !== 'other') return readWorkbookSheet(ctx, file, options.sheet, sink);
  const utf16 = bomlessUtf16(first);
  const r = await openText(file, { fallback: options.encoding ?? utf16, maxBytes: ctx.limits.maxFileBytes });
  if (!r.ok) {
    reportFailure(ctx, file, r.failure, file);
    return undefined;
  }
  const source = r.source;
  ctx.facts.set(file, { path: file, encoding: source.encoding, ...(source.tabs ? { tabs: true } : {}) });
  const info: SourceSheet = { file, format: 'text', encoding: source.encoding, tabs: source.tabs, date1904: false };
  sink.begin(info);
  const tok = new CsvTokenizer({
    record: (rec) => {
      const cells: SourceCell[] = [];
      rec.fields.forEach((text, k) => {
        if (text.trim() === '') return;
        const lead = text.length - text.trimStart().length;
        cells.push({ col: k + 1, text, at: (rec.cols[k] ?? 1) + (rec.quoted?.[k] ? 1 : 0) + lead, ...(rec.lines ? { line: rec.lines[k]! } : {}) });
      });
      if (cells.length > 0) sink.row({ row: rec.line, cells });
    },
    problem: (p) => {
      if (p.kind === 'unclosed-quote') ctx.report({ code: 'MJ101', file, line: p.line, column: p.column });
      else if (p.kind === 'text-after-quote') ctx.report({ code: 'MJ102', file, line: p.line, column: p.column });
      else ctx.report({ code: 'MJ107', file, line: p.line, column: p.column, params: { limit: p.limit } });
    },
  }, { maxRecord: ctx.limits.maxRecordChars, tabs: source.tabs });
  for await (const chunk of source.chunks()) tok.push(chunk);
  tok.end();
  return info;
}

async function readWorkbookSheet(ctx: LoadContext, file: string, sheet: string | undefined, sink: SheetSink): Promise<SourceSheet | undefined> {
  const max = ctx.limits.maxFileBytes;
  const opened = await openWorkbook(file, { sheet, limits: { maxFileBytes: max, maxInflatedBytes: max } });
  if (!opened.ok) {
    reportWorkbookFailure(ctx, file, opened.failure, file);
    return undefined;
  }
  const book = opened.book;
  ctx.facts.set(file, { path: file, sheet: book.sheet.name });
  if (book.reachesLastRow) {
    ctx.report({ code: 'MJ021', file, line: 0, column: 0 });
    return undefined;
  }
  const info: SourceSheet = { file, format: 'xlsx', sheet: book.sheet.name, date1904: book.date1904 };
  sink.begin(info);
  const result = await readSheetRows(book, (r) => {
    sink.row({ row: r.row, cells: r.cells.map((c) => ({ col: c.col, text: c.text, at: c.col, cell: c, ...(c.merged ? { merged: true } : {}) })) });
  });
  if (!result.ok) {
    reportWorkbookFailure(ctx, file, result.failure, file);
    return undefined;
  }
  return info;
}
