import { normaliseText } from './address/normalise';
import { parseNumber } from './chineseNumber';
import { toSimplified } from './simplifiedChinese';

/** County and higher prefixes stripped from school names by default (the Shouguang dataset's). */
export const DEFAULT_SCHOOL_NAME_PREFIXES = ['中华人民共和国', '山东省', '山东', '潍坊市', '寿光市', '寿光'] as const;

/** The outcome of matching one name: the index of the one school it names, several, or none. */
export type SchoolNameMatch = ({ school: number } | { ambiguous: number[] } | { none: true }) & {
  /**
   * Set when a remark had to be dropped: the name's shorter form that matched (样本县育才学校 for
   * 样本县育才学校（民办）), or the name itself when it matched a school's name without its remark.
   */
  shortened?: string;
};

/** One set of names in its comparable forms → school indices (see createSchoolNameIndex). */
interface NameForms {
  /** Whether a name looked up is first written in simplified characters (the names were). */
  simplified: boolean;
  /** normaliseText form, canonical form (normaliseSchoolName) and loose form → school indices. */
  plain: Map<string, number[]>;
  canonical: Map<string, number[]>;
  loose: Map<string, number[]>;
  /** Canonical forms of the names without their trailing remarks (样本县育才学校 for 样本县育才学校（民办）). */
  trimmed: Map<string, number[]>;
  /** Canonical forms of the names without a section word (东关学校 for 东关学校初中部). */
  sections: Map<string, number[]>;
}

/** School names indexed for matching; build once with createSchoolNameIndex. */
export interface SchoolNameIndex {
  /** The schools' names in order (a match returns an index into this list). */
  names: readonly string[];
  prefixes: readonly string[];
  /** Tried in order, the first that finds any school deciding (see matchSchoolName). */
  layers: NameForms[];
}

const CN_NUMBER = /[零〇一二三四五六七八九十百]+/g;

/** A run of Chinese numerals as digits (十二 → 12), or the run itself when it is not a number word. */
const chineseNumber = (run: string) => String(parseNumber(run) ?? run);

const LEVEL_ONLY = /^(?:小|中|初中|高中|学校|学)?$/;

/** The canonical body of a name with no prefix: numbers as digits, 第 dropped, level words shortened. */
function canonicalBody(text: string): string {
  return text
    .replace(CN_NUMBER, chineseNumber)
    .replace(/第(\d)/g, '$1')
    .replace(/初级中学/g, '初中')
    .replace(/中学/g, '中')
    .replace(/小学/g, '小')
    .replace(/初中部/g, '中部')
    // 学校 is the generic word for a school (建桥学校 = 建桥); before a section it adds nothing either.
    .replace(/学校(?=$|小部|中部)/, '');
}

/**
 * A school name in comparable form: normaliseText (NFKC, punctuation and spaces removed), a leading
 * county or province prefix (`prefixes`, default DEFAULT_SCHOOL_NAME_PREFIXES: 寿光市, 寿光 …) removed
 * unless only a level word would remain, Chinese numerals as digits and 第 before a number dropped
 * (第一 = 一 = 1), 中学 → 中, 小学 → 小, 初级中学 → 初中 and a trailing 学校 dropped. A 小学 and a
 * 中学 never get the same form: 寿光市第一中学小学部 and 寿光一中小学部 both give `1中小部`, 寿光市第一中学
 * gives `1中`, 圣城小学 `圣城小` and 圣城中学 `圣城中`.
 */
export function normaliseSchoolName(name: string, prefixes: readonly string[] = DEFAULT_SCHOOL_NAME_PREFIXES): string {
  let text = normaliseText(name);
  const sorted = prefixes.map(normaliseText).filter((p) => p !== '').sort((a, b) => b.length - a.length);
  for (let p = sorted.find((q) => text.startsWith(q)); p !== undefined; p = sorted.find((q) => text.startsWith(q))) {
    // 寿光中学 keeps its prefix: without it only a level word is left.
    if (LEVEL_ONLY.test(canonicalBody(text.slice(p.length)))) break;
    text = text.slice(p.length);
  }
  return canonicalBody(text);
}

