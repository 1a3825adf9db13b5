/**
 * The blocks of the editor as plain data: one table says each block's fields, ranges, defaults and
 * tooltips; the Blockly JSON definitions, the compiler and the workspace validator all read it.
 * Importing this module registers nothing (see register.ts).
 */
import { LAYER_TYPES, type LayerType, MAX } from '../spec';
import type { BlockKind } from './colours';

/** A whole-number field, such as a conv's filter count. */
export interface NumberFieldSpec {
  readonly kind: 'number';
  /** The Blockly field name, as stored in a saved workspace. */
  readonly name: string;
  /** The matching key of the LayerSpec. */
  readonly key: string;
  /** The words shown before the field on the block. */
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly initial: number;
  readonly tooltip: string;
}

/** A field with a fixed list of choices, such as padding. */
export interface ChoiceFieldSpec {
  readonly kind: 'choice';
  readonly name: string;
  readonly key: string;
  readonly label: string;
  /** Pairs of `[words shown, value stored]`. */
  readonly options: readonly (readonly [string, string])[];
  readonly initial: string;
  readonly tooltip: string;
}

/** One editable field of a layer block. */
export type FieldSpec = NumberFieldSpec | ChoiceFieldSpec;

/** A layer block: its Blockly type, its title and its fields, laid out in rows. */
export interface LayerBlockSpec {
  readonly layer: LayerType;
  readonly blockType: string;
  /** The name players read on the block and in messages, such as `Conv`. */
  readonly title: string;
  readonly tooltip: string;
  /** The fields row by row; the first row follows the title. */
  readonly rows: readonly (readonly FieldSpec[])[];
}

/** The Blockly type of the block that holds the stack of layers. */
export const NETWORK_BLOCK_TYPE = 'convblocks_network';

/** The statement input of the Network block that holds the layers. */
export const LAYERS_INPUT = 'LAYERS';

/** The label on every layer block that shows its output shape and parameters (never saved). */
export const INFO_FIELD = 'INFO';

/** The labels on the Network block (never saved). */
export const NETWORK_FIELDS = { input: 'INPUT', classes: 'CLASSES', total: 'TOTAL' } as const;

/** The connection check that lets only layer blocks stack under the Network block. */
const LAYER_CHECK = 'Layer';

const padding = (what: string): ChoiceFieldSpec => ({
  kind: 'choice',
  name: 'PADDING',
  key: 'padding',
  label: 'padding',
  options: [
    ['valid', 'valid'],
    ['same', 'same'],
  ],
  initial: 'valid',
  tooltip:
    what === 'filter'
      ? 'Padding decides what happens at the edges. "valid": the filter only looks where it fits ' +
        'entirely, so the picture shrinks. "same": the edges are padded with zeros, so the output ' +
        'keeps the input size (divided by the stride).'
      : 'Padding decides what happens at the edges. "valid": a window that would hang over the ' +
        'edge is dropped. "same": it is kept and looks only at the real pixels, so the output is ' +
        'the input size divided by the stride, rounded up.',
});

const stride = (what: string, initial: number): NumberFieldSpec => ({
  kind: 'number',
  name: 'STRIDE',
  key: 'stride',
  label: 'stride',
  min: 1,
  max: MAX.stride,
  initial,
  tooltip:
    `The stride is how many pixels the ${what} jumps between two looks. 1 looks at every ` +
    'position; 2 skips every other one, so the output is about half as wide and tall.',
});

