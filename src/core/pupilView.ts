// What the map draws of the pupils, computed where the pupils live (the engine worker), so the page
// receives a few typed arrays sized by the screen, never a copy of every pupil.

/** Side of a density cell in degrees (~300 m at Shouguang's latitude). */
export const DENSITY_CELL_DEG = 0.003;

/** Pupils counted by density cell: cell centres as lon/lat pairs and the pupils in each. */
export interface DensityCells {
  lonLat: Float32Array;
  count: Uint32Array;
}

/** The part of the map a dot layer is asked for, in WGS84 degrees, and its resolution. */
export interface DotsRequest {
  west: number;
  south: number;
  east: number;
  north: number;
  /** Degrees of longitude per screen pixel at the map's zoom: the finest spacing worth drawing. */
  pixelDeg: number;
  /** The most dots to return. */
  cap: number;
}

/** Pupils as dots: lon/lat pairs and 1 for a pupil (or cell) outside every zone, else 0. */
export interface Dots {
  lonLat: Float32Array;
  outside: Uint8Array;
  /**
   * `all`: every pupil, where it lives (the dataset has no more than `cap`), good for any view;
   * `view`: every pupil inside the requested box; `cells`: one dot per occupied cell of `cellDeg`
   * inside the box, outside every zone if any of its pupils is.
   */
  kind: 'all' | 'view' | 'cells';
  cellDeg: number;
}

// Cell keys: column and row offset by 2^16 (|lon| / 0.003 < 60,000), packed into one safe integer.
const KEY_OFFSET = 65_536;
const KEY_ROWS = 131_072;

/**
 * Counts pupils (homes `x`, `y` in degrees) by square cell of `cellDeg`; cells in order of their
 * first pupil, centres at the middle of the cell. Non-finite homes are left out.
 */
export function computeDensityCells(x: ArrayLike<number>, y: ArrayLike<number>, cellDeg = DENSITY_CELL_DEG): DensityCells {
  const index = new Map<number, number>();
  const centres: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    const cx = Math.floor(x[i] / cellDeg);
    const cy = Math.floor(y[i] / cellDeg);
    const key = (cx + KEY_OFFSET) * KEY_ROWS + (cy + KEY_OFFSET);
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, counts.length);
      centres.push((cx + 0.5) * cellDeg, (cy + 0.5) * cellDeg);
      counts.push(1);
    } else counts[at]++;
  }
  return { lonLat: Float32Array.from(centres), count: Uint32Array.from(counts) };
}

/** Most cells a snapping grid may have (16 MB of flags). */
const MAX_GRID_CELLS = 1 << 24;

/**
 * The dots to draw for a view: every pupil when the dataset has at most `cap`; else the pupils
 * inside the box when they are at most `cap`; else one dot per occupied grid cell inside the box,
 * the cell starting at one pixel and doubling until at most `cap` cells are occupied. `school` is
 * each pupil's school index (−1: outside every zone).
 */
export function computeDots(x: ArrayLike<number>, y: ArrayLike<number>, school: ArrayLike<number>, req: DotsRequest): Dots {
  const n = x.length;
  if (n <= req.cap) {
    const all: number[] = [];
    for (let i = 0; i < n; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) all.push(i);
    return exactDots(x, y, school, all, 'all');
  }
  const inView: number[] = [];
  for (let i = 0; i < n; i++) if (x[i] >= req.west && x[i] <= req.east && y[i] >= req.south && y[i] <= req.north) inView.push(i);
  if (inView.length <= req.cap) return exactDots(x, y, school, inView, 'view');
  let cell = req.pixelDeg;
  for (;;) {
    const cols = Math.max(1, Math.ceil((req.east - req.west) / cell));
    const rows = Math.max(1, Math.ceil((req.north - req.south) / cell));
    if (cols * rows <= MAX_GRID_CELLS) {
      // 0 empty, 1 pupils all in a zone, 2 a pupil outside every zone.
      const flags = new Uint8Array(cols * rows);
      let occupied = 0;
      for (const i of inView) {
        const k = Math.min(rows - 1, Math.floor((y[i] - req.south) / cell)) * cols + Math.min(cols - 1, Math.floor((x[i] - req.west) / cell));
        const flag = school[i] < 0 ? 2 : 1;
        if (flags[k] === 0) occupied++;
        if (flag > flags[k]) flags[k] = flag;
      }
      if (occupied <= req.cap) {
        const lonLat = new Float32Array(2 * occupied);
        const outside = new Uint8Array(occupied);
        let d = 0;
        for (let k = 0; k < flags.length; k++) {
          if (flags[k] === 0) continue;
          lonLat[2 * d] = req.west + ((k % cols) + 0.5) * cell;
          lonLat[2 * d + 1] = req.south + (Math.floor(k / cols) + 0.5) * cell;
          outside[d++] = flags[k] === 2 ? 1 : 0;
        }
        return { lonLat, outside, kind: 'cells', cellDeg: cell };
      }
    }
    cell *= 2;
  }
}

function exactDots(x: ArrayLike<number>, y: ArrayLike<number>, school: ArrayLike<number>, rows: number[], kind: Dots['kind']): Dots {
  const lonLat = new Float32Array(2 * rows.length);
  const outside = new Uint8Array(rows.length);
  rows.forEach((i, d) => {
    lonLat[2 * d] = x[i];
    lonLat[2 * d + 1] = y[i];
    outside[d] = school[i] < 0 ? 1 : 0;
  });
  return { lonLat, outside, kind, cellDeg: 0 };
}
