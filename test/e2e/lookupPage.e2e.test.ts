import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { computeLookupIndex } from '../../src/core/publish/lookupIndex';
import { DEFAULT_RULES } from '../../src/core/rules';
import { buildLookupPage, lookupPageData, pinyinInitials } from '../../src/io/export/lookupPage';
import { parseScenario } from '../../src/io/parseScenario';
import { noticeUnits } from '../../workers/zoneNoticeRun';
import { launchChromium } from './appPage';
import { shouguang, stateAfter } from './shouguang';

describe('学区查询 page for parents (issue 14)', () => {
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  it('opens from the file system, finds a compound the plan moves by its name and by its pinyin initials, and requests nothing', async () => {
    const { dataset } = shouguang;
    const file = join(import.meta.dirname, '../../data/scenarios/shengcheng-to-huiwen.json');
    const state = stateAfter(parseScenario(file, readFileSync(file, 'utf8'), dataset.schools).edits);
    const index = computeLookupIndex(dataset, state, noticeUnits(shouguang), DEFAULT_RULES);
    const page = buildLookupPage(lookupPageData(index, dataset.schools, { dataset: { zh: dataset.name, en: dataset.nameEn ?? dataset.name }, year: 2021, baseYear: 2020, synthetic: true, locale: 'zh-CN' }));
    const path = join(mkdtempSync(join(tmpdir(), 'lookup-')), '学区查询.html');
    writeFileSync(path, page);
    // A compound the plan moves from 圣城小学 to 汇文学校, whose initials no other place starts with.
    const names = index.places.map((p) => p.name);
    const moved = index.places.find((p) => p.kind === 'unit' && p.before.primary[0]?.[0] === dataset.schools.findIndex((s) => s.id === 'P01') && p.now.primary[0]?.[0] !== p.before.primary[0][0]
      && names.filter((n) => pinyinInitials(n).startsWith(pinyinInitials(p.name))).length === 1)!;
    const to = dataset.schools[moved.now.primary[0][0]].name;

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const url = pathToFileURL(path).href;
    // Every request but the page's own file is recorded and refused.
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    const tab = await context.newPage();
    await tab.goto(url);
    await tab.locator('body[data-ready="yes"]').waitFor();
    await tab.locator('#q').fill(moved.name);
    await tab.locator('#results li').first().click();
    const detail = tab.locator('#detail');
    await expect.poll(() => detail.innerText()).toContain(to);
    expect(await detail.innerText()).toContain('较2020年调整：原为圣城小学');
    await tab.locator('#q').fill(pinyinInitials(moved.name));
    await expect.poll(() => tab.locator('#results li').first().innerText()).toContain(moved.name);
    // A click on the map names the zone's school.
    await tab.locator(`path[data-zone="${index.zones.findIndex((z) => z.level === 'primary' && z.schools.length === 1 && dataset.schools[z.schools[0]].id === 'N02')}"]`).dispatchEvent('click');
    expect(await tab.locator('#detail h2').innerText()).toBe(dataset.schools.find((s) => s.id === 'N02')!.name);
    expect(requests).toEqual([]);
  });
});
