/**
 * Room to build, measured from the page in real Chromium: at 1280x720 the blocks get most of the
 * height, every built-in level's reference network fits the block area without scrolling it, the
 * curves and the pictures' votes show beside the blocks, nothing fixed covers the page, and a block
 * snapped into the stack never reads "not in the network"; on a phone (390x844, touch) blocks are
 * big enough to touch and read, Train stays in reach, and a swipe beside the blocks scrolls the page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { loadAllBuiltInLevels } from '../../src/game/catalog';
import { encodeNetworkLink } from '../../src/share';
import { levelNetwork, levelTraining } from '../../src/spec';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { dragBlockUnder } from './blockly-drag';
import { collectErrors, useChromium } from './chromium';
import { LEVEL_ORDER, openUnlocked, recordWins } from './unlock';

const baseUrl = inject('baseUrl');
const browser = useChromium();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a level screen shows, in page pixels: the block area, the toolbox, the blocks, the views. */
interface Layout {
  viewport: { width: number; height: number };
  pageHeight: number;
  workspace: Box;
  flyout: Box;
  editor: Box;
  blocks: Box[];
  charts: Box[];
  firstPicture: Box | null;
  zoomButtons: number;
}

/** Measures the level screen on `page`. */
function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const box = (element: Element | null | undefined) => {
      if (!element) return null;
      const r = element.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const must = (selector: string) => {
      const found = box(document.querySelector(selector));
      if (!found) throw new Error(`nothing matches ${selector}`);
      return found;
    };
    const blocks = [...document.querySelectorAll('g.blocklyBlock')]
      .filter((g) => g.closest('.blocklyFlyout') === null)
      .map((g) => box(g.querySelector(':scope > path.blocklyPath')))
      .filter((b) => b !== null);
    return {
      viewport: { width: innerWidth, height: innerHeight },
      pageHeight: document.documentElement.scrollHeight,
      workspace: must('.convblocks-editor__workspace'),
      flyout: must('.blocklyFlyout'),
      editor: must('.editor-panel'),
      blocks,
      charts: [...document.querySelectorAll('.viz-curves canvas[role="img"]')].map((c) => box(c) as Box),
      firstPicture: box(document.querySelector('.viz-picture-button')),
      zoomButtons: document.querySelectorAll('.blocklyZoom').length,
    };
  });
}

/** Whether `inner` lies inside `outer` (a pixel of rounding allowed). */
function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1
  );
}

/** The layout once it has stopped moving over two frames (the editor fits the blocks after drawing them). */
async function settledLayout(page: Page, blockCount: number): Promise<Layout> {
  let last = '';
  for (;;) {
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const now = await layout(page);
    const key = JSON.stringify(now);
    if (now.blocks.length === blockCount && key === last) return now;
    last = key;
  }
}

/** Whether the element found at each edge and the centre of `selector`'s box is that element or inside it. */
function uncovered(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const target = document.querySelector(selector);
    if (!target) return false;
    const r = target.getBoundingClientRect();
    // The middle of each edge (the corners are rounded off) and the centre.
    const [cx, cy] = [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
    const points = [
      [cx, r.top + 2],
      [cx, r.bottom - 2],
      [r.left + 2, cy],
      [r.right - 2, cy],
      [cx, cy],
    ] as const;
    return points.every(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && target.contains(hit);
    });
  }, selector);
}

/** Every element the page positions as fixed (an overlay that covers whatever scrolls under it). */
function fixedElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => getComputedStyle(e).position === 'fixed' && e.getBoundingClientRect().height > 0)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );
}

