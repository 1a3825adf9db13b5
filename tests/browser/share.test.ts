/**
 * Sharing in real Chromium: a trained network shared as a link from one browser opens in a fresh
 * one as the same blocks giving the same votes, before any training; a bad link changes nothing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { editorTexts } from './blockly-drag';
import { collectErrors, useChromium } from './chromium';
import { insideVotes } from './inside-votes';
import { winSlash } from './win-level';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const sortedTexts = (page: Page) => editorTexts(page, { sorted: true });

/** The votes the view shows for the watched picture, as "class percent" lines. */
const votes = insideVotes;

describe('a shared network', () => {
  it('opens in a fresh browser as the same blocks giving the same votes', async () => {
    const sender = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await sender.newPage();
    const errors = collectErrors(page);
    await winSlash(page, baseUrl);
    const sentVotes = await votes(page);
    expect(sentVotes).toHaveLength(2);
    const sentBlocks = await sortedTexts(page);

    await page.getByRole('button', { name: 'Share' }).click();
    expect(await page.getByLabel('Include the trained weights').isChecked()).toBe(true);
    const link = await page.getByLabel('Link').inputValue();
    expect(link).toMatch(/#net=[A-Za-z0-9_-]+$/);
    await page.screenshot({ path: 'screenshots/share-dialog.png' });

    const receiver = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const other = await receiver.newPage();
    const otherErrors = collectErrors(other);
    await other.goto(link.replace(/^.*#/, `${baseUrl}#`));
    const question = other.getByRole('dialog');
    await expect
      .poll(() => question.textContent(), { timeout: 30_000 })
      .toMatch(/network '.*' for Backslash or slash\?: 2 layers, 10 parameters, trained/);
    await other.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => sortedTexts(other), { timeout: 30_000 }).toEqual(sentBlocks);
    await expect.poll(() => votes(other), { timeout: 30_000 }).toEqual(sentVotes);
    await other.screenshot({ path: 'screenshots/share-opened.png', fullPage: true });
    expect(errors).toEqual([]);
    expect(otherErrors).toEqual([]);
    await sender.close();
    await receiver.close();
  });

  it('refuses a broken link with a message and leaves the map as it was', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}#net=not*base64`);
    await expect
      .poll(() => page.locator('#status').textContent(), { timeout: 30_000 })
      .toMatch(/^This link could not be opened: /);
    await expect(page.getByRole('button', { name: /^Level 1: .*not won yet$/ }).count()).resolves.toBe(1);
    expect(page.url()).toMatch(/#\/$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a network file dropped on the page, and one picked in the Import dialog', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const network = {
      kind: 'convblocks/network',
      version: 1,
      name: 'dropped votes',
      level: 'slash-2x2',
      input: [2, 2, 1],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
    };
    await page.goto(baseUrl);
    await page.getByRole('button', { name: /^Level 1: / }).waitFor();
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      return transfer;
    }, JSON.stringify(network));
    await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
    await expect
      .poll(() => page.getByRole('dialog').textContent(), { timeout: 30_000 })
      .toMatch(/network 'dropped votes' for Backslash or slash\?: 2 layers, 10 parameters/);
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => sortedTexts(page), { timeout: 30_000 }).toContain('→ 2 · 10 params');

    // The same network under another name, picked in the Import dialog of the level screen.
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByLabel('File').setInputFiles({
      name: 'picked.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...network, name: 'picked votes' })),
    });
    await expect.poll(() => page.getByRole('dialog').textContent()).toMatch(/network 'picked votes'/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Nothing was opened.');
    expect(errors).toEqual([]);
    await context.close();
  });
});
