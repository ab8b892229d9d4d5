import type { GeoJSONSourceDiff, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry, MultiPolygon } from 'geojson';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyZoneChanges, type ZoneProperties } from '../../src/io/zoneFeatures';
import { createHotZones, FOLD_IDLE_MS } from '../../src/map/hotZones';
import { keyedZones, zonesApart } from '../../src/map/zoneSource';

const square = (x: number): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]] });
const zone = (school_id: string, level: 'primary' | 'junior', x: number): Feature<MultiPolygon, ZoneProperties> => ({
  type: 'Feature',
  geometry: square(x),
  properties: { school_id, level },
});
const start: FeatureCollection<MultiPolygon, ZoneProperties> = {
  type: 'FeatureCollection',
  features: [zone('P01', 'primary', 0), zone('N02', 'primary', 1), zone('N02', 'junior', 1), zone('P03', 'primary', 2)],
};
const keys = (fs: Feature[]) => fs.map((f) => f.properties!.key);

describe('the zones an edit draws from the hot source', () => {
  it('are those changed or added since the zones source\'s version; changed and gone ones are hidden there', () => {
    const after = applyZoneChanges(start, [
      { level: 'primary', schoolId: 'P01', geometry: square(10) },
      { level: 'primary', schoolId: 'P03', geometry: null },
      { level: 'primary', schoolId: 'P04', geometry: square(4) },
      { level: 'junior', schoolId: 'N02', geometry: square(11) },
    ]);
    const apart = zonesApart(after, [start], 'primary');
    expect(keys(apart.hot)).toEqual(['primary|P01', 'primary|P04']);
    expect(apart.hot[0].geometry).toEqual(square(10));
    expect([...apart.hidden].sort()).toEqual(['primary|P01', 'primary|P03', 'primary|P04']);
    // The other level's change is not drawn: its zones are not in the source.
    expect(keys(zonesApart(after, [start], 'junior').hot)).toEqual(['junior|N02']);
    expect(zonesApart(start, [start], 'primary')).toEqual({ hot: [], hidden: new Set() });
  });

  it('while the zones source takes in a version, count as changed against either version', () => {
    const taking = applyZoneChanges(start, [{ level: 'primary', schoolId: 'P01', geometry: square(10) }]);
    // Undone while the zones source takes the edit in: P01 is the start's again, but the source may draw the edit's.
    expect(keys(zonesApart(start, [start, taking], 'primary').hot)).toEqual(['primary|P01']);
    expect(zonesApart(taking, [taking, taking], 'primary').hot).toEqual([]);
  });
});

/**
 * The part of a MapLibre map the hot zones use, drawing as MapLibre would: the zones source's
 * content (key → geometry; while a diff is taken in, a tile may draw either version), the hot
 * source's, and each zone's `stale` state.
 */
