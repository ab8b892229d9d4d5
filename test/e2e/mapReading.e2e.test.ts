import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { drawSquareBetween, sharedAppForFile } from './appPage';

const shots = join(import.meta.dirname, '../../test-results');
mkdirSync(shots, { recursive: true });

/** Rendered features of a layer (symbols only once placed). */
const rendered = (page: Page, layer: string) => page.evaluate((l) => window.__planner!.map!.queryRenderedFeatures({ layers: [l] }).map((f) => f.properties), layer);

/** Where a school's marker is on the page (px). */
async function schoolOnPage(page: Page, id: string): Promise<{ x: number; y: number }> {
  await page.waitForFunction(() => !window.__planner!.map!.isMoving());
  const at = await page.evaluate((sid) => {
    const s = window.__planner!.store.getState().dataset!.schools.find((x) => x.id === sid)!;
    return window.__planner!.map!.project([s.lon, s.lat]);
  }, id);
  const box = (await page.getByTestId('map').boundingBox())!;
  return { x: box.x + at.x, y: box.y + at.y };
}

/**
 * The schools whose zones are drawn at points spread over the inner part of an area (its outer ring), one list
 * per point: from the zones source (less the zones it leaves to the hot source) and the hot one.
 */
const zonesDrawnInArea = (page: Page, ring: number[][]) => page.evaluate((ring) => {
  const map = window.__planner!.map!;
  const [xs, ys] = [ring.map((p) => p[0]), ring.map((p) => p[1])];
  const at = (f: number, lo: number[]) => Math.min(...lo) + f * (Math.max(...lo) - Math.min(...lo));
  return [0.2, 0.4, 0.6, 0.8].flatMap((fx) => [0.2, 0.4, 0.6, 0.8].map((fy) => {
    const p = map.project([at(fx, xs), at(fy, ys)]);
    return map.queryRenderedFeatures(p, { layers: ['zones-fill-hot', 'zones-fill'] }).filter((f) => !f.state.stale).map((f) => String(f.properties.school_id));
  }));
}, ring);

/**
 * The map's colours (RGBA) at the same points as zonesDrawnInArea, read from a frame drawn for it
 * without the outline of the last change (drawn over the area for a while); and whether the hot
 * source drew zones in that frame.
 */
