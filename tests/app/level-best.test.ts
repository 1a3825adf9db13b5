// @vitest-environment jsdom
/**
 * The level screen's "Won with N of 3 stars" line (issue 18): it shows this tab's best and redraws
 * when another tab on the same database wins the level, heard over the change channel.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { bestText, levelBestLine } from '../../src/app/level-best';
import { openTestStore, win } from '../storage/helpers';

const loss = { won: false, stars: 0, accuracy: 0.5, params: 10, steps: 300 };

describe('the level screen’s best line', () => {
  it('says not won yet for no record and for a loss, and the stars of a win', () => {
    expect(bestText(undefined)).toBe('Not won yet');
    expect(bestText({ won: false, stars: 0 } as Parameters<typeof bestText>[0])).toBe('Not won yet');
    expect(bestText({ won: true, stars: 2 } as Parameters<typeof bestText>[0])).toBe('Won with 2 of 3 stars');
  });

  it('redraws when another tab wins the level, and a loss here does not take it back', async () => {
    const factory = new IDBFactory();
    const tabA = await openTestStore(factory);
    const tabB = await openTestStore(factory);
    const line = levelBestLine('slash-2x2', tabB);
    expect(line.element.textContent).toBe('Not won yet');
    const heard = new Promise<void>((resolve) => {
      const stop = tabB.onContentsChange(() => {
        stop();
        resolve();
      });
    });
    await tabA.recordResult('slash-2x2', win({ stars: 2 }));
    await heard;
    expect(line.element.textContent).toBe('Won with 2 of 3 stars');
    expect(line.element.classList.contains('won')).toBe(true);

    await tabB.recordResult('slash-2x2', loss);
    line.redraw();
    expect(line.element.textContent).toBe('Won with 2 of 3 stars');
    line.dispose();
  });

  it('stops listening once disposed', async () => {
    const factory = new IDBFactory();
    const tabA = await openTestStore(factory);
    const tabB = await openTestStore(factory);
    const line = levelBestLine('slash-2x2', tabB);
    line.dispose();
    const heard = new Promise<void>((resolve) => {
      const stop = tabB.onContentsChange(() => {
        stop();
        resolve();
      });
    });
    await tabA.recordResult('slash-2x2', win({ stars: 3 }));
    await heard;
    expect(line.element.textContent).toBe('Not won yet');
  });
});
