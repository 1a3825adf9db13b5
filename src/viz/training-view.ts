/**
 * The training view: what the player's network sees while it learns. It draws from the worker's
 * throttled snapshots, at most once per animation frame, and redraws only the parts that changed.
 */
import { createChart } from './chart';
import { createDrawPad } from './draw-pad';
import { createFiltersView } from './filters';
import { createLayerOutputsView, type PickedCell } from './layer-outputs';
import { createMathView } from './math-view';
import { countRight, createPicturesGrid, formatPercent } from './pictures-grid';
import { cellTitle, highlightsFor, layerInput, mathForCell } from './snapshot-math';
import { ensureVizStyles } from './styles';
import type { HistoryPoint, Judgement, PictureChoice, ViewPicture, ViewSnapshot } from './types';

/** What the view shows besides the snapshots. */
export interface TrainingViewOptions {
  readonly classes: readonly string[];
  /** The level's picture size, `[height, width, channels]`. */
  readonly input: readonly [number, number, number];
  readonly trainPictures: readonly ViewPicture[];
  /** The hidden test pictures, shown once the network is judged. */
  readonly testPictures?: readonly ViewPicture[];
  /** The value of blank paper for drawn pictures; the smallest training pixel when left out. */
  readonly blank?: number;
  /** Where the level divides each conv sum by the filter's pixel count (the course's X example). */
  readonly divideByPixels?: boolean;
  /** Hears which picture the player wants to look inside; a later snapshot brings its `selected`. */
  readonly onSelect: (choice: PictureChoice) => void;
}

/** A mounted training view. */
export interface TrainingView {
  /** Takes the newest snapshot; drawn on the next animation frame (older undrawn ones are skipped). */
  update(snapshot: ViewSnapshot): void;
  /** Adds one point to the loss and accuracy curves. */
  pushHistory(point: HistoryPoint): void;
  /** Shows the test pictures with the votes of the judged network. */
  showJudgement(judgement: Judgement): void;
  /** Removes the view and stops drawing. */
  dispose(): void;
}

const TRAIN_COLOUR = '#4575b4';
const TEST_COLOUR = '#d95f02';

/** A loss for the legend: three decimals, or scientific notation once it is that small. */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return '—';
  return loss !== 0 && Math.abs(loss) < 0.001 ? loss.toExponential(1) : loss.toFixed(3);
}

function smallestPixel(pictures: readonly ViewPicture[]): number {
  let min = 0;
  for (const p of pictures) for (const v of p.pixels) if (v < min) min = v;
  return min;
}

