import type { PupilTable, ZoneSet } from './dataset';
import { BOUNDARY, buildZoneGrid, exactZoneAt, OUTSIDE, type ZoneGrid } from './zoneGrid';

/** Marks a pupil that no zone of their level contains. */
export const UNASSIGNED = -1;

/**
 * Writes into `out[i]` the school index of every zoned pupil i in `[start, end)`: the school of the
 * zone containing the pupil's home, or UNASSIGNED.
 */
export function assignRange(
  grid: ZoneGrid,
  zoneSchool: Int32Array,
  pupils: PupilTable,
  start: number,
  end: number,
  out: Int32Array,
): void {
  const { x, y } = pupils;
  const { cells, minX, minY, scaleX, scaleY, nx, ny } = grid;
  for (let i = start; i < end; i++) {
    const px = x[i];
    const py = y[i];
    const cx = Math.floor((px - minX) * scaleX);
    const cy = Math.floor((py - minY) * scaleY);
    let z = OUTSIDE;
    if (cx >= 0 && cy >= 0 && cx < nx && cy < ny) {
      z = cells[cy * nx + cx];
      if (z === BOUNDARY) z = exactZoneAt(grid, px, py, cy);
    }
    out[i] = z === OUTSIDE ? UNASSIGNED : zoneSchool[z];
  }
}

/**
 * Assigns every pupil from scratch (index build included): zoned pupils to the school of the zone
 * of their level containing them, fixed pupils to their private school. Returns one school index per
 * pupil row of `pupils`, UNASSIGNED where no zone contains a zoned pupil.
 */
export function computeAssignment(
  pupils: PupilTable,
  zones: { primary: ZoneSet; junior: ZoneSet },
  gridSize = 1024,
): Int32Array {
  const out = new Int32Array(pupils.count);
  const s = pupils.segmentStart;
  assignRange(buildZoneGrid(zones.primary, gridSize), zones.primary.zoneSchool, pupils, s[0], s[1], out);
  assignRange(buildZoneGrid(zones.junior, gridSize), zones.junior.zoneSchool, pupils, s[1], s[2], out);
  out.set(pupils.fixedSchool.subarray(s[2], s[3]), s[2]);
  return out;
}