const coloursInArea = (page: Page, ring: number[][]) => page.evaluate((ring) => new Promise<{ rgba: number[][]; hot: boolean }>((resolve) => {
  const map = window.__planner!.map!;
  const canvas = map.getCanvas();
  const scale = canvas.width / canvas.clientWidth;
  const [xs, ys] = [ring.map((p) => p[0]), ring.map((p) => p[1])];
  const at = (f: number, lo: number[]) => Math.min(...lo) + f * (Math.max(...lo) - Math.min(...lo));
  const flash = ['flash-fill', 'flash-line'];
  for (const id of flash) map.setLayoutProperty(id, 'visibility', 'none');
  map.once('render', () => {
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
    const rgba = [0.2, 0.4, 0.6, 0.8].flatMap((fx) => [0.2, 0.4, 0.6, 0.8].map((fy) => {
      const p = map.project([at(fx, xs), at(fy, ys)]);
      const pixel = new Uint8Array(4);
      gl.readPixels(Math.round(p.x * scale), Math.round(canvas.height - p.y * scale), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      return [...pixel];
    }));
    const hot = map.queryRenderedFeatures({ layers: ['zones-fill-hot'] }).length > 0;
    for (const id of flash) map.setLayoutProperty(id, 'visibility', 'visible');
    resolve({ rgba, hot });
  });
  map.triggerRepaint();
}), ring);

const tooltip = (page: Page) => page.locator('.map-tooltip').innerText();
const enrollment = (page: Page, id: string) => page.evaluate((sid) => window.__planner!.store.getState().result!.schools.find((r) => r.id === sid)!.enrollment, id);

// One page for the file: each step starts where the one before left the app.
describe('a map that reads, and what it prints (issue 17)', () => {
  let page: Page;
  const url = inject('baseUrl');

  const app = sharedAppForFile(url);
  beforeAll(() => {
    page = app.page;
  });

  it('names schools, towns and 街道 and labels zones with their utilization, with no font fetched', async () => {
    await page.waitForFunction(() => ['labels-schools', 'labels-towns', 'labels-zones'].every((l) => window.__planner!.map!.queryRenderedFeatures({ layers: [l] }).length > 0), undefined, { timeout: 30_000 });
    const towns = (await rendered(page, 'labels-towns')).map((p) => p.name);
    expect(towns.some((n) => n.endsWith('镇') || n.endsWith('街道'))).toBe(true);
    expect((await rendered(page, 'labels-zones')).every((p) => /^\d+%$/.test(p.figure))).toBe(true);
    // Names of the level's schools only (primary and nine-year), fewer than all where they would overlap.
    const named = await rendered(page, 'labels-schools');
    expect(named.every((p) => p.level === 'primary' || p.level === 'nine_year')).toBe(true);
    expect(new Set(named.map((p) => p.id)).size).toBeLessThan(await page.evaluate(() => window.__planner!.store.getState().dataset!.schools.length));
    await page.screenshot({ path: join(shots, 'map-labels-zh.png') });
  });

  it('draws the level chosen: 初中 shows the junior zones, coloured by their schools, and 小学 the primary ones again', async () => {
    const zonesDrawn = (level: string) => page.waitForFunction((l) => {
      const drawn = window.__planner!.map!.queryRenderedFeatures({ layers: ['zones-fill'] });
      return drawn.length > 0 && drawn.every((f) => f.properties.level === l && typeof f.state.util === 'number');
    }, level, { timeout: 30_000 });
    const junior = await page.evaluate(() => window.__planner!.store.getState().dataset!.zones.features.filter((f) => f.properties?.level === 'junior').length);
    await page.getByTestId('level-switch').getByText('初中').click();
    await zonesDrawn('junior');
    // The zones source holds the level shown (zoneSource.keyedZones): every junior zone, nothing else.
    expect(await page.evaluate(async () => ((await (window.__planner!.map!.getSource('zones') as GeoJSONSource).getData()) as FeatureCollection).features.map((f) => f.properties?.level))).toEqual(Array(junior).fill('junior'));
    await page.getByTestId('level-switch').getByText('小学').click();
    await zonesDrawn('primary');
  });

  it('fits 超额班, 超规模 and 教室使用率 in the school table at 1440 px; 打开数据集 opens without hovering', async () => {
    const table = (await page.getByTestId('school-table').locator('.ant-table-content, .ant-table-body').first().boundingBox())!;
    for (const title of ['超额班', '超规模', '教室使用率']) {
      const cell = (await page.getByTestId('school-table').locator('th', { hasText: title }).first().boundingBox())!;
      expect(cell.x + cell.width).toBeLessThanOrEqual(table.x + table.width + 1);
    }
    await page.getByTestId('load-menu').focus();
    await page.keyboard.press('Enter');
    await page.getByText('默认数据集（寿光）').waitFor();
    await page.keyboard.press('Escape');
  });

  it('brings a school chosen in the table into view', async () => {
    await page.evaluate(() => window.__planner!.map!.jumpTo({ center: [118.5, 37.2], zoom: 13 }));
    await page.getByPlaceholder('搜索学校').fill('圣城小学');
    await page.locator('tr[data-school-id="P01"]').click();
    await page.waitForFunction(() => window.__planner!.store.getState().selectedSchoolId === 'P01');
    const at = await schoolOnPage(page, 'P01');
    const box = (await page.getByTestId('map').boundingBox())!;
    expect(at.x > box.x && at.x < box.x + box.width && at.y > box.y && at.y < box.y + box.height).toBe(true);
    await page.getByPlaceholder('搜索学校').fill('');
  });

  it('draws a corner near the previous one without ending the area; later clicks do not pick the school; no default of the area’s own school', async () => {
    // Zoom close to 圣城小学 and draw around it: the third corner 30 px from the second.
    await page.evaluate(() => {
      const s = window.__planner!.store.getState().dataset!.schools.find((x) => x.id === 'P01')!;
      window.__planner!.map!.jumpTo({ center: [s.lon, s.lat], zoom: 15 });
    });
    const c = await schoolOnPage(page, 'P01');
    await page.getByTestId('draw-area').click();
    for (const [dx, dy] of [[-50, -50], [50, -50], [50, -20], [-50, 50], [-50, -50]]) await page.mouse.click(c.x + dx, c.y + dy);
    await page.getByTestId('area-preview').waitFor();
    const corners = await page.evaluate(() => {
      const a = window.__planner!.store.getState().pendingArea!;
      return a.type === 'Polygon' ? new Set(a.coordinates[0].map((p) => p.join())).size : 0;
    });
    expect(corners).toBe(4);
    // Every pupil of the area goes to 圣城小学 already: it is not offered as the default.
    expect(await page.evaluate(() => window.__planner!.store.getState().preview!.bySchool.map((b) => b.schoolId))).toEqual(['P01']);
    expect(await page.getByTestId('assign-school').locator('.ant-select-selection-item').count()).toBe(0);
    // A click on another school's marker while the area waits leaves the selection alone.
    await page.evaluate(() => {
      const s = window.__planner!.store.getState().dataset!.schools.find((x) => x.id === 'N02')!;
      window.__planner!.map!.jumpTo({ center: [s.lon, s.lat], zoom: 14 });
    });
    const n02 = await schoolOnPage(page, 'N02');
    await page.mouse.click(n02.x, n02.y);
    expect(await page.evaluate(() => window.__planner!.store.getState().selectedSchoolId)).toBe('P01');
    await page.getByTestId('pending-area').getByRole('button', { name: '取 消' }).or(page.getByTestId('pending-area').getByRole('button', { name: '取消' })).click();
  });

  it('after an edit draws the new zones at once and alike once folded into the zones source, outlines the changed area, says what changed, keeps the tooltip current, and undoes and redoes by keyboard after a display switch', async () => {
    await drawSquareBetween(page, ['P01', 'N02']);
    const area = await page.evaluate(() => window.__planner!.store.getState().pendingArea!.coordinates[0] as number[][]);
    expect((await zonesDrawnInArea(page, area)).flat()).toContain('P01');
    await page.getByTestId('assign-school').click();
    await page.keyboard.type('汇文');
    await page.keyboard.press('Enter');
    await page.getByTestId('assign-area').click();
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    const after = await enrollment(page, 'P01');
    expect(after).toBeLessThan(2600);
    // The map draws the area as 汇文学校's only, from the hot source: 圣城小学's old shape is not drawn under it.
    const allHuiwen = Array(16).fill(['N02']);
    await expect.poll(() => zonesDrawnInArea(page, area)).toEqual(allHuiwen);
    const fromEdit = await coloursInArea(page, area);
    expect(fromEdit.hot).toBe(true);
    await page.waitForFunction(() => window.__planner!.map!.queryRenderedFeatures({ layers: ['flash-line'] }).length > 0);
    const note = await page.getByTestId('legend-change').innerText();
    expect(note).toContain('圣城小学 → 汇文学校');
    expect(note).toContain(`${(2600 - after).toLocaleString('en')}`);
    // Once edits pause, the zones source takes the edit in and the hot source is emptied: the same colours.
    await expect.poll(() => page.evaluate(async () => {
      const map = window.__planner!.map!;
      const zones = (await (map.getSource('zones') as GeoJSONSource).getData()) as FeatureCollection;
      const n02 = window.__planner!.store.getState().dataset!.zones.features.find((f) => f.properties?.level === 'primary' && f.properties.school_id === 'N02')!;
      const held = zones.features.find((f) => f.properties?.school_id === 'N02')!;
      return JSON.stringify(held.geometry) === JSON.stringify(n02.geometry) && map.queryRenderedFeatures({ layers: ['zones-fill-hot'] }).length === 0;
    }), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => zonesDrawnInArea(page, area)).toEqual(allHuiwen);
    const folded = await coloursInArea(page, area);
    expect(folded.hot).toBe(false);
    folded.rgba.forEach((rgba, i) => rgba.forEach((c, k) => expect(Math.abs(c - fromEdit.rgba[i][k]), `point ${i}`).toBeLessThanOrEqual(2)));
    await page.screenshot({ path: join(shots, 'map-change-zh.png') });
    // A display switch keeps the focus on its radio input: the shortcuts still work.
    await page.getByText('按教室使用率').click();
    const p01 = await schoolOnPage(page, 'P01');
    await page.mouse.move(p01.x, p01.y);
    await expect.poll(() => tooltip(page)).toContain(`在校生 ${after.toLocaleString('en')}`);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 0);
    await expect.poll(() => tooltip(page)).toContain('在校生 2,600');
    await page.keyboard.press('Control+y');
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    await expect.poll(() => tooltip(page)).toContain(`在校生 ${after.toLocaleString('en')}`);
  });

  it('gives an edit to the map at once while another source is being tiled (it waited for the map to be idle, the panels not held for it)', async () => {
    const undone = page.evaluate(() => new Promise<{ busy: boolean; hot: boolean; held: boolean }>((resolve) => {
      const { store, shown } = window.__planner!;
      const map = window.__planner!.map!;
      // An outline of 200,000 corners for the change outline's source: its tiling keeps the style busy.
      const ring = Array.from({ length: 200_000 }, (_, i) => [118.75 + 0.05 * Math.cos((i / 200_000) * 2 * Math.PI), 36.87 + 0.04 * Math.sin((i / 200_000) * 2 * Math.PI)]);
      ring.push(ring[0]);
      (map.getSource('flash') as GeoJSONSource).setData({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } });
      const busy = !map.isStyleLoaded();
      const stop = store.subscribe((s) => {
        if (s.edits.length !== 0) return;
        stop();
        // The map's own subscriber ran first: the undone zone of 汇文学校 is in its hot source now.
        const n02 = s.dataset!.zones.features.find((f) => f.properties?.level === 'primary' && f.properties.school_id === 'N02')!;
        const hot = (map.getSource('zones-hot') as GeoJSONSource).serialize().data as FeatureCollection;
        resolve({ busy, hot: hot.features.some((f) => f.properties?.school_id === 'N02' && JSON.stringify(f.geometry) === JSON.stringify(n02.geometry)), held: shown.getState().edits.length === 1 });
      });
    }));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    expect(await undone).toEqual({ busy: true, hot: true, held: true });
    await page.evaluate(() => (window.__planner!.map!.getSource('flash') as GeoJSONSource).setData({ type: 'FeatureCollection', features: [] }));
    await page.keyboard.press('Control+y');
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
  });

  it('draws the school table again only near the screen, and shows the current numbers when it scrolls near', async () => {
    const p01Cells = () => page.locator('tr[data-school-id="P01"]').locator('td').allInnerTexts();
    const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const edited = await enrollment(page, 'P01');
    await page.getByTestId('school-table').scrollIntoViewIfNeeded();
    await expect.poll(p01Cells).toContain(edited.toLocaleString('en'));
    await page.evaluate(() => document.querySelector('.side-panel')!.scrollTo(0, 0));
    await frames();
    // Undone while the table is far below: the cards on screen follow, the table keeps what it showed.
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 0);
    await page.getByTestId('moved-pupils').waitFor({ state: 'hidden' });
    await frames();
    expect(await p01Cells()).toContain(edited.toLocaleString('en'));
    await page.getByTestId('school-table').scrollIntoViewIfNeeded();
    await expect.poll(p01Cells).toContain('2,600');
    await page.keyboard.press('Control+y');
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
  });

  it('shows a projected year on the map and in the table from the year selector', async () => {
    await page.getByTestId('view-year').click();
    await page.getByTitle('2023 学年（预测）').click();
    await page.waitForFunction(() => {
      const s = window.__planner!.store.getState();
      return s.viewYear === 2023 && s.projections[s.activeScenarioId]?.view.years.some((y) => y.year === 2023);
    }, undefined, { timeout: 60_000 });
    await page.getByTestId('view-year-computing').waitFor({ state: 'detached' });
    const projected = await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return s.projections[s.activeScenarioId]!.view.years.find((y) => y.year === 2023)!.result.schools.find((r) => r.id === 'P01')!;
    });
    await page.getByPlaceholder('搜索学校').fill('圣城小学');
    await expect.poll(() => page.locator('tr[data-school-id="P01"]').locator('td').allInnerTexts()).toContain(projected.enrollment.toLocaleString('en'));
    // The zone's colour follows the projected year's utilization.
    // Zones are keyed on the map by level and school (src/map/zoneSource.ts).
    const util = await page.evaluate(() => window.__planner!.map!.getFeatureState({ source: 'zones', id: 'primary|P01' }).util);
    expect(util).toBe(projected.utilization);
    // An edit undone while the projected year shows is projected again (the step before left one edit).
    const projectedP01 = () => page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return s.projections[s.activeScenarioId]?.view.years.find((y) => y.year === 2023)?.result.schools.find((r) => r.id === 'P01')?.enrollment;
    });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 0);
    await expect.poll(projectedP01, { timeout: 60_000 }).not.toBe(projected.enrollment);
    await page.keyboard.press('Control+y');
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    await expect.poll(projectedP01, { timeout: 60_000 }).toBe(projected.enrollment);
    await page.getByTestId('view-year-computing').waitFor({ state: 'detached' });
    await page.getByPlaceholder('搜索学校').fill('');
  });

  it('exports the map as a PNG with its title band, and a Shapefile with a message naming the file', async () => {
    await page.getByTestId('export-menu').click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-mapPng').click()]);
    const bytes = readFileSync((await png.path())!);
    writeFileSync(join(shots, 'map-export-zh.png'), bytes);
    const size = await page.evaluate(() => [window.__planner!.map!.getContainer().clientWidth, window.__planner!.map!.getContainer().clientHeight]);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([size[0], size[1] + 88]);
    await page.getByTestId('export-menu').click();
    const [shp] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-zonesShp').click()]);
    expect(shp.suggestedFilename()).toMatch(/片区\.zip$/);
    await page.getByText(`已导出：${shp.suggestedFilename()}`).waitFor();
  });

  it('exports the whole publication set in one step: both notices, the lookup page, the warning table and the letters in one ZIP', async () => {
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-publicationZip').click()]);
    expect(download.suggestedFilename()).toMatch(/发布材料\.zip$/);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    expect(Object.keys(zip.files).sort()).toEqual(['学位预警.xlsx', '学位预警公告.docx', '学区查询.html', '招生片区公告.docx', '致家长信.docx', '致家长信名单.xlsx'].sort());
    const notice = await JSZip.loadAsync(await zip.file('招生片区公告.docx')!.async('uint8array'));
    expect(await notice.file('word/document.xml')!.async('string')).toContain('汇文学校');
    expect(await zip.file('学区查询.html')!.async('string')).toContain('汇文学校');
    await page.getByText(`已导出：${download.suggestedFilename()}`).waitFor();
  });

  it('leaves the map room above the compare drawer; the school chart shows the largest class and classes over the cap', async () => {
    await page.getByText('方案比较与预测').click();
    await page.locator('[data-testid="school-chart"] svg').first().waitFor({ timeout: 60_000 });
    const drawer = (await page.locator('.ant-drawer-content-wrapper').boundingBox())!;
    const map = (await page.getByTestId('map').boundingBox())!;
    expect(drawer.y - map.y).toBeGreaterThanOrEqual(400);
    const chart = await page.getByTestId('school-chart').locator('svg').first().textContent();
    for (const title of ['在校生', '班级', '最大班额', '超额班']) expect(chart).toContain(title);
    await page.locator('.ant-drawer-close').click();
  });

  it('in English: the standards card and the map name things in English', async () => {
    await page.evaluate(() => window.__planner!.store.setState({ locale: 'en', viewYear: undefined }));
    await expect.poll(() => page.locator('.side-panel').innerText()).toContain('large classes (56–65)');
    expect(await page.locator('.side-panel').innerText()).not.toMatch(/大班额|超大班额/);
    // The 就近入学 table names schools in English too (it is drawn once scrolled near).
    await page.getByTestId('distance-table').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('distance-table').innerText()).toMatch(/Primary School/);
    expect(await page.getByTestId('distance-table').innerText()).not.toMatch(/\p{Script=Han}/u);
    await page.evaluate(() => document.querySelector('.side-panel')!.scrollTo(0, 0));
    await page.waitForFunction(() => window.__planner!.map!.queryRenderedFeatures({ layers: ['labels-schools'] }).length > 0);
    await page.screenshot({ path: join(shots, 'map-labels-en.png') });
  });
});
