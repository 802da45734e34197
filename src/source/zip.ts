// The container of an XLSX file, looked at before any XLSX reader touches it: what kind of file
// it is (a ZIP, an OLE compound file — an encrypted workbook or an old .xls — or neither), its
// central directory, and each entry's real inflated size, counted while inflating and never
// trusted from the headers. That is what keeps a zip bomb named .xlsx from costing more than
// the limits allow: the reader that follows inflates the very same bytes.

import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { crc32, createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** As the central directory declares it. */
  readonly size: number;
  readonly crc: number;
  readonly localOffset: number;
}

export type ContainerKind = 'zip' | 'cfb' | 'other';

export type ZipFailure =
  | { kind: 'not-a-file' }
  | { kind: 'missing' }
  | { kind: 'io'; message: string }
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'encrypted' }
  | { kind: 'legacy-xls' }
  | { kind: 'not-a-workbook' }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'bomb'; size: number; limit: number; ratio: number };

export interface ZipLimits {
  /** Largest file, in bytes. */
  readonly maxFileBytes: number;
  /** Largest sum of the entries' inflated sizes, in bytes. */
  readonly maxInflatedBytes: number;
  /** Largest inflated ÷ compressed ratio of an entry bigger than `ratioFrom` bytes. */
  readonly maxRatio: number;
  readonly ratioFrom: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxFileBytes: 1 << 30, maxInflatedBytes: 1 << 30, maxRatio: 200, ratioFrom: 16 << 20 };

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What kind of container the first bytes show. */
export function containerKind(head: Uint8Array): ContainerKind {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head.length >= 8 && Buffer.from(head.subarray(0, 8)).equals(CFB_MAGIC)) return 'cfb';
  return 'other';
}

export class ZipError extends Error {
  constructor(readonly failure: ZipFailure) {
    super(failure.kind);
  }
}

function ioFailure(e: unknown): ZipFailure {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'not-a-file' };
  return { kind: 'io', message: code ?? String(e) };
}

/**
 * Reads the central directory of a ZIP file, after telling apart the containers that are not
 * one: an encrypted workbook and an old .xls are both OLE compound files.
 */
export async function readZipDirectory(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<{ ok: true; entries: ZipEntry[]; size: number } | { ok: false; failure: ZipFailure }> {
  let fh: FileHandle;
  try {
    if (!(await stat(path)).isFile()) return { ok: false, failure: { kind: 'not-a-file' } };
    fh = await open(path, 'r');
  } catch (e) {
    return { ok: false, failure: ioFailure(e) };
  }
  try {
    const size = (await fh.stat()).size;
    if (size > limits.maxFileBytes) return { ok: false, failure: { kind: 'too-large', size, limit: limits.maxFileBytes } };
    const head = Buffer.alloc(Math.min(8, size));
    await fh.read(head, 0, head.length, 0);
    const kind = containerKind(head);
    if (kind === 'cfb') return { ok: false, failure: (await cfbHolds(fh, size, ['EncryptionInfo', 'EncryptedPackage'])) ? { kind: 'encrypted' } : { kind: 'legacy-xls' } };
    if (kind === 'other') return { ok: false, failure: { kind: 'not-a-workbook' } };
    const entries = await centralDirectory(fh, size);
    if (!Array.isArray(entries)) return { ok: false, failure: entries };
    return { ok: true, entries, size };
  } catch (e) {
    return { ok: false, failure: ioFailure(e) };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Whether an OLE compound file names one of these streams (its directory holds UTF-16 names). */
async function cfbHolds(fh: FileHandle, size: number, names: readonly string[]): Promise<boolean> {
  const wanted = names.map((n) => Buffer.from(n, 'utf16le'));
  const chunk = 1 << 20;
  const overlap = 64;
  for (let pos = 0; pos < size; pos += chunk) {
    const buf = Buffer.alloc(Math.min(chunk + overlap, size - pos));
    await fh.read(buf, 0, buf.length, pos);
    if (wanted.some((w) => buf.includes(w))) return true;
  }
  return false;
}

const EOCD = 0x06054b50, EOCD64 = 0x06064b50, EOCD64_LOCATOR = 0x07064b50, CENTRAL = 0x02014b50, LOCAL = 0x04034b50;

async function centralDirectory(fh: FileHandle, size: number): Promise<ZipEntry[] | ZipFailure> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = Buffer.alloc(tailLength);
  await fh.read(tail, 0, tailLength, size - tailLength);
  let at = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return { kind: 'corrupt', reason: '@zip-truncated' };
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = at - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== EOCD64_LOCATOR) return { kind: 'corrupt', reason: '@zip-truncated' };
    const recordAt = Number(tail.readBigUInt64LE(loc + 8));
    const rec = Buffer.alloc(56);
    if (recordAt + 56 > size) return { kind: 'corrupt', reason: '@zip-truncated' };
    await fh.read(rec, 0, 56, recordAt);
    if (rec.readUInt32LE(0) !== EOCD64) return { kind: 'corrupt', reason: '@zip-truncated' };
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size || count > 100_000 || cdSize > 64 << 20) return { kind: 'corrupt', reason: '@zip-truncated' };
  const cd = Buffer.alloc(cdSize);
  await fh.read(cd, 0, cdSize, cdOffset);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) return { kind: 'corrupt', reason: '@zip-directory' };
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc = cd.readUInt32LE(p + 16);
    let compressedSize = cd.readUInt32LE(p + 20);
    let entrySize = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
    // Zip64: the sizes and offset that do not fit in 32 bits, in this order.
    let x = p + 46 + nameLength;
    const xEnd = x + extraLength;
    while (x + 4 <= xEnd) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        const take = (): number => {
          const v = q + 8 <= x + 4 + len ? Number(cd.readBigUInt64LE(q)) : 0;
          q += 8;
          return v;
        };
        if (entrySize === 0xffffffff) entrySize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
      }
      x += 4 + len;
    }
    if (localOffset + 30 > size || localOffset + compressedSize > size) return { kind: 'corrupt', reason: '@zip-directory' };
    entries.push({ name, method, flags, compressedSize, size: entrySize, crc, localOffset });
    p = xEnd + commentLength;
  }
  return entries;
}

