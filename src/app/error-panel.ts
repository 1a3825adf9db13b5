/**
 * "Where the error goes": the course's error table for the picture the view looks inside, live as
 * the network trains; a chosen weight of the last Dense block to nudge up or down by hand, to watch
 * the error move; one gradient-descent step to let training do the same for every weight; and the
 * epoch counter beside the batch size.
 */
import type { LayerSpec, LayerWeights, LevelSpec, Shape, TrainingSpec } from '../spec';
import { inferShapes } from '../spec';
import { button, el } from '../ui';
import { COURSE_ERROR_TABLE, epochCount, errorTable, tableNumber } from '../viz/error-table';
import type { ProgressEvent } from '../worker/protocol';
import { batchSizeControl } from './settings-row';

/** One weight of the last Dense block moved by `delta`: a kernel entry, or the unit's bias. */
export interface WeightNudge {
  /** The Dense block's place in the network's layers. */
  readonly layer: number;
  /** The input the weight comes from, or null for the unit's bias. */
  readonly input: number | null;
  readonly unit: number;
  /** How many units (the kernel is flat in [inputs][units] order). */
  readonly units: number;
  readonly delta: number;
}

/** How far one press of a nudge button moves the weight. */
export const NUDGE = 0.5;

/** The mounted panel. */
export interface ErrorPanel {
  readonly element: HTMLElement;
  /** The editor's network changed: the weight chooser follows its last Dense block. */
  update(layers: readonly LayerSpec[]): void;
  /** The votes for the watched picture, and its class (null for a drawn picture, which has none). */
  votes(votes: ArrayLike<number>, rightClass: number | null): void;
  progress(event: ProgressEvent): void;
  /** The training settings on screen (their batch size sets how many steps an epoch takes). */
  training(training: TrainingSpec): void;
}

/** What the panel's buttons ask for. */
export interface ErrorPanelActions {
  nudge(change: WeightNudge): void;
  /** Steps of gradient descent: one (what Step does), or a whole number of epochs' worth. */
  step(steps: number): void;
  /** The player picked another batch size. */
  batchSize(size: number): void;
}

/** The table element for rows of class, right answer, actual answer and error, and a total. */
function tableOf(
  caption: string,
  rows: readonly { className: string; right: number; actual: number; error: number }[],
  total: number,
): HTMLTableElement {
  const cells = (tag: 'td' | 'th', texts: readonly string[]) => texts.map((t) => el(tag, {}, t));
  return el(
    'table',
    { class: 'error-table' },
    el('caption', {}, caption),
    el(
      'thead',
      {},
      el('tr', {}, ...cells('th', ['class', 'right answer', 'actual answer', 'right − actual'])),
    ),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, row.className),
          ...cells('td', [String(row.right), tableNumber(row.actual), tableNumber(row.error)]),
        ),
      ),
    ),
    el(
      'tfoot',
      {},
      el('tr', {}, el('th', { scope: 'row', colspan: '3' }, 'total error'), el('td', {}, tableNumber(total))),
    ),
  );
}

/** The course's worked table exactly as it prints it, with a word on what it leaves out. */
function courseTable(): HTMLElement {
  const t = COURSE_ERROR_TABLE;
  const rows = t.classes.map((className, i) => ({
    className,
    right: t.right[i] as number,
    actual: t.actual[i] as number,
    error: t.errors[i] as number,
  }));
  return el(
    'div',
    { class: 'error-course' },
    tableOf('The course’s example, as it prints it', rows, t.total),
    el(
      'p',
      {},
      'There the two answers come from separate outputs; 0 − 0.51 would be −0.51, an error of size 0.51, ' +
        'where the course prints 0.49. Here the votes always add up to 1.',
    ),
  );
}

/** A label for each input of the Dense block at `layer`: a pixel when it reads the picture straight. */
function inputLabels(layers: readonly LayerSpec[], layer: number, input: Shape, count: number): string[] {
  const straight = layer === 1 && layers[0]?.type === 'flatten' && input.length === 3;
  const [height, width, channels] = straight ? input : [0, 0, 0];
  return Array.from({ length: count }, (_, i) => {
    if (!straight || height === undefined || width === undefined || channels === undefined)
      return `input ${i + 1}`;
    const pixel = Math.floor(i / channels);
    const where = `pixel row ${Math.floor(pixel / width) + 1}, column ${(pixel % width) + 1}`;
    return channels > 1 ? `${where}, channel ${(i % channels) + 1}` : where;
  });
}

function options(select: HTMLSelectElement, labels: readonly string[]): void {
  // The choice made stays when the new list still has it; otherwise the first is chosen.
  const kept = Number(select.value || 0);
  select.replaceChildren(...labels.map((label, i) => el('option', { value: String(i) }, label)));
  select.value = String(kept < labels.length ? kept : 0);
}

/** The epochs the epochs knob offers: one pass over the pictures up to a short run. */
const EPOCH_CHOICES = [1, 2, 5, 10, 20];

