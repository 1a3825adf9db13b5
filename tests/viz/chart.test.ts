// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createChart, downsample, latestValue, MAX_DRAWN_POINTS, niceCeiling } from '../../src/viz/chart';
import type { HistoryPoint } from '../../src/viz/types';

const points = (n: number): HistoryPoint[] =>
  Array.from({ length: n }, (_, i) => ({ step: i + 1, loss: 1 / (i + 1), trainAccuracy: i / n }));

describe('downsample', () => {
  it('keeps a short history whole', () => {
    const history = points(10);
    expect(downsample(history, 300)).toEqual(history);
  });

  it('thins a long history to the maximum', () => {
    expect(downsample(points(10_000), MAX_DRAWN_POINTS)).toHaveLength(MAX_DRAWN_POINTS);
  });

  it('keeps the first and the last point', () => {
    const history = points(5_000);
    const thinned = downsample(history, 100);
    expect([thinned[0], thinned[thinned.length - 1]]).toEqual([history[0], history[4_999]]);
  });

  it('keeps the steps in order', () => {
    const steps = downsample(points(1_234), 50).map((p) => p.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('writes into the array it is given, so redraws allocate nothing new', () => {
    const out: HistoryPoint[] = [];
    expect(downsample(points(1_000), 20, out)).toBe(out);
  });
});

describe('niceCeiling', () => {
  it.each([
    { value: 0.7, nice: 1 },
    { value: 1.3, nice: 2 },
    { value: 3.4, nice: 5 },
    { value: 7, nice: 10 },
    { value: 0.031, nice: 0.05 },
    { value: 0, nice: 1 },
    { value: Number.NaN, nice: 1 },
  ])('rounds $value up to $nice', ({ value, nice }) => {
    expect(niceCeiling(value)).toBeCloseTo(nice, 12);
  });
});

describe('latestValue', () => {
  it('finds the last judged test accuracy past newer unjudged points', () => {
    const history: HistoryPoint[] = [
      { step: 1, loss: 1, trainAccuracy: 0.5, testAccuracy: 0.25 },
      { step: 2, loss: 0.5, trainAccuracy: 0.75 },
    ];
    expect(latestValue(history, { value: (p) => p.testAccuracy })).toBe(0.25);
  });

  it('is undefined before any judgement', () => {
    expect(latestValue(points(3), { value: (p) => p.testAccuracy })).toBeUndefined();
  });
});

describe('createChart', () => {
  const chart = () =>
    createChart(document, {
      title: 'Accuracy',
      yMax: 1,
      series: [
        {
          name: 'train',
          colour: '#00f',
          dash: [],
          value: (p) => p.trainAccuracy,
          format: (v) => `${v * 100}%`,
        },
        {
          name: 'test',
          colour: '#f80',
          dash: [4, 2],
          value: (p) => p.testAccuracy,
          format: (v) => `${v * 100}%`,
        },
      ],
    });

  it('prints each series with its latest value in the legend', () => {
    const c = chart();
    c.draw([{ step: 4, loss: 0.2, trainAccuracy: 0.5, testAccuracy: 0.25 }]);
    expect([...c.element.querySelectorAll('.viz-chart-legend li')].map((li) => li.textContent)).toEqual([
      'train: 50%',
      'test: 25%',
    ]);
  });

  it('names its canvas with the step count and the values', () => {
    const c = chart();
    c.draw([{ step: 4, loss: 0.2, trainAccuracy: 0.5 }]);
    expect(c.element.querySelector('canvas[role="img"]')?.getAttribute('aria-label')).toBe(
      'Accuracy over 4 steps; train: 50%, test: –',
    );
  });
});
