import type { LevelSpec } from '../spec';
import { button, el, pictureCanvas } from '../ui';
import { filterCapLine } from './limits-line';
import { starList } from './star-list';

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
    filterCapLine(level),
    starList(level),
    start,
  );
  queueMicrotask(() => start.focus());
  return intro;
}
