import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { checkPupilShift } from '../../src/core/validation/shift';
import { describeValidationItem } from '../../src/core/validation';
import type { MultiPolygonCoords } from '../../src/core/zoneState';

// Two primary zones side by side, 600 m × 550 m each, in Shouguang (118.70–118.714 E, 36.90–36.905 N).
const square = (x0: number): MultiPolygonCoords => [[[[x0, 36.9], [x0 + 0.007, 36.9], [x0 + 0.007, 36.905], [x0, 36.905], [x0, 36.9]]]];
const zones = new Map([[0, square(118.7)], [1, square(118.707)]]);

/** 400 homes on a grid inside the two zones (WGS84). */
function homes() {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < 20; i++) for (let j = 0; j < 20; j++) {
    x.push(118.7005 + i * 0.00065);
    y.push(36.9003 + j * 0.00022);
  }
  return { x, y };
}
const pupils = (x: number[], y: number[]) => ({ x: Float64Array.from(x), y: Float64Array.from(y), line: Uint32Array.from(x, (_, i) => i + 2) });

describe('pupils shifted against the zones', () => {
  it('warns when GCJ-02 homes are read as WGS84 (~500 m off): most fall outside, read as GCJ-02 they are inside', () => {
    const { x, y } = homes();
    const gcj = x.map((lon, i) => gcoord.transform([lon, y[i]], gcoord.WGS84, gcoord.GCJ02));
    const item = checkPupilShift('primary', zones, pupils(gcj.map((p) => p[0]), gcj.map((p) => p[1])));
    expect(item).toMatchObject({ kind: 'shiftedPupils', severity: 'warning', level: 'primary', crs: 'gcj02', sampled: 400, outsideAsCrs: 0 });
    // About 0.0056° east and 0.0004° north: the homes within 0.0056° of the east edge (7 of 20 columns) leave the zones.
    expect(item!.outside).toBe(140);
    expect(item!.geometry.coordinates).toHaveLength(item!.outside);
    expect(describeValidationItem(item!, 'en')).toContain('read as GCJ-02 coordinates only 0 would');
    expect(describeValidationItem(item!, 'zh-CN')).toContain('按 GCJ-02 坐标读取则只有 0 名');
  });

  it('tells BD-09 homes from GCJ-02 ones', () => {
    const { x, y } = homes();
    const bd = x.map((lon, i) => gcoord.transform([lon, y[i]], gcoord.WGS84, gcoord.BD09));
    expect(checkPupilShift('junior', zones, pupils(bd.map((p) => p[0]), bd.map((p) => p[1])))).toMatchObject({ crs: 'bd09', level: 'junior', outsideAsCrs: 0 });
  });

  it('says nothing for homes in WGS84, or for homes outside the zones that no conversion brings in', () => {
    const { x, y } = homes();
    expect(checkPupilShift('primary', zones, pupils(x, y))).toBeUndefined();
    // Half the homes 5 km north: outside, but converting does not bring them in.
    const far = y.map((lat, i) => (i % 2 === 0 ? lat + 0.045 : lat));
    expect(checkPupilShift('primary', zones, pupils(x, far))).toBeUndefined();
  });
});
