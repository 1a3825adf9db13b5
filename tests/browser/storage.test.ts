/**
 * Progress that is never lost, in real Chromium: a won level and an edited network survive a
 * reload; an exported progress file brings both back after the site's data is cleared.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { editorTexts } from './blockly-drag';
import { collectErrors, useChromium } from './chromium';
import { winSlash } from './win-level';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const editorText = async (page: Page) => (await editorTexts(page)).join(' | ');

const levelOne = (page: Page) => page.getByRole('button', { name: /^Level 1: / });

/** Gives the Dense block of the level on screen `units` units, typing into its number field. */
async function setDenseUnits(page: Page, units: number): Promise<void> {
  await page
    .locator('.blocklySvg g.blocklyBlock.convblocks_dense:not(.blocklyFlyout *) text.blocklyText', {
      hasText: /^\d+$/,
    })
    .first()
    .click();
  const input = page.locator('input.blocklyHtmlInput');
  await input.fill(String(units));
  await input.press('Enter');
}

// A level trained, two reloads and an export in a browser: long on a busy machine.
describe('progress', { timeout: LONG_TEST_MS }, () => {
  it('keeps a win and an edited network across a reload, and comes back from an exported file', async () => {
    const context = await browser().newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await winSlash(page, baseUrl);

    await page.getByRole('button', { name: 'Next level' }).click();
    await page.getByRole('button', { name: 'Start building' }).click();
    await page.locator('.blocklyFlyout g.convblocks_dense').first().waitFor();
    await setDenseUnits(page, 4);
    await expect.poll(() => editorText(page)).toContain('→ 4 · 20 params');

    await page.reload();
    await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain('→ 4 · 20 params');
    await page.getByRole('button', { name: 'Back to map' }).click();
    await expect.poll(() => levelOne(page).getAttribute('aria-label')).toMatch(/won with \d of 3 stars$/);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const file = join('screenshots', 'progress-backup.json');
    await (await download).saveAs(file);

    // Wipe the site's storage, as a school computer does, and start again.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseUrl).origin, storageTypes: 'all' });
    await page.reload();
    await expect
      .poll(() => levelOne(page).getAttribute('aria-label'), { timeout: 30_000 })
      .toMatch(/not won yet$/);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import progress' }).click();
    await (await chooser).setFiles(file);
    await page.getByRole('button', { name: 'Merge with mine' }).click();
    await expect
      .poll(() => levelOne(page).getAttribute('aria-label'), { timeout: 30_000 })
      .toMatch(/won with/);
    await page.screenshot({ path: 'screenshots/progress-imported.png' });
    await page.goto(`${baseUrl}#/level/four-ways-2x2`);
    await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain('→ 4 · 20 params');
    expect(errors).toEqual([]);
    await context.close();
  });
});
