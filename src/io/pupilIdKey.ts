/** An 18-character 身份证号 (17 digits and a digit or X) after the national 学籍号's G (or L, a temporary one). */
const NATIONAL_ID = /^[GL](\d{17}[\dX])$/;

/**
 * A pupil id in the form that two writings of the same id share, for telling duplicates: NFKC
 * (full-width digits), spaces removed, upper case, a leading apostrophe or an Excel `="…"` formula
 * unwrapped, the G (or L) of a national 学籍号 before its 18-character 身份证号 dropped, and the
 * leading zeros of an all-digit id dropped (Excel drops them from a number cell).
 */
export function pupilIdKey(id: string): string {
  let key = id.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const formula = /^="(.*)"$/.exec(key);
  if (formula) key = formula[1];
  key = key.replace(/^'/, '');
  key = NATIONAL_ID.exec(key)?.[1] ?? key;
  return /^\d+$/.test(key) ? key.replace(/^0+(?=\d)/, '') : key;
}

/** An id Excel wrote in scientific notation (3.70783E+17): its digits are lost. */
export function isScientificId(id: string): boolean {
  return /^\d(?:\.\d+)?E\+?\d+$/i.test(id.normalize('NFKC').trim());
}

/**
 * Whether an all-digit id of more than 15 digits has only zeros after its 15th: what Excel leaves
 * of an 18-digit number it stored (it keeps 15 significant digits), so that distinct pupils born
 * the same day share it.
 */
export function looksRoundedByExcel(key: string): boolean {
  return /^\d{16,}$/.test(key) && /^0+$/.test(key.slice(15));
}
