import { parseNumber } from '../chineseNumber';

const NUMBER = '\\d+|[零〇一二两三四五六七八九十百]+';
// A building: 3栋, 3幢, 3号楼, 3号, 3座 (# is read as 号 by normaliseText).
const BUILDING = '栋|幢|号楼|号|座';

const GROUP = new RegExp(`第?(${NUMBER})(?:居民|村民)?小?组`, 'g');

/**
 * A normalised address or unit name with the variants registries use written one way: a villager
 * group as `3组` (三组, 第三组, 第三居民组, 3村民小组), a residents' committee as `社区` (居委会,
 * 居民委员会, 社区居委会), a village committee as `村` (村委会, 村民委员会).
 */
export function canonicalForms(text: string): string {
  return text
    .replace(GROUP, (all, n: string) => {
      const v = parseNumber(n);
      return v === undefined ? all : `${v}组`;
    })
    .replace(/社区(?:居民委员会|居委会)|居民委员会|居委会/g, '社区')
    .replace(/村?(?:村民委员会|村委会)/g, '村');
}

/** A unit named as a range of buildings: the name before the range and the first and last building. */
export interface BuildingRange {
  base: string;
  first: number;
  last: number;
}

const RANGE = new RegExp(`^(.+?)(${NUMBER})(?:${BUILDING})?[-—–~～至到－](${NUMBER})(?:${BUILDING})$`);
const BRACKETS = /[()（）[\]【】]/g;

/**
 * The building range a unit's name states (`阳光花园南1栋—10栋`, `阳光花园南1-10号楼`,
 * `阳光花园南1#-10#`, `阳光花园南（1至10栋）`), read from the name after NFKC with `#` as 号 and
 * spaces removed, before punctuation goes; undefined when the name states none, or the range is
 * empty or wider than 999 buildings.
 */
export function buildingRange(name: string): BuildingRange | undefined {
  const text = name.normalize('NFKC').toLowerCase().replace(/#/g, '号').replace(/\s+/g, '').replace(BRACKETS, '');
  const m = RANGE.exec(text);
  if (!m) return undefined;
  const first = parseNumber(m[2]);
  const last = parseNumber(m[3]);
  if (first === undefined || last === undefined || first > last || last - first > 999) return undefined;
  return { base: m[1], first, last };
}

const BUILDING_AT = new RegExp(`^第?(${NUMBER})(?:${BUILDING})`);

/** The building number a normalised address gives at `at` (3栋, 第三幢, 12号楼 …) and how many characters it takes. */
export function buildingAt(text: string, at: number): { n: number; length: number } | undefined {
  const m = BUILDING_AT.exec(text.slice(at, at + 12));
  const n = m ? parseNumber(m[1]) : undefined;
  return m && n !== undefined ? { n, length: m[0].length } : undefined;
}
