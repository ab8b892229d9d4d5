import { drawSquareBetween, openApp } from '../test/e2e/appPage';
const { browser, page } = await openApp('http://127.0.0.1:4730/');
page.on('pageerror', (e) => console.log('pageerror', e.message));
await drawSquareBetween(page, ['P01', 'N02']);
await page.getByTestId('assign-school').click();
await page.keyboard.type('汇文');
await page.keyboard.press('Enter');
await page.getByTestId('assign-area').click();
await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
for (const kind of ['lookupHtml', 'lettersXlsx', 'lettersDocx']) {
  await page.getByTestId('export-menu').click();
  if (kind === 'lookupHtml') { await page.getByTestId(`export-${kind}`).waitFor(); await page.screenshot({ path: '/tmp/pub/app-menu.png' }); }
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.getByTestId(`export-${kind}`).click()]);
  await dl.saveAs(`/tmp/pub/app-${kind}`);
  console.log(kind, dl.suggestedFilename());
}
await page.screenshot({ path: '/tmp/pub/app-after.png' });
await browser.close();
