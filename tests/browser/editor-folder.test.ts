/**
 * Importing a folder or zip of pictures into the level editor, in real Chromium: sub-folders name
 * the classes (new ones are added once the teacher agrees), train/ and test/ folders choose the set,
 * other files are skipped and counted, and a zip bomb is refused naming the limit.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './chromium';
import { openLevelEditor, savedLevels } from './level-editor';
import { greyPng } from './pages/editor-png';

const SCREENSHOTS = 'screenshots';

interface SavedLevel {
  classes: string[];
  train: { label: string; picture: string[] }[];
  test: { label: string; picture: string[] }[];
}

/** How many pictures of each class a level holds in a set. */
function counts(level: SavedLevel | undefined, set: 'train' | 'test'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of level?.[set] ?? []) out[e.label] = (out[e.label] ?? 0) + 1;
  return out;
}

const dark = () => greyPng(10, 10, () => 0);
const bar = () => greyPng(10, 10, (x) => (x >= 4 && x < 6 ? 0 : 255));

describe.skipIf(!hasChromium)('importing a folder or zip of pictures into the level editor', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  async function saved(): Promise<SavedLevel | undefined> {
    await page.locator('.editor-save-status', { hasText: 'Saved in this browser' }).waitFor();
    return (await savedLevels<SavedLevel>(page))[0];
  }

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    ({ page, errors } = await openLevelEditor(context));
    await page.getByLabel('Title', { exact: true }).fill('Pets');
    await page.getByRole('tab', { name: '2. Pictures' }).click();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('imports a zip whose sub-folders name the classes, naming the empty classes after them', async () => {
    const zip = zipSync({
      'pets/cats/1.png': dark(),
      'pets/cats/2.png': dark(),
      'pets/dogs/a.png': bar(),
      'pets/test/cats/3.png': dark(),
      'pets/readme.txt': new TextEncoder().encode('not a picture'),
    });
    await page.getByRole('button', { name: 'Import a zip...' }).click();
    await page
      .locator('.editor-picture-sources input[accept*="zip"]')
      .setInputFiles({ name: 'pets.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    const dialog = page.getByRole('dialog', { name: 'Add classes?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      '"A" (no pictures yet) becomes "cats"; "B" (no pictures yet) becomes "dogs".',
    );
    await dialog.getByRole('button', { name: 'Add the classes and import' }).click();
    const messages = page.locator('.editor-import-messages');
    await messages.locator('p', { hasText: 'Imported 4 pictures from "pets.zip"' }).waitFor();
    expect(await messages.textContent()).toContain('Skipped 1 file that is not a PNG or JPEG picture.');
    const level = await saved();
    expect(level?.classes).toEqual(['cats', 'dogs']);
    expect([counts(level, 'train'), counts(level, 'test')]).toEqual([{ cats: 2, dogs: 1 }, { cats: 1 }]);
    expect(level?.train.find((e) => e.label === 'dogs')?.picture).toEqual([
      '..#..',
      '..#..',
      '..#..',
      '..#..',
      '..#..',
    ]);
  });

  it('imports a picked folder, adding the class the level lacks once the teacher agrees', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'convblocks-folder-')), 'more pets');
    for (const folder of ['birds', 'dogs', 'loose']) mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, 'birds', '1.png'), bar());
    writeFileSync(join(root, 'birds', '2.png'), bar());
    writeFileSync(join(root, 'dogs', 'b.png'), bar());
    writeFileSync(join(root, '.DS_Store'), 'junk');
    writeFileSync(join(root, 'stray.png'), dark());
    await page.locator('.editor-picture-sources input[webkitdirectory]').setInputFiles(root);
    const dialog = page.getByRole('dialog', { name: 'Add classes?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('"birds" is added');
    await dialog.getByRole('button', { name: 'Add the classes and import' }).click();
    const messages = page.locator('.editor-import-messages');
    await messages.locator('p', { hasText: `Imported 3 pictures from "${basename(root)}"` }).waitFor();
    expect(await messages.textContent()).toContain('Skipped 1 picture outside any class folder.');
    const level = await saved();
    expect(level?.classes).toEqual(['cats', 'dogs', 'birds']);
    expect(counts(level, 'train')).toEqual({ cats: 2, dogs: 2, birds: 2 });
    await page.screenshot({ path: `${SCREENSHOTS}/editor-folder-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENSHOTS}/editor-folder-390.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('takes a folder dragged from the desktop onto the tab, walking its sub-folders', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'convblocks-drop-')), 'dropped');
    mkdirSync(join(root, 'test', 'dogs'), { recursive: true });
    writeFileSync(join(root, 'test', 'dogs', 'c.png'), bar());
    writeFileSync(join(root, 'test', 'dogs', 'd.png'), bar());
    // Chromium's own drag and drop (DevTools protocol), as from the desktop: a real directory entry.
    const cdp = await page.context().newCDPSession(page);
    const box = await page.locator('.editor-picture-sources').boundingBox();
    const at = { x: (box?.x ?? 0) + 20, y: (box?.y ?? 0) + 20 };
    const data = { items: [], files: [root], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const)
      await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
    await page
      .locator('.editor-import-messages p', { hasText: 'Imported 2 pictures from "dropped"' })
      .waitFor();
    expect(counts(await saved(), 'test')).toEqual({ cats: 1, dogs: 2 });
  });

  it('takes a zip dropped on the tab, and refuses it when the teacher will not add its classes', async () => {
    const zip = zipSync({ 'fish/1.png': dark() });
    await page.evaluate(
      (bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'fish.zip', { type: 'application/zip' }));
        document
          .querySelector('.editor-pictures')
          ?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      [...zip],
    );
    const dialog = page.getByRole('dialog', { name: 'Add classes?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page
      .locator('.editor-import-messages', { hasText: 'Nothing was imported: the classes were not added.' })
      .waitFor();
  });

  it('refuses a zip bomb, naming the limit, and the page keeps answering', async () => {
    // 110 MB of zeros, about 110 KB packed: over the 100 MB a zip's pictures may unpack to.
    const bomb = zipSync({ 'cats/bomb.png': new Uint8Array(110 * 1024 * 1024) }, { level: 1 });
    await page
      .locator('.editor-picture-sources input[accept*="zip"]')
      .setInputFiles({ name: 'bomb.zip', mimeType: 'application/zip', buffer: Buffer.from(bomb) });
    // The unpacking runs in a worker: the page draws a frame and answers while it goes on.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await page
      .locator('.editor-import-error', {
        hasText:
          'The pictures in "bomb.zip" unpack to more than 100 MB; at most 100 MB can be imported at a time.',
      })
      .waitFor({ timeout: 120_000 });
    const level = await saved();
    expect(counts(level, 'train')).toEqual({ cats: 2, dogs: 2, birds: 2 });
    expect(errors).toEqual([]);
  });
});
