/**
 * When a network has learned its training pictures: all of them right, and by a clear margin
 * (a mean loss under 0.1, about 90% confidence), so the judgement on the hidden test pictures
 * is not decided by a coin flip at the decision boundary. The game and `convblocks check` share it.
 */
export function hasLearned(trainAccuracy: number, trainLoss: number): boolean {
  return trainAccuracy === 1 && trainLoss < 0.1;
}

/** Steps a training run may take when the level sets no limit. */
export const DEFAULT_MAX_STEPS = 2000;
