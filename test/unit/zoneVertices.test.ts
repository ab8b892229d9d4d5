import fc from 'fast-check';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import { createZoneVertices, type VertexProps } from '../../src/map/zoneVertices';

type Ring = [number, number][];
const zone = (level: string, school: string | string[], ...polygons: Ring[][]): Feature<MultiPolygon> => ({
  type: 'Feature',
  geometry: { type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map((r) => [...r, r[0]])) },
  properties: Array.isArray(school) ? { level, school_id: school.join('+'), school_ids: school } : { level, school_id: school },
});
const square = (x: number, y: number, w: number, h = w): Ring => [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
const fcOf = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** The plain reference: every distinct point of the level's zones, its zones counted and its school taken from the zone with the smallest key. */
function plainVertices(zones: FeatureCollection, level: string): Map<string, VertexProps> {
  const byPoint = new Map<string, Map<string, string[]>>();
  for (const f of zones.features) {
    if (f.properties?.level !== level || f.geometry.type !== 'MultiPolygon') continue;
    const key = `${f.properties.level}|${f.properties.school_id}`;
    for (const polygon of f.geometry.coordinates) {
      for (const ring of polygon) {
        for (const [x, y] of ring.slice(0, -1)) {
          const zonesAt = byPoint.get(`${x},${y}`) ?? new Map<string, string[]>();
          zonesAt.set(key, f.properties.school_ids ?? [f.properties.school_id]);
          byPoint.set(`${x},${y}`, zonesAt);
        }
      }
    }
  }
  return new Map([...byPoint].map(([p, zonesAt]) => [p, { school: zonesAt.get([...zonesAt.keys()].sort()[0])![0], shared: zonesAt.size > 1 }]));
}

/** A source as MapLibre keeps it: features by id, with setData and updateData applied. */
function fakeSource() {
  const byId = new Map<number, { at: number[]; props: VertexProps }>();
  return {
    setData(data: FeatureCollection) {
      byId.clear();
      for (const f of data.features) byId.set(f.id as number, { at: (f.geometry as { coordinates: number[] }).coordinates, props: { ...(f.properties as VertexProps) } });
    },
    updateData(diff: GeoJSONSourceDiff) {
      for (const id of diff.remove ?? []) {
        expect(byId.has(id as number), `removed id ${id} is in the source`).toBe(true);
        byId.delete(id as number);
      }
      for (const f of diff.add ?? []) {
        expect(byId.has(f.id as number), `added id ${f.id} is new`).toBe(false);
        byId.set(f.id as number, { at: (f.geometry as { coordinates: number[] }).coordinates, props: { ...(f.properties as VertexProps) } });
      }
      for (const u of diff.update ?? []) {
        const held = byId.get(u.id as number)!;
        for (const { key, value } of u.addOrUpdateProperties ?? []) (held.props as unknown as Record<string, unknown>)[key] = value;
      }
    },
    byPoint: () => new Map([...byId.values()].map((v) => [`${v.at[0]},${v.at[1]}`, v.props])),
    size: () => byId.size,
  };
}

describe('zone vertices kept up to date edit by edit', () => {
  // Two neighbours sharing an edge, a zone nested in one of them, a holed multi-part zone, a shared
  // zone (多校划片) and a junior zone over the same points.
  const base = [
    zone('primary', 'A', [square(0, 0, 4)]),
    zone('primary', 'B', [square(4, 0, 4)]),
    zone('primary', 'C', [square(1, 1, 1)]),
    zone('primary', 'D', [square(10, 0, 6), square(12, 2, 2)], [square(20, 0, 2)]),
    zone('primary', ['E1', 'E2'], [square(4, 4, 4)]),
    zone('junior', 'J', [square(0, 0, 8)]),
  ];

  it('gathers every point of the level once, shared where zones meet, a shared zone moved through one of its schools', () => {
    const v = createZoneVertices();
    const source = fakeSource();
    source.setData(v.reset(fcOf(base), 'primary'));
    expect(source.byPoint()).toEqual(plainVertices(fcOf(base), 'primary'));
    expect(source.byPoint().get('4,0')).toEqual({ school: 'A', shared: true });
    expect(source.byPoint().get('1,1')).toEqual({ school: 'C', shared: false });
    expect(source.byPoint().get('8,8')).toEqual({ school: 'E1', shared: false });
    expect(source.byPoint().get('4,4')).toEqual({ school: 'A', shared: true });
    expect(source.byPoint().get('8,4')).toEqual({ school: 'B', shared: true });
    // A 4, B's own 2, C 4, D's outer ring, hole and part 12, E's own 2 ((4,4) and (8,4) are met before).
    expect(source.size()).toBe(24);
  });

  it('after a boundary point of A and B moves, sends only that point out and its new place in, and the ids keep their points', () => {
    const v = createZoneVertices();
    const source = fakeSource();
    source.setData(v.reset(fcOf(base), 'primary'));
    const idOf = (x: number, y: number) => [...Array(100).keys()].find((id) => v.at(id)?.[0] === x && v.at(id)?.[1] === y);
    const kept = idOf(4, 0)!;
    const moved = [zone('primary', 'A', [[[0, 0], [4, 0], [5, 4], [0, 4]]]), zone('primary', 'B', [[[4, 0], [8, 0], [8, 4], [5, 4], [4, 4]]]), ...base.slice(2)];
    const diff = v.update(fcOf(moved))!;
    // A no longer has (4,4); B keeps it, and E still has it, so it stays shared; (5,4) is new and shared.
    expect(diff.remove).toEqual([]);
    expect(diff.add!.map((f) => (f.geometry as { coordinates: number[] }).coordinates)).toEqual([[5, 4]]);
    expect(diff.update).toEqual([{ id: idOf(4, 4), addOrUpdateProperties: [{ key: 'school', value: 'B' }, { key: 'shared', value: true }] }]);
    source.updateData(diff);
    expect(source.byPoint()).toEqual(plainVertices(fcOf(moved), 'primary'));
    expect(v.at(kept)).toEqual([4, 0]);
    expect(v.update(fcOf(moved))).toBeUndefined();
  });

  it('matches the plain gathering after any sequence of zone changes (replaced, added, removed, the level switched)', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }));
    const ring = fc.array(point, { minLength: 3, maxLength: 6 });
    const schools = fc.constantFrom('P1', 'P2', 'P3', 'P4');
    const zoneArb = fc.record({ level: fc.constantFrom('primary', 'junior'), school: fc.oneof(schools, fc.constant(['P1', 'P2'] as string[])), parts: fc.array(fc.array(ring, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }) });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), zone: zoneArb }),
      fc.record({ kind: fc.constant('add' as const), zone: zoneArb }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('level' as const) }),
    );
    const build = (z: { level: string; school: string | string[]; parts: Ring[][] }) => zone(z.level, z.school, ...z.parts);
    // One zone per level and school, as the app's zones are keyed.
    const distinct = (features: Feature[]) => [...new Map(features.map((f) => [`${f.properties!.level}|${f.properties!.school_id}`, f])).values()];
    fc.assert(
      fc.property(fc.array(zoneArb, { minLength: 1, maxLength: 5 }), fc.array(step, { maxLength: 8 }), (start, steps) => {
        let zones = distinct(start.map(build));
        let level = 'primary';
        const v = createZoneVertices();
        const source = fakeSource();
        source.setData(v.reset(fcOf(zones), level as 'primary'));
        for (const s of steps) {
          if (s.kind === 'level') {
            level = level === 'primary' ? 'junior' : 'primary';
            source.setData(v.reset(fcOf(zones), level as 'primary'));
          } else {
            if (s.kind === 'replace' && zones.length > 0) {
              const i = s.at % zones.length;
              zones = zones.map((f, k) => (k === i ? { ...build(s.zone), properties: f.properties } : f));
            } else if (s.kind === 'add') zones = distinct([...zones, build(s.zone)]);
            else if (s.kind === 'remove' && zones.length > 0) zones = zones.filter((_, k) => k !== s.at % zones.length);
            const diff = v.update(fcOf(zones));
            if (diff) source.updateData(diff);
          }
          expect(source.byPoint()).toEqual(plainVertices(fcOf(zones), level));
          for (const [p] of source.byPoint()) expect(p.split(',').map(Number)).toHaveLength(2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
