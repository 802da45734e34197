// Reading a data file as text: binary detection, BOM, strict UTF-8, then GB18030 (what Chinese
// Excel writes) or the encoding the user names for files that are not UTF-8 (a fallback: a file
// that is valid UTF-8 is read as UTF-8 whatever is named), or one forced (the excerpts of a file
// read the way the loader read it). The only place that turns bytes into text.
// Streams in chunks, so file size does not set memory use.

import { open, stat, type FileHandle } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { tabSeparated } from './csv.js';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export const ENCODING_NAMES: Readonly<Record<string, Encoding>> = {
  'utf8': 'utf-8', 'utf-8': 'utf-8',
  'gb18030': 'gb18030', 'gbk': 'gb18030', 'gb2312': 'gb18030',
  'utf16le': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16': 'utf-16le',
  'utf16be': 'utf-16be', 'utf-16be': 'utf-16be',
};

export type ReadFailure =
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'io'; message: string }
  | { kind: 'binary'; offset: number }
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'undecodable'; encoding: Encoding; line: number; column: number };

export interface TextSource {
  readonly encoding: Encoding;
  /** True when the encoding was guessed as GB18030 because the bytes are not UTF-8. */
  readonly guessedGb18030: boolean;
  /**
   * True when lines end in CR alone (Excel for Mac's "CSV (Macintosh)"): chunks() then gives
   * them as LF, and the byte-level reader (which reads LF) must not be used.
   */
  readonly crOnly: boolean;
  /** The first line separates cells with tabs (Excel's "Unicode 文本"): read as it is, by the careful reader. */
  readonly tabs: boolean;
  readonly size: number;
  /** Decoded text, chunk by chunk, BOM removed. */
  chunks(): AsyncIterable<string>;
  /** The raw bytes after the BOM, chunk by chunk (for the byte-level reader of UTF-8 files). */
  bytes(): AsyncIterable<Buffer>;
  /** The same from `from` bytes after the BOM on. */
  bytesFrom(from: number): AsyncIterable<Buffer>;
  /** The file's path and the BOM's length: where bytes() starts. */
  readonly path: string;
  readonly skip: number;
}

const CHUNK = 1 << 22; // 4 MiB

export const DEFAULT_MAX_FILE_BYTES = 1 << 30; // 1 GiB

