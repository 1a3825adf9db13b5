/**
 * A teacher's way back into their levels, in real Chromium on the game itself (issue 17): a level
 * made in the editor is found again through its Edit button on the map, and a built-in level copied
 * with "Make a copy to edit" opens in the editor as the teacher's own, with all its pictures.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { collectErrors, useChromium } from './chromium';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const SIDE = 5;

async function cellPoint(page: Page, y: number, x: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('.editor-grid-canvas').boundingBox();
  if (!box) throw new Error('no drawing grid');
  return { x: box.x + ((x + 0.5) * box.width) / SIDE, y: box.y + ((y + 0.5) * box.height) / SIDE };
}

/** Draws a line of ink from cell `from` to cell `to` of the open picture. */
async function drawLine(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const a = await cellPoint(page, ...from);
  const b = await cellPoint(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 1 });
  await page.mouse.up();
}

/** The picture counts the Pictures tab shows, class by class. */
async function pictureCounts(page: Page): Promise<string[]> {
  await page.getByRole('tab', { name: '2. Pictures' }).click();
  return page.locator('.editor-set h4').allTextContents();
}

/** Makes a two-class 5x5 level of standing and lying bars, as the editor test does. */
async function makeBarsLevel(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Make a level' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Class 1 name').fill('standing');
  await page.getByLabel('Class 2 name').fill('lying');
  await page.getByRole('tab', { name: '2. Pictures' }).click();
  const lines: Record<string, [[number, number], [number, number]]> = {
    standing: [
      [1, 2],
      [3, 2],
    ],
    lying: [
      [2, 1],
      [2, 3],
    ],
  };
  for (const [name, [from, to]] of Object.entries(lines)) {
    await page.getByRole('button', { name: `New picture in "${name}" training pictures` }).click();
    await drawLine(page, from, to);
    await page.getByRole('button', { name: `Training picture 1 of "${name}"` }).click();
    await page.getByRole('button', { name: 'Add shifted copies' }).click();
    await page.getByRole('button', { name: `Training picture 9 of "${name}"` }).click();
    await page.getByRole('button', { name: 'Move to test pictures' }).click();
  }
  await page.locator('.editor-save-status', { hasText: 'Saved in this browser' }).waitFor();
}

/** The workbench networks the page's store keeps with the level editor's drafts, by key. */
function keptWorkbenches(page: Page): Promise<Record<string, { type: string }[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, { type: string }[]>>((resolve, reject) => {
        const open = indexedDB.open('convblocks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('levelDrafts').objectStore('levelDrafts').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            open.result.close();
            const rows = all.result as { key: string; draft: { workbench?: { type: string }[] } }[];
            resolve(
              Object.fromEntries(
                rows.flatMap((r) => (r.draft.workbench ? [[r.key, r.draft.workbench]] : [])),
              ),
            );
          };
        };
      }),
  );
}

