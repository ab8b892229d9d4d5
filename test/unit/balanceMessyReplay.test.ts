import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRADE_STRIDE } from '../../src/core/aggregate';
import { buildBalanceInput } from '../../src/core/balance/buildInput';
import { runBalance } from '../../src/core/balance/run';
import { DEFAULT_BALANCE_SETTINGS } from '../../src/core/balance/settings';
import { BalanceState } from '../../src/core/balance/state';
import type { Dataset } from '../../src/core/dataset';
import { DEFAULT_RULES, ZONE_LEVELS, type ZoneLevel } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { unitCellArea } from '../../src/core/units/datasetCells';
import { applyZoneEdit } from '../../src/core/zoneEdits';
import { importDataset, readImportedDataset, type ImportFile } from '../../src/io/import';

// The corpus county 样本县 (test/fixtures/sample-county): a nested zone, an overlap, a shared zone
// (多校划片), an L-shape, pupils without a compound, pupils of a private school, pupils outside every
// zone. Two schools lose rooms, so that the balancer must move compounds.
const countyDir = join(import.meta.dirname, '../fixtures/sample-county');
type Entry = { file: string; crs?: ImportFile['crs']; level?: 'primary' | 'junior'; columns?: Record<string, string> };
const mapping = JSON.parse(readFileSync(join(countyDir, 'mapping.json'), 'utf8')) as { parts: Record<string, Entry | Entry[]> };
const files: ImportFile[] = Object.entries(mapping.parts).flatMap(([part, e]) =>
  (Array.isArray(e) ? e : [e]).map((entry) => ({ name: entry.file, bytes: new Uint8Array(readFileSync(join(countyDir, 'files', entry.file))), part: part as NonNullable<ImportFile['part']>, crs: entry.crs, mapping: entry.columns, ...(entry.level && { level: entry.level }) })),
);
const ROOMS: Record<string, number> = { 样本县实验小学: 8, 样本县城关第一小学: 7 };

async function loadCounty(): Promise<Dataset> {
  const { dataset } = readImportedDataset(await importDataset(files), DEFAULT_RULES, 2030);
  return { ...dataset, schools: dataset.schools.map((s) => (ROOMS[s.name] ? { ...s, classrooms: ROOMS[s.name] } : s)) };
}

describe('balancing the corpus county 样本县, replayed through the engine', () => {
  it('counts what the replay moves: compounds’ pupils, pupils without a compound in a moved compound’s area, not a private school’s pupils', async () => {
    const dataset = await loadCounty();
    const base = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    const p = dataset.pupils;
    expect(Array.from(p.unit).filter((u) => u < 0).length).toBeGreaterThan(0);
    const levels: ZoneLevel[] = ['primary', 'junior'];
    const input = buildBalanceInput(dataset, base, DEFAULT_RULES, { levels });
    const settings = { ...DEFAULT_BALANCE_SETTINGS, iterations: 50, timeLimitMs: undefined };
    const { plan } = runBalance(input, settings);
    expect(plan.moves.length).toBeGreaterThan(0);
    const st = new BalanceState(input, settings);
    for (const m of plan.moves) st.apply(st.itemOf[levels.indexOf(m.level)][input.unitIds.indexOf(m.unitId)], input.schools.findIndex((s) => s.id === m.to));
    const ctx = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])), unitArea: (level: ZoneLevel, u: number) => unitCellArea(dataset, level, u) };
    const after = computeScenarioRun(dataset, plan.moves.reduce((s, m) => applyZoneEdit(s, m.edit, ctx), dataset.zoneState), DEFAULT_RULES);
    const wrong: string[] = [];
    for (let s = 0; s < input.schools.length; s++) {
      for (let g = 1; g < GRADE_STRIDE; g++) {
        const mine = Math.round(st.load[s * GRADE_STRIDE + g]);
        if (mine !== after.counts[s * GRADE_STRIDE + g]) wrong.push(`${dataset.schools[s].name} grade ${g}: ${mine} vs ${after.counts[s * GRADE_STRIDE + g]}`);
      }
    }
    expect(wrong).toEqual([]);
    let changed = 0;
    ZONE_LEVELS.forEach((_, k) => {
      for (let i = p.segmentStart[k]; i < p.segmentStart[k + 1]; i++) if (after.schoolOf[i] !== base.schoolOf[i]) changed++;
    });
    expect(plan.pupilsMoved).toBe(changed);
    const failing = after.result.schools.filter((r) => r.ownership === 'public' && (r.oversize || r.classesOverCap > 0)).map((r) => r.id);
    expect(plan.failures.map((f) => f.schoolId).sort()).toEqual(failing.sort());
  });
});
