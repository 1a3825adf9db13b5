/**
 * The "Win it in the editor" section of the Check and share tab: a block workspace where the teacher
 * builds a network, wins the level with it (kept as the reference network, which makes the level
 * ready), gets a suggested network, or keeps one as the players' starter network.
 */

import type { BlockEditor } from '../blocks';
import type { LayerSpec, LevelSpec } from '../spec';
import { button, el, wrongPictures } from '../ui';
import type { TrainerClient } from '../worker/page/client';
import { buildLevel, draftLimits } from './build-level';
import { type CheckAccess, percent } from './check-access';
import { draftTraining, type EditorDraft, isReady, winFingerprint } from './draft';
import { runSuggest } from './suggest-run';
import { runToWin, type WinOutcome } from './win-run';

/** The workbench's state, shared by its buttons. */
interface Workbench {
  readonly access: CheckAccess;
  /** Redraws the whole tab after a change to the draft. */
  readonly refresh: () => void;
  readonly status: HTMLElement;
  /** The test pictures the last run got wrong, drawn as the player's verdict draws them. */
  readonly wrong: HTMLElement;
  readonly win: HTMLButtonElement;
  /** Suggest a network; while it runs, its Cancel. */
  readonly suggest: HTMLButtonElement;
  editor: BlockEditor | null;
  client: TrainerClient | null;
  disposed: boolean;
  training: boolean;
  suggesting: boolean;
  cancelSuggest: boolean;
}

/** The section and what the tab does with it. */
export interface WorkbenchSection {
  readonly element: HTMLElement;
  /** Says which starter network the players get. */
  showStarter(draft: EditorDraft): void;
  dispose(): void;
}

/** The layer types of a network, for people: "conv2d, flatten, dense". */
export function layersText(layers: readonly LayerSpec[]): string {
  return layers.map((l) => l.type).join(', ');
}

/** The training worker's client, started when first needed. */
async function clientOf(wb: Workbench): Promise<TrainerClient> {
  if (!wb.client) {
    const { createTrainerClient } = await import('../worker/page/client');
    wb.client = createTrainerClient();
  }
  return wb.client;
}

