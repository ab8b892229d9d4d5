import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './appPage';
import { FIRST_MAP_GZIP_BUDGET, FIRST_MAP_WATCH, recordScripts, scriptsBefore, waitForFirstMap } from './firstMap';

const url = inject('baseUrl');
const dist = join(import.meta.dirname, '../../dist');

describe('the first load', () => {
  let close = async () => {};
  afterAll(() => close());

  // The budget crept over unnoticed once (a core module pulled the polygon-union library and the
  // letters' texts into the first load): the benchmark prints it, this keeps it.
  it('draws the first map with zones after at most 700 kB of gzipped script, the panels, charts and exports not among it', async () => {
    const browser = await launchChromium();
    close = () => browser.close();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.addInitScript(FIRST_MAP_WATCH);
    const requests = recordScripts(context);
    await page.goto(url);
    const { firstMapEpoch } = await waitForFirstMap(page);
    const scripts = await scriptsBefore(requests, firstMapEpoch, dist);
    expect(scripts.list.some((p) => /\/engine\.worker-/.test(p))).toBe(true);
    expect(scripts.list.filter((p) => /\/(antd|echarts\w*|exceljs\.min|docx|shapefile|PrintReport|publicationSet|publishRun|import)-/.test(p))).toEqual([]);
    expect(scripts.gzipBytes).toBeLessThanOrEqual(FIRST_MAP_GZIP_BUDGET);
  });
});
