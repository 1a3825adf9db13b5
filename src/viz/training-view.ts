/**
 * The training view: what the player's network sees while it learns. It draws from the worker's
 * throttled snapshots, at most once per animation frame and no more often than its pacer allows
 * (frame-pacer.ts), and redraws only the parts that changed.
 */
import { type Chart, createChart } from './chart';
import { colourChannelNames } from './colour-picture';
import { CurveHistory } from './curve-history';
import { createDrawPad } from './draw-pad';
import { createFiltersView, type FiltersView } from './filters';
import { browserPacing, frameScheduler, type ViewPacing } from './frame-pacer';
import { createLayerOutputsView, type LayerOutputsView, type PickedCell } from './layer-outputs';
import { createMathView, type MathView } from './math-view';
import { type OnScreen, watchOnScreen } from './on-screen';
import { countRight, createPicturesGrid, formatPercent, type PicturesGrid } from './pictures-grid';
import { setText } from './set-text';
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
  /** Hears which picture the player wants to look inside; a later snapshot brings its `selected`. */
  readonly onSelect: (choice: PictureChoice) => void;
  /** How often it may draw: left out, paced by its frames' main-thread time; null, every frame with news. */
  readonly pacing?: ViewPacing | null;
}

/** A mounted training view. */
export interface TrainingView {
  /** Takes the newest snapshot; drawn on the next animation frame (older undrawn ones are skipped). */
  update(snapshot: ViewSnapshot): void;
  /** Adds one point to the loss and accuracy curves; the first after `showRun` starts them again. */
  pushHistory(point: HistoryPoint): void;
  /**
   * Shows a run kept from before (a reload): its curves, and its step on the step line while the
   * trainer, which starts counting again from the kept weights, reports step 0.
   */
  showRun(step: number, history: readonly HistoryPoint[]): void;
  /** The curves' points so far. */
  history(): readonly HistoryPoint[];
  /** Shows the test pictures with the votes of the judged network. */
  showJudgement(judgement: Judgement): void;
  /** Looks inside the network with a picture, as picking it would, and brings the inside view into sight. */
  lookInside(choice: PictureChoice): void;
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

/** The loss chart and the accuracy chart, under one heading. */
function learningCurves(doc: Document): { element: HTMLElement; loss: Chart; accuracy: Chart } {
  const element = doc.createElement('section');
  element.className = 'viz-curves';
  const title = doc.createElement('h3');
  title.textContent = 'Learning curves';
  const loss = createChart(doc, {
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
  const accuracy = createChart(doc, {
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
  element.append(title, loss.element, accuracy.element);
  return { element, loss, accuracy };
}

/** The parts that pick a picture and look inside the network with it. */
interface Looking {
  readonly trainGrid: PicturesGrid;
  readonly testGrid: PicturesGrid;
  readonly outputs: LayerOutputsView;
  readonly mathView: MathView;
  /** The layer outputs, the math of the picked cell and the drawing pad. */
  readonly inside: HTMLElement;
  /** Shows the math behind the picked cell in the snapshot shown, if a cell is picked. */
  showMath(): void;
  /** Picks a picture as a click on it would. */
  choose(choice: PictureChoice): void;
}

/**
 * The picture grids, the layer outputs, the math view and the drawing pad: picking a picture clears
 * the picked cell; picking a cell shows the math behind it and outlines where it came from.
 */
function mountLooking(
  doc: Document,
  options: TrainingViewOptions,
  shown: () => ViewSnapshot | undefined,
): Looking {
  const { classes, input } = options;
  let pickedCell: PickedCell | undefined;
  const choose = (choice: PictureChoice) => {
    trainGrid.setPicked(choice.kind === 'train' ? choice.index : undefined);
    testGrid.setPicked(choice.kind === 'test' ? choice.index : undefined);
    mathView.hide();
    outputs.highlight([]);
    pickedCell = undefined;
    options.onSelect(choice);
  };
  const grid = (title: string, kind: 'train' | 'test', pictures: readonly ViewPicture[]) =>
    createPicturesGrid(doc, { title, classes, input, pictures, onPick: (index) => choose({ kind, index }) });
  const trainGrid = grid('Training pictures', 'train', options.trainPictures);
  const testGrid = grid('Test pictures (judged)', 'test', options.testPictures ?? []);
  testGrid.element.hidden = true;
  const mathView = createMathView(doc, () => {
    pickedCell = undefined;
    outputs.highlight([]);
  });
  const showMath = () => {
    const snapshot = shown();
    if (!pickedCell || !snapshot) return;
    const math = mathForCell(snapshot, pickedCell);
    if (typeof math === 'string') {
      mathView.hide();
      outputs.highlight([]);
      return;
    }
    const channels = layerInput(snapshot, pickedCell.layerIndex)?.shape[2] ?? 1;
    const names = colourChannelNames(snapshot.layers, pickedCell.layerIndex, channels);
    mathView.show(cellTitle(snapshot, pickedCell), math, names);
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
  return { trainGrid, testGrid, outputs, mathView, inside, showMath, choose };
}

/** What each part last drew, so a part that was off screen catches up when it comes into view. */
interface Drawn {
  weights?: ViewSnapshot['weights'];
  filterLayers?: ViewSnapshot['layers'];
  trainPredictions?: ViewSnapshot['trainPredictions'];
  selected?: ViewSnapshot['selected'];
  outputLayers?: ViewSnapshot['layers'];
}

/** What is drawn and what waits for the next frame. */
interface ViewState {
  readonly options: TrainingViewOptions;
  readonly stepLine: HTMLElement;
  readonly curves: { element: HTMLElement; loss: Chart; accuracy: Chart };
  readonly filters: FiltersView;
  readonly looking: Looking;
  readonly history: CurveHistory;
  readonly drawn: Drawn;
  /** Which parts are on screen: the others are drawn when they come into view. */
  onScreen: OnScreen;
  pending: ViewSnapshot | undefined;
  shown: ViewSnapshot | undefined;
  pendingJudgement: Judgement | undefined;
  judgedText: string;
  chartDirty: boolean;
  /** The kept run's step, shown in place of the trainer's step 0 until training goes on. */
  keptStep: number | undefined;
}

/** The step the step line shows for a snapshot. */
function shownStep(st: ViewState, snapshot: ViewSnapshot): number {
  return snapshot.step === 0 && st.keptStep !== undefined ? st.keptStep : snapshot.step;
}

/** Redraws the parts on screen whose data changed since they last drew. */
function drawParts(st: ViewState): void {
  const { filters, looking, drawn, onScreen } = st;
  const next = st.shown;
  if (!next) return;
  if (
    onScreen.has(filters.element) &&
    (next.weights !== drawn.weights || next.layers !== drawn.filterLayers)
  ) {
    filters.update(next.input, next.layers, next.weights);
    drawn.weights = next.weights;
    drawn.filterLayers = next.layers;
  }
  if (onScreen.has(looking.trainGrid.element) && next.trainPredictions !== drawn.trainPredictions) {
    looking.trainGrid.update(next.trainPredictions);
    drawn.trainPredictions = next.trainPredictions;
  }
  if (
    onScreen.has(looking.inside) &&
    (next.selected !== drawn.selected || next.layers !== drawn.outputLayers)
  ) {
    looking.outputs.update(next.input, next.layers, st.options.classes, next.selected);
    if (!looking.mathView.element.hidden) looking.showMath();
    drawn.selected = next.selected;
    drawn.outputLayers = next.layers;
  }
}

/** Shows the test pictures with the judged votes, and the count of right ones on the step line. */
function drawJudgement(st: ViewState, judged: Judgement): void {
  const testPictures = st.options.testPictures ?? [];
  const { testGrid } = st.looking;
  testGrid.element.hidden = testPictures.length === 0;
  testGrid.update(judged.testPredictions);
  const right = countRight(judged.testPredictions, testPictures, st.options.classes.length);
  st.judgedText = `. Judged at step ${judged.step}: ${right} of ${testPictures.length} test pictures right`;
  const step = st.shown ? shownStep(st, st.shown) : st.keptStep;
  setText(st.stepLine, `${step !== undefined ? `Step ${step}` : 'Not trained yet'}${st.judgedText}`);
}

/** One frame: the newest snapshot, a judgement, and the curves, each only when there is news. */
function drawFrame(st: ViewState): void {
  const next = st.pending;
  st.pending = undefined;
  if (next) {
    st.shown = next;
    setText(st.stepLine, `Step ${shownStep(st, next)}${st.judgedText}`);
  }
  drawParts(st);
  if (st.pendingJudgement) {
    const judged = st.pendingJudgement;
    st.pendingJudgement = undefined;
    drawJudgement(st, judged);
  }
  if (st.chartDirty && st.onScreen.has(st.curves.element)) {
    st.chartDirty = false;
    const points = st.history.points;
    st.curves.loss.draw(points);
    st.curves.accuracy.draw(points);
  }
}

/** Builds the training view inside `container`. */
export function mountTrainingView(container: HTMLElement, options: TrainingViewOptions): TrainingView {
  const doc = container.ownerDocument;
  const win = doc.defaultView;
  ensureVizStyles(doc);
  const root = doc.createElement('div');
  root.className = 'viz-training';
  const stepLine = doc.createElement('p');
  stepLine.className = 'viz-step';
  stepLine.textContent = 'Not trained yet';
  const curves = learningCurves(doc);
  const looking = mountLooking(doc, options, () => st.shown);
  const filters = createFiltersView(doc);
  const st: ViewState = {
    options,
    stepLine,
    curves,
    filters,
    looking,
    history: new CurveHistory(),
    drawn: {},
    onScreen: { has: () => true, dispose: () => undefined },
    pending: undefined,
    shown: undefined,
    pendingJudgement: undefined,
    judgedText: '',
    chartDirty: false,
    keptStep: undefined,
  };
  root.append(
    stepLine,
    curves.element,
    looking.trainGrid.element,
    looking.testGrid.element,
    filters.element,
    looking.inside,
  );
  container.append(root);
  const frames = frameScheduler(win, options.pacing === undefined ? browserPacing(win) : options.pacing, () =>
    drawFrame(st),
  );
  const parts = [curves.element, looking.trainGrid.element, filters.element, looking.inside];
  // A part scrolled into view catches up at once: the player is looking for it.
  st.onScreen = watchOnScreen(win, parts, () => frames.schedule(true));

  return {
    update(snapshot) {
      st.pending = snapshot;
      frames.schedule();
    },
    pushHistory(point) {
      if (st.keptStep !== undefined) {
        // Training goes on from the kept weights: a new run, new curves, the trainer's own steps.
        st.keptStep = undefined;
        st.history.clear();
      }
      st.history.push(point);
      st.chartDirty = true;
      frames.schedule();
    },
    showRun(step, history) {
      st.keptStep = step;
      st.history.replace(history);
      st.chartDirty = true;
      if (st.shown) st.pending ??= st.shown;
      else setText(stepLine, `Step ${step}${st.judgedText}`);
      frames.schedule(true);
    },
    history: () => st.history.points,
    showJudgement(judgement) {
      st.pendingJudgement = judgement;
      // The verdict answers the run's end: shown at once, never held back by the pacer.
      frames.schedule(true);
    },
    lookInside(choice) {
      looking.choose(choice);
      looking.outputs.element.scrollIntoView?.({ block: 'start' });
    },
    dispose() {
      frames.cancel();
      st.onScreen.dispose();
      root.remove();
    },
  };
}
