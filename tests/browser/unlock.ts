/**
 * Opens the path up to a level for the browser tests that play a level past the first: a level
 * whose earlier levels are not won stays locked even when opened by its address, so these tests win
 * the earlier levels first, through the game's own store, as a player who played them would have.
 */
import type { Page } from 'playwright-core';
import indexDocument from '../../levels/index.json';

/** The built-in levels in path order. */
export const LEVEL_ORDER: readonly string[] = indexDocument.levels;

/**
 * Records wins (level id to stars) in the game's store of the page, which must have the app at
 * `baseUrl` loaded or be able to load it. The page's own store reads them on its next load.
 */
export async function recordWins(page: Page, baseUrl: string, wins: Record<string, number>): Promise<void> {
  // A first load can take long while the dev server prepares the app on a busy machine.
  if (!page.url().startsWith(baseUrl)) await page.goto(baseUrl, { timeout: 120_000 });
  // Written as text: vitest would rewrite an import() inside a function passed to the page.
  await page.evaluate(`(async () => {
    const storage = await import('/src/storage/index.ts');
    const store = await storage.openPlayerStore({ indexedDB, broadcast: null });
    for (const [id, stars] of Object.entries(${JSON.stringify(wins)})) {
      await store.recordResult(id, { won: true, stars, accuracy: 1, params: 10, steps: 10 });
    }
    await store.flush();
  })()`);
}

/**
 * Records a one-star win on every built-in level before `levelId`, then opens the level by its
 * address in a freshly loaded page, so the game reads the wins from storage.
 */
export async function openUnlocked(page: Page, baseUrl: string, levelId: string): Promise<void> {
  const at = LEVEL_ORDER.indexOf(levelId);
  if (at < 0) throw new Error(`${levelId} is not a built-in level`);
  await recordWins(page, baseUrl, Object.fromEntries(LEVEL_ORDER.slice(0, at).map((id) => [id, 1])));
  await page.goto(`${baseUrl}#/level/${levelId}`);
  await page.reload({ timeout: 120_000 });
}
