import type { BlockEditor, CompileResult } from '../blocks';
import { BUILT_IN_ORDER, isBuiltInLevel, loadBuiltInLevel } from '../game/catalog';
import {
  classifierProblem,
  type LayerSpec,
  type LevelSpec,
  levelNetwork,
  levelTraining,
  type NetworkSpec,
  SpecError,
} from '../spec';
import type { PlayerStore } from '../storage';
import { type AppContext, button, el, type Screen } from '../ui';
import { journalEdit } from './edit-journal';
import { levelBestLine } from './level-best';
import { levelIntro } from './level-intro';
import { exportNetwork, importDialog, shareDialog } from './sharing';
import { mountTrainingPanel, type TrainingPanel } from './training-panel';

/** Finds a level by id: a built-in one, or one the player made or received. */
async function findLevel(id: string, context: AppContext<PlayerStore>): Promise<LevelSpec | undefined> {
  if (isBuiltInLevel(id)) return loadBuiltInLevel(id);
  return context.store.customLevels().find((c) => c.level.id === id)?.level;
}

/** Shows a level: its intro first, then the block editor beside the training panel. */
export async function showLevel(
  root: HTMLElement,
  id: string,
  context: AppContext<PlayerStore>,
): Promise<Screen | null> {
  const level = await findLevel(id, context);
  if (!level) return null;
  let editor: BlockEditor | null = null;
  let panel: TrainingPanel | null = null;
  let disposed = false;

  const back = button('Back to map', () => context.navigate('#/'), { class: 'back' });
  /** The network on screen as a document: the editor's layers, the training settings, trained weights if any. */
  const currentNetwork = async (): Promise<NetworkSpec> => {
    const layers = editor?.getLayers() ?? context.store.workspace(level.id)?.layers ?? level.starter ?? [];
    const training = context.store.workspace(level.id)?.training ?? levelTraining(level);
    const weights = (await panel?.trainedWeights()) ?? undefined;
    return levelNetwork(level, layers, training, weights);
  };
  /** Hands a finished network to `use` (the Share dialog, the file download), or says what is missing. */
  const withFinishedNetwork = (use: (network: NetworkSpec) => unknown) => async () => {
    const network = await currentNetwork();
    if (classifierProblem(level.input, network.layers, level.classes.length)) {
      context.announce('Finish the network first: the blocks do not make a network that can vote yet.');
      return;
    }
    await use(network);
  };
  const best = levelBestLine(level.id, context.store);
  const shareTools = el(
    'div',
    { class: 'controls share-tools' },
    button('Share', withFinishedNetwork(shareDialog)),
    button(
      'Export',
      withFinishedNetwork((network) => exportNetwork(network, context)),
    ),
    button('Import', () => void importDialog(context)),
  );
  const header = el(
    'header',
    { class: 'level-header' },
    back,
    el('h1', {}, level.title),
    level.concept ? el('p', { class: 'level-concept' }, level.concept) : null,
    best.element,
    shareTools,
  );
  const editorHost = el('section', { class: 'editor-panel', 'aria-label': 'Block editor' });
  const trainingHost = el('section', { class: 'training-panel', 'aria-label': 'Training' });
  const workbench = el('div', { class: 'workbench' }, editorHost, trainingHost);
  const main = el('main', { class: 'level-screen' }, header);
  root.replaceChildren(main);

  const startBuilding = async () => {
    main.replaceChildren(header, workbench);
    // The intro may have been scrolled; the workbench starts at its top.
    window.scrollTo(0, 0);
    // Blockly is loaded only when a level opens, so the map stays light.
    const blocks = await import('../blocks');
    if (disposed) return;
    const saved = context.store.workspace(level.id);
    const sharedWeights = context.sharedWeights.get(level.id);
    context.sharedWeights.delete(level.id);
    let training = saved?.training ?? levelTraining(level);
    let layers: readonly LayerSpec[] = saved?.layers ?? level.starter ?? [];
    const save = () => {
      const network = levelNetwork(level, layers, training);
      journalEdit(level.id, network);
      context.store.saveWorkspace(level.id, network);
    };
    panel = mountTrainingPanel(trainingHost, {
      level,
      context,
      order: BUILT_IN_ORDER,
      training,
      sharedWeights,
      onRecorded: best.redraw,
      onTrainingChange(next) {
        training = next;
        save();
      },
    });
    const onChange = (result: CompileResult) => {
      layers = result.layers;
      panel?.networkChanged(result);
      save();
    };
    const compileContext = { input: level.input, classes: level.classes, limits: level.limits };
    try {
      editor = blocks.mountBlockEditor(editorHost, {
        context: compileContext,
        layers,
        onChange,
      });
    } catch (error) {
      // A saved workspace that no longer fits this level: start from the level's own blocks.
      if (!(error instanceof SpecError)) throw error;
      context.announce(
        `Your saved network for this level could not be shown (${error.message}); starting afresh.`,
      );
      editor = blocks.mountBlockEditor(editorHost, {
        context: compileContext,
        layers: level.starter ?? [],
        onChange,
      });
    }
  };

  const saved = context.store.workspace(level.id);
  if (saved || context.store.progress(level.id)) {
    // A returning player goes straight back to their network.
    await startBuilding();
  } else {
    main.append(levelIntro(level, () => void startBuilding()));
    context.announce(`${level.title}: ${level.concept}`);
  }
  return {
    dispose() {
      disposed = true;
      best.dispose();
      panel?.dispose();
      editor?.dispose();
    },
  };
}
