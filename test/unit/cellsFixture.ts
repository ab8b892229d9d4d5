import { DEFAULT_RULES, type OverlapRule } from '../../src/core/rules';
import type { EditContext } from '../../src/core/zoneEdits';
import type { MultiPolygonCoords } from '../../src/core/zoneState';
import { readDataset } from '../../src/io/readDataset';
import { datasetUnitCells, prepareUnitCells, unitCellArea } from '../../src/core/units/datasetCells';

/** A hand-made county for the unit cell tests: primary schools, their zones, pupils and unit points. */
export interface CellCounty {
  /** School id → its primary zone (a MultiPolygon, in file order). */
  zones: [string, MultiPolygonCoords][];
  /** Extra primary schools without a zone. */
  schools?: string[];
  /** Pupils: x, y, unit id (grade 1). */
  pupils: [number, number, string][];
  /** Unit points: id, x, y. */
  units?: [string, number, number][];
  rule?: OverlapRule;
  county?: MultiPolygonCoords;
}

/** A rectangle as MultiPolygon coordinates. */
export const box = (x0: number, y0: number, x1: number, y1: number): MultiPolygonCoords => [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]];

/** Reads a CellCounty through the dataset reader (schools S1…, ids as given) and an edit context with its cells. */
export function cellCounty(c: CellCounty) {
  const ids = [...c.zones.map(([id]) => id), ...(c.schools ?? [])];
  const schools = { type: 'FeatureCollection', features: ids.map((id) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { id, name: `学校${id}`, level: 'primary', ownership: 'public' } })) };
  const zones = { type: 'FeatureCollection', features: c.zones.map(([id, m]) => ({ type: 'Feature', properties: { school_id: id, level: 'primary' }, geometry: { type: 'MultiPolygon', coordinates: m } })) };
  const students = 'id,lon,lat,grade,school_id,unit_id\n' + c.pupils.map(([x, y, u], i) => `s${i},${x},${y},1,,${u}`).join('\n');
  const units = { type: 'FeatureCollection', features: (c.units ?? []).map(([id, x, y]) => ({ type: 'Feature', properties: { id, name: id, kind: 'compound' }, geometry: { type: 'Point', coordinates: [x, y] } })) };
  const rules = { ...DEFAULT_RULES, overlapRule: c.rule ?? DEFAULT_RULES.overlapRule };
  const { dataset } = readDataset({ 'schools.geojson': JSON.stringify(schools), 'catchments.geojson': JSON.stringify(zones), 'students.csv': students, 'units.geojson': JSON.stringify(units) }, rules, 2024);
  prepareUnitCells(dataset, rules.overlapRule, c.county);
  const ctx: EditContext = {
    schools: dataset.schools,
    schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])),
    unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])),
    county: c.county,
    unitArea: (level, u) => unitCellArea(dataset, level, u),
  };
  const unit = (id: string) => dataset.unitIds.indexOf(id);
  return { dataset, ctx, rules, unit, cells: datasetUnitCells(dataset, 'primary'), area: (id: string) => unitCellArea(dataset, 'primary', unit(id)) };
}

/** Area of MultiPolygon coordinates in square degrees (outer rings less holes). */
export function planarArea(m: MultiPolygonCoords): number {
  let total = 0;
  for (const polygon of m) {
    polygon.forEach((ring, k) => {
      let a = 0;
      for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      total += k === 0 ? Math.abs(a) / 2 : -Math.abs(a) / 2;
    });
  }
  return total;
}
