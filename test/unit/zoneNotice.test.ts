import { describe, expect, it } from 'vitest';
import { computeZoneNotice, type NoticeUnit } from '../../src/core/publish/zoneNotice';
import { DEFAULT_RULES } from '../../src/core/rules';
import { applyZoneEdit } from '../../src/core/zoneEdits';
import { readDataset } from '../../src/io/readDataset';
import { warningCountyTexts } from './warningCounty';
import { boundsText } from '../../src/features/publish/zoneNoticeText';

// The warning county (A west, B east, J over both) with a third unit UC on the A–B border whose
// pupils live on both sides of it.
function county() {
  const texts = warningCountyTexts({
    'units.geojson': JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { id: 'UA', name: '西村', town: '圣城街道' }, geometry: { type: 'Point', coordinates: [118.005, 36.005] } },
      { type: 'Feature', properties: { id: 'UB', name: '东村', town: '文家街道' }, geometry: { type: 'Point', coordinates: [118.015, 36.005] } },
      { type: 'Feature', properties: { id: 'UC', name: '界河小区', town: '圣城街道' }, geometry: { type: 'Point', coordinates: [118.009, 36.008] } },
    ] }),
  });
  texts['students.csv'] += 'c1,118.009,36.008,3,A,UC\nc2,118.011,36.008,3,B,UC\n';
  const dataset = readDataset(texts, DEFAULT_RULES, 2020).dataset;
  const units: NoticeUnit[] = dataset.unitIds.map((id) => ({ id, name: { UA: '西村', UB: '东村', UC: '界河小区' }[id]!, town: id === 'UB' ? '文家街道' : '圣城街道' }));
  return { dataset, units };
}

describe('招生片区公告 of a level', () => {
  it('lists each zone\'s units by town, its 四至 from the neighbouring zones, and the units the boundary cuts', () => {
    const { dataset, units } = county();
    const notice = computeZoneNotice(dataset, dataset.zoneState, 'primary', units, DEFAULT_RULES);
    expect(notice.map((e) => dataset.schools[e.school].id)).toEqual(['A', 'B']);
    const [a, b] = notice;
    expect(a.towns).toEqual([{ town: '圣城街道', units: [units[2], units[0]].sort((x, y) => x.name.localeCompare(y.name, 'zh-CN')) }]);
    expect(b.towns).toEqual([{ town: '文家街道', units: [units[1]] }]);
    expect(a.bounds).toEqual({ east: { neighbours: ['B'], open: false }, south: { neighbours: [], open: true }, west: { neighbours: [], open: true }, north: { neighbours: [], open: true } });
    expect(b.bounds.west).toEqual({ neighbours: ['A'], open: false });
    // UC's pupils live in A's zone and in B's: both are told.
    expect(a.cut.map((u) => u.id)).toEqual(['UC']);
    expect(b.cut.map((u) => u.id)).toEqual(['UC']);
    expect([a.gained, a.lost, b.gained, b.lost]).toEqual([[], [], [], []]);
  });

  it('says which units a scenario moves from one school to another (调整说明)', () => {
    const { dataset, units } = county();
    const ctx = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])) };
    const area = { type: 'Polygon' as const, coordinates: [[[118.003, 36.003], [118.007, 36.003], [118.007, 36.007], [118.003, 36.007], [118.003, 36.003]]] };
    const state = applyZoneEdit(dataset.zoneState, { op: 'assignArea', level: 'primary', schoolId: 'B', area }, ctx);
    const [a, b] = computeZoneNotice(dataset, state, 'primary', units, DEFAULT_RULES);
    expect([a.lost.map((u) => u.id), b.gained.map((u) => u.id), a.gained, b.lost]).toEqual([['UA'], ['UA'], [], []]);
  });
});

describe('招生片区公告 四至 from roads', () => {
  it('writes a side along a named road by the road\'s name, the others by their neighbours', () => {
    const road = { type: 'Feature', properties: { class: 'arterial', name: '界河路' }, geometry: { type: 'LineString', coordinates: [[118.01, 35.99], [118.01, 36.02]] } };
    const texts = warningCountyTexts({ 'roads.geojson': JSON.stringify({ type: 'FeatureCollection', features: [road] }) });
    const dataset = readDataset(texts, DEFAULT_RULES, 2020).dataset;
    const units: NoticeUnit[] = dataset.unitIds.map((id) => ({ id, name: id, town: '' }));
    const [a, b] = computeZoneNotice(dataset, dataset.zoneState, 'primary', units, DEFAULT_RULES);
    const names: Record<string, string> = { A: 'A校', B: 'B校' };
    expect(boundsText(a, (id) => names[id], 'zh-CN')).toBe('东至界河路；南至县（市）界；西至县（市）界；北至县（市）界');
    expect(boundsText(b, (id) => names[id], 'en')).toBe('East to the county boundary; South to the county boundary; West to 界河路; North to the county boundary');
  });
});