/** Builds the training view inside `container`. */
export function mountTrainingView(container: HTMLElement, options: TrainingViewOptions): TrainingView {
  const doc = container.ownerDocument;
  const win = doc.defaultView;
  ensureVizStyles(doc);
  const { classes, input } = options;
  const testPictures = options.testPictures ?? [];
  const root = doc.createElement('div');
  root.className = 'viz-training';
  const stepLine = doc.createElement('p');
  stepLine.className = 'viz-step';
  stepLine.textContent = 'Not trained yet';

  const curves = doc.createElement('section');
  curves.className = 'viz-curves';
  const curvesTitle = doc.createElement('h3');
  curvesTitle.textContent = 'Learning curves';
  const lossChart = createChart(doc, {
    title: 'Loss (lower is better)',
    series: [
      {
        name: 'training loss',
        colour: TRAIN_COLOUR,
        dash: [],
        value: (p) => p.loss,
        format: formatLoss,
      },
    ],
  });
  const accuracyChart = createChart(doc, {
    title: 'Accuracy (share of pictures voted right)',
    yMax: 1,
    series: [
      {
        name: 'training pictures',
        colour: TRAIN_COLOUR,
        dash: [],
        value: (p) => p.trainAccuracy,
        format: formatPercent,
      },
      {
        name: 'test pictures',
        colour: TEST_COLOUR,
        dash: [6, 4],
        markers: true,
        value: (p) => p.testAccuracy,
        format: formatPercent,
      },
    ],
  });
  curves.append(curvesTitle, lossChart.element, accuracyChart.element);

  let pickedCell: PickedCell | undefined;
  const choose = (choice: PictureChoice) => {
    trainGrid.setPicked(choice.kind === 'train' ? choice.index : undefined);
    testGrid.setPicked(choice.kind === 'test' ? choice.index : undefined);
    mathView.hide();
    outputs.highlight([]);
    pickedCell = undefined;
    options.onSelect(choice);
  };
  const trainGrid = createPicturesGrid(doc, {
    title: 'Training pictures',
    classes,
    input,
    pictures: options.trainPictures,
    onPick: (index) => choose({ kind: 'train', index }),
  });
  const testGrid = createPicturesGrid(doc, {
    title: 'Test pictures (judged)',
    classes,
    input,
    pictures: testPictures,
    onPick: (index) => choose({ kind: 'test', index }),
  });
  testGrid.element.hidden = true;
  const filters = createFiltersView(doc);
  const mathView = createMathView(doc, () => {
    pickedCell = undefined;
    outputs.highlight([]);
  });
  const showMath = () => {
    if (!pickedCell || !shown) return;
    const math = mathForCell(shown, pickedCell, options.divideByPixels ?? false);
    if (typeof math === 'string') {
      mathView.hide();
      outputs.highlight([]);
      return;
    }
    mathView.show(cellTitle(shown, pickedCell), math);
    const channels = layerInput(shown, pickedCell.layerIndex)?.shape[2] ?? 1;
    outputs.highlight(highlightsFor(pickedCell, math, channels));
  };
  const outputs = createLayerOutputsView(doc, (cell) => {
    pickedCell = cell;
    showMath();
    mathView.element.scrollIntoView?.({ block: 'nearest' });
  });
  const drawPad = createDrawPad(doc, {
    input,
    blank: options.blank ?? smallestPixel(options.trainPictures),
    onUse: (pixels) => choose({ kind: 'drawn', pixels }),
  });
  const inside = doc.createElement('div');
  inside.className = 'viz-inside';
  inside.append(outputs.element, mathView.element, drawPad);
  root.append(stepLine, curves, trainGrid.element, testGrid.element, filters.element, inside);
  container.append(root);

  const history: HistoryPoint[] = [];
  let pending: ViewSnapshot | undefined;
  let shown: ViewSnapshot | undefined;
  let pendingJudgement: Judgement | undefined;
  let judgedText = '';
  let chartDirty = false;
  let frame: number | undefined;
  let disposed = false;

  const draw = () => {
    frame = undefined;
    if (disposed) return;
    const next = pending;
    pending = undefined;
    if (next) {
      const before = shown;
      shown = next;
      stepLine.textContent = `Step ${next.step}${judgedText}`;
      if (next.weights !== before?.weights || next.layers !== before?.layers) {
        filters.update(next.input, next.layers, next.weights);
      }
      if (next.trainPredictions !== before?.trainPredictions) trainGrid.update(next.trainPredictions);
      if (next.selected !== before?.selected || next.layers !== before?.layers) {
        outputs.update(next.input, next.layers, classes, next.selected);
        if (!mathView.element.hidden) showMath();
      }
    }
    if (pendingJudgement) {
      const judged = pendingJudgement;
      pendingJudgement = undefined;
      testGrid.element.hidden = testPictures.length === 0;
      testGrid.update(judged.testPredictions);
      const right = countRight(judged.testPredictions, testPictures, classes.length);
      judgedText = `. Judged at step ${judged.step}: ${right} of ${testPictures.length} test pictures right`;
      stepLine.textContent = `${shown ? `Step ${shown.step}` : 'Not trained yet'}${judgedText}`;
    }
    if (chartDirty) {
      chartDirty = false;
      lossChart.draw(history);
      accuracyChart.draw(history);
    }
  };
  const schedule = () => {
    if (frame !== undefined || disposed) return;
    frame = win?.requestAnimationFrame
      ? win.requestAnimationFrame(draw)
      : (setTimeout(draw, 16) as unknown as number);
  };

  return {
    update(snapshot) {
      pending = snapshot;
      schedule();
    },
    pushHistory(point) {
      history.push(point);
      chartDirty = true;
      schedule();
    },
    showJudgement(judgement) {
      pendingJudgement = judgement;
      schedule();
    },
    dispose() {
      disposed = true;
      if (frame !== undefined) {
        if (win?.cancelAnimationFrame) win.cancelAnimationFrame(frame);
        else clearTimeout(frame);
      }
      root.remove();
    },
  };
}
