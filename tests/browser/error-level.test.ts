/**
 * The where-the-error-goes level in real Chromium: its panel shows the course's error table and the
 * watched picture's own, which moves when one weight is nudged by hand, after one step of gradient
 * descent and after training; the epoch counter goes up. Screenshots of the intro and of the table
 * at work at 1280x720 and 390x844.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import levelDocument from '../../levels/where-the-error-goes.json';
import { collectErrors, useChromium } from './chromium';
import { openUnlocked } from './unlock';

const baseUrl = inject('baseUrl');
const browser = useChromium();

/** The first training picture, a "left" one, and the index of one of its ink pixels (row-major). */
const first = levelDocument.train[0] as { label: string; picture: string[] };
const inkPixel = first.picture.join('').indexOf('#');

/** The live table's "total error" cell, or null before any votes. */
function liveTotal(page: Page): Promise<string | null> {
  return page
    .locator('.error-live tfoot td')
    .textContent({ timeout: 1000 })
    .catch(() => null);
}

/** Opens the level (intro screenshot), starts building, opens the panel and looks at the first picture. */
async function openPanel(page: Page, size: string): Promise<string> {
  await openUnlocked(page, baseUrl, 'where-the-error-goes');
  const start = page.getByRole('button', { name: 'Start building' });
  await start.waitFor();
  await page.screenshot({ path: `screenshots/where-the-error-goes-intro-${size}.png` });
  await start.click();
  const summary = page.locator('.error-panel summary');
  await summary.waitFor({ timeout: 120_000 });
  // Opened from the keyboard, as a player without a mouse would.
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.locator('.error-from').waitFor();
  await page.locator('.viz-picture-button').first().click();
  await expect.poll(() => liveTotal(page), { timeout: 60_000 }).not.toBeNull();
  return (await liveTotal(page)) as string;
}

describe('the where-the-error-goes level', () => {
  it('moves the error table with a nudged weight, a gradient-descent step and training', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    const before = await openPanel(page, '1280');
    expect(await page.locator('.error-live tbody th').allTextContents()).toEqual(['left', 'right']);
    expect(await page.locator('.error-course tfoot td').textContent()).toBe('0.57');
    expect(await page.locator('.error-batch select').inputValue()).toBe('8');

    // A weight from an ink pixel to the right class, nudged up: the right vote grows, the error shrinks.
    await page.locator('.error-from').selectOption(String(inkPixel));
    await page.locator('.error-to').selectOption('0');
    await page.getByRole('button', { name: /^Nudge up/ }).click();
    await expect.poll(() => liveTotal(page), { timeout: 60_000 }).not.toBe(before);
    const nudged = Number(await liveTotal(page));
    expect(nudged).toBeLessThan(Number(before));
    await page.getByRole('button', { name: /^Nudge down/ }).click();
    await expect.poll(() => liveTotal(page), { timeout: 60_000 }).toBe(before);

    await page.getByRole('button', { name: 'Let gradient descent do it: one step' }).click();
    await expect.poll(() => page.locator('.viz-step').textContent(), { timeout: 60_000 }).toMatch(/^Step 1/);
    await expect.poll(() => liveTotal(page), { timeout: 60_000 }).not.toBe(before);

    // Two epochs of 39 pictures in batches of 8: 2 x 5 steps after the first.
    await page.locator('.error-epochs').selectOption({ label: '2' });
    await page.getByRole('button', { name: 'Train these epochs' }).click();
    await expect.poll(() => page.locator('.viz-step').textContent(), { timeout: 60_000 }).toMatch(/^Step 11/);

    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect
      .poll(() => page.locator('.error-epoch').textContent(), { timeout: 120_000 })
      .toMatch(/^Epoch [1-9]/);
    await page.getByText('Level complete').first().waitFor({ timeout: 120_000 });
    expect(Number(await liveTotal(page))).toBeLessThan(nudged);
    await page.locator('.error-panel').scrollIntoViewIfNeeded();
    await page
      .locator('.error-panel')
      .screenshot({ path: 'screenshots/where-the-error-goes-table-1280.png' });
    await page.screenshot({ path: 'screenshots/where-the-error-goes-1280.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    const errors = collectErrors(page);
    const before = await openPanel(page, '390');
    await page.getByRole('button', { name: /^Nudge up/ }).click();
    await expect.poll(() => liveTotal(page), { timeout: 60_000 }).not.toBe(before);
    await page.locator('.error-live').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/where-the-error-goes-table-390.png' });
    await page.locator('.error-epochs-control').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/where-the-error-goes-epochs-390.png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
