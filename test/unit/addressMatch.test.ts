import type { Feature } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createAddressMatcher,
  matchAddress,
  matchAddresses,
  normaliseText,
  stripHouseDetails,
  unitsFromFeatures,
  type AddressUnit,
} from '../../src/core/address';
import { buildingRange, canonicalForms } from '../../src/core/address/forms';
import { addressCorpus } from '../fixtures/addressCorpus';

const units: AddressUnit[] = [
  { id: 'U1', name: '滨河小区', town: '圣城街道', kind: 'compound' },
  { id: 'U2', name: '滨河花园', town: '圣城街道', kind: 'compound' },
  { id: 'U3', name: '后郭家楼村', town: '文家街道', kind: 'village' },
  { id: 'U4', name: '郭家楼村', town: '洛城街道', kind: 'village' },
  { id: 'U5', name: '阳光苑', aliases: ['阳光小区'], town: '圣城街道', kind: 'compound' },
  { id: 'U6', name: '张家庄村', town: '侯镇', kind: 'village' },
  { id: 'U7', name: '张家庄村', town: '稻田镇', kind: 'village' },
  { id: 'U8', name: '金域一号', town: '圣城街道', kind: 'compound' },
];
const m = createAddressMatcher(units);
const unitOf = (address: string) => {
  const r = matchAddress(m, address);
  return r.status === 'matched' ? r.unitId : r.status;
};

describe('address matching', () => {
  it('matches an exact name', () => {
    expect(matchAddress(m, '滨河小区')).toEqual({ status: 'matched', unitId: 'U1', via: 'name', matched: '滨河小区' });
  });

  it('matches a name followed by house details and preceded by province, city and town', () => {
    expect(unitOf('滨河小区12号楼3单元501室')).toBe('U1');
    expect(unitOf('山东省寿光市圣城街道滨河小区5栋')).toBe('U1');
    expect(unitOf('寿光市文家街道后郭家楼村3组')).toBe('U3');
    expect(unitOf('洛城街道郭家楼村12号')).toBe('U4');
  });

  it('matches an alias', () => {
    expect(matchAddress(m, '阳光小区3幢2单元')).toEqual({ status: 'matched', unitId: 'U5', via: 'alias', matched: '阳光小区' });
  });

  it('reads full-width digits, letters and spaces', () => {
    expect(unitOf('滨河小区１２号楼３单元')).toBe('U1');
    expect(unitOf('　滨河　小区　Ｂ座１２０２')).toBe('U1');
  });

  it('prefers the longest name contained in the address', () => {
    expect(unitOf('后郭家楼村')).toBe('U3');
    expect(unitOf('郭家楼村')).toBe('U4');
  });

  it('keeps a name that ends in a number (金域一号)', () => {
    expect(unitOf('金域一号3栋')).toBe('U8');
  });

  it('tells units of the same name apart by the town, and says when it cannot', () => {
    expect(unitOf('侯镇张家庄村18号')).toBe('U6');
    expect(unitOf('稻田张家庄村')).toBe('U7');
    const r = matchAddress(m, '张家庄村18号');
    expect(r).toEqual({ status: 'ambiguous', candidates: [{ unitId: 'U6', name: '张家庄村', score: 1 }, { unitId: 'U7', name: '张家庄村', score: 1 }] });
  });

  it('matches a village by its name without 村 only when nothing else follows (社区 aside)', () => {
    expect(matchAddress(m, '文家街道后郭家楼社区')).toMatchObject({ status: 'matched', unitId: 'U3', via: 'village' });
    expect(unitOf('后郭家楼5号')).toBe('U3');
    expect(matchAddress(m, '张家庄子村').status).toBe('unmatched');
  });

  it('does not place an address on a road named after a place in that place (锦绣花园路5号 was placed at 锦绣花园)', () => {
    for (const address of ['滨河花园路5号', '滨河小区东路3号', '郭家楼村东大街9号', '后郭家楼村路口北100米', '阳光苑巷12号', '金域一号胡同2号']) expect(matchAddress(m, address).status, address).toBe('unmatched');
    // A 街道 is a town, not a road: the place after it is named.
    expect(unitOf('圣城街道滨河花园3号楼')).toBe('U2');
    expect(unitOf('滨河花园南门')).toBe('U2');
  });

  it('returns an unmatched address with the 3 most similar units', () => {
    const r = matchAddress(m, '滨和小区5栋');
    expect(r.status).toBe('unmatched');
    if (r.status !== 'unmatched') return;
    // 滨和小区 vs 滨河小区: bigrams 1 of 3 + 3 → 1/3, characters 3 of 4 + 4 → 3/4, mean 13/24.
    // vs 阳光小区 (alias of 阳光苑): 1/3 and 2/4 → 5/12. vs 滨河花园: 0 and 1/4 → 1/8.
    expect(r.candidates.map((c) => c.unitId)).toEqual(['U1', 'U5', 'U2']);
    [13 / 24, 5 / 12, 1 / 8].forEach((score, k) => expect(r.candidates[k].score).toBeCloseTo(score, 12));
  });

  it('never drops a row: one result per address, in order', () => {
    const rows = ['滨河小区', '', '火星基地', '郭家楼村', '滨河小区'];
    const results = matchAddresses(m, rows);
    expect(results.map((r) => r.status)).toEqual(['matched', 'unmatched', 'unmatched', 'matched', 'matched']);
    expect(results[1]).toEqual({ status: 'unmatched', candidates: [] });
  });

  it('strips only the administrative prefixes it is given', () => {
    const other = createAddressMatcher([{ id: 'A', name: '幸福里' }], { prefixes: ['河北省', '定州市'] });
    expect(matchAddress(other, '河北省定州市幸福里1号').status).toBe('matched');
    expect(matchAddress(other, '河北省定州市幸福1号')).toMatchObject({ status: 'unmatched', candidates: [{ unitId: 'A' }] });
  });
});

