/**
 * The colours level in real Chromium: its pictures are drawn in colour (a red and a blue bar), the
 * Conv block writes its count as (3×3×3+1)×4 = 112 params, the reference trains to a win, each
 * filter is drawn in the colours it looks for, and a first-layer cell's math adds red + green +
 * blue. Screenshots of the intro, the pictures and the filters at 1280x720 and 390x844.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { loadAllBuiltInLevels } from '../../src/game/catalog';
import { encodeNetworkLink } from '../../src/share';
import { levelNetwork } from '../../src/spec';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { collectErrors, useChromium } from './chromium';
import { openUnlocked } from './unlock';

const baseUrl = inject('baseUrl');
const browser = useChromium();

/** Opens the level (its intro photographed), then its reference network as a shared network. */
async function openColours(page: Page, size: string): Promise<void> {
  await openUnlocked(page, baseUrl, 'colours');
  const start = page.getByRole('button', { name: 'Start building' });
  await start.waitFor({ timeout: 120_000 });
  await page.screenshot({ path: `screenshots/colours-intro-${size}.png` });
  const level = (await loadAllBuiltInLevels()).find((l) => l.id === 'colours');
  if (!level?.reference) throw new Error('colours has no reference');
  const network = levelNetwork(level, level.reference.layers, level.reference.training);
  await page.goto(`${baseUrl}${encodeNetworkLink(network, { withWeights: false }).hash}`);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.locator('.blocklyWorkspace g.convblocks_relu').first().waitFor({ timeout: 120_000 });
}

/** The colours (as `r,g,b`) a picture button's image shows, each once. */
async function pictureColours(page: Page, index: number): Promise<string[]> {
  const image = page.locator('.viz-picture-button img').nth(index);
  return image.evaluate(async (node) => {
    const img = node as HTMLImageElement;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const context = c.getContext('2d');
    context?.drawImage(img, 0, 0);
    const data = context?.getImageData(0, 0, c.width, c.height).data ?? [];
    const seen = new Set<string>();
    for (let i = 0; i < data.length; i += 4) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return [...seen].sort();
  });
}

/** The labels of the picture buttons, in order. */
const pictureLabels = (page: Page) =>
  page.locator('.viz-picture-button img').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('alt')));

describe('the colours level', { timeout: LONG_TEST_MS }, () => {
  it('shows colour pictures and the parameter count, trains to a win and shows colour filters', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    await openColours(page, '1280');
    const blockText = page.locator('.blocklySvg text', { hasText: '(3×3×3+1)×4 = 112 params' });
    await expect.poll(() => blockText.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const labels = await pictureLabels(page);
    const red = labels.indexOf('a red standing');
    const blue = labels.indexOf('a blue lying');
    expect([red >= 0, blue >= 0]).toEqual([true, true]);
    expect(await pictureColours(page, red)).toEqual(['0,0,0', '255,0,0']);
    expect(await pictureColours(page, blue)).toEqual(['0,0,0', '0,0,255']);
    await page.locator('.viz-pictures').first().screenshot({ path: 'screenshots/colours-pictures-1280.png' });

    await page.getByLabel('Speed').selectOption('fastest');
    await page.getByRole('button', { name: 'Train' }).click();
    await expect
      .poll(async () => (await page.locator('#status').textContent()) ?? '', { timeout: 120_000 })
      .toMatch(/^(Level complete|Not yet)/);
    expect(await page.locator('#status').textContent()).toMatch(/^Level complete/);

    const filters = page.locator('.viz-filters');
    await filters.scrollIntoViewIfNeeded();
    await page.getByRole('img', { name: 'Conv 1 filter 1 in colour: the colours it looks for' }).waitFor();
    expect(await filters.locator('.viz-filter-heads').textContent()).toBe('colourredgreenblue');
    await filters.screenshot({ path: 'screenshots/colours-filters-1280.png' });

    // Look inside a red standing bar; the math of filter 1's top left cell adds the three colours.
    await page.locator('.viz-picture-button').nth(red).click();
    const map = page.locator('canvas[aria-label^="layer 1 Conv"][aria-label*="filter 1."]');
    const box = await map.boundingBox();
    if (!box) throw new Error('no map for filter 1');
    await map.click({ position: { x: box.width / 6, y: box.height / 6 } });
    await expect
      .poll(() => page.locator('.viz-math-steps li').allTextContents())
      .toContainEqual(expect.stringMatching(/^Red \+ green \+ blue: /));
    const captions = await page.locator('.viz-math caption').allTextContents();
    expect(captions.slice(0, 3)).toEqual(['Input patch (red)', 'Filter (red)', 'Products (red)']);
    await page
      .locator('.viz-outputs .viz-output-layer')
      .first()
      .screenshot({ path: 'screenshots/colours-input-1280.png' });
    await page.locator('.viz-math').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/colours-math-1280.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await browser().newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const errors = collectErrors(page);
    await openColours(page, '390');
    await page.locator('.viz-pictures').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/colours-pictures-390.png' });
    // The filters are drawn from the first weights training sends.
    await page.getByLabel('Speed').selectOption('fastest');
    await page.getByRole('button', { name: 'Train' }).click();
    await expect
      .poll(async () => (await page.locator('#status').textContent()) ?? '', { timeout: 120_000 })
      .toMatch(/^(Level complete|Not yet)/);
    const filters = page.locator('.viz-filters');
    await filters.scrollIntoViewIfNeeded();
    await page.getByRole('img', { name: 'Conv 1 filter 4 in colour: the colours it looks for' }).waitFor();
    await page.screenshot({ path: 'screenshots/colours-filters-390.png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
