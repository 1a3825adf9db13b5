import type { CompileResult } from '../blocks';
import { nextLevelId } from '../game/progression';
import { type SessionState, TrainingSession } from '../game/training-session';
import {
  BACKEND_CHOICES,
  BACKEND_LABELS,
  type LayerWeights,
  type LevelSpec,
  levelNetwork,
  SPEEDS,
  type Speed,
  type TrainingSpec,
} from '../spec';
import type { PlayerStore } from '../storage';
import { type AppContext, button, el, levelHash } from '../ui';
import { createTrainerClient, type TrainerClient, type TrainerStatus } from '../worker/page/client';
import type { BackendReport, ProgressEvent, TrainerEvent } from '../worker/protocol';
import { resultPanel } from './level-result';
import { type LevelView, mountLevelView } from './level-view';

/** The training side of a level: the controls, the live view and the verdict. */
export interface TrainingPanel {
  /** The weights of the network on screen once trained (or opened with weights), else null. */
  trainedWeights(): Promise<(LayerWeights | null)[] | null>;
  /** The editor compiled a new network: training starts afresh from it. */
  networkChanged(result: CompileResult): void;
  dispose(): void;
}

const SPEED_LABELS: Record<Speed, string> = {
  'slow-motion': 'Slow motion',
  slow: 'Slow',
  normal: 'Normal',
  fast: 'Fast',
  fastest: 'As fast as possible',
};

function progressText(p: ProgressEvent): string {
  const accuracy = `${Math.round(p.trainAccuracy * 100)}%`;
  return `Step ${p.step}: loss ${p.loss.toFixed(3)}, training accuracy ${accuracy}`;
}

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

/**
 * Mounts the training panel: it draws the level's training session and routes the clicks of Train,
 * Pause, Step and Reset to it; the view shows what the network sees, fed by the trainer's events.
 */
