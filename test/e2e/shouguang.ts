import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeScenarioRun, type ScenarioRun } from '../../src/core/scenarioRun';
import { applyZoneEdit, type EditContext, type ZoneEdit } from '../../src/core/zoneEdits';
import type { ZoneState } from '../../src/core/zoneState';
import { computeProjection, type Projection } from '../../src/core/projection';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { countyOutline } from '../../src/io/countyOutline';
import { unitCellArea, useCellSettings } from '../../src/core/units/datasetCells';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';

const root = join(import.meta.dirname, '../..');

/** The default dataset as the engine reads it outside the browser. */
export const shouguang = readDataset(
  Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(root, 'data/shouguang', f), 'utf8')])),
  DEFAULT_RULES,
  2020,
);

/** The zone state after the given edits, computed outside the browser. */
export function stateAfter(edits: ZoneEdit[]): ZoneState {
  const d = shouguang.dataset;
  const county = countyOutline(shouguang.county);
  useCellSettings(d, DEFAULT_RULES.overlapRule, county);
  const ctx: EditContext = {
    schools: d.schools,
    schoolIndex: new Map(d.schools.map((s, i) => [s.id, i])),
    unitIndex: new Map(d.unitIds.map((u, i) => [u, i])),
    county,
    unitArea: (level, u) => unitCellArea(d, level, u),
  };
  return edits.reduce((st, e) => applyZoneEdit(st, e, ctx), d.zoneState);
}

/** What the engine computes, outside the browser, after the given edits (base year). */
export function runAfter(edits: ZoneEdit[]): ScenarioRun {
  return computeScenarioRun(shouguang.dataset, stateAfter(edits), DEFAULT_RULES);
}

/** The ten-year projection (no rules) after the given edits, computed outside the browser. */
export function projectionAfter(edits: ZoneEdit[]): Projection {
  return computeProjection({ dataset: shouguang.dataset, state: stateAfter(edits), scenario: NO_RULES, settings: DEFAULT_PROJECTION, rules: DEFAULT_RULES });
}

/** The results after the given edits (see runAfter). */
export const expectedAfter = (edits: ZoneEdit[]) => runAfter(edits).result;
