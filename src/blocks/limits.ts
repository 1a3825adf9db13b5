import { type LayerSpec, type LevelLimits, type LimitBreach, limitBreaches, plural } from '../spec';
import { LAYER_BLOCKS } from './definitions';

/** A level limit the stack breaks, with the block to mark (null for the Network block). */
export interface LimitProblem {
  readonly kind: LimitBreach['kind'];
  /** Index of the layer to mark, or -1 to mark the Network block. */
  readonly layerIndex: number;
  readonly reason: string;
}

/** What a player reads on the marked block for one broken limit: what to change. */
function reasonFor(breach: LimitBreach): string {
  switch (breach.kind) {
    case 'not-allowed':
      return `this level does not use ${LAYER_BLOCKS[breach.type].title} blocks: remove this one`;
    case 'too-many-of-kind': {
      const title = LAYER_BLOCKS[breach.type].title;
      return `this level allows at most ${plural(breach.most, `${title} block`, `${title} blocks`)}: remove one`;
    }
    case 'filter-too-big':
      return `filters are at most ${breach.cap}x${breach.cap} on this level but this one is ${breach.size}x${breach.size}: make it smaller`;
    case 'too-many-layers':
      return `this level allows at most ${plural(breach.most, 'block', 'blocks')} in the network but it has ${breach.count}: remove ${breach.count - breach.most}`;
    case 'too-many-params':
      return `the network has ${breach.params} parameters but this level allows at most ${breach.most}: use fewer filters or units`;
  }
}

/**
 * Every limit of the level the stack breaks (the spec's `limitBreaches`), each marked on the first
 * block past the limit (every Conv block whose filter is over the level's cap), in words a player
 * can act on. `totalParams` comes from the spec's shape inference.
 */
export function limitProblems(
  layers: readonly LayerSpec[],
  totalParams: number,
  limits: LevelLimits,
): LimitProblem[] {
  return limitBreaches(layers, totalParams, limits).map((breach) => ({
    kind: breach.kind,
    layerIndex: breach.layerIndex,
    reason: reasonFor(breach),
  }));
}
