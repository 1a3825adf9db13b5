/**
 * The level editor in real Chromium: a teacher makes a two-class 5x5 level by hand (mouse and
 * keyboard), it is saved and survives a reload, a network wins it in the editor, it is shared as a
 * link that opens in a fresh browser context and as a file that `convblocks check` passes, and
 * pictures are imported from PNG and JPEG files, with clear refusals for files that are not.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, hasChromium, launchChromium } from './chromium';
import { greyPng } from './pages/editor-png';

const SCREENSHOTS = 'screenshots';
const SIDE = 5;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

function editorUrl(hash = '#/editor'): string {
  return `${inject('baseUrl')}tests/browser/pages/editor.html${hash}`;
}

/** The levels the page's store wrote to IndexedDB, as level documents. */
function savedLevels(target: Page): Promise<Record<string, unknown>[]> {
  return target.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('convblocks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('customLevels').objectStore('customLevels').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve(all.result.map((row: { level: Record<string, unknown> }) => row.level));
          };
        };
      }),
  );
}

async function waitUntilSaved(target: Page): Promise<void> {
  await target.locator('.editor-save-status', { hasText: 'Saved in this browser' }).waitFor();
}

/** The middle of cell (y, x) of the drawing grid, in page coordinates. */
async function cellPoint(target: Page, y: number, x: number): Promise<{ x: number; y: number }> {
  const box = await target.locator('.editor-grid-canvas').boundingBox();
  if (!box) throw new Error('no drawing grid');
  return { x: box.x + ((x + 0.5) * box.width) / SIDE, y: box.y + ((y + 0.5) * box.height) / SIDE };
}

async function openTab(target: Page, name: string): Promise<void> {
  await target.getByRole('tab', { name }).click();
}

