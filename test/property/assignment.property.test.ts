import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeGradeCounts } from '../../src/core/aggregate';
import { computeAssignment, createAssignmentWorkspace } from '../../src/core/assignment';
import type { PupilColumns } from '../../src/core/dataset';
import { computePupilLayout } from '../../src/core/pupilLayout';
import { DEFAULT_RULES } from '../../src/core/rules';
import { readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { naiveAssignment } from '../bench/naiveAssignment';
import { exactOrientation, referenceOrder, referenceZoneAt } from '../reference/evenOdd';

const dir = join(import.meta.dirname, '../../data/shouguang');
const loaded = readDataset(Object.fromEntries(REQUIRED_FILES.map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, 2020);
const { schools, zones } = loaded.dataset;
const privateSchools = schools.flatMap((s, i) => (s.ownership === 'private' ? [i] : []));

const pupil = fc.record({
  x: fc.double({ min: 118.4, max: 119.2, noNaN: true }),
  y: fc.double({ min: 36.55, max: 37.4, noNaN: true }),
  grade: fc.integer({ min: 1, max: 9 }),
  fixed: fc.integer({ min: -8, max: privateSchools.length - 1 }),
});

function columnsOf(ps: { x: number; y: number; grade: number; fixed: number }[]): PupilColumns {
  return {
    x: Float64Array.from(ps, (p) => p.x),
    y: Float64Array.from(ps, (p) => p.y),
    grade: Uint8Array.from(ps, (p) => p.grade),
    fixedSchool: Int32Array.from(ps, (p) => (p.fixed >= 0 ? privateSchools[p.fixed] : -1)),
    currentSchool: new Int32Array(ps.length).fill(-1),
    line: Uint32Array.from(ps, (_, i) => i + 2),
    unit: new Int32Array(ps.length).fill(-1),
  };
}

describe('full assignment against its from-scratch twins', () => {
  const workspace = createAssignmentWorkspace();

  it('equals the naive turf loop, counts as a separate pass would, and reuses buffers safely', () => {
    fc.assert(
      fc.property(fc.array(pupil, { minLength: 1, maxLength: 300 }), fc.integer({ min: 16, max: 600 }), (ps, gridSize) => {
        const pupils = computePupilLayout(columnsOf(ps), DEFAULT_RULES, Math.min(gridSize, 1024));
        const dataset = { ...loaded.dataset, pupils };
        // The shared workspace has just held another pupil set: its buffers must not leak into this one.
        const { schoolOf, counts } = computeAssignment(pupils, zones, schools.length, workspace);
        expect([...schoolOf]).toEqual([...naiveAssignment(dataset, loaded.zoneFeatures.features)]);
        expect([...counts]).toEqual([...computeGradeCounts(pupils, schoolOf, schools.length)]);
        const fresh = computeAssignment(pupils, zones, schools.length);
        expect([...fresh.schoolOf]).toEqual([...schoolOf]);
      }),
      { numRuns: 100 },
    );
  });

  it('handles a single pupil (a frame of zero width) without running away', () => {
    // Regression: spans were not clamped to the frame, and filling a row of a degenerate frame looped ~1e10 times.
    const pupils = computePupilLayout(columnsOf([{ x: 118.92810525663745, y: 37.063007097719854, grade: 1, fixed: -5 }]), DEFAULT_RULES, 339);
    const { schoolOf } = computeAssignment(pupils, zones, schools.length);
    expect([...schoolOf]).toEqual([...naiveAssignment({ ...loaded.dataset, pupils }, loaded.zoneFeatures.features)]);
  });
});

/** Vertices shared by two zones of a level, and midpoints of the edges two zones share. */
function sharedPlaces(level: 'primary' | 'junior') {
  const seen = new Map<string, Set<number>>();
  const edges = new Map<string, Set<number>>();
  const key = (p: number[]) => `${p[0]},${p[1]}`;
  for (const [s, zone] of loaded.dataset.zoneState.zones[level]) {
    for (const ring of zone.flat()) {
      ring.forEach((p, i) => {
        const q = ring[(i + 1) % ring.length];
        seen.set(key(p), (seen.get(key(p)) ?? new Set()).add(s));
        const e = [key(p), key(q)].sort().join('|');
        edges.set(e, (edges.get(e) ?? new Set()).add(s));
      });
    }
  }
  const corners = [...seen].filter(([, s]) => s.size >= 2).map(([k]) => k.split(',').map(Number));
  const midpoints = [...edges].filter(([, s]) => s.size >= 2).map(([e]) => {
    const [a, b] = e.split('|').map((k) => k.split(',').map(Number));
    return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  });
  // 300 of each, spread over the lists.
  const pick = (list: number[][]) => Array.from({ length: 300 }, (_, k) => list[Math.floor((k * list.length) / 300)]);
  return { corners: pick(corners), midpoints: pick(midpoints) };
}

describe('pupils exactly on shared zone corners and edges (issue 16: 281 of 300 corners and 67 of 300 midpoints were unassigned)', () => {
  it('every one is assigned, to the zone the plain even-odd reference gives', () => {
    for (const level of ['primary', 'junior'] as const) {
      const { corners, midpoints } = sharedPlaces(level);
      const grade = level === 'primary' ? 3 : 8;
      const ps = [...corners, ...midpoints].map(([x, y]) => ({ x, y, grade, fixed: -1 }));
      const pupils = computePupilLayout(columnsOf(ps), DEFAULT_RULES);
      const { schoolOf } = computeAssignment(pupils, zones, schools.length);
      const keys = [...loaded.dataset.zoneState.zones[level].keys()];
      const ref = [...loaded.dataset.zoneState.zones[level].values()];
      const order = referenceOrder(ref, DEFAULT_RULES.overlapRule);
      const expected = Array.from(pupils.x, (x, i) => keys[referenceZoneAt(ref, order, x, pupils.y[i], exactOrientation)] ?? -1);
      expect([...schoolOf]).toEqual(expected);
      expect(schoolOf.filter((s) => s < 0).length).toBe(0);
    }
  });
});
