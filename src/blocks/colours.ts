import type { LayerType } from '../spec';

/** A block kind: the Network block that holds the stack, or one of the layer types. */
export type BlockKind = 'network' | LayerType;

/**
 * One colour per block kind, shared by the editor, the game and the visualisations. Each is dark
 * enough for white text (contrast of at least 4.5 to 1) and far from the others in hue.
 */
export const BLOCK_COLOURS = {
  network: '#455a64',
  conv: '#1565c0',
  relu: '#2e7d32',
  activation: '#6a1b9a',
  pool: '#c62828',
  flatten: '#8d5300',
  dense: '#ad1457',
} as const satisfies Record<BlockKind, string>;
