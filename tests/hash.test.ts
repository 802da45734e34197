// File hashes of closed years (src/repo/hash.ts): CR LF reads as LF wherever a chunk of the file
// ends, a lone CR stays a CR, and a workbook is hashed byte for byte.

import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesHash, EolHasher, fileHash } from '../src/repo/hash.js';
import { scratchDirs } from './helpers/fixtures.js';

const scratch = scratchDirs('mj-hash-');
const sha = (b: Uint8Array | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

describe('EolHasher', () => {
  it('reads CR LF as LF across any split into chunks, and keeps a lone CR', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', '中', '\r', '\n', '\r\n', ','), { maxLength: 40 }), fc.array(fc.nat(200), { maxLength: 6 }), (parts, cuts) => {
      const bytes = Buffer.from(parts.join(''), 'utf8');
      const h = new EolHasher(false);
      let at = 0;
      for (const c of [...cuts].sort((x, y) => x - y)) {
        const to = Math.min(c, bytes.length);
        if (to < at) continue;
        h.update(bytes.subarray(at, to));
        at = to;
      }
      h.update(bytes.subarray(at));
      expect(h.digest()).toBe(sha(parts.join('').replace(/\r\n/g, '\n')));
    }));
  });

  it('hashes a CRLF checkout like the committed LF file; a workbook byte for byte', async () => {
    const d = scratch();
    writeFileSync(join(d, 'a.csv'), 'x,y\r\n1,2\r\n');
    expect(await fileHash(join(d, 'a.csv'))).toBe(sha('x,y\n1,2\n'));
    writeFileSync(join(d, 'a.xlsx'), 'x\r\n');
    expect(await fileHash(join(d, 'a.xlsx'))).toBe(sha('x\r\n'));
    expect(bytesHash('a.xlsx', Buffer.from('x\r\n'))).toBe(sha('x\r\n'));
    expect(await fileHash(join(d, 'missing.csv'))).toBeUndefined();
    expect(await fileHash(d)).toBeUndefined();
  });
});
