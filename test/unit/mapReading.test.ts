import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { area } from '@turf/turf';
import { describeGap, gapDigits } from '../../src/features/standards/gap';
import { computeScaleBar, metresPerPixel } from '../../src/map/scaleBar';
import { legendEntries } from '../../src/map/legendEntries';
import { UTILIZATION_CLASSES } from '../../src/map/style';
import { computeGainedAreas } from '../../src/map/gainedAreas';
import { labelPoint, townPoints } from '../../src/map/labelPoints';
import { zoneFigure } from '../../src/map/labels';
import { EN } from '../../src/i18n/messages.en';
import { computeCountyByYearTable } from '../../src/io/export/projectionTables';
import type { ZoneProperties } from '../../src/io/zoneFeatures';
import type { SchoolResult } from '../../src/core/simulation';

const square = (x0: number, y0: number, x1: number, y1: number): MultiPolygon['coordinates'] => [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]];
const zone = (id: string, coordinates: MultiPolygon['coordinates']): Feature<MultiPolygon, ZoneProperties> => ({ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates }, properties: { school_id: id, level: 'primary' } as ZoneProperties });

describe('numbers that show their gap', () => {
  it('writes 2.38 rooms per 100 pupils against 2.4 with two digits, so the shortfall shows', () => {
    expect(gapDigits(2.38, 2.4, 1)).toBe(2);
    expect(gapDigits(3.9, 4.5, 1)).toBe(1);
    expect(gapDigits(2.3996, 2.4, 1)).toBe(4);
    expect(describeGap('zh-CN', { pupils: 1000 }, { key: 'multimediaRoomsPer100', value: 2.38, threshold: 2.4 })).toBe('网络多媒体教室 2.38 间/百生，需 2.40 间/百生，按 1,000 名学生约缺 1 间');
  });

  it('writes the years of the report’s county table without digit grouping', () => {
    const table = computeCountyByYearTable([], 'zh-CN');
    expect(table.plainColumns).toEqual([0]);
  });
});

describe('the printed map', () => {
  it('chooses a round scale bar that fits', () => {
    // At the equator and zoom 0 a pixel is 40,075,016.686 / 512 m.
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metresPerPixel(60, 1)).toBeCloseTo(78271.517 / 4, 2);
    // 10 m per px, at most 140 px: 1,400 m fits, the round length is 1 km (100 px).
    expect(computeScaleBar(10, 140)).toEqual({ metres: 1000, px: 100, label: '1 km' });
    expect(computeScaleBar(3, 140)).toEqual({ metres: 200, px: 200 / 3, label: '200 m' });
    expect(computeScaleBar(40, 140)).toEqual({ metres: 5000, px: 125, label: '5 km' });
  });

  it('puts 98 % in a class of its own, apart from 90 % and from 100 %, with the legend’s labels', () => {
    const classOf = (u: number) => UTILIZATION_CLASSES.findLastIndex((c) => u >= c.from);
    expect([classOf(0.9), classOf(0.98), classOf(1.0), classOf(1.02)]).toEqual([2, 3, 4, 4]);
    expect(legendEntries('utilization', 'zh-CN').map((e) => e.label)).toEqual(['< 70%', '70%–85%', '85%–95%', '95%–100%', '100%–115%', '115%–140%', '≥ 140%', '无数据']);
    expect(legendEntries('compliance', 'en').map((e) => e.label)).toEqual(['Within limits', 'Classes over cap', 'Oversized', 'Private']);
  });
});

describe('labels', () => {
  const school = { utilization: 0.98, oversize: false, classesOverCap: 3 } as SchoolResult;
  it('labels a zone with the key figure of the colouring', () => {
    expect(zoneFigure(school, 'utilization', 'zh-CN')).toBe('98%');
    expect(zoneFigure(school, 'compliance', 'zh-CN')).toBe('超额 3 班');
    expect(zoneFigure({ ...school, oversize: true }, 'compliance', 'en')).toBe('Oversized');
    expect(zoneFigure({ ...school, classesOverCap: 0 }, 'compliance', 'zh-CN')).toBe('达标');
  });

  it('places a zone’s label inside its largest part, and a town’s at the median of its units', () => {
    // A small square and a large L-shaped part whose centroid lies outside it.
    const L: MultiPolygon = { type: 'MultiPolygon', coordinates: [...square(10, 10, 10.1, 10.1), [[[0, 0], [4, 0], [4, 1], [1, 1], [1, 4], [0, 4], [0, 0]]]] };
    const [x, y] = labelPoint(L)!;
    expect(x >= 0 && x <= 4 && y >= 0 && y <= 4 && (x <= 1 || y <= 1)).toBe(true);
    const units: FeatureCollection = {
      type: 'FeatureCollection',
      features: [[1, 1, '稻田镇'], [2, 5, '稻田镇'], [9, 2, '稻田镇'], [5, 5, '侯镇']].map(([x, y, town]) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x as number, y as number] }, properties: { town } })),
    };
    expect(townPoints(units).features.map((f) => [f.properties?.name, f.geometry.coordinates])).toEqual([['稻田镇', [2, 2]], ['侯镇', [5, 5]]]);
  });
});

describe('the area an edit changed', () => {
  it('is what the replaced zones gained; zones kept as they were are not compared', () => {
    const a = zone('A', square(0, 0, 2, 2));
    const b = zone('B', square(2, 0, 4, 2));
    const c = zone('C', square(0, 2, 4, 4));
    // B takes the strip x 1..2 from A.
    const after = { type: 'FeatureCollection' as const, features: [zone('A', square(0, 0, 1, 2)), zone('B', square(1, 0, 4, 2)), c] };
    const gained = computeGainedAreas({ type: 'FeatureCollection', features: [a, b, c] }, after);
    expect(gained.features).toHaveLength(1);
    expect(area(gained.features[0])).toBeCloseTo(area({ type: 'Polygon', coordinates: square(1, 0, 2, 2)[0] }), -2);
  });
});

describe('the English interface', () => {
  // Chinese terms kept on purpose: glosses in parentheses and the cohort words being explained.
  const GLOSSES = new Set(['importCohorts', 'importCohortRule', 'importCohortPrimary', 'importCohortJunior', 'language', 'shareWith', 'sharedZone', 'nearbyMinLabel', 'diversions', 'distanceTitle']);
  it('writes no Chinese outside its glosses (no 大班额 in the standards card or a chart title)', () => {
    const chinese = Object.entries(EN).filter(([k, v]) => !GLOSSES.has(k) && /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(v)).map(([k]) => k);
    expect(chinese).toEqual([]);
  });
});
