/**
 * A TensorFlow.js optimiser's state read into, and written from, the form every path shares
 * (OptimizerState), through the optimisers' own getWeights/setWeights: SGD keeps only its update
 * count, momentum one accumulation per variable (`name/momentum`), Adam two moments (`name/m`,
 * `name/v`) whose bias correction follows from the update count.
 */
import type { TrainingSpec } from '../spec';
import type { OptimizerState, SlotValues } from './engine-api';
import { tf } from './tf';

/** Which slots an optimiser keeps, by the suffix TensorFlow.js names them with. */
function slotSuffixes(training: TrainingSpec): readonly string[] {
  if (training.optimizer === 'adam') return ['m', 'v'];
  return training.momentum > 0 ? ['momentum'] : [];
}

/** Kernel and bias variables per layer (null for a layer without weights), from `trainables()`. */
function perLayer(hasWeights: readonly boolean[], trainables: readonly tf.Variable[]) {
  let at = 0;
  return hasWeights.map((has) => {
    if (!has) return null;
    const pair = { kernel: trainables[at] as tf.Variable, bias: trainables[at + 1] as tf.Variable };
    at += 2;
    return pair;
  });
}

/** Reads `optimizer`'s state; `hasWeights` says which layers own the `trainables` (kernel, bias each). */
export async function readOptimizerState(
  optimizer: tf.Optimizer,
  training: TrainingSpec,
  hasWeights: readonly boolean[],
  trainables: readonly tf.Variable[],
): Promise<OptimizerState> {
  const [iterations, ...slots] = await optimizer.getWeights();
  const updates = iterations ? ((await iterations.tensor.data())[0] as number) : 0;
  iterations?.tensor.dispose();
  const byName = new Map(slots.map((s) => [s.name, s.tensor]));
  const layers = perLayer(hasWeights, trainables);
  const read = async (suffix: string | undefined) => {
    if (!suffix || !byName.has(`${trainables[0]?.name}/${suffix}`)) return null;
    const values: (SlotValues | null)[] = [];
    for (const layer of layers) {
      const of = async (v: tf.Variable) =>
        Float64Array.from(await (byName.get(`${v.name}/${suffix}`) as tf.Tensor).data());
      values.push(layer ? { kernel: await of(layer.kernel), bias: await of(layer.bias) } : null);
    }
    return values;
  };
  const [first, second] = slotSuffixes(training);
  return { updates, first: await read(first), second: await read(second) };
}

/** Sets a fresh `optimizer` to `state`, saved on any path for the same network and optimiser. */
export async function writeOptimizerState(
  optimizer: tf.Optimizer,
  training: TrainingSpec,
  hasWeights: readonly boolean[],
  trainables: readonly tf.Variable[],
  state: OptimizerState,
): Promise<void> {
  const layers = perLayer(hasWeights, trainables);
  // The optimiser matches slots to variables by position, in the order its gradients map lists them.
  const order = Object.keys(Object.fromEntries(trainables.map((v) => [v.name, true])));
  const named: Parameters<tf.Optimizer['setWeights']>[0] = [
    { name: 'iter', tensor: tf.scalar(state.updates, 'int32') },
  ];
  const slotSets = [state.first, state.second];
  slotSuffixes(training).forEach((suffix, k) => {
    const set = slotSets[k];
    if (!set) return;
    const byName = new Map<string, tf.Tensor>();
    layers.forEach((layer, i) => {
      const values = set[i];
      if (!layer || !values) return;
      byName.set(layer.kernel.name, tf.tensor(Float32Array.from(values.kernel), layer.kernel.shape));
      byName.set(layer.bias.name, tf.tensor(Float32Array.from(values.bias), layer.bias.shape));
    });
    for (const name of order) {
      const tensor = byName.get(name);
      if (!tensor) throw new Error(`The optimiser state has no ${suffix} slot for a layer with weights.`);
      named.push({ name: `${name}/${suffix}`, tensor });
    }
  });
  try {
    await optimizer.setWeights(named);
  } finally {
    // The optimiser's variables keep their own reference to the values.
    for (const { tensor } of named) tensor.dispose();
  }
}
