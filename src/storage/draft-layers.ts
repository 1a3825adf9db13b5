import { describeValue, LAYER_TYPES, type LayerSpec, MAX, SpecError } from '../spec';
import { expectInt, expectList, expectOneOf, expectRecord, join } from './fields';

const PADDINGS = ['valid', 'same'] as const;
const POOL_OPS = ['max', 'avg'] as const;
const ACTIVATIONS = ['sigmoid', 'tanh', 'leaky_relu', 'elu'] as const;

/**
 * Checks each layer of a workbench stack on its own, every field written out (as
 * `networkToDocument` writes them), without asking whether the stack runs as a whole.
 */
function draftLayer(value: unknown, field: string): LayerSpec {
  const type = expectOneOf((value as { type?: unknown } | null)?.type, join(field, 'type'), LAYER_TYPES);
  const at = (key: string) => join(field, key);
  switch (type) {
    case 'conv': {
      const r = expectRecord(value, field, ['type', 'filters', 'size', 'stride', 'padding']);
      return {
        type,
        filters: expectInt(r.filters, at('filters'), 1, MAX.filters),
        size: expectInt(r.size, at('size'), 1, MAX.windowSize),
        stride: expectInt(r.stride, at('stride'), 1, MAX.stride),
        padding: expectOneOf(r.padding, at('padding'), PADDINGS),
      };
    }
    case 'pool': {
      const r = expectRecord(value, field, ['type', 'op', 'size', 'stride', 'padding']);
      return {
        type,
        op: expectOneOf(r.op, at('op'), POOL_OPS),
        size: expectInt(r.size, at('size'), 1, MAX.windowSize),
        stride: expectInt(r.stride, at('stride'), 1, MAX.stride),
        padding: expectOneOf(r.padding, at('padding'), PADDINGS),
      };
    }
    case 'activation': {
      const r = expectRecord(value, field, ['type', 'fn']);
      return { type, fn: expectOneOf(r.fn, at('fn'), ACTIVATIONS) };
    }
    case 'dense': {
      const r = expectRecord(value, field, ['type', 'units']);
      return { type, units: expectInt(r.units, at('units'), 1, MAX.units) };
    }
    case 'relu':
    case 'flatten':
      expectRecord(value, field, ['type']);
      return { type };
    default: {
      const unknown: never = type;
      throw new SpecError(join(field, 'type'), `is not a layer type: ${describeValue(unknown)}`);
    }
  }
}

/** Checks a workbench stack layer by layer; throws a SpecError naming the field and the value. */
export function draftLayers(value: unknown, field: string): LayerSpec[] {
  return expectList(value, field, MAX.layers).map((layer, i) => draftLayer(layer, join(field, i)));
}
