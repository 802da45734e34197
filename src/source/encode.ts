// Text back to bytes in the encoding a file was read in, so that mj fmt and mj import leave a
// clerk's GB18030 or UTF-16 file in the encoding Excel gave it (Node encodes UTF-8 and UTF-16
// only). The GB18030 table is built once, from the decoder itself: every two-byte code, then the
// four-byte codes of the Basic Multilingual Plane; characters beyond it are computed.

import type { Encoding } from './decode.js';

let gbTable: Map<number, Buffer> | undefined;

function buildGbTable(): Map<number, Buffer> {
  const table = new Map<number, Buffer>();
  const dec = new TextDecoder('gb18030', { fatal: false });
  // Two-byte codes: lead 0x81–0xFE, trail 0x40–0x7E and 0x80–0xFE.
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const bytes = Buffer.from([a, b]);
      const s = dec.decode(bytes);
      if (s.length === 1 && s !== '\uFFFD') {
        const c = s.charCodeAt(0);
        if (!table.has(c)) table.set(c, bytes);
      }
    }
  }
  // Four-byte codes of the BMP: 0x81308130 … 0x8431A439.
  for (let a = 0x81; a <= 0x84; a++) {
    for (let b = 0x30; b <= 0x39; b++) {
      for (let c = 0x81; c <= 0xfe; c++) {
        for (let d = 0x30; d <= 0x39; d++) {
          const bytes = Buffer.from([a, b, c, d]);
          const s = dec.decode(bytes);
          if (s.length === 1 && s !== '\uFFFD') {
            const code = s.charCodeAt(0);
            if (!table.has(code)) table.set(code, bytes);
          }
        }
      }
    }
  }
  return table;
}

function gb18030(text: string): Buffer {
  gbTable ??= buildGbTable();
  const parts: Buffer[] = [];
  let ascii = '';
  const flush = (): void => {
    if (ascii !== '') parts.push(Buffer.from(ascii, 'latin1'));
    ascii = '';
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      ascii += ch;
      continue;
    }
    flush();
    if (cp > 0xffff) {
      // Supplementary planes: linear from 0x90308130.
      let n = cp - 0x10000;
      const d = 0x30 + (n % 10);
      n = Math.floor(n / 10);
      const c = 0x81 + (n % 126);
      n = Math.floor(n / 126);
      const b = 0x30 + (n % 10);
      const a = 0x90 + Math.floor(n / 10);
      parts.push(Buffer.from([a, b, c, d]));
      continue;
    }
    const bytes = gbTable.get(cp);
    if (bytes === undefined) throw new Error(`no GB18030 code for U+${cp.toString(16)}`);
    parts.push(bytes);
  }
  flush();
  return Buffer.concat(parts);
}

/** The bytes of `text` in `encoding`, with the BOM when `bom` (UTF-8 EF BB BF, UTF-16 FF FE / FE FF). */
export function encodeText(text: string, encoding: Encoding, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      le.swap16();
      return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), le]);
    }
    case 'gb18030':
      return gb18030(text);
  }
}
