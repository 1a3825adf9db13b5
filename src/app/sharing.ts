/**
 * Opening what someone shared (a link, a pasted text, a picked or dropped file) and sharing the
 * network on screen. Nothing changes before the player has read what it is and pressed Open.
 */
import { BUILT_IN_ORDER, isBuiltInLevel, loadBuiltInLevel } from '../game/catalog';
import { describeShared, encodeNetworkLink, networkToFile, type SharedDocument } from '../share';
import { levelToDocument, type NetworkSpec, SpecError } from '../spec';
import type { PlayerStore } from '../storage';
import {
  type AppContext,
  button,
  confirmDialog,
  downloadText,
  el,
  levelHash,
  readFileText,
  showDialog,
} from '../ui';
import { modelExportControls } from './model-export';
import { isModelPick, openModelFiles } from './model-import';
import { openPack } from './pack-open';
import { ParseWorkerFailed, readSharedOffThread } from './read-shared-off-thread';

/** Titles of every level this game knows, for describing what a shared network was made for. */
async function levelTitles(context: AppContext<PlayerStore>): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const id of BUILT_IN_ORDER) titles.set(id, (await loadBuiltInLevel(id)).title);
  for (const custom of context.store.customLevels()) titles.set(custom.level.id, custom.level.title);
  return titles;
}

/**
 * What the Open question adds when a shared level's id is taken by a different saved level: both
 * titles, and that the player's level stays as it is.
 */
function clashNote(shared: SharedDocument, context: AppContext<PlayerStore>): string {
  if (shared.kind !== 'level') return '';
  const mine = context.store.customLevels().find((c) => c.level.id === shared.level.id);
  if (
    !mine ||
    JSON.stringify(levelToDocument(mine.level)) === JSON.stringify(levelToDocument(shared.level))
  ) {
    return '';
  }
  return ` You already have a different level with its id, "${mine.level.title}": it stays as it is, and "${shared.level.title}" is kept beside it under a new id.`;
}

/** Says what a shared thing is, asks, and on Open saves the player's work and opens it. */
export async function offerShared(shared: SharedDocument, context: AppContext<PlayerStore>): Promise<void> {
  const titles = await levelTitles(context);
  const description = describeShared(shared, (id) => titles.get(id));
  const what = shared.kind;
  const open = await confirmDialog(
    `Open this ${what}?`,
    `This is a ${description}.${clashNote(shared, context)}`,
    'Open',
  );
  if (!open) {
    context.announce('Nothing was opened.');
    return;
  }
  await context.store.flush();
  if (shared.kind === 'network') {
    const { network } = shared;
    const levelId = network.level;
    if (!levelId || !titles.has(levelId)) {
      context.announce(
        `This network was made for ${levelId ? `the level "${levelId}"` : 'no level'}, which this game does not have: open that level first.`,
      );
      return;
    }
    context.store.saveWorkspace(levelId, { ...network, weights: undefined });
    if (network.weights) context.sharedWeights.set(levelId, network.weights);
    context.openedFromShared?.add(levelId);
    context.navigate(levelHash(levelId));
    return;
  }
  if (shared.kind === 'pack') {
    await openPack(shared.pack, context);
    return;
  }
  const { level } = shared;
  if (isBuiltInLevel(level.id)) {
    context.announce(`A built-in level already has the id "${level.id}": ask its maker to rename it.`);
    return;
  }
  // Saved under a new id when a different level has this one: the player's own is never replaced.
  const saved = await context.store.saveCustomLevel(level, 'shared');
  context.navigate(levelHash(saved.level.id));
}

/** Reads pasted text or file contents as something shared; a bad one is refused with its message. */
export async function openSharedText(
  text: string,
  context: AppContext<PlayerStore>,
  source: string,
): Promise<void> {
  let shared: SharedDocument;
  try {
    context.announce(`${source}: reading…`);
    shared = await readSharedOffThread({ from: 'text', text });
  } catch (error) {
    const message =
      error instanceof SpecError || error instanceof ParseWorkerFailed ? error.message : String(error);
    context.announce(`${source} could not be opened: ${message}`);
    return;
  }
  await offerShared(shared, context);
}

