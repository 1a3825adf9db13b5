/**
 * Plays a level as a player does, for the browser tests that need a won level (or a lost one) to
 * start from: open it by its address, drag the missing blocks in, wait for Train to enable, train,
 * and wait for the verdict.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { dragBlockUnder } from './blockly-drag';

/** Training to a verdict on a busy machine. */
const VERDICT_MS = 90_000;

/** Presses Train once it is enabled and waits for the verdict the status line announces. */
export async function trainToVerdict(page: Page): Promise<string> {
  await page.bringToFront();
  const train = page.getByRole('button', { name: 'Train' });
  // The drop is compiled after Blockly's change event: until then the dragged block still reads
  // "not in the network: ignored" and Train is disabled (a screenshot taken right after the drop
  // shows exactly that, even in a run that goes on to win).
  await expect.poll(() => train.isEnabled()).toBe(true);
  // The last run's verdict may still be in the status line: only a verdict said after this press counts.
  await page.locator('#status').evaluate((status) => {
    status.textContent = '';
  });
  await train.click();
  await expect
    .poll(() => page.locator('#status').textContent(), { timeout: VERDICT_MS })
    .toMatch(/^(Level complete|Not yet)/);
  return (await page.locator('#status').textContent()) ?? '';
}

/**
 * Wins slash-2x2: its starter holds a Flatten, and one Dense under it makes the two votes. The
 * page must have the app loaded at `baseUrl` or be about to.
 */
export async function winSlash(page: Page, baseUrl: string): Promise<void> {
  // With other tabs open in the context, a tab in the background has its timers and frames
  // throttled, which slows Blockly's drag and change events; a player plays in the front tab.
  await page.bringToFront();
  // A first load can take long while the dev server prepares the app on a busy machine.
  await page.goto(`${baseUrl}#/level/slash-2x2`, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Start building' }).click();
  await page.locator('.blocklyFlyout g.convblocks_dense').first().waitFor();
  await dragBlockUnder(page, 'dense', 'flatten');
  expect(await trainToVerdict(page)).toMatch(/^Level complete/);
}
