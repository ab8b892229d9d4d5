const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A number written in Arabic digits ("12") or Chinese numerals (十二, 二十一, 一百零五, 两); undefined
 * when the text is not one (一二 is two digits, not a number word).
 */
export function parseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '' || !/^[零〇一二两三四五六七八九十百]+$/.test(text)) return undefined;
  let total = 0;
  let digit = -1;
  for (const c of text) {
    if (c === '百' || c === '十') {
      total += (digit < 0 ? 1 : digit) * (c === '百' ? 100 : 10);
      digit = -1;
    } else if (digit >= 0) {
      return undefined;
    } else {
      digit = DIGIT[c];
    }
  }
  return total + Math.max(digit, 0);
}
