// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { convCellMath, describeCellMath, poolCellMath } from '../../src/viz/cell-math';
import { createMathView } from '../../src/viz/math-view';

const sameConv = convCellMath(
  { shape: [2, 2, 1], values: [1, 2, 3, 4] },
  { filters: 1, size: 2, stride: 2, padding: 'same' },
  { kernel: [1, -1, 2, 0.5], bias: [0.25] },
  { y: 0, x: 0, channel: 0 },
);

describe('the math view', () => {
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
