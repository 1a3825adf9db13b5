/**
 * Issue 13, point 2, in real Chromium: every star and what earns it is on screen before training,
 * three stars can be earned, and the verdict says which stars were earned and which were missed and why.
 */
import { describe, expect, inject, it } from 'vitest';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { dragBlockUnder } from './blockly-drag';
import { collectErrors, useChromium } from './chromium';
import { trainToVerdict } from './win-level';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const listItems = (page: import('playwright-core').Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((items) => items.map((i) => (i.textContent ?? '').replace(/\s+/g, ' ').trim()));

describe('three stars', { timeout: LONG_TEST_MS }, () => {
  it('are shown before training and all earned on level 1 with a quick learning rate', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}#/level/slash-2x2`);
    // The intro lists the three stars before anything is built.
    const starsBefore = [
      '★ reach the goal: 100% of the hidden test pictures right',
      '★ within 20 training steps, and reach the goal',
      '★ at most 10 parameters, and reach the goal',
    ];
    await expect.poll(() => listItems(page, '.level-intro .star-list li')).toEqual(starsBefore);
    await page.screenshot({ path: 'screenshots/three-stars-intro.png' });
    await page.getByRole('button', { name: 'Start building' }).click();
    // The play screen shows them too, before training, in one short line beside the blocks.
    await expect
      .poll(() => listItems(page, '.training-panel .star-list li'))
      .toEqual(['★ reach the goal', '★ within 20 training steps', '★ at most 10 parameters']);
    await page.locator('.blocklyFlyout g.convblocks_dense').first().waitFor();
    await dragBlockUnder(page, 'dense', 'flatten');
    // The default rate (0.01) learns too slowly for the steps star: a first run misses it and says why.
    expect(await trainToVerdict(page)).toMatch(
      /^Level complete: 100% of the test pictures right, 2 of 3 stars\./,
    );
    const missed = await listItems(page, '.result .star-rules li');
    expect(missed[0]).toBe('✓ earned: reach the goal of 100%');
    expect(missed[1]).toMatch(/^✗ missed: within 20 training steps \(it was judged after \d+ steps\)$/);
    expect(missed[2]).toBe('✓ earned: at most 10 parameters');
    // A bigger learning rate, the hint's advice: every star (judged at step 10, as the check's proof).
    await page.getByLabel('Learning rate').selectOption('0.3');
    expect(await trainToVerdict(page)).toMatch(
      /^Level complete: 100% of the test pictures right, 3 of 3 stars\./,
    );
    await expect.poll(() => page.locator('.result .stars').getAttribute('aria-label')).toBe('3 of 3 stars');
    expect(await listItems(page, '.result .star-rules li')).toEqual([
      '✓ earned: reach the goal of 100%',
      '✓ earned: within 20 training steps',
      '✓ earned: at most 10 parameters',
    ]);
    await page.screenshot({ path: 'screenshots/three-stars-verdict.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'screenshots/three-stars-verdict-phone.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