describe('address normalisation', () => {
  it('makes full-width characters half-width and drops spaces and punctuation', () => {
    expect(normaliseText('　ＡＢ小区（东区）１２＃楼')).toBe('ab小区东区12号楼');
  });

  it('strips trailing house details', () => {
    expect(stripHouseDetails('滨河小区12号楼3单元501室')).toBe('滨河小区');
    expect(stripHouseDetails('滨河小区5栋')).toBe('滨河小区');
    expect(stripHouseDetails('滨河小区3幢')).toBe('滨河小区');
    expect(stripHouseDetails('滨河小区2单元')).toBe('滨河小区');
    expect(stripHouseDetails('滨河小区2号院')).toBe('滨河小区');
    expect(stripHouseDetails('后郭家楼村第4排12号')).toBe('后郭家楼村');
    expect(stripHouseDetails('滨河小区32501')).toBe('滨河小区');
    expect(stripHouseDetails('后郭家楼')).toBe('后郭家楼');
  });
});

describe('units from units.geojson', () => {
  it('reads id, name, alias and aliases, town and kind, skipping features without id or name', () => {
    const features = [
      { type: 'Feature', properties: { id: 'U1', name: '阳光苑', alias: '阳光小区，阳光花苑', aliases: ['朝阳苑'], town: '圣城街道', kind: 'compound' }, geometry: null },
      { type: 'Feature', properties: { id: 7, name: '王村' }, geometry: null },
      { type: 'Feature', properties: { id: 'U3' }, geometry: null },
    ] as unknown as Feature[];
    expect(unitsFromFeatures(features)).toEqual([
      { id: 'U1', name: '阳光苑', aliases: ['阳光小区', '阳光花苑', '朝阳苑'], town: '圣城街道', kind: 'compound' },
      { id: '7', name: '王村', aliases: [], town: undefined, kind: undefined },
    ]);
  });

  it('matches every Shouguang unit by its own name with house details', () => {
    const path = join(import.meta.dirname, '../../data/shouguang/units.geojson');
    const shouguang = unitsFromFeatures(JSON.parse(readFileSync(path, 'utf8')).features);
    const matcher = createAddressMatcher(shouguang);
    const results = matchAddresses(matcher, shouguang.map((u) => `寿光市${u.town}${u.name}${u.kind === 'village' ? '15号' : '3号楼2单元401室'}`));
    expect(results.filter((r, i) => r.status !== 'matched' || r.unitId !== shouguang[i].id)).toEqual([]);
  });
});

