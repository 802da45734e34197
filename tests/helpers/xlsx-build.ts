// Builds XLSX workbooks byte by byte for tests: the sheet XML written out (so a test can hold a
// formula without a cached value, a 0000 number format, merged ranges, a chart sheet, a cell in
// Excel's last row), zipped by a small writer that can also declare false sizes or repeat a
// deflate stream (zip bombs), and fake OLE files (encrypted workbooks, old .xls).

import { crc32, deflateRawSync, constants } from 'node:zlib';

export type CellSpec =
  | string
  | number
  | boolean
  | null
  | { n: number; fmt?: string }
  | { date: string; fmt?: string }
  | { f: string; v?: number | string; fmt?: string }
  | { error: string }
  | { s: string; inline: true };

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly CellSpec[])[];
  /** First row number of `rows` (1 unless a test starts lower). */
  readonly firstRow?: number;
  readonly merges?: readonly string[];
  readonly state?: 'hidden';
  /** A chart sheet instead of a worksheet. */
  readonly chart?: boolean;
  /** Extra rows written after `rows`, by number (e.g. Excel's last row). */
  readonly extraRows?: readonly { row: number; cells: readonly CellSpec[] }[];
}

export interface BookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly date1904?: boolean;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const col = (n: number): string => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

function serialOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

/** The parts of a workbook, in the order Excel writes them (sheets before shared strings). */
export function workbookParts(spec: BookSpec): [string, string][] {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const sst = (s: string): number => {
    let k = stringIndex.get(s);
    if (k === undefined) {
      k = strings.length;
      strings.push(s);
      stringIndex.set(s, k);
    }
    return k;
  };
  const fmts: string[] = [];
  const styleOf = (fmt: string | undefined): number => {
    if (fmt === undefined) return 0;
    let k = fmts.indexOf(fmt);
    if (k < 0) {
      fmts.push(fmt);
      k = fmts.length - 1;
    }
    return k + 1;
  };
  const cellXml = (c: CellSpec, ref: string): string => {
    if (c === null) return '';
    if (typeof c === 'string') return c === '' ? '' : `<c r="${ref}" t="s"><v>${sst(c)}</v></c>`;
    if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
    if (typeof c === 'boolean') return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
    if ('inline' in c) return `<c r="${ref}" t="inlineStr"><is><t>${esc(c.s)}</t></is></c>`;
    if ('error' in c) return `<c r="${ref}" t="e"><v>${esc(c.error)}</v></c>`;
    if ('f' in c) {
      const s = styleOf(c.fmt);
      const v = c.v === undefined ? '' : `<v>${esc(String(c.v))}</v>`;
      return `<c r="${ref}"${s ? ` s="${s}"` : ''}${typeof c.v === 'string' ? ' t="str"' : ''}><f>${esc(c.f)}</f>${v}</c>`;
    }
    if ('date' in c) return `<c r="${ref}" s="${styleOf(c.fmt ?? 'yyyy-mm-dd')}"><v>${serialOf(c.date)}</v></c>`;
    const s = styleOf(c.fmt);
    return `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${c.n}</v></c>`;
  };
  const sheetXml = spec.sheets.map((sh) => {
    if (sh.chart) return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>';
    const first = sh.firstRow ?? 1;
    const rows = sh.rows.map((cells, i) => ({ row: first + i, cells }));
    const all = [...rows, ...(sh.extraRows ?? [])];
    const body = all.map(({ row, cells }) => `<row r="${row}">${cells.map((c, k) => cellXml(c, `${col(k + 1)}${row}`)).join('')}</row>`).join('');
    const merges = sh.merges && sh.merges.length > 0 ? `<mergeCells count="${sh.merges.length}">${sh.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${body}</sheetData>${merges}</worksheet>`;
  });
  const sheetsXml = spec.sheets.map((sh, i) => `<sheet name="${esc(sh.name)}" sheetId="${i + 1}"${sh.state ? ` state="${sh.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${spec.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheetsXml}</sheets></workbook>`;
  const n = spec.sheets.length;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${spec.sheets.map((sh, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${sh.chart ? 'chartsheet' : 'worksheet'}" Target="${sh.chart ? 'chartsheets' : 'worksheets'}/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const numFmts = fmts.length === 0 ? '' : `<numFmts count="${fmts.length}">${fmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join('')}</numFmts>`;
  const xfs = `<cellXfs count="${fmts.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${fmts.map((_f, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>${xfs}</styleSheet>`;
  const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  return [
    ['[Content_Types].xml', types],
    ['_rels/.rels', rootRels],
    ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', rels],
    ...spec.sheets.map((sh, i): [string, string] => [`xl/${sh.chart ? 'chartsheets' : 'worksheets'}/sheet${i + 1}.xml`, sheetXml[i]!]),
    ['xl/styles.xml', styles],
    ['xl/sharedStrings.xml', shared],
  ];
}

export interface RawEntry {
  readonly name: string;
  /** Bytes as stored (deflated unless `stored`). */
  readonly data: Buffer;
  /** The inflated size written into the headers (a lie, for bombs). */
  readonly size: number;
  readonly crc: number;
  readonly stored?: boolean;
  readonly encrypted?: boolean;
}

export function entry(name: string, content: string | Buffer): RawEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/** A ZIP of these entries (times fixed at the DOS epoch). */
export function zip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const flags = (e.encrypted ? 1 : 0) | 0x800;
    const method = e.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export function xlsx(spec: BookSpec): Buffer {
  return zip(workbookParts(spec).map(([name, text]) => entry(name, text)));
}

/**
 * A deflate stream of `blocks` × 64 MiB of zeros (about 64 KiB per block compressed): the
 * payload of a zip bomb, made in a fraction of a second.
 */
export function zeroBomb(blocks: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(64 << 20), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  return Buffer.concat([...Array.from({ length: blocks }, () => block), Buffer.from([0x03, 0x00])]);
}

/** An OLE compound file holding streams of these names (only what mj looks at). */
export function oleFile(streams: readonly string[]): Buffer {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const dir = Buffer.concat(streams.map((s) => {
    const e = Buffer.alloc(128);
    Buffer.from(s, 'utf16le').copy(e);
    return e;
  }));
  return Buffer.concat([head, Buffer.alloc(504), dir]);
}
