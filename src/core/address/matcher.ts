import { bigramsOf, charsOf, dice } from './bigrams';
import { buildingAt, buildingRange, canonicalForms } from './forms';
import { DEFAULT_ADDRESS_PREFIXES, normaliseText, stripHouseDetails, stripPrefixes } from './normalise';
import type { AddressUnit } from './units';

/**
 * How a unit was recognised: its name, an alias, a village's name without 村 (南张家集社区), a
 * compound's without 小区 (阳光花园3号楼 for 阳光花园小区), a community's without 社区 (东关村 for
 * 东关社区), or a building in the range its name states (阳光花园南3栋 for 阳光花园南1栋—10栋).
 */
export type MatchedVia = 'name' | 'alias' | 'village' | 'compound' | 'community' | 'range';

/** A unit an unmatched or ambiguous address may mean, with its similarity 0..1 (1: named exactly). */
export interface AddressCandidate {
  unitId: string;
  name: string;
  score: number;
}

/** The outcome for one address; no row is ever dropped. */
export type AddressMatch =
  | { status: 'matched'; unitId: string; via: MatchedVia; matched: string }
  /** Several units of the same name, and the address names none of their towns. */
  | { status: 'ambiguous'; candidates: AddressCandidate[] }
  /** No unit name in the address: the 3 most similar units (see matchAddress). */
  | { status: 'unmatched'; candidates: AddressCandidate[] };

interface Entry {
  text: string;
  unit: number;
  via: MatchedVia;
  bigrams: number;
  chars: number;
  /** A range entry: the first and last building it covers. */
  first?: number;
  last?: number;
}

/** An index of unit names for matching addresses; build once with createAddressMatcher. */
export interface AddressMatcher {
  units: readonly AddressUnit[];
  prefixes: string[];
  /** Names, aliases, their cores (without 村, 小区, 社区) and range bases, normalised (canonicalForms). */
  entries: Entry[];
  /** First two UTF-16 code units (as pairKey) → entries starting with them (range entries apart, in byStartRange). */
  byStart: Map<number, number[]>;
  byStartRange: Map<number, number[]>;
  /** Bigram → entries containing it; character → entries containing it. */
  byBigram: Map<string, number[]>;
  byChar: Map<string, number[]>;
  /** Per town: its normalised names (full, and without 街道/镇/乡); per unit: its town, −1 for none. */
  townNames: string[][];
  unitTown: Int32Array;
  /** Every town name, longest first, to strip a leading one. */
  allTowns: string[];
  /** Scratch of the similarity search: shared bigrams and characters per entry (all zero between calls). */
  sharedBigrams: Int32Array;
  sharedChars: Int32Array;
  cache: Map<string, AddressMatch>;
  cacheSize: number;
}

/** Options of the matcher. */
export interface AddressMatcherOptions {
  /** Administrative prefixes stripped from the start of addresses (default DEFAULT_ADDRESS_PREFIXES). */
  prefixes?: readonly string[];
  /** Distinct addresses remembered (default 200,000); repeated addresses are then not matched again. */
  cacheSize?: number;
}

const HAN = /\p{Script=Han}/u;
const CACHE_SIZE = 200_000;

function townNames(town: string | undefined): string[] {
  if (!town) return [];
  const full = normaliseText(town);
  const short = full.replace(/(街道办事处|街道|办事处|镇|乡)$/, '');
  return short !== full && short.length >= 2 ? [full, short] : [full];
}

/** The entries matching a core: for a compound or community core, also the other units whose names start with it (阳光 → 阳光苑 and 阳光小区). */
function addRivals(entries: Entry[], add: (text: string, unit: number, via: MatchedVia) => void) {
  const cores = entries.filter((e) => e.via === 'compound' || e.via === 'community');
  const names = entries.filter((e) => e.via === 'name' || e.via === 'alias');
  for (const c of cores) for (const e of names) if (e.unit !== c.unit && e.text.startsWith(c.text)) add(c.text, e.unit, c.via);
}