function fakeMap(level: 'primary' | 'junior', zones: FeatureCollection) {
  const handlers = new Set<() => void>();
  const stale = new Map<string, boolean>();
  let cold = new Map(keyedZones(zones, level).features.map((f) => [String(f.properties!.key), f.geometry]));
  let pending: Map<string, Geometry> | undefined;
  let hot = new Map<string, Geometry>();
  const map = {
    updates: 0,
    on: (_: string, f: () => void) => handlers.add(f),
    off: (_: string, f: () => void) => handlers.delete(f),
    wholes: 0,
    getSource: (id: string) => (id === 'zones' ? {
      // Drawn once re-tiled: the edit frame holds the map's frames until then.
      setData(d: FeatureCollection) {
        map.wholes++;
        cold = new Map(d.features.map((f) => [String(f.properties!.key), f.geometry]));
        pending = undefined;
      },
      updateData(diff: GeoJSONSourceDiff) {
        map.updates++;
        pending = new Map(cold);
        for (const id of diff.remove ?? []) pending.delete(String(id));
        for (const f of diff.add ?? []) pending.set(String(f.properties!.key), f.geometry);
        for (const u of diff.update ?? []) pending.set(String(u.id), u.newGeometry!);
        return Promise.resolve();
      },
    } : {
      setData(d: FeatureCollection) {
        hot = new Map(d.features.map((f) => [String(f.properties!.key), f.geometry]));
      },
    }),
    isSourceLoaded: (id: string) => id !== 'zones' || !pending,
    setFeatureState: (target: { source: string; id: string }, state: { stale: boolean }) => {
      expect(target.source).toBe('zones');
      stale.set(target.id, state.stale);
    },
    /** The zones source has re-tiled the diff it was given. */
    finish() {
      if (!pending) return;
      cold = pending;
      pending = undefined;
      for (const f of handlers) f();
    },
    /** The zones the hot source draws, and those the zones source leaves out. */
    get hotKeys() {
      return [...hot.keys()];
    },
    get staleKeys() {
      return [...stale].filter(([, v]) => v).map(([k]) => k);
    },
    /**
     * Whether the map draws exactly `now`'s zones of the level: each once, from one source, with its
     * geometry; while the zones source takes a diff in, a zone it draws must be right in both versions.
     */
    drawsExactly(now: FeatureCollection): void {
      const want = new Map(keyedZones(now, level).features.map((f) => [String(f.properties!.key), f.geometry]));
      const versions = pending ? [cold, pending] : [cold];
      const coldKeys = new Set(versions.flatMap((v) => [...v.keys()]));
      for (const key of new Set([...want.keys(), ...coldKeys, ...hot.keys()])) {
        const fromHot = hot.get(key);
        const fromCold = stale.get(key) ? [] : versions.map((v) => v.get(key));
        const drawnCold = fromCold.some((g) => g !== undefined);
        expect(fromHot !== undefined && drawnCold, `${key} drawn twice`).toBe(false);
        if (fromHot) expect(fromHot, key).toBe(want.get(key));
        else if (drawnCold) for (const g of fromCold) expect(g, key).toBe(want.get(key));
        else expect(want.has(key), `${key} not drawn`).toBe(false);
      }
    },
  };
  return map;
}

/** Hot zones over a stand-in map whose zones source was given `zones` (primary) whole. */
function hotOver(zones: FeatureCollection, redrawn: () => void = () => {}) {
  const map = fakeMap('primary', zones);
  const hot = createHotZones(map as unknown as MapLibreMap, redrawn);
  hot.reset(zones, 'primary');
  return { map, hot };
}

