/** The "Share" section of the Check and share tab: a link or a level file, once the level is ready. */

import { encodeLevelLink, levelToFile } from '../share';
import type { LevelSpec } from '../spec';
import { button, downloadText, el } from '../ui';
import type { CheckAccess } from './check-access';
import { isReady } from './draft';

/** The section, and a way to turn its buttons on when the level is ready. */
export interface ShareSection {
  readonly element: HTMLElement;
  setReady(ready: boolean): void;
}

/** Builds the Share section. */
export function shareSection(access: CheckAccess): ShareSection {
  const linkField = el('input', {
    type: 'text',
    readonly: '',
    id: 'editor-share-link',
    class: 'editor-share-link',
  });
  const shareStatus = el('p', { class: 'editor-share-status', 'aria-live': 'polite' });

  const readyLevel = async (): Promise<LevelSpec | null> => {
    if (!isReady(access.draft())) {
      shareStatus.textContent =
        'Win the level with a network first: only a level known to be winnable is shared.';
      return null;
    }
    return access.saveNow();
  };

  const shareLink = async () => {
    const level = await readyLevel();
    if (!level) return;
    const link = encodeLevelLink(level);
    if (!link.fitsInLink) {
      linkField.value = '';
      shareStatus.textContent = `This level is too big for a link (${link.length} characters): share the level file instead.`;
      return;
    }
    linkField.value = `${access.pageAddress()}${link.hash}`;
    linkField.select();
    try {
      await navigator.clipboard.writeText(linkField.value);
      shareStatus.textContent = `Link copied (${link.length} characters). Anyone who opens it gets this level.`;
    } catch {
      shareStatus.textContent = 'The link is selected in the box above: copy it with Ctrl+C (or Cmd+C).';
    }
    access.announce(shareStatus.textContent ?? '');
  };

  const shareFile = async () => {
    const level = await readyLevel();
    if (!level) return;
    const file = levelToFile(level);
    downloadText(file.filename, file.text);
    shareStatus.textContent = `Saved as ${file.filename}.`;
    access.announce(shareStatus.textContent);
  };

  const copyLink = button('Copy link', () => void shareLink());
  const saveFile = button('Download level file', () => void shareFile());
  const element = el(
    'section',
    { class: 'editor-share', 'aria-label': 'Share' },
    el('h3', {}, 'Share'),
    el('div', { class: 'editor-workbench-actions' }, copyLink, saveFile),
    el('label', { for: linkField.id }, 'Link to this level'),
    linkField,
    shareStatus,
  );
  return {
    element,
    setReady(ready) {
      copyLink.disabled = !ready;
      saveFile.disabled = !ready;
    },
  };
}
