// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import levelDocument from '../../levels/where-the-error-goes.json';
import { mountErrorPanel, nudgedWeights, type WeightNudge } from '../../src/app/error-panel';
import { parseLevel } from '../../src/spec';

const level = parseLevel(levelDocument);
const noActions = { nudge: () => {}, step: () => {}, batchSize: () => {} };

/** The text of each cell of a table, row by row. */
function cells(table: Element | null | undefined): string[][] {
  return [...(table?.querySelectorAll('tr') ?? [])].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''),
  );
}

describe('nudgedWeights', () => {
  const weights = [null, { kernel: [1, 2, 3, 4, 5, 6], bias: [0.5, -0.5] }];
  it('moves one kernel entry, [inputs][units] order, and leaves the rest', () => {
    const change: WeightNudge = { layer: 1, input: 2, unit: 1, units: 2, delta: 0.5 };
    expect(nudgedWeights(weights, change)[1]).toEqual({ kernel: [1, 2, 3, 4, 5, 6.5], bias: [0.5, -0.5] });
    expect(weights[1]?.kernel).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it("moves a unit's bias when no input is named", () => {
    const change: WeightNudge = { layer: 1, input: null, unit: 0, units: 2, delta: -0.5 };
    expect(nudgedWeights(weights, change)[1]?.bias).toEqual([0, -0.5]);
  });
});

describe('the error panel', () => {
  it("shows the course's table with its printed numbers: 0.08, 0.49 and 0.57", () => {
    const panel = mountErrorPanel(level, noActions);
    const course = panel.element.querySelector('.error-course table');
    expect(cells(course)).toEqual([
      ['class', 'right answer', 'actual answer', 'right − actual'],
      ['X', '1', '0.92', '0.08'],
      ['O', '0', '0.51', '0.49'],
      ['total error', '0.57'],
    ]);
  });

  it("shows the watched picture's errors and loss, and follows new votes", () => {
    const panel = mountErrorPanel(level, noActions);
    panel.votes([0.75, 0.25], 0);
    const live = () => cells(panel.element.querySelector('.error-live table'));
    expect(live().slice(1)).toEqual([
      ['left', '1', '0.75', '0.25'],
      ['right', '0', '0.25', '−0.25'],
      ['total error', '0.50'],
    ]);
    expect(panel.element.querySelector('.error-loss')?.textContent).toContain(Math.log(4 / 3).toFixed(3));
    panel.votes([0.9, 0.1], 0);
    expect(live()[3]).toEqual(['total error', '0.20']);
  });

  it('names the pixel each weight of a Dense on the flattened picture comes from, and nudges the chosen one', () => {
    const asked: WeightNudge[] = [];
    const panel = mountErrorPanel(level, { ...noActions, nudge: (c) => asked.push(c) });
    panel.update([{ type: 'flatten' }, { type: 'dense', units: 2 }]);
    const [from, to] = [...panel.element.querySelectorAll<HTMLSelectElement>('.error-nudge select')];
    expect(from?.options).toHaveLength(5 * 6 + 1);
    expect(from?.options[7]?.textContent).toBe('pixel row 2, column 2');
    // Something is chosen from the start, so the chooser never shows empty.
    expect([from?.value, to?.value]).toEqual(['0', '0']);
    if (!from || !to) throw new Error('no weight chooser');
    from.value = '7';
    to.value = '1';
    const up = [...panel.element.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Nudge up'),
    );
    up?.click();
    expect(asked).toEqual([{ layer: 1, input: 7, unit: 1, units: 2, delta: 0.5 }]);
  });

  it('counts epochs with the batch size: 39 pictures in batches of 8 take 5 steps', () => {
    const panel = mountErrorPanel(level, noActions);
    panel.training({ optimizer: 'sgd', learningRate: 0.1, momentum: 0, batchSize: 8, seed: 1 });
    panel.progress({
      type: 'progress',
      step: 10,
      epoch: 2,
      loss: 0.5,
      trainAccuracy: 0.8,
      testAccuracy: null,
      examplesPerSecond: 0,
    });
    const line = panel.element.querySelector('.error-epoch')?.textContent ?? '';
    expect(panel.element.querySelector<HTMLSelectElement>('.error-batch select')?.value).toBe('8');
    expect(line).toMatch(/^Epoch 2: each step looks at 8 of the 39 training pictures/);
    expect(line).toContain('takes 5 steps');
  });

  it('trains the epochs the player picks, in steps of the batch size: 5 epochs of 39 pictures in batches of 8 are 25 steps', () => {
    const asked: number[] = [];
    const panel = mountErrorPanel(level, { ...noActions, step: (steps) => asked.push(steps) });
    panel.training({ optimizer: 'sgd', learningRate: 0.1, momentum: 0, batchSize: 8, seed: 1 });
    const epochs = panel.element.querySelector<HTMLSelectElement>('.error-epochs');
    if (!epochs) throw new Error('no epochs knob');
    const train = [...panel.element.querySelectorAll('button')].find(
      (b) => b.textContent === 'Train these epochs',
    );
    const oneStep = [...panel.element.querySelectorAll('button')].find((b) =>
      b.textContent?.endsWith('one step'),
    );
    train?.click();
    epochs.value = [...epochs.options].findIndex((o) => o.textContent === '5').toString();
    train?.click();
    panel.training({ optimizer: 'sgd', learningRate: 0.1, momentum: 0, batchSize: 39, seed: 1 });
    train?.click();
    oneStep?.click();
    expect(asked).toEqual([5, 25, 5, 1]);
  });

  it('asks for the batch size the player picks', () => {
    const picked: number[] = [];
    const panel = mountErrorPanel(level, { ...noActions, batchSize: (size) => picked.push(size) });
    panel.training({ optimizer: 'sgd', learningRate: 0.1, momentum: 0, batchSize: 8, seed: 1 });
    const select = panel.element.querySelector<HTMLSelectElement>('.error-batch select');
    if (!select) throw new Error('no batch size knob');
    select.value = '64';
    select.dispatchEvent(new Event('change'));
    expect(picked).toEqual([64]);
  });
});
