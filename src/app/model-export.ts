/**
 * The Share dialog's exports for real tools: a TensorFlow.js layers model (model.json and
 * weights.bin) and runnable Keras and PyTorch scripts. tfjs-layers is loaded only when one is asked
 * for, so the first screen never downloads it.
 */
import { isBuiltInLevel, loadBuiltInLevel } from '../game/catalog';
import { safeFileStem } from '../share';
import type { NetworkSpec } from '../spec';
import { button, el } from '../ui';

/** Saves bytes or text as a file download. */
function download(filename: string, contents: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([contents as BlobPart], { type }));
  const link = el('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; the address is then no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const TYPES: Record<string, string> = {
  json: 'application/json',
  bin: 'application/octet-stream',
  py: 'text/x-python',
};

/** The buttons for `network`, and a status line saying what was saved or why not. */
export function modelExportControls(network: NetworkSpec): HTMLElement {
  const note = el('p', { class: 'share-note', role: 'status' });
  const levelId = network.level;
  const scriptsPossible = levelId !== undefined && isBuiltInLevel(levelId);
  const save = (target: 'tfjs' | 'keras' | 'pytorch') => async () => {
    note.textContent = 'Preparing…';
    try {
      const [{ exportFiles }, level] = await Promise.all([
        import('../engine/export/export-files'),
        target !== 'tfjs' && levelId ? loadBuiltInLevel(levelId) : Promise.resolve(undefined),
      ]);
      const files = await exportFiles(network, target, level);
      const stem = safeFileStem(network.name, 'network');
      for (const file of files) {
        const name = target === 'tfjs' ? file.name : `${stem}-${file.name}`;
        download(name, file.contents, TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream');
      }
      note.textContent = `Saved ${files.map((f) => (target === 'tfjs' ? f.name : `${stem}-${f.name}`)).join(' and ')}.`;
    } catch (error) {
      note.textContent = `Could not export: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  const scriptHint = scriptsPossible ? '' : ' (for a built-in level only: the script holds its pictures)';
  const keras = button('Keras script', save('keras'));
  const pytorch = button('PyTorch script', save('pytorch'));
  keras.disabled = !scriptsPossible;
  pytorch.disabled = !scriptsPossible;
  return el(
    'div',
    {},
    el(
      'p',
      {},
      `Take it to real tools: a TensorFlow.js model, or a Python script that runs it${scriptHint}.`,
    ),
    el('div', { class: 'controls' }, button('TensorFlow.js model', save('tfjs')), keras, pytorch),
    note,
  );
}