// A town or sub-district word after a place name of 2–3 characters (文家街道第二小学 = 文家二小).
const TOWN_WORD = /^(\p{Script=Han}{2,3}?)(?:街道办事处|街道|办事处|镇|乡)(?=.)/u;

/** The loose form of a canonical name: the town word after the leading place name dropped, 初中 read as 中. */
function looseForm(canonical: string): string {
  return canonical.replace(TOWN_WORD, '$1').replace(/初中/g, '中');
}

/**
 * County prefixes read from the school list itself: a 2-character place name followed by 市 or 县
 * that starts at least two of the names (寿光市…, 寿光市… → 寿光市 and 寿光), so names of another
 * county lose their prefix too.
 */
function prefixesFromNames(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) {
    const m = /^(\p{Script=Han}{2}[市县])\p{Script=Han}{2}/u.exec(normaliseText(name));
    if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n >= 2).flatMap(([p]) => [p, p.slice(0, 2)]);
}

function addTo(map: Map<string, number[]>, key: string, i: number) {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (!list.includes(i)) list.push(i);
}

// What an other-names cell holds when it names nothing: a placeholder (无, 暂无, 同上 …).
const NO_NAME = /^(?:[/\\\-—–－_.]+|无|暂无|未知|不详|空|同上|null|n\/?a)$/i;

/** The comparable forms of `entries` (a name and the index of its school), simplified first or not. */
function nameForms(entries: readonly (readonly [string, number])[], prefixes: readonly string[], simplified: boolean): NameForms {
  const forms: NameForms = { simplified, plain: new Map(), canonical: new Map(), loose: new Map(), trimmed: new Map(), sections: new Map() };
  for (const [written, i] of entries) {
    const name = simplified ? toSimplified(written) : written;
    const canonical = normaliseSchoolName(name, prefixes);
    addTo(forms.plain, normaliseText(name), i);
    addTo(forms.canonical, canonical, i);
    addTo(forms.loose, looseForm(canonical), i);
    for (let next = shorter(name.trim()); next !== undefined; next = shorter(next)) addTo(forms.trimmed, normaliseSchoolName(next, prefixes), i);
    const whole = withoutSection(name);
    if (whole !== undefined) addTo(forms.sections, normaliseSchoolName(whole, prefixes), i);
  }
  return forms;
}

/**
 * Indexes school names for matchSchoolName. Prefixes stripped: `prefixes` (default
 * DEFAULT_SCHOOL_NAME_PREFIXES) plus the county prefixes that at least two of the names start with.
 * `aliases[i]` are other names school i is or was known by (曾用名, 别名; placeholders such as 无
 * left out): they are looked at only when no school's current name matches.
 */
export function createSchoolNameIndex(names: readonly string[], prefixes: readonly string[] = DEFAULT_SCHOOL_NAME_PREFIXES, aliases: readonly (readonly string[] | undefined)[] = []): SchoolNameIndex {
  const all = [...new Set([...prefixes, ...prefixesFromNames(names.map(toSimplified))])];
  const current = names.map((name, i) => [name, i] as const);
  const former = aliases.flatMap((list, i) => (list ?? []).filter((a) => !NO_NAME.test(a.trim()) && !LEVEL_ONLY.test(normaliseSchoolName(a, all))).map((a) => [a, i] as const));
  const layers = [nameForms(current, all, false), nameForms(current, all, true)];
  if (former.length > 0) layers.push(nameForms(former, all, false), nameForms(former, all, true));
  return { names, prefixes: all, layers };
}

function outcome(hits: readonly number[] | undefined): SchoolNameMatch | undefined {
  if (!hits || hits.length === 0) return undefined;
  return hits.length === 1 ? { school: hits[0] } : { ambiguous: [...hits] };
}