export async function openText(
  path: string,
  options: {
    encoding?: Encoding | undefined; fallback?: Encoding | undefined; maxBytes?: number | undefined; chunkBytes?: number | undefined;
    /**
     * The file was read whole before, in `encoding` (an excerpt's second look at a few lines):
     * no pass over the whole file for NUL bytes or undecodable ones.
     */
    checked?: boolean;
  } = {},
): Promise<{ ok: true; source: TextSource } | { ok: false; failure: ReadFailure }> {
  let fh: FileHandle;
  try {
    // Looked at before opening: opening a FIFO (or a device) for reading waits forever.
    if (!(await stat(path)).isFile()) return { ok: false, failure: { kind: 'not-a-file' } };
    fh = await open(path, 'r');
  } catch (e) {
    return { ok: false, failure: ioFailure(e) };
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { ok: false, failure: { kind: 'not-a-file' } };
    const limit = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (st.size > limit) return { ok: false, failure: { kind: 'too-large', size: st.size, limit } };
    const head = Buffer.alloc(Math.min(4, st.size));
    await fh.read(head, 0, head.length, 0);
    let encoding: Encoding;
    let skip = 0;
    let guessed = false;
    if (options.encoding) {
      encoding = options.encoding;
      if (encoding === 'utf-8' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) skip = 3;
      if (encoding.startsWith('utf-16') && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) skip = 2;
    } else if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      encoding = 'utf-8';
      skip = 3;
    } else if (head[0] === 0xff && head[1] === 0xfe) {
      encoding = 'utf-16le';
      skip = 2;
    } else if (head[0] === 0xfe && head[1] === 0xff) {
      encoding = 'utf-16be';
      skip = 2;
    } else {
      const sniff = await sniffUtf8(fh, st.size);
      const fallback = options.fallback;
      if (sniff.kind === 'binary' && fallback?.startsWith('utf-16')) {
        // UTF-16 without a BOM, as named: its NUL bytes are its ASCII characters' high bytes.
        encoding = fallback;
      } else if (sniff.kind === 'binary') return { ok: false, failure: sniff };
      else if (sniff.kind === 'not-utf-8' && fallback !== undefined) encoding = fallback;
      else if (sniff.kind === 'not-utf-8' && (await mostlyUtf8(fh, st.size))) {
        // A UTF-8 file with a few damaged bytes is not a GB18030 file: reading it as one would
        // garble every Chinese character. Name the first damaged spot instead.
        const at = await firstUndecodable(fh, st.size, 0, 'utf-8');
        return { ok: false, failure: { kind: 'undecodable', encoding: 'utf-8', ...at } };
      } else {
        encoding = sniff.kind === 'utf-8' ? 'utf-8' : 'gb18030';
        guessed = encoding === 'gb18030';
      }
    }
    const checked = options.checked === true && options.encoding !== undefined;
    if (!checked && !encoding.startsWith('utf-16') && (options.encoding || skip > 0)) {
      const nul = await findNul(fh, st.size);
      if (nul >= 0) return { ok: false, failure: { kind: 'binary', offset: nul } };
    }
    if (!checked && (encoding !== 'utf-8' || options.encoding !== undefined || (options.fallback !== undefined && encoding === options.fallback))) {
      // Check the whole file decodes before anyone consumes it.
      if (await failsToDecode(fh, st.size, skip, encoding)) {
        const at = await firstUndecodable(fh, st.size, skip, encoding);
        return { ok: false, failure: { kind: 'undecodable', encoding, ...at } };
      }
    }
    const size = st.size;
    const { crOnly, tabs } = await lineFacts(fh, size, skip, encoding);
    const source: TextSource = {
      encoding,
      guessedGb18030: guessed,
      crOnly,
      tabs,
      size,
      chunks: () => decodeChunks(path, skip, encoding, options.chunkBytes ?? CHUNK, crOnly),
      bytes: () => rawChunks(path, skip, options.chunkBytes ?? CHUNK),
      bytesFrom: (from: number) => rawChunks(path, skip + from, options.chunkBytes ?? CHUNK),
      path,
      skip,
    };
    return { ok: true, source };
  } catch (e) {
    return { ok: false, failure: ioFailure(e) };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

function ioFailure(e: unknown): ReadFailure {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'not-a-file' };
  return { kind: 'io', message: code ?? String(e) };
}

/**
 * The file's bytes from `from`, a chunk at a time. `reused`: every chunk is the same buffer,
 * overwritten by the next (for passes that look at each chunk and keep nothing of it: a look
 * at a national file then leaves no 300 MB of chunks behind for the collector).
 */
async function* readChunks(fh: FileHandle, size: number, from = 0, chunk = CHUNK, reused = false): AsyncGenerator<Buffer> {
  let pos = from;
  let one: Buffer | undefined;
  while (pos < size) {
    const want = Math.min(chunk, size - pos);
    const buf = reused ? (one ??= Buffer.allocUnsafe(want)) : Buffer.allocUnsafe(want);
    const { bytesRead } = await fh.read(buf, 0, want, pos);
    if (bytesRead === 0) break;
    pos += bytesRead;
    yield bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
  }
}

async function findNul(fh: FileHandle, size: number): Promise<number> {
  let base = 0;
  for await (const b of readChunks(fh, size, 0, CHUNK, true)) {
    const k = b.indexOf(0);
    if (k >= 0) return base + k;
    base += b.length;
  }
  return -1;
}

/** One pass: NUL bytes (binary), then whether the bytes are valid UTF-8. */
async function sniffUtf8(fh: FileHandle, size: number): Promise<{ kind: 'binary'; offset: number } | { kind: 'utf-8' | 'not-utf-8' }> {
  let base = 0;
  let carry: Buffer | null = null;
  let valid = true;
  for await (const chunk of readChunks(fh, size, 0, CHUNK, true)) {
    const k = chunk.indexOf(0);
    if (k >= 0) return { kind: 'binary', offset: base + k };
    base += chunk.length;
    if (!valid) continue;
    const b: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    // Hold back an incomplete trailing sequence for the next chunk.
    const cut = completeUpTo(b);
    if (!isUtf8(b.subarray(0, cut))) valid = false;
    carry = cut < b.length ? Buffer.from(b.subarray(cut)) : null;
  }
  if (carry && !isUtf8(carry)) valid = false;
  return { kind: valid ? 'utf-8' : 'not-utf-8' };
}

