import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { workedExamples } from '../fixtures';
import { collectErrors, hasChromium, launchChromium } from './chromium';

describe.skipIf(!hasChromium)('the backends agree in a Chromium worker', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let compared: Record<string, string[] | string>;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}tests/browser/pages/worker-agree.html`);
    await page.waitForFunction(() => 'agreePage' in window);
    compared = await page.evaluate(() => window.agreePage.compareWithCpu(1e-4));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('compares every worked example and the random network', () => {
    // Each worked example, eight forward outputs, six gradients, three weighted layers stepped.
    expect(Number(compared.outputs)).toBe(workedExamples.length + 8 + 6 + 3);
  });

  it.each(['wasm', 'webgl'])('%s matches cpu within 1e-4 relative', (backend) => {
    expect(compared[backend]).toEqual([]);
  });

  it('logs no errors on the page', () => {
    expect(errors).toEqual([]);
  });
});
