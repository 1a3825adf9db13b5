/**
 * Opens x-vs-o's starter with the 7x7 Pool its intro suggests (the only way its budget allows), as a
 * shared network, for the browser tests that train it: dragging into the phone's narrow block area
 * is tested elsewhere.
 */
import type { Page } from 'playwright-core';
import { loadAllBuiltInLevels } from '../../src/game/catalog';
import { encodeNetworkLink } from '../../src/share';
import { levelNetwork, levelTraining } from '../../src/spec';

/** Opens the network's link on the page and waits until its Pool block is in the workspace. */
export async function openXVsOWithPool(page: Page, baseUrl: string): Promise<void> {
  const level = (await loadAllBuiltInLevels()).find((l) => l.id === 'x-vs-o');
  const [first, ...rest] = level?.starter ?? [];
  if (!level || !first) throw new Error('x-vs-o has no starter');
  const layers = [first, { type: 'pool', op: 'max', size: 7, stride: 7, padding: 'valid' } as const, ...rest];
  const network = levelNetwork(level, layers, levelTraining(level));
  // The first page of a run may wait for the dev server to bundle the game: longer than a page load.
  await page.goto(`${baseUrl}${encodeNetworkLink(network, { withWeights: false }).hash}`, {
    timeout: 120_000,
  });
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.locator('.blocklyWorkspace g.convblocks_pool').first().waitFor();
}
