// @vitest-environment jsdom
import * as Blockly from 'blockly/core';
import { describe, expect, it } from 'vitest';
import { BLOCK_COLOURS } from '../../src/blocks/colours';
import { BLOCK_DEFINITIONS, fieldsOf, LAYER_BLOCKS, NETWORK_BLOCK_TYPE } from '../../src/blocks/definitions';
import { registerBlocks } from '../../src/blocks/register';
import { LAYER_TYPES, MAX } from '../../src/spec';

const layerBlocks = LAYER_TYPES.map((type) => LAYER_BLOCKS[type]);
const allFields = layerBlocks.flatMap((block) =>
  fieldsOf(block).map((field) => [block.title, field] as const),
);

/** WCAG relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('block definitions', () => {
  it('registers nothing on import', () => {
    expect(BLOCK_DEFINITIONS.map((definition) => Blockly.Blocks[String(definition.type)])).toEqual(
      BLOCK_DEFINITIONS.map(() => undefined),
    );
  });

  it('defines the Network block and one block per layer type', () => {
    expect(BLOCK_DEFINITIONS.map((definition) => definition.type)).toEqual([
      NETWORK_BLOCK_TYPE,
      ...layerBlocks.map((block) => block.blockType),
    ]);
  });

  it('can be registered any number of times', () => {
    registerBlocks();
    const first = Blockly.Blocks[LAYER_BLOCKS.conv.blockType];
    registerBlocks();
    expect(Blockly.Blocks[LAYER_BLOCKS.conv.blockType]).toBe(first);
  });

  it.each(BLOCK_DEFINITIONS.map((definition) => [definition.type, definition] as const))(
    'gives the %s block a tooltip in plain words',
    (_type, definition) => {
      expect(String(definition.tooltip).length).toBeGreaterThan(40);
    },
  );

  it.each(allFields)('gives the %s field %o a tooltip in plain words', (_title, field) => {
    expect(field.tooltip.length).toBeGreaterThan(40);
  });

  it.each(allFields.filter(([, field]) => field.kind === 'number'))(
    'gives the %s number field %o a minimum of 1 and a maximum within the spec',
    (_title, field) => {
      if (field.kind !== 'number') throw new Error('filtered to number fields');
      expect(field.min).toBe(1);
      expect(field.max).toBeLessThanOrEqual(Math.max(MAX.filters, MAX.units));
      expect(field.initial).toBeGreaterThanOrEqual(field.min);
      expect(field.initial).toBeLessThanOrEqual(field.max);
    },
  );

  it.each(allFields)('puts the %s field %o on the block with its range and tooltip', (title, field) => {
    registerBlocks();
    const spec = layerBlocks.find((block) => block.title === title);
    const block = new Blockly.Workspace().newBlock(spec?.blockType ?? '');
    const onBlock = block.getField(field.name);
    expect(onBlock?.getTooltip()).toBe(field.tooltip);
    if (field.kind === 'number') {
      const number = onBlock as Blockly.FieldNumber;
      expect([number.getMin(), number.getMax(), number.getPrecision()]).toEqual([field.min, field.max, 1]);
    } else {
      expect((onBlock as Blockly.FieldDropdown).getOptions().map(([, value]) => value)).toEqual(
        field.options.map(([, value]) => value),
      );
    }
  });
});

describe('block colours', () => {
  it.each(Object.entries(BLOCK_COLOURS))('makes %s (%s) readable with white text', (_kind, colour) => {
    const contrast = 1.05 / (luminance(colour) + 0.05);
    expect(contrast).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every block kind its own colour', () => {
    const colours = Object.values(BLOCK_COLOURS);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
