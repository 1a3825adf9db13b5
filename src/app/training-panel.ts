import type { CompileResult } from '../blocks';
import { judge } from '../game/judge';
import { nextLevelId } from '../game/progression';
import type { LayerWeights, LevelSpec, TrainingSpec } from '../spec';
import { type PlayerStore, SETTINGS, type Settings } from '../storage';
import { type AppContext, button, el, levelHash } from '../ui';
import { createTrainerClient, type TrainerClient, type TrainerStatus } from '../worker/client';
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

const SPEED_LABELS: Record<Settings['speed'], string> = {
  'slow-motion': 'Slow motion',
  slow: 'Slow',
  normal: 'Normal',
  fast: 'Fast',
  fastest: 'As fast as possible',
};

const BACKEND_LABELS: Record<Settings['backend'], string> = {
  auto: 'Fastest (measured)',
  wasm: 'WebAssembly',
  cpu: 'Plain JavaScript (cpu)',
  webgl: 'GPU (WebGL)',
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
 * Mounts the training panel: Train, Pause, Step and Reset drive the worker; the view shows what the
 * network sees; when training stops, the network is judged on the hidden test pictures.
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
  },
): TrainingPanel {
  const { level, context, order } = options;
  let training = options.training;
  const settings = context.store.settings();
  let network: CompileResult | null = null;
  /** The layers the worker holds, as JSON, so an unchanged network keeps its weights. */
  let loadedKey: string | null = null;
  let running = false;
  let paused = false;
  let lastProgress: ProgressEvent | null = null;
  let lastAnnounced = Number.NEGATIVE_INFINITY;
  /** Whether the worker's weights were trained (or shared) rather than fresh from the seed. */
  let trained = false;
  let pendingWeights = options.sharedWeights;

  let disposed = false;
  /**
   * Runs a call to the worker without awaiting it. A failure is told to the player, except once the
   * panel is gone: leaving a level closes its worker, and calls still on their way then fail.
   */
  const background = (work: Promise<unknown>) => {
    work.catch((error: unknown) => {
      if (!disposed) context.announce(error instanceof Error ? error.message : String(error));
      running = false;
      paused = false;
      if (!disposed) refresh();
    });
  };
  const trainButton = button('Train', () => background(train()), { class: 'primary' });
  const pauseButton = button('Pause', () => background(pause()));
  const stepButton = button('Step', () => background(step()));
  const resetButton = button('Reset', () => background(reset()));
  const blocker = el('p', { class: 'train-blocker', id: 'train-blocker' });
  const backendLine = el('p', { class: 'backend-summary' });
  const resultHost = el('div', {});
  const speedControl = select('Speed', SETTINGS.speed.choices, SPEED_LABELS, settings.speed, (speed) => {
    void context.store.updateSettings({ speed });
    background(client.setSpeed(speed));
  });
  const backendControl = select(
    'Backend',
    SETTINGS.backend.choices,
    BACKEND_LABELS,
    settings.backend,
    (backend) => {
      void context.store.updateSettings({ backend });
      loadedKey = null;
    },
  );
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
      loadedKey = null;
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
    backendLine.textContent = `Training on ${report.backend}${report.forced ? ' (your choice)' : ''}: ${report.summary}`;
  };

  const onEvent = (event: TrainerEvent) => {
    switch (event.type) {
      case 'progress':
        lastProgress = event;
        if (event.step > 0) trained = true;
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
      if (status.state === 'failed') loadedKey = null;
      running = false;
      refresh();
    }
  };
  const client: TrainerClient = createTrainerClient({ onEvent, onStatus });
  const view: LevelView = mountLevelView(viewHost, level, {
    layers: () => network?.layers ?? [],
    onWatch: (pixels) => background(client.watch(pixels ? Float32Array.from(pixels) : null)),
  });

  function refresh(): void {
    const reason = network?.blocker ?? (network ? null : 'Build a network in the block editor first.');
    blocker.textContent = reason ?? '';
    blocker.hidden = !reason;
    trainButton.disabled = reason !== null || (running && !paused);
    trainButton.textContent = running && paused ? 'Resume' : 'Train';
    if (reason) trainButton.setAttribute('aria-describedby', 'train-blocker');
    else trainButton.removeAttribute('aria-describedby');
    pauseButton.disabled = !running || paused;
    stepButton.disabled = reason !== null || (running && !paused);
    resetButton.disabled = reason !== null;
  }

  /** Loads the editor's network into the worker unless it already holds it. */
  async function ensureLoaded(): Promise<boolean> {
    if (!network || network.blocker) return false;
    const key = JSON.stringify([network.layers, training]);
    if (key === loadedKey) return true;
    const report = await client.load(
      {
        input: level.input,
        layers: network.layers,
        classCount: level.classes.length,
        training,
        train: level.train,
        test: level.test,
        maxSteps: level.limits.maxSteps,
        weights: pendingWeights,
      },
      { backend: context.store.settings().backend },
    );
    showBackend(report);
    loadedKey = key;
    trained = pendingWeights !== undefined;
    pendingWeights = undefined;
    view.reset();
    return true;
  }

  /** Draws what the network as it stands makes of the watched picture, without training. */
  async function showPrediction(): Promise<void> {
    const pixels = view.watched();
    if (!pixels) return;
    const prediction = await client.predict(Float32Array.from(pixels));
    const weights = await client.getWeights();
    view.snapshot({
      type: 'snapshot',
      step: lastProgress?.step ?? 0,
      weights: weights.map((w) =>
        w ? { kernel: Float32Array.from(w.kernel), bias: Float32Array.from(w.bias) } : null,
      ),
      activations: prediction.layers,
    });
  }

  async function judgeNow(steps: number): Promise<void> {
    if (!network) return;
    const classes = level.classes.length;
    const predicted = new Int32Array(level.test.length);
    const all = new Float32Array(level.test.length * classes);
    for (const [i, example] of level.test.entries()) {
      const { probabilities } = await client.predict(Float32Array.from(example.pixels));
      all.set(probabilities.subarray(0, classes), i * classes);
      let best = 0;
      for (let k = 1; k < probabilities.length; k++)
        if ((probabilities[k] ?? 0) > (probabilities[best] ?? 0)) best = k;
      predicted[i] = best;
    }
    const verdict = judge(level, {
      predicted,
      params: network.shapes.totalParams,
      steps,
      layers: network.layers.length,
    });
    view.judged(steps, all);
    await context.store.recordResult(level.id, {
      won: verdict.won,
      stars: verdict.stars,
      accuracy: verdict.accuracy,
      params: network.shapes.totalParams,
      steps,
    });
    const next = nextLevelId(order, level.id);
    resultHost.replaceChildren(
      resultPanel(level, verdict, predicted, {
        ...(next && { nextLevel: () => context.navigate(levelHash(next)) }),
        backToMap: () => context.navigate('#/'),
      }),
    );
    const stars = `${verdict.stars} of 3 stars`;
    context.announce(
      verdict.won
        ? `Level complete: ${Math.round(verdict.accuracy * 100)}% of the test pictures right, ${stars}.`
        : `Not yet: ${Math.round(verdict.accuracy * 100)}% of the test pictures right; the goal is ${Math.round(level.goal.testAccuracy * 100)}%.`,
    );
  }

  async function train(): Promise<void> {
    if (running && paused) {
      paused = false;
      refresh();
      await client.resume();
      return;
    }
    if (!(await ensureLoaded())) return;
    running = true;
    paused = false;
    resultHost.replaceChildren();
    refresh();
    const end = await client.train({ speed: context.store.settings().speed });
    running = false;
    paused = false;
    refresh();
    if (end.type === 'error') {
      context.announce(end.message);
      return;
    }
    if (end.reason === 'diverged' || end.reason === 'stopped') {
      context.announce(end.message);
      return;
    }
    await judgeNow(end.step);
  }

  async function pause(): Promise<void> {
    if (!running) return;
    paused = true;
    refresh();
    await client.pause();
    context.announce(`Paused at step ${lastProgress?.step ?? 0}.`);
  }

  async function step(): Promise<void> {
    if (!(await ensureLoaded())) return;
    const progress = await client.step(1);
    onEvent(progress);
    await showPrediction();
  }

  async function reset(): Promise<void> {
    if (running) await client.stop();
    running = false;
    paused = false;
    resultHost.replaceChildren();
    if (await ensureLoaded()) {
      const progress = await client.reset();
      trained = false;
      view.reset();
      onEvent(progress);
      await showPrediction();
      context.announce('Reset: fresh weights, step 0.');
    }
    refresh();
  }

  refresh();
  return {
    async trainedWeights() {
      if (
        !trained ||
        loadedKey === null ||
        !network ||
        JSON.stringify([network.layers, training]) !== loadedKey
      )
        return null;
      return client.getWeights();
    },
    networkChanged(result) {
      const first = network === null;
      network = result;
      // A shared network with weights predicts at once, before any training.
      if (first && pendingWeights && !result.blocker) {
        background(ensureLoaded().then(showPrediction));
      }
      if (running && JSON.stringify([result.layers, training]) !== loadedKey) background(client.stop());
      refresh();
    },
    dispose() {
      disposed = true;
      client.dispose();
      view.dispose();
    },
  };
}
