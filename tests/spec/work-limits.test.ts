/**
 * Issue 18, failure 4: limits on work, not only on bytes. A level inside every size limit could
 * still ask for 57 million pixel values (3,500 pictures of 64x64x4) or a million training steps;
 * those are refused before any picture is expanded, with a message naming the field and the value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX, parseLevel, parseNetwork } from '../../src/spec';
import { stepWork } from '../../src/spec/work';
import { bigLevelDocument, heavyNetworkDocument, heavyReference } from '../fixtures/heavy-documents';

const thrown = (parse: () => unknown): string => {
  try {
    parse();
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

describe('limits on work', () => {
  it('refuses the reported 3,500 pictures of 64x64x4, naming the count', () => {
    expect(thrown(() => parseLevel(bigLevelDocument(3500, 64, 4)))).toBe(
      `train: 3501 pictures of 64x64x4 are 57360384 pixel values, more than the ${MAX.pixelValues} a level may hold`,
    );
  });

  it('refuses a level just over the pixel cap', () => {
    const count = Math.floor(MAX.pixelValues / (64 * 64 * 4));
    expect(thrown(() => parseLevel(bigLevelDocument(count, 64, 4)))).toMatch(
      /^train: .* pixel values, more than/,
    );
  });

  it('opens a level just under the pixel cap', () => {
    const count = Math.floor(MAX.pixelValues / (64 * 64 * 4)) - 1;
    expect(parseLevel(bigLevelDocument(count, 64, 4)).train).toHaveLength(count);
  });

  it.each([
    ['limits.maxSteps', { limits: { blocks: ['flatten', 'dense'], maxLayers: 2, maxSteps: 1_000_000 } }],
    ['stars[0].maxSteps', { stars: [{ maxSteps: 1_000_000 }] }],
  ])('refuses a million training steps in %s', (field, changes) => {
    expect(thrown(() => parseLevel(bigLevelDocument(2, 2, 1, changes)))).toMatch(
      new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: .*1000000`),
    );
  });

  it('refuses a reference network whose one step is too much work', () => {
    const reference = heavyReference();
    expect(thrown(() => parseLevel(bigLevelDocument(400, 64, 1, { reference })))).toMatch(
      /^reference: one training step is \d+ multiply-adds, more than the \d+ a browser can do in about a second$/,
    );
  });

  it('refuses a network whose one step is too much work', () => {
    expect(thrown(() => parseNetwork(heavyNetworkDocument()))).toMatch(
      /^training\.batchSize: one training step/,
    );
  });

  it('keeps every built-in level far below each cap (a hundredth or less)', () => {
    const dir = new URL('../../levels/', import.meta.url);
    const levels = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== 'index.json')
      .map((f) => parseLevel(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));
    const values = Math.max(
      ...levels.map((l) => (l.train.length + l.test.length) * l.input[0] * l.input[1] * l.input[2]),
    );
    const steps = Math.max(...levels.map((l) => l.limits.maxSteps ?? 0));
    expect(values * 100).toBeLessThan(MAX.pixelValues);
    const work = Math.max(
      ...levels.map((l) =>
        l.reference
          ? stepWork(l.input, l.reference.layers, Math.min(l.reference.training.batchSize, l.train.length))
          : 0,
      ),
    );
    expect(steps * 10).toBeLessThan(MAX.steps);
    expect(work * 100).toBeLessThan(MAX.stepWork);
  });
});
