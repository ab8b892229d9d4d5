import { describe, expect, it } from 'vitest';
import { applyZoneEdit, type ZoneEdit } from '../../src/core/zoneEdits';
import { applyZoneChanges, computeZoneChanges, computeZoneFeatures } from '../../src/io/zoneFeatures';
import { loadTiny } from './tinyFixture';

const square = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });

describe('zone changes sent to the map', () => {
  const d = loadTiny();
  const ctx = { schools: d.schools, schoolIndex: new Map(d.schools.map((s, i) => [s.id, i])), unitIndex: new Map(d.unitIds.map((u, i) => [u, i])) };
  const sorted = (fc: ReturnType<typeof computeZoneFeatures>) => [...fc.features].sort((a, b) => `${a.properties.level}${a.properties.school_id}`.localeCompare(`${b.properties.level}${b.properties.school_id}`));
  const edits: ZoneEdit[] = [
    // A strip of P1's zone to P2: two zones change.
    { op: 'assignArea', level: 'primary', schoolId: 'P2', area: square(118.008, 36.0, 118.012, 36.01) },
    // N9, which had no zone, gets one.
    { op: 'assignArea', level: 'primary', schoolId: 'N9', area: square(118.0, 36.015, 118.005, 36.02) },
    // P2's whole zone goes to P1: P2's zone is gone.
    { op: 'mergeZones', level: 'primary', schoolId: 'P1', fromSchoolId: 'P2' },
  ];

  it('lists only the zones that change, and applying them gives the next state’s zones', () => {
    let state = d.zoneState;
    let shown = computeZoneFeatures(state, d.schools);
    const counts: number[] = [];
    for (const edit of edits) {
      const next = applyZoneEdit(state, edit, ctx);
      const changes = computeZoneChanges(state, next, d.schools);
      counts.push(changes.length);
      shown = applyZoneChanges(shown, changes);
      expect(sorted(shown)).toEqual(sorted(computeZoneFeatures(next, d.schools)));
      state = next;
    }
    expect(counts).toEqual([2, 2, 2]);
    expect(shown.features.some((f) => f.properties.school_id === 'P2' && f.properties.level === 'primary')).toBe(false);
    // Undo all at once: back to the zones as loaded.
    expect(sorted(applyZoneChanges(shown, computeZoneChanges(state, d.zoneState, d.schools)))).toEqual(sorted(computeZoneFeatures(d.zoneState, d.schools)));
  });
});
