/**
 * Screenshots of the level screen as a player first sees it (no scrolling): x-vs-o mid-training and
 * after its verdict, at 1280x720 and at 390x844 with touch. `ROOM_SHOTS` names them (before/after).
 */
import { describe, expect, inject, it } from 'vitest';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { collectErrors, useChromium } from './chromium';
import { openUnlocked } from './unlock';
import { openXVsOWithPool } from './x-vs-o-pool';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const prefix = process.env.ROOM_SHOTS ?? 'room';

describe('the level screen, photographed', { timeout: LONG_TEST_MS }, () => {
  it.each([
    ['desktop', { width: 1280, height: 720 }, false],
    ['phone', { width: 390, height: 844 }, true],
  ] as const)('x-vs-o mid-training and its verdict on a %s', async (name, viewport, phone) => {
    const page = await browser().newPage({ viewport, isMobile: phone, hasTouch: phone });
    const errors = collectErrors(page);
    // x-vs-o opens once the path reaches it; its intro, then its starter with the Pool the level's
    // parameter budget asks for (the level's lesson), opened as a shared network.
    await openUnlocked(page, baseUrl, 'x-vs-o');
    const start = page.getByRole('button', { name: 'Start building' });
    await start.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/${prefix}-${name}-intro.png` });
    await openXVsOWithPool(page, baseUrl);
    await page.getByLabel('Speed').selectOption('slow');
    await page.getByRole('button', { name: 'Train' }).click();
    await expect
      .poll(
        async () =>
          Number(/^Step (\d+)/.exec((await page.locator('.viz-step').textContent()) ?? '')?.[1] ?? 0),
        { timeout: 90_000 },
      )
      .toBeGreaterThan(5);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `screenshots/${prefix}-${name}-training.png` });
    if (phone) {
      await page.locator('.viz-curves').scrollIntoViewIfNeeded();
      // Off screen until now, the curves draw in a frame after the scroll: photograph that one.
      await expect
        .poll(async () => (await page.locator('.viz-curves .viz-chart-legend').first().textContent()) ?? '')
        .toMatch(/training loss: \d/);
      await page.screenshot({ path: `screenshots/${prefix}-${name}-training-curves.png` });
    }
    await page.getByLabel('Speed').selectOption('fastest');
    await expect
      .poll(async () => (await page.locator('#status').textContent()) ?? '', { timeout: 120_000 })
      .toMatch(/Level complete|Not yet/);
    await page.screenshot({ path: `screenshots/${prefix}-${name}-verdict.png` });
    if (phone) {
      await page.locator('.result').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `screenshots/${prefix}-${name}-verdict-result.png` });
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
