/**
 * The training settings of the play screen: speed, learning rate and backend on one row, and the
 * batch size knob. Changing the learning rate or the batch size starts training afresh.
 */
import {
  BACKEND_CHOICES,
  BACKEND_LABELS,
  type BackendChoice,
  SPEEDS,
  type Speed,
  type TrainingSpec,
} from '../spec';
import type { Settings as PlayerSettings } from '../storage';
import { el } from '../ui';

const SPEED_LABELS: Record<Speed, string> = {
  'slow-motion': 'Slow motion',
  slow: 'Slow',
  normal: 'Normal',
  fast: 'Fast',
  fastest: 'As fast as possible',
};

function select<T extends string>(
  label: string,
  choices: readonly T[],
  labels: Record<T, string>,
  value: T,
  onChange: (v: T) => void,
) {
  const control = el('select', {});
  for (const choice of choices) {
    const option = el('option', { value: choice }, labels[choice]);
    if (choice === value) option.selected = true;
    control.append(option);
  }
  control.addEventListener('change', () => onChange(control.value as T));
  return el('label', {}, label, control);
}

/** What the settings row changes. */
export interface SettingsHandlers {
  speed(speed: Speed): void;
  backend(backend: BackendChoice): void;
  learningRate(rate: number): void;
}

/** Speed, learning rate (the usual ones and the level's) and backend, on one line beside the blocks. */
export function settingsRow(
  settings: PlayerSettings,
  training: TrainingSpec,
  on: SettingsHandlers,
): HTMLElement {
  const { learningRate } = training;
  const speedControl = select('Speed', SPEEDS, SPEED_LABELS, settings.speed, on.speed);
  const backendControl = select('Backend', BACKEND_CHOICES, BACKEND_LABELS, settings.backend, on.backend);
  const rates = [...new Set([0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, learningRate])].sort((a, b) => a - b);
  const rateLabels = Object.fromEntries(rates.map((r) => [String(r), String(r)]));
  const rateControl = select('Learning rate', rates.map(String), rateLabels, String(learningRate), (rate) =>
    on.learningRate(Number(rate)),
  );
  return el('div', { class: 'controls settings' }, speedControl, rateControl, backendControl);
}

/**
 * The batch size knob (the usual sizes and the level's): how many pictures one step looks at. It
 * lives in the error panel, beside the epoch counter it changes, so the settings keep one line.
 */
export function batchSizeControl(batchSize: number, onChange: (size: number) => void): HTMLElement {
  const sizes = [...new Set([1, 4, 8, 16, 32, 64, 128, batchSize])].sort((a, b) => a - b);
  const labels = Object.fromEntries(sizes.map((n) => [String(n), String(n)]));
  return select('Batch size', sizes.map(String), labels, String(batchSize), (size) => onChange(Number(size)));
}
