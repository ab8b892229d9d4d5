/** The national 学籍号: G and the pupil's 18-character 身份证号 (17 digits and a digit or X). */
const NATIONAL_ID = /^G(\d{17}[\dX])$/;

/**
 * A pupil id in the form that two writings of the same id share, for telling duplicates: NFKC
 * (full-width digits), spaces removed, a leading apostrophe or an Excel `="…"` formula unwrapped,
 * a 身份证号's check letter x upper case, and the G of a national 学籍号 before its 身份证号 dropped
 * (G370… and 370… are one pupil). Other ids keep their letters' case and leading zeros: a temporary
 * L number, or a local id padded in one file and not in another, may be another pupil's.
 */
export function pupilIdKey(id: string): string {
  let key = id.normalize('NFKC').replace(/\s+/g, '');
  const formula = /^="(.*)"$/.exec(key);
  if (formula) key = formula[1];
  key = key.replace(/^'/, '');
  if (/^[Gg]?\d{17}[\dXx]$/.test(key)) key = key.toUpperCase();
  return NATIONAL_ID.exec(key)?.[1] ?? key;
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
