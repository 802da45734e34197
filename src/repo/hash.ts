// File hashes that a checkout's line ends never change: SHA-256 of the bytes with every CR LF
// read as LF, as `mj report --check` compares text reports, so a clone with core.autocrlf=true
// hashes the same as the committed file. Workbooks (.xlsx) are binary and hashed as they are.
// Only regular files are read (never a FIFO); a missing file has no hash.

import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** Files compared byte for byte (binary); every other file compares line for line. */
export function isBinaryName(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

const CR = 0x0d;
const LF = 0x0a;
const CR_BYTE = Buffer.from([CR]);

/** Feeds bytes to a hash with CR LF read as LF, across chunk boundaries. */
export class EolHasher {
  private readonly hash: Hash = createHash('sha256');
  private pendingCr = false;

  constructor(private readonly binary: boolean) {}

  update(chunk: Uint8Array): void {
    if (this.binary) {
      this.hash.update(chunk);
      return;
    }
    if (chunk.length === 0) return;
    if (this.pendingCr) {
      if (chunk[0] !== LF) this.hash.update(CR_BYTE);
      this.pendingCr = false;
    }
    let start = 0;
    for (let i = chunk.indexOf(CR); i >= 0; i = chunk.indexOf(CR, i + 1)) {
      if (i + 1 === chunk.length) {
        this.hash.update(chunk.subarray(start, i));
        this.pendingCr = true;
        return;
      }
      if (chunk[i + 1] === LF) {
        this.hash.update(chunk.subarray(start, i));
        start = i + 1;
      }
    }
    this.hash.update(chunk.subarray(start));
  }

  /** `sha256:` and 64 hex digits. */
  digest(): string {
    if (this.pendingCr) this.hash.update(CR_BYTE);
    this.pendingCr = false;
    return `sha256:${this.hash.digest('hex')}`;
  }
}

/**
 * The hash of a file's content, or undefined when it is missing or not a regular file. `name`
 * decides whether it is binary (a temp file is named for the file it will become).
 */
export async function fileHash(path: string, name: string = path): Promise<string | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const h = new EolHasher(isBinaryName(name));
  try {
    for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return h.digest();
}

/** The hash of bytes held in memory, by the same rule. */
export function bytesHash(name: string, bytes: Uint8Array): string {
  const h = new EolHasher(isBinaryName(name));
  h.update(bytes);
  return h.digest();
}