export function mountTrainingPanel(
  host: HTMLElement,
  options: {
    level: LevelSpec;
    context: AppContext<PlayerStore>;
    order: readonly string[];
    /** The training settings to start from (the player's saved ones or the level's). */
    training: TrainingSpec;
    /** Trained weights from a shared network: the network predicts with them before any training. */
    sharedWeights?: readonly (LayerWeights | null)[] | undefined;
    onTrainingChange: (training: TrainingSpec) => void;
    /** Told after a verdict was written to the store. */
    onRecorded?: () => void;
  },
): TrainingPanel {
  const { level, context, order } = options;
  let training = options.training;
  const settings = context.store.settings();
  let compiled: CompileResult | null = null;
  let sharedWeights = options.sharedWeights;
  let lastAnnounced = Number.NEGATIVE_INFINITY;
  let disposed = false;

  /**
   * Runs a call without awaiting it. A failure is told to the player, except once the panel is
   * gone: leaving a level closes its worker, and calls still on their way then fail.
   */
  const background = (work: Promise<unknown>) => {
    work.catch((error: unknown) => {
      if (disposed) return;
      context.announce(error instanceof Error ? error.message : String(error));
      session.failed();
    });
  };
  const trainButton = button('Train', () => background(session.train()), { class: 'primary' });
  const pauseButton = button('Pause', () => background(session.pause()));
  const stepButton = button('Step', () => background(session.step()));
  const resetButton = button('Reset', () => background(session.reset()));
  const blocker = el('p', { class: 'train-blocker', id: 'train-blocker' });
  const backendLine = el('p', { class: 'backend-summary' });
  const resultHost = el('div', {});
  const speedControl = select('Speed', SPEEDS, SPEED_LABELS, settings.speed, (speed) => {
    void context.store.updateSettings({ speed });
    background(client.setSpeed(speed));
  });
  const backendControl = select('Backend', BACKEND_CHOICES, BACKEND_LABELS, settings.backend, (backend) => {
    void context.store.updateSettings({ backend });
    session.backendChanged();
  });
  const rates = [...new Set([0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, training.learningRate])].sort(
    (a, b) => a - b,
  );
  const rateLabels = Object.fromEntries(rates.map((r) => [String(r), String(r)]));
  const rateControl = select(
    'Learning rate',
    rates.map(String),
    rateLabels,
    String(training.learningRate),
    (rate) => {
      training = { ...training, learningRate: Number(rate) };
      options.onTrainingChange(training);
      // The optimiser is built with its rate: the next Train starts from fresh weights with it.
      tellNetwork();
    },
  );
  const hints = level.hints.length
    ? el(
        'details',
        { class: 'hints' },
        el('summary', {}, `Hints (${level.hints.length})`),
        el('ul', {}, ...level.hints.map((hint) => el('li', {}, hint))),
      )
    : null;
  const viewHost = el('div', { class: 'level-view-host' });
  host.replaceChildren(
    el('div', { class: 'controls' }, trainButton, pauseButton, stepButton, resetButton),
    el('div', { class: 'controls settings' }, speedControl, rateControl, backendControl),
    blocker,
    ...(hints ? [hints] : []),
    backendLine,
    resultHost,
    viewHost,
  );

  const showBackend = (report: BackendReport) => {
    backendLine.textContent = `Training on ${BACKEND_LABELS[report.backend]}${report.forced ? ' (your choice)' : ''}: ${report.summary}`;
  };

  const onEvent = (event: TrainerEvent) => {
    session.handle(event);
    switch (event.type) {
      case 'progress':
        view.progress(event);
        // A screen reader cannot keep up with every step: the status says where training stands once a second.
        if (performance.now() - lastAnnounced > 1000) {
          lastAnnounced = performance.now();
          context.announce(progressText(event));
        }
        break;
      case 'snapshot':
        view.snapshot(event);
        break;
      case 'backend':
        showBackend(event.report);
        break;
      case 'done':
      case 'error':
        break;
      default: {
        const unknown: never = event;
        throw new Error(`unknown event ${JSON.stringify(unknown)}`);
      }
    }
  };
  const onStatus = (status: TrainerStatus) => {
    if (status.state === 'restarting' || status.state === 'failed') {
      context.announce(status.message);
      // A restarted worker carries on with the network and its latest weights; a failed one has none.
      session.trainerLost(status.state === 'failed');
    }
  };
  const client: TrainerClient = createTrainerClient({ onEvent, onStatus });
  const view: LevelView = mountLevelView(viewHost, level, {
    layers: () => compiled?.layers ?? [],
    onWatch: (pixels) => background(client.watch(pixels ? Float32Array.from(pixels) : null)),
  });
  let shownVerdict: SessionState['verdict'] = null;
  const session = new TrainingSession({
    level,
    trainer: client,
    settings: () => context.store.settings(),
    record: async (result) => {
      const merged = await context.store.recordResult(level.id, result);
      options.onRecorded?.();
      return merged;
    },
    announce: (message) => context.announce(message),
    onChange: draw,
    onRestart: () => view.reset(),
  });

  function draw(state: SessionState): void {
    const reason = state.blocker;
    blocker.textContent = reason ?? '';
    blocker.hidden = !reason;
    const going = state.phase === 'running';
    trainButton.disabled = reason !== null || going;
    trainButton.textContent = state.phase === 'paused' ? 'Resume' : 'Train';
    if (reason) trainButton.setAttribute('aria-describedby', 'train-blocker');
    else trainButton.removeAttribute('aria-describedby');
    pauseButton.disabled = !going;
    stepButton.disabled = reason !== null || going;
    resetButton.disabled = reason !== null;
    if (state.verdict === shownVerdict) return;
    shownVerdict = state.verdict;
    if (!state.verdict) {
      resultHost.replaceChildren();
      return;
    }
    view.judged(state.verdict.step, state.verdict.probabilities);
    const next = nextLevelId(order, level.id);
    resultHost.replaceChildren(
      resultPanel(level, state.verdict.judgement, state.verdict.predicted, {
        ...(next && { nextLevel: () => context.navigate(levelHash(next)) }),
        backToMap: () => context.navigate('#/'),
      }),
    );
  }

  /** Hands the session the editor's network with the training settings on screen. */
  function tellNetwork(): void {
    if (!compiled) return;
    const weights = sharedWeights;
    sharedWeights = undefined;
    const network = levelNetwork(level, compiled.layers, training, weights);
    background(
      session
        .networkChanged({ network, blocker: compiled.blocker, params: compiled.shapes.totalParams })
        // A shared network with weights predicts at once, before any training.
        .then(() => (weights ? session.showShared() : false))
        .then((loaded) => (loaded ? client.watch(watchedPixels()) : undefined)),
    );
  }

  const watchedPixels = () => {
    const pixels = view.watched();
    return pixels ? Float32Array.from(pixels) : null;
  };

  draw(session.state);
  return {
    trainedWeights: () => session.trainedWeights(),
    networkChanged(result) {
      compiled = result;
      tellNetwork();
    },
    dispose() {
      disposed = true;
      client.dispose();
      view.dispose();
    },
  };
}
