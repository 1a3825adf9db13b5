/**
 * Issue 13, point 10, in real Chromium: the map at desktop and phone sizes, a locked level opened
 * by its address (it stays locked and says what opens it), the reason Train is off read out with
 * the button, and a win's celebration that moves nothing when the player asks for less motion.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { dragBlockUnder } from './blockly-drag';
import { collectErrors, useChromium } from './chromium';
import { LEVEL_ORDER, recordWins } from './unlock';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const status = (page: Page) => page.locator('#status');

/** The text of what Train's aria-describedby points at, or null when it points at nothing. */
const trainDescription = (page: Page) =>
  page.evaluate(() => {
    const train = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Train');
    const ids = train?.getAttribute('aria-describedby');
    if (!ids) return null;
    return ids
      .split(/\s+/)
      .map((id) => {
        const target = document.getElementById(id);
        return target && !target.hidden ? (target.textContent ?? '') : '';
      })
      .join(' ')
      .trim();
  });

/** Starts recording the names of the CSS animations that start on the page. */
const recordAnimations = (page: Page) =>
  page.evaluate(() => {
    const names: string[] = [];
    (globalThis as { startedAnimations?: string[] }).startedAnimations = names;
    document.addEventListener('animationstart', (event) => names.push(event.animationName), true);
  });
const startedAnimations = (page: Page) =>
  page.evaluate(() => [...new Set((globalThis as { startedAnimations?: string[] }).startedAnimations ?? [])]);

describe('the map', { timeout: LONG_TEST_MS }, () => {
  it.each([
    ['desktop', { width: 1280, height: 720 }, false],
    ['phone', { width: 390, height: 844 }, true],
  ] as const)('shows the road and the stars on a %s', async (name, viewport, phone) => {
    const context = await browser().newContext({ viewport, isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await recordWins(page, baseUrl, { 'slash-2x2': 3, 'four-ways-2x2': 2, 'checker-2x2': 1, 'lines-5x5': 2 });
    await page.reload();
    const levelFive = page.getByRole('button', { name: /^Level 5: .*, not won yet$/ });
    await expect.poll(() => levelFive.count(), { timeout: 30_000 }).toBe(1);
    // Four won, the fifth open: every later built-in level is locked.
    expect(await page.getByRole('button', { name: /, locked$/ }).count()).toBe(LEVEL_ORDER.length - 5);
    await page.locator('.map-canvas canvas').waitFor();
    await page.screenshot({ path: `screenshots/map-road-${name}.png`, fullPage: phone });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a locked level opened by its address', { timeout: LONG_TEST_MS }, () => {
  it('stays locked, says which win opens it, and takes the keyboard back to the map', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}#/level/x-vs-o`, { timeout: 120_000 });
    const heading = page.getByRole('heading', { name: 'X or O? is locked' });
    await heading.waitFor({ timeout: 30_000 });
    const place = LEVEL_ORDER.indexOf('x-vs-o') + 1;
    const before = JSON.parse(readFileSync(`levels/${LEVEL_ORDER[place - 2]}.json`, 'utf8')).title;
    const message = `Level ${place}, "X or O?", is locked. Win level ${place - 1}, "${before}", to open it.`;
    expect(await page.locator('.locked-note').textContent()).toContain(message);
    await expect.poll(() => status(page).textContent()).toBe(message);
    // Nothing to build or train here, so no win can count.
    expect(await page.getByRole('button', { name: 'Train' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start building' }).count()).toBe(0);
    expect(await page.locator('.blocklyWorkspace').count()).toBe(0);
    await page.screenshot({ path: 'screenshots/locked-level-390.png' });
    // The keyboard is on the way back; Enter takes it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Back to map');
    expect(await page.getByRole('button', { name: 'Play level 1: Backslash or slash?' }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: /^Level 6: .*, locked$/ }).count()).toBe(1);
    expect(page.url()).toBe(`${baseUrl}#/`);

    // Once the level before it is won (and so the ones before that), the same address opens it to play.
    await recordWins(page, baseUrl, Object.fromEntries(LEVEL_ORDER.slice(0, place - 1).map((id) => [id, 1])));
    await page.goto(`${baseUrl}#/level/x-vs-o`);
    await page.reload();
    await page.getByRole('button', { name: 'Start building' }).waitFor({ timeout: 30_000 });
    expect(await heading.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Train and a win', { timeout: LONG_TEST_MS }, () => {
  it('reads out why Train is off, celebrates a win without moving focus, and keeps still when asked', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}#/level/slash-2x2`, { timeout: 120_000 });
    await page.getByRole('button', { name: 'Start building' }).click();
    await page.locator('.blocklyFlyout g.convblocks_dense').first().waitFor();
    const train = page.getByRole('button', { name: 'Train' });
    // The starter's Flatten cannot vote: Train is off, and its description is the reason on screen.
    await expect.poll(() => train.isDisabled()).toBe(true);
    const reason = (await page.locator('#train-blocker').textContent()) ?? '';
    expect(reason.length).toBeGreaterThan(10);
    expect(await trainDescription(page)).toBe(reason);

    await dragBlockUnder(page, 'dense', 'flatten');
    await expect.poll(() => train.isEnabled()).toBe(true);
    expect(await trainDescription(page)).toBeNull();

    // The win: the stars fill in and pixels burst. Slowed right down here, so a busy machine's slow
    // frames cannot finish it unseen, and caught mid-flight for the screenshot.
    await recordAnimations(page);
    await page.addStyleTag({
      content: '.win-burst span, .celebrate .star.earned { animation-duration: 600s !important; }',
    });
    await train.click();
    await page.locator('.result.won .win-burst').waitFor({ state: 'attached', timeout: 90_000 });
    await expect.poll(() => startedAnimations(page)).toEqual(expect.arrayContaining(['burst']));
    await page.evaluate(() => {
      for (const a of document.getAnimations()) {
        const name = (a as CSSAnimation).animationName;
        if (name !== 'burst' && name !== 'star-fill') continue;
        a.pause();
        a.currentTime = name === 'burst' ? 240_000 : 600_000;
      }
    });
    await page.screenshot({ path: 'screenshots/win-celebration-1280.png' });
    expect(await page.locator('.win-burst').getAttribute('aria-hidden')).toBe('true');
    await page.evaluate(() => {
      for (const a of document.getAnimations()) a.finish();
    });
    // Focus stays on Next level; the burst goes once flown; the status region says the verdict.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next level');
    await expect.poll(() => page.locator('.win-burst').count()).toBe(0);
    expect(await startedAnimations(page)).toEqual(expect.arrayContaining(['star-fill', 'burst']));
    await expect.poll(() => status(page).textContent()).toMatch(/^Level complete/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next level');

    // Asked for less motion, the next win shows its stars at once and nothing flies.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => page.locator('.result').count()).toBe(0);
    await recordAnimations(page);
    await train.click();
    await page.locator('.result.won').waitFor({ timeout: 90_000 });
    expect(await page.locator('.win-burst').count()).toBe(0);
    const starAnimation = await page
      .locator('.result.won .star.earned')
      .first()
      .evaluate((star) => getComputedStyle(star).animationName);
    expect(starAnimation).toBe('none');
    expect(await startedAnimations(page)).not.toEqual(expect.arrayContaining(['star-fill']));
    expect(await startedAnimations(page)).not.toEqual(expect.arrayContaining(['burst']));
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Next level');
    expect(errors).toEqual([]);
    await context.close();
  });
});
