// The first screen as a player meets it: the production build served by `vite preview`, the
// gzipped JavaScript the map loads, the time until its level buttons are there, and the time from
// a click on level 1 to the level's screen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';

/** The section's title and columns, as the other sections print them. */
export const FIRST_SCREEN = {
  name: 'first screen (production build)',
  columns: ['gzipped JS on the map', 'JS files', 'map buttons ready', 'click to level screen', 'aim'],
};

/** Builds the game, opens the map in a fresh page and returns the section's one row. */
export async function measureFirstScreen(browser) {
  const outDir = mkdtempSync(join(tmpdir(), 'convblocks-bench-'));
  try {
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
    const server = await preview({
      logLevel: 'error',
      preview: { port: 0, host: '127.0.0.1' },
      build: { outDir },
    });
    const url = server.resolvedUrls?.local[0];
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      const scripts = [];
      page.on('response', (response) => {
        if (response.url().endsWith('.js'))
          scripts.push(response.body().then((body) => gzipSync(body).length));
      });
      const started = Date.now();
      await page.goto(url);
      const level = page.getByRole('button', { name: /^Level 1: / });
      await level.waitFor();
      const ready = Date.now() - started;
      const mapBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
      const mapFiles = scripts.length;
      const clicked = Date.now();
      await level.click();
      await page
        .getByRole('button', { name: /^(Start building|Back to map)$/ })
        .first()
        .waitFor();
      const answered = Date.now() - clicked;
      await context.close();
      return [
        `${(mapBytes / 1024).toFixed(0)} KB`,
        String(mapFiles),
        `${ready} ms`,
        `${answered} ms`,
        'at most 450 KB gzipped',
      ];
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
