/**
 * A win's moment: the earned stars fill in one after the other and a short burst of pixels flies
 * out from the verdict. Decoration only: nothing in it takes focus or a click, it never covers the
 * page for long, screen readers hear the verdict from the status region instead, and with
 * `prefers-reduced-motion` nothing moves (style.css: the celebration block).
 */
import { el } from '../ui';

/** How many pixels fly out of a win. */
const BURST_PIXELS = 12;

/**
 * The verdict's stars: earned ones filled, each its turn to appear when the panel celebrates; the
 * burst, when given, flies out from among them.
 */
export function starRow(stars: number, burst: HTMLElement | null = null): HTMLElement {
  return el(
    'p',
    { class: 'stars', role: 'img', 'aria-label': `${stars} of 3 stars` },
    burst,
    ...[0, 1, 2].map((i) => {
      const star = el('span', { class: i < stars ? 'star earned' : 'star' }, i < stars ? '★' : '☆');
      star.style.setProperty('--star-index', String(i));
      return star;
    }),
  );
}

/** The burst of pixels around a fresh win: hidden from assistive technology and from the pointer. */
export function winBurst(): HTMLElement {
  const burst = el('div', { class: 'win-burst', 'aria-hidden': 'true' });
  for (let i = 0; i < BURST_PIXELS; i++) {
    const pixel = el('span', {});
    pixel.style.setProperty('--burst-angle', `${(360 * i) / BURST_PIXELS}deg`);
    pixel.style.setProperty('--burst-distance', `${70 + (i % 3) * 25}px`);
    burst.append(pixel);
  }
  // Gone once flown, so nothing decorative stays in the page.
  burst.addEventListener('animationend', () => burst.remove(), { once: true });
  return burst;
}
