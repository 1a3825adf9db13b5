import { describe, expect, it } from 'vitest';
import { COURSE_ERROR_TABLE, epochCount, errorTable, tableNumber } from '../../src/viz/error-table';
import { errorTable as courseFixture } from '../fixtures';

describe("the course's error table", () => {
  it('is the fixture, number for number: right 1 and 0, actual 0.92 and 0.51, errors 0.08 and 0.49, total 0.57', () => {
    expect(COURSE_ERROR_TABLE.right).toEqual(courseFixture.right);
    expect(COURSE_ERROR_TABLE.actual).toEqual(courseFixture.actual);
    expect(COURSE_ERROR_TABLE.errors).toEqual(courseFixture.errors);
    expect(COURSE_ERROR_TABLE.total).toBe(courseFixture.total);
    expect(COURSE_ERROR_TABLE.errors.map(tableNumber)).toEqual(['0.08', '0.49']);
    expect(tableNumber(COURSE_ERROR_TABLE.total)).toBe('0.57');
  });

  it('adds its printed errors to its printed total: 0.08 + 0.49 = 0.57', () => {
    const sum = courseFixture.errors.reduce((a, b) => a + b, 0);
    expect(tableNumber(sum)).toBe(tableNumber(courseFixture.total));
  });

  it("gives the first line's error as the course does: 1 − 0.92 = 0.08", () => {
    const table = errorTable(['X', 'O'], 0, courseFixture.actual);
    expect(tableNumber(table.rows[0]?.error ?? Number.NaN)).toBe(
      tableNumber(courseFixture.errors[0] as number),
    );
  });
});

describe('errorTable', () => {
  it('sets the right answer to 1 for the picture’s class and 0 for the others, and the error to right − actual', () => {
    const table = errorTable(['X', 'O'], 0, [0.92, 0.08]);
    expect(table.rows.map((r) => r.right)).toEqual([1, 0]);
    expect(table.rows.map((r) => tableNumber(r.error))).toEqual(['0.08', '−0.08']);
    expect(tableNumber(table.total)).toBe('0.16');
  });

  it('gives the cross-entropy loss training lowers: −ln of the right class’s vote', () => {
    expect(errorTable(['X', 'O'], 0, [0.92, 0.08]).loss).toBeCloseTo(-Math.log(0.92), 10);
    expect(errorTable(['left', 'right'], 1, [0.75, 0.25]).loss).toBeCloseTo(Math.log(4), 10);
  });

  it('grows when the vote for the right class shrinks', () => {
    const better = errorTable(['a', 'b', 'c'], 2, [0.1, 0.1, 0.8]);
    const worse = errorTable(['a', 'b', 'c'], 2, [0.3, 0.3, 0.4]);
    expect(worse.total).toBeGreaterThan(better.total);
    expect(worse.loss).toBeGreaterThan(better.loss);
  });

  it('keeps the loss finite for a vote of exactly 0', () => {
    expect(Number.isFinite(errorTable(['a', 'b'], 0, [0, 1]).loss)).toBe(true);
  });
});

describe('tableNumber', () => {
  it.each([
    [0.08, '0.08'],
    [-0.51, '−0.51'],
    [-0.001, '0.00'],
    [1, '1.00'],
  ])('writes %s as %s', (value, text) => {
    expect(tableNumber(value)).toBe(text);
  });
});

describe('epochCount', () => {
  it.each([
    [39, 8, 8, 5],
    [39, 64, 39, 1],
    [40, 8, 8, 5],
    [39, 1, 1, 39],
  ])('%i pictures in batches of %i: %i a step, %i steps an epoch', (pictures, batch, perStep, steps) => {
    expect(epochCount(pictures, batch)).toEqual({ perStep, stepsPerEpoch: steps });
  });
});
