import type { Dataset } from '../dataset';
import type { OverlapRule, ZoneLevel } from '../rules';
import type { MultiPolygonCoords } from '../zoneState';
import { computeUnitCells, type UnitCells } from './unitCells';

/**
 * The dataset's unit cells of `level` (on its loaded zones): those built at load under the
 * dataset's `cellRule` (`prepareUnitCells`), else built now — on the county outline given at
 * preparation — and kept on the dataset.
 */
export function datasetUnitCells(dataset: Dataset, level: ZoneLevel, rule?: OverlapRule): UnitCells {
  const r = rule ?? dataset.unitCells?.rule ?? 'smallestZone';
  const kept = dataset.unitCells?.byRule[r]?.[level];
  if (kept) return kept;
  const cells = computeUnitCells(dataset, dataset.zoneState, level, r, dataset.unitCells?.county);
  dataset.unitCells = dataset.unitCells ?? { rule: r, county: undefined, byRule: {} };
  dataset.unitCells.byRule[r] = { ...dataset.unitCells.byRule[r], [level]: cells };
  return cells;
}

/**
 * Builds the unit cells of both levels once (at load, in the worker) under `rule`, clipped to
 * `county`, and keeps them on the dataset; later calls for the same rule do nothing.
 */
export function prepareUnitCells(dataset: Dataset, rule: OverlapRule, county?: MultiPolygonCoords): void {
  if (!dataset.unitCells) dataset.unitCells = { rule, county, byRule: {} };
  dataset.unitCells.rule = rule;
  datasetUnitCells(dataset, 'primary', rule);
  datasetUnitCells(dataset, 'junior', rule);
}
