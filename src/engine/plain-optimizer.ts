/**
 * The optimisers of the formats on plain arrays, with TensorFlow.js's update rules: SGD
 * (`w -= lr * g`), SGD with momentum (`a = m * a + g; w -= lr * a`) and Adam (beta1 0.9, beta2 0.999,
 * epsilon 1e-7, bias-corrected moments).
 */
import type { TrainingSpec } from '../spec';
import type { OptimizerState, SlotValues } from './engine-api';
import type { PlainGradients, PlainWeights } from './plain-network';

const BETA1 = 0.9;
const BETA2 = 0.999;
/** TensorFlow.js's float32 epsilon, which its Adam uses when given none. */
const EPSILON = 1e-7;

/** Per-weight state of an optimiser: momentum's accumulation, or Adam's two moments. */
interface Slots {
  readonly first: Float64Array;
  readonly second: Float64Array;
}

/** Updates weights from their gradients, keeping its own state between steps. */
export class PlainOptimizer {
  private slots: (Slots | null)[][] = [];
  private beta1Power = BETA1;
  private beta2Power = BETA2;
  private updates = 0;

  constructor(private readonly training: TrainingSpec) {}

  /** One update of every layer's weights. */
  apply(weights: readonly (PlainWeights | null)[], grads: readonly (PlainGradients | null)[]): void {
    weights.forEach((w, i) => {
      const g = grads[i];
      if (!w || !g) return;
      this.slots[i] ??= [null, null];
      const layerSlots = this.slots[i] as (Slots | null)[];
      this.update(w.kernel, g.kernel, layerSlots, 0);
      this.update(w.bias, g.bias, layerSlots, 1);
    });
    if (this.training.optimizer === 'adam') {
      this.beta1Power *= BETA1;
      this.beta2Power *= BETA2;
    }
    this.updates++;
  }

  /** The state as every path reads it (copies). */
  save(): OptimizerState {
    const { optimizer, momentum } = this.training;
    const stateful = optimizer === 'adam' || momentum > 0;
    const slot = (which: keyof Slots) =>
      Array.from(this.slots, (layer): SlotValues | null => {
        const [kernel, bias] = layer ?? [];
        return kernel && bias ? { kernel: kernel[which].slice(), bias: bias[which].slice() } : null;
      });
    const first = stateful && this.slots.length ? slot('first') : null;
    const second = optimizer === 'adam' && this.slots.length ? slot('second') : null;
    return { updates: this.updates, first, second };
  }

  /** Goes on from `state`, saved on any path for the same network and optimiser. */
  load(state: OptimizerState): void {
    this.updates = state.updates;
    this.beta1Power = BETA1 ** (state.updates + 1);
    this.beta2Power = BETA2 ** (state.updates + 1);
    const first = state.first ?? [];
    this.slots = first.map((values, i) => {
      if (!values) return [null, null];
      const second = state.second?.[i];
      const slot = (at: keyof SlotValues): Slots => ({
        first: values[at].slice(),
        second: second ? second[at].slice() : new Float64Array(values[at].length),
      });
      return [slot('kernel'), slot('bias')];
    });
  }

  private update(value: Float32Array, grad: Float64Array, layerSlots: (Slots | null)[], at: number): void {
    const { optimizer, learningRate: lr, momentum } = this.training;
    if (optimizer === 'sgd' && momentum === 0) {
      for (let k = 0; k < value.length; k++) value[k] = (value[k] as number) - lr * (grad[k] as number);
      return;
    }
    layerSlots[at] ??= { first: new Float64Array(value.length), second: new Float64Array(value.length) };
    const { first, second } = layerSlots[at] as Slots;
    if (optimizer === 'sgd') {
      for (let k = 0; k < value.length; k++) {
        first[k] = momentum * (first[k] as number) + (grad[k] as number);
        value[k] = (value[k] as number) - lr * (first[k] as number);
      }
      return;
    }
    const c1 = 1 - this.beta1Power;
    const c2 = 1 - this.beta2Power;
    for (let k = 0; k < value.length; k++) {
      const g = grad[k] as number;
      first[k] = BETA1 * (first[k] as number) + (1 - BETA1) * g;
      second[k] = BETA2 * (second[k] as number) + (1 - BETA2) * g * g;
      const m = (first[k] as number) / c1;
      const v = (second[k] as number) / c2;
      value[k] = (value[k] as number) - (lr * m) / (Math.sqrt(v) + EPSILON);
    }
  }
}