/** Mounts the panel for `level`; the buttons ask `actions` to nudge a weight or take a step. */
// Long: the table, the chooser and the epoch line share the last votes and the network's shape.
export function mountErrorPanel(level: LevelSpec, actions: ErrorPanelActions): ErrorPanel {
  const live = el('div', { class: 'error-live', 'aria-live': 'polite' });
  const lossLine = el('p', { class: 'error-loss' });
  const epochLine = el('p', { class: 'error-epoch' });
  const batchHost = el('div', { class: 'controls error-batch' });
  // How many passes over the training pictures the epochs button takes, in steps of the batch size.
  const epochs = el('select', { class: 'error-epochs' });
  options(epochs, EPOCH_CHOICES.map(String));
  const epochsButton = button('Train these epochs', () => {
    const { stepsPerEpoch } = epochCount(level.train.length, batchSize);
    actions.step((EPOCH_CHOICES[Number(epochs.value)] ?? 1) * stepsPerEpoch);
  });
  const epochsControl = el(
    'div',
    { class: 'controls error-epochs-control' },
    el('label', {}, 'Epochs ', epochs),
    epochsButton,
  );
  const from = el('select', { class: 'error-from' });
  const to = el('select', { class: 'error-to' });
  options(
    to,
    level.classes.map((name) => `the vote for ${name}`),
  );
  let target: { layer: number; inputs: number; units: number } | null = null;
  let batchSize = 0;
  let lastEpoch = 0;

  const nudge = (delta: number) => {
    if (!target) return;
    const input = Number(from.value);
    actions.nudge({
      layer: target.layer,
      input: input < target.inputs ? input : null,
      unit: Number(to.value),
      units: target.units,
      delta,
    });
  };
  const chooser = el(
    'div',
    { class: 'error-nudge' },
    el('label', {}, 'Weight from ', from),
    el('label', {}, ' to ', to),
    el(
      'div',
      { class: 'controls' },
      button(`Nudge down (−${NUDGE})`, () => nudge(-NUDGE)),
      button(`Nudge up (+${NUDGE})`, () => nudge(NUDGE)),
      button('Let gradient descent do it: one step', () => actions.step(1)),
    ),
  );
  live.append(el('p', {}, 'Pick a picture below to see its error.'));
  const element = el(
    'details',
    { class: 'error-panel' },
    el('summary', {}, 'Where the error goes'),
    live,
    lossLine,
    chooser,
    batchHost,
    epochsControl,
    epochLine,
    courseTable(),
  );

  function drawEpoch(): void {
    const { perStep, stepsPerEpoch } = epochCount(level.train.length, batchSize);
    epochLine.textContent =
      `Epoch ${lastEpoch}: each step looks at ${perStep} of the ${level.train.length} training pictures ` +
      `(batch size ${batchSize}), so one epoch, a pass over all of them, takes ${stepsPerEpoch} ` +
      `${stepsPerEpoch === 1 ? 'step' : 'steps'}.`;
  }

  return {
    element,
    update(layers) {
      const at = layers.map((layer) => layer.type).lastIndexOf('dense');
      const shapes = inferShapes(level.input, layers);
      const result = shapes.layers[at];
      const last = layers[at];
      chooser.hidden = !result?.ok || last?.type !== 'dense';
      target = null;
      if (!result?.ok || last?.type !== 'dense') return;
      const inputs = result.input.reduce((a, b) => a * b, 1);
      target = { layer: at, inputs, units: last.units };
      options(from, [...inputLabels(layers, at, level.input, inputs), 'the bias (no input)']);
    },
    votes(votes, rightClass) {
      if (rightClass === null) {
        live.replaceChildren(
          el('p', {}, 'A drawn picture has no right answer: pick one of the level’s pictures.'),
        );
        lossLine.textContent = '';
        return;
      }
      const table = errorTable(level.classes, rightClass, votes);
      live.replaceChildren(tableOf(`This picture, a ${level.classes[rightClass]}`, table.rows, table.total));
      lossLine.textContent =
        `Training lowers a related number, the loss: minus the log of the vote for the right answer, ` +
        `here ${table.loss.toFixed(3)}. The loss curve is its average over the training pictures.`;
    },
    progress(event) {
      lastEpoch = event.epoch;
      drawEpoch();
    },
    training(training) {
      if (training.batchSize !== batchSize)
        batchHost.replaceChildren(batchSizeControl(training.batchSize, actions.batchSize));
      batchSize = training.batchSize;
      drawEpoch();
    },
  };
}

/** `weights` with the one weight `change` names moved by its delta (the rest shared, unchanged). */
export function nudgedWeights(
  weights: readonly (LayerWeights | null)[],
  change: WeightNudge,
): (LayerWeights | null)[] {
  const copy = weights.slice();
  const layer = copy[change.layer];
  if (!layer) return copy;
  const kernel = [...layer.kernel];
  const bias = [...layer.bias];
  if (change.input === null) bias[change.unit] = (bias[change.unit] ?? 0) + change.delta;
  else {
    const at = change.input * change.units + change.unit;
    kernel[at] = (kernel[at] ?? 0) + change.delta;
  }
  copy[change.layer] = { kernel, bias };
  return copy;
}
