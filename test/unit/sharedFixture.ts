import { DEFAULT_RULES, type Rules } from '../../src/core/rules';
import { readDataset, type DatasetTexts } from '../../src/io/readDataset';

/** Class cap 10 for primary, so free places are small numbers: A 2 rooms = 20, B 1 room = 10. */
export const SHARED_RULES: Rules = { ...DEFAULT_RULES, classCap: { primary: 10, junior: 50 } };

const square = (x0: number, y0: number, x1: number, y1: number) => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];

/**
 * A hand-made county for 多校划片, west to east: A's own zone (118.00–118.01), the zone A and B
 * share (118.01–118.02), B's own zone (118.02–118.03), all 36.00–36.01. A has 2 classrooms, B 1;
 * with SHARED_RULES and 5 pupils in each own zone their free places are 20 − 5 = 15 and 10 − 5 = 5,
 * weights 3 : 1. In the shared zone: 10 grade-1 pupils without a school, one grade-2 pupil enrolled
 * at A and two at B, 3 grade-3 pupils without a school. `sharedId` is how the feature names A and B.
 */
export function sharedTexts(sharedId: unknown = 'A、B', extra: Record<string, unknown> = {}): DatasetTexts {
  const school = (id: string, name: string, x: number, classrooms: number, more: Record<string, unknown> = {}) => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [x, 36.005] }, properties: { id, name, level: 'primary', ownership: 'public', classrooms, ...more },
  });
  const schools = {
    type: 'FeatureCollection',
    features: [
      school('A', '汇文学校', 118.005, 2),
      school('B', '圣城小学', 118.025, 1),
      school('C', '建桥学校', 118.04, 3),
      school('X', '现代明德学校', 118.045, 3, { ownership: 'private' }),
      school('J', '圣城中学', 118.05, 3, { level: 'junior' }),
    ],
  };
  const zone = (props: Record<string, unknown>, x0: number, x1: number) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: square(x0, 36.0, x1, 36.01) }, properties: { level: 'primary', ...props } });
  const zones = {
    type: 'FeatureCollection',
    features: [
      zone({ school_id: 'A' }, 118.0, 118.01),
      zone({ school_id: sharedId, ...extra }, 118.01, 118.02),
      zone({ school_id: 'B' }, 118.02, 118.03),
      zone({ school_id: 'C' }, 118.03, 118.05),
    ],
  };
  const rows = ['id,lon,lat,grade,school_id'];
  let n = 0;
  const pupil = (x: number, y: number, grade: number, school = '') => rows.push(`s${++n},${x.toFixed(4)},${y.toFixed(4)},${grade},${school}`);
  for (let k = 0; k < 5; k++) pupil(118.002 + 0.0015 * k, 36.003, 1);
  for (let k = 0; k < 5; k++) pupil(118.022 + 0.0015 * k, 36.003, 1);
  for (let k = 0; k < 10; k++) pupil(118.0105 + 0.0009 * k, 36.002 + 0.0005 * (k % 3), 1);
  pupil(118.012, 36.007, 2, 'A');
  pupil(118.014, 36.007, 2, 'B');
  pupil(118.016, 36.007, 2, 'B');
  for (let k = 0; k < 3; k++) pupil(118.012 + 0.002 * k, 36.008, 3);
  return { 'schools.geojson': JSON.stringify(schools), 'catchments.geojson': JSON.stringify(zones), 'students.csv': rows.join('\n') + '\n' };
}

/** The shared-zone county loaded with SHARED_RULES, base year 2024. */
export function loadShared(sharedId?: unknown, extra?: Record<string, unknown>) {
  return readDataset(sharedTexts(sharedId, extra), SHARED_RULES, 2024).dataset;
}
