/**
 * Issue 13, point 9, in real Chromium: a won level reopened after a reload shows the trained network
 * and its verdict again, and looking inside a picture uses the kept weights, without pressing Train.
 * The step count and the loss and accuracy curves come back with it. Blocks edited after the
 * verdict come back as edited, without the stale verdict.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { collectErrors, useChromium } from './chromium';
import { insideVotes } from './inside-votes';
import { winSlash } from './win-level';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const votes = insideVotes;

/** Every row of one of the game's IndexedDB stores, read as the page sees it. */
const rows = (page: Page, store: string) =>
  page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('convblocks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve([]);
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
        };
      }),
    store,
  );

/** The learning rate of slash-2x2's stored workbench. */
const storedRate = async (page: Page) =>
  (await rows(page, 'workspaces')).map(
    (r) => (r.network as { training: { learningRate: number } }).training.learningRate,
  );

/** The step line ("Step 83. Judged at step 83: ...") and the curves' legends. */
const runShown = (page: Page) =>
  page.evaluate(() => ({
    step: document.querySelector('.viz-step')?.textContent ?? '',
    legends: [...document.querySelectorAll('.viz-chart-legend')].map((l) => l.textContent ?? ''),
  }));

/** The first test picture (the test grid comes after the training grid once judged). */
const testPicture = (page: Page) => page.getByRole('button', { name: /^Picture 1, / }).nth(1);

describe('a reopened level', { timeout: LONG_TEST_MS }, () => {
  it('shows the won network, its verdict and its votes again after a reload, without training', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await winSlash(page, baseUrl);
    await testPicture(page).click();
    // The inside view shows the clicked test picture once its votes are the ones its caption in the
    // judged test grid gives (until then it may still show the first training picture's).
    const caption = (
      (await page.locator('.viz-pictures').nth(1).locator('.viz-vote').first().textContent()) ?? ''
    )
      .replace(/^[✓✗]\s*/, '')
      .replace(/\s+/g, '');
    await expect
      .poll(async () => (await votes(page)).map((v) => v.replace(/\s+/g, '')), { timeout: 60_000 })
      .toContain(caption);
    const before = await votes(page);
    await expect
      .poll(async () => (await rows(page, 'lastRuns')).map((r) => r.levelId), { timeout: 30_000 })
      .toEqual(['slash-2x2']);
    const [kept] = (await rows(page, 'lastRuns')) as {
      verdict: { step: number };
      curve: { step: number }[];
    }[];
    const judgedStep = kept?.verdict.step ?? -1;
    expect(judgedStep).toBeGreaterThan(0);
    expect(kept?.curve.length).toBeGreaterThan(0);
    expect(kept?.curve.length).toBeLessThanOrEqual(200);
    expect(kept?.curve.at(-1)?.step).toBeLessThanOrEqual(judgedStep);
    const shownBefore = await runShown(page);
    expect(shownBefore.step).toMatch(new RegExp(`^Step ${judgedStep}\\. Judged at step ${judgedStep}:`));
    expect(shownBefore.legends.join(' ')).toMatch(/loss: \d/);

    await page.reload({ timeout: 120_000 });
    const heading = page.getByRole('heading', { name: 'Level complete!' });
    await heading.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('#status').textContent()).not.toMatch(/^Training/);
    // The step count and the curves, as they were before the reload (not "Step 0" and empty curves).
    await expect.poll(() => runShown(page), { timeout: 30_000 }).toEqual(shownBefore);
    await page.screenshot({ path: 'screenshots/reload-verdict-opened-1280.png' });
    await testPicture(page).click();
    await expect.poll(() => votes(page), { timeout: 60_000 }).toEqual(before);
    await page.screenshot({ path: 'screenshots/reload-verdict-1280.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await heading.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/reload-verdict-390.png' });
    await page.setViewportSize({ width: 1280, height: 720 });

    // An edit after the verdict (another learning rate) comes back edited, and the verdict does not.
    await page.getByLabel('Learning rate').selectOption('0.3');
    await expect.poll(() => storedRate(page), { timeout: 30_000 }).toEqual([0.3]);
    await page.reload({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Train' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByLabel('Learning rate').inputValue(), { timeout: 30_000 }).toBe('0.3');
    expect(await heading.count()).toBe(0);
    await page.screenshot({ path: 'screenshots/reload-edited-1280.png' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
