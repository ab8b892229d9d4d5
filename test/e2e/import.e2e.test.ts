import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { type Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { CORPUS, findingName, type CorpusCase, type Loads } from '../fixtures/corpus/manifest';
import { sharedAppForFile, waitForApp } from './appPage';
import { clickSettled, datasetVersion, waitForStatus, waitUntilSettled } from './loadStatus';
import { randomBytes, zipSignatureAndNoise } from '../fixtures/hostile/makeHostile';
import { namesOnlyKml, schoolsWithFullNames, SHORT_NAMES, tinyStudentsIn, zonesShapefile } from '../unit/gisFixtures';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
const tiny = join(root, 'test/fixtures/tiny');
const corpus = join(root, 'test/fixtures/corpus/files');
const byName = (file: string) => CORPUS.find((c) => c.file === file)!;

/** The tiny dataset's files with the case's file in place of its part, as the planner would pick them. */
function pathsOf(c: CorpusCase): string[] {
  const parts = { schools: 'schools.geojson', catchments: 'catchments.geojson', students: 'students.csv' };
  return Object.entries(parts).map(([part, name]) => (part === c.part ? join(corpus, c.file) : join(tiny, name)));
}


/** What the app loaded: pupils loaded and rejected, assigned and unassigned. */
const outcome = (page: Page) => page.evaluate(() => {
  const s = window.__planner!.store.getState();
  return { loaded: s.dataset!.pupilsLoaded, rejected: s.dataset!.rejected.length, assigned: s.result!.summary.assigned, unassigned: s.result!.summary.unassigned, read: s.dataset!.rowsRead };
});

// One page for the file: every test picks whole datasets, so it needs only some dataset open, no
// remembered mapping (cleared first) and no load under way (else the page is reloaded).
describe('importing the corpus into the app (Chromium)', () => {
  const app = sharedAppForFile(inject('baseUrl'));
  let page: Page;
  beforeEach(async () => {
    page = app.page;
    const busy = await page.evaluate(() => {
      localStorage.clear();
      return window.__planner!.store.getState().load.status !== 'idle';
    });
    if (busy) {
      await page.reload();
      await waitForApp(page);
    }
  });

  /** A screenshot once the element `testId` shows and its dialog has finished opening. */
  async function settledShot(testId: string, name: string) {
    await waitUntilSettled(page, testId);
    await page.screenshot({ path: join(shots, name) });
  }

  /**
   * Picks the case's files through the file input, confirms the mapping step (choosing the case's
   * coordinate system there), loads anyway past the validation report, and returns the report's
   * findings named as the manifest names them. `shot` names screenshots of the two dialogs.
   */
  async function importCase(c: CorpusCase, shot?: string): Promise<string[]> {
    const before = await datasetVersion(page);
    await page.getByTestId('file-input').setInputFiles(pathsOf(c));
    let status = await waitForStatus(page, before, ['mapping', 'review', 'error', 'done']);
    expect(status).toBe('mapping');
    const card = page.getByTestId('import-file-' + pathsOf(c).findIndex((p) => p.endsWith(c.file)));
    expect(await card.innerText()).toContain(c.file);
    if (c.crs) await card.getByTestId(`crs-${pathsOf(c).findIndex((p) => p.endsWith(c.file))}`).getByText(c.crs === 'gcj02' ? 'GCJ-02' : 'BD-09', { exact: false }).click();
    if (shot) await settledShot('import-dialog', `${shot}-mapping.png`);
    await clickSettled(page, 'import-confirm');
    status = await waitForStatus(page, before, ['review', 'error', 'done']);
    if (status !== 'review') return [];
    const items = await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return s.load.status === 'review' ? s.load.report.items.map((i) => ({ kind: i.kind, code: 'code' in i ? i.code : undefined })) : [];
    });
    if (shot) await settledShot('validation-summary', `${shot}-report.png`);
    await clickSettled(page, 'load-anyway');
    expect(await waitForStatus(page, before, ['done', 'error'])).toBe('done');
    return items.map(findingName);
  }

  for (const file of ['学生-合并表头.xlsx', '片区-gbk.zip', '学生名单-gbk.csv', 'zones-gap-overlap.geojson', 'zones-self-intersecting.geojson', '片区.kml', '学校-合并表头.xlsx', 'students-gcj02.csv']) {
    const c = byName(file);
    const expected = c.expect as Loads;
    it(`${file}: loads ${expected.loaded}, rejects ${expected.rejected}, as the manifest (and the CLI corpus test) says — ${c.why}`, async () => {
      const shot = file === '学生-合并表头.xlsx' ? 'import-xlsx' : file === 'zones-gap-overlap.geojson' ? 'import-gap-overlap' : undefined;
      const findings = await importCase(c, shot);
      const got = await outcome(page);
      expect(got).toEqual({ loaded: expected.loaded, rejected: expected.rejected, assigned: expected.assigned, unassigned: expected.unassigned, read: expected.loaded + expected.rejected });
      expect(findings).toEqual(expected.findings);
      const lines = await page.evaluate(() => window.__planner!.store.getState().dataset!.rejected.map((r) => [r.file, r.line]));
      expect(lines).toEqual(expected.rejectedLines.map((l) => [c.part === 'students' ? c.file : 'students.csv', l]));
    });
  }

  it('remembers the confirmed mapping and coordinate system (GCJ-02, chosen just before) for a file with the same columns', async () => {
    const c = byName('students-gcj02.csv');
    await importCase(c);
    const before = await datasetVersion(page);
    // Under a name that says no coordinate system, so GCJ-02 can only come from what was remembered.
    const [copy] = filesIn({ 'pupils-again.csv': readFileSync(join(corpus, c.file)) });
    await page.getByTestId('file-input').setInputFiles([...pathsOf(c).slice(0, 2), copy]);
    expect(await waitForStatus(page, before, ['mapping', 'review', 'error', 'done'])).toBe('mapping');
    const card = page.getByTestId('import-file-2');
    expect(await card.innerText()).toContain('已按上次的选择填写');
    expect(await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return s.load.status === 'mapping' ? s.load.files.find((f) => f.part === 'students')!.crs : undefined;
    })).toBe('gcj02');
    await clickSettled(page, 'import-cancel');
    await page.waitForFunction(() => window.__planner!.store.getState().load.status === 'idle');
    expect(await datasetVersion(page)).toBe(before);
  });

  it('shows a gap and an overlap of the report on the map, and cancelling keeps the dataset already open', async () => {
    const c = byName('zones-gap-overlap.geojson');
    const before = await datasetVersion(page);
    const name = await page.evaluate(() => window.__planner!.store.getState().dataset!.rowsRead);
    await page.getByTestId('file-input').setInputFiles(pathsOf(c));
    await waitForStatus(page, before, ['mapping']);
    await clickSettled(page, 'import-confirm');
    await waitForStatus(page, before, ['review']);
    const report = page.getByTestId('validation-report');
    const text = await report.innerText();
    expect(text).toContain('小学片区之间有空隙 0.09 平方公里，住有 1 名学生');
    expect(text).toContain('西小学与东小学的小学片区重叠 0.20 平方公里，涉及 0 名学生');
    await page.getByTestId('show-on-map-1').click();
    await page.waitForFunction(() => {
      const p = window.__planner!;
      return p.store.getState().highlight?.type === 'MultiPolygon' && p.map!.queryRenderedFeatures({ layers: ['highlight-fill'] }).length > 0;
    });
    await page.screenshot({ path: join(shots, 'import-report-on-map.png') });
    await clickSettled(page, 'validation-cancel');
    await page.waitForFunction(() => window.__planner!.store.getState().load.status === 'idle');
    expect(await datasetVersion(page)).toBe(before);
    expect(await page.evaluate(() => window.__planner!.store.getState().dataset!.rowsRead)).toBe(name);
    expect(await page.evaluate(() => window.__planner!.store.getState().highlight)).toBeUndefined();
  });

  it('a truncated JSON fails naming the file, and the current dataset stays', async () => {
    const c = byName('schools-truncated.geojson');
    const before = await datasetVersion(page);
    const current = await outcome(page);
    await page.getByTestId('file-input').setInputFiles(pathsOf(c));
    expect(await waitForStatus(page, before, ['mapping', 'review', 'error', 'done'])).toBe('error');
    expect(await page.getByTestId('load-error').innerText()).toMatch(/^schools-truncated\.geojson: 不是有效的 JSON/);
    expect(await page.evaluate(() => {
      const l = window.__planner!.store.getState().load;
      return l.status === 'error' ? l.problem?.code : undefined;
    })).toBe('badJson');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__planner!.store.getState().load.status === 'idle');
    expect(await datasetVersion(page)).toBe(before);
    expect(await outcome(page)).toEqual(current);
  });

  it('hostile tables: a broken quote is rejected at its line and the rows after it load; binary data and a zip of noise are refused by name, and the dataset stays', async () => {
    const [schools, zones] = [join(tiny, 'schools.geojson'), join(tiny, 'catchments.geojson')];
    let before = await datasetVersion(page);
    await page.getByTestId('file-input').setInputFiles([schools, zones, join(root, 'test/fixtures/hostile/files/students-unclosed-quote.csv')]);
    expect(await waitForStatus(page, before, ['mapping', 'review', 'error', 'done'])).toBe('mapping');
    await clickSettled(page, 'import-confirm');
    if ((await waitForStatus(page, before, ['review', 'error', 'done'])) === 'review') await clickSettled(page, 'load-anyway');
    expect(await waitForStatus(page, before, ['done', 'error'])).toBe('done');
    // As the CLI corpus test: a4 (line 5, in P1) is rejected, the 15 rows after it read.
    const loaded = await outcome(page);
    expect(loaded).toEqual({ loaded: 12, rejected: 7, assigned: 9, unassigned: 3, read: 19 });
    expect(await page.evaluate(() => window.__planner!.store.getState().dataset!.rejected.map((r) => [r.line, r.problem?.code]))).toEqual([
      [5, 'unclosedQuote'], [14, 'gradeNotTaught'], [16, 'badGrade'], [17, 'badGrade'], [18, 'badLat'], [19, 'badLon'], [20, 'emptyId'],
    ]);
    const [binary, noise] = filesIn({ 'students-binary.csv': randomBytes(4096, 15), 'zones-noise.zip': zipSignatureAndNoise(15) });
    before = await datasetVersion(page);
    for (const [paths, message, shot] of [
      [[schools, zones, binary], 'students-binary.csv: 不是文本表格：文件含二进制数据，请另存为 CSV（UTF-8 或 GBK）或 XLSX', 'hostile-binary.png'],
      [[schools, noise, join(tiny, 'students.csv')], 'zones-noise.zip: 不是可读取的 zip 压缩包（no end of central directory）', undefined],
    ] as const) {
      await page.getByTestId('file-input').setInputFiles([...paths]);
      expect(await waitForStatus(page, before, ['mapping', 'review', 'error', 'done'])).toBe('error');
      expect(await page.getByTestId('load-error').innerText()).toBe(message);
      if (shot) await settledShot('load-error', shot);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => window.__planner!.store.getState().load.status === 'idle');
    }
    expect(await datasetVersion(page)).toBe(before);
    expect(await outcome(page)).toEqual(loaded);
  });

  it('downloads the rejected rows as CSV with file, line, status and reason, and it parses back', async () => {
    await importCase(byName('学生名单-gbk.csv'));
    const rejected = await page.evaluate(() => {
      const d = window.__planner!.store.getState().dataset!;
      return { rejected: d.rejected.map((r) => [r.file, r.line]), warnings: d.warnings.length };
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-rejected').click()]);
    expect(download.suggestedFilename()).toBe('拒收的数据行.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['文件', '行', '状态', '原因']);
    expect(rows).toHaveLength(1 + rejected.rejected.length + rejected.warnings);
    expect(rows.slice(1, 1 + rejected.rejected.length).map((r) => [r[0], Number(r[1])])).toEqual(rejected.rejected);
    expect(rows.slice(1).every((r) => r[2] === '未载入' || r[2] === '已载入（有提示）')).toBe(true);
    expect(rows.find((r) => r[1] === '15')![3]).toBe('民办小学（学校代码 "X1"）不开设 8 年级');
  });

  /** Writes files into a fresh folder and returns their paths, in the order given. */
  function filesIn(files: Record<string, string | Uint8Array>): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'gis-e2e-'));
    return Object.entries(files).map(([name, content]) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    });
  }

  /** The mapping step's drafts as the store holds them. */
  const drafts = () => page.evaluate(() => {
    const l = window.__planner!.store.getState().load;
    return l.status === 'mapping' ? l.files.map((f) => ({ name: f.name, part: f.part, crs: f.crs, mapping: f.mapping, level: f.level })) : [];
  });

  /** Confirms the mapping step, loads anyway past the report, and waits for the new dataset. */
  async function confirmAndLoad(before: number) {
    await clickSettled(page, 'import-confirm');
    if ((await waitForStatus(page, before, ['review', 'error', 'done'])) === 'review') await clickSettled(page, 'load-anyway');
    expect(await waitForStatus(page, before, ['done', 'error'])).toBe('done');
  }

  it('maps a Shapefile with pinyin-initial fields (XXMC, XD, XQMC) naming schools by short name, reads pupils named 百度坐标 as BD-09, exports the mapping, and loads the tiny county', async () => {
    const zip = await zonesShapefile([{ name: 'XXMC', length: 30 }, { name: 'XD', length: 8 }, { name: 'XQMC', length: 30 }], (z) => [SHORT_NAMES[z.properties.school_id], z.properties.level === 'primary' ? '小学' : '初中', `${z.properties.school_id}片`]);
    const paths = filesIn({ '学校.geojson': schoolsWithFullNames(), '学区-拼音.zip': zip, '学生名单-百度坐标.csv': tinyStudentsIn('bd09') });
    const before = await datasetVersion(page);
    await page.getByTestId('file-input').setInputFiles(paths);
    expect(await waitForStatus(page, before, ['mapping', 'review', 'error', 'done'])).toBe('mapping');
    const seen = await drafts();
    const zones = seen.findIndex((d) => d.name === '学区-拼音.zip');
    const pupils = seen.findIndex((d) => d.name === '学生名单-百度坐标.csv');
    expect(seen[zones]).toMatchObject({ part: 'catchments', mapping: { school_name: 'XXMC', level: 'XD', zone_name: 'XQMC' } });
    expect(seen[pupils]).toMatchObject({ part: 'students', crs: 'bd09' });
    expect(await page.getByTestId(`map-${zones}-school_name`).innerText()).toBe('XXMC');
    expect(await page.getByTestId(`crs-hint-${pupils}`).innerText()).toBe('按文件名判断为 BD-09（百度）');
    await page.getByTestId(`import-file-${zones}`).scrollIntoViewIfNeeded();
    await settledShot('import-dialog', 'import-pinyin-dbf-mapping.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-export-mapping').click()]);
    expect(download.suggestedFilename()).toBe('mapping.json');
    const mapping = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(mapping.parts.catchments).toEqual({ file: '学区-拼音.zip', crs: 'wgs84', columns: { school_id: '', school_name: 'XXMC', level: 'XD', zone_name: 'XQMC' } });
    expect(mapping.parts.students.crs).toBe('bd09');
    await confirmAndLoad(before);
    const tiny = byName('students-bom.csv').expect as Loads;
    expect(await outcome(page)).toEqual({ loaded: tiny.loaded, rejected: tiny.rejected, assigned: tiny.assigned, unassigned: tiny.unassigned, read: tiny.loaded + tiny.rejected });
  });

  it('loads a 五四制 county chosen in the mapping step: 初一 is grade 6 and is counted at the junior school; the summary and the report say so', async () => {
    const pupils = ['学籍号,经度,纬度,年级', 'a,118.005,36.005,五年级', 'b,118.005,36.005,初一', 'c,118.015,36.005,初一', 'd,118.005,36.005,初二', 'e,118.005,36.005,初四'].join('\n');
    const paths = filesIn({ 'schools.geojson': readFileSync(join(tiny, 'schools.geojson')), 'catchments.geojson': readFileSync(join(tiny, 'catchments.geojson')), '学生名单.csv': pupils });
    const before = await datasetVersion(page);
    await page.getByTestId('file-input').setInputFiles(paths);
    expect(await waitForStatus(page, before, ['mapping', 'review', 'error', 'done'])).toBe('mapping');
    expect(await page.getByTestId('school-system').innerText()).toContain('六三制');
    await page.getByTestId('school-system').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '五四制' }).click();
    expect(await page.getByTestId('school-system').innerText()).toContain('五四制');
    await settledShot('import-dialog', 'import-school-system-mapping.png');
    await confirmAndLoad(before);
    const seen = await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      const at = (id: string) => s.result!.schools.find((r) => r.id === id)!;
      return { system: s.dataset!.schoolSystem, loaded: s.dataset!.pupilsLoaded, rejected: s.dataset!.rejected.length, p1: at('P1').grades, j1: at('J1').grades };
    });
    // Under 六三制 初四 would be no grade (rejected) and 初一 would be 7; here all five load.
    expect(seen).toEqual({ system: '5-4', loaded: 5, rejected: 0, p1: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 }, j1: { 6: 2, 7: 1, 8: 0, 9: 1 } });
    expect(await page.getByTestId('school-system-line').innerText()).toBe('学制：五四制（小学一至五年级，初中六至九年级）');
    await page.screenshot({ path: join(shots, 'school-system-loaded.png') });
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-report').click();
    await page.waitForSelector('[data-testid="print-report"][data-ready="yes"]');
    expect(await page.getByTestId('report-rules').innerText()).toContain('学制：五四制（小学一至五年级，初中六至九年级）');
    await clickSettled(page, 'report-close');
  });

  it('gives a names-only KML one level for the whole file in the mapping step', async () => {
    const paths = filesIn({ '学校.geojson': schoolsWithFullNames(), '小学片区.kml': namesOnlyKml([{ name: '圣城小学', zone: 'P1' }, { name: '寿光一中小学部', zone: 'P2' }]), 'students.csv': readFileSync(join(tiny, 'students.csv')) });
    const before = await datasetVersion(page);
    await page.getByTestId('file-input').setInputFiles(paths);
    expect(await waitForStatus(page, before, ['mapping', 'review', 'error', 'done'])).toBe('mapping');
    const k = (await drafts()).findIndex((d) => d.name === '小学片区.kml');
    expect(await page.getByTestId(`import-missing-${k}`).innerText()).toContain('level（学段）');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await page.getByTestId(`level-${k}`).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: /^小学$/ }).click();
    await page.getByTestId(`import-missing-${k}`).waitFor({ state: 'detached' });
    // The dialog keeps its edits to itself until confirmed: the select shows the choice.
    expect(await page.getByTestId(`level-${k}`).innerText()).toBe('小学');
    expect(await page.getByTestId(`map-${k}-school_name`).innerText()).toBe('name');
    await confirmAndLoad(before);
    // Without J1's junior zone, j1 and j2 (grades 7 and 9) join h1 and o1 outside every junior zone.
    expect(await outcome(page)).toEqual({ loaded: 13, rejected: 6, assigned: 8, unassigned: 5, read: 19 });
  });
});
