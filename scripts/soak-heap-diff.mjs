// Diagnostic: which objects pile up on the page during a soak. Runs the bench page's soak section
// for MINUTES (default 2), takes a heap snapshot through the DevTools protocol a third of the way in
// and again half its length later, and prints the constructors whose count or size grew most between the two.
//   node scripts/soak-heap-diff.mjs [MINUTES]
import { chromium } from 'playwright-core';
import { startBenchServer } from './bench-server.mjs';

const minutes = Number(process.argv[2] ?? 2);

/** Count and self size per (node type, name) of a V8 heap snapshot. */
function aggregate(json) {
  const snapshot = JSON.parse(json);
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const stride = fields.length;
  const at = (f) => fields.indexOf(f);
  const [typeAt, nameAt, sizeAt] = [at('type'), at('name'), at('self_size')];
  const totals = new Map();
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += stride) {
    const type = types[nodes[i + typeAt]];
    const name =
      type === 'object' || type === 'closure' || type === 'native' ? strings[nodes[i + nameAt]] : `(${type})`;
    const key = `${type}: ${name.slice(0, 80)}`;
    const total = totals.get(key) ?? { count: 0, size: 0 };
    total.count++;
    total.size += nodes[i + sizeAt];
    totals.set(key, total);
  }
  return totals;
}

async function snapshot(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return aggregate(chunks.join(''));
}

const server = await startBenchServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
try {
  const page = await browser.newPage();
  await page.goto(server.pageUrl);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const soak = page.evaluate((m) => window.benchPage.run('soak', false, m), minutes);
  await page.waitForTimeout((minutes * 60_000) / 3);
  const before = await snapshot(cdp);
  // The second one while the soak still runs: once it ends, its client and views are freed.
  await page.waitForTimeout((minutes * 60_000) / 2);
  const after = await snapshot(cdp);
  console.log(JSON.stringify(await soak));
  const diff = [...after].map(([key, a]) => {
    const b = before.get(key) ?? { count: 0, size: 0 };
    return { key, count: a.count - b.count, size: a.size - b.size, total: a.size };
  });
  diff.sort((x, y) => y.size - x.size);
  for (const d of diff.slice(0, 25))
    console.log(`${String(d.size).padStart(10)} B ${String(d.count).padStart(7)} x  ${d.key}`);
} finally {
  await browser.close();
  await server.close();
}