/**
 * Indexes units for matching: each name and alias (normaliseText, then canonicalForms: 第三居民组 →
 * 3组, 居委会 → 社区; names shorter than 2 characters left out); a name that states a building range
 * (阳光花园南1栋—10栋) as its base and range, matched only with a building in the range. Cores, each
 * matched only when it stands alone (see standsAlone): a village's name without 村; a compound's
 * without 小区 and a community's without 社区, which also stand for every other unit whose name
 * starts with them (so 康泰3号楼 is ambiguous between 康泰小区 and 康泰花园, never guessed).
 */
export function createAddressMatcher(units: readonly AddressUnit[], options: AddressMatcherOptions = {}): AddressMatcher {
  const entries: Entry[] = [];
  const add = (text: string, unit: number, via: MatchedVia, range?: { first: number; last: number }) => {
    if ([...text].length >= 2 && !entries.some((e) => e.unit === unit && e.text === text && e.via === via)) {
      entries.push({ text, unit, via, bigrams: bigramsOf(text).length, chars: charsOf(text).length, ...range });
    }
  };
  const comparable = (name: string) => canonicalForms(normaliseText(name));
  units.forEach((u, i) => {
    for (const [raw, via] of [[u.name, 'name'], ...(u.aliases ?? []).map((a) => [a, 'alias'])] as [string, MatchedVia][]) {
      const range = buildingRange(raw);
      if (range) {
        add(comparable(range.base), i, 'range', range);
        continue;
      }
      const name = comparable(raw);
      add(name, i, via);
      if (via === 'name' && name.endsWith('村') && (u.kind === undefined || u.kind === 'village')) add(name.slice(0, -1), i, 'village');
      // A villager group (东关村3组) also goes without 村 (东关3组).
      const group = /^(.+)村(\d+组)$/.exec(name);
      if (group) add(group[1] + group[2], i, 'village');
      if (name.endsWith('小区')) add(name.slice(0, -2), i, 'compound');
      if (name.endsWith('社区')) add(name.slice(0, -2), i, 'community');
    }
  });
  addRivals(entries, add);
  const byStart = new Map<number, number[]>();
  const byStartRange = new Map<number, number[]>();
  const byBigram = new Map<string, number[]>();
  const byChar = new Map<string, number[]>();
  const push = <K>(map: Map<K, number[]>, key: K, k: number) => {
    const list = map.get(key);
    if (list) list.push(k);
    else map.set(key, [k]);
  };
  entries.forEach((e, k) => {
    push(e.via === 'range' ? byStartRange : byStart, pairKey(e.text, 0), k);
    // Similar units are found by their names: a compound's or community's core would make every unit sharing it look alike.
    if (e.via === 'compound' || e.via === 'community') return;
    for (const b of bigramsOf(e.text)) push(byBigram, b, k);
    for (const c of charsOf(e.text)) push(byChar, c, k);
  });
  const townIndex = new Map<string, number>();
  const unitTown = Int32Array.from(units, (u) => {
    if (!u.town) return -1;
    if (!townIndex.has(u.town)) townIndex.set(u.town, townIndex.size);
    return townIndex.get(u.town)!;
  });
  const names = [...townIndex.keys()].map(townNames);
  const allTowns = [...new Set(names.flat())].sort((a, b) => b.length - a.length);
  return {
    units, prefixes: (options.prefixes ?? DEFAULT_ADDRESS_PREFIXES).map(normaliseText), entries, byStart, byStartRange, byBigram, byChar,
    townNames: names, unitTown, allTowns, sharedBigrams: new Int32Array(entries.length), sharedChars: new Int32Array(entries.length), cache: new Map(), cacheSize: options.cacheSize ?? CACHE_SIZE,
  };
}

/** The two UTF-16 code units of `text` at `i` as one number (a Map key that needs no new string). */
const pairKey = (text: string, i: number) => text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);