/** Every layer block, in toolbox order, keyed by layer type. */
export const LAYER_BLOCKS = {
  conv: {
    layer: 'conv',
    blockType: 'convblocks_conv',
    title: 'Conv',
    tooltip:
      'A convolution: each filter slides over the picture and lights up where it finds its ' +
      'pattern, making one feature map per filter.',
    rows: [
      [
        {
          kind: 'number',
          name: 'FILTERS',
          key: 'filters',
          label: 'filters',
          min: 1,
          max: MAX.filters,
          initial: 2,
          tooltip:
            'How many filters this block has. A filter is a small grid of weights that looks for ' +
            'one pattern (an edge, a corner); each filter makes one feature map.',
        },
        {
          kind: 'number',
          name: 'SIZE',
          key: 'size',
          label: 'size',
          min: 1,
          max: MAX.windowSize,
          initial: 3,
          tooltip: 'How wide and tall each filter is, in pixels: 3 means a 3x3 grid of weights.',
        },
      ],
      [stride('filter', 1), padding('filter')],
    ],
  },
  relu: {
    layer: 'relu',
    blockType: 'convblocks_relu',
    title: 'ReLU',
    tooltip:
      'ReLU keeps positive values and turns negative ones into 0, so a feature map only shows ' +
      'where a pattern was found.',
    rows: [],
  },
  activation: {
    layer: 'activation',
    blockType: 'convblocks_activation',
    title: 'Activation',
    tooltip: 'Applies a function to every value, bending the numbers so the network can learn curves.',
    rows: [
      [
        {
          kind: 'choice',
          name: 'FN',
          key: 'fn',
          label: '',
          options: [
            ['sigmoid', 'sigmoid'],
            ['tanh', 'tanh'],
            ['leaky ReLU', 'leaky_relu'],
            ['ELU', 'elu'],
          ],
          initial: 'sigmoid',
          tooltip:
            'Sigmoid squashes every value between 0 and 1; tanh between -1 and 1; leaky ReLU keeps ' +
            'positives and a tenth of negatives; ELU keeps positives and bends negatives smoothly ' +
            'towards -1.',
        },
      ],
    ],
  },
  pool: {
    layer: 'pool',
    blockType: 'convblocks_pool',
    title: 'Pool',
    tooltip:
      'Pooling shrinks each feature map to one value per small window (the largest, or the average), so ' +
      'later blocks see a smaller picture and do not care exactly where a pattern was.',
    rows: [
      [
        {
          kind: 'choice',
          name: 'OP',
          key: 'op',
          label: '',
          options: [
            ['max', 'max'],
            ['average', 'avg'],
          ],
          initial: 'max',
          tooltip: '"max" keeps the strongest value of each window; "average" keeps their mean.',
        },
        {
          kind: 'number',
          name: 'SIZE',
          key: 'size',
          label: 'window',
          min: 1,
          max: MAX.windowSize,
          initial: 2,
          tooltip: 'How wide and tall each pooling window is, in pixels: 2 means 2x2 windows.',
        },
      ],
      [stride('window', 2), padding('window')],
    ],
  },
  flatten: {
    layer: 'flatten',
    blockType: 'convblocks_flatten',
    title: 'Flatten',
    tooltip:
      'Lays every value of the feature maps out in one long row, so a Dense block can look at ' +
      'all of them at once.',
    rows: [],
  },
  dense: {
    layer: 'dense',
    blockType: 'convblocks_dense',
    title: 'Dense',
    tooltip:
      'A fully connected layer: every unit looks at every input. The last Dense block gives one ' +
      'vote per class.',
    rows: [
      [
        {
          kind: 'number',
          name: 'UNITS',
          key: 'units',
          label: 'units',
          min: 1,
          max: MAX.units,
          initial: 2,
          tooltip:
            'How many units this block has. A unit adds up all its inputs, each times its own ' +
            'weight, plus a bias, and gives one number. The last Dense needs one unit per class.',
        },
      ],
    ],
  },
} as const satisfies { readonly [L in LayerType]: LayerBlockSpec & { readonly layer: L } };

/** The layer block of a Blockly block type, or undefined for the Network block or a foreign one. */
export function layerBlockOfType(blockType: string): LayerBlockSpec | undefined {
  return LAYER_TYPES.map((type): LayerBlockSpec => LAYER_BLOCKS[type]).find(
    (spec) => spec.blockType === blockType,
  );
}

/** Every editable field of a layer block. */
export function fieldsOf(spec: LayerBlockSpec): readonly FieldSpec[] {
  return spec.rows.flat();
}