describe('address forms of real registries', () => {
  const forms: AddressUnit[] = [
    { id: 'R1', name: '阳光花园南1栋—10栋', town: '圣城街道', kind: 'compound' },
    { id: 'R2', name: '阳光花园南11-20号楼', town: '圣城街道', kind: 'compound' },
    { id: 'R3', name: '锦绣家园1#-6#', town: '圣城街道', kind: 'compound' },
    { id: 'G1', name: '东关村三组', town: '古城街道', kind: 'village' },
    { id: 'G2', name: '东关村第五居民组', town: '古城街道', kind: 'village' },
    { id: 'V1', name: '东关村', town: '古城街道', kind: 'village' },
    { id: 'V2', name: '北关村', town: '古城街道', kind: 'village' },
    { id: 'C1', name: '东城社区', town: '圣城街道', kind: 'community' },
    { id: 'C2', name: '南关居委会', town: '圣城街道', kind: 'community' },
    { id: 'M1', name: '幸福家园小区', town: '圣城街道', kind: 'compound' },
    { id: 'K1', name: '康泰小区', town: '圣城街道', kind: 'compound' },
    { id: 'K2', name: '康泰花园', town: '圣城街道', kind: 'compound' },
    { id: 'H1', name: '和谐花园', town: '圣城街道', kind: 'compound' },
  ];
  const fm = createAddressMatcher(forms);
  const at = (address: string) => {
    const r = matchAddress(fm, address);
    return r.status === 'matched' ? r.unitId : r.status;
  };

  it('places a building in the range a unit names, and only there', () => {
    expect(matchAddress(fm, '阳光花园南3栋')).toEqual({ status: 'matched', unitId: 'R1', via: 'range', matched: '阳光花园南3栋' });
    expect(at('寿光市圣城街道阳光花园南10号楼2单元501室')).toBe('R1');
    expect(at('阳光花园南第三幢')).toBe('R1');
    expect(at('阳光花园南1#')).toBe('R1');
    expect(at('阳光花园南11栋')).toBe('R2');
    expect(at('阳光花园南十五号楼')).toBe('R2');
    expect(at('锦绣家园4号楼1单元')).toBe('R3');
    expect(at('锦绣家园６＃')).toBe('R3');
  });

  it('does not place a building outside every range, or an address without a building', () => {
    // The candidates: both ranges share the base exactly (score 1); then 康泰花园 and 和谐花园 tie at bigrams 2/7 and
    // characters 4/9 (mean 23/63), and file order picks 康泰花园.
    const r = matchAddress(fm, '阳光花园南21栋');
    expect(r.status === 'unmatched' && r.candidates.map((c) => [c.unitId, c.score])).toEqual([['R1', 1], ['R2', 1], ['K2', 23 / 63]]);
    expect(at('阳光花园南100栋')).toBe('unmatched');
    expect(at('阳光花园南')).toBe('unmatched');
    expect(at('锦绣家园7#')).toBe('unmatched');
    expect(at('锦绣家园0号楼')).toBe('unmatched');
  });

  it('reads villager groups written as 组, 第…组, …居民组 or …村民小组', () => {
    expect(matchAddress(fm, '东关村3组12号')).toEqual({ status: 'matched', unitId: 'G1', via: 'name', matched: '东关村3组' });
    expect(at('东关村第三居民组')).toBe('G1');
    expect(at('东关村三村民小组5号')).toBe('G1');
    expect(at('东关三组')).toBe('G1');
    expect(at('东关村五组')).toBe('G2');
    expect(at('东关村第5组')).toBe('G2');
    // A group that is no unit belongs to its village; 13组 is not 3组.
    expect(at('东关村七组')).toBe('V1');
    expect(at('东关村13组')).toBe('V1');
  });

  it('never takes 西关村 for 东关村', () => {
    expect(at('西关村三组')).toBe('unmatched');
    expect(at('西关村')).toBe('unmatched');
    expect(at('古城街道北关村2组')).toBe('V2');
  });

  it('reads 居委会 as 社区, and a community’s name with 村', () => {
    expect(at('东城居委会5号')).toBe('C1');
    expect(at('东城社区居委会')).toBe('C1');
    expect(matchAddress(fm, '东城村12号')).toMatchObject({ status: 'matched', unitId: 'C1', via: 'community' });
    expect(at('南关社区3号楼')).toBe('C2');
    expect(at('北关居委会')).toBe('V2');
    // A community's name followed by another word is another place.
    expect(at('东城花园5号')).toBe('unmatched');
  });

  it('matches a compound with or without 小区, never guessing between compounds that share the name', () => {
    expect(matchAddress(fm, '幸福家园3号楼2单元501')).toMatchObject({ status: 'matched', unitId: 'M1', via: 'compound' });
    expect(at('幸福家园小区12号楼')).toBe('M1');
    expect(at('和谐花园小区2单元')).toBe('H1');
    expect(at('康泰小区5栋')).toBe('K1');
    expect(at('康泰花园5栋')).toBe('K2');
    expect(matchAddress(fm, '康泰3号楼')).toEqual({ status: 'ambiguous', candidates: [{ unitId: 'K1', name: '康泰小区', score: 1 }, { unitId: 'K2', name: '康泰花园', score: 1 }] });
    // 幸福家园 followed by another word (花苑) is not 幸福家园小区.
    expect(at('幸福家园花苑3号')).toBe('unmatched');
  });

  it('does not read a name ending in a digit inside a longer number', () => {
    const digits = createAddressMatcher([{ id: 'D1', name: '丽景1期' }, { id: 'D2', name: '丽景' }]);
    expect(matchAddress(digits, '丽景1期3号楼')).toMatchObject({ status: 'matched', unitId: 'D1' });
    expect(matchAddress(digits, '丽景12期3号楼')).toMatchObject({ status: 'matched', unitId: 'D2' });
  });

  it('reads the forms canonically', () => {
    expect(canonicalForms('东关村第三居民组')).toBe('东关村3组');
    expect(canonicalForms('东关村十二组')).toBe('东关村12组');
    expect(canonicalForms('东城社区居委会')).toBe('东城社区');
    expect(canonicalForms('东关村村委会')).toBe('东关村');
    expect(buildingRange('阳光花园南1栋—10栋')).toEqual({ base: '阳光花园南', first: 1, last: 10 });
    expect(buildingRange('阳光花园南（1至10号楼）')).toEqual({ base: '阳光花园南', first: 1, last: 10 });
    expect(buildingRange('锦绣家园1#-6#')).toEqual({ base: '锦绣家园', first: 1, last: 6 });
    expect(buildingRange('阳光花园南10栋-1栋')).toBeUndefined();
    expect(buildingRange('幸福路1-10')).toBeUndefined();
  });
});

