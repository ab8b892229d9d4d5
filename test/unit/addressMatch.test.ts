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