const DIGIT = /\d/;
/** A road named after a place, right after its name (锦绣花园路5号, 李家村东大街9号, 东关村路口): the address is on the road, not in the place. */
const ROAD_AFTER = /^[东西南北中]?(?:大街|大道|路口|路|街(?!道)|巷|胡同)/;

/**
 * Whether an entry found in `text` ending at `end` stands alone: no name is followed by a road
 * (ROAD_AFTER: 锦绣花园路5号 is not in 锦绣花园); a name ending in a digit is not
 * followed by another (幸福里1 is not in 幸福里12号); a core is followed by the end, or by no
 * Chinese character (a number, a letter), or — a village's — by 社区, or — a community's — by 村
 * or 社区 (so 张家庄 is not in 张家庄子村, nor 阳光 in 阳光花园).
 */
function standsAlone(e: Entry, text: string, end: number): boolean {
  if (ROAD_AFTER.test(text.slice(end, end + 3))) return false;
  if (end < text.length && DIGIT.test(text[end]) && DIGIT.test(e.text[e.text.length - 1])) return false;
  if (e.via === 'name' || e.via === 'alias' || end >= text.length || !HAN.test(text[end])) return true;
  if (e.via === 'village') return text.startsWith('社区', end);
  return e.via === 'community' && (text.startsWith('村', end) || text.startsWith('社区', end));
}

/** A unit found in an address: its entry, where the text names it, and that text. */
interface Hit {
  k: number;
  start: number;
  end: number;
  matched: string;
}

/**
 * The entries of the longest unit names the text contains (a range entry counts its building
 * too: 阳光花园南3栋); full names, aliases and ranges beat cores of equal length. A name that
 * starts inside another name found earlier in the text and runs past it is no name there
 * (裴家营村3组 in 南裴家营村3组 is 南裴家营村's group 3).
 */
function longestNames(m: AddressMatcher, text: string): Hit[] {
  const hits: Hit[] = [];
  const found = (k: number, start: number, length: number) => hits.push({ k, start, end: start + length, matched: text.slice(start, start + length) });
  for (let i = 0; i + 1 < text.length; i++) {
    const key = pairKey(text, i);
    for (const k of m.byStart.get(key) ?? []) {
      const e = m.entries[k];
      if (text.startsWith(e.text, i) && standsAlone(e, text, i + e.text.length)) found(k, i, e.text.length);
    }
    for (const k of m.byStartRange.get(key) ?? []) {
      const e = m.entries[k];
      if (!text.startsWith(e.text, i)) continue;
      const b = buildingAt(text, i + e.text.length);
      if (b && b.n >= e.first! && b.n <= e.last!) found(k, i, e.text.length + b.length);
    }
  }
  const whole = hits.filter((a) => !hits.some((b) => b.start < a.start && a.start < b.end && b.end < a.end));
  const longest = Math.max(0, ...whole.map((h) => h.end - h.start));
  const best = whole.filter((h) => h.end - h.start === longest);
  const named = best.filter((h) => ['name', 'alias', 'range'].includes(m.entries[h.k].via));
  return named.length > 0 ? named : best;
}

/** Per town, 1 when the text contains one of its names. */
function townsNamed(m: AddressMatcher, text: string): Uint8Array {
  return Uint8Array.from(m.townNames, (names) => (names.some((t) => text.includes(t)) ? 1 : 0));
}

/** The units of several hits: those whose town the text names, when that leaves one. */
function pickUnit(m: AddressMatcher, text: string, hits: Hit[]): number[] {
  const units = [...new Set(hits.map((h) => m.entries[h.k].unit))];
  if (units.length === 1) return units;
  const named = townsNamed(m, text);
  const inTown = units.filter((u) => m.unitTown[u] >= 0 && named[m.unitTown[u]] === 1);
  return inTown.length > 0 ? inTown : units;
}

/**
 * The `count` units most similar to `query`: the mean of the character-bigram Dice and the
 * character Dice (bigrams alone rank a one-character typo below names sharing only 小区); ties go
 * to units whose town `address` names, then to file order.
 */
