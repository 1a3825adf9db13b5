/**
 * Which of a view's parts are on screen (or about to be), so that drawing can skip the others
 * until they scroll into view: while a network trains, a map below the fold would otherwise be
 * redrawn every frame for nobody. Where the browser cannot tell, every part counts as shown.
 */

/** Membership of the parts on screen now. */
export interface OnScreen {
  has(element: Element): boolean;
  dispose(): void;
}

/** Parts this close to the viewport count as shown, so a scroll finds them already drawn. */
const MARGIN = '200px';

/** Watches `elements`; `onShown` runs when one of them comes into view. */
export function watchOnScreen(
  win: (Window & typeof globalThis) | null,
  elements: readonly Element[],
  onShown: () => void,
): OnScreen {
  const Observer = win?.IntersectionObserver;
  if (!Observer) return { has: () => true, dispose: () => undefined };
  // Shown until the observer's first report says otherwise, so nothing waits on it to be drawn.
  const shown = new Set<Element>(elements);
  const observer = new Observer(
    (entries) => {
      let appeared = false;
      for (const entry of entries) {
        if (!entry.isIntersecting) shown.delete(entry.target);
        else if (!shown.has(entry.target)) {
          shown.add(entry.target);
          appeared = true;
        }
      }
      if (appeared) onShown();
    },
    { rootMargin: MARGIN },
  );
  for (const element of elements) observer.observe(element);
  return { has: (element) => shown.has(element), dispose: () => observer.disconnect() };
}
