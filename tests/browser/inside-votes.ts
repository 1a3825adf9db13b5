/** Reads the votes the views show, for the browser tests that compare or follow them. */
import type { Locator, Page } from 'playwright-core';

/**
 * Brings a part of the training view on screen and waits until it has drawn: the views draw only
 * what is on screen, and a part catches up in the frames after it comes into view (an
 * IntersectionObserver, then a drawn frame).
 */
async function caughtUp(page: Page, part: Locator): Promise<Locator> {
  await part.scrollIntoViewIfNeeded();
  for (let frame = 0; frame < 3; frame++) await page.evaluate(() => new Promise(requestAnimationFrame));
  return part;
}

/** The votes the inside view shows for the watched picture, as "class percent" lines. */
export async function insideVotes(page: Page): Promise<string[]> {
  await caughtUp(page, page.locator('.viz-inside'));
  return page
    .locator('.viz-vote-row')
    .evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

/** The training grid's vote for each picture, in order, as its label words it (for example "X 85%"). */
export async function gridVotes(page: Page): Promise<string[]> {
  const grid = await caughtUp(page, page.locator('.viz-pictures').first());
  const labels = await grid
    .locator('.viz-picture-button')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  return labels.map((label) => /votes (.*?),/.exec(label)?.[1] ?? '');
}