// Counted from the generator alone (test/fixtures/addressCorpus.ts, seed 20241, 20,000 addresses), not by the matcher.
const [RANGE_CASES, GROUP_CASES, NEGATIVE_CASES] = [5701, 263, 3028];

describe('a seeded corpus of registry addresses', () => {
  it('places every address that names a unit at that unit, and none where it must not', () => {
    const path = join(import.meta.dirname, '../../data/shouguang/units.geojson');
    const { units: all, cases } = addressCorpus(unitsFromFeatures(JSON.parse(readFileSync(path, 'utf8')).features), 20_000);
    const matcher = createAddressMatcher(all);
    const results = cases.map((c) => ({ ...c, r: matchAddress(matcher, c.address) }));
    const unitOfResult = (r: ReturnType<typeof matchAddress>) => (r.status === 'matched' ? r.unitId : r.status);
    // Named: placed at its truth; not to be placed at a unit: placed elsewhere or not at all.
    expect(results.filter((c) => c.truth !== undefined && unitOfResult(c.r) !== c.truth).map((c) => [c.address, c.truth, unitOfResult(c.r)])).toEqual([]);
    expect(results.filter((c) => c.not !== undefined && unitOfResult(c.r) === c.not).map((c) => [c.address, c.not])).toEqual([]);
    // So no placement is wrong: 0 of the placed rows. The corpus holds every form (counts of the seeded generator):
    // building ranges, villager groups that are units, and rows that must not be placed where they nearly fit.
    const count = (test: (c: (typeof results)[number]) => boolean) => results.filter(test).length;
    expect(count((c) => c.truth?.startsWith('RG') === true)).toBe(RANGE_CASES);
    expect(count((c) => c.truth?.startsWith('VG') === true)).toBe(GROUP_CASES);
    expect(count((c) => c.not !== undefined)).toBe(NEGATIVE_CASES);
  });
});
