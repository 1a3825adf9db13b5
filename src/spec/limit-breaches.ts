/**
 * Which of a level's limits a stack of layers breaks, as data: the one walk over the limits that the
 * game (a mark on the block to change, in a player's words) and `convblocks check` (one sentence
 * for a teacher) each word their own way, so a new kind of limit is checked in one place.
 */
import type { LayerSpec, LayerType, LevelLimits } from './types';

/** One broken limit, with the layer it is marked on. */
export type LimitBreach =
  /** A block the level does not offer: each such layer. */
  | { readonly kind: 'not-allowed'; readonly layerIndex: number; readonly type: LayerType }
  /** More blocks of a kind than allowed: marked on the first one past the limit. */
  | {
      readonly kind: 'too-many-of-kind';
      readonly layerIndex: number;
      readonly type: LayerType;
      readonly count: number;
      readonly most: number;
    }
  /** A Conv filter over the level's cap: each such layer. */
  | {
      readonly kind: 'filter-too-big';
      readonly layerIndex: number;
      readonly size: number;
      readonly cap: number;
    }
  /** More layers than allowed: marked on the first one past the limit. */
  | {
      readonly kind: 'too-many-layers';
      readonly layerIndex: number;
      readonly count: number;
      readonly most: number;
    }
  /** More parameters than allowed: the whole network (`layerIndex` -1). */
  | {
      readonly kind: 'too-many-params';
      readonly layerIndex: -1;
      readonly params: number;
      readonly most: number;
    };

/** Every limit `layers` break, layer by layer, then the network's length and its parameters. */
export function limitBreaches(
  layers: readonly LayerSpec[],
  totalParams: number,
  limits: LevelLimits,
): LimitBreach[] {
  const breaches: LimitBreach[] = [];
  const seen = new Map<LayerType, number>();
  layers.forEach((layer, layerIndex) => {
    const { type } = layer;
    const count = (seen.get(type) ?? 0) + 1;
    seen.set(type, count);
    if (!limits.blocks.includes(type)) {
      breaches.push({ kind: 'not-allowed', layerIndex, type });
      return;
    }
    const most = limits.maxBlocks?.[type];
    if (most !== undefined && count === most + 1) {
      const total = layers.filter((other) => other.type === type).length;
      breaches.push({ kind: 'too-many-of-kind', layerIndex, type, count: total, most });
    }
    const cap = limits.maxFilterSize;
    if (layer.type === 'conv' && cap !== undefined && layer.size > cap) {
      breaches.push({ kind: 'filter-too-big', layerIndex, size: layer.size, cap });
    }
  });
  if (limits.maxLayers !== undefined && layers.length > limits.maxLayers) {
    breaches.push({
      kind: 'too-many-layers',
      layerIndex: limits.maxLayers,
      count: layers.length,
      most: limits.maxLayers,
    });
  }
  if (limits.maxParams !== undefined && totalParams > limits.maxParams) {
    breaches.push({ kind: 'too-many-params', layerIndex: -1, params: totalParams, most: limits.maxParams });
  }
  return breaches;
}
