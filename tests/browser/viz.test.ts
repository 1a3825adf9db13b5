/**
 * The training view in real Chromium: the demo page trains a scripted network, the view draws it
 * mid-training, and clicking a feature-map cell shows the worked examples' own numbers.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatShort } from '../../src/viz/cell-math';
import { workedExamples } from '../fixtures';
import { collectErrors, hasChromium, launchChromium } from './chromium';

const SCREENSHOTS = 'screenshots';

let browser: Browser;

async function openDemo(level: string, steps: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = collectErrors(page);
  await page.goto(`${inject('baseUrl')}tests/browser/pages/viz.html?level=${level}&steps=${steps}`);
  await page.waitForSelector('body[data-done="true"]', { timeout: 60_000 });
  return { page, errors };
}

/** Clicks the middle of cell (y, x) of a feature-map canvas drawn `rows` x `cols` values large. */
async function clickCell(page: Page, label: string, rows: number, cols: number, y: number, x: number) {
  const canvas = page.locator(`canvas[aria-label^="${label}"]`);
  const box = await canvas.boundingBox();
  if (!box) throw new Error(`no canvas labelled ${label}`);
  await canvas.click({ position: { x: ((x + 0.5) * box.width) / cols, y: ((y + 0.5) * box.height) / rows } });
}

function expectedMaps(id: string): number[][][] {
  const found = workedExamples.find((e) => e.id === id);
  if (!found) throw new Error(`no worked example ${id}`);
  return found.expected;
}

describe.skipIf(!hasChromium)('the training view in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    { level: 'x-vs-o', title: 'X' },
    { level: 'happy-face', title: 'happy' },
  ])('draws $level mid-training with votes, curves, filters and layer outputs', async ({ level, title }) => {
    const { page, errors } = await openDemo(level, 60);
    await page.screenshot({ path: `${SCREENSHOTS}/viz-${level}-mid-training.png`, fullPage: true });
    expect(await page.locator('.viz-step').textContent()).toMatch(/^Step 60\. Judged at step 40/);
    const captions = await page.locator('.viz-pictures').first().locator('.viz-vote').allTextContents();
    expect(captions.length).toBeGreaterThan(0);
    for (const caption of captions) expect(caption).toMatch(/^[✓✗] \S+ \d+%$/);
    // One steady size for every caption, wide enough for the widest, so a changing vote moves nothing.
    const boxes = await page
      .locator('.viz-pictures')
      .first()
      .locator('.viz-vote')
      .evaluateAll((spans) => spans.map((s) => ({ width: s.clientWidth, needs: s.scrollWidth })));
    expect(new Set(boxes.map((b) => b.width)).size).toBe(1);
    for (const box of boxes) expect(box.needs).toBeLessThanOrEqual(box.width);
    expect(await page.locator('.viz-filters canvas[role="img"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.viz-vote-class').allTextContents()).toContain(title);
    expect(await page.locator('.viz-chart-legend').first().textContent()).toMatch(/training loss: \d/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the x-three-filters numbers for every cell of the three X maps', async () => {
    const { page, errors } = await openDemo('x-vs-o', 120);
    const maps = expectedMaps('x-three-filters');
    const wrong: string[] = [];
    for (const [f, rows] of maps.entries()) {
      for (const [y, row] of rows.entries()) {
        for (const [x, expected] of row.entries()) {
          await clickCell(page, `layer 1 Conv 3x3, 3 filters, stride 1, filter ${f + 1}`, 7, 7, y, x);
          const result = await page.locator('.viz-math-result').textContent();
          if (result !== `Result: ${formatShort(expected)}`)
            wrong.push(`filter ${f + 1} (${y}, ${x}): ${result}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out the math of the X map top-left cell: patch, filter, products, divide by 9, bias', async () => {
    const { page, errors } = await openDemo('x-vs-o', 120);
    await clickCell(page, 'layer 1 Conv 3x3, 3 filters, stride 1, filter 1', 7, 7, 0, 0);
    const math = page.locator('.viz-math');
    await math.screenshot({ path: `${SCREENSHOTS}/viz-x-vs-o-math-view.png` });
    await page.screenshot({ path: `${SCREENSHOTS}/viz-x-vs-o-with-math.png`, fullPage: true });
    expect(await math.locator('h3').textContent()).toBe(
      'Layer 1 (Conv 3x3, 3 filters, stride 1), filter 1, row 1, column 1',
    );
    expect(await math.locator('caption').allTextContents()).toEqual(['Input patch', 'Filter', 'Products']);
    const example = workedExamples.find((e) => e.id === 'x-three-filters');
    const patch = (example?.input[0] ?? []).slice(0, 3).flatMap((row) => row.slice(0, 3));
    const kernel = (example?.kernels?.[0]?.channels[0] ?? []).flat();
    const products = patch.map((v, i) => v * (kernel[i] ?? Number.NaN));
    const sum = products.reduce((a, b) => a + b, 0);
    const result = formatShort(example?.expected[0]?.[0]?.[0] ?? Number.NaN);
    expect(await math.locator('table').nth(0).locator('td').allTextContents()).toEqual(
      patch.map(formatShort),
    );
    expect(await math.locator('table').nth(1).locator('td').allTextContents()).toEqual(
      kernel.map(formatShort),
    );
    expect(await math.locator('table').nth(2).locator('td').allTextContents()).toEqual(
      products.map(formatShort),
    );
    expect(await math.locator('.viz-math-steps li').allTextContents()).toEqual([
      `${products.map(formatShort).join(' + ')} = ${sum}`,
      `${sum} ÷ 9 = ${result}`,
      `${result} + bias 0 = ${result}`,
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the happy-face numbers for every cell of its map, and the pooling window behind a pooled cell', async () => {
    const { page, errors } = await openDemo('happy-face', 120);
    const [map] = expectedMaps('happy-face');
    const wrong: string[] = [];
    for (const [y, row] of (map ?? []).entries()) {
      for (const [x, expected] of row.entries()) {
        await clickCell(page, 'layer 1 Conv 3x3, 3 filters, stride 1, filter 1', 5, 5, y, x);
        const result = await page.locator('.viz-math-result').textContent();
        if (result !== `Result: ${formatShort(expected)}`) wrong.push(`(${y}, ${x}): ${result}`);
      }
    }
    expect(wrong).toEqual([]);
    await clickCell(page, 'layer 3 Max pool 2x2, stride 2, channel 1', 3, 3, 1, 1);
    await page.locator('.viz-math').screenshot({ path: `${SCREENSHOTS}/viz-happy-face-pool-math.png` });
    await page.screenshot({ path: `${SCREENSHOTS}/viz-happy-face-with-pool-math.png`, fullPage: true });
    expect(await page.locator('.viz-math-steps li').first().textContent()).toMatch(/^Largest of /);
    expect(errors).toEqual([]);
    await page.close();
  });
});
