import { GRADE_STRIDE } from './aggregate';
import type { PupilTable, ZoneSet } from './dataset';
import { ZONE_LEVELS, type ZoneLevel } from './rules';
import { buildZoneGrid, FIRST_SLOT, type ZoneGrid } from './zoneGrid';
import { exactZones } from './zoneLocate';

/** Pupils living in several zones of their level: pupil row → the schools of those zones, the one they go to first. */
export type OverlapPupils = Map<number, Int32Array>;

/** Pupils in no zone's interior who lie exactly on a zone's boundary, placed by the boundary rule. */
export type BoundaryPupils = Set<number>;

/** Marks a pupil that no zone of their level contains. */
export const UNASSIGNED = -1;

/**
 * Writes into `out[i]` the school index of every pupil i of zoned segment `segment` (0 primary,
 * 1 junior): the school of the zone containing the pupil's home (where zones overlap, the zone of
 * best rank), or UNASSIGNED; adds each assigned pupil to `counts[school * GRADE_STRIDE + grade]`,
 * and notes the pupils living in several zones in `overlaps` and those placed by the boundary rule
 * in `onBoundary`. The grid must be built on
 * `pupils.frame`; the scratch arrays hold at least as many items as the segment has pupils.
 */
export function assignSegment(
  grid: ZoneGrid,
  zoneSchool: Int32Array,
  pupils: PupilTable,
  segment: 0 | 1,
  out: Int32Array,
  counts: Int32Array,
  scratch: { list: Int32Array; zones: Int32Array },
  overlaps: OverlapPupils,
  onBoundary: BoundaryPupils,
): void {
  const { x, y, cell, grade, runStart } = pupils;
  const { cells, stateWinner, stateZoneStart, stateZones } = grid;
  // Imported constants can compile to property reads (CommonJS interop in Node): hoist them.
  const firstSlot = FIRST_SLOT;
  const unassigned = UNASSIGNED;
  const stride = GRADE_STRIDE;
  const list = scratch.list;
  const schoolsOf = (zones: ArrayLike<number>, count: number) => Int32Array.from({ length: count }, (_, k) => zoneSchool[zones[k]]);
  // Pupils of a cell are consecutive (Morton order), so a cell is looked up once per run. Pupils in
  // boundary cells are only noted here and take the exact test afterwards, in one batch.
  let boundary = 0;
  for (let r = pupils.segmentRun[segment], lastRun = pupils.segmentRun[segment + 1]; r < lastRun; r++) {
    const from = runStart[r];
    const to = runStart[r + 1];
    const c = cell[from];
    const v = c >= 0 ? cells[c] : -1;
    if (v >= 0) {
      const school = zoneSchool[stateWinner[v]];
      const base = school * stride;
      for (let i = from; i < to; i++) {
        out[i] = school;
        counts[base + grade[i]]++;
      }
      const zoneCount = stateZoneStart[v + 1] - stateZoneStart[v];
      if (zoneCount > 1) {
        const shared = schoolsOf(stateZones.subarray(stateZoneStart[v]), zoneCount);
        for (let i = from; i < to; i++) overlaps.set(i, shared);
      }
    } else {
      for (let i = from; i < to; i++) out[i] = unassigned;
      if (v <= firstSlot) for (let i = from; i < to; i++) list[boundary++] = i;
    }
  }
  exactZones(grid, x, y, cell, list, boundary, scratch.zones, (i, zones, count, edge) => (edge ? onBoundary.add(i) : overlaps.set(i, schoolsOf(zones, count))));
  for (let k = 0; k < boundary; k++) {
    const z = scratch.zones[k];
    if (z >= 0) {
      const i = list[k];
      out[i] = zoneSchool[z];
      counts[zoneSchool[z] * stride + grade[i]]++;
    }
  }
}

/**
 * Buffers kept between full recomputes: the zone grids of each level (rebuilt in place) and the
 * per-pupil arrays. A recompute then allocates almost nothing. An Assignment returned with a
 * workspace is overwritten by the next recompute with the same workspace.
 */
export interface AssignmentWorkspace {
  grids: Partial<Record<ZoneLevel, ZoneGrid>>;
  schoolOf?: Int32Array;
  scratch?: { list: Int32Array; zones: Int32Array };
}

/** A workspace with nothing in it yet. */
export function createAssignmentWorkspace(): AssignmentWorkspace {
  return { grids: {} };
}

/** Where every pupil goes, and the resulting head counts. */
export interface Assignment {
  /** School index per pupil row, UNASSIGNED where no zone of the pupil's level contains them. */
  schoolOf: Int32Array;
  /** Pupils by school and grade, laid out as by computeGradeCounts. */
  counts: Int32Array;
  /** Pupils living in several zones of their level (both levels; rows are distinct). */
  overlaps: OverlapPupils;
  /** Pupils placed by the boundary rule (both levels). */
  onBoundary: BoundaryPupils;
}

/**
 * Assigns every pupil from scratch (zone index build included): zoned pupils to the school of the
 * zone of their level containing them (by the zones' ranks where they overlap), fixed pupils to their private school, counting pupils by
 * school and grade on the way (equal to computeGradeCounts of the result).
 */
export function computeAssignment(
  pupils: PupilTable,
  zones: Record<ZoneLevel, ZoneSet>,
  schoolCount: number,
  workspace: AssignmentWorkspace = createAssignmentWorkspace(),
): Assignment {
  const n = pupils.count;
  const schoolOf = workspace.schoolOf?.length === n ? workspace.schoolOf : new Int32Array(n);
  const scratch = workspace.scratch?.list.length === n ? workspace.scratch : { list: new Int32Array(n), zones: new Int32Array(n) };
  workspace.schoolOf = schoolOf;
  workspace.scratch = scratch;
  const counts = new Int32Array(schoolCount * GRADE_STRIDE);
  const overlaps: OverlapPupils = new Map();
  const onBoundary: BoundaryPupils = new Set();
  const s = pupils.segmentStart;
  ZONE_LEVELS.forEach((level, k) => {
    const grid = buildZoneGrid(zones[level], pupils.frame, workspace.grids[level]);
    workspace.grids[level] = grid;
    assignSegment(grid, zones[level].zoneSchool, pupils, k as 0 | 1, schoolOf, counts, scratch, overlaps, onBoundary);
  });
  for (let i = s[2]; i < s[3]; i++) {
    schoolOf[i] = pupils.fixedSchool[i];
    counts[schoolOf[i] * GRADE_STRIDE + pupils.grade[i]]++;
  }
  return { schoolOf, counts, overlaps, onBoundary };
}
