/**
 * A level's pictures drawn small and crisp, and the pictures a network got wrong with what it
 * answered: the player's verdict and the level editor's check show them alike.
 */
import { type LevelSpec, withArticle } from '../spec';
import { button, el } from './dom';

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
      // A colour level whose blank is -1 writes no light as -1: both kinds are read from the blank up.
      const v = c >= 3 ? (pixels[i * c + k] ?? 0) : (pixels[i * c] ?? 0);
      const t = (v - low) / (1 - low);
      image.data[i * 4 + k] = Math.round(
        255 * (c >= 3 ? Math.min(1, Math.max(0, t)) : 1 - Math.min(1, Math.max(0, t))),
      );
    }
    image.data[i * 4 + 3] = 255;
  }
  g.putImageData(image, 0, 0);
  return canvas;
}

/** What a network answered for one test picture: the class it voted for and, when known, how sure it was. */
export interface WrongAnswer {
  readonly classIndex: number;
  readonly probability?: number | undefined;
}

/**
 * The heading and the drawn pictures of `level`'s test pictures at indexes `wrong`, each captioned
 * with its label and the network's answer ("an X, called O 80%"), and a "Why?" that looks inside
 * when `why` is given; nothing when none is wrong.
 */
export function wrongPictures(
  level: LevelSpec,
  wrong: readonly number[],
  answerOf: (index: number) => WrongAnswer,
  why?: (index: number) => void,
): HTMLElement[] {
  const figures = wrong.flatMap((i) => {
    const example = level.test[i];
    if (!example) return [];
    const answer = answerOf(i);
    const sure = answer.probability === undefined ? '' : ` ${Math.round(answer.probability * 100)}%`;
    const caption = `${withArticle(example.label)}, called ${level.classes[answer.classIndex] ?? '?'}${sure}`;
    return [
      el(
        'figure',
        {},
        pictureCanvas(level, example.pixels, example.label, Math.max(4, Math.floor(48 / level.input[0]))),
        el('figcaption', {}, caption),
        why ? whyButton(i, why) : null,
      ),
    ];
  });
  if (figures.length === 0) return [];
  return [
    el('h3', {}, `Pictures it got wrong (${figures.length})`),
    el('div', { class: 'wrong-pictures' }, ...figures),
  ];
}

/** "Why?" under a wrong picture: looks inside the network with test picture `index`. */
function whyButton(index: number, why: (index: number) => void): HTMLButtonElement {
  return button('Why?', () => why(index), {
    'aria-label': `Why? Look inside the network with test picture ${index + 1}`,
  });
}
