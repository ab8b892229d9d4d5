import { booleanPointInPolygon, multiPolygon } from '@turf/turf';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type ZoneLevel } from '../../src/core/rules';
import { editableZones } from '../../src/core/sharedZoneEdits';
import { applyZoneEdit, EditError, type EditContext } from '../../src/core/zoneEdits';
import type { MultiPolygonCoords, ZoneState } from '../../src/core/zoneState';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { messyZoning } from './messyZoning';

const dir = join(import.meta.dirname, '../../data/shouguang');
const { dataset } = readDataset(Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, 2020);
const ctx: EditContext = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map() };
const messy: ZoneState = { ...dataset.zoneState, zones: messyZoning(dataset).zones };

type Pt = [number, number];

/** The plain move: every vertex at `from` (exactly) put at `to`, nothing clipped or cleaned. */
const moved = (m: MultiPolygonCoords, from: Pt, to: Pt): MultiPolygonCoords | undefined =>
  m.flat(2).some(([x, y]) => x === from[0] && y === from[1]) ? m.map((p) => p.map((r) => r.map(([x, y]) => (x === from[0] && y === from[1] ? to : [x, y])))) : undefined;

const inside = (m: MultiPolygonCoords | undefined, p: Pt) => m !== undefined && booleanPointInPolygon(p, multiPolygon(m), { ignoreBoundary: true });

/** Distance (degrees) from p to the segment a–b. */
function toSegment([px, py]: Pt, [ax, ay]: number[], [bx, by]: number[]): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Whether p lies within `d` degrees of an edge of any of the zones (its side is then a matter of rounding). */
const nearEdge = (zones: MultiPolygonCoords[], p: Pt, d: number) =>
  zones.some((m) => m.some((poly) => poly.some((ring) => ring.some((a, i) => i > 0 && toSegment(p, ring[i - 1], a) < d))));

/**
 * Every vertex of the messy zoning's city zones (overlapping, nested, holed and multi-part ones), as
 * [level, vertex].
 */
const vertices: [ZoneLevel, Pt][] = (['primary', 'junior'] as const).flatMap((level) =>
  [...editableZones(messy, level).values()].flatMap((m) => m.flat(2).filter(([x, y]) => x > 118.66 && x < 118.82 && y > 36.82 && y < 36.94).map((v): [ZoneLevel, Pt] => [level, [v[0], v[1]]])),
);

describe('moveVertex against a plain pointwise reference, on overlapping, nested, holed and multi-part zones', () => {
  it('a point changes zones only between the old and new edges; there, the first moved zone that gains it has it alone', () => {
    let [checked, refused, swept] = [0, 0, 0];
    fc.assert(
      fc.property(
        fc.nat({ max: vertices.length - 1 }),
        fc.double({ min: -0.003, max: 0.003, noNaN: true }),
        fc.double({ min: -0.003, max: 0.003, noNaN: true }),
        fc.array(fc.tuple(fc.integer({ min: -999, max: 999 }), fc.integer({ min: -999, max: 999 })), { minLength: 60, maxLength: 60 }),
        (k, dx, dy, offsets) => {
          const [level, from] = vertices[k];
          const to: Pt = [from[0] + dx, from[1] + dy];
          const owner = [...messy.zones[level]].find(([, m]) => moved(m, from, from))?.[0] ?? [...messy.shared[level].values()].find((z) => moved(z.polygons, from, from))!.schools[0];
          let next: ZoneState;
          try {
            next = applyZoneEdit(messy, { op: 'moveVertex', level, schoolId: dataset.schools[owner].id, from, to }, ctx);
          } catch (e) {
            refused++;
            if (e instanceof EditError) return;
            throw e;
          }
          const before = editableZones(messy, level);
          const after = editableZones(next, level);
          // The moved zones in the order the edit takes them, each with its plain new shape.
          const movedZones = [...before].flatMap(([s, m]) => {
            const n = moved(m, from, to);
            return n ? [[s, m, n] as const] : [];
          });
          const all = [...before.values(), ...after.values(), ...movedZones.map(([, , n]) => n)];
          // Half the points anywhere near the point, half in the triangles between it, its new place and
          // a neighbour on a ring, where land changes hands.
          const span = Math.max(Math.abs(dx), Math.abs(dy), 0.001) * 2;
          const neighbours = [...before.values()].flatMap((m) => m.flatMap((poly) => poly.flatMap((ring) => ring.flatMap((v, i) => (v[0] === from[0] && v[1] === from[1] ? [ring.at(i - 1)!, ring[i + 1] ?? ring[1]] : [])))));
          for (const [j, [ox, oy]] of offsets.entries()) {
            const [a, b] = [(ox + 999) / 1998, (oy + 999) / 1998];
            const [u, v] = a + b > 1 ? [1 - a, 1 - b] : [a, b];
            const nb = neighbours[j % neighbours.length];
            const p: Pt = j % 2 === 0 ? [from[0] + (ox / 1000) * span, from[1] + (oy / 1000) * span] : [from[0] + u * (to[0] - from[0]) + v * (nb[0] - from[0]), from[1] + u * (to[1] - from[1]) + v * (nb[1] - from[1])];
            if (nearEdge(all, p, 1e-7)) continue;
            checked++;
            // Moved zones that gain p, by their place in movedZones.
            const gainers = movedZones.flatMap(([, m, n], i) => (!inside(m, p) && inside(n, p) ? [i] : []));
            if (movedZones.some(([, m, n]) => inside(m, p) !== inside(n, p))) swept++;
            for (const [s, m] of before) {
              const i = movedZones.findIndex(([z]) => z === s);
              const expected = i >= 0 ? inside(movedZones[i][2], p) && !gainers.some((g) => g < i) : inside(m, p) && gainers.length === 0;
              expect(inside(after.get(s), p), `${level} zone ${s} at ${p} (moved ${from} → ${to})`).toBe(expected);
            }
          }
        },
      ),
      { numRuns: 60, seed: 20261205 },
    );
    expect(refused).toBeLessThan(30);
    expect(checked).toBeGreaterThan(1000);
    // Enough of them between the old and new edges, where land changes hands.
    expect(swept).toBeGreaterThan(100);
  });
});
