/**
 * Drags Blockly blocks as a player does, with real mouse events: from a block in the toolbox flyout
 * to the bottom of a block in the editor, where Blockly snaps it into the stack.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The block's own outline (not its children's), in page pixels, found by block type. */
async function blockBox(page: Page, type: string, where: 'flyout' | 'workspace', nth = 0): Promise<Box> {
  const box = await page.evaluate(
    ({ type, where, nth }) => {
      const blocks = [...document.querySelectorAll<SVGGElement>(`g.blocklyBlock.${type}`)].filter(
        (g) => (g.closest('.blocklyFlyout') !== null) === (where === 'flyout'),
      );
      const block = blocks[nth];
      const outline = block?.querySelector(':scope > path.blocklyPath');
      if (!outline) return null;
      const r = outline.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    { type: `convblocks_${type}`, where, nth },
  );
  if (!box) throw new Error(`no ${type} block in the ${where}`);
  return box;
}

/**
 * Waits until the block's box is the same over two animation frames: the editor may still be
 * laying itself out or scrolling the flyout after a screen opens, and a box measured mid-move sends
 * the drop somewhere else.
 */
async function settledBox(page: Page, type: string, where: 'flyout' | 'workspace', nth = 0): Promise<Box> {
  let last = await blockBox(page, type, where, nth);
  for (;;) {
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const now = await blockBox(page, type, where, nth);
    if (now.x === last.x && now.y === last.y && now.width === last.width && now.height === last.height)
      return now;
    last = now;
  }
}

/** How many `type` blocks of the editor sit in a `below` block's stack (drawn inside its group). */
function attachedCount(page: Page, type: string, below: string): Promise<number> {
  return page.evaluate(
    ({ type, below }) =>
      [...document.querySelectorAll(`g.blocklyBlock.${below} g.blocklyBlock.${type}`)].filter(
        (g) => g.closest('.blocklyFlyout') === null,
      ).length,
    { type: `convblocks_${type}`, below: `convblocks_${below}` },
  );
}

/** Drags a block of `type` from the flyout and drops it right under the `nth` `below` block of the editor. */
export async function dragBlockUnder(page: Page, type: string, below: string, nth = 0): Promise<void> {
  await settledBox(page, below, 'workspace', nth);
  const attachedBefore = await attachedCount(page, type, below);
  const from = await settledBox(page, type, 'flyout');
  const grab = { x: from.x + 12, y: from.y + 12 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 30, grab.y + 10, { steps: 5 });
  // Measured once the drag has begun: picking a block up may scroll the page to it.
  const target = await blockBox(page, below, 'workspace', nth);
  // The dragged block's top-left goes to the target's bottom-left, where its next connection is.
  await page.mouse.move(target.x + 12, target.y + target.height + 12, { steps: 15 });
  await page.mouse.up();
  // Said here, and in these words, rather than later as "Train stays disabled".
  await expect
    .poll(() => attachedCount(page, type, below), {
      message: `the dragged ${type} block snaps under the ${below} block`,
    })
    .toBeGreaterThan(attachedBefore);
}

/** Picks `option` in the dropdown showing `current` on the `nth` block of `type` in the editor. */
export async function chooseInDropdown(page: Page, type: string, current: string, option: string, nth = 0) {
  const field = page
    .locator(`.blocklyWorkspace:not(.blocklyFlyout .blocklyWorkspace) g.blocklyBlock.convblocks_${type}`)
    .nth(nth)
    .locator('text.blocklyDropdownText', { hasText: current })
    .first();
  await field.click();
  const choice = page.getByRole('option', { name: option, exact: true });
  await choice.click();
  // The menu fades out; a press while it is still there would only close it.
  await choice.waitFor({ state: 'hidden' });
}

/**
 * The texts drawn on the editor's blocks (not the toolbox's), whitespace made plain. `sorted` gives
 * them in a fixed order: dragged blocks are drawn after loaded ones, so two equal networks can list
 * them in different orders.
 */
export function editorTexts(page: Page, options: { sorted?: boolean } = {}): Promise<string[]> {
  return page.evaluate((sorted) => {
    const texts = [...document.querySelectorAll('.blocklySvg text')]
      .filter((t) => !t.closest('.blocklyFlyout'))
      .map((t) => (t.textContent ?? '').replace(/\s+/g, ' '));
    return sorted ? texts.sort() : texts;
  }, options.sorted ?? false);
}
