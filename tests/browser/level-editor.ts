/** Opens the level editor's test page and reads what it saved, for the editor's browser tests. */
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { collectErrors } from './chromium';

/** A new page of the context on the level editor, once it is ready, with its console errors collected. */
export async function openLevelEditor(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${inject('baseUrl')}tests/browser/pages/editor.html#/editor`);
  await page.waitForSelector('body[data-ready]', { timeout: 120_000 });
  return { page, errors };
}

/** The levels the editor saved in IndexedDB, as the test file's own view of a level. */
export function savedLevels<Level>(target: Page): Promise<Level[]> {
  return target.evaluate(
    () =>
      new Promise<Level[]>((resolve, reject) => {
        const open = indexedDB.open('convblocks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('customLevels').objectStore('customLevels').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result.map((row: { level: Level }) => row.level));
          };
        };
      }),
  );
}
