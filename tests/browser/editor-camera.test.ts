/**
 * Camera capture in the level editor, in real Chromium with its fake camera (a moving test
 * picture): a class's shutter adds the frame at the level's size and colours, keys work, the camera
 * goes off when the panel closes or the page goes to another screen, and a refused camera is said so.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './chromium';
import { openLevelEditor, savedLevels } from './level-editor';

const SCREENSHOTS = 'screenshots';
const SIDE = 8;

interface SavedLevel {
  input: number[];
  blank: number;
  train: { label: string; picture: number[][][] }[];
  test: { label: string; picture: number[][][] }[];
}

/** Every camera stream the page was given is remembered, so a test can see whether it was stopped. */
function rememberStreams(): void {
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia.bind(devices);
  const streams: MediaStream[] = [];
  (window as unknown as { cameraStreams: MediaStream[] }).cameraStreams = streams;
  devices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    streams.push(stream);
    return stream;
  };
}

/** How many camera tracks the page was given, and how many of them are still live. */
function cameraTracks(target: Page): Promise<{ given: number; live: number }> {
  return target.evaluate(() => {
    const streams = (window as unknown as { cameraStreams: MediaStream[] }).cameraStreams;
    const tracks = streams.flatMap((s) => s.getTracks());
    return { given: tracks.length, live: tracks.filter((t) => t.readyState === 'live').length };
  });
}

describe.skipIf(!hasChromium)('taking pictures with the camera in the level editor', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchChromium({ fakeCamera: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(rememberStreams);
    ({ page, errors } = await openLevelEditor(context));
    await page.getByLabel('Title', { exact: true }).fill('Camera level');
    await page.getByLabel('Picture size (pixels per side)').fill(String(SIDE));
    await page.getByLabel('Picture size (pixels per side)').press('Tab');
    await page.getByLabel('Colour (red, green, blue)').check();
    await page.getByRole('tab', { name: '2. Pictures' }).click();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the camera picture at the level size and adds it to the class whose shutter is pressed', async () => {
    await page.getByRole('button', { name: 'Camera' }).click();
    await page.locator('.editor-camera-status', { hasText: 'The camera is on' }).waitFor();
    expect(await page.locator('.editor-camera figure').textContent()).toContain(
      `${SIDE}x${SIDE} pixels, colour, a blank pixel counting as -1`,
    );
    await page.getByRole('button', { name: 'Take a picture of "B" (training pictures)' }).click();
    await page.locator('.editor-set[data-class="1"][data-set="train"] .editor-thumb').waitFor();
    await page.locator('.editor-save-status', { hasText: 'Saved in this browser' }).waitFor();
    const [level] = await savedLevels<SavedLevel>(page);
    expect(level?.train.map((e) => e.label)).toEqual(['B']);
    expect(level?.input).toEqual([SIDE, SIDE, 3]);
    const taken = level?.train[0]?.picture ?? [];
    expect([taken.length, taken[0]?.length, taken[0]?.[0]?.length]).toEqual([SIDE, SIDE, 3]);
    // The fake camera's picture is not all blank (-1): some light came through.
    expect(taken.flat(2).some((v) => v > -1)).toBe(true);
    await page.evaluate(() => document.querySelector('.editor-camera')?.scrollIntoView());
    await page.screenshot({ path: `${SCREENSHOTS}/editor-camera-1280.png` });
  });

  it('takes a hidden test picture with a key, from the keyboard alone', async () => {
    await page.getByRole('radio', { name: 'Hidden test pictures' }).check();
    await page.getByRole('button', { name: 'Take a picture of "A" (hidden test pictures)' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('2');
    await page.locator('.editor-set[data-class="1"][data-set="test"] .editor-thumb').waitFor();
    expect(await page.locator('.editor-set[data-class="0"][data-set="test"] .editor-thumb').count()).toBe(1);
  });

  it('fits the narrow screen of a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => document.querySelector('.editor-camera')?.scrollIntoView());
    await page.screenshot({ path: `${SCREENSHOTS}/editor-camera-390.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('turns the camera off when the panel closes (Escape)', async () => {
    await page.getByRole('button', { name: /Take a picture of "A"/ }).focus();
    await page.keyboard.press('Escape');
    await page.locator('.editor-camera').waitFor({ state: 'detached' });
    expect(await cameraTracks(page)).toEqual({ given: 1, live: 0 });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Camera');
  });

  it('turns the camera off when the page goes to another screen', async () => {
    await page.getByRole('button', { name: 'Camera' }).click();
    await page.locator('.editor-camera-status', { hasText: 'The camera is on' }).waitFor();
    expect(await cameraTracks(page)).toEqual({ given: 2, live: 1 });
    await page.getByRole('button', { name: 'Back to map' }).click();
    await page.waitForSelector('body[data-ready="#/"]');
    expect(await cameraTracks(page)).toEqual({ given: 2, live: 0 });
    expect(errors).toEqual([]);
  });

  it('says so when the camera is refused, and adds nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    const { page: refused, errors: refusedErrors } = await openLevelEditor(context);
    await refused.getByRole('tab', { name: '2. Pictures' }).click();
    await refused.getByRole('button', { name: 'Camera' }).click();
    const alert = refused.locator('.editor-camera [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The camera was refused.');
    expect(await refused.locator('.editor-shutter:enabled').count()).toBe(0);
    expect(await refused.locator('.editor-thumb').count()).toBe(0);
    expect(refusedErrors).toEqual([]);
    await context.close();
  });

  it('says so when the browser has no camera at all', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
    });
    const { page: none } = await openLevelEditor(context);
    await none.getByRole('tab', { name: '2. Pictures' }).click();
    await none.getByRole('button', { name: 'Camera' }).click();
    await none.locator('.editor-camera [role="alert"]', { hasText: 'No camera was found.' }).waitFor();
    await context.close();
  });
});
