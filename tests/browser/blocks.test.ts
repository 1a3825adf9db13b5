/**
 * The block editor in real Chromium: build the X-vs-O network by dragging blocks, read the shapes
 * on the blocks, break the network and read why, undo.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chooseInDropdown, dragBlockUnder, editorTexts } from './blockly-drag';
import { collectErrors, useChromium } from './chromium';
import { openUnlocked } from './unlock';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const blockTexts = (page: Page) => editorTexts(page);

describe('the block editor', () => {
  it('shows every shape of the X-vs-O network, marks a Dense above its Flatten, and undoes it', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await openUnlocked(page, baseUrl, 'x-vs-o');
    await page.getByRole('button', { name: 'Start building' }).click();
    await page.locator('.blocklyFlyout g.convblocks_relu').first().waitFor();

    await dragBlockUnder(page, 'relu', 'conv');
    await dragBlockUnder(page, 'pool', 'relu');
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await chooseInDropdown(page, 'pool', 'valid', 'same');
    await expect
      .poll(() => blockTexts(page))
      .toEqual(expect.arrayContaining([expect.stringContaining('4x4x4')]));
    const texts = (await blockTexts(page)).join(' | ');
    for (const shape of [
      '7x7x4 · 40 params',
      '4x4x4 · 0 params',
      '64 · 0 params',
      '2 · 130 params',
      'total 170 params',
    ]) {
      expect(texts).toContain(shape);
    }
    // A 2x2 Pool is not small enough for x-vs-o's 55-parameter budget: Train waits and says why.
    const train = page.getByRole('button', { name: 'Train' });
    const budget = 'the network has 170 parameters but this level allows at most 55';
    await expect.poll(() => page.locator('#train-blocker').textContent()).toContain(budget);
    expect(await train.isEnabled()).toBe(false);
    await page.screenshot({ path: 'screenshots/editor-x-vs-o.png' });

    // A Dense right under the Pool is above the Flatten: the spec's reason marks it and Train waits.
    await dragBlockUnder(page, 'dense', 'pool');
    const reason = 'Dense needs a flat input: add a Flatten block before it';
    await expect.poll(() => page.locator('#train-blocker').textContent()).toContain(reason);
    expect(await train.isEnabled()).toBe(false);
    await expect.poll(async () => (await blockTexts(page)).join(' | ')).toContain(reason);
    await page.screenshot({ path: 'screenshots/editor-dense-above-flatten.png' });

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('#train-blocker').textContent()).toContain(budget);
    expect((await blockTexts(page)).join(' | ')).not.toContain(reason);
    expect(errors).toEqual([]);
    await page.close();
  });
});
