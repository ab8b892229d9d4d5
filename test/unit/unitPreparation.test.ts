import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { datasetUnitCells, unitEditPreparation, useCellSettings } from '../../src/core/units/datasetCells';
import { computeUnitCells } from '../../src/core/units/unitCells';
import { computeLevelGround, levelGroundSteps } from '../../src/core/units/zoneDiagrams';
import type { ZoneEdit } from '../../src/core/zoneEdits';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { createEngineApi } from '../../workers/engineApi';

// The units' cells are left out of the load and built afterwards in steps (unitEditPreparation),
// between which the worker answers other calls (prepareUnits).
const dir = join(import.meta.dirname, '../../data/shouguang');
const shouguang = () => readDataset(Object.fromEntries(REQUIRED_FILES.map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, 2020).dataset;
const files = () => [...REQUIRED_FILES, ...OPTIONAL_FILES].map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))).buffer }));

describe('the units\u2019 preparation after a load', () => {
  it('builds in steps, one or more per zone, the cells a plain build gives, and keeps a level built between two steps', () => {
    const dataset = shouguang();
    useCellSettings(dataset, 'smallestZone');
    const plain = { primary: computeUnitCells(dataset, dataset.zoneState, 'primary', 'smallestZone').cells, junior: computeUnitCells(dataset, dataset.zoneState, 'junior', 'smallestZone').cells };
    const steps = unitEditPreparation(dataset, 'smallestZone');
    for (let k = 0; k < 5; k++) expect(steps.next().done).toBe(false);
    // A unit edit between two steps builds the level it needs at once; the steps then leave it.
    const lazy = datasetUnitCells(dataset, 'primary');
    let more = 0;
    while (!steps.next().done) more++;
    expect(datasetUnitCells(dataset, 'primary')).toBe(lazy);
    expect(lazy).toEqual(plain.primary);
    expect(datasetUnitCells(dataset, 'junior')).toEqual(plain.junior);
    // The junior level alone takes a step for its ground and one per zone with homes.
    const juniorZones = new Set(plain.junior.pieceZone).size;
    expect(more).toBeGreaterThanOrEqual(juniorZones);
  }, 60_000);

  it('makes a level\u2019s ground in steps of a bounded number of homes, equal to the ground made in one piece', () => {
    const dataset = shouguang();
    const plain = computeLevelGround(dataset, dataset.zoneState, 'junior', 'smallestZone');
    const perStep = 20_000;
    const p = dataset.pupils;
    let homes = dataset.unitX.length;
    for (let i = 0; i < p.count; i++) if (p.unit[i] >= 0 && Number.isFinite(p.x[i]) && Number.isFinite(p.y[i])) homes++;
    const steps = levelGroundSteps(dataset, dataset.zoneState, 'junior', 'smallestZone', perStep);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // Located in chunks, then hashed in chunks.
    expect(homes).toBeGreaterThan(5 * perStep);
    expect(yields).toBeGreaterThanOrEqual(Math.ceil(homes / perStep) + Math.floor(homes / perStep));
    const { winningOf, ...rest } = step.value;
    const { winningOf: plainWinningOf, ...plainRest } = plain;
    expect(rest).toEqual(plainRest);
    for (let z = 0; z < plain.zoneIds.length; z++) expect(winningOf(z)).toEqual(plainWinningOf(z));
  }, 60_000);

  it('answers an edit asked for while it runs before it ends, and unit edits then equal those of an engine that built the cells when first needed', async () => {
    const [prepared, lazy] = [createEngineApi(), createEngineApi()];
    for (const api of [prepared, lazy]) await api.load(files());
    // The plan's area given to 汇文学校.
    const area = JSON.parse(readFileSync(join(dir, '../scenarios/shengcheng-to-huiwen.json'), 'utf8')).edits[0] as ZoneEdit;
    let ended = false;
    const preparation = prepared.prepareUnits().then(() => (ended = true));
    // The first slice has run; the edit comes in at the next look at the calls.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const answered = prepared.applyEdit(area);
    expect(answered.ok).toBe(true);
    expect(ended).toBe(false);
    await preparation;
    expect({ ...lazy.applyEdit(area), computeMs: 0 }).toEqual({ ...answered, computeMs: 0 });
    for (const unitId of ['U0001', 'U0100', 'U0500']) {
      const edit: ZoneEdit = { op: 'assignUnits', level: 'junior', schoolId: 'J01', unitIds: [unitId] };
      expect({ ...prepared.applyEdit(edit), computeMs: 0 }).toEqual({ ...lazy.applyEdit(edit), computeMs: 0 });
    }
  }, 120_000);
});