describe.skipIf(!hasChromium)('the level editor in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    errors = collectErrors(page);
    await page.goto(editorUrl());
    // A cold dev server bundles the page's modules on this first visit.
    await page.waitForSelector('body[data-ready]', { timeout: 120_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('names the level, its idea and two classes of 5x5 grey pictures', async () => {
    await page.getByLabel('Title', { exact: true }).fill('Bars drawn by hand');
    await page.getByLabel('The idea it teaches').fill('A filter finds a stroke wherever it is.');
    await page.getByLabel('Introduction').fill('Some bars stand.\n\nOthers lie down.');
    await page.getByLabel('Class 1 name').fill('standing');
    await page.getByLabel('Class 2 name').fill('lying');
    await page.screenshot({ path: `${SCREENSHOTS}/editor-level-tab.png`, fullPage: true });
    expect(await page.getByLabel('Picture size (pixels per side)').inputValue()).toBe('5');
    expect(await page.getByRole('radio', { name: 'Grey' }).isChecked()).toBe(true);
    expect(await page.locator('h1').textContent()).toBe('Level editor: Bars drawn by hand');
  });

  it('draws a standing bar with the mouse', async () => {
    await openTab(page, '2. Pictures');
    await page.getByRole('button', { name: 'New picture in "standing" training pictures' }).click();
    const from = await cellPoint(page, 1, 2);
    const to = await cellPoint(page, 3, 2);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    // One jump over the middle cell: the grid draws the line between the two pointer positions.
    await page.mouse.move(to.x, to.y, { steps: 1 });
    await page.mouse.up();
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('.editor-grid-cursor').textContent()).toBe(
      'Cursor at row 3, column 3 of 5: ink.',
    );
  });

  it('draws a lying bar with the keyboard alone', async () => {
    await page.getByRole('button', { name: 'New picture in "lying" training pictures' }).focus();
    await page.keyboard.press('Enter');
    // The new picture's grid has the focus: move to row 3, column 2 and toggle three pixels.
    for (const key of [
      'ArrowDown',
      'ArrowDown',
      'ArrowRight',
      'Space',
      'ArrowRight',
      'Space',
      'ArrowRight',
      'Space',
    ]) {
      await page.keyboard.press(key);
    }
    expect(await page.locator('.editor-grid-cursor').textContent()).toBe(
      'Cursor at row 3, column 4 of 5: ink.',
    );
    expect(await page.getByRole('application').getAttribute('aria-label')).toBe(
      'Training picture 1 of "lying", 5 by 5 pixels',
    );
  });

  it('adds shifted copies and moves one of each class to the hidden test', async () => {
    for (const name of ['standing', 'lying']) {
      await page.getByRole('button', { name: `Training picture 1 of "${name}"` }).click();
      await page.getByRole('button', { name: 'Add shifted copies' }).click();
      await page.getByRole('button', { name: `Training picture 9 of "${name}"` }).click();
      await page.getByRole('button', { name: 'Move to test pictures' }).click();
    }
    await waitUntilSaved(page);
    await page.screenshot({ path: `${SCREENSHOTS}/editor-pictures-tab.png`, fullPage: true });
    const [level] = await savedLevels(page);
    const train = level?.train as { label: string; picture: string[] }[];
    expect(train).toHaveLength(16);
    expect(train[0]).toEqual({ label: 'standing', picture: ['.....', '..#..', '..#..', '..#..', '.....'] });
    expect(train[1]).toEqual({ label: 'lying', picture: ['.....', '.....', '.###.', '.....', '.....'] });
    expect(level?.test).toEqual([
      { label: 'standing', picture: ['.....', '.....', '...#.', '...#.', '...#.'] },
      { label: 'lying', picture: ['.....', '.....', '.....', '..###', '.....'] },
    ]);
  });

  it('warns about a test picture that is also a training picture', async () => {
    await page.getByRole('button', { name: 'Training picture 1 of "standing"' }).click();
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await page.getByRole('button', { name: 'Move to test pictures' }).click();
    await openTab(page, '4. Check and share');
    const findings = page.locator('.editor-findings');
    await expect
      .poll(() => findings.textContent())
      .toContain('Warning: Test picture 2 of "standing" is the same as training picture 1 of "standing"');
    expect(await findings.textContent()).toContain('Problem: No network has won this level yet');
    await openTab(page, '2. Pictures');
    await page.getByRole('button', { name: 'Test picture 2 of "standing"' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    // The status may still say "Saved" from before the delete: wait for the store itself.
    await expect
      .poll(async () => ((await savedLevels(page))[0]?.test as unknown[] | undefined)?.length)
      .toBe(2);
    await waitUntilSaved(page);
  });

  it('keeps the level across a reload', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    expect(page.url()).toMatch(/#\/editor\/bars-drawn-by-hand-[a-z0-9]+$/);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Bars drawn by hand');
    await openTab(page, '2. Pictures');
    expect(await page.locator('.editor-set h4').allTextContents()).toEqual([
      'Training pictures (8)',
      'Hidden test pictures (1)',
      'Training pictures (8)',
      'Hidden test pictures (1)',
    ]);
  });

  it('is won in the editor by a network, which is kept as its reference', async () => {
    await openTab(page, '4. Check and share');
    await page.locator('.blocklySvg').first().waitFor();
    const status = page.locator('.editor-workbench-status');
    // Every line the status shows while Suggest tries its networks.
    await status.evaluate((node) => {
      const seen: string[] = [];
      (window as unknown as { suggestLines: string[] }).suggestLines = seen;
      new MutationObserver(() => seen.push(node.textContent ?? '')).observe(node, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.getByRole('button', { name: 'Suggest a network' }).click();
    await page.getByRole('button', { name: 'Cancel Suggest' }).waitFor();
    // Every progress line starts so; the first network's worker takes a while to start.
    await page.setViewportSize({ width: 1280, height: 720 });
    await status.filter({ hasText: /^Trying/ }).waitFor();
    await status.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/editor-suggest-progress.png` });
    await page.setViewportSize({ width: 1400, height: 1000 });
    await status
      .filter({ hasText: /^(Suggested|The best of|Suggest failed|No )/ })
      .waitFor({ timeout: 150_000 });
    const lines = await page.evaluate(() => (window as unknown as { suggestLines: string[] }).suggestLines);
    expect(lines.find((l) => l.startsWith('Trying'))).toMatch(
      /^Trying 1 of \d+: (conv \d+ filters? \d+x\d+|pool \d+|dense \d+)/,
    );
    expect(await status.textContent()).toMatch(
      /^Suggested: .+ \(\d+ parameters\): test accuracy 100% after \d+ steps, which reaches the goal of 100%/,
    );
    await page.getByRole('button', { name: 'Suggest a network' }).waitFor();
    await page.getByRole('button', { name: 'Win it' }).click();
    await status.filter({ hasText: /^(Won|Not won|Training failed)/ }).waitFor({ timeout: 150_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/editor-check-tab-won.png`, fullPage: true });
    expect(await status.textContent()).toMatch(/^Won: test accuracy 100% after \d+ steps/);
    expect(await page.locator('.editor-readiness').textContent()).toBe(
      'Ready: a network has won this level with 100% test accuracy.',
    );
    await waitUntilSaved(page);
    const [level] = await savedLevels(page);
    const reference = level?.reference as { layers: { type: string }[] } | undefined;
    expect(reference?.layers.at(-1)?.type).toBe('dense');
  });

  it('exports a level file that convblocks check passes', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download level file' }).click();
    const file = await download;
    const path = join(mkdtempSync(join(tmpdir(), 'convblocks-editor-')), file.suggestedFilename());
    await file.saveAs(path);
    expect(file.suggestedFilename()).toMatch(/^bars-drawn-by-hand-[a-z0-9]+\.level\.json$/);
    const output = execFileSync(process.execPath, ['bin/convblocks.mjs', 'check', '--backend', 'cpu', path], {
      encoding: 'utf8',
    });
    expect(output).toContain('1 passed, 0 failed');
    writeFileSync(`${SCREENSHOTS}/editor-exported.level.json`, readFileSync(path));
  });

  it('shares a link that opens the same level in a fresh browser context', async () => {
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.locator('.editor-share-status', { hasText: /^(Link copied|The link is selected)/ }).waitFor();
    const link = await page.getByLabel('Link to this level').inputValue();
    expect(link).toMatch(/#level=[A-Za-z0-9_-]+$/);
    const [saved] = await savedLevels(page);
    const fresh = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const other = await fresh.newPage();
    const otherErrors = collectErrors(other);
    await other.goto(link);
    await other.waitForSelector('body[data-ready]');
    await other.screenshot({ path: `${SCREENSHOTS}/editor-shared-link-opened.png`, fullPage: true });
    expect(await other.locator('#shared-description').textContent()).toBe(
      "level 'Bars drawn by hand': 5x5 pictures, 2 classes (standing, lying), 16 to learn from, 2 to test",
    );
    expect(JSON.parse((await other.locator('#shared-document').textContent()) ?? 'null')).toEqual(saved);
    expect(await savedLevels(other)).toEqual([]);
    expect(otherErrors).toEqual([]);
    await fresh.close();
  });

  it('plays the level as a player would with "Try it"', async () => {
    await page.getByRole('button', { name: 'Try it' }).click();
    await page.waitForSelector('body[data-ready^="#/level/"]');
    await page.screenshot({ path: `${SCREENSHOTS}/editor-try-it.png`, fullPage: true });
    expect(await page.locator('h1').textContent()).toBe('Bars drawn by hand');
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('importing pictures into the level editor', () => {
  let importBrowser: Browser;
  let importPage: Page;

  beforeAll(async () => {
    importBrowser = await launchChromium();
    const fresh = await importBrowser.newContext({ viewport: { width: 1400, height: 1000 } });
    importPage = await fresh.newPage();
    await importPage.goto(editorUrl());
    await importPage.waitForSelector('body[data-ready]', { timeout: 120_000 });
    await importPage.getByLabel('Title', { exact: true }).fill('Imported');
    await openTab(importPage, '2. Pictures');
  });

  afterAll(async () => {
    await importBrowser?.close();
  });

  /** Drops files (name, MIME type, bytes) on a class's set, as a drag from the desktop would. */
  async function drop(
    classIndex: number,
    set: 'train' | 'test',
    files: { name: string; type: string; bytes: number[] }[],
  ) {
    await importPage.evaluate(
      ({ classIndex, set, files }) => {
        const transfer = new DataTransfer();
        for (const f of files)
          transfer.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
        const zone = document.querySelector(`.editor-set[data-class="${classIndex}"][data-set="${set}"]`);
        zone?.dispatchEvent(
          new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      },
      { classIndex, set, files },
    );
  }

  async function lastPicture(label: string, set: 'train' | 'test'): Promise<unknown> {
    await waitUntilSaved(importPage);
    const [level] = await savedLevels(importPage);
    const examples = ((level?.[set] ?? []) as { label: string; picture: unknown }[]).filter(
      (e) => e.label === label,
    );
    return examples.at(-1)?.picture;
  }

  it('keeps an unfinished level (a title, no picture yet) across a reload', async () => {
    await importPage
      .locator('.editor-save-status', { hasText: 'Unfinished, kept in this browser' })
      .waitFor();
    await importPage.reload();
    await importPage.waitForSelector('body[data-ready]');
    expect(await importPage.getByLabel('Title', { exact: true }).inputValue()).toBe('Imported');
    expect(await importPage.locator('.editor-save-status').textContent()).toBe(
      'Your unfinished changes are back.',
    );
    expect(await savedLevels(importPage)).toEqual([]);
    await openTab(importPage, '2. Pictures');
  });

  it('imports a picked PNG scaled to fit and centred', async () => {
    const wide = greyPng(20, 12, () => 0);
    await importPage
      .getByRole('button', { name: 'Import PNG or JPEG images into "A" training pictures' })
      .click();
    await importPage
      .locator('.editor-set[data-class="0"][data-set="train"] input[type="file"]')
      .setInputFiles({
        name: 'wide.png',
        mimeType: 'image/png',
        buffer: wide,
      });
    await importPage.locator('.editor-import-messages', { hasText: 'Imported 1 picture' }).waitFor();
    expect(await lastPicture('A', 'train')).toEqual(['.....', '#####', '#####', '#####', '.....']);
  });

  it('scales an 8000x8000 PNG down without hanging the page', async () => {
    const big = greyPng(8000, 8000, (x, y) => (x >= 1600 && x < 6400 && y >= 1600 && y < 6400 ? 0 : 255));
    await drop(1, 'train', [{ name: 'huge.png', type: 'image/png', bytes: [...big] }]);
    await importPage
      .locator('.editor-import-messages', { hasText: 'Imported 1 picture' })
      .waitFor({ timeout: 60_000 });
    expect(await lastPicture('B', 'train')).toEqual(['.....', '.###.', '.###.', '.###.', '.....']);
  });

  it('imports a dropped JPEG', async () => {
    const bytes = await importPage.evaluate(async () => {
      const canvas = new OffscreenCanvas(30, 30);
      const c = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      c.fillStyle = '#000';
      c.fillRect(0, 0, 30, 30);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 1 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    await drop(0, 'test', [{ name: 'dark.jpg', type: 'image/jpeg', bytes }]);
    await importPage.locator('.editor-import-messages', { hasText: 'Imported 1 picture' }).waitFor();
    expect(await lastPicture('A', 'test')).toEqual(['#####', '#####', '#####', '#####', '#####']);
  });

  it.each([
    {
      what: 'a text file',
      name: 'notes.png',
      bytes: [...new TextEncoder().encode('not a picture')],
      message: '"notes.png" is not a PNG or JPEG picture.',
    },
    {
      what: 'a corrupt PNG',
      name: 'broken.png',
      bytes: [...greyPng(10, 10, () => 0).subarray(0, 40)],
      message: '"broken.png" could not be read as a picture: it may be damaged.',
    },
  ])('refuses $what with a clear message', async ({ name, bytes, message }) => {
    await drop(1, 'test', [{ name, type: 'image/png', bytes }]);
    const messages = importPage.locator('.editor-import-messages');
    await messages.locator('.editor-import-error', { hasText: message }).waitFor();
    expect(await messages.textContent()).toContain('No picture was imported.');
  });

  it('writes the rules into the level: blocks on offer, limits (the largest filter too), goal, a star rule and hints', async () => {
    await openTab(importPage, '3. Rules');
    await importPage.getByRole('checkbox', { name: 'Activation (sigmoid, tanh, ...)' }).uncheck();
    await importPage.getByLabel('Most blocks in the network').fill('6');
    await importPage.getByLabel('Most blocks in the network').press('Tab');
    await importPage.getByLabel('Largest filter').fill('4');
    await importPage.getByLabel('Largest filter').press('Tab');
    await importPage.getByRole('spinbutton', { name: 'Conv' }).fill('2');
    await importPage.getByRole('spinbutton', { name: 'Conv' }).press('Tab');
    await importPage.getByLabel('Goal: test accuracy (%)').fill('80');
    await importPage.getByLabel('Goal: test accuracy (%)').press('Tab');
    await importPage.getByLabel('Star 2: the network has').selectOption('maxParams');
    await importPage.getByLabel('Star 2: N').fill('120');
    await importPage.getByLabel('Star 2: N').press('Tab');
    await importPage.getByLabel('Hints').fill('Start with a Conv.');
    await importPage.getByLabel('Most parameters').fill('-3');
    await importPage.getByLabel('Most parameters').press('Tab');
    await importPage.screenshot({ path: `${SCREENSHOTS}/editor-rules-tab.png`, fullPage: true });
    expect(await importPage.locator('.editor-field-error').allTextContents()).toContain(
      'Most parameters: enter a whole number from 1 to 2000000, or leave it empty for no limit.',
    );
    await waitUntilSaved(importPage);
    const [level] = await savedLevels(importPage);
    expect(level?.version).toBe(3);
    expect([level?.limits, level?.goal, level?.stars, level?.hints]).toEqual([
      {
        blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'],
        maxLayers: 6,
        maxBlocks: { conv: 2 },
        maxFilterSize: 4,
      },
      { testAccuracy: 0.8 },
      [{ maxParams: 120 }],
      ['Start with a Conv.'],
    ]);
    await openTab(importPage, '2. Pictures');
  });

  it('shows every imported picture in the thumbnail grid', async () => {
    await importPage.screenshot({ path: `${SCREENSHOTS}/editor-imported.png`, fullPage: true });
    expect(await importPage.locator('.editor-thumb').count()).toBe(3);
  });
});