/** Why `value` cannot go in `field`, in words for the player, or null when it fits. */
export function fieldValueProblem(field: FieldSpec, value: unknown): string | null {
  if (field.kind === 'number') {
    if (typeof value === 'number' && Number.isInteger(value) && value >= field.min && value <= field.max) {
      return null;
    }
    return `expected a whole number from ${field.min} to ${field.max}`;
  }
  if (typeof value === 'string' && field.options.some(([, stored]) => stored === value)) return null;
  return `expected one of ${field.options.map(([, stored]) => JSON.stringify(stored)).join(', ')}`;
}

/** The block kind of a Blockly block type, or undefined for a type that is not ours. */
export function blockKindOfType(blockType: string): BlockKind | undefined {
  if (blockType === NETWORK_BLOCK_TYPE) return 'network';
  return layerBlockOfType(blockType)?.layer;
}

/** The Blockly block style (defined by the theme) of a block kind. */
export function blockStyleName(kind: BlockKind): string {
  return `convblocks_${kind}`;
}

/** The Blockly field type of our number fields: Blockly's, plus a note on the block when it changes a typed number (clamp-note.ts). */
export const NUMBER_FIELD_TYPE = 'field_convblocks_number';

type JsonArg = Readonly<Record<string, unknown>>;

function fieldJson(field: FieldSpec): JsonArg {
  if (field.kind === 'number') {
    return {
      type: NUMBER_FIELD_TYPE,
      name: field.name,
      value: field.initial,
      min: field.min,
      max: field.max,
      precision: 1,
      tooltip: field.tooltip,
    };
  }
  return {
    type: 'field_dropdown',
    name: field.name,
    options: field.options.map(([shown, stored]) => [shown, stored]),
    tooltip: field.tooltip,
  };
}

/** Writes rows of words and fields as Blockly's numbered messages (`message0`, `args0`, ...). */
function messages(rows: readonly (readonly (string | JsonArg)[])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  rows.forEach((row, i) => {
    const args: JsonArg[] = [];
    const words = row.map((part) => {
      if (typeof part === 'string') return part;
      args.push(part);
      return `%${args.length}`;
    });
    out[`message${i}`] = words.join(' ');
    if (args.length > 0) out[`args${i}`] = args;
  });
  return out;
}

const infoLabel = (name: string): JsonArg => ({ type: 'field_label', name, text: '' });

function layerBlockJson(spec: LayerBlockSpec): Record<string, unknown> {
  const rows = spec.rows.map((row, i) => {
    const parts: (string | JsonArg)[] = i === 0 ? [spec.title] : [];
    for (const field of row) {
      if (field.label) parts.push(field.label);
      parts.push(fieldJson(field));
    }
    return parts;
  });
  if (rows.length === 0) rows.push([spec.title]);
  rows.push([infoLabel(INFO_FIELD)]);
  return {
    type: spec.blockType,
    ...messages(rows),
    previousStatement: LAYER_CHECK,
    nextStatement: LAYER_CHECK,
    style: blockStyleName(spec.layer),
    tooltip: spec.tooltip,
  };
}

const networkBlockJson = {
  type: NETWORK_BLOCK_TYPE,
  ...messages([
    ['Network', infoLabel(NETWORK_FIELDS.input)],
    [infoLabel(NETWORK_FIELDS.classes)],
    [{ type: 'input_statement', name: LAYERS_INPUT, check: LAYER_CHECK }],
    [infoLabel(NETWORK_FIELDS.total)],
  ]),
  style: blockStyleName('network'),
  tooltip:
    'Your network. Pictures go in at the top, pass through each block in order, and the last ' +
    'Dense block votes for a class. Blocks outside it are ignored.',
};

/** The JSON definitions of every block, for `Blockly.common.defineBlocksWithJsonArray`. */
export const BLOCK_DEFINITIONS: readonly Record<string, unknown>[] = [
  networkBlockJson,
  ...LAYER_TYPES.map((type) => layerBlockJson(LAYER_BLOCKS[type])),
];
