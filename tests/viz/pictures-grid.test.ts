// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  countRight,
  createPicturesGrid,
  formatPercent,
  voteCaption,
  voteDescription,
  voteOf,
} from '../../src/viz/pictures-grid';
import type { ViewPicture } from '../../src/viz/types';

const classes = ['X', 'O'];
const pictures: ViewPicture[] = [
  { label: 'X', classIndex: 0, pixels: [1, -1, -1, 1] },
  { label: 'O', classIndex: 1, pixels: [-1, 1, 1, -1] },
];
// Picture 1 voted X (right), picture 2 voted X (wrong).
const predictions = Float32Array.from([0.9, 0.1, 0.7, 0.3]);

describe('votes', () => {
  it.each([
    { index: 0, classIndex: 0, probability: 0.9 },
    { index: 1, classIndex: 0, probability: 0.7 },
  ])('picture $index votes class $classIndex', ({ index, classIndex, probability }) => {
    const vote = voteOf(predictions, index, 2);
    expect(vote.classIndex).toBe(classIndex);
    expect(vote.probability).toBeCloseTo(probability, 6);
  });

  it.each([
    { actual: 0, caption: '✓ X 90%' },
    { actual: 1, caption: '✗ X 90%' },
  ])('captions a vote for class $actual as "$caption"', ({ actual, caption }) => {
    expect(voteCaption(classes, { classIndex: 0, probability: 0.9 }, actual)).toBe(caption);
  });

  it('describes a wrong vote in words', () => {
    expect(voteDescription(classes, 1, pictures[1] as ViewPicture, { classIndex: 0, probability: 0.7 })).toBe(
      'Picture 2, an O: the network votes X 70%, wrong',
    );
  });

  it('counts the right votes', () => {
    expect(countRight(predictions, pictures, 2)).toBe(1);
  });

  it('rounds percentages to whole numbers', () => {
    expect(formatPercent(0.666)).toBe('67%');
    // An overflowed network's votes are not numbers: no "NaN%" (issue 18).
    expect([Number.NaN, Infinity, -Infinity].map(formatPercent)).toEqual(['—', '—', '—']);
  });
});

describe('createPicturesGrid', () => {
  const grid = (onPick = vi.fn()) =>
    createPicturesGrid(document, { title: 'Training pictures', classes, pictures, input: [2, 2, 1], onPick });

  it('marks right and wrong votes with a symbol as well as a state', () => {
    const g = grid();
    g.update(predictions);
    const buttons = [...g.element.querySelectorAll('button')];
    expect(buttons.map((b) => [b.dataset.state, b.querySelector('.viz-vote')?.textContent])).toEqual([
      ['right', '✓ X 90%'],
      ['wrong', '✗ X 70%'],
    ]);
  });

  it('sums up the votes', () => {
    const g = grid();
    g.update(predictions);
    expect(g.element.querySelector('.viz-pictures-summary')?.textContent).toBe('1 of 2 voted right (50%)');
  });

  it('clears the votes when there are none', () => {
    const g = grid();
    g.update(predictions);
    g.update(undefined);
    expect(g.element.querySelector('button')?.dataset.state).toBe('none');
  });

  it('reports the picked picture', () => {
    const onPick = vi.fn();
    const g = grid(onPick);
    g.element.querySelectorAll('button')[1]?.click();
    expect(onPick).toHaveBeenCalledWith(1);
  });

  it('marks the picked picture as pressed', () => {
    const g = grid();
    g.setPicked(1);
    expect([...g.element.querySelectorAll('button')].map((b) => b.getAttribute('aria-pressed'))).toEqual([
      'false',
      'true',
    ]);
  });
});

describe('the captions’ steady size', () => {
  // jsdom lays out nothing: each caption measures 7 px a character and 12 px high, at a 10 px font.
  const measured = HTMLElement.prototype.getBoundingClientRect;
  afterEach(() => {
    HTMLElement.prototype.getBoundingClientRect = measured;
    document.body.replaceChildren();
    document.head.replaceChildren();
  });
  const laidOut = (names: string[]) => {
    const style = document.createElement('style');
    style.textContent = '.viz-vote { font-size: 10px; }';
    document.head.append(style);
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      const width = this.classList.contains('viz-vote') ? 7 * (this.textContent?.length ?? 0) : 0;
      return { width, height: 12 } as DOMRect;
    };
    const g = createPicturesGrid(document, {
      title: 'Training pictures',
      classes: names,
      pictures,
      input: [2, 2, 1],
      onPick: vi.fn(),
    });
    document.body.append(g.element);
    g.update(predictions);
    return g.element.querySelector('.viz-pictures-list') as HTMLElement;
  };

  it('gives every caption the width of the widest vote it can show', () => {
    const list = laidOut(['X', 'O']);
    expect(list.classList.contains('viz-steady')).toBe(true);
    // "✗ X 100%" is 8 characters: 56 px and one to spare, at 10 px an em.
    expect(list.style.getPropertyValue('--viz-steady-width')).toBe('5.700em');
  });

  it('leaves captions their own width when a class name is long', () => {
    const list = laidOut(['X', 'a circle drawn with a thick pen']);
    expect(list.classList.contains('viz-steady')).toBe(false);
  });
});
