import { bigramsOf, charsOf, dice } from './bigrams';
import { DEFAULT_ADDRESS_PREFIXES, normaliseText, stripHouseDetails, stripPrefixes } from './normalise';
import type { AddressUnit } from './units';

/** How a unit was recognised: its name, an alias, or a village's name without 村 (e.g. 南张家集社区). */
export type MatchedVia = 'name' | 'alias' | 'village';

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
}

/** An index of unit names for matching addresses; build once with createAddressMatcher. */
export interface AddressMatcher {
  units: readonly AddressUnit[];
  prefixes: string[];
  /** Names, aliases and village cores, normalised. */
  entries: Entry[];
  /** First two UTF-16 code units (as pairKey) → entries starting with them, longest first. */
  byStart: Map<number, number[]>;
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

/**
 * Indexes units for matching: each name and alias (names shorter than 2 characters are left out),
 * and for a village whose name ends in 村 its name without 村, which matches only when followed by
 * 社区 or by no further Chinese character (so 张家庄 does not match inside 张家庄子村).
 */
export function createAddressMatcher(units: readonly AddressUnit[], options: AddressMatcherOptions = {}): AddressMatcher {
  const entries: Entry[] = [];
  const add = (text: string, unit: number, via: MatchedVia) => {
    if ([...text].length >= 2 && !entries.some((e) => e.unit === unit && e.text === text)) entries.push({ text, unit, via, bigrams: bigramsOf(text).length, chars: charsOf(text).length });
  };
  units.forEach((u, i) => {
    const name = normaliseText(u.name);
    add(name, i, 'name');
    for (const alias of u.aliases ?? []) add(normaliseText(alias), i, 'alias');
    if (name.endsWith('村') && (u.kind === undefined || u.kind === 'village')) add(name.slice(0, -1), i, 'village');
  });
  const byStart = new Map<number, number[]>();
  const byBigram = new Map<string, number[]>();
  const byChar = new Map<string, number[]>();
  const push = <K>(map: Map<K, number[]>, key: K, k: number) => {
    const list = map.get(key);
    if (list) list.push(k);
    else map.set(key, [k]);
  };
  entries.forEach((e, k) => {
    push(byStart, pairKey(e.text, 0), k);
    for (const b of bigramsOf(e.text)) push(byBigram, b, k);
    for (const c of charsOf(e.text)) push(byChar, c, k);
  });
  for (const list of byStart.values()) list.sort((a, b) => entries[b].text.length - entries[a].text.length);
  const townIndex = new Map<string, number>();
  const unitTown = Int32Array.from(units, (u) => {
    if (!u.town) return -1;
    if (!townIndex.has(u.town)) townIndex.set(u.town, townIndex.size);
    return townIndex.get(u.town)!;
  });
  const names = [...townIndex.keys()].map(townNames);
  const allTowns = [...new Set(names.flat())].sort((a, b) => b.length - a.length);
  return {
    units, prefixes: (options.prefixes ?? DEFAULT_ADDRESS_PREFIXES).map(normaliseText), entries, byStart, byBigram, byChar,
    townNames: names, unitTown, allTowns, sharedBigrams: new Int32Array(entries.length), sharedChars: new Int32Array(entries.length), cache: new Map(), cacheSize: options.cacheSize ?? CACHE_SIZE,
  };
}

/** The two UTF-16 code units of `text` at `i` as one number (a Map key that needs no new string). */
const pairKey = (text: string, i: number) => text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);

/** Whether a village core found at `end` stands alone: the text ends, goes on with 社区, or with no Chinese character. */
function coreStandsAlone(text: string, end: number): boolean {
  return end >= text.length || text.startsWith('社区', end) || !HAN.test(text[end]);
}

/** The entries of the longest unit names the text contains; a name or alias beats a village core of equal length. */
function longestNames(m: AddressMatcher, text: string): number[] {
  let bestLength = 0;
  let best: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const bucket = m.byStart.get(pairKey(text, i));
    if (!bucket) continue;
    for (const k of bucket) {
      const e = m.entries[k];
      if (e.text.length < bestLength) break;
      if (!text.startsWith(e.text, i) || (e.via === 'village' && !coreStandsAlone(text, i + e.text.length))) continue;
      if (e.text.length > bestLength) {
        bestLength = e.text.length;
        best = [];
      }
      best.push(k);
    }
  }
  const named = best.filter((k) => m.entries[k].via !== 'village');
  return named.length > 0 ? named : best;
}

/** Per town, 1 when the text contains one of its names. */
function townsNamed(m: AddressMatcher, text: string): Uint8Array {
  return Uint8Array.from(m.townNames, (names) => (names.some((t) => text.includes(t)) ? 1 : 0));
}

/** The units of several hits: those whose town the text names, when that leaves one. */
function pickUnit(m: AddressMatcher, text: string, hits: number[]): number[] {
  const units = [...new Set(hits.map((k) => m.entries[k].unit))];
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
 * administrative prefixes stripped), the longest unit name or alias it contains wins; units of
 * the same name are told apart by the town the address names. Otherwise the 3 most similar units,
 * compared without house details (12号楼3单元501室 …) and without a leading town.
 */
export function matchAddress(m: AddressMatcher, address: string): AddressMatch {
  const text = stripPrefixes(normaliseText(address), m.prefixes);
  const cached = m.cache.get(text);
  if (cached) return cached;
  const hits = longestNames(m, text);
  let result: AddressMatch;
  if (hits.length === 0) {
    result = { status: 'unmatched', candidates: text === '' ? [] : nearestUnits(m, withoutTown(m, stripHouseDetails(text)), text, 3) };
  } else {
    const units = pickUnit(m, text, hits);
    if (units.length === 1) {
      const k = hits.find((h) => m.entries[h].unit === units[0])!;
      result = { status: 'matched', unitId: m.units[units[0]].id, via: m.entries[k].via, matched: m.entries[k].text };
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
