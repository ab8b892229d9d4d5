import { booleanPointInPolygon, pointsWithinPolygon, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { pupilRows, unitPupilsJoining, zoneOf } from '../unit/shouguangFiles';
import { freshAppForEachTest } from './appPage';
import { expectedAfter } from './shouguang';

const root = join(import.meta.dirname, '../..');
const units = JSON.parse(readFileSync(join(root, 'data/shouguang/units.geojson'), 'utf8')) as FeatureCollection<Point, { id: string; name: string }>;
const unitAt = (id: string) => units.features.find((f) => f.properties.id === id)!.geometry.coordinates as [number, number];
// 汇文学校 has 560 pupils (data/generator/README.md).
const N02_BEFORE = 560;

/** The store's edits and the enrollment of every school, in the dataset's order. */
const outcome = (page: Page) => page.evaluate(() => {
  const s = window.__planner!.store.getState();
  return { edits: s.edits, enrollments: s.result!.schools.map((r) => r.enrollment), n02: s.result!.schools.find((r) => r.id === 'N02')!.enrollment };
});

/** Zooms the map to `center` and waits until it has stopped and drawn the units layer there. */
async function zoomTo(page: Page, center: [number, number], zoom: number) {
  await page.evaluate(([c, z]) => window.__planner!.map!.jumpTo({ center: c as [number, number], zoom: z as number }), [center, zoom] as const);
  await page.waitForFunction(() => {
    const map = window.__planner!.map!;
    return map.loaded() && !map.isMoving() && map.queryRenderedFeatures({ layers: ['units'] }).length > 0;
  }, undefined, { polling: 250 });
}

describe('giving compounds and villages to a school in Chromium', () => {
  const app = freshAppForEachTest(inject('baseUrl'));
  let page: Page;
  beforeEach(async () => {
    page = app.page;
    await page.evaluate(() => window.__planner!.store.setState({ selectedSchoolId: 'N02' }));
    await page.getByTestId('zone-actions').waitFor();
  });

  it('clicks a compound into 汇文学校’s intake: its area joins the zone on the map and in the export, the numbers are the engine’s, and undo', async () => {
    await page.getByTestId('zone-actions').getByRole('button', { name: /点选小区/ }).click();
    await page.waitForFunction(() => window.__planner!.store.getState().unitPicking);
    await zoomTo(page, unitAt('U0001'), 15);
    const at = await page.evaluate((p) => window.__planner!.map!.project(p), unitAt('U0001'));
    const box = (await page.getByTestId('map').boundingBox())!;
    // Pointed at, the compound says what giving it would do: the figures the click then gives.
    await page.mouse.move(box.x + at.x, box.y + at.y);
    const joining = unitPupilsJoining(['U0001'], 'N02');
    const name = units.features.find((f) => f.properties.id === 'U0001')!.properties.name;
    await expect.poll(() => page.getByTestId('live-title').innerText()).toBe(`${name}划给汇文学校后`);
    expect(await page.getByTestId('live-moved').innerText()).toBe(`${joining} 名学生将转校`);
    expect(await page.getByTestId('live-school').filter({ hasText: '汇文学校' }).innerText()).toMatch(new RegExp(`^汇文学校：${N02_BEFORE} → ${N02_BEFORE + joining} 人`));
    // The click and the edit it makes are drawn in one map frame: MapLibre asks for a frame of its
    // own at the click (its pan handler let go of), which the edit's frame then waited behind.
    await page.evaluate(() => {
      const { store, map } = window.__planner!;
      const w = window as unknown as { __renders?: number };
      let renders = 0;
      const count = () => renders++;
      map!.on('render', count);
      const stop = store.subscribe((s) => {
        if (s.edits.length !== 1) return;
        stop();
        map!.once('idle', () => {
          map!.off('render', count);
          w.__renders = renders;
        });
      });
    });
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    expect(await (await page.waitForFunction(() => (window as unknown as { __renders?: number }).__renders)).jsonValue()).toBe(1);
    // The figures close with the edit's numbers; a move on the map tells of the compound as it now is.
    await page.getByTestId('live-figures').waitFor({ state: 'detached' });
    const after = await outcome(page);
    expect(after.edits).toEqual([{ op: 'assignUnits', level: 'primary', schoolId: 'N02', unitIds: ['U0001'] }]);
    // Its zoned primary pupils living outside 汇文学校's zone join it: counted from the files with turf.
    expect(after.n02).toBe(N02_BEFORE + unitPupilsJoining(['U0001'], 'N02'));
    expect(after.enrollments).toEqual(expectedAfter(after.edits).schools.map((r) => r.enrollment));
    // The unit's area moved: 汇文学校's zone on the map, and in the exported GeoJSON, now holds
    // every home of U0001 (none of them before), and the zone it left holds none.
    const homes = pupilRows.filter((r) => r.unitId === 'U0001').map((r) => r.home);
    const inside = (zone: Feature<Polygon | MultiPolygon> | undefined) => homes.filter((h) => zone !== undefined && booleanPointInPolygon(h, zone)).length;
    // U0001 lies in the zone of P08 (counted from the files).
    expect([inside(zoneOf('N02', 'primary')), inside(zoneOf('P08', 'primary'))]).toEqual([0, homes.length]);
    const mapZone = (zones: FeatureCollection, id: string) => zones.features.find((f) => f.properties!.school_id === id && f.properties!.level === 'primary') as Feature<Polygon | MultiPolygon>;
    const onMap = (await page.evaluate(() => window.__planner!.store.getState().dataset!.zones)) as FeatureCollection;
    expect([inside(mapZone(onMap, 'N02')), inside(mapZone(onMap, 'P08'))]).toEqual([homes.length, 0]);
    await page.getByTestId('export-menu').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-zonesGeoJson').click()]);
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as FeatureCollection;
    expect([inside(mapZone(exported, 'N02')), inside(mapZone(exported, 'P08'))]).toEqual([homes.length, 0]);

    await page.getByTestId('undo').click();
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 0);
    expect((await outcome(page)).enrollments).toEqual(expectedAfter([]).schools.map((r) => r.enrollment));
    expect((await outcome(page)).n02).toBe(N02_BEFORE);
  });

  it('lassoes compounds into 汇文学校’s intake, shows the engine’s numbers, and undoes', async () => {
    const [a, b] = [unitAt('U0002'), unitAt('U0003')];
    await zoomTo(page, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], 14);
    // A rectangle around both compounds, in screen pixels, and where those pixels are on the map.
    const { pixels, lonLat } = await page.evaluate(([p, q]) => {
      const map = window.__planner!.map!;
      const [x0, y0] = [Math.min(p[0], q[0]) - 0.003, Math.min(p[1], q[1]) - 0.002];
      const [x1, y1] = [Math.max(p[0], q[0]) + 0.003, Math.max(p[1], q[1]) + 0.002];
      const corners = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]].map((c) => map.project(c as [number, number])).map((c) => [Math.round(c.x), Math.round(c.y)]);
      return { pixels: corners, lonLat: corners.map((c) => map.unproject(c as [number, number]).toArray()) };
    }, [a, b] as const);
    const inside = pointsWithinPolygon(units, polygon([[...lonLat, lonLat[0]]])).features.map((f) => f.properties.id);
    // The lasso holds both compounds aimed at (and whatever else lies inside, in the units file's order).
    expect(inside).toEqual(expect.arrayContaining(['U0002', 'U0003']));

    await page.getByTestId('zone-actions').getByRole('button', { name: /圈选小区/ }).click();
    await page.waitForFunction(() => window.__planner!.store.getState().drawing && window.__planner!.store.getState().drawPurpose === 'units');
    const box = (await page.getByTestId('map').boundingBox())!;
    for (const [x, y] of [...pixels, pixels[0]]) await page.mouse.click(box.x + x, box.y + y);
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    const after = await outcome(page);
    expect(after.edits).toEqual([{ op: 'assignUnits', level: 'primary', schoolId: 'N02', unitIds: inside }]);
    expect(after.n02).toBe(N02_BEFORE + unitPupilsJoining(inside, 'N02'));
    expect(after.enrollments).toEqual(expectedAfter(after.edits).schools.map((r) => r.enrollment));

    // Ctrl+Z undoes (nothing has the keyboard focus but the page).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 0);
    expect((await outcome(page)).n02).toBe(N02_BEFORE);
  });

  it('says so when the lasso holds no compound or village, and changes nothing', async () => {
    await zoomTo(page, unitAt('U0001'), 15);
    const before = await outcome(page);
    // A square 60–90 px south-east of U0001 on screen; the units file has no unit inside it.
    const square = await page.evaluate((p) => {
      const map = window.__planner!.map!;
      const c = map.project(p);
      return [[c.x + 60, c.y + 60], [c.x + 90, c.y + 60], [c.x + 90, c.y + 90], [c.x + 60, c.y + 90]].map(([x, y]) => [x, y, ...map.unproject([x, y]).toArray()]);
    }, unitAt('U0001'));
    expect(pointsWithinPolygon(units, polygon([[...square.map((s) => [s[2], s[3]]), [square[0][2], square[0][3]]]])).features).toEqual([]);
    await page.getByTestId('zone-actions').getByRole('button', { name: /圈选小区/ }).click();
    const box = (await page.getByTestId('map').boundingBox())!;
    for (const [x, y] of [...square, square[0]]) await page.mouse.click(box.x + x, box.y + y);
    await page.getByTestId('edit-error').waitFor();
    expect(await page.getByTestId('edit-error').innerText()).toBe('未执行该修改: 圈选范围内没有小区或村');
    expect(await outcome(page)).toEqual(before);
  });
});
