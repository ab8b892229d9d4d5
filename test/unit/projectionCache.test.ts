import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMovedDistance, createProjectionDistance, distanceSettingsOf, prepareDistances, scenarioOpenYears } from '../../src/core/distance';
import { computeProjection } from '../../src/core/projection';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { DEFAULT_PROJECTION, NO_RULES, type ScenarioRules } from '../../src/core/scenarioRules';
import { NATIONAL_PROFILE, type StandardsProfile } from '../../src/core/standards';
import { applyZoneEdit, type EditContext, type ZoneEdit } from '../../src/core/zoneEdits';
import type { ZoneState } from '../../src/core/zoneState';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { createProjectionCache } from '../../workers/projectionCache';
import type { ProjectionView } from '../../workers/scenarioProjection';

// The default dataset (births, housing estates, roads): distances go by road.
const dir = join(import.meta.dirname, '../../data/shouguang');
const { dataset } = readDataset(Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, 2020);
const ctx: EditContext = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])) };
const prepared = prepareDistances(dataset, DEFAULT_RULES);
const baseSchoolOf = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES).schoolOf;
const settings = { ...DEFAULT_PROJECTION, years: 4 };
const scenario: ScenarioRules = { ...NO_RULES, openings: [{ schoolId: 'P90', year: 2022 }] };

/** A city block (about 700 × 670 m) around a zone's first vertex, given to that zone. */
function blockTo(state: ZoneState, level: 'primary' | 'junior', pick: number): ZoneEdit {
  const zones = [...state.zones[level]];
  const [school, zone] = zones[pick % zones.length];
  const [x, y] = zone[0][0][0];
  return { op: 'assignArea', level, schoolId: dataset.schools[school].id, area: { type: 'Polygon', coordinates: [[[x - 0.004, y - 0.003], [x + 0.004, y - 0.003], [x + 0.004, y + 0.003], [x - 0.004, y + 0.003], [x - 0.004, y - 0.003]]] } };
}

/** The distance figures of a scenario computed from scratch: the projection with a fresh sink, the moved pupils from a fresh run. */
function fromScratch(edits: ZoneEdit[], profile: StandardsProfile) {
  const state = edits.reduce((s, e) => applyZoneEdit(s, e, ctx), dataset.zoneState);
  const measured = createProjectionDistance({ prepared, dataset, openYear: scenarioOpenYears(dataset.schools, scenario.openings), settings: distanceSettingsOf(profile), rules: DEFAULT_RULES });
  computeProjection({ dataset, state, scenario, settings, rules: DEFAULT_RULES, sink: measured.sink });
  const schoolOf = computeScenarioRun(dataset, state, DEFAULT_RULES).schoolOf;
  return { years: measured.years().map((y) => ({ year: y.year, distance: y.levels })), movedDistance: computeMovedDistance(prepared, baseSchoolOf, schoolOf, { unit: dataset.pupils.unit, unitIds: dataset.unitIds }) };
}

const distancesOf = (view: ProjectionView) => ({ years: view.years.map((y) => ({ year: y.year, distance: y.distance })), movedDistance: view.movedDistance });

describe('the worker\'s kept projections carry the distance figures of a projection from scratch', () => {
  it('after each edit of a series, a step back, and a change of service radii', async () => {
    let applied = 0;
    const cache = createProjectionCache(dataset, DEFAULT_RULES, (state, edit) => (applied++, applyZoneEdit(state, edit, ctx)));
    const request = (edits: ZoneEdit[]) => ({ key: 'plan', edits, rules: scenario, settings });
    const edits: ZoneEdit[] = [];
    const start = distancesOf((await cache.project(request([]), NATIONAL_PROFILE, baseSchoolOf, prepared)) as ProjectionView);
    expect(start).toEqual(fromScratch([], NATIONAL_PROFILE));
    let changed = 0;
    for (const [level, pick] of [['primary', 3], ['junior', 1], ['primary', 11], ['primary', 20]] as const) {
      let state = dataset.zoneState;
      for (const e of edits) state = applyZoneEdit(state, e, ctx);
      edits.push(blockTo(state, level, pick));
      applied = 0;
      const view = (await cache.project(request([...edits]), NATIONAL_PROFILE, baseSchoolOf, prepared)) as ProjectionView;
      // Only the new edit was replayed: the kept projection was moved, not made again.
      expect(applied).toBe(1);
      expect(view.byRoad).toBe(true);
      const got = distancesOf(view);
      expect(got).toEqual(fromScratch(edits, NATIONAL_PROFILE));
      if (JSON.stringify(got.years) !== JSON.stringify(start.years)) changed++;
    }
    // The edits moved projected pupils to other schools, so the figures being equal says something.
    expect(changed).toBeGreaterThanOrEqual(3);
    expect(distancesOf((await cache.project(request(edits.slice(0, 2)), NATIONAL_PROFILE, baseSchoolOf, prepared)) as ProjectionView)).toEqual(fromScratch(edits.slice(0, 2), NATIONAL_PROFILE));
    // Other radii: the kept run's figures were measured with the old ones, so the projection is made again.
    const wide: StandardsProfile = { ...NATIONAL_PROFILE, serviceRadiusM: { city: { primary: 900, junior: 1800 }, rural: { primary: 3000, junior: 6000 } } };
    const widened = distancesOf((await cache.project(request(edits), wide, baseSchoolOf, prepared)) as ProjectionView);
    expect(widened).toEqual(fromScratch(edits, wide));
    expect(widened.years[0].distance!.primary.withinShare).toBeGreaterThan(fromScratch(edits, NATIONAL_PROFILE).years[0].distance!.primary.withinShare);
  }, 120_000);
});
