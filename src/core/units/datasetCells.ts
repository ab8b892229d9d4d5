import { intersectionOf, unionOf } from '../clip';
import type { Dataset } from '../dataset';
import type { OverlapRule, ZoneLevel } from '../rules';
import type { MultiPolygonCoords } from '../zoneState';
import { computeUnitCells, unitCellSteps, type BuiltUnitCells, type UnitCells } from './unitCells';
import { computeNotWithin } from './ringTests';
import { computeUnitRegions } from './unitRegions';
import { computeLevelGround, levelGroundSteps, zoneDiagramsOf, type LevelGround, type ZoneDiagram } from './zoneDiagrams';

/**
 * Zone diagrams (by zone id), the level's ground they are made from and unit polygons made so far,
 * per dataset, by rule and level (not kept in snapshots: made when first needed).
 */
const made = new WeakMap<Dataset, Map<string, { diagrams: Map<number, ZoneDiagram>; ground?: LevelGround; areas: Map<number, MultiPolygonCoords> }>>();

function madeFor(dataset: Dataset, rule: OverlapRule, level: ZoneLevel) {
  let byKey = made.get(dataset);
  if (!byKey) made.set(dataset, (byKey = new Map()));
  let entry = byKey.get(`${rule}|${level}`);
  if (!entry) byKey.set(`${rule}|${level}`, (entry = { diagrams: new Map(), areas: new Map() }));
  return entry;
}

/**
 * The dataset's unit cells of `level` on its loaded zones under overlap rule `rule` (default: the
 * one they were prepared under): those kept on the dataset, else built now on the county outline
 * given to prepareUnitCells, and kept.
 */
export function datasetUnitCells(dataset: Dataset, level: ZoneLevel, rule?: OverlapRule): UnitCells {
  const r = rule ?? dataset.unitCells?.rule ?? 'smallestZone';
  return keptCells(dataset, r, level) ?? keep(dataset, r, level, computeUnitCells(dataset, dataset.zoneState, level, r, dataset.unitCells?.county));
}

function keptCells(dataset: Dataset, rule: OverlapRule, level: ZoneLevel): UnitCells | undefined {
  return dataset.unitCells?.byRule[rule]?.[level];
}

/** Keeps built cells on the dataset, and their ground and diagrams for unitCellArea. */
function keep(dataset: Dataset, rule: OverlapRule, level: ZoneLevel, built: BuiltUnitCells): UnitCells {
  const entry = madeFor(dataset, rule, level);
  entry.ground = built.ground;
  for (const zone of built.zones) entry.diagrams.set(zone.id, zone);
  dataset.unitCells = dataset.unitCells ?? { rule, byRule: {} };
  dataset.unitCells.byRule[rule] = { ...dataset.unitCells.byRule[rule], [level]: built.cells };
  return built.cells;
}

/** Sets the overlap rule and the county outline the dataset's unit cells are built under (when first needed). */
export function useCellSettings(dataset: Dataset, rule: OverlapRule, county?: MultiPolygonCoords): void {
  if (!dataset.unitCells) dataset.unitCells = { rule, county, byRule: {} };
  dataset.unitCells.rule = rule;
}

/**
 * Builds the unit cells of both levels once (at load, in the worker) under `rule`, clipped to
 * `county`, and keeps them on the dataset (snapshots carry them); a later call for a rule already
 * built only makes it the one in use.
 */
export function prepareUnitCells(dataset: Dataset, rule: OverlapRule, county?: MultiPolygonCoords): void {
  useCellSettings(dataset, rule, county);
  datasetUnitCells(dataset, 'primary', rule);
  datasetUnitCells(dataset, 'junior', rule);
}

/**
 * Makes what the first unit edits need and the dataset lacks, in steps (a generator yielding
 * within a level's ground and between zones, for a caller that lets other work run in between):
 * the cells of both levels under `rule` when not kept (see datasetUnitCells: a level built meanwhile is not built again), and the
 * ground their areas are cut from when they came built without it (a snapshot; about 0.1 s a level
 * on Shouguang, which the first unit edit into each level would otherwise wait for).
 */
export function* unitEditPreparation(dataset: Dataset, rule: OverlapRule): Generator<void, void> {
  for (const level of ['primary', 'junior'] as const) {
    if (keptCells(dataset, rule, level)) continue;
    const steps = unitCellSteps(dataset, dataset.zoneState, level, rule, dataset.unitCells?.county);
    for (let step = steps.next(); !keptCells(dataset, rule, level); step = steps.next()) {
      if (step.done) keep(dataset, rule, level, step.value);
      else yield;
    }
  }
  for (const level of ['primary', 'junior'] as const) {
    const entry = madeFor(dataset, rule, level);
    if (entry.diagrams.size > 0 || entry.ground) continue;
    const ground = yield* levelGroundSteps(dataset, dataset.zoneState, level, rule);
    // A unit edit in between may have made it already.
    entry.ground ??= ground;
    yield;
  }
}

/**
 * The area of unit `u`'s cell at `level` (see UnitCells) as MultiPolygon coordinates: each piece
 * is the unit's Voronoi region in a zone intersected with the zone's winning ground and the
 * county, the pieces joined (the robust operations zone edits use, src/core/clip.ts). Empty when the unit has no cell. Made on first use and kept.
 */
export function unitCellArea(dataset: Dataset, level: ZoneLevel, u: number, rule?: OverlapRule): MultiPolygonCoords {
  const r = rule ?? dataset.unitCells?.rule ?? 'smallestZone';
  const entry = madeFor(dataset, r, level);
  const kept = entry.areas.get(u);
  if (kept) return kept;
  // Only the diagrams of the unit's zones are made (a snapshot brings the cells, not the diagrams).
  const cells = datasetUnitCells(dataset, level, r);
  const zoneIds = [...cells.pieceZone.subarray(cells.pieceStart[u], cells.pieceStart[u + 1])];
  const missing = new Set(zoneIds.filter((z) => !entry.diagrams.has(z)));
  if (missing.size > 0) {
    entry.ground ??= computeLevelGround(dataset, dataset.zoneState, level, r);
    for (const zone of zoneDiagramsOf(entry.ground, missing)) entry.diagrams.set(zone.id, zone);
  }
  const pieces: MultiPolygonCoords[] = [];
  for (const id of zoneIds) {
    const zone = entry.diagrams.get(id);
    if (!zone) continue;
    zone.unitRegions = zone.unitRegions ?? computeUnitRegions(zone.regions);
    const region = zone.unitRegions.get(u);
    if (!region) continue;
    let piece = intersectionOf(zone.winning, region);
    const county = dataset.unitCells?.county;
    // The county outline is large: clip to it only a piece that leaves it.
    if (county && piece.length > 0 && computeNotWithin([piece], county)[0]) piece = intersectionOf(piece, county);
    if (piece.length > 0) pieces.push(piece);
  }
  const area = pieces.length <= 1 ? (pieces[0] ?? []) : unionOf(...pieces);
  entry.areas.set(u, area);
  return area;
}
