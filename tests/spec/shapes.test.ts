import { describe, expect, it } from 'vitest';
import {
  classifierProblem,
  convParams,
  convParamsFormula,
  formatShape,
  inferShapes,
  type LayerSpec,
  samePadding,
  windowOutputSize,
} from '../../src/spec';
import { convOutputShapes } from '../fixtures';

describe('windowOutputSize', () => {
  it.each(convOutputShapes)(
    'agrees with the course: $input, $filters x $size, stride $stride, pad $padding',
    (row) => {
      const [h, w] = row.input as [number, number, number];
      const outH = windowOutputSize(h, row.size, row.stride, row.padding);
      const outW = windowOutputSize(w, row.size, row.stride, row.padding);
      expect([outH, outW, row.filters]).toEqual(row.output);
      expect(convParams(row.size, row.input[2] as number, row.filters)).toBe(row.params);
    },
  );

  it.each(convOutputShapes)(
    'writes the count out as the course does: $filters filters of $size x $size on $input',
    (row) => {
      const depth = row.input[2] as number;
      expect(convParamsFormula(row.size, depth, row.filters)).toBe(
        `(${row.size}×${row.size}×${depth}+1)×${row.filters} = ${row.params}`,
      );
    },
  );

  it("writes the course's colour example as (5×5×3+1)×10 = 760", () => {
    const colour = convOutputShapes.find((row) => row.input[2] === 3 && row.size === 5);
    expect(colour && convParamsFormula(colour.size, 3, colour.filters)).toBe('(5×5×3+1)×10 = 760');
  });

  it.each(convOutputShapes.filter((row) => row.padding === (row.size - 1) / 2))(
    'gives the same size with "same" padding where the course pads by (F - 1) / 2: $input stride $stride',
    (row) => {
      const layers: LayerSpec[] = [
        { type: 'conv', filters: row.filters, size: row.size, stride: row.stride, padding: 'same' },
      ];
      const report = inferShapes(row.input as [number, number, number], layers);
      expect(report.output).toEqual(row.output);
      expect(report.totalParams).toBe(row.params);
    },
  );

  it.each([
    [5, 2, 2, 'valid', 2],
    [5, 2, 2, 'same', 3],
    [7, 2, 2, 'same', 4],
    [3, 5, 1, 'valid', 0],
  ] as const)('in %i, window %i, stride %i, %s gives %i', (inSize, size, stride, padding, out) => {
    expect(windowOutputSize(inSize, size, stride, padding)).toBe(out);
  });
});

describe('samePadding', () => {
  it('puts the odd extra pixel at the bottom and right, as TensorFlow does', () => {
    expect(samePadding(5, 2, 2)).toEqual([0, 1]);
    expect(samePadding(7, 3, 1)).toEqual([1, 1]);
    expect(samePadding(6, 4, 1)).toEqual([1, 2]);
  });
});

describe('inferShapes', () => {
  const xVsO: LayerSpec[] = [
    { type: 'conv', filters: 2, size: 3, stride: 1, padding: 'valid' },
    { type: 'relu' },
    { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
    { type: 'flatten' },
    { type: 'dense', units: 2 },
  ];

  it('follows the X-vs-O network of the design: 7x7x2, 4x4x2, 32, 2', () => {
    const report = inferShapes([9, 9, 1], xVsO);
    expect(report.errorAt).toBe(-1);
    expect(report.layers.map((l) => (l.ok ? formatShape(l.output) : l.reason))).toEqual([
      '7x7x2',
      '7x7x2',
      '4x4x2',
      '32',
      '2',
    ]);
    expect(report.totalParams).toBe(20 + 66);
  });

  it('says a Dense needs a Flatten before it', () => {
    const report = inferShapes([9, 9, 1], [{ type: 'dense', units: 2 }]);
    expect(report.errorAt).toBe(0);
    expect(report.layers[0]).toMatchObject({
      ok: false,
      reason: 'Dense needs a flat input: add a Flatten block before it',
    });
  });

  it('says a filter larger than its input does not fit', () => {
    const report = inferShapes(
      [3, 3, 1],
      [{ type: 'conv', filters: 1, size: 5, stride: 1, padding: 'valid' }],
    );
    expect(report.layers[0]).toMatchObject({ ok: false });
    expect(report.layers[0]?.ok === false && report.layers[0].reason).toMatch(
      /a 5x5 filter does not fit a 3x3 input/,
    );
  });

  it('says a Conv cannot follow a Flatten', () => {
    const report = inferShapes(
      [4, 4, 1],
      [{ type: 'flatten' }, { type: 'conv', filters: 1, size: 1, stride: 1, padding: 'valid' }],
    );
    expect(report.errorAt).toBe(1);
  });
});

describe('classifierProblem', () => {
  it('needs a last Dense with one unit per class', () => {
    expect(
      classifierProblem([2, 2, 1], [{ type: 'flatten' }, { type: 'dense', units: 3 }], 2)?.reason,
    ).toMatch(/3 units but there are 2 classes/);
    expect(classifierProblem([2, 2, 1], [{ type: 'flatten' }], 2)?.reason).toMatch(
      /last block must be a Dense/,
    );
    expect(classifierProblem([2, 2, 1], [], 2)?.reason).toMatch(/empty/);
    expect(classifierProblem([2, 2, 1], [{ type: 'flatten' }, { type: 'dense', units: 2 }], 2)).toBeNull();
  });
});