describe('hot zones over the zones source', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('draws an edit from the hot source at once, and folds it into the zones source once edits pause', () => {
    const redrawn = vi.fn();
    const { map, hot } = hotOver(start, redrawn);
    const edited = applyZoneChanges(start, [{ level: 'primary', schoolId: 'P01', geometry: square(10) }]);
    expect(hot.show(edited)).toBe(true);
    map.drawsExactly(edited);
    expect(map.updates).toBe(0);
    vi.advanceTimersByTime(FOLD_IDLE_MS - 1);
    expect(map.updates).toBe(0);
    vi.advanceTimersByTime(1);
    expect(map.updates).toBe(1);
    map.drawsExactly(edited);
    map.finish();
    map.drawsExactly(edited);
    // All drawn from the zones source again, in one frame.
    expect([map.hotKeys, map.staleKeys]).toEqual([[], []]);
    expect(redrawn).toHaveBeenCalledTimes(1);
    // Nothing left to fold.
    vi.advanceTimersByTime(FOLD_IDLE_MS * 2);
    expect(map.updates).toBe(1);
  });

  it('says when an edit changed no zone of the shown level', () => {
    const { map, hot } = hotOver(start);
    expect(hot.show(applyZoneChanges(start, [{ level: 'junior', schoolId: 'N02', geometry: square(9) }]))).toBe(false);
    vi.advanceTimersByTime(FOLD_IDLE_MS * 2);
    expect(map.updates).toBe(0);
  });

  it('keeps edits coming apart from the fold: the fold waits for a pause', () => {
    const { map, hot } = hotOver(start);
    let now: FeatureCollection<MultiPolygon, ZoneProperties> = start;
    for (let i = 0; i < 5; i++) {
      now = applyZoneChanges(now, [{ level: 'primary', schoolId: i % 2 ? 'P01' : 'N02', geometry: square(20 + i) }]);
      hot.show(now);
      vi.advanceTimersByTime(FOLD_IDLE_MS / 2);
      map.drawsExactly(now);
    }
    expect(map.updates).toBe(0);
  });

  it('draws the zones right through any order of edits, undos, pauses and the zones source re-tiling', () => {
    const schools = ['P01', 'N02', 'P03', 'P04'];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), school: fc.constantFrom(...schools), x: fc.integer({ min: 0, max: 50 }), gone: fc.boolean() }),
      fc.record({ kind: fc.constant('undo' as const) }),
      fc.record({ kind: fc.constant('pause' as const) }),
      fc.record({ kind: fc.constant('retiled' as const) }),
    );
    fc.assert(fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
      const { map, hot } = hotOver(start);
      const history: FeatureCollection<MultiPolygon, ZoneProperties>[] = [start];
      for (const s of steps) {
        const now = history[history.length - 1];
        if (s.kind === 'edit') {
          history.push(applyZoneChanges(now, [{ level: 'primary', schoolId: s.school, geometry: s.gone ? null : square(s.x) }]));
          hot.show(history[history.length - 1]);
        } else if (s.kind === 'undo' && history.length > 1) {
          history.pop();
          hot.show(history[history.length - 1]);
        } else if (s.kind === 'pause') vi.advanceTimersByTime(FOLD_IDLE_MS);
        else if (s.kind === 'retiled') map.finish();
        map.drawsExactly(history[history.length - 1]);
      }
      hot.destroy();
    }), { numRuns: 300 });
  });

  it('gives the zones source the zones whole when an edit changes many of them', () => {
    const many: FeatureCollection<MultiPolygon, ZoneProperties> = {
      type: 'FeatureCollection',
      features: Array.from({ length: 40 }, (_, i) => zone(`S${i}`, 'primary', i)),
    };
    const { map, hot } = hotOver(many);
    // Ten of forty: a quarter or less, drawn hot.
    const ten = applyZoneChanges(many, Array.from({ length: 10 }, (_, i) => ({ level: 'primary' as const, schoolId: `S${i}`, geometry: square(100 + i) })));
    hot.show(ten);
    expect([map.hotKeys.length, map.wholes]).toEqual([10, 0]);
    map.drawsExactly(ten);
    // Eleven: the whole level goes to the zones source, nothing is drawn hot.
    const eleven = applyZoneChanges(ten, [{ level: 'primary', schoolId: 'S10', geometry: square(110) }]);
    hot.show(eleven);
    expect([map.hotKeys, map.staleKeys, map.wholes]).toEqual([[], [], 1]);
    map.drawsExactly(eleven);
    vi.advanceTimersByTime(FOLD_IDLE_MS * 2);
    expect(map.updates).toBe(0);
  });

  it('starts over when the zones source is given another level whole', () => {
    const { map, hot } = hotOver(start);
    const edited = applyZoneChanges(start, [{ level: 'primary', schoolId: 'P01', geometry: square(10) }]);
    hot.show(edited);
    expect([map.hotKeys, map.staleKeys]).toEqual([['primary|P01'], ['primary|P01']]);
    hot.showWhole(edited, 'junior');
    expect([map.hotKeys, map.staleKeys, map.wholes]).toEqual([[], [], 1]);
    vi.advanceTimersByTime(FOLD_IDLE_MS * 2);
    expect(map.updates).toBe(0);
  });
});
