/**
 * The Code view in real Chromium: an edit to the blocks rewrites the code, a selected block's lines
 * light up, the language tabs switch, and screenshots at desktop and phone sizes.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { dragBlockUnder } from './blockly-drag';
import { collectErrors, useChromium } from './chromium';
import { openUnlocked } from './unlock';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const codeLines = (page: Page) => page.locator('.convblocks-code__line').allTextContents();
const selectedLines = (page: Page) => page.locator('.convblocks-code__line.is-selected').allTextContents();

/** Clicks the `type` block in the editor (not the toolbox) by its outline, selecting it. */
async function selectBlock(page: Page, type: string) {
  await page
    .locator(
      `.blocklyWorkspace:not(.blocklyFlyout .blocklyWorkspace) g.blocklyBlock.convblocks_${type} > path.blocklyPath`,
    )
    .first()
    // Forced: at a small zoom the block's own label lies under that point; a click on it selects the block too.
    .click({ position: { x: 8, y: 8 }, force: true });
}

describe('the Code view', () => {
  it('rewrites the code after an edit and lights up the selected block', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    await openUnlocked(page, baseUrl, 'x-vs-o');
    await page.getByRole('button', { name: 'Start building' }).click();
    await page.locator('.blocklyFlyout g.convblocks_relu').first().waitFor();
    await expect.poll(() => codeLines(page)).toContain('    layers.Flatten(),  # 196');
    expect(await codeLines(page)).not.toContain('    layers.ReLU(),  # 7x7x4');

    await dragBlockUnder(page, 'relu', 'conv');
    await expect.poll(() => codeLines(page)).toContain('    layers.ReLU(),  # 7x7x4');

    await selectBlock(page, 'conv');
    await expect
      .poll(() => selectedLines(page))
      .toEqual(['    layers.Conv2D(4, kernel_size=3, strides=1, padding="valid"),  # 7x7x4']);
    await page.screenshot({ path: 'screenshots/code-view-x-vs-o-1280.png' });

    await page.getByRole('tab', { name: 'PyTorch' }).click();
    await expect
      .poll(() => selectedLines(page))
      .toEqual(['    nn.Conv2d(1, 4, kernel_size=3, stride=1),  # 7x7x4']);
    await page.getByRole('tab', { name: 'TensorFlow.js' }).click();
    await expect.poll(() => codeLines(page)).toContain('model.add(tf.layers.reLU()); // 7x7x4');

    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await selectBlock(page, 'dense');
    await expect
      .poll(() => selectedLines(page))
      .toEqual(["model.add(tf.layers.dense({units: 2, activation: 'softmax'})); // 2: the votes for X, O"]);

    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect
      .poll(() => page.locator('.convblocks-code__status').textContent())
      .toBe('Copied the TensorFlow.js code');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${(await codeLines(page)).join('\n')}\n`);
    expect(copied).toContain("model.add(tf.layers.dense({units: 2, activation: 'softmax'}));");
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    await openUnlocked(page, baseUrl, 'x-vs-o');
    await page.getByRole('button', { name: 'Start building' }).click();
    await page.locator('.convblocks-code__line').first().waitFor();
    await selectBlock(page, 'conv');
    await expect.poll(async () => (await selectedLines(page)).length).toBe(1);
    await page.locator('.convblocks-code').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/code-view-x-vs-o-390.png' });
    await page.close();
  });
});
