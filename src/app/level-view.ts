import { type LayerSpec, type LevelSpec, softmax } from '../spec';
import { mountTrainingView, type TrainingView } from '../viz/training-view';
import type { HistoryPoint, PictureChoice } from '../viz/types';
import type { Prediction, ProgressEvent, SnapshotEvent } from '../worker/protocol';

/** The training view fed from the worker's events, for one level. */
export interface LevelView {
  progress(event: ProgressEvent): void;
  snapshot(event: SnapshotEvent): void;
  /** Shows the test pictures with the judged network's votes. */
  judged(step: number, testProbabilities: Float32Array): void;
  /** Shows what the network makes of the watched picture when no snapshot will bring it (a paused run). */
  looked(prediction: Prediction): void;
  /** Looks inside the network with one of the level's pictures, as picking it would. */
  lookInside(choice: PictureChoice): void;
  /** The picture the view looks inside, or null. */
  watched(): readonly number[] | null;
  /** Shows a kept run again: its step and its curves (until training goes on). */
  restoreRun(step: number, curve: readonly HistoryPoint[]): void;
  /** The loss and accuracy curves drawn so far. */
  curve(): readonly HistoryPoint[];
  /** The network was rebuilt or reset: the curves start again. */
  reset(): void;
  dispose(): void;
}

/**
 * Mounts the training view for a level and translates worker events into what it draws. The
 * picture the player selects is watched by the worker, whose snapshots then carry its activations.
 */
export function mountLevelView(
  host: HTMLElement,
  level: Pick<LevelSpec, 'classes' | 'input' | 'train' | 'test' | 'blank'>,
  options: {
    layers: () => readonly LayerSpec[];
    /** The picture to watch; `picked` when the player chose it (rather than the view's first one). */
    onWatch: (pixels: readonly number[] | null, picked: boolean) => void;
    /** The votes for the watched picture whenever they are drawn, with its class (null for a drawn one). */
    onVotes?: (votes: ArrayLike<number>, rightClass: number | null) => void;
    onProgress?: (event: ProgressEvent) => void;
  },
): LevelView {
  let watched: readonly number[] | null = level.train[0]?.pixels ?? null;
  let watchedClass: number | null = level.train[0]?.classIndex ?? null;
  const onSelect = (choice: PictureChoice) => {
    const example =
      choice.kind === 'drawn' ? null : (choice.kind === 'train' ? level.train : level.test)[choice.index];
    watched = choice.kind === 'drawn' ? choice.pixels : (example?.pixels ?? null);
    watchedClass = example?.classIndex ?? null;
    options.onWatch(watched, true);
  };
  const mount = () =>
    mountTrainingView(host, {
      classes: level.classes,
      input: level.input,
      trainPictures: level.train,
      testPictures: level.test,
      blank: level.blank,
      onSelect,
    });
  let view: TrainingView = mount();
  let lastStep = -1;
  let lastSnapshot: SnapshotEvent | null = null;
  options.onWatch(watched, false);
  const levelView: LevelView = {
    progress(event) {
      // A step can be reported twice (by its own answer and by the run's events): draw it once.
      if (event.step === lastStep) return;
      lastStep = event.step;
      options.onProgress?.(event);
      view.pushHistory({
        step: event.step,
        loss: event.loss,
        trainAccuracy: event.trainAccuracy,
        ...(event.testAccuracy !== null && { testAccuracy: event.testAccuracy }),
      });
    },
    snapshot(event) {
      lastSnapshot = event;
      const activations = event.activations;
      const last = activations?.at(-1);
      if (last && watched) options.onVotes?.(softmax(last.values), watchedClass);
      view.update({
        step: event.step,
        layers: options.layers(),
        input: level.input,
        weights: event.weights,
        ...(activations &&
          last &&
          watched && {
            selected: { pixels: watched, outputs: activations, probabilities: softmax(last.values) },
          }),
        ...(event.trainPredictions && { trainPredictions: event.trainPredictions }),
      });
    },
    judged(step, testProbabilities) {
      view.showJudgement({ step, testPredictions: testProbabilities });
    },
    looked(prediction) {
      if (lastSnapshot) levelView.snapshot({ ...lastSnapshot, activations: prediction.layers });
    },
    lookInside: (choice) => view.lookInside(choice),
    restoreRun(step, curve) {
      lastStep = -1;
      view.showRun(step, curve);
    },
    curve: () => view.history(),
    watched: () => watched,
    reset() {
      lastStep = -1;
      view.dispose();
      view = mount();
      // The trainer keeps watching the same picture: nothing to tell it.
    },
    dispose() {
      view.dispose();
    },
  };
  return levelView;
}
