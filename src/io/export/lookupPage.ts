import { pinyin } from 'pinyin-pro';
import type { School } from '../../core/dataset';
import type { LookupIndex } from '../../core/publish/lookupIndex';
import { ZONE_LEVELS, type ZoneLevel } from '../../core/rules';
import { translate } from '../../i18n/format';
import type { Locale, MessageKey } from '../../i18n/messages';
import { LOOKUP_SCRIPT, LOOKUP_STYLE } from './lookupScript';

/** What the page says about its scenario: the dataset's names, the year the zoning is for, the base year (现状), whether the data is synthetic. */
export interface LookupPageOptions {
  dataset: { zh: string; en: string };
  year: number;
  baseYear: number;
  synthetic: boolean;
  /** The language the page opens in (it can switch). */
  locale: Locale;
}

/** Map coordinates: the longest side of the zones' extent spans this many units (~15 m a unit for a county). */
const SPAN = 4000;

/** The page's data: integers on the map grid, names, the search index; no pupil is in it. */
export interface LookupPageData {
  w: number;
  h: number;
  /** Schools: id, Chinese and English name, level, map x, y. */
  s: [string, string, string, string, number, number][];
  /** Zones: level (0 primary, 1 junior), schools (indexes into s), SVG path. */
  z: [number, number[], string][];
  /** Places: kind (u unit, r road), name, town, pinyin initials, map x, y (−1 for a road), per level the school lists now and before. */
  p: ['u' | 'r', string, string, string, number, number, number[][][], number[][][]][];
  baseYear: number;
  year: number;
  locale: Locale;
  synthetic: boolean;
  t: Record<Locale, Record<string, string>>;
}

const KEYS: MessageKey[] = ['lookupTitle', 'lookupSearch', 'lookupNoResult', 'lookupShared', 'lookupChanged', 'lookupUnchanged', 'lookupNoZone', 'lookupRoad', 'lookupClickHint', 'lookupZoneOf', 'lookupNote', 'lookupResults', 'language', 'primary', 'junior', 'syntheticNote'];

/** Pinyin initials of a name, lower case, other characters (digits, letters) kept as they are and punctuation dropped: 阳光花园 → yghy. */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase().replace(/[^0-9a-z]/g, '');
}

/** The page's data from a lookup index: coordinates projected (equirectangular at the extent's middle latitude, north up) onto whole map units, pinyin initials computed here so the page carries only the index. */
export function lookupPageData(index: LookupIndex, schools: readonly School[], opts: LookupPageOptions): LookupPageData {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const z of index.zones) for (const polygon of z.polygons) for (const [x, y] of polygon[0]) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const cos = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = SPAN / Math.max((maxX - minX) * cos, maxY - minY, 1e-9);
  const px = (x: number) => Math.round((x - minX) * cos * scale);
  const py = (y: number) => Math.round((maxY - y) * scale);
  const at = new Map(index.schools.map((s, k) => [s, k]));
  const path = (polygons: LookupIndex['zones'][number]['polygons']) => polygons.flatMap((polygon) => polygon.map((ring) => {
    let out = '';
    let [lx, ly] = [NaN, NaN];
    for (const [x, y] of ring) {
      const [a, b] = [px(x), py(y)];
      if (a === lx && b === ly) continue;
      out += Number.isNaN(lx) ? `M${a} ${b}` : `l${a - lx} ${b - ly}`;
      [lx, ly] = [a, b];
    }
    return `${out}z`;
  })).join('');
  const lists = (by: Record<ZoneLevel, number[][]>) => ZONE_LEVELS.map((l) => by[l].map((list) => list.map((s) => at.get(s) ?? -1).filter((k) => k >= 0)));
  const t = Object.fromEntries((['zh-CN', 'en'] as const).map((locale) => [locale, Object.fromEntries(KEYS.map((k) => [k, translate(locale, k, {
    dataset: locale === 'en' ? opts.dataset.en : opts.dataset.zh, year: opts.year, example: 'yghy', list: '{list}', base: '{base}', n: '{n}',
  })]))])) as Record<Locale, Record<string, string>>;
  return {
    w: Math.round((maxX - minX) * cos * scale),
    h: Math.round((maxY - minY) * scale),
    s: index.schools.map((s) => [schools[s].id, schools[s].name, schools[s].nameEn ?? schools[s].name, schools[s].level, px(schools[s].lon), py(schools[s].lat)]),
    z: index.zones.map((z) => [z.level === 'primary' ? 0 : 1, z.schools.map((s) => at.get(s)!), path(z.polygons)]),
    p: index.places.map((p) => [p.kind === 'unit' ? 'u' : 'r', p.name, p.town, pinyinInitials(p.name), p.at ? px(p.at[0]) : -1, p.at ? py(p.at[1]) : -1, lists(p.now), lists(p.before)]),
    baseYear: opts.baseYear,
    year: opts.year,
    locale: opts.locale,
    synthetic: opts.synthetic,
    t,
  };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The 学区查询 page as one self-contained HTML file: its data inline as JSON, its style and script
 * inline, the map drawn as SVG by the script; nothing is fetched (its Content-Security-Policy allows
 * only inline style and script and data: images, so the browser refuses any connection, font or
 * frame too), so it opens from the file system or any static server.
 */
export function buildLookupPage(data: LookupPageData): string {
  // `<` written as \u003c keeps `</script>` in a name from closing the data's script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const title = escapeHtml(data.t[data.locale].lookupTitle);
  return '<!doctype html>\n'
    + `<html lang="${data.locale}"><head><meta charset="utf-8">`
    + '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; script-src \'unsafe-inline\'; img-src data:">'
    + `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${LOOKUP_STYLE}</style></head>`
    + `<body><header><h1 id="title">${title}</h1><button id="lang" type="button"></button></header>`
    + '<main><section id="side"><input id="q" type="search" autocomplete="off"><div id="count"></div><ol id="results"></ol><div id="detail"></div><p id="note"></p></section>'
    + '<section id="mapbox"><div id="levels"></div><svg id="map" xmlns="http://www.w3.org/2000/svg"></svg><p id="hint"></p></section></main>'
    + `<script id="data" type="application/json">${json}</script><script>${LOOKUP_SCRIPT}</script></body></html>\n`;
}
