import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, hasChromium, launchChromium } from './chromium';

describe.skipIf(!hasChromium)('the training worker in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}tests/browser/pages/worker.html`);
    await page.waitForFunction(() => 'workerPage' in window);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(['plain', 'wasm', 'cpu', 'webgl'] as const)(
    'trains X vs O to the goal on %s in the worker',
    async (backend) => {
      const outcome = await page.evaluate((b) => window.workerPage.train(b), backend);
      expect(outcome.report).toMatchObject({ backend, forced: true });
      expect(outcome.end).toMatchObject({ type: 'done', reason: 'learned' });
      expect(outcome.lastProgress?.trainAccuracy).toBe(1);
    },
  );

  it('sends progress, snapshot, backend and done events across the boundary', async () => {
    const outcome = await page.evaluate(() => window.workerPage.train('cpu'));
    expect([...outcome.eventTypes].sort()).toEqual(['backend', 'done', 'progress', 'snapshot']);
  });

  it('starts at once on the path expected fastest and says the others are being timed', async () => {
    const outcome = await page.evaluate(() => window.workerPage.train('auto'));
    expect(outcome.report).toMatchObject({ backend: 'plain', forced: false, measurements: [] });
    expect(outcome.report.summary).toMatch(
      /expected fastest for a network this size; the others are being timed/,
    );
    expect(outcome.end).toMatchObject({ type: 'done', reason: 'learned' });
  });

  it('survives WebGL losing its context mid-training and tells the player', async () => {
    const outcome = await page.evaluate(() => window.workerPage.trainThroughContextLoss());
    expect(outcome.lost).toBe(true);
    expect(outcome.backendEvents.at(-1)?.summary).toMatch(/^WebGL lost its context/);
    expect(outcome.backendEvents.at(-1)?.backend).not.toBe('webgl');
    expect(outcome.end).toMatchObject({ type: 'done', reason: 'learned' });
  });

  it('replaces a worker killed mid-training and trains on to the goal', async () => {
    const outcome = await page.evaluate(() => window.workerPage.trainThroughWorkerDeath());
    expect(outcome.interrupted.type).toBe('error');
    expect(outcome.statuses).toContain('restarting');
    expect(outcome.workers).toBe(2);
    expect(outcome.end).toMatchObject({ type: 'done', reason: 'learned' });
  });

  it('keeps TensorFlow.js off the main page', async () => {
    expect(await page.evaluate(() => window.workerPage.mainPageHasTensorFlow())).toBe(false);
  });

  it('logs no errors on the page', () => {
    expect(errors).toEqual([]);
  });
});
