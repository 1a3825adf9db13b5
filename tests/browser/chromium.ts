/** Launches Debian's Chromium through playwright-core with the flags this machine needs. */
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether a Chromium is installed to run the browser tests with. */
export const hasChromium = existsSync(EXECUTABLE);

/** What a test may ask of the Chromium it launches. */
export interface LaunchOptions {
  /**
   * A fake camera that every page may use without asking: Chromium's own test picture (a moving
   * pattern), so the camera path runs on a machine with no camera and nobody to press "Allow".
   */
  readonly fakeCamera?: boolean;
}

/** A headless Chromium with WebGL 2 through SwiftShader (software), also inside workers. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-gl=angle',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      ...(options.fakeCamera ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] : []),
    ],
  });
}

/** Collects the page's console errors and uncaught exceptions, so a test can assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * One Chromium for the calling test file: launched before its tests, closed after them. Screenshots
 * go to `screenshots/` (git-ignored). Returns a getter for the browser.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync('screenshots', { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: call useChromium() at the top of the file');
    return browser;
  };
}
