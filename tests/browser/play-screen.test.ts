/**
 * The play screen in real Chromium: looking inside the network with any picture at any time (before
 * training, after the verdict), a wrong picture's "Why?", Train answering at once, and the verdict.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { MAX } from '../../src/spec';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { dragBlockUnder } from './blockly-drag';
import { collectErrors, useChromium } from './chromium';
import { gridVotes, insideVotes } from './inside-votes';
import { openUnlocked } from './unlock';
import { openXVsOWithPool } from './x-vs-o-pool';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const votes = insideVotes;

/** The class with the most votes in the inside view. */
async function topVote(page: Page): Promise<string> {
  const rows = (await votes(page)).map((row) => /^(.*?)(\d+)%$/.exec(row) ?? ['', '', '0']);
  rows.sort((a, b) => Number(b[2]) - Number(a[2]));
  return rows[0]?.[1] ?? '';
}

const status = (page: Page) => page.locator('#status');

/** Opens slash-2x2 with a Dense under the starter's Flatten. */
async function openSlashLevel(page: Page): Promise<void> {
  // The first page of a run waits for the dev server to bundle the game: longer than a page load.
  await page.goto(`${baseUrl}#/level/slash-2x2`, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Start building' }).click();
  await page.locator('.blocklyFlyout g.convblocks_dense').first().waitFor();
  await dragBlockUnder(page, 'dense', 'flatten');
  await expect.poll(() => page.getByRole('button', { name: 'Train' }).isEnabled()).toBe(true);
}

describe('looking inside the network', { timeout: LONG_TEST_MS }, () => {
  it('follows a picture picked before training and after the verdict', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    await openSlashLevel(page);

    // Before any training: the untrained network's votes for the picked picture.
    await page.getByRole('button', { name: /^Picture 2, / }).click();
    await expect.poll(() => votes(page), { timeout: 60_000 }).toHaveLength(2);
    await page.screenshot({ path: 'screenshots/play-before-training.png' });

    await page.getByRole('button', { name: 'Train' }).click();
    await expect
      .poll(async () => (await status(page).textContent()) ?? '', { timeout: 90_000 })
      .toMatch(/^Level complete/);

    // After the verdict the test pictures show too, each grid numbering its own: the training
    // grid comes first, the test grid second.
    const picture = (n: number, grid: 0 | 1) =>
      page.getByRole('button', { name: new RegExp(`^Picture ${n}, `) }).nth(grid);
    // The trained network votes each training picture right (it learned them all), so the top vote
    // follows the picked picture: "\\" for training picture 1, "/" for 2, and the same for the test ones.
    for (const [n, grid, label] of [
      [1, 0, '\\'],
      [2, 0, '/'],
      [1, 0, '\\'],
      [2, 1, '/'],
      [1, 1, '\\'],
    ] as const) {
      await picture(n, grid).click();
      await expect.poll(() => topVote(page)).toBe(label);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says on the block why a typed number of filters changed', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    await openUnlocked(page, baseUrl, 'x-vs-o');
    await page.getByRole('button', { name: 'Start building' }).click();
    const conv = page.locator(
      '.blocklyWorkspace:not(.blocklyFlyout .blocklyWorkspace) g.blocklyBlock.convblocks_conv',
    );
    await conv.first().waitFor();
    const drawnTexts = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('svg text')].map((t) => t.textContent ?? '').join(' | '),
      );
    // The starter's Conv has 4 filters, the only 4 on its blocks; each edit starts from the last result.
    let shown = '4';
    for (const [typed, kept, note] of [
      ['9999', String(MAX.filters), `Filters can be at most ${MAX.filters}: 9999 became ${MAX.filters}.`],
      ['-3', '1', 'Filters must be at least 1: -3 became 1.'],
    ] as const) {
      await conv
        .first()
        .locator('.blocklyEditableField, .blocklyEditableText')
        .filter({ hasText: new RegExp(`^${shown}$`) })
        .first()
        .click();
      const input = page.locator('.blocklyHtmlInput');
      await input.fill(typed);
      await input.press('Enter');
      await expect.poll(drawnTexts).toContain(note);
      shown = kept;
    }
    // The kept number is the network's: one filter makes a 7x7x1 map (Blockly draws spaces as no-break spaces).
    await expect.poll(drawnTexts).toMatch(/→\s7x7x1\s·/);
    await page.screenshot({ path: 'screenshots/play-changed-number.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the play screen, looked at', { timeout: LONG_TEST_MS }, () => {
  it.each([
    ['desktop', { width: 1280, height: 720 }, false],
    ['phone', { width: 390, height: 844 }, true],
  ] as const)('shows x-vs-o mid-training and its verdict on a %s', async (name, viewport, phone) => {
    const page = await browser().newPage({ viewport, isMobile: phone, hasTouch: phone });
    const errors = collectErrors(page);
    await openXVsOWithPool(page, baseUrl);
    await page.getByLabel('Speed').selectOption('slow');
    const train = page.getByRole('button', { name: 'Train' });
    await train.click();
    // The press shows at once: Train is off and a line says what is going on.
    expect(await train.isDisabled()).toBe(true);
    await expect
      .poll(() => page.locator('.train-activity').textContent())
      .toMatch(/^(Getting ready|Training)/);
    await expect
      .poll(
        async () =>
          Number(/^Step (\d+)/.exec((await page.locator('.viz-step').textContent()) ?? '')?.[1] ?? 0),
        {
          timeout: 90_000,
        },
      )
      .toBeGreaterThan(5);
    // The first steps can give picture 1 and many others the very same votes (picture 1, an X, and
    // picture 10, an O, both "X 85%" at step 12 in one run): train on until some picture's votes
    // differ from picture 1's, and pick that one below.
    await expect
      .poll(async () => new Set(await gridVotes(page)).size, { timeout: 90_000 })
      .toBeGreaterThan(1);
    await page.locator('.train-activity').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/play-${name}-training.png` });
    // Paused, the inside view still follows a picked picture: picture 1 and one voted otherwise, in
    // turn; the other's votes come back unchanged, since paused weights do not move.
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.locator('.train-activity').textContent()).toMatch(/^Paused at step/);
    await expect.poll(() => votes(page)).toHaveLength(2);
    const picture = (n: number) => page.getByRole('button', { name: new RegExp(`^Picture ${n}, `) }).first();
    const paused = await gridVotes(page);
    const other = paused.findIndex((vote) => vote !== paused[0]) + 1;
    expect(other).toBeGreaterThan(1);
    // Each pick brings one answer (no snapshots come while paused): wait for it to differ from the last.
    const shownAfterPicking = async (n: number) => {
      const last = await votes(page);
      await picture(n).click();
      await expect.poll(() => votes(page)).not.toEqual(last);
      return votes(page);
    };
    const o = await shownAfterPicking(other);
    await shownAfterPicking(1);
    await picture(other).click();
    await expect.poll(() => votes(page)).toEqual(o);
    await page.getByLabel('Speed').selectOption('fastest');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect
      .poll(async () => (await page.locator('#status').textContent()) ?? '', { timeout: 120_000 })
      .toMatch(/Level complete|Not yet/);
    await page.locator('.result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/play-${name}-verdict.png` });
    // The verdict always says the rule's outcome in words, and lists what it got wrong if anything.
    expect(await page.locator('.result h2').textContent()).toMatch(/Level complete!|Not yet/);
    // Why? on a wrong picture looks inside the network with it: its votes are the answer it gave.
    const wrong = page.locator('.result figure').first();
    if ((await wrong.count()) > 0) {
      const answer = /called (.+)$/.exec((await wrong.locator('figcaption').textContent()) ?? '')?.[1];
      await wrong.getByRole('button', { name: /^Why\?/ }).click();
      await expect.poll(() => topVote(page)).toBe(answer);
      await expect.poll(() => page.locator('.viz-picture-button[aria-pressed="true"]').count()).toBe(1);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
