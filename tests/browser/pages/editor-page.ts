/**
 * The level editor's test page, until the app's router has its routes: `#/editor` (a new level),
 * `#/editor/<id>`, `#/level/<id>` (the real level screen), `#/` (a list of the saved levels) and
 * `#level=...` (what a shared level link holds). Marks `<body data-ready>` once a screen is shown.
 */
import { type AppContext, button, el, type Screen } from '../../../src/ui';
import '../../../src/app/style.css';
import { showLevelEditor } from '../../../src/editor';
import { isBuiltInLevel, loadAllBuiltInLevels } from '../../../src/game/catalog';
import { describeShared, readSharedText } from '../../../src/share';
import { levelToDocument } from '../../../src/spec';
import { openPlayerStore, type PlayerStore } from '../../../src/storage';

const app = document.getElementById('app') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;

function myLevels(context: AppContext<PlayerStore>): Screen {
  const levels = context.store.customLevels();
  app.replaceChildren(
    el(
      'main',
      { class: 'map-screen' },
      el('h1', {}, 'My levels'),
      el(
        'ul',
        { class: 'my-levels' },
        ...levels.map((c) =>
          el(
            'li',
            {},
            button(c.level.title, () => context.navigate(`#/level/${c.level.id}`)),
            button(`Edit ${c.level.title}`, () => context.navigate(`#/editor/${c.level.id}`)),
          ),
        ),
      ),
      button('Make a level', () => context.navigate('#/editor')),
    ),
  );
  return { dispose() {} };
}

function sharedLevel(): Screen {
  const shared = readSharedText(location.href);
  const document = shared.kind === 'level' ? levelToDocument(shared.level) : null;
  app.replaceChildren(
    el(
      'main',
      { class: 'map-screen' },
      el('h1', {}, 'Opened from a link'),
      el('p', { id: 'shared-description' }, describeShared(shared)),
      el(
        'pre',
        { id: 'shared-document', style: 'white-space: pre-wrap; word-break: break-all; font-size: 11px' },
        JSON.stringify(document),
      ),
    ),
  );
  return { dispose() {} };
}

async function start(): Promise<void> {
  const store = await openPlayerStore({ indexedDB: globalThis.indexedDB });
  let screen: Screen | null = null;
  const context: AppContext<PlayerStore> = {
    store,
    navigate(hash) {
      if (location.hash === hash) void route();
      else location.hash = hash;
    },
    announce(message) {
      status.textContent = message;
    },
    sharedWeights: new Map(),
  };
  async function route(): Promise<void> {
    document.body.removeAttribute('data-ready');
    screen?.dispose();
    const hash = location.hash;
    const editing = /^#\/editor(?:\/([^/]+))?$/.exec(hash);
    const playing = /^#\/level\/([^/]+)$/.exec(hash);
    if (hash.startsWith('#level=')) screen = sharedLevel();
    else if (editing || hash === '') {
      const id = editing?.[1];
      // As the app does: the built-in levels' ids are taken, and Suggest tries their reference networks.
      const level = id === undefined ? undefined : decodeURIComponent(id);
      screen = await showLevelEditor(app, context, level, isBuiltInLevel, loadAllBuiltInLevels);
    } else if (playing?.[1]) {
      const { showLevel } = await import('../../../src/app/level-screen');
      screen = (await showLevel(app, decodeURIComponent(playing[1]), context)) ?? myLevels(context);
    } else screen = myLevels(context);
    document.body.setAttribute('data-ready', hash);
  }
  addEventListener('pagehide', () => void store.flush());
  addEventListener('hashchange', () => void route());
  await route();
}

void start();
