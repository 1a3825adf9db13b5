/**
 * A level with a filter cap (`limits.maxFilterSize`, level version 3) in real Chromium: the intro
 * says the cap, the toolbox's Conv starts at it, and a starter Conv over it is marked and keeps
 * Train off, saying what to do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { bytesToBase64url } from '../../src/share/base64url';
import { deflateText } from '../../src/share/compress';
import { collectErrors, useChromium } from './chromium';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const linkOf = (document: object) => `#level=${bytesToBase64url(deflateText(JSON.stringify(document)))}`;

// x-vs-o, whose starter has a 3x3 Conv, capped at 2x2.
const xVsO = JSON.parse(readFileSync('levels/x-vs-o.json', 'utf8'));
const capped = { ...xVsO, version: 3, id: 'capped-x', title: 'Capped X' };
capped.limits = { ...xVsO.limits, maxFilterSize: 2 };

describe('a level with a filter cap', () => {
  it('says the cap, offers a Conv at it and marks a larger one', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    // The first page of a run waits for the dev server to bundle the game: longer than a page load.
    await page.goto(`${baseUrl}${linkOf(capped)}`, { timeout: 120_000 });
    await page.getByRole('button', { name: 'Open' }).click();
    const line = 'Conv filters are at most 2x2 on this level.';
    await page.locator('.level-intro p', { hasText: line }).waitFor();
    await page.getByRole('button', { name: 'Start building' }).click();

    const reason = 'filters are at most 2x2 on this level but this one is 3x3: make it smaller';
    await page.locator('#train-blocker', { hasText: reason }).waitFor();
    await page.screenshot({ path: 'screenshots/filter-cap-play.png' });
    expect(await page.getByRole('button', { name: 'Train' }).isEnabled()).toBe(false);
    // The play screen says the cap on the block that breaks it, not on a line of its own.
    expect(await page.locator('.training-panel .level-limits').count()).toBe(0);
    const flyoutConv = page.locator('.blocklyFlyout g.convblocks_conv').first();
    expect(await flyoutConv.textContent()).toMatch(/size\s*2\s*stride/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
