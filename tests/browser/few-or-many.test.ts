/**
 * The few-or-many level (average pooling) in real Chromium: the starter's max pool keeps 1 in every
 * quarter of every picture and loses; the same Pool block switched to "average" keeps how wet each
 * quarter is (drops / 16), which the math view spells out, and wins. Screenshots of the intro and of
 * the max pool and the average at work at 1280x720 and 390x844.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import level from '../../levels/few-or-many.json';
import { formatShort } from '../../src/viz/cell-math';
import { chooseInDropdown } from './blockly-drag';
import { collectErrors, useChromium } from './chromium';
import { openUnlocked } from './unlock';
import { trainToVerdict } from './win-level';

const baseUrl = inject('baseUrl');
const browser = useChromium();

/** The drops in the top-left quarter of the first training picture, the one the inside view shows first. */
const firstQuarterDrops = [...(level.train[0]?.picture ?? []).slice(0, 4).join('')]
  .filter((_, at) => at % 8 < 4)
  .filter((cell) => cell === '#').length;

/** Opens the level, shows its intro (screenshot) and starts building from the starter. */
async function openLevel(page: Page, size: string): Promise<void> {
  await openUnlocked(page, baseUrl, 'few-or-many');
  const start = page.getByRole('button', { name: 'Start building' });
  await start.waitFor();
  await page.screenshot({ path: `screenshots/few-or-many-intro-${size}.png` });
  await start.click();
  // Blockly loads first; the starter's Pool block is drawn once it has.
  await page.locator('.blocklyWorkspace g.convblocks_pool').first().waitFor({ timeout: 120_000 });
}

/** Clicks the top-left cell of the pool's 2x2 map and returns what the math view says of it. */
async function firstPoolCell(
  page: Page,
  op: 'Max' | 'Average',
): Promise<{ result: string; steps: string[] }> {
  await page.locator('.viz-inside').scrollIntoViewIfNeeded();
  const canvas = page.locator(`canvas[aria-label^="layer 1 ${op} pool 4x4, stride 4"]`).first();
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no pool map on screen');
  await canvas.click({ position: { x: box.width / 4, y: box.height / 4 } });
  await page.locator('.viz-math-result').waitFor();
  return {
    result: (await page.locator('.viz-math-result').textContent()) ?? '',
    steps: await page.locator('.viz-math-steps li').allTextContents(),
  };
}

describe('the few-or-many level', () => {
  it('loses with the max pool, which keeps 1 in every quarter', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    await openLevel(page, '1280');
    expect(await trainToVerdict(page)).toMatch(/^Not yet/);
    const max = await firstPoolCell(page, 'Max');
    expect(max.result).toBe('Result: 1');
    await page.locator('.viz-math').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/few-or-many-max-1280.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  // Trained once per test: two trainings in one test outlast the browser tests' time limit on a busy machine.
  it('wins once the same Pool block averages: drops / 16 in each quarter', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    await openLevel(page, '1280');
    await chooseInDropdown(page, 'pool', 'max', 'average');
    expect(await trainToVerdict(page)).toMatch(/^Level complete/);
    const average = await firstPoolCell(page, 'Average');
    expect(firstQuarterDrops).toBeGreaterThan(0);
    expect(average.result).toBe(`Result: ${formatShort(firstQuarterDrops / 16)}`);
    expect(average.steps.join(' ')).toContain('÷ 16');
    await page.locator('.viz-math').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/few-or-many-average-1280.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    const errors = collectErrors(page);
    await openLevel(page, '390');
    await chooseInDropdown(page, 'pool', 'max', 'average');
    expect(await trainToVerdict(page)).toMatch(/^Level complete/);
    const average = await firstPoolCell(page, 'Average');
    expect(average.result).toBe(`Result: ${formatShort(firstQuarterDrops / 16)}`);
    await page.locator('.viz-math').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/few-or-many-average-390.png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
