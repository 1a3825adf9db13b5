import type { LevelSpec } from '../spec';
import { button, el } from '../ui';

/** Draws one of the level's pictures small and crisp, ink dark on light, with its label as its name. */
export function pictureCanvas(
  level: LevelSpec,
  pixels: readonly number[],
  label: string,
  scale = 8,
): HTMLCanvasElement {
  const [h, w, c] = level.input;
  const canvas = el('canvas', { class: 'level-picture', role: 'img', 'aria-label': `a picture of ${label}` });
  canvas.width = w;
  canvas.height = h;
  canvas.style.width = `${w * scale}px`;
  canvas.style.height = `${h * scale}px`;
  const g = canvas.getContext('2d');
  if (!g) return canvas;
  const image = g.createImageData(w, h);
  const low = level.blank;
  for (let i = 0; i < h * w; i++) {
    for (let k = 0; k < 3; k++) {
      // Grey pictures show ink dark; colour pictures show their first three channels as they are.
      const v = c >= 3 ? (pixels[i * c + k] ?? 0) : (pixels[i * c] ?? 0);
      const t = c >= 3 ? v : (v - low) / (1 - low);
      image.data[i * 4 + k] = Math.round(
        255 * (c >= 3 ? Math.min(1, Math.max(0, t)) : 1 - Math.min(1, Math.max(0, t))),
      );
    }
    image.data[i * 4 + 3] = 255;
  }
  g.putImageData(image, 0, 0);
  return canvas;
}

/** A few training pictures of each class, so the idea is seen before it is read. */
export function classSamples(level: LevelSpec, perClass = 3): HTMLElement {
  const scale = Math.max(4, Math.floor(72 / Math.max(level.input[0], level.input[1])));
  return el(
    'div',
    { class: 'class-samples' },
    ...level.classes.map((name, classIndex) => {
      const examples = level.train.filter((e) => e.classIndex === classIndex).slice(0, perClass);
      return el(
        'figure',
        { class: 'class-sample' },
        el(
          'div',
          { class: 'class-sample-pictures' },
          ...examples.map((e) => pictureCanvas(level, e.pixels, name, scale)),
        ),
        el('figcaption', {}, name),
      );
    }),
  );
}

/** The level's introduction: the idea in a sentence, the text, its pictures, and a button to start. */
export function levelIntro(level: LevelSpec, onStart: () => void): HTMLElement {
  const start = button('Start building', onStart, { class: 'primary' });
  const intro = el(
    'section',
    { class: 'level-intro', 'aria-labelledby': 'intro-title' },
    el('h2', { id: 'intro-title' }, level.title),
    level.concept ? el('p', { class: 'level-concept' }, level.concept) : null,
    ...level.intro.map((paragraph) => el('p', {}, paragraph)),
    classSamples(level),
    el(
      'p',
      { class: 'level-goal' },
      `Goal: ${Math.round(level.goal.testAccuracy * 100)}% right on pictures the network has never seen.`,
    ),
    start,
  );
  queueMicrotask(() => start.focus());
  return intro;
}