/**
 * Which of `schools` (names, or an index of them) a name means, compared in three steps, the
 * first that finds any school deciding: the name as written (normaliseText), its canonical form
 * (normaliseSchoolName: 寿光一中小学部 = 寿光市第一中学小学部), then a loose form that also drops a
 * town word after the place name and reads 初中 as 中 (文家二小 = 文家街道第二小学). Several schools
 * found in the deciding step are returned as `ambiguous` (their indices, in list order), never guessed.
 * A name none of them finds is tried again without its last trailing remark in brackets or zone
 * word, one at a time (样本县育才学校（民办）, 一中学区, 城关中学 招生范围, 第一小学（东校区）学区 → 第一小学（东校区）
 * before 第一小学); failing that, it is compared with the schools' names without their remarks (样本县育才学校
 * finds 样本县育才学校（民办）); failing that, a section of a school is taken for the school and the school
 * for its sections (东关学校初中部 finds 东关学校; 东关学校 finds 东关学校小学部 and 东关学校初中部, ambiguous
 * unless the caller's list holds one level's schools). Such a match says so (`shortened`).
 * All of this is tried on the schools' names as written, then with both sides in simplified
 * characters (樣本縣育才學校 = 样本县育才学校; after, so that 於家小学 is not taken for 于家小学), then on the
 * schools' other names likewise: the first that finds any school decides.
 */
export function matchSchoolName(name: string, schools: readonly string[] | SchoolNameIndex): SchoolNameMatch {
  const index = Array.isArray(schools) ? createSchoolNameIndex(schools as readonly string[]) : (schools as SchoolNameIndex);
  for (const forms of index.layers) {
    const found = matchIn(forms.simplified ? toSimplified(name) : name, forms, index.prefixes);
    if (!found) continue;
    if ('ambiguous' in found) found.ambiguous.sort((a, b) => a - b);
    return found;
  }
  return { none: true };
}

/** matchSchoolName's steps in one set of names: as written, shortened, against trimmed names, by section. */
function matchIn(name: string, forms: NameForms, prefixes: readonly string[]): SchoolNameMatch | undefined {
  let found = matchForms(name, forms, prefixes);
  for (let text = name.trim(), next = shorter(text); !found && next !== undefined; text = next, next = shorter(text)) {
    const m = matchForms(next, forms, prefixes);
    if (m) found = { ...m, shortened: next };
  }
  if (!found) {
    const m = outcome(forms.trimmed.get(normaliseSchoolName(name, prefixes)));
    if (m) found = { ...m, shortened: name.trim() };
  }
  const whole = withoutSection(name);
  if (!found && whole !== undefined) {
    const m = matchForms(whole, forms, prefixes);
    if (m) found = { ...m, shortened: whole };
  }
  if (!found) {
    const m = outcome(forms.sections.get(normaliseSchoolName(name, prefixes)));
    if (m) found = { ...m, shortened: name.trim() };
  }
  return found;
}

function matchForms(name: string, forms: NameForms, prefixes: readonly string[]): SchoolNameMatch | undefined {
  const canonical = normaliseSchoolName(name, prefixes);
  return outcome(forms.plain.get(normaliseText(name))) ?? outcome(forms.canonical.get(canonical)) ?? outcome(forms.loose.get(looseForm(canonical)));
}

// What follows a school's name in lists and zone files: a remark in brackets (（民办）, (东片)), a zone word,
// a campus written without brackets (东校区, 二校区, 本部).
const SUFFIX = /(?:[（(][^（()）]*[)）]|招生范围|招生片区|服务范围|服务区|学区|片区|范围|(?:[东西南北中新老主]|[一二三四五六七八九十\d]+)?校区|本部)\s*$/u;

/** A name without the last remark, zone or campus word after it (育才学校（民办） → 育才学校, 一中学区 → 一中, 实验小学东校区 → 实验小学); undefined when it has none. */
function shorter(name: string): string | undefined {
  const next = name.replace(SUFFIX, '').trim();
  return next === name || next === '' ? undefined : next;
}

// A section of a nine-year or twelve-year school named after it (东关学校初中部, 寿光一中小学部).
const SECTION = /(?:小学部|初中部|中学部)$/u;

/** A name without its section word (东关学校初中部 → 东关学校); undefined when it has none. */
function withoutSection(name: string): string | undefined {
  const text = name.trim();
  const next = text.replace(SECTION, '').trim();
  return next === text || next === '' ? undefined : next;
}
