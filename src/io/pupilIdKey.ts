/** The national 学籍号: G and the pupil's 18-character 身份证号 (17 digits and a digit or X). */
const NATIONAL_ID = /^[Gg]\d{17}[\dXx]$/;

/**
 * A pupil id in the form that two writings of the same id share, for telling duplicates: NFKC
 * (full-width digits), spaces removed, a leading apostrophe or an Excel `="…"` formula unwrapped,
 * a 身份证号's check letter x upper case, and the G of a national 学籍号 before its 身份证号 dropped
 * (G370… and 370… are one pupil). Other ids keep their letters' case and leading zeros: a temporary
 * L number, or a local id padded in one file and not in another, may be another pupil's.
 */
export function pupilIdKey(id: string): string {
  // Most ids are plain letters and digits: only the others pay for NFKC and unwrapping (a million rows are read per load).
  let key = id;
  if (!PLAIN.test(key)) {
    key = key.normalize('NFKC').replace(/\s+/g, '');
    const formula = /^="(.*)"$/.exec(key);
    if (formula) key = formula[1];
    key = key.replace(/^'/, '');
  }
  if (key.length === 18) return key.endsWith('x') && /^\d{17}x$/.test(key) ? key.toUpperCase() : key;
  return key.length === 19 && NATIONAL_ID.test(key) ? key.slice(1).toUpperCase() : key;
}

const PLAIN = /^[0-9A-Za-z]*$/;

/** Whether an id cell holds a placeholder (无, 待分配, -, 0) where a pupil has no 学籍号 yet: rows holding one are not one pupil. */
export function isPlaceholderId(id: string): boolean {
  // Most ids are long and hold a digit other than 0 or a letter: settled at once (a million rows are read).
  if (id.length > 8 && /[1-9A-Za-z]/.test(id)) return false;
  return PLACEHOLDER.test(id.normalize('NFKC').replace(/\s+/g, '').toLowerCase());
}

// What registry exports write where a pupil has no 学籍号 yet: words for "none" or "to be assigned", or dashes and the like.
const PLACEHOLDER = /^(?:无|暂无|没有|空|待分配|待定|待补|待补录|未分配|未知|不详|无学籍号?|null|none|nil|n\/?a|#n\/a|tbd|[-—–_/\\.?*#0]+)$/;

/** An id Excel wrote in scientific notation (3.70783E+17): its digits are lost. */
export function isScientificId(id: string): boolean {
  return /^\s*\d(?:\.\d+)?E\+?\d+\s*$/i.test(id);
}

/**
 * Whether an all-digit id of more than 15 digits has only zeros after its 15th: what Excel leaves
 * of an 18-digit number it stored (it keeps 15 significant digits), so that distinct pupils born
 * the same day share it.
 */
export function looksRoundedByExcel(key: string): boolean {
  return /^\d{15}0+$/.test(key);
}

/**
 * What Excel leaves of an all-digit id of more than 15 digits (an id key) stored as a number: its
 * first 15 digits rounded at the 16th, then zeros (370783201503151789 → 370783201503152000).
 * Undefined for other ids, and for one that already looks so rounded.
 */
export function excelRoundedForm(key: string): string | undefined {
  if (!/^\d{16,}$/.test(key) || looksRoundedByExcel(key)) return undefined;
  const head = BigInt(key.slice(0, 15)) + (key.charCodeAt(15) >= 53 ? 1n : 0n);
  return `${head}`.padEnd(key.length, '0');
}
