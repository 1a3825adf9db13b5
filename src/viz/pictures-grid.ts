/**
 * Every picture of a set with the network's current vote for it: class name and percentage, and a
 * ✓ or ✗ mark besides the green or red frame, so right and wrong never rest on colour alone.
 */
import { withArticle } from '../spec';
import { drawPicture, lightRange } from './colour-picture';
import { greyScaleFor } from './colour-scale';
import { cellPixelsFor, createPictureCanvas, stillPicture } from './picture';
import { setText } from './set-text';
import { applySteadySize, measureSteadySize, STEADY_BOX_CLASS } from './steady-text';
import type { ViewPicture } from './types';

/** The class a network votes for one picture, and how sure it is. */
export interface Vote {
  readonly classIndex: number;
  readonly probability: number;
}

/** The strongest vote for picture `index` in `predictions` (pictures one after another, `classCount` each). */
export function voteOf(predictions: ArrayLike<number>, index: number, classCount: number): Vote {
  let classIndex = 0;
  let probability = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < classCount; k++) {
    const p = predictions[index * classCount + k] as number;
    if (p > probability) {
      probability = p;
      classIndex = k;
    }
  }
  return { classIndex, probability };
}

/** A probability as a whole percentage, as players read votes. */
export function formatPercent(probability: number): string {
  // NaN or Infinity (a network whose numbers overflowed) has no percentage: "NaN%" would read as one.
  if (!Number.isFinite(probability)) return '—';
  return `${Math.round(probability * 100)}%`;
}

/** The caption under a picture: the mark, the class voted for and how sure. */
export function voteCaption(classes: readonly string[], vote: Vote, actual: number): string {
  const mark = vote.classIndex === actual ? '✓' : '✗';
  return `${mark} ${classes[vote.classIndex] ?? '?'} ${formatPercent(vote.probability)}`;
}

/** The whole sentence a screen reader hears for one picture. */
export function voteDescription(
  classes: readonly string[],
  position: number,
  picture: ViewPicture,
  vote: Vote | undefined,
): string {
  const what = `Picture ${position + 1}, ${withArticle(picture.label)}`;
  if (!vote) return `${what}: no vote yet`;
  const verdict = vote.classIndex === picture.classIndex ? 'right' : 'wrong';
  return `${what}: the network votes ${classes[vote.classIndex] ?? '?'} ${formatPercent(vote.probability)}, ${verdict}`;
}

/** How many pictures the predictions vote right. */
export function countRight(
  predictions: ArrayLike<number>,
  pictures: readonly ViewPicture[],
  classCount: number,
): number {
  let right = 0;
  for (const [index, picture] of pictures.entries()) {
    if (voteOf(predictions, index, classCount).classIndex === picture.classIndex) right++;
  }
  return right;
}

/** The widest steady caption, in ems ("✗ happy 100%" is about 6 at the grid's font). */
const MAX_STEADY_WIDTH_EM = 12;

/** What the grid shows and how it reports a click. */
export interface PicturesGridOptions {
  readonly title: string;
  readonly classes: readonly string[];
  readonly pictures: readonly ViewPicture[];
  readonly input: readonly [number, number, number];
  /** Called with the picture's index when the player picks it to look inside. */
  readonly onPick: (index: number) => void;
}

/** A mounted grid of pictures. */
export interface PicturesGrid {
  readonly element: HTMLElement;
  /** Shows new votes (pictures one after another, one probability per class); none clears them. */
  update(predictions: ArrayLike<number> | undefined): void;
  /** Marks the picture the player is looking inside. */
  setPicked(index: number | undefined): void;
}

/** Builds the grid; its pictures are drawn once, only the votes change. */
export function createPicturesGrid(doc: Document, options: PicturesGridOptions): PicturesGrid {
  const { classes, pictures, input } = options;
  const [height, width, channels] = input;
  const element = doc.createElement('section');
  element.className = 'viz-pictures';
  const heading = doc.createElement('h3');
  heading.textContent = options.title;
  const summary = doc.createElement('p');
  summary.className = 'viz-pictures-summary';
  const list = doc.createElement('ul');
  list.className = 'viz-pictures-list';
  element.append(heading, summary, list);

  const allPixels = pictures.flatMap((p) => p.pixels);
  const scale = greyScaleFor(allPixels);
  const light = lightRange(allPixels);
  const cellPixels = cellPixelsFor(Math.max(height, width), 40);
  const items = pictures.map((picture, index) => {
    const item = doc.createElement('li');
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'viz-picture-button';
    button.dataset.state = 'none';
    const canvas = createPictureCanvas(doc, withArticle(picture.label), { height, width }, cellPixels);
    canvas.setAttribute('aria-hidden', 'true');
    drawPicture(canvas, picture.pixels, { height, width, channels }, scale, light);
    const caption = doc.createElement('span');
    caption.className = `viz-vote ${STEADY_BOX_CLASS}`;
    caption.textContent = '…';
    button.append(stillPicture(canvas), caption);
    button.setAttribute('aria-label', voteDescription(classes, index, picture, undefined));
    button.addEventListener('click', () => options.onPick(index));
    item.append(button);
    list.append(item);
    return { button, caption, shown: '' };
  });
  summary.textContent = `${pictures.length} pictures, no votes yet`;
  // Every caption the votes can make, for the captions' one steady size, measured once the grid is
  // on screen (the first votes usually are).
  let steady = false;
  const everyCaption = classes.flatMap((_, k) =>
    [k, k + 1].map((actual) => voteCaption(classes, { classIndex: k, probability: 1 }, actual)),
  );
  const makeSteady = () => {
    const probe = items[0]?.caption;
    const size = probe ? measureSteadySize(probe, ['…', ...everyCaption]) : null;
    if (!size) return;
    // A class name can be 80 characters long: every picture as wide as its caption would leave one
    // picture a row, so such a grid keeps each caption its own width.
    if (size.widthEm <= MAX_STEADY_WIDTH_EM) applySteadySize(list, size);
    steady = true;
  };

  /** Shows one picture's vote, unless its caption says so already. */
  const showVote = (
    item: (typeof items)[number],
    picture: ViewPicture,
    index: number,
    vote: Vote | undefined,
  ): void => {
    const text = vote ? voteCaption(classes, vote, picture.classIndex) : '…';
    if (text === item.shown) return;
    item.shown = text;
    setText(item.caption, text);
    const state = !vote ? 'none' : vote.classIndex === picture.classIndex ? 'right' : 'wrong';
    // Setting the same state again would still make the browser restyle the button.
    if (item.button.dataset.state !== state) item.button.dataset.state = state;
    item.button.setAttribute('aria-label', voteDescription(classes, index, picture, vote));
  };

  return {
    element,
    update(predictions) {
      if (!steady) makeSteady();
      let right = 0;
      for (const [index, picture] of pictures.entries()) {
        const vote = predictions ? voteOf(predictions, index, classes.length) : undefined;
        if (vote?.classIndex === picture.classIndex) right++;
        const item = items[index];
        if (item) showVote(item, picture, index, vote);
      }
      const said = predictions
        ? `${right} of ${pictures.length} voted right (${formatPercent(right / Math.max(pictures.length, 1))})`
        : `${pictures.length} pictures, no votes yet`;
      setText(summary, said);
    },
    setPicked(index) {
      for (const [i, item] of items.entries()) item.button.setAttribute('aria-pressed', String(i === index));
    },
  };
}
