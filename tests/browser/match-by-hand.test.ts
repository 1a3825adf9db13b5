/**
 * The match-by-hand level in real Chromium: the player sets the course's three X filters with the
 * +1/-1 toggles (one of them from the keyboard), shows the maps, and the first map's cells read the
 * course's numbers (7/9 = 0.778, 5/9 = 0.556, ...) because the Conv averages its products.
 * Screenshots of the intro and of the maps at 1280x720 and 390x844.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatShort } from '../../src/viz/cell-math';
import { workedExamples } from '../fixtures';
import { collectErrors, useChromium } from './chromium';
import { openUnlocked } from './unlock';

const baseUrl = inject('baseUrl');
const browser = useChromium();

/** The +1 squares of the course's three X filters: "\", the small x, "/". */
const PLUS: readonly (readonly [number, number])[][] = [
  [
    [0, 0],
    [1, 1],
    [2, 2],
  ],
  [
    [0, 0],
    [0, 2],
    [1, 1],
    [2, 0],
    [2, 2],
  ],
  [
    [0, 2],
    [1, 1],
    [2, 0],
  ],
];

const expectedMaps = (workedExamples.find((e) => e.id === 'x-three-filters')?.expected ?? []) as number[][][];

/** Opens the level, shows its intro (screenshot), starts building and opens the toggles. */
async function openLevel(page: Page, size: string): Promise<void> {
  // The dev server compiles the app on the first visit: slow on a busy machine.
  await openUnlocked(page, baseUrl, 'match-by-hand');
  const start = page.getByRole('button', { name: 'Start building' });
  await start.waitFor();
  await page.screenshot({ path: `screenshots/match-by-hand-intro-${size}.png` });
  await start.click();
  // The toggles appear once the editor has compiled the starter's Conv (Blockly loads first).
  const summary = page.getByText('Set the filters by hand');
  await summary.waitFor({ timeout: 120_000 });
  // Opened from the keyboard, as a player without a mouse would.
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Show the maps with these filters' }).waitFor();
}

/** Flips the course's +1 squares of every filter: the first by keyboard, the rest by clicks. */
async function setCourseFilters(page: Page): Promise<void> {
  for (const [f, squares] of PLUS.entries()) {
    for (const [i, [y, x]] of squares.entries()) {
      const cell = page.getByRole('button', { name: `Filter ${f + 1}, row ${y + 1}, column ${x + 1}: −1` });
      if (f === 0 && i === 0) {
        await cell.focus();
        await page.keyboard.press('Enter');
      } else {
        await cell.click();
      }
      await expect
        .poll(() =>
          page
            .getByRole('button', { name: `Filter ${f + 1}, row ${y + 1}, column ${x + 1}: +1` })
            .getAttribute('aria-pressed'),
        )
        .toBe('true');
    }
  }
}

/** Clicks the middle of cell (y, x) of the 7x7 map of `filter` and returns the math view's result. */
async function cellResult(page: Page, filter: number, y: number, x: number): Promise<string | null> {
  // The inside view draws only while it is on screen.
  await page.locator('.viz-inside').scrollIntoViewIfNeeded();
  const canvas = page.locator(
    `canvas[aria-label^="layer 1 Conv 3x3, 3 filters, stride 1, filter ${filter}"]`,
  );
  const box = await canvas.boundingBox();
  if (!box) throw new Error(`no map for filter ${filter}`);
  await canvas.click({ position: { x: ((x + 0.5) * box.width) / 7, y: ((y + 0.5) * box.height) / 7 } });
  return page.locator('.viz-math-result').textContent();
}

/** Shows the maps with the filters set and looks inside the course's own X (training picture 5). */
async function showMapsOfCourseX(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Show the maps with these filters' }).click();
  await page.locator('.viz-picture-button').nth(4).click();
  // The maps are drawn once the network with the hand-set filters has looked at the X: on a busy
  // machine the worker that looks may take long to start, so this waits as long as the level's summary.
  await expect.poll(() => cellResult(page, 1, 0, 0), { timeout: 120_000 }).toBe('Result: 0.778');
}

describe('the match-by-hand level', () => {
  it("shows the course's X maps for the filters set by hand", { timeout: 360_000 }, async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    await openLevel(page, '1280');
    await setCourseFilters(page);
    await page.locator('.hand-filters').screenshot({ path: 'screenshots/match-by-hand-filters-1280.png' });
    await showMapsOfCourseX(page);
    const wrong: string[] = [];
    for (const [f, rows] of expectedMaps.entries()) {
      for (const y of [0, 3]) {
        for (const [x, expected] of (rows[y] ?? []).entries()) {
          const result = await cellResult(page, f + 1, y, x);
          if (result !== `Result: ${formatShort(expected)}`)
            wrong.push(`filter ${f + 1} (${y}, ${x}): ${result}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    await cellResult(page, 1, 0, 4);
    expect(await page.locator('.viz-math-steps li').allTextContents()).toContain('5 ÷ 9 = 0.556');
    await page.locator('.viz-math').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/match-by-hand-maps-1280.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    const errors = collectErrors(page);
    await openLevel(page, '390');
    await setCourseFilters(page);
    await page.locator('.hand-filters').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/match-by-hand-filters-390.png' });
    await showMapsOfCourseX(page);
    await page.locator('.viz-math').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/match-by-hand-maps-390.png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
