import { describe, expect, it } from 'vitest';
import { ownCopy } from '../src/util/strings.js';

describe('ownCopy', () => {
  it('gives the same characters, for short, long, empty and non-BMP text', () => {
    const chunk = `${'x'.repeat(1000)}六盘水职业技术学院大数据与信息工程学院${'y'.repeat(1000)}`;
    const cell = chunk.slice(1000, 1019);
    for (const s of [cell, '', 'a', '汉族', '𠀀𠀁 family', 'tab\there', 'nul\u0000inside']) {
      const c = ownCopy(s);
      expect(c).toBe(s);
      expect(c.length).toBe(s.length);
    }
  });
});