function nearestUnits(m: AddressMatcher, query: string, address: string, count: number): AddressCandidate[] {
  const qb = bigramsOf(query);
  const qc = charsOf(query);
  const touched: number[] = [];
  for (const c of qc) {
    for (const k of m.byChar.get(c) ?? []) {
      if (m.sharedChars[k]++ === 0) touched.push(k);
    }
  }
  for (const b of qb) for (const k of m.byBigram.get(b) ?? []) m.sharedBigrams[k]++;
  const named = townsNamed(m, address);
  const townRank = (u: number) => (m.unitTown[u] >= 0 && named[m.unitTown[u]] === 1 ? 0 : 1);
  // Better first: higher score, then a unit of the address's town, then the earlier unit.
  const better = (u: number, s: number, v: number, t: number) => s > t || (s === t && (townRank(u) - townRank(v) || u - v) < 0);
  const best: { unit: number; score: number }[] = [];
  for (const k of touched) {
    const e = m.entries[k];
    const score = (dice(m.sharedBigrams[k], qb.length, e.bigrams) + dice(m.sharedChars[k], qc.length, e.chars)) / 2;
    m.sharedBigrams[k] = 0;
    m.sharedChars[k] = 0;
    if (best.length === count && score < best[count - 1].score) continue;
    const same = best.findIndex((b) => b.unit === e.unit);
    if (same >= 0) {
      if (score <= best[same].score) continue;
      best.splice(same, 1);
    }
    if (best.length === count && !better(e.unit, score, best[count - 1].unit, best[count - 1].score)) continue;
    let at = best.length;
    while (at > 0 && better(e.unit, score, best[at - 1].unit, best[at - 1].score)) at--;
    best.splice(at, 0, { unit: e.unit, score });
    if (best.length > count) best.pop();
  }
  return best.map(({ unit, score }) => ({ unitId: m.units[unit].id, name: m.units[unit].name, score }));
}

/** The text with a leading town name removed. */
function withoutTown(m: AddressMatcher, text: string): string {
  const t = m.allTowns.find((name) => text.startsWith(name) && text.length > name.length);
  return t ? text.slice(t.length) : text;
}

/**
 * Matches one address to a unit: normalised (NFKC, punctuation and spaces removed, leading
 * administrative prefixes stripped, canonicalForms), the longest unit name, alias, core or
 * building range it contains wins (see createAddressMatcher); units of the same name are told
 * apart by the town the address names, else the address is ambiguous. Otherwise the 3 most
 * similar units, compared without house details (12号楼3单元501室 …) and without a leading town.
 */
export function matchAddress(m: AddressMatcher, address: string): AddressMatch {
  const text = canonicalForms(stripPrefixes(normaliseText(address), m.prefixes));
  const cached = m.cache.get(text);
  if (cached) return cached;
  const hits = longestNames(m, text);
  let result: AddressMatch;
  if (hits.length === 0) {
    result = { status: 'unmatched', candidates: text === '' ? [] : nearestUnits(m, withoutTown(m, stripHouseDetails(text)), text, 3) };
  } else {
    const units = pickUnit(m, text, hits);
    if (units.length === 1) {
      const hit = hits.find((h) => m.entries[h.k].unit === units[0])!;
      result = { status: 'matched', unitId: m.units[units[0]].id, via: m.entries[hit.k].via, matched: hit.matched };
    } else {
      result = { status: 'ambiguous', candidates: units.map((u) => ({ unitId: m.units[u].id, name: m.units[u].name, score: 1 })) };
    }
  }
  if (m.cache.size >= m.cacheSize) m.cache.clear();
  m.cache.set(text, result);
  return result;
}

/** Matches every address, in order (one result per row). */
export function matchAddresses(m: AddressMatcher, addresses: readonly string[]): AddressMatch[] {
  return addresses.map((a) => matchAddress(m, a));
}