/** The Import dialog: pick a file, or paste a link or a file's text. */
export async function importDialog(context: AppContext<PlayerStore>): Promise<void> {
  const result = await showDialog<{ text: string; source: string; files?: File[] }>(
    'Import a network, a level or a pack',
    (close) => {
      const file = el('input', {
        type: 'file',
        accept: '.json,.bin,application/json',
        id: 'import-file',
        multiple: '',
      });
      const pasted = el('textarea', { id: 'import-text', rows: '4', placeholder: 'https://...#net=...' });
      const error = el('p', { class: 'train-blocker', role: 'alert' });
      file.addEventListener('change', async () => {
        const picked = [...(file.files ?? [])];
        if (isModelPick(picked)) {
          close({ text: '', source: '', files: picked });
          return;
        }
        const chosen = picked[0];
        if (!chosen) return;
        try {
          close({ text: await readFileText(chosen), source: chosen.name });
        } catch (e) {
          error.textContent = e instanceof Error ? e.message : String(e);
        }
      });
      return [
        el(
          'p',
          {},
          'Choose a .json file (or a TensorFlow.js model.json and its weights .bin together), or paste a ConvBlocks link or a file’s text.',
        ),
        el('label', { for: 'import-file' }, 'File'),
        file,
        el('label', { for: 'import-text' }, 'Link or text'),
        pasted,
        error,
        el(
          'div',
          { class: 'controls' },
          button('Open', () => close({ text: pasted.value, source: 'The pasted text' }), {
            class: 'primary',
          }),
          button('Cancel', () => close(null)),
        ),
      ];
    },
  );
  if (result?.files) await openModelFiles(result.files, context, offerShared);
  else if (result) await openSharedText(result.text, context, result.source);
}

/** The Share dialog for the network on screen: a link (with or without its trained weights) or a file. */
export async function shareDialog(network: NetworkSpec): Promise<void> {
  await showDialog<null>('Share your network', (close) => {
    const trained = network.weights !== undefined;
    const withWeights = el('input', { type: 'checkbox', id: 'share-weights' });
    withWeights.checked = trained;
    withWeights.disabled = !trained;
    const linkField = el('input', { type: 'text', readonly: '', id: 'share-link', 'aria-label': 'Link' });
    const note = el('p', { class: 'share-note', role: 'status' });
    const copy = button('Copy link', async () => {
      try {
        await navigator.clipboard.writeText(linkField.value);
        note.textContent = 'The link is copied: paste it anywhere.';
      } catch {
        linkField.select();
        note.textContent = 'Copying was refused by the browser: the link is selected, press Ctrl+C.';
      }
    });
    const file = networkToFile(network);
    const download = button('Download file', () => downloadText(file.filename, file.text));
    const refresh = () => {
      const link = encodeNetworkLink(network, { withWeights: withWeights.checked });
      const address = `${location.href.split('#')[0]}${link.hash}`;
      linkField.value = link.fitsInLink ? address : '';
      copy.disabled = !link.fitsInLink;
      note.textContent = link.fitsInLink
        ? `${address.length} characters${withWeights.checked ? '; weights kept to about 5 significant digits' : ''}.`
        : `With its weights the link would be ${link.length} characters, too long to share well: download the file instead.`;
    };
    withWeights.addEventListener('change', refresh);
    refresh();
    return [
      el('p', {}, 'Anyone who opens the link sees the same blocks; with the weights, the same votes.'),
      el(
        'label',
        { for: 'share-weights' },
        withWeights,
        trained ? ' Include the trained weights' : ' Include the trained weights (train first)',
      ),
      linkField,
      note,
      modelExportControls(network),
      el(
        'div',
        { class: 'controls' },
        copy,
        download,
        button('Close', () => close(null)),
      ),
    ];
  });
}

/** Downloads the network on screen as a `.json` file. */
export function exportNetwork(network: NetworkSpec, context: AppContext<PlayerStore>): void {
  const file = networkToFile(network);
  downloadText(file.filename, file.text);
  context.announce(`Saved ${file.filename}.`);
}
