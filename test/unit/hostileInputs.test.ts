import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pupilRowsText } from './pupilRowsText';
import type { School } from '../../src/core/dataset';
import { describeEditProblem } from '../../src/core/editProblems';
import { EditError } from '../../src/core/editTypes';
import { applySetFacilities } from '../../src/core/facilityEdit';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeStandards, NATIONAL_PROFILE } from '../../src/core/standards';
import { findPolygonProblem } from '../../src/core/validation/polygonProblems';
import { checkZoneFeatures } from '../../src/core/validation/zoneFeatures';
import type { ZoneState } from '../../src/core/zoneState';
import { formatMappingFile, importDataset, parseMappingFile } from '../../src/io/import';
import { jsonDepthExceededAt } from '../../src/io/jsonLimits';
import { toStandardsJson } from '../../src/io/resultJson';
import { computeLevelSizes } from '../../src/core/levelSizes';

const square = [[118, 36], [118.01, 36], [118.01, 36.01], [118, 36.01], [118, 36]];

describe('zone rings (findPolygonProblem)', () => {
  it('passes a closed square and a bow-tie (its signed area is 0, but it encloses land), refuses collinear points', () => {
    expect(findPolygonProblem([[square]])).toBeUndefined();
    expect(findPolygonProblem([[[[119, 37], [119.01, 37.01], [119.01, 37], [119, 37.01], [119, 37]]]])).toBeUndefined();
    expect(findPolygonProblem([[[[118, 36], [118.01, 36.01], [118.02, 36.02], [118, 36]]]])).toEqual({ reason: 'zeroArea', polygon: 1 });
  });

  it('names the polygon, the position and whether it would be degrees swapped', () => {
    expect(findPolygonProblem([[square], [[[36, 118], [36, 118.01], [36.01, 118], [36, 118]]]])).toEqual({ reason: 'notLonLat', polygon: 2, position: [36, 118], swapped: true });
    expect(findPolygonProblem([[[[118, 36], [1e308, 36], [118, 37], [118, 36]]]])).toEqual({ reason: 'notLonLat', polygon: 1, position: [1e308, 36], swapped: false });
    expect(findPolygonProblem([[square.slice(0, 4)]])).toEqual({ reason: 'notClosed', polygon: 1, first: [118, 36], last: [118, 36.01] });
    expect(findPolygonProblem([])).toEqual({ reason: 'noRings', polygon: 1 });
    expect(findPolygonProblem([[['x']]])).toEqual({ reason: 'notPosition', polygon: 1 });
  });

  it('reports an unclosed ring in the validation report instead of closing it silently', () => {
    const feature = { type: 'Feature' as const, properties: { school_id: 'P1', level: 'primary' }, geometry: { type: 'Polygon' as const, coordinates: [square.slice(0, 4)] } };
    const schools: School[] = [{ id: 'P1', name: 'P1校', level: 'primary', ownership: 'public', lon: 118.005, lat: 36.005, facilities: {} }];
    expect(checkZoneFeatures([feature], schools).items).toMatchObject([{ kind: 'invalidPolygon', feature: 1, reason: 'notClosed' }]);
  });
});

describe('JSON nesting (jsonDepthExceededAt)', () => {
  it('counts brackets outside strings only, and names the line where the limit is passed', () => {
    expect(jsonDepthExceededAt('{"a": "[[[[[[", "b": [[1]]}', 3)).toBeUndefined();
    expect(jsonDepthExceededAt('{"a": "\\"[[[["}', 1)).toBeUndefined();
    expect(jsonDepthExceededAt('{\n"a":\n[[[1]]]}', 3)).toBe(3);
  });
});

describe('facility edits out of range', () => {
  it('refuses 1e308 room area and 2.5 teachers naming the field, and takes a value within its limit', () => {
    const state = { facilities: new Map() } as unknown as ZoneState;
    const ctx = { schoolIndex: new Map([['P1', 0]]) } as never;
    const refused = (facilities: Record<string, number>) => {
      try {
        applySetFacilities(state, { op: 'setFacilities', schoolId: 'P1', facilities }, ctx);
      } catch (e) {
        return describeEditProblem((e as EditError).code, (e as EditError).params, 'en');
      }
      return undefined;
    };
    expect(refused({ room_area_m2: 1e308 })).toBe('"room_area_m2" must be a number from 0 to 10000000 (counts such as classrooms and teachers: whole numbers), got 1e+308');
    expect(refused({ teachers_qualified: 2.5 })).toBe('"teachers_qualified" must be a number from 0 to 10000 (counts such as classrooms and teachers: whole numbers), got 2.5');
    expect(refused({ primary_room_area_m2: 3000 })).toBeUndefined();
  });
});

describe('standards that cannot be computed', () => {
  it('names a county CV with no school reporting the resource instead of passing it as 0', () => {
    // Two primary schools with 100 pupils each; neither reports multimedia rooms, equipment is 100,000 and 300,000 yuan.
    const school = (id: string, equipment: number): School => ({ id, name: id, level: 'primary', ownership: 'public', lon: 0, lat: 0, facilities: { equipment_value_yuan: equipment } });
    const counts = new Int32Array(2 * 10);
    counts[1] = 100;
    counts[11] = 100;
    const s = computeStandards([school('A', 100_000), school('B', 300_000)], counts, () => 3, DEFAULT_RULES, NATIONAL_PROFILE);
    expect(s.primary.notComputable.multimediaRoomsPer100).toBe('noResource');
    // X̄ = 400,000 / 200 = 2,000; per pupil 1,000 and 3,000 weighted ½ each: S = 1,000, CV = 0.5.
    expect(s.primary.cv.equipmentValuePerStudent).toBe(0.5);
    expect(s.primary.notComputable.equipmentValuePerStudent).toBeUndefined();
    expect(Object.keys(s.junior.notComputable)).toHaveLength(7);
    const json = toStandardsJson(s, computeLevelSizes([], DEFAULT_RULES));
    expect(json.junior.cvNotComputable?.roomAreaPerStudent).toBe('noPupils');
    expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity|null/);
  });
});

describe('swapped longitude and latitude in the importer', () => {
  const tiny = join(import.meta.dirname, '../fixtures/tiny');
  const swappedCsv = readFileSync(join(import.meta.dirname, '../fixtures/hostile-geo/files/students-lonlat-swapped.csv'));

  it('reads a table with its lon and lat columns exchanged when the file says so, and notes it', async () => {
    const imported = await importDataset([
      { name: 'schools.geojson', bytes: readFileSync(join(tiny, 'schools.geojson')) },
      { name: 'catchments.geojson', bytes: readFileSync(join(tiny, 'catchments.geojson')) },
      { name: '学生.csv', bytes: swappedCsv, part: 'students', swapLonLat: true },
    ]);
    const note = imported.notes.find((n) => n.part === 'students')!;
    expect(note).toMatchObject({ swapLonLat: true, mapping: { lon: 'lat', lat: 'lon' } });
    expect(pupilRowsText(imported).split('\n')[1]).toContain('a1,118.002,36.002,1');
  });

  it('keeps swapLonLat through a mapping file and refuses a value that is not true or false', () => {
    const text = formatMappingFile({ students: { file: '学生.csv', crs: 'wgs84', swapLonLat: true } });
    expect(parseMappingFile('m.json', text)).toEqual({ students: { file: '学生.csv', crs: 'wgs84', swapLonLat: true } });
    expect(() => parseMappingFile('m.json', JSON.stringify({ version: 1, parts: { students: { swapLonLat: 'yes' } } }))).toThrow('m.json: parts.students.swapLonLat must be true or false, got "yes"');
  });
});
