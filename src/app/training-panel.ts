import type { CompileResult } from '../blocks';
import type { KeptRun } from '../game/kept-verdict';
import { nextLevelId } from '../game/progression';
import { type SessionState, TrainingSession } from '../game/training-session';
import { verdictMeaning } from '../game/verdict-words';
import { type LayerWeights, type LevelSpec, levelNetwork, type TrainingSpec } from '../spec';
import type { PlayerStore } from '../storage';
import { type AppContext, button, el, levelHash } from '../ui';
import { createTrainerClient, type TrainerClient, type TrainerStatus } from '../worker/page/client';
import type { ProgressEvent, TrainerEvent } from '../worker/protocol';
import { backendNote, showBackendReport } from './backend-note';
import { mountErrorPanel } from './error-panel';
import { type HandFilters, mountHandFilters } from './hand-filters';
import { hintsBlock, judgingNote } from './judging-note';
import { focusNextStep, resultPanel } from './level-result';
import { type LevelView, mountLevelView } from './level-view';
import { FRESH_START, keeper, sendHandFilters, sendNetwork, sendNudge, startingPoint } from './panel-network';
import { settingsRow } from './settings-row';
import { starList } from './star-list';

/** The training side of a level: the controls, the live view and the verdict. */
export interface TrainingPanel {
  /** The weights of the network on screen once trained (or opened with weights), else null. */
  trainedWeights(): Promise<(LayerWeights | null)[] | null>;
  /** The editor compiled a new network: training starts afresh from it. */
  networkChanged(result: CompileResult): void;
  dispose(): void;
}

function progressText(p: ProgressEvent): string {
  const accuracy = `${Math.round(p.trainAccuracy * 100)}%`;
  return `Step ${p.step}: loss ${p.loss.toFixed(3)}, training accuracy ${accuracy}`;
}

/** How to mount the training panel. */
export interface TrainingPanelOptions {
  level: LevelSpec;
  context: AppContext<PlayerStore>;
  order: readonly string[];
  /** Where "Back to map" goes: the map, or a pack's path on it. */
  mapHash?: string;
  /** The training settings to start from (the player's saved ones or the level's). */
  training: TrainingSpec;
  /** Trained weights from a shared network: the network predicts with them before any training. */
  sharedWeights?: readonly (LayerWeights | null)[] | undefined;
  onTrainingChange: (training: TrainingSpec) => void;
  /** Told after a verdict was written to the store. */
  onRecorded?: () => void;
  /** The level's last judged run: shown again, weights and verdict, if the blocks are still the ones trained. */
  lastRun?: KeptRun | undefined;
  /** Where Train, Pause, Step and Reset go, when the page keeps them apart (always in reach); else on top of the panel. */
  controlsHost?: HTMLElement;
}

/** The panel's buttons and the places it writes to. */
interface PanelParts {
  readonly train: HTMLButtonElement;
  readonly pause: HTMLButtonElement;
  readonly step: HTMLButtonElement;
  readonly reset: HTMLButtonElement;
  readonly blocker: HTMLElement;
  /** What the session is doing now, in plain words. */
  readonly activity: HTMLElement;
  readonly backendLine: HTMLElement;
  readonly resultHost: HTMLElement;
  readonly viewHost: HTMLElement;
  /** Where the filters set by hand go, above the view. */
  readonly handHost: HTMLElement;
}

/** Enables the buttons the session's state allows and says what blocks training. */
function drawControls(parts: PanelParts, state: SessionState): void {
  const reason = state.blocker;
  parts.blocker.textContent = reason ?? '';
  parts.blocker.hidden = !reason;
  parts.activity.textContent = state.activity ?? '';
  parts.activity.hidden = !state.activity;
  parts.train.setAttribute('aria-busy', String(state.phase === 'running'));
  const going = state.phase === 'running';
  parts.train.disabled = reason !== null || going;
  parts.train.textContent = state.phase === 'paused' ? 'Resume' : 'Train';
  if (reason) parts.train.setAttribute('aria-describedby', 'train-blocker');
  else parts.train.removeAttribute('aria-describedby');
  parts.pause.disabled = !going;
  parts.step.disabled = reason !== null || going;
  parts.reset.disabled = reason !== null;
}

