/**
 * The level screen's line about the player's best on this level ("Won with 2 of 3 stars"). It
 * redraws when this tab records a result and when another tab's write is heard, so a level won in
 * one tab shows as won in every tab that has it open.
 */
import { MAX_STARS, type PlayerStore, type ProgressRecord } from '../storage';
import { el } from '../ui';

/** The words for a progress record, or for none. */
export function bestText(progress: ProgressRecord | undefined): string {
  if (!progress?.won) return 'Not won yet';
  return `Won with ${progress.stars} of ${MAX_STARS} stars`;
}

/** The line, drawn now; `redraw` after this tab's own writes, `dispose` when the screen goes. */
export function levelBestLine(
  levelId: string,
  store: Pick<PlayerStore, 'progress' | 'onContentsChange'>,
): { readonly element: HTMLElement; redraw(): void; dispose(): void } {
  const element = el('p', { class: 'level-best' });
  const redraw = () => {
    const progress = store.progress(levelId);
    element.textContent = bestText(progress);
    element.classList.toggle('won', progress?.won === true);
  };
  redraw();
  const stop = store.onContentsChange(redraw);
  return { element, redraw, dispose: stop };
}
