import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { simulate } from '../../src/core/scenarioRun';
import { drawSquareBetween, pendingAreasDrawn, sharedAppForFile } from './appPage';
import { expectedAfter, shouguang } from './shouguang';

const shots = join(import.meta.dirname, '../../test-results');
mkdirSync(shots, { recursive: true });

/** The school ids of the shared zones (多校划片) the map renders in the hatch layer. */
const renderedShared = (page: Page) =>
  page.evaluate(() => [...new Set(window.__planner!.map!.queryRenderedFeatures({ layers: ['zones-shared'] }).map((f) => String(f.properties.school_id)))]);

describe('多校划片 in Chromium', () => {
  let page: Page;
  const app = sharedAppForFile(inject('baseUrl'));
  beforeAll(() => {
    page = app.page;
  });

  it('gives a drawn area to 汇文学校 and 圣城小学 together: a hatched shared zone, the pupils split as the engine splits them, and undo', async () => {
    await drawSquareBetween(page, ['P01', 'N02']);
    const inArea = await page.evaluate(() => window.__planner!.store.getState().preview!.total);
    await page.getByTestId('assign-school').click();
    await page.keyboard.type('汇文');
    await page.keyboard.press('Enter');
    await page.getByTestId('share-schools').click();
    await page.keyboard.type('圣城小学');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('assign-area').innerText()).toBe('多校划片');
    await page.getByTestId('assign-area').click();
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);

    const { edits, result, zoneIds } = await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return { edits: s.edits, result: s.result!, zoneIds: s.dataset!.zones.features.filter((f) => f.properties.school_ids).map((f) => f.properties.school_ids) };
    });
    expect(edits[0]).toMatchObject({ op: 'shareArea', level: 'primary', schoolIds: ['N02', 'P01'] });
    // The shared zone's schools in dataset order (圣城小学 P01 comes before 汇文学校 N02 there).
    const ids = shouguang.dataset.schools.filter((s) => s.id === 'P01' || s.id === 'N02').map((s) => s.id);
    expect(zoneIds).toEqual([ids]);
    // The numbers are the engine's, computed outside the browser: the split and every school.
    const after = expectedAfter(edits);
    expect(result.shared).toEqual(after.shared);
    expect(result.schools.map((r) => r.enrollment)).toEqual(after.schools.map((r) => r.enrollment));
    // Every primary pupil of the drawn square (the preview's count) lives in the shared zone.
    const zone = after.shared![0];
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    expect(sum(zone.kept) + sum(zone.drawn)).toBe(inArea);

    // Hatched on the map: the hatch layer draws it, with the pattern made at run time.
    await page.waitForFunction(() => window.__planner!.map!.queryRenderedFeatures({ layers: ['zones-shared'] }).length > 0);
    expect(await renderedShared(page)).toEqual([ids.join('、')]);
    // The drawn area is given away: it is no longer drawn over the zone.
    await expect.poll(() => pendingAreasDrawn(page)).toBe(0);
    expect(await page.evaluate(() => window.__planner!.map!.hasImage('shared-hatch'))).toBe(true);
    expect(await page.getByTestId('legend-shared').innerText()).toBe('多校划片');
    await page.screenshot({ path: join(shots, 'shared-zone.png') });

    await page.getByTestId('undo').click();
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 0);
    await page.waitForFunction(() => window.__planner!.map!.queryRenderedFeatures({ layers: ['zones-shared'] }).length === 0);
    const undone = await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return { shared: s.result!.shared, enrollments: s.result!.schools.map((r) => r.enrollment), sharedFeatures: s.dataset!.zones.features.filter((f) => f.properties.school_ids).length };
    });
    expect(undone.shared).toBeUndefined();
    expect(undone.sharedFeatures).toBe(0);
    expect(undone.enrollments).toEqual(simulate(shouguang.dataset, DEFAULT_RULES).schools.map((r) => r.enrollment));
  });
});
