import { resumedRandom, type SeededRandom, seededRandom, shuffledIndices } from '../spec/random';

/** Where a BatchOrder stands: enough to go on with exactly the same batches on another path. */
export interface BatchPosition {
  readonly epoch: number;
  /** The next picture's place in `order`. */
  readonly position: number;
  /** This epoch's order of the training pictures. */
  readonly order: Int32Array;
  /** The shuffling generator's state, for the next epochs' orders. */
  readonly random: number;
}

/**
 * The order in which training pictures make batches: the whole set every step when it fits in one
 * batch, otherwise minibatches in an order reshuffled each epoch by a seeded generator. Every
 * engine path draws its batches from it, so a seed gives the same batches on every path.
 */
export class BatchOrder {
  private random: SeededRandom;
  private order: Int32Array;
  private position = 0;
  private readonly everyPicture: Int32Array;
  /** Completed passes over the training pictures. */
  epoch = 0;

  constructor(
    readonly count: number,
    readonly batchSize: number,
    seed: number,
  ) {
    // A generator of its own, so the order does not depend on how many weights were drawn.
    this.random = seededRandom(seed ^ 0x5bd1e995);
    this.order = shuffledIndices(count, this.random);
    this.everyPicture = Int32Array.from({ length: count }, (_, i) => i);
  }

  /** True when every step trains on the whole set. */
  get fullBatch(): boolean {
    return this.count <= this.batchSize;
  }

  /** The indices of the next step's pictures (the whole set, in order, when it fits one batch); read only. */
  next(): Int32Array {
    if (this.fullBatch) {
      this.epoch++;
      return this.everyPicture;
    }
    const end = Math.min(this.position + this.batchSize, this.count);
    const indices = this.order.slice(this.position, end);
    this.position = end;
    if (this.position >= this.count) {
      this.epoch++;
      this.position = 0;
      this.order = shuffledIndices(this.count, this.random);
    }
    return indices;
  }

  /** Where the order stands now (a copy). */
  save(): BatchPosition {
    return {
      epoch: this.epoch,
      position: this.position,
      order: this.order.slice(),
      random: this.random.state,
    };
  }

  /** Goes on from `saved`, taken from an order over the same number of pictures. */
  load(saved: BatchPosition): void {
    if (saved.order.length !== this.count || saved.position < 0 || saved.position > this.count) {
      throw new Error(`A batch position over ${saved.order.length} pictures does not fit ${this.count}.`);
    }
    this.epoch = saved.epoch;
    this.position = saved.position;
    this.order = saved.order.slice();
    this.random = resumedRandom(saved.random);
  }
}
