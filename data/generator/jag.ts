/** Jagged zone borders: midpoint displacement that depends only on an edge's two end points. */
import { roundPos, toKm, toLonLat } from './geo.ts';
import { hashString, Rng } from './random.ts';
import type { LonLat } from './types.ts';

/** Displacement of each new midpoint, as a fraction of the length of the piece it splits. */
const AMPLITUDE = 0.06;
/** Pieces of at least this length (km) are split 5 times, shorter ones 4 times. */
const LONG_EDGE_KM = 1.5;
/** After this many halvings an edge is drawn straight. */
const MAX_DAMPING = 6;

function sameXY(a: LonLat, b: LonLat): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** The edge's key and ends in canonical order (lexicographically smaller end first), and whether a→b is that order. */
function canonical(a: LonLat, b: LonLat): { key: string; from: LonLat; to: LonLat; forward: boolean } {
  const forward = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  const [from, to] = forward ? [a, b] : [b, a];
  return { key: `${from[0]},${from[1]};${to[0]},${to[1]}`, from, to, forward };
}

/**
 * Builds and remembers one jagged polyline per straight edge. The polyline is computed in the edge's canonical
 * direction (lexicographically smaller end first) from a stream seeded by the two end points, so the two cells
 * that share an edge get exactly the same vertices, one in reverse.
 */
export class EdgeJagger {
  private readonly lines = new Map<string, LonLat[]>();
  private readonly damping = new Map<string, number>();

  constructor(private readonly seed: number) {}

  /** The jagged polyline from a to b, both ends included. */
  edge(a: LonLat, b: LonLat): LonLat[] {
    const { key, from, to, forward } = canonical(a, b);
    let line = this.lines.get(key);
    if (!line) {
      line = this.build(key, from, to);
      this.lines.set(key, line);
    }
    return forward ? line : line.slice().reverse();
  }

  /** Halves the amplitude of the edge a–b, for a cell that came out self-intersecting. */
  dampen(a: LonLat, b: LonLat): void {
    const { key } = canonical(a, b);
    this.damping.set(key, (this.damping.get(key) ?? 0) + 1);
    this.lines.delete(key);
  }

  private build(key: string, from: LonLat, to: LonLat): LonLat[] {
    const level = this.damping.get(key) ?? 0;
    if (level >= MAX_DAMPING) return [from, to];
    const amplitude = AMPLITUDE / 2 ** level;
    const rng = new Rng(hashString(`${this.seed}:${key}`));
    const a = toKm(from);
    const b = toKm(to);
    const depth = Math.hypot(b[0] - a[0], b[1] - a[1]) >= LONG_EDGE_KM ? 5 : 4;
    let pts: [number, number][] = [a, b];
    for (let d = 0; d < depth; d++) {
      const next: [number, number][] = [a];
      for (let i = 0; i + 1 < pts.length; i++) {
        const p = pts[i] as [number, number];
        const q = pts[i + 1] as [number, number];
        // a unit normal times a signed offset proportional to the piece's length: (-dy, dx) * u * amplitude
        const u = rng.uniform(-1, 1) * amplitude;
        next.push([(p[0] + q[0]) / 2 - (q[1] - p[1]) * u, (p[1] + q[1]) / 2 + (q[0] - p[0]) * u], q);
      }
      pts = next;
    }
    const line: LonLat[] = [from];
    for (const p of pts.slice(1, -1)) {
      const q = roundPos(toLonLat(p));
      if (!sameXY(q, line[line.length - 1] as LonLat)) line.push(q);
    }
    if (sameXY(line[line.length - 1] as LonLat, to)) line.pop();
    line.push(to);
    return line;
  }
}
