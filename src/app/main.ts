/** The page shell: opens storage, follows the address to the map or a level, and owns the status region. */
import { openPlayerStore, type PlayerStore } from '../storage';
import './style.css';
import { isBuiltInLevel, loadAllBuiltInLevels } from '../game/catalog';
import { SpecError } from '../spec';
import { type AppContext, el, readFileText, type Screen } from '../ui';
import { recoverEdit } from './edit-journal';
import { showMap } from './map-screen';
import { ParseWorkerFailed, readSharedOffThread } from './read-shared-off-thread';
import { parseRoute } from './router';
import { offerShared, openSharedText } from './sharing';

const app = document.getElementById('app') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;

function announce(message: string): void {
  // Re-setting the same text would not be announced again; clear it first.
  status.textContent = '';
  requestAnimationFrame(() => {
    status.textContent = message;
  });
}

/** A notice at the top of the page while progress can only be kept in memory, saying why. */
function mountStorageNotice(store: PlayerStore): void {
  const storageNotice = el('p', { class: 'storage-notice', role: 'alert' });
  const showStorage = () => {
    const s = store.status;
    storageNotice.textContent = s.state === 'memory-only' ? s.reason : '';
    storageNotice.hidden = s.state !== 'memory-only';
  };
  store.onStatusChange(showStorage);
  showStorage();
  document.body.prepend(storageNotice);
}

async function start(): Promise<void> {
  const store = await openPlayerStore({ indexedDB: globalThis.indexedDB });
  await recoverEdit(store);
  mountStorageNotice(store);

  let screen: Screen | null = null;
  let visit = 0;
  const context: AppContext<PlayerStore> = {
    store,
    sharedWeights: new Map(),
    openedFromShared: new Set(),
    navigate(hash) {
      if (location.hash === hash) void route();
      else location.hash = hash;
    },
    announce,
  };

  async function route(): Promise<void> {
    const thisVisit = ++visit;
    screen?.dispose();
    screen = null;
    const target = parseRoute(location.hash);
    let next: Screen | null = null;
    if (target.screen === 'editor') {
      // The level editor loads only when a teacher opens it.
      const { showLevelEditor } = await import('../editor');
      next = await showLevelEditor(app, context, target.id, isBuiltInLevel, loadAllBuiltInLevels);
    }
    if (target.screen === 'level') {
      // The level screen (Blockly, the views, the worker client) loads only when a level opens.
      const { showLevel } = await import('./level-screen');
      next = await showLevel(app, target.id, context);
    }
    if (target.screen === 'class') {
      const { showClassResults } = await import('./class-results');
      next = showClassResults(app, context);
    }
    if (target.screen === 'pack') next = await showMap(app, context, target.id);
    if (target.screen === 'shared') {
      // The link is read first; the map shows behind the question, and the address drops the link.
      history.replaceState(null, '', '#/');
      next = await showMap(app, context);
      screen = next;
      try {
        announce('Reading the link…');
        await offerShared(await readSharedOffThread({ from: 'link', text: target.hash }), context);
      } catch (error) {
        const message =
          error instanceof SpecError || error instanceof ParseWorkerFailed ? error.message : String(error);
        announce(`This link could not be opened: ${message}`);
      }
      return;
    }
    if (!next) {
      next = await showMap(app, context);
      if (target.screen === 'level') {
        history.replaceState(null, '', '#/');
        announce(`There is no level "${target.id}". Here is the map.`);
      }
    }
    if (thisVisit !== visit) next.dispose();
    else {
      screen = next;
      // A new screen opens at its top, not at the last one's scroll position ("Make a level" is far down the map).
      window.scrollTo(0, 0);
    }
  }

  // Whatever is waiting to be saved goes to storage before the page is hidden or closed.
  const flush = () => void store.flush();
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  addEventListener('hashchange', () => void route());
  // Another tab won a level or saved one: the map shows it at once. Other screens keep what the
  // player is doing on them and read the store afresh when next opened.
  store.onContentsChange(() => {
    const on = parseRoute(location.hash).screen;
    if (on === 'map' || on === 'pack') void route();
  });
  // A network or level file dropped anywhere on the page is opened like a link.
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => {
    // A drop a screen took itself (the level editor's pictures) is not a shared file.
    if (event.defaultPrevented) return;
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    readFileText(file)
      .then((text) => openSharedText(text, context, file.name))
      .catch((error: unknown) => announce(error instanceof Error ? error.message : String(error)));
  });
  await route();
}

start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  app.replaceChildren(el('p', { class: 'fatal' }, `ConvBlocks could not start: ${message}`));
});