/** Suggest: tries several networks on the level and puts the best on the workbench; pressed again, cancels. */
async function suggest(wb: Workbench): Promise<void> {
  if (wb.suggesting) {
    wb.cancelSuggest = true;
    wb.suggest.disabled = true;
    return;
  }
  if (!wb.editor || wb.training) return;
  const level = levelToWin(wb, wb.access.draft());
  if (!level) return;
  wb.training = true;
  wb.suggesting = true;
  wb.cancelSuggest = false;
  wb.win.disabled = true;
  wb.suggest.textContent = 'Cancel Suggest';
  wb.wrong.replaceChildren();
  wb.status.textContent = 'Looking for networks to try...';
  try {
    await runSuggest(
      {
        access: wb.access,
        status: wb.status,
        editor: wb.editor,
        client: () => clientOf(wb),
        cancelled: () => wb.cancelSuggest || wb.disposed,
      },
      level,
    );
    if (!wb.disposed) wb.access.announce(wb.status.textContent ?? '');
  } catch (error) {
    wb.status.textContent = `Suggest failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    wb.training = false;
    wb.suggesting = false;
    wb.win.disabled = false;
    wb.suggest.disabled = false;
    wb.suggest.textContent = 'Suggest a network';
  }
}

/** Keeps the workspace's network as the starter network, unless a block cannot run. */
function useStarter(wb: Workbench): void {
  const result = wb.editor?.result();
  const broken = result?.shapes.layers[result.shapes.errorAt];
  if (broken && !broken.ok) {
    wb.status.textContent = `This network cannot be a starter yet: block ${result.shapes.errorAt + 1}: ${broken.reason}`;
    return;
  }
  const layers = result?.layers ?? [];
  wb.access.update((d) => ({ ...d, rules: { ...d.rules, starter: layers.length ? layers : undefined } }));
  wb.access.announce(
    layers.length ? `Players start from: ${layersText(layers)}.` : 'Players start from an empty network.',
  );
  wb.refresh();
}

/** Players start from an empty network. */
function clearStarter(wb: Workbench): void {
  wb.access.update((d) => ({ ...d, rules: { ...d.rules, starter: undefined } }));
  wb.access.announce('Players start from an empty network.');
  wb.refresh();
}

/** The level to win with the workspace's network, or null when something is missing (said). */
function levelToWin(wb: Workbench, draft: EditorDraft): LevelSpec | null {
  const built = buildLevel(draft);
  if ('error' in built) {
    wb.status.textContent = `The level is not complete yet: ${built.error.message}`;
    return null;
  }
  if (built.level.test.length === 0) {
    wb.status.textContent = 'Add test pictures first: a level is won on its hidden test pictures.';
    return null;
  }
  return built.level;
}

/** Keeps a won network as the reference, or says why it was not won. */
async function recordOutcome(
  wb: Workbench,
  started: EditorDraft,
  level: LevelSpec,
  layers: readonly LayerSpec[],
  outcome: WinOutcome,
): Promise<void> {
  const goal = percent(level.goal.testAccuracy);
  wb.wrong.replaceChildren(
    ...wrongPictures(level, outcome.wrong, (i) => outcome.answers[i] ?? { classIndex: -1 }),
  );
  if (!outcome.won) {
    wb.status.textContent = `Not won: test accuracy ${percent(outcome.testAccuracy)} after ${outcome.steps} steps (training accuracy ${percent(outcome.trainAccuracy)}); the goal is ${goal}. Change the network or the pictures and try again.`;
    return;
  }
  wb.access.update((d) => ({
    ...d,
    reference: {
      layers,
      training: draftTraining(started),
      testAccuracy: outcome.testAccuracy,
      fingerprint: winFingerprint(started),
    },
  }));
  wb.status.textContent = `Won: test accuracy ${percent(outcome.testAccuracy)} after ${outcome.steps} steps (goal ${goal}). This network is kept as the level's reference network.`;
  if (!isReady(wb.access.draft()))
    wb.status.textContent += ' The level changed while it trained: press "Win it" again.';
  else await wb.access.saveNow();
}

/** Trains the workspace's network on the level until it is judged, and records the outcome. */
async function winIt(wb: Workbench): Promise<void> {
  if (!wb.editor || wb.training) return;
  const started = wb.access.draft();
  const result = wb.editor.result();
  if (result.blocker) {
    wb.status.textContent = `The network cannot train yet: ${result.blocker}`;
    return;
  }
  const level = levelToWin(wb, started);
  if (!level) return;
  wb.training = true;
  wb.win.disabled = true;
  wb.wrong.replaceChildren();
  wb.status.textContent = 'Training your network on the training pictures...';
  try {
    const layers = result.layers;
    const outcome = await runToWin(await clientOf(wb), level, layers, draftTraining(started), (p) => {
      wb.status.textContent = `Step ${p.step}: training accuracy ${percent(p.trainAccuracy)}.`;
    });
    if (wb.disposed) return;
    await recordOutcome(wb, started, level, layers, outcome);
    wb.access.announce(wb.status.textContent ?? '');
  } catch (error) {
    wb.status.textContent = `Training failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    wb.training = false;
    wb.win.disabled = false;
    wb.refresh();
  }
}

/** What the workbench shows when it opens: the network built there before, else the reference or starter. */
function workbenchLayers(draft: EditorDraft): readonly LayerSpec[] {
  return draft.workbench ?? draft.reference?.layers ?? draft.rules.starter ?? [];
}

/** Keeps the workbench's network in the draft (saved with it), unless it is what the workbench shows anyway. */
function keepWorkbench(wb: Workbench, layers: readonly LayerSpec[]): void {
  if (JSON.stringify(layers) === JSON.stringify(workbenchLayers(wb.access.draft()))) return;
  wb.access.update((d) => ({ ...d, workbench: layers }));
}

/** Loads the blocks (only when the tab opens) and puts the network built before, or the reference or starter, in. */
async function mountWorkbench(wb: Workbench, host: HTMLElement): Promise<void> {
  const blocks = await import('../blocks');
  if (wb.disposed) return;
  const draft: EditorDraft = wb.access.draft();
  wb.editor = blocks.mountBlockEditor(host, {
    context: {
      input: [draft.side, draft.side, draft.channels],
      classes: draft.classes.map((c) => c.name),
      limits: draftLimits(draft),
    },
    layers: workbenchLayers(draft),
    onChange: (result) => keepWorkbench(wb, result.layers),
  });
}

/** Builds the workbench section; `refresh` redraws the tab after the draft changed here. */
export function workbenchSection(access: CheckAccess, refresh: () => void): WorkbenchSection {
  const wb: Workbench = {
    access,
    refresh,
    status: el('p', { class: 'editor-workbench-status', 'aria-live': 'polite' }),
    wrong: el('div', { class: 'editor-wrong' }),
    win: button('Win it', () => void winIt(wb), { class: 'primary' }),
    suggest: button('Suggest a network', () => void suggest(wb)),
    editor: null,
    client: null,
    disposed: false,
    training: false,
    suggesting: false,
    cancelSuggest: false,
  };
  const starterText = el('p', { class: 'editor-starter' });
  const host = el('div', { class: 'editor-workbench-host' });
  const element = el(
    'section',
    { class: 'editor-workbench', 'aria-label': 'Win it in the editor' },
    el('h3', {}, 'Win it in the editor'),
    el(
      'p',
      {},
      'Build a network with the blocks your level offers and press "Win it": it trains on the training pictures and is judged on the hidden test pictures. The first network that reaches the goal is kept as the reference network, and the level becomes ready to share.',
    ),
    host,
    el(
      'div',
      { class: 'editor-workbench-actions' },
      wb.win,
      wb.suggest,
      button('Use as the starter network', () => useStarter(wb)),
      button('No starter network', () => clearStarter(wb)),
    ),
    wb.status,
    wb.wrong,
    starterText,
  );
  void mountWorkbench(wb, host);
  return {
    element,
    showStarter(draft) {
      const starter = draft.rules.starter;
      starterText.textContent = starter?.length
        ? `Starter network: players start from ${layersText(starter)}.`
        : 'Starter network: none, players start from an empty network.';
    },
    dispose() {
      wb.disposed = true;
      wb.editor?.dispose();
      wb.client?.dispose();
    },
  };
}