describe('room to build at 1280x720', { timeout: LONG_TEST_MS }, () => {
  // Thirteen levels opened one after the other: twice the time of one long test.
  it('fits every reference network in the block area, with the curves and the votes beside it', {
    timeout: 2 * LONG_TEST_MS,
  }, async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    const levels = (await loadAllBuiltInLevels()).filter((level) => level.reference);
    expect(levels.length).toBeGreaterThanOrEqual(13);
    // The first page of a run waits for the dev server to bundle the game: longer than a page load.
    await page.goto(baseUrl, { timeout: 120_000 });
    // Every level open, as for a player who has won the path so far.
    await recordWins(page, baseUrl, Object.fromEntries(LEVEL_ORDER.map((id) => [id, 1])));
    await page.reload({ timeout: 120_000 });
    const shares: string[] = [];
    for (const level of levels) {
      const layers = level.reference?.layers ?? [];
      const network = levelNetwork(level, layers, levelTraining(level));
      await page.goto(`${baseUrl}${encodeNetworkLink(network, { withWeights: false }).hash}`);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(level.title);
      await page.locator('.convblocks-editor__workspace').waitFor();
      const seen = await settledLayout(page, layers.length + 1);
      const { workspace, flyout, blocks, viewport } = seen;
      shares.push(`${level.id} ${Math.round((workspace.height / viewport.height) * 100)}%`);
      // Most of the height is the block area's, and the page itself does not scroll.
      expect(workspace.height / viewport.height, level.id).toBeGreaterThan(0.6);
      expect(seen.pageHeight, level.id).toBeLessThanOrEqual(viewport.height);
      // Every block of the network is inside the block area, right of the toolbox, none under it.
      const free = { ...workspace, x: flyout.x + flyout.width, width: workspace.width - flyout.width };
      for (const block of blocks)
        expect(inside(block, free), `${level.id} ${JSON.stringify(block)}`).toBe(true);
      expect(seen.zoomButtons, 'no zoom buttons drawn over the blocks').toBe(0);
      // Both curves and the first picture with its vote are on screen, beside the blocks.
      const screen = { x: 0, y: 0, ...viewport };
      const beside = (b: Box) => inside(b, screen) && b.x >= seen.editor.x + seen.editor.width;
      expect(seen.charts, level.id).toHaveLength(2);
      for (const chart of seen.charts) expect(beside(chart), `${level.id} curves`).toBe(true);
      expect(seen.firstPicture && beside(seen.firstPicture), `${level.id} votes`).toBe(true);
    }
    console.info(`block area share of the height: ${shares.join(', ')}`);
    // One picture for a person to look at: the last level's reference network (the loop checks them all).
    await page.screenshot({ path: 'screenshots/room-last-reference-1280.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('covers nothing with a fixed bar: Start building shows whole, the status line above the page', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    await openUnlocked(page, baseUrl, 'x-vs-o');
    const start = page.getByRole('button', { name: 'Start building' });
    await start.waitFor();
    // The intro announces the level in the status region, which keeps its role and text.
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('X or O?');
    await start.scrollIntoViewIfNeeded();
    expect(await uncovered(page, '.level-intro button.primary')).toBe(true);
    expect(await fixedElements(page)).toEqual([]);
    await start.click();
    await page.locator('.blocklyWorkspace g.convblocks_conv').first().waitFor();
    expect(await fixedElements(page)).toEqual([]);
    for (const name of ['Train', 'Back to map', 'Undo']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      const status = await page.locator('#status').boundingBox();
      expect(box && status && box.y >= status.y + status.height, name).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never marks a block snapped into the stack as left out, and marks one dropped aside', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors = collectErrors(page);
    await openUnlocked(page, baseUrl, 'x-vs-o');
    await page.getByRole('button', { name: 'Start building' }).click();
    await page.locator('.blocklyWorkspace g.convblocks_conv').first().waitFor();
    // Every text the blocks ever show is noted, however briefly it shows.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { loose: string[] }).loose = seen;
      const note = () => {
        for (const t of document.querySelectorAll('.blocklySvg text')) {
          // Blockly draws spaces as no-break spaces.
          const text = (t.textContent ?? '').replace(/\s+/g, ' ');
          if (text.includes('not in the network')) seen.push(text);
        }
      };
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    const loose = () => page.evaluate(() => (window as unknown as { loose: string[] }).loose.length);
    await dragBlockUnder(page, 'relu', 'conv');
    await expect
      .poll(() => page.locator('.blocklySvg text', { hasText: '7x7x4 · 0 params' }).count())
      .toBe(1);
    expect(await loose()).toBe(0);

    // The same watch sees a block dropped away from the stack: it is marked as left out.
    const from = await page.locator('.blocklyFlyout g.convblocks_flatten > path.blocklyPath').boundingBox();
    const area = await page.locator('.convblocks-editor__workspace').boundingBox();
    if (!from || !area) throw new Error('no Flatten in the toolbox, or no block area');
    await page.mouse.move(from.x + 10, from.y + 10);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 20, { steps: 5 });
    await page.mouse.move(area.x + area.width - 80, area.y + 15, { steps: 15 });
    await page.mouse.up();
    await expect.poll(loose).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a phone at 390x844 with touch', { timeout: LONG_TEST_MS }, () => {
  it('has blocks to touch and read, Train in reach, and a page that scrolls beside the blocks', async () => {
    const page = await browser().newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const errors = collectErrors(page);
    await openUnlocked(page, baseUrl, 'x-vs-o');
    await page.getByRole('button', { name: 'Start building' }).click();
    await page.locator('.blocklyWorkspace g.convblocks_conv').first().waitFor();
    await settledLayout(page, 4);
    // Every block, in the toolbox and in the network: at least 44 px tall, its words at least 12 px.
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('g.blocklyBlock')].map((g) => {
        const outline = g.querySelector(':scope > path.blocklyPath')?.getBoundingClientRect();
        const texts = [...g.querySelectorAll<SVGTextElement>(':scope > g > text, :scope > text')].map(
          (t) => Number.parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0),
        );
        return { type: g.classList[1], height: outline?.height ?? 0, smallestText: Math.min(...texts) };
      }),
    );
    expect(sizes.length).toBeGreaterThanOrEqual(9);
    for (const size of sizes) {
      expect(size.height, JSON.stringify(size)).toBeGreaterThanOrEqual(44);
      expect(size.smallestText, JSON.stringify(size)).toBeGreaterThanOrEqual(12);
    }
    const train = page.getByRole('button', { name: 'Train', exact: true });
    const inView = async () => {
      const box = await train.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 844;
    };
    expect(await inView()).toBe(true);

    // A swipe up over the level's concept, beside the blocks, scrolls the page; one over the blocks
    // is theirs (it moves the block area), so the page stays.
    const session = await page.context().newCDPSession(page);
    const swipeUp = async (selector: string) => {
      const box = await page.locator(selector).first().boundingBox();
      if (!box) throw new Error(`nothing to swipe on at ${selector}`);
      const [x, y] = [Math.round(box.x + box.width / 2), Math.round(box.y + Math.min(box.height / 2, 40))];
      await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 1; i <= 10; i++) {
        await session.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x, y: y - i * 25 }],
        });
      }
      await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const scrolled = () => page.evaluate(() => scrollY);
    await swipeUp('.convblocks-editor__workspace .blocklyMainBackground');
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(await scrolled()).toBe(0);
    await swipeUp('.level-header .level-concept');
    await expect.poll(scrolled).toBeGreaterThan(100);
    // Scrolled on to the curves and the pictures, Train is still there, over nothing it hides for good.
    await page.locator('.viz-curves').scrollIntoViewIfNeeded();
    await page.locator('.viz-pictures').first().scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(800);
    expect(await inView()).toBe(true);
    expect(await uncovered(page, '.workbench-controls button.primary')).toBe(true);
    expect(await fixedElements(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
