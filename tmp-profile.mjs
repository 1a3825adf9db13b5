import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { exposeHeapReader } from './scripts/bench-heaps.mjs';
const minutes = Number(process.argv[2] ?? 0.5);
const server = await createServer({
  server: { port: 0, host: '127.0.0.1', hmr: false }, logLevel: 'error',
  optimizeDeps: { include: ['@tensorflow/tfjs-core','@tensorflow/tfjs-core/dist/register_all_gradients','@tensorflow/tfjs-backend-cpu','@tensorflow/tfjs-backend-wasm','@tensorflow/tfjs-backend-webgl','comlink'] },
});
await server.listen();
const { port } = server.httpServer.address();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/bench/browser/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await exposeHeapReader(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const rows = await page.evaluate((m) => window.benchPage.run('soak', false, m), minutes);
  const { profile } = await cdp.send('Profiler.stop');
  console.log(JSON.stringify(rows));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  const self = new Map();
  let total = 0;
  for (const [id, c] of counts) {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/.*\/(src|bench|node_modules)\//, '$1/').split('?')[0]}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + c);
    total += c;
  }
  const dt = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  console.log(`samples ${profile.samples.length}, ${dt.toFixed(2)} ms each, wall ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`);
  const idle = (self.get('(idle) :-1') ?? 0) * dt;
  console.log(`main thread busy ${(((profile.endTime - profile.startTime) / 1000 - idle) / 1000).toFixed(1)} s of ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`);
  for (const [k, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(c * dt).toFixed(0).padStart(7)} ms ${(100 * c / total).toFixed(1).padStart(5)}%  ${k}`);
} finally { await browser.close(); await server.close(); }
