/** Administrative prefixes stripped from the start of an address by default (the Shouguang dataset's). */
export const DEFAULT_ADDRESS_PREFIXES = ['中华人民共和国', '中国', '山东省', '山东', '潍坊市', '寿光市'] as const;

const REMOVED = /[\s\p{P}\p{S}]/gu;

/**
 * An address or name in comparable form: NFKC (full-width letters, digits and spaces become
 * half-width), lower case, `#` read as 号, whitespace, punctuation and symbols removed.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/#/g, '号').replace(REMOVED, '');
}

/** Removes the listed prefixes (already normalised) from the start of a normalised address, repeatedly. */
export function stripPrefixes(text: string, prefixes: readonly string[]): string {
  let out = text;
  for (let again = true; again; ) {
    again = false;
    for (const p of prefixes) {
      if (p !== '' && out.startsWith(p) && out.length > p.length) {
        out = out.slice(p.length);
        again = true;
      }
    }
  }
  return out;
}

const CN_NUMBER = '[零〇一二三四五六七八九十百两]+';
// A house detail at the end: a number with a unit (12号楼, 3单元, 501室, 5栋, 3幢, 2号院, 三组, 第4排),
// or bare digits and letters (501, 3-2-501 once punctuation is gone).
const TRAILING_DETAIL = new RegExp(`(?:第?(?:[0-9a-z]+|${CN_NUMBER})(?:号楼|号院|号|栋|幢|座|单元|层|楼|室|户|门|组|排|队|期|区)|[0-9a-z]+)$`);

/** A normalised address without its trailing house details (12号楼3单元501室, 5栋, 3幢, 2号院 …). */
export function stripHouseDetails(text: string): string {
  let out = text;
  for (let m = TRAILING_DETAIL.exec(out); m && m.index > 0; m = TRAILING_DETAIL.exec(out)) out = out.slice(0, m.index);
  return out;
}
