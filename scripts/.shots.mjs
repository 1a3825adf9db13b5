// Scratch (not committed): screenshots of the merged game at both sizes.
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
const server = await createServer({ server: { port: 0, host: '127.0.0.1', watch: null, hmr: false }, logLevel: 'error' });
await server.listen();
const base = `http://127.0.0.1:${server.httpServer.address().port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-dev-shm-usage','--use-gl=angle','--use-angle=swiptshader'.replace('swipt','swift'),'--enable-unsafe-swiftshader'] });
const order = (await import('../levels/index.json', { with: { type: 'json' } })).default.levels;
for (const [name, vp, extra] of [['desk', { width: 1280, height: 720 }, {}], ['phone', { width: 390, height: 844 }, { hasTouch: true, isMobile: true }]]) {
  const ctx = await browser.newContext({ viewport: vp, ...extra });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base, { timeout: 120000 });
  await page.evaluate(`(async () => {
    const storage = await import('/src/storage/index.ts');
    const store = await storage.openPlayerStore({ indexedDB, broadcast: null });
    for (const id of ${JSON.stringify(order.slice(0, 6))}) await store.recordResult(id, { won: true, stars: 2, accuracy: 1, params: 10, steps: 10 });
    await store.flush();
  })()`);
  await page.reload({ timeout: 120000 });
  await page.getByRole('button', { name: /^Level 1: / }).waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${name}-map.png` });
  await page.goto(`${base}#/level/x-vs-o`);
  await page.reload({ timeout: 120000 });
  await page.getByRole('button', { name: 'Start building' }).waitFor();
  await page.screenshot({ path: `/tmp/shots/${name}-intro.png` });
  await page.getByRole('button', { name: 'Start building' }).click();
  const train = page.getByRole('button', { name: 'Train' });
  await train.waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${name}-building.png` });
  console.log(name, 'errors', JSON.stringify(errors));
  await ctx.close();
}
await browser.close();
await server.close();
