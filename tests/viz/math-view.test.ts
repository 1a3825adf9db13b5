// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { convCellMath, describeCellMath, formatShort, poolCellMath } from '../../src/viz/cell-math';
import { createMathView } from '../../src/viz/math-view';
import { channelsToNhwc, hwioKernel, workedExamples } from '../fixtures';

const sameConv = convCellMath(
  { shape: [2, 2, 1], values: [1, 2, 3, 4] },
  { filters: 1, size: 2, stride: 2, padding: 'same' },
  { kernel: [1, -1, 2, 0.5], bias: [0.25] },
  { y: 0, x: 0, channel: 0 },
);

describe('a number at a glance', () => {
  it.each([
    [0.7777777, '0.778'],
    [-12.3456, '-12.3'],
    [1234.5, '1230'],
    [0.000123456, '0.000123'],
    [7.25, '7.25'],
    [-1, '-1'],
    [9, '9'],
    [-0.0001, '-0.0001'],
    [-0.00000001, '-1e-8'],
  ])('%s reads %s', (value, shown) => {
    expect(formatShort(value)).toBe(shown);
  });
});

describe('the math view', () => {
  it('shows about three digits, the full value on hover, to screen readers and on focus', () => {
    const view = createMathView(document);
    const thirds = convCellMath(
      { shape: [1, 2, 1], values: [1, 2] },
      { filters: 1, size: 1, stride: 1, padding: 'valid' },
      { kernel: [1 / 3], bias: [0.123456] },
      { y: 0, x: 1, channel: 0 },
    );
    view.show('a cell', thirds);
    const cells = [...view.element.querySelectorAll('td')];
    expect(cells.map((td) => td.textContent)).toEqual(['2', '0.333', '0.667']);
    const filter = cells[1] as HTMLElement;
    expect([filter.title, filter.getAttribute('aria-label'), filter.tabIndex]).toEqual([
      '0.333333',
      '0.333333',
      0,
    ]);
    expect((cells[0] as HTMLElement).hasAttribute('title')).toBe(false);
    const result = view.element.querySelector('.viz-math-result') as HTMLElement;
    expect([result.textContent, result.title]).toEqual(['Result: 0.79', 'Result: 0.790123']);
    const steps = [...view.element.querySelectorAll('li')];
    expect(steps.map((li) => li.textContent)).toEqual(describeCellMath(thirds, formatShort));
    expect(steps.map((li) => li.title)).toEqual(describeCellMath(thirds));
  });

  it('starts hidden', () => {
    expect(createMathView(document).element.hidden).toBe(true);
  });

  it('prints every patch, filter and product number in table cells', () => {
    const view = createMathView(document);
    view.show('a cell', sameConv);
    expect(
      [...view.element.querySelectorAll('table')].map((t) =>
        [...t.querySelectorAll('td')].map((td) => td.textContent),
      ),
    ).toEqual([
      ['1', '2', '3', '4'],
      ['1', '-1', '2', '0.5'],
      ['1', '-2', '6', '2'],
    ]);
  });

  it('writes the steps of the sum and the result', () => {
    const view = createMathView(document);
    view.show('a cell', sameConv);
    expect([...view.element.querySelectorAll('li')].map((li) => li.textContent)).toEqual(
      describeCellMath(sameConv),
    );
    expect(view.element.querySelector('.viz-math-result')?.textContent).toBe('Result: 7.25');
  });

  it('shows padding as padding', () => {
    const view = createMathView(document);
    const padded = convCellMath(
      { shape: [1, 1, 1], values: [3] },
      { filters: 1, size: 2, stride: 1, padding: 'same' },
      { kernel: [1, 1, 1, 1], bias: [0] },
      { y: 0, x: 0, channel: 0 },
    );
    view.show('a padded cell', padded);
    expect(
      [...(view.element.querySelectorAll('table')[0]?.querySelectorAll('td') ?? [])].map(
        (td) => td.textContent,
      ),
    ).toEqual(['3', 'pad', 'pad', 'pad']);
  });

  it('stars the value max pooling kept', () => {
    const view = createMathView(document);
    view.show(
      'a pooled cell',
      poolCellMath(
        { shape: [2, 2, 1], values: [1, 5, 2, 3] },
        { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'valid' },
        { y: 0, x: 0, channel: 0 },
      ),
    );
    expect(view.element.querySelector('.viz-picked')?.textContent).toBe('★ 5');
  });

  it('hides and tells its owner when closed', () => {
    const onClose = vi.fn();
    const view = createMathView(document, onClose);
    view.show('a cell', sameConv);
    view.element.querySelector('button')?.click();
    expect([view.element.hidden, onClose.mock.calls.length]).toEqual([true, 1]);
  });
});

describe('the math view on a colour picture (the course multichannel example)', () => {
  const e = workedExamples.find((w) => w.id === 'multichannel');
  if (!e) throw new Error('no multichannel worked example');
  const kernels = e.kernels ?? [];
  const math = convCellMath(
    channelsToNhwc(e.input),
    { filters: kernels.length, size: 3, stride: 1, padding: 'valid' },
    { kernel: hwioKernel(kernels), bias: kernels.map((k) => k.bias) },
    { y: 0, x: 0, channel: 1 },
  );
  const view = createMathView(document);
  view.show('Layer 1 (Conv), filter 2, row 1, column 1', math, ['red', 'green', 'blue']);

  it('lays out a patch, a filter and products for each of the three colours', () => {
    const captions = [...view.element.querySelectorAll('caption')].map((c) => c.textContent);
    expect(captions).toEqual(
      ['red', 'green', 'blue'].flatMap((c) => [`Input patch (${c})`, `Filter (${c})`, `Products (${c})`]),
    );
    const filters = [...view.element.querySelectorAll('table')].filter((_, i) => i % 3 === 1);
    const numbers = (table: Element) =>
      [...table.querySelectorAll('tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => Number(td.textContent)),
      );
    expect(filters.map(numbers)).toEqual(kernels[1]?.channels);
  });

  it("adds each colour's products, then the three sums and the bias, to the course's 7", () => {
    const steps = [...view.element.querySelectorAll('li')].map((li) => li.textContent);
    expect(steps.map((line) => line?.split(':')[0])).toEqual([
      'Red',
      'Green',
      'Blue',
      'Red + green + blue',
      '6 + bias 1 = 7',
    ]);
    expect(steps.slice(0, 3).map((line) => line?.replace(/.* = /, ''))).toEqual(['0', '0', '6']);
    expect(steps.slice(3)).toEqual(['Red + green + blue: 0 + 0 + 6 = 6', '6 + bias 1 = 7']);
    expect(view.element.querySelector('.viz-math-result')?.textContent).toBe(
      `Result: ${formatShort(e.expected[1]?.[0]?.[0] ?? Number.NaN)}`,
    );
    expect(e.expected[1]?.[0]?.[0]).toBe(7);
  });
});
