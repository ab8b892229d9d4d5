import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssignmentWorkspace } from '../../src/core/assignment';
import type { EditPreview } from '../../src/core/editPreview';
import { DEFAULT_RULES, teachesLevel, type ZoneLevel } from '../../src/core/rules';
import type { ZoneEdit } from '../../src/core/zoneEdits';
import type { MultiPolygonCoords, ZoneState } from '../../src/core/zoneState';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { createEditSession, type EditOutcome, type EditRefusal, type EditSession } from '../../workers/editSession';

// The default dataset: previews run against its real zones (shared 多校划片 zones included).
const dir = join(import.meta.dirname, '../../data/shouguang');
const loaded = () => readDataset(Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, 2020);
const watched = loaded();
const dataset = watched.dataset;
const zonedSchools = (level: ZoneLevel) => dataset.schools.filter((s) => s.ownership === 'public' && teachesLevel(s.level, level)).map((s) => s.id);

const quad = fc.record({
  cx: fc.double({ min: 118.62, max: 118.86, noNaN: true }),
  cy: fc.double({ min: 36.8, max: 36.95, noNaN: true }),
  r: fc.double({ min: 0.002, max: 0.03, noNaN: true }),
}).map(({ cx, cy, r }) => ({ type: 'Polygon' as const, coordinates: [[[cx - r, cy - r], [cx + r, cy - r * 0.6], [cx + r, cy + r], [cx - r * 0.7, cy + r], [cx - r, cy - r]]] }));

type Pick = { kind: 'area'; level: ZoneLevel; pick: number; area: { type: 'Polygon'; coordinates: number[][][] } } | { kind: 'vertex'; level: ZoneLevel; pick: number; vertex: number; dx: number; dy: number };
const level = fc.constantFrom<ZoneLevel>('primary', 'junior');
const pick: fc.Arbitrary<Pick> = fc.oneof(
  fc.record({ kind: fc.constant('area' as const), level, pick: fc.nat(), area: quad }),
  fc.record({ kind: fc.constant('vertex' as const), level, pick: fc.nat(), vertex: fc.nat(), dx: fc.double({ min: -0.004, max: 0.004, noNaN: true }), dy: fc.double({ min: -0.004, max: 0.004, noNaN: true }) }),
);

/** The edit a random pick stands for in `state`: an area given to a school, or a zone vertex moved (as a drag does). */
function toEdit(p: Pick, state: ZoneState): ZoneEdit {
  if (p.kind === 'area') {
    const schools = zonedSchools(p.level);
    return { op: 'assignArea', level: p.level, schoolId: schools[p.pick % schools.length], area: p.area };
  }
  const zoned: [number, MultiPolygonCoords][] = [...state.zones[p.level], ...[...state.shared[p.level].values()].map((z): [number, MultiPolygonCoords] => [z.schools[0], z.polygons])];
  const [school, zone] = zoned[p.pick % zoned.length];
  const ring = zone[0][0];
  const [x, y] = ring[p.vertex % (ring.length - 1)];
  return { op: 'moveVertex', level: p.level, schoolId: dataset.schools[school].id, from: [x, y], to: [x + p.dx, y + p.dy] };
}

/** An outcome without its timing (the only part that may differ between two equal steps). */
const untimed = (o: EditOutcome | EditRefusal) => (o.ok ? { ...o, computeMs: 0 } : o);

describe('previewEdit: what an edit would do, without doing it', () => {
  // Two sessions over the same data: `previewed` previews random edits before every real step, `plain` never does.
  const previewed: EditSession = createEditSession(watched, DEFAULT_RULES, createAssignmentWorkspace());
  const plain: EditSession = createEditSession(loaded(), DEFAULT_RULES, createAssignmentWorkspace());
  let compared = 0;
  let previewsWithMoves = 0;
  let droppedAtLast = 0;

  it('previews then a real edit give exactly the real edit alone, and each preview gives the figures its own commit gives', () => {
    fc.assert(
      fc.property(fc.array(pick, { minLength: 1, maxLength: 3 }), pick, fc.boolean(), (candidates, real, dropAtLast) => {
        let lastPreviewed: ZoneEdit | undefined;
        for (const c of candidates) {
          const edit = toEdit(c, previewed.state());
          const before = previewed.state();
          const preview = previewed.previewEdit(edit);
          lastPreviewed = edit;
          // Untouched: the same state object, and the same results as the session that never previewed.
          expect(previewed.state()).toBe(before);
          if (!preview.ok) continue;
          // The preview is what committing the edit gives (the commit is the incremental path, itself checked against a from-scratch twin).
          const committed = plain.apply(edit);
          expect(committed.ok).toBe(true);
          if (!committed.ok) continue;
          expectPreviewMatches(preview, committed);
          if (preview.moved > 0) previewsWithMoves++;
          plain.undo();
        }
        // Dropped where the pointer was last previewed: the session commits the state that preview made.
        const edit = dropAtLast && lastPreviewed ? lastPreviewed : toEdit(real, plain.state());
        if (dropAtLast) droppedAtLast++;
        const a = previewed.apply(edit);
        const b = plain.apply(edit);
        expect(untimed(a)).toEqual(untimed(b));
        expect(previewed.schoolOf()).toEqual(plain.schoolOf());
        expect(previewed.standards()).toEqual(plain.standards());
        compared++;
        // Keep the history short: one real edit on top of the dataset's zoning at most.
        if (a.ok) previewed.undo();
        if (b.ok) plain.undo();
      }),
      // A fixed seed: the sample is held to having moved pupils in previews, which a random draw may not.
      { numRuns: 12, seed: 20261204 },
    );
    expect(compared).toBe(12);
    // The random edits must have moved pupils in previews, or the comparison says little.
    expect(previewsWithMoves).toBeGreaterThan(3);
    expect(droppedAtLast).toBeGreaterThan(2);
  }, 240_000);
});

/** The preview's moves and school figures equal the committed edit's. */
function expectPreviewMatches(preview: EditPreview, committed: EditOutcome): void {
  expect(preview.moved).toBe(committed.moved.reduce((a, m) => a + m.count, 0));
  const flows = new Map<string, number>();
  for (const m of committed.moved) flows.set(`${m.from}|${m.to}`, (flows.get(`${m.from}|${m.to}`) ?? 0) + m.count);
  expect(new Map(preview.flows.map((f) => [`${f.from}|${f.to}`, f.count]))).toEqual(flows);
  for (const s of preview.schools) {
    const after = committed.result.schools.find((r) => r.id === s.schoolId)!;
    expect([s.pupils, s.largestClass, s.oversize]).toEqual([after.enrollment, after.maxClassSize, after.oversize]);
  }
}