/**
 * Whether bytes that are not valid UTF-8 are still nearly all UTF-8 (fewer than 1 % of the
 * non-ASCII characters undecodable, among at least 20): a damaged UTF-8 file, not GB18030 text,
 * whose double bytes seldom form UTF-8. Looks at the first 4 MiB.
 */
async function mostlyUtf8(fh: FileHandle, size: number): Promise<boolean> {
  const head = Buffer.alloc(Math.min(size, 1 << 22));
  await fh.read(head, 0, head.length, 0);
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(head);
  let wide = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) wide++;
  }
  return wide >= 20 && bad * 100 < wide;
}

/** Length of the prefix of b that ends on a UTF-8 sequence boundary. */
function completeUpTo(b: Buffer): number {
  const n = b.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const c = b[n - back]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** Line and column of the first character the encoding cannot read (shown as U+FFFD). */
async function firstUndecodable(fh: FileHandle, size: number, skip: number, encoding: Encoding): Promise<{ line: number; column: number }> {
  const dec = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  let line = 1;
  let column = 1;
  for await (const b of readChunks(fh, size, skip, CHUNK, true)) {
    const text = dec.decode(b, { stream: true });
    for (const ch of text) {
      if (ch === '\uFFFD') return { line, column };
      if (ch === '\n') {
        line++;
        column = 1;
      } else column++;
    }
  }
  return { line, column };
}

async function failsToDecode(fh: FileHandle, size: number, skip: number, encoding: Encoding): Promise<boolean> {
  const dec = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  try {
    for await (const b of readChunks(fh, size, skip, CHUNK, true)) dec.decode(b, { stream: true });
    dec.decode();
    return false;
  } catch {
    return true;
  }
}

async function* rawChunks(path: string, skip: number, chunk: number): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    yield* readChunks(fh, st.size, skip, chunk);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/**
 * Whether the text's lines end in CR alone: the first 64 KiB hold a CR and no LF. (A file mixing
 * the two reads as LF lines, its CRs as text, as before.) And whether its first line is
 * separated by tabs.
 */
async function lineFacts(fh: FileHandle, size: number, skip: number, encoding: Encoding): Promise<{ crOnly: boolean; tabs: boolean }> {
  const head = Buffer.alloc(Math.min(size - skip, 1 << 16));
  if (head.length <= 0) return { crOnly: false, tabs: false };
  await fh.read(head, 0, head.length, skip);
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(head);
  const crOnly = text.includes('\r') && !text.includes('\n');
  return { crOnly, tabs: tabSeparated(crOnly ? text.replace(/\r/g, '\n') : text) };
}

async function* decodeChunks(path: string, skip: number, encoding: Encoding, chunk: number, crOnly: boolean): AsyncGenerator<string> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    const dec = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
    const lines = (t: string): string => (crOnly ? t.replace(/\r/g, '\n') : t);
    for await (const b of readChunks(fh, st.size, skip, chunk)) {
      const t = dec.decode(b, { stream: true });
      if (t.length > 0) yield lines(t);
    }
    const tail = dec.decode();
    if (tail.length > 0) yield lines(tail);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Reads a whole (small) file as text; the same rules as openText. */
export async function readWholeText(
  path: string,
  options: { encoding?: Encoding | undefined; fallback?: Encoding | undefined; maxBytes?: number | undefined } = {},
): Promise<{ ok: true; text: string; source: TextSource } | { ok: false; failure: ReadFailure }> {
  const r = await openText(path, options);
  if (!r.ok) return r;
  let text = '';
  try {
    for await (const c of r.source.chunks()) text += c;
  } catch (e) {
    return { ok: false, failure: ioFailure(e) };
  }
  return { ok: true, text, source: r.source };
}
