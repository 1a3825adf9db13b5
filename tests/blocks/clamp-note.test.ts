// @vitest-environment jsdom
import * as Blockly from 'blockly/core';
import { describe, expect, it } from 'vitest';
import { changedNumberNote, NotedNumberField } from '../../src/blocks/clamp-note';
import { LAYER_BLOCKS } from '../../src/blocks/definitions';
import { registerBlocks } from '../../src/blocks/register';
import { MAX } from '../../src/spec';

const filters = { label: 'filters', min: 1, max: MAX.filters };

describe('the note on a number the block changed', () => {
  it.each([
    [0, 1, 'Filters must be at least 1: 0 became 1.'],
    [-3, 1, 'Filters must be at least 1: -3 became 1.'],
    [9999, MAX.filters, `Filters can be at most ${MAX.filters}: 9999 became ${MAX.filters}.`],
    [2.6, 3, 'Filters is a whole number: 2.6 became 3.'],
  ])('typed %s, kept %s: "%s"', (typed, kept, note) => {
    expect(changedNumberNote(filters, typed, kept)).toBe(note);
  });

  it('says nothing when the number was kept or nothing readable was typed', () => {
    expect(changedNumberNote(filters, 4, 4)).toBeNull();
    expect(changedNumberNote(filters, Number.NaN, 4)).toBeNull();
  });

  it('is on every number field of the blocks, which still keep numbers in range', () => {
    registerBlocks();
    const block = new Blockly.Workspace().newBlock(LAYER_BLOCKS.conv.blockType);
    const field = block.getField('FILTERS');
    expect(field).toBeInstanceOf(NotedNumberField);
    for (const [typed, kept] of [
      ['0', 1],
      ['-3', 1],
      ['9999', MAX.filters],
      ['7', 7],
    ] as const) {
      field?.setValue(typed);
      expect(field?.getValue()).toBe(kept);
    }
  });
});
