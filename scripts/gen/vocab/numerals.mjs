// Chinese numerals for generated names: 第二支部, 第三中学, （第二期）.

const CN_DIGITS = '〇一二三四五六七八九';
/** n in Chinese numerals, as in 第十二支部 (0–999; larger n in Arabic digits) */
export function cn(n) {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 1000) {
    const h = Math.floor(n / 100), r = n % 100;
    if (!r) return `${CN_DIGITS[h]}百`;
    return `${CN_DIGITS[h]}百${r < 10 ? '零' : ''}${r < 20 && r >= 10 ? '一' : ''}${cn(r)}`;
  }
  return String(n);
}
