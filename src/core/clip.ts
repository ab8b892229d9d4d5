import { difference, intersection, setPrecision, union } from 'polyclip-ts';
import { cleanMultiPolygon, perturbMultiPolygon, snapMultiPolygon } from './cleanGeometry';
import type { MultiPolygonCoords } from './zoneState';

type Op = typeof union;

/**
 * polyclip's tolerance for the second try (its `setPrecision`): coordinates closer than it are one,
 * and a point closer than its square root to a line, 1e-9° (one grid step, see GRID_PER_DEGREE),
 * is on the line. Edges a grid step apart, such as an edge and its copy snapped to the grid, are
 * then one edge instead of a crossing too fine for the exact sweep.
 */
const RETRY_EPSILON = 1e-18;

/** The operation run once on `inputs` as given, or undefined when polyclip throws (its sweep does on near-coincident edges). */
function attempt(op: Op, inputs: MultiPolygonCoords[], epsilon?: number): MultiPolygonCoords | undefined {
  setPrecision(epsilon);
  try {
    return op(inputs[0], ...inputs.slice(1)) as MultiPolygonCoords;
  } catch {
    return undefined;
  } finally {
    // polyclip's precision is module state: put back exact arithmetic for every other caller.
    setPrecision(undefined);
  }
}

/**
 * A polyclip boolean operation made robust for zone edits: inputs snapped to the grid (see
 * snapMultiPolygon) and the operation run in exact arithmetic; when polyclip throws (near-coincident
 * edges), again with its snapping at RETRY_EPSILON; as a last resort on inputs moved by at most a
 * grid step (perturbMultiPolygon). The output is snapped and cleaned (no repeated points, zero-width
 * spikes, collinear points or rings narrower than the grid; see cleanMultiPolygon). Throws an Error
 * (an engine fault, not the planner's) only when all three tries fail.
 */
function robust(op: Op, name: string, inputs: MultiPolygonCoords[]): MultiPolygonCoords {
  const snapped = inputs.map(snapMultiPolygon);
  const out = attempt(op, snapped) ?? attempt(op, snapped, RETRY_EPSILON) ?? attempt(op, inputs.map(perturbMultiPolygon), RETRY_EPSILON);
  if (!out) throw new Error(`polygon ${name} failed on near-coincident edges`);
  const clean = cleanMultiPolygon(out);
  clipped.add(clean);
  return clean;
}

// The results of the operations here: polyclip's output polygons never overlap (they may touch).
const clipped = new WeakSet<MultiPolygonCoords>();

/** Whether `zone` is the very result of an operation here, whose polygons therefore do not overlap. */
export const isClipResult = (zone: MultiPolygonCoords): boolean => clipped.has(zone);

/** The union of zones (degrees), robust and clean (see robust). */
export const unionOf = (...zones: MultiPolygonCoords[]): MultiPolygonCoords => robust(union, 'union', zones);

/** The area common to every zone (degrees), robust and clean (see robust). */
export const intersectionOf = (...zones: MultiPolygonCoords[]): MultiPolygonCoords => robust(intersection, 'intersection', zones);

/** `zone` less every one of `others` (degrees), robust and clean (see robust). */
export const differenceOf = (zone: MultiPolygonCoords, ...others: MultiPolygonCoords[]): MultiPolygonCoords => robust(difference, 'difference', [zone, ...others]);
