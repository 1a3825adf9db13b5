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
import { showLockedLevel } from './locked-level';
import { findPackLevel } from './pack-levels';
import { packMapHash } from './pack-open';
import { exportNetwork, importDialog, shareDialog } from './sharing';
import { mountTrainingPanel, type TrainingPanel } from './training-panel';

/** A level found by id, with the path "Next level" follows and the map "Back to map" returns to. */
interface FoundLevel {
  readonly level: LevelSpec;
  readonly order: readonly string[];
  readonly mapHash: string;
}

/** Finds a level by id: a built-in one, one the player made or received, or one of an opened pack. */
async function findLevel(id: string, context: AppContext<PlayerStore>): Promise<FoundLevel | undefined> {
  if (isBuiltInLevel(id)) return { level: await loadBuiltInLevel(id), order: BUILT_IN_ORDER, mapHash: '#/' };
  const custom = context.store.customLevels().find((c) => c.level.id === id)?.level;
  if (custom) return { level: custom, order: BUILT_IN_ORDER, mapHash: '#/' };
  const inPack = findPackLevel(id, context.store);
  return inPack && { level: inPack.level, order: inPack.order, mapHash: packMapHash(inPack.packId) };
}

/** What the level screen has mounted so far; `disposed` once the player left. */
interface Mounted {
  editor: BlockEditor | null;
  panel: TrainingPanel | null;
  disposed: boolean;
  /** The "Won with N of 3 stars" line in the header. */
  readonly best: ReturnType<typeof levelBestLine>;
  /** The level's path and the map it belongs to. */
  readonly found: FoundLevel;
}

/** The network on screen as a document: the editor's layers, the training settings, trained weights if any. */
async function currentNetwork(
  level: LevelSpec,
  context: AppContext<PlayerStore>,
  mounted: Mounted,
): Promise<NetworkSpec> {
  const layers =
    mounted.editor?.getLayers() ?? context.store.workspace(level.id)?.layers ?? level.starter ?? [];
  const training = context.store.workspace(level.id)?.training ?? levelTraining(level);
  const weights = (await mounted.panel?.trainedWeights()) ?? undefined;
  return levelNetwork(level, layers, training, weights);
}

/** The header: back to the map, the level's title, concept and best so far, and Share, Export and Import. */
function levelHeader(level: LevelSpec, context: AppContext<PlayerStore>, mounted: Mounted): HTMLElement {
  /** Hands a finished network to `use` (the Share dialog, the file download), or says what is missing. */
  const withFinishedNetwork = (use: (network: NetworkSpec) => unknown) => async () => {
    const network = await currentNetwork(level, context, mounted);
    if (classifierProblem(level.input, network.layers, level.classes.length)) {
      context.announce('Finish the network first: the blocks do not make a network that can vote yet.');
      return;
    }
    await use(network);
  };
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
  return el(
    'header',
    { class: 'level-header' },
    button('Back to map', () => context.navigate(mounted.found.mapHash), { class: 'back' }),
    el('h1', {}, level.title),
    level.concept ? el('p', { class: 'level-concept' }, level.concept) : null,
    mounted.best.element,
    shareTools,
  );
}

/** A window where the workbench fills the height (style.css) and the Code view would squeeze the blocks. */
const SHORT_WIDE_WINDOW = '(min-width: 821px) and (max-height: 900px)';

/**
 * Mounts the block editor with `layers`; a saved workspace that no longer fits the level is
 * announced and replaced by the level's own starting blocks.
 */
function mountEditor(
  blocks: typeof import('../blocks'),
  host: HTMLElement,
  level: LevelSpec,
  context: AppContext<PlayerStore>,
  layers: readonly LayerSpec[],
  onChange: (result: CompileResult) => void,
): BlockEditor {
  const compileContext = { input: level.input, classes: level.classes, limits: level.limits };
  // A short wide window gives its height to the blocks: the code opens from its bar.
  const codeOpen = !window.matchMedia(SHORT_WIDE_WINDOW).matches;
  try {
    return blocks.mountBlockEditor(host, { context: compileContext, layers, onChange, codeOpen });
  } catch (error) {
    // A saved workspace that no longer fits this level: start from the level's own blocks.
    if (!(error instanceof SpecError)) throw error;
    context.announce(
      `Your saved network for this level could not be shown (${error.message}); starting afresh.`,
    );
    return blocks.mountBlockEditor(host, {
      context: compileContext,
      layers: level.starter ?? [],
      onChange,
      codeOpen,
    });
  }
}

/** Loads the blocks and mounts the editor and the training panel, which save every change. */
async function mountWorkbench(
  level: LevelSpec,
  context: AppContext<PlayerStore>,
  mounted: Mounted,
  hosts: { editor: HTMLElement; training: HTMLElement; controls: HTMLElement },
): Promise<void> {
  // Blockly is loaded only when a level opens, so the map stays light.
  const blocks = await import('../blocks');
  if (mounted.disposed) return;
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
  mounted.panel = mountTrainingPanel(hosts.training, {
    level,
    context,
    order: mounted.found.order,
    mapHash: mounted.found.mapHash,
    training,
    sharedWeights,
    lastRun: context.store.lastRun(level.id),
    controlsHost: hosts.controls,
    onRecorded: mounted.best.redraw,
    onTrainingChange(next) {
      training = next;
      save();
    },
  });
  const onChange = (result: CompileResult) => {
    layers = result.layers;
    mounted.panel?.networkChanged(result);
    save();
  };
  mounted.editor = mountEditor(blocks, hosts.editor, level, context, layers, onChange);
}

/** Shows a level: its intro first, then the block editor beside the training panel. */
export async function showLevel(
  root: HTMLElement,
  id: string,
  context: AppContext<PlayerStore>,
): Promise<Screen | null> {
  const found = await findLevel(id, context);
  if (!found) return null;
  const { level } = found;
  // A built-in level the map shows locked stays locked when opened by its address (not when the
  // player opened a network shared for it).
  const locked =
    isBuiltInLevel(level.id) && !context.openedFromShared?.has(level.id)
      ? await showLockedLevel(root, level, context)
      : null;
  if (locked) return locked;
  const mounted: Mounted = {
    found,
    editor: null,
    panel: null,
    disposed: false,
    best: levelBestLine(level.id, context.store),
  };
  const header = levelHeader(level, context, mounted);
  const editorHost = el('section', { class: 'editor-panel', 'aria-label': 'Block editor' });
  const trainingHost = el('section', { class: 'training-panel', 'aria-label': 'Training' });
  // Train, Pause, Step and Reset in a bar of their own, first: on a phone it stays in reach while the page scrolls.
  const controlsHost = el('div', { class: 'workbench-controls' });
  const workbench = el('div', { class: 'workbench' }, controlsHost, editorHost, trainingHost);
  const main = el('main', { class: 'level-screen' }, header);
  root.replaceChildren(main);

  const startBuilding = async () => {
    main.replaceChildren(header, workbench);
    // On a wide screen the workbench fills the window (style.css) and the panels scroll inside it.
    main.classList.add('is-building');
    // The intro may have been scrolled; the workbench starts at its top.
    window.scrollTo(0, 0);
    await mountWorkbench(level, context, mounted, {
      editor: editorHost,
      training: trainingHost,
      controls: controlsHost,
    });
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
      mounted.disposed = true;
      mounted.best.dispose();
      mounted.panel?.dispose();
      mounted.editor?.dispose();
    },
  };
}
