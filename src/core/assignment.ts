import type { PupilTable, ZoneSet } from './dataset';
import { ZONE_LEVELS, type ZoneLevel } from './rules';
import { buildZoneGrid, exactZoneAt, FIRST_SLOT, type ZoneGrid } from './zoneGrid';

/**
 * Grid cells per side: 512 measured best at 150k pupils and level with 1024 at 1M (npm run bench).
 */
export const DEFAULT_GRID_SIZE = 512;

/** Marks a pupil that no zone of their level contains. */
export const UNASSIGNED = -1;

/**
 * Writes into `out[i]` the school index of every zoned pupil i in `[start, end)`: the school of the
 * zone containing the pupil's home, or UNASSIGNED. `scratch` holds at least `end − start` items.
 */
export function assignRange(
  grid: ZoneGrid,
  zoneSchool: Int32Array,
  pupils: PupilTable,
  start: number,
  end: number,
  out: Int32Array,
  scratch: Int32Array,
): void {
  const { x, y } = pupils;
  const { cells, minX, minY, scaleX, scaleY, nx, ny } = grid;
  // Imported constants can compile to property reads (CommonJS interop in Node): hoist them.
  const firstSlot = FIRST_SLOT;
  const unassigned = UNASSIGNED;
  const exact = exactZoneAt;
  // The cell lookup stays a tight loop that only notes the few percent of pupils in boundary
  // cells; they take the exact test afterwards (3.5× faster than one loop doing both).
  let boundary = 0;
  for (let i = start; i < end; i++) {
    const cx = Math.floor((x[i] - minX) * scaleX);
    const cy = Math.floor((y[i] - minY) * scaleY);
    const z = cx >= 0 && cy >= 0 && cx < nx && cy < ny ? cells[cy * nx + cx] : -1;
    out[i] = z >= 0 ? zoneSchool[z] : unassigned;
    if (z <= firstSlot) scratch[boundary++] = i;
  }
  for (let k = 0; k < boundary; k++) {
    const i = scratch[k];
    const px = x[i];
    const py = y[i];
    const cx = Math.floor((px - minX) * scaleX);
    const cy = Math.floor((py - minY) * scaleY);
    const z = exact(grid, px, py, cx, cy, firstSlot - cells[cy * nx + cx]);
    out[i] = z >= 0 ? zoneSchool[z] : unassigned;
  }
}

/**
 * Buffers kept between full recomputes: the zone grids of each level (rebuilt in place) and the
 * assignment array. A recompute then allocates almost nothing. Results written into `schoolOf` are
 * overwritten by the next recompute with the same workspace.
 */
export interface AssignmentWorkspace {
  grids: Partial<Record<ZoneLevel, ZoneGrid>>;
  schoolOf?: Int32Array;
  scratch?: Int32Array;
}

/** A workspace with nothing in it yet. */
export function createAssignmentWorkspace(): AssignmentWorkspace {
  return { grids: {} };
}

/**
 * Assigns every pupil from scratch (zone index build included): zoned pupils to the school of the
 * zone of their level containing them, fixed pupils to their private school. Returns one school
 * index per pupil row of `pupils`, UNASSIGNED where no zone contains a zoned pupil.
 */
export function computeAssignment(
  pupils: PupilTable,
  zones: Record<ZoneLevel, ZoneSet>,
  workspace: AssignmentWorkspace = createAssignmentWorkspace(),
  gridSize = DEFAULT_GRID_SIZE,
): Int32Array {
  const out = workspace.schoolOf?.length === pupils.count ? workspace.schoolOf : new Int32Array(pupils.count);
  workspace.schoolOf = out;
  const scratch = workspace.scratch?.length === pupils.count ? workspace.scratch : new Int32Array(pupils.count);
  workspace.scratch = scratch;
  const s = pupils.segmentStart;
  ZONE_LEVELS.forEach((level, k) => {
    const grid = buildZoneGrid(zones[level], gridSize, workspace.grids[level]);
    workspace.grids[level] = grid;
    assignRange(grid, zones[level].zoneSchool, pupils, s[k], s[k + 1], out, scratch);
  });
  out.set(pupils.fixedSchool.subarray(s[2], s[3]), s[2]);
  return out;
}