/** Offset of an entry's data: past its local header, whose name and extra lengths may differ from the directory's. */
async function dataOffset(path: string, entry: ZipEntry): Promise<number> {
  const fh = await open(path, 'r');
  try {
    const h = Buffer.alloc(30);
    await fh.read(h, 0, 30, entry.localOffset);
    if (h.readUInt32LE(0) !== LOCAL) throw new ZipError({ kind: 'corrupt', reason: '@zip-directory' });
    return entry.localOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/**
 * An entry's inflated bytes, chunk by chunk. Never yields more than the size the directory
 * declares: a deflate stream that runs past it is a bomb (or a corrupt file), and stops here.
 */
export async function* inflateEntry(path: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.flags & 1) throw new ZipError({ kind: 'encrypted' });
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError({ kind: 'corrupt', reason: '@zip-method' });
  if (entry.compressedSize === 0) return;
  const start = await dataOffset(path, entry);
  const input = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  const source: AsyncIterable<Buffer> = entry.method === 8 ? input.pipe(createInflateRaw({ chunkSize: 1 << 16 })) : input;
  let n = 0;
  try {
    for await (const chunk of source) {
      n += chunk.length;
      if (n > entry.size) throw new ZipError({ kind: 'corrupt', reason: '@zip-size' });
      yield chunk;
    }
  } catch (e) {
    if (e instanceof ZipError) throw e;
    if ((e as { code?: string }).code?.startsWith('Z_')) throw new ZipError({ kind: 'corrupt', reason: '@zip-inflate' });
    throw e;
  } finally {
    input.destroy();
    if (source !== input) (source as unknown as { destroy(): void }).destroy();
  }
  if (n !== entry.size) throw new ZipError({ kind: 'corrupt', reason: '@zip-size' });
}

/** Whether the declared sizes stay inside the limits; the bomb failure when not. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipFailure | undefined {
  let total = 0;
  let worst = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > limits.ratioFrom) worst = Math.max(worst, e.size / Math.max(1, e.compressedSize));
  }
  const ratio = Math.round(entries.reduce((r, e) => Math.max(r, e.size / Math.max(1, e.compressedSize)), 0));
  if (total > limits.maxInflatedBytes || worst > limits.maxRatio) return { kind: 'bomb', size: total, limit: limits.maxInflatedBytes, ratio };
  if (entries.some((e) => e.flags & 1)) return { kind: 'encrypted' };
  return undefined;
}

/**
 * A ZIP, as a stream, of these entries stored (not deflated) in this order: each inflated from
 * the original file (never past its declared size) and written with its known size and CRC.
 * How a reader that takes the parts in the order it finds them gets them in the order it needs.
 */
export async function* storedZip(path: string, parts: readonly { entry: ZipEntry; as?: string; text?: string }[]): AsyncGenerator<Buffer> {
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.as ?? part.entry.name, 'utf8');
    const body = part.text === undefined ? undefined : Buffer.from(part.text, 'utf8');
    const size = body ? body.length : part.entry.size;
    const crc = body ? crc32(body) : part.entry.crc;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt32LE(0x00210000, 10);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(size, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    yield local;
    yield name;
    if (body) yield body;
    else yield* inflateEntry(path, part.entry);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(CENTRAL, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt32LE(0x00210000, 12);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(size, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + size;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  yield cd;
  yield end;
}
