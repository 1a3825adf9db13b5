import type { LayerSpec } from '../spec';

/** A layer's name as the blocks call it, with its settings. */
export function layerTitle(layer: LayerSpec): string {
  switch (layer.type) {
    case 'conv':
      return `Conv ${layer.size}x${layer.size}, ${layer.filters} ${layer.filters === 1 ? 'filter' : 'filters'}, stride ${layer.stride}`;
    case 'relu':
      return 'ReLU';
    case 'activation':
      return `Activation ${layer.fn}`;
    case 'pool':
      return `${layer.op === 'max' ? 'Max' : 'Average'} pool ${layer.size}x${layer.size}, stride ${layer.stride}`;
    case 'flatten':
      return 'Flatten';
    case 'dense':
      return `Dense, ${layer.units} ${layer.units === 1 ? 'unit' : 'units'}`;
    default: {
      const unknown: never = layer;
      throw new Error(`no title for layer ${JSON.stringify(unknown)}`);
    }
  }
}
