/**
 * The game as a new player meets it, in real Chromium: the map, playing slash-2x2 and x-vs-o by
 * dragging blocks and training, the wins on the map, and the progress kept across a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { dragBlockUnder } from './blockly-drag';
import { collectErrors, useChromium } from './chromium';
import { openUnlocked } from './unlock';
import { trainToVerdict } from './win-level';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const status = (page: Page) => page.locator('#status');

/** Trains the network on screen and waits for the verdict. */

// Two levels trained in a browser: long on a busy machine.
describe('a new player', { timeout: LONG_TEST_MS }, () => {
  it('wins slash-2x2 and x-vs-o by dragging blocks, and the map keeps the wins after a reload', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    await page.goto(baseUrl, { timeout: 120_000 });

    const first = page.getByRole('button', { name: /^Level 1: .*, not won yet$/ });
    await expect.poll(() => first.count(), { timeout: 30_000 }).toBe(1);
    await expect(page.getByRole('button', { name: /^Level 2: .*, locked$/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: 'screenshots/map-new-player.png' });

    // Level 1: the starter holds a Flatten; one Dense block makes the four votes.
    await first.click();
    await page.getByRole('button', { name: 'Start building' }).click();
    await page.locator('.blocklyFlyout g.convblocks_dense').first().waitFor();
    await dragBlockUnder(page, 'dense', 'flatten');
    await expect.poll(() => page.getByRole('button', { name: 'Train' }).isEnabled()).toBe(true);
    expect(await trainToVerdict(page)).toMatch(/^Level complete/);
    await expect(page.getByRole('button', { name: 'Next level' }).count()).resolves.toBe(1);
    await page.screenshot({ path: 'screenshots/slash-2x2-won.png', fullPage: true });

    // x-vs-o, opened by its address: the starter's Conv needs ReLU and a Pool under it, and the
    // 55-parameter budget asks for a 7x7 window (the intro's), typed into the Pool's first number.
    await openUnlocked(page, baseUrl, 'x-vs-o');
    await page.getByRole('button', { name: 'Start building' }).click();
    await page.locator('.blocklyFlyout g.convblocks_relu').first().waitFor();
    await dragBlockUnder(page, 'relu', 'conv');
    await dragBlockUnder(page, 'pool', 'relu');
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await page
      .locator('.blocklyWorkspace:not(.blocklyFlyout .blocklyWorkspace) g.blocklyBlock.convblocks_pool')
      .first()
      .locator('.blocklyEditableField, .blocklyEditableText')
      .filter({ hasText: /^2$/ })
      .first()
      .click();
    await page.locator('.blocklyHtmlInput').fill('7');
    await page.locator('.blocklyHtmlInput').press('Enter');
    await expect
      .poll(() => page.locator('.blocklyWorkspace text', { hasText: 'total 50 params' }).count())
      .toBeGreaterThan(0);
    expect(await trainToVerdict(page)).toMatch(/^Level complete/);
    await page.screenshot({ path: 'screenshots/x-vs-o-won.png', fullPage: true });

    await page.getByRole('button', { name: 'Back to map' }).first().click();
    const wonName = /won with [123] of 3 stars$/;
    await expect
      .poll(() => page.getByRole('button', { name: /^Level 1: / }).getAttribute('aria-label'))
      .toMatch(wonName);
    await page.reload();
    await expect
      .poll(() => page.getByRole('button', { name: /^Level 1: / }).getAttribute('aria-label'), {
        timeout: 30_000,
      })
      .toMatch(wonName);
    const xvo = page.locator('[data-level="x-vs-o"]');
    await expect.poll(() => xvo.getAttribute('aria-label')).toMatch(wonName);
    await page.screenshot({ path: 'screenshots/map-two-won.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is told when a level address names no level, and sees the map', async () => {
    const page = await browser().newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}#/level/no-such-level`, { timeout: 120_000 });
    await expect
      .poll(async () => (await status(page).textContent()) ?? '', { timeout: 30_000 })
      .toContain('There is no level "no-such-level"');
    await expect(page.getByRole('button', { name: /^Level 1: / }).count()).resolves.toBe(1);
    await page.screenshot({ path: 'screenshots/map-phone.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
