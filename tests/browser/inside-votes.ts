/** Reads the votes the inside view shows, for the browser tests that compare or follow them. */
import type { Page } from 'playwright-core';

/** The votes the inside view shows for the watched picture, as "class percent" lines. */
export async function insideVotes(page: Page): Promise<string[]> {
  // The inside view draws only while it is on screen (it catches up when scrolled to): look at it.
  await page.locator('.viz-inside').scrollIntoViewIfNeeded();
  // It catches up in the frames after it comes into view (an IntersectionObserver, then a drawn frame).
  for (let frame = 0; frame < 3; frame++) await page.evaluate(() => new Promise(requestAnimationFrame));
  return page
    .locator('.viz-vote-row')
    .evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').replace(/\s+/g, ' ').trim()));
}
