// `npm run bench:browser`: the browser benchmark. Serves the project with Vite, opens headless
// Chromium on bench/browser/index.html and prints one table per section (bench/browser/sections.ts).
// Options: --quick (skip the slow cases), --section=NAME (run one section), --repeat=N (take each of
// the training section's frame-measuring runs N times: medians, and the range of the main-thread
// p95), --soak=MINUTES (train over and over for that long and report heap and tensor growth; the
// issue asks for 10), --swiftshader-compositing (composite the page through SwiftShader too, as the
// browser tests do).
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { FIRST_SCREEN, measureFirstScreen } from './bench-first-screen.mjs';
import { exposeHeapReader } from './bench-heaps.mjs';
import { startBenchServer } from './bench-server.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--section='))?.slice('--section='.length);
const soakMinutes = Number(args.find((a) => a.startsWith('--soak='))?.slice('--soak='.length) ?? 0);
if (!Number.isFinite(soakMinutes) || soakMinutes < 0) throw new Error('--soak expects a number of minutes');
const repeatText = args.find((a) => a.startsWith('--repeat='))?.slice('--repeat='.length) ?? '1';
const repeat = Number(repeatText);
if (!/^\d+$/.test(repeatText) || repeat < 1 || repeat > 20)
  throw new Error(`--repeat expects a whole number from 1 to 20, not ${JSON.stringify(repeatText)}`);
const swiftshaderCompositing = args.includes('--swiftshader-compositing');

// The flags of tests/browser/chromium.ts (WebGL 2 through SwiftShader, also in workers), and the page
// composited in software, as Chromium does on a machine without a GPU. Compositing through SwiftShader
// (the browser tests' default) emulates a GPU on the CPU cores the training worker also needs: there
// the frames wait on that emulation, not on the page (--swiftshader-compositing measures it).
const CHROMIUM_ARGS = [
  ...(swiftshaderCompositing ? [] : ['--disable-gpu-compositing']),
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** The machine's load averages over 1, 5 and 15 minutes. */
function loadAverage() {
  return loadavg()
    .map((v) => v.toFixed(1))
    .join(' / ');
}

/** Prints rows under a header as a Markdown table. */
function printTable(title, columns, rows) {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells) => `| ${columns.map((_, i) => (cells[i] ?? '').padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n## ${title}\n`);
  console.log(line(columns));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

const server = await startBenchServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
let failed = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  // The soak reads the page's and the training worker's heaps through the DevTools protocol.
  if (soakMinutes) await exposeHeapReader(page);
  // Vite transforms the page on its first load: minutes on a busy machine.
  await page.goto(server.pageUrl, { timeout: 300_000 });
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const version = browser.version();
  console.log(
    `Chromium ${version}, headless, WebGL through SwiftShader, the page composited ${swiftshaderCompositing ? 'through SwiftShader' : 'in software'}; ${quick ? 'quick run' : 'full run'}.`,
  );
  // Frame times on a shared machine follow its load as much as the page: say what it was.
  console.log(`${cpus().length} cores, load average ${loadAverage()} at the start.`);
  const sections = await page.evaluate(() => window.benchPage.sections());
  for (const section of sections.filter((s) => !only || s.name === only)) {
    let shown = 0;
    const progress = setInterval(async () => {
      const log = await page.evaluate(() => window.benchPage.log).catch(() => []);
      for (const line of log.slice(shown)) console.error(`  ${line}`);
      shown = log.length;
    }, 1000);
    try {
      const rows = await page.evaluate(
        ([name, q, soak, times]) => window.benchPage.run(name, q, soak, times),
        [section.name, quick, soakMinutes, repeat],
      );
      printTable(section.name, section.columns, rows);
      console.log(`\nLoad average ${loadAverage()} at the end of this section.`);
    } finally {
      clearInterval(progress);
    }
  }
  if (!only || only === FIRST_SCREEN.name) {
    console.error('  building the game for the first-screen measurement...');
    printTable(FIRST_SCREEN.name, FIRST_SCREEN.columns, [await measureFirstScreen(browser)]);
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
  await server.close();
}
process.exitCode = failed ? 1 : 0;
