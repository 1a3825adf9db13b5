/**
 * The networks a level carries about itself (its reference, its stars' proofs, its traps): how each
 * trains, and a star rule without its proof.
 */
import { DEFAULT_TRAINING, type LevelNetwork, type LevelSpec, type StarLimit, type StarRule } from './types';

/**
 * The training settings of one of a level's own networks: its own, else the level's, else the
 * format's defaults; `seed` replaces the seed when given (`convblocks check` tries several).
 */
export function levelNetworkTraining(
  level: Pick<LevelSpec, 'training'>,
  network: LevelNetwork,
  seed?: number,
) {
  const training = network.training ?? level.training ?? DEFAULT_TRAINING;
  return seed === undefined ? training : { ...training, seed };
}

/** What a star asks for, without the proof that it can be earned. */
export function starLimit(rule: StarRule): StarLimit {
  if ('maxParams' in rule) return { maxParams: rule.maxParams };
  if ('maxSteps' in rule) return { maxSteps: rule.maxSteps };
  return { maxLayers: rule.maxLayers };
}