/** Shows the verdict on the view and the result panel under the controls (or clears it). */
function drawVerdict(
  parts: PanelParts,
  view: LevelView,
  verdict: SessionState['verdict'],
  options: TrainingPanelOptions,
  /** A verdict shown again from the kept run is not celebrated a second time. */
  fresh: boolean,
): void {
  if (!verdict) {
    parts.resultHost.replaceChildren();
    return;
  }
  const { level, context, order } = options;
  view.judged(verdict.step, verdict.probabilities);
  const next = nextLevelId(order, level.id);
  parts.resultHost.replaceChildren(
    resultPanel(
      level,
      verdict.judgement,
      verdict.predicted,
      {
        ...(next && { nextLevel: () => context.navigate(levelHash(next)) }),
        backToMap: () => context.navigate(options.mapHash ?? '#/'),
        why: (index) => view.lookInside({ kind: 'test', index }),
      },
      verdictMeaning(verdict.judgement, verdict.run),
      fresh,
    ),
  );
  focusNextStep(parts.resultHost);
}

/** Passes a trainer event to the view and the backend line; progress is announced once a second. */
function routeEvent(
  event: TrainerEvent,
  view: LevelView,
  parts: PanelParts,
  announceProgress: (p: ProgressEvent) => void,
): void {
  switch (event.type) {
    case 'progress':
      view.progress(event);
      announceProgress(event);
      break;
    case 'snapshot':
      view.snapshot(event);
      break;
    case 'backend':
      showBackendReport(parts.backendLine, event.report);
      break;
    case 'done':
    case 'error':
      break;
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

/** Lays out the panel's parts in `host`; `background` runs a button's call. */
function panelParts(
  host: HTMLElement,
  options: TrainingPanelOptions,
  session: () => TrainingSession,
  background: (work: Promise<unknown>) => void,
  settings: HTMLElement,
): PanelParts {
  const parts: PanelParts = {
    train: button('Train', () => background(session().train()), { class: 'primary' }),
    pause: button('Pause', () => background(session().pause())),
    step: button('Step', () => background(session().step())),
    reset: button('Reset', () => background(session().reset())),
    blocker: el('p', { class: 'train-blocker', id: 'train-blocker' }),
    activity: el('p', { class: 'train-activity' }),
    backendLine: backendNote(),
    resultHost: el('div', {}),
    viewHost: el('div', { class: 'level-view-host' }),
    handHost: el('div', { class: 'panel-extras' }),
  };
  const hints = hintsBlock(options.level);
  const controls = el('div', { class: 'controls' }, parts.train, parts.pause, parts.step, parts.reset);
  options.controlsHost?.replaceChildren(controls);
  host.replaceChildren(
    ...(options.controlsHost ? [] : [controls]),
    settings,
    parts.blocker,
    parts.activity,
    starList(options.level, true),
    judgingNote(options.level),
    ...(hints ? [hints] : []),
    parts.backendLine,
    parts.resultHost,
    parts.handHost,
    parts.viewHost,
  );
  return parts;
}

/**
 * Starts the level's trainer worker. Its events go to the session first, then to the view; a worker
 * that restarts or fails is announced and told to the session.
 */
function connectTrainer(
  context: AppContext<PlayerStore>,
  parts: PanelParts,
  session: () => TrainingSession,
  view: () => LevelView,
): TrainerClient {
  let lastAnnounced = Number.NEGATIVE_INFINITY;
  // A screen reader cannot keep up with every step: the status says where training stands once a second.
  const announceProgress = (p: ProgressEvent) => {
    if (performance.now() - lastAnnounced > 1000) {
      lastAnnounced = performance.now();
      context.announce(progressText(p));
    }
  };
  return createTrainerClient({
    onEvent: (event: TrainerEvent) => {
      session().handle(event);
      routeEvent(event, view(), parts, announceProgress);
    },
    onStatus: (status: TrainerStatus) => {
      if (status.state === 'restarting' || status.state === 'failed') {
        context.announce(status.message);
        // A restarted worker carries on with the network and its latest weights; a failed one has none.
        session().trainerLost(status.state === 'failed');
      }
    },
  });
}

/**
 * Mounts the training panel: it draws the level's training session and routes the clicks of Train,
 * Pause, Step and Reset to it; the view shows what the network sees, fed by the trainer's events.
 */
// Long: the session, the trainer, the view and the filters set by hand share this closure's state (the
// network on screen, whether it is the first); each part's work lives in its own module.
export function mountTrainingPanel(host: HTMLElement, options: TrainingPanelOptions): TrainingPanel {
  const { level, context } = options;
  let training = options.training;
  let compiled: CompileResult | null = null;
  /** Whether the next network is the first on screen (which may start from shared or kept weights). */
  let first = true;
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
  const settings = settingsRow(context.store.settings(), training, {
    speed(speed) {
      void context.store.updateSettings({ speed });
      background(client.setSpeed(speed));
    },
    backend(backend) {
      void context.store.updateSettings({ backend });
      session.backendChanged();
    },
    learningRate: (learningRate) => trainingChanged({ ...training, learningRate }),
  });
  /** The optimiser is built with its settings: the next Train starts from fresh weights with them. */
  function trainingChanged(next: TrainingSpec): void {
    training = next;
    options.onTrainingChange(training);
    errors.training(training);
    tellNetwork();
  }
  const parts = panelParts(host, options, () => session, background, settings);

  const client = connectTrainer(
    context,
    parts,
    () => session,
    () => view,
  );
  const errors = mountErrorPanel(level, {
    nudge: (change) => background(sendNudge(session, client, view, change)),
    step: (steps) => background(session.step(steps)),
    batchSize: (batchSize) => trainingChanged({ ...training, batchSize }),
  });
  errors.training(training);
  const view: LevelView = mountLevelView(parts.viewHost, level, {
    layers: () => compiled?.layers ?? [],
    onVotes: (votes, rightClass) => errors.votes(votes, rightClass),
    onProgress: (event) => errors.progress(event),
    onWatch: (pixels, picked) => {
      const watched = pixels ? Float32Array.from(pixels) : null;
      if (!picked) return background(client.watch(watched));
      // A paused run sends no snapshot: the picture's outputs come back from the look itself.
      background(session.look(watched, true).then((prediction) => prediction && view.looked(prediction)));
    },
  });
  // The verdict on screen, and the kept run's shown again on opening the level (not celebrated).
  let [shownVerdict, restoredVerdict]: SessionState['verdict'][] = [null, null];
  const session = new TrainingSession({
    level,
    trainer: client,
    settings: () => context.store.settings(),
    record: async (result) => {
      const merged = await context.store.recordResult(level.id, result);
      options.onRecorded?.();
      return merged;
    },
    keep: keeper(context.store, level.id, () => view.curve()),
    announce: (message) => context.announce(message),
    onChange: draw,
    onRestart: () => view.reset(),
  });

  function draw(state: SessionState): void {
    drawControls(parts, state);
    if (state.verdict === shownVerdict) return;
    shownVerdict = state.verdict;
    drawVerdict(parts, view, state.verdict, options, state.verdict !== restoredVerdict);
  }

  /** Hands the session the editor's network with the training settings on screen. */
  function tellNetwork(): void {
    if (!compiled) return;
    const start = first ? startingPoint(options, compiled, training) : FRESH_START;
    first = false;
    restoredVerdict = start.verdict;
    const network = levelNetwork(level, compiled.layers, training, start.weights);
    background(sendNetwork(session, client, view, { network, compiled, start }));
  }

  const hand: HandFilters = mountHandFilters(level.input[2], (kernel, filters) => {
    if (!compiled) return;
    first = false;
    background(sendHandFilters(session, client, view, { level, compiled, training, kernel, filters }));
  });
  parts.handHost.append(hand.element, errors.element);

  draw(session.state);
  return {
    trainedWeights: () => session.trainedWeights(),
    networkChanged(result) {
      compiled = result;
      hand.update(result.layers);
      errors.update(result.layers);
      tellNetwork();
    },
    dispose() {
      disposed = true;
      client.dispose();
      view.dispose();
    },
  };
}