describe('a teacher comes back to a level', { timeout: LONG_TEST_MS }, () => {
  it('makes a level, leaves to the map and comes back to it through Edit', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    await page.goto(baseUrl);
    await makeBarsLevel(page, 'Bars for class 7b');
    const address = page.url();
    expect(address).toMatch(/#\/editor\/bars-for-class-7b-[a-z0-9]+$/);
    const id = address.split('/').pop() ?? '';

    // A network built under "Win it" but not trained is kept with the level.
    await page.getByRole('tab', { name: '4. Check and share' }).click();
    await page.locator('.blocklySvg').first().waitFor();
    await page.getByRole('button', { name: 'Suggest a network' }).click();
    await page
      .locator('.editor-workbench-status')
      .filter({ hasText: /^(Suggested|The best of)/ })
      .waitFor({ timeout: 150_000 });
    await expect.poll(async () => (await keptWorkbenches(page))[id]?.at(-1)?.type).toBe('dense');

    await page.getByRole('button', { name: 'Back to map' }).click();
    const edit = page.getByRole('button', { name: 'Edit Bars for class 7b' });
    await edit.waitFor();
    await page.locator('.shelves').screenshot({ path: 'screenshots/map-shelves-edit-copy.png' });
    await edit.click();
    await page.getByLabel('Title', { exact: true }).waitFor();
    expect(page.url()).toBe(address);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Bars for class 7b');
    await expect
      .poll(() => page.locator('#status').textContent())
      .toBe(
        'Your unfinished changes to "Bars for class 7b", with the network you built under "Win it", are back.',
      );
    expect(await pictureCounts(page)).toEqual([
      'Training pictures (8)',
      'Hidden test pictures (1)',
      'Training pictures (8)',
      'Hidden test pictures (1)',
    ]);
    await page.getByRole('tab', { name: '4. Check and share' }).click();
    const workbench = page.locator('.editor-workbench-host');
    for (const type of ['conv', 'relu', 'pool', 'flatten', 'dense']) {
      await workbench.locator(`g.convblocks_${type}`).first().waitFor();
    }
    await page.screenshot({ path: 'screenshots/editor-workbench-back.png' });

    // A lying bar filed as a "standing" test picture: the check shows it among the pictures it got wrong.
    await page.getByRole('tab', { name: '2. Pictures' }).click();
    await page.getByRole('button', { name: 'New picture in "standing" hidden test pictures' }).click();
    await drawLine(page, [4, 2], [4, 4]);
    await page.getByRole('tab', { name: '4. Check and share' }).click();
    await workbench.locator('g.convblocks_dense').first().waitFor();
    await page.getByRole('button', { name: 'Win it' }).click();
    const status = page.locator('.editor-workbench-status');
    await status.filter({ hasText: /^(Won|Not won|Training failed)/ }).waitFor({ timeout: 150_000 });
    expect(await status.textContent()).toMatch(/^Not won: test accuracy 67% /);
    const wrong = page.locator('.editor-wrong');
    expect(await wrong.locator('h3').textContent()).toBe('Pictures it got wrong (1)');
    expect(await wrong.locator('figcaption').allTextContents()).toEqual([
      expect.stringMatching(/^a standing, called lying \d+%$/),
    ]);
    expect(await wrong.getByRole('img', { name: 'a picture of standing' }).count()).toBe(1);
    await wrong.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/editor-check-wrong-1280.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await wrong.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/editor-check-wrong-390.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('copies a built-in level to edit: a fresh id, "Copy of" its title, all its pictures', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    const errors = collectErrors(page);
    await page.goto(baseUrl);
    await page.getByLabel('Start from a built-in level').selectOption('x-vs-o');
    await page.locator('.shelves').screenshot({ path: 'screenshots/map-shelves-390.png' });
    await page.getByRole('button', { name: 'Make a copy to edit', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).waitFor();
    expect(page.url()).toMatch(/#\/editor\/x-vs-o-copy$/);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Copy of X or O?');

    const file = JSON.parse(readFileSync('levels/x-vs-o.json', 'utf8')) as {
      classes: string[];
      train: { label: string }[];
      test: { label: string }[];
    };
    const count = (set: { label: string }[], name: string) => set.filter((e) => e.label === name).length;
    expect(await pictureCounts(page)).toEqual(
      file.classes.flatMap((name) => [
        `Training pictures (${count(file.train, name)})`,
        `Hidden test pictures (${count(file.test, name)})`,
      ]),
    );
    await page.screenshot({ path: 'screenshots/editor-copy-of-x-vs-o-390.png' });

    // A second copy does not replace the first: it gets the next free id.
    await page.getByRole('button', { name: 'Back to map' }).click();
    await page.getByLabel('Start from a built-in level').selectOption('x-vs-o');
    await page.getByRole('button', { name: 'Make a copy to edit', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/#\/editor\/x-vs-o-copy-2$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
