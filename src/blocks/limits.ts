import type { LayerSpec, LevelLimits } from '../spec';
import { LAYER_BLOCKS } from './definitions';

/** A level limit the stack breaks, with the block to mark (null for the Network block). */
export interface LimitProblem {
  readonly kind:
    | 'not-allowed'
    | 'too-many-of-kind'
    | 'filter-too-big'
    | 'too-many-layers'
    | 'too-many-params';
  /** Index of the layer to mark, or -1 to mark the Network block. */
  readonly layerIndex: number;
  readonly reason: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Every limit of the level the stack breaks, each marked on the first block past the limit (every
 * Conv block whose filter is over the level's cap), in words a player can act on. `totalParams`
 * comes from the spec's shape inference.
 */
export function limitProblems(
  layers: readonly LayerSpec[],
  totalParams: number,
  limits: LevelLimits,
): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const seen = new Map<LayerSpec['type'], number>();
  layers.forEach((layer, index) => {
    const title = LAYER_BLOCKS[layer.type].title;
    const count = (seen.get(layer.type) ?? 0) + 1;
    seen.set(layer.type, count);
    if (!limits.blocks.includes(layer.type)) {
      problems.push({
        kind: 'not-allowed',
        layerIndex: index,
        reason: `this level does not use ${title} blocks: remove this one`,
      });
      return;
    }
    const most = limits.maxBlocks?.[layer.type];
    if (most !== undefined && count === most + 1) {
      problems.push({
        kind: 'too-many-of-kind',
        layerIndex: index,
        reason: `this level allows at most ${plural(most, `${title} block`, `${title} blocks`)}: remove one`,
      });
    }
    const side = limits.maxFilterSize;
    if (layer.type === 'conv' && side !== undefined && layer.size > side) {
      problems.push({
        kind: 'filter-too-big',
        layerIndex: index,
        reason: `filters are at most ${side}x${side} on this level but this one is ${layer.size}x${layer.size}: make it smaller`,
      });
    }
  });
  if (limits.maxLayers !== undefined && layers.length > limits.maxLayers) {
    problems.push({
      kind: 'too-many-layers',
      layerIndex: limits.maxLayers,
      reason: `this level allows at most ${plural(limits.maxLayers, 'block', 'blocks')} in the network but it has ${layers.length}: remove ${layers.length - limits.maxLayers}`,
    });
  }
  if (limits.maxParams !== undefined && totalParams > limits.maxParams) {
    problems.push({
      kind: 'too-many-params',
      layerIndex: -1,
      reason: `the network has ${totalParams} parameters but this level allows at most ${limits.maxParams}: use fewer filters or units`,
    });
  }
  return problems;
}
