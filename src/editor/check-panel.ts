/**
 * The "Check and share" tab: what is missing or doubtful, a workbench where the teacher builds a
 * network and wins the level with it (kept as the reference network, which makes the level ready),
 * the starter network, and sharing as a link or a file once the level is ready.
 */

import type { BlockEditor } from '../blocks';
import { encodeLevelLink, levelToFile } from '../share';
import type { LayerSpec, LevelSpec } from '../spec';
import { button, downloadText, el } from '../ui';
import type { TrainerClient } from '../worker/page/client';
import { buildLevel, draftLimits } from './build-level';
import { checkDraft } from './check';
import { EDITOR_TRAINING, type EditorDraft, isReady, winFingerprint } from './draft';
import type { DraftAccess, EditorPanel } from './panel';
import { suggestNetwork } from './suggest';
import { runToWin } from './win-run';

/** What the tab needs besides the draft: saving now, and the page address links start from. */
export interface CheckAccess extends DraftAccess {
  /** Saves the draft now; the saved level, or null (the reason announced) when it cannot be saved yet. */
  saveNow(): Promise<LevelSpec | null>;
  /** The address of the page, without its `#...` part. */
  pageAddress(): string;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function layersText(layers: readonly LayerSpec[]): string {
  return layers.map((l) => l.type).join(', ');
}

/** Builds the Check and share tab. */
export function checkPanel(access: CheckAccess): EditorPanel {
  let editor: BlockEditor | null = null;
  let client: TrainerClient | null = null;
  let disposed = false;
  let training = false;

  const findings = el('ul', { class: 'editor-findings' });
  const readiness = el('p', { class: 'editor-readiness' });
  const workbenchStatus = el('p', { class: 'editor-workbench-status', 'aria-live': 'polite' });
  const starterText = el('p', { class: 'editor-starter' });
  const host = el('div', { class: 'editor-workbench-host' });
  const linkField = el('input', {
    type: 'text',
    readonly: '',
    id: 'editor-share-link',
    class: 'editor-share-link',
  });
  const shareStatus = el('p', { class: 'editor-share-status', 'aria-live': 'polite' });

  const win = button('Win it', () => void winIt(), { class: 'primary' });
  const suggest = button('Suggest a network', () => {
    const draft = access.draft();
    const layers = suggestNetwork(
      [draft.side, draft.side, draft.channels],
      draft.classes.length,
      draftLimits(draft),
    );
    if (!layers || !editor) {
      workbenchStatus.textContent =
        'No small network fits the rules of this level: build one from the blocks on offer.';
      return;
    }
    editor.setLayers(layers);
    workbenchStatus.textContent = `Suggested: ${layersText(layers)}. Press "Win it" to train it.`;
  });
  const useStarter = button('Use as the starter network', () => {
    const result = editor?.result();
    const broken = result?.shapes.layers[result.shapes.errorAt];
    if (broken && !broken.ok) {
      workbenchStatus.textContent = `This network cannot be a starter yet: block ${result.shapes.errorAt + 1}: ${broken.reason}`;
      return;
    }
    const layers = result?.layers ?? [];
    access.update((d) => ({ ...d, rules: { ...d.rules, starter: layers.length ? layers : undefined } }));
    access.announce(
      layers.length ? `Players start from: ${layersText(layers)}.` : 'Players start from an empty network.',
    );
    refresh();
  });
  const clearStarter = button('No starter network', () => {
    access.update((d) => ({ ...d, rules: { ...d.rules, starter: undefined } }));
    access.announce('Players start from an empty network.');
    refresh();
  });
  const copyLink = button('Copy link', () => void shareLink());
  const saveFile = button('Download level file', () => void shareFile());

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

  const winIt = async () => {
    if (!editor || training) return;
    const started = access.draft();
    const result = editor.result();
    if (result.blocker) {
      workbenchStatus.textContent = `The network cannot train yet: ${result.blocker}`;
      return;
    }
    const built = buildLevel(started);
    if ('error' in built) {
      workbenchStatus.textContent = `The level is not complete yet: ${built.error.message}`;
      return;
    }
    const level = built.level;
    if (level.test.length === 0) {
      workbenchStatus.textContent = 'Add test pictures first: a level is won on its hidden test pictures.';
      return;
    }
    training = true;
    win.disabled = true;
    workbenchStatus.textContent = 'Training your network on the training pictures...';
    try {
      if (!client) {
        const { createTrainerClient } = await import('../worker/page/client');
        client = createTrainerClient();
      }
      const layers = result.layers;
      const outcome = await runToWin(client, level, layers, EDITOR_TRAINING, (p) => {
        workbenchStatus.textContent = `Step ${p.step}: training accuracy ${percent(p.trainAccuracy)}.`;
      });
      if (disposed) return;
      const goal = percent(level.goal.testAccuracy);
      if (outcome.won) {
        access.update((d) => ({
          ...d,
          reference: {
            layers,
            training: EDITOR_TRAINING,
            testAccuracy: outcome.testAccuracy,
            fingerprint: winFingerprint(started),
          },
        }));
        workbenchStatus.textContent = `Won: test accuracy ${percent(outcome.testAccuracy)} after ${outcome.steps} steps (goal ${goal}). This network is kept as the level's reference network.`;
        if (!isReady(access.draft()))
          workbenchStatus.textContent += ' The level changed while it trained: press "Win it" again.';
        else await access.saveNow();
      } else {
        workbenchStatus.textContent = `Not won: test accuracy ${percent(outcome.testAccuracy)} after ${outcome.steps} steps (training accuracy ${percent(outcome.trainAccuracy)}); the goal is ${goal}. Change the network or the pictures and try again.`;
      }
      access.announce(workbenchStatus.textContent);
    } catch (error) {
      workbenchStatus.textContent = `Training failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      training = false;
      win.disabled = false;
      refresh();
    }
  };

  const refresh = () => {
    const draft = access.draft();
    findings.replaceChildren(
      ...checkDraft(draft).map((f) =>
        el(
          'li',
          { class: `editor-finding editor-finding-${f.level}` },
          el('strong', {}, f.level === 'problem' ? 'Problem: ' : 'Warning: '),
          f.text,
        ),
      ),
    );
    if (findings.childElementCount === 0)
      findings.append(el('li', {}, 'Nothing to fix: the level looks good.'));
    const ready = isReady(draft);
    readiness.textContent = ready
      ? `Ready: a network has won this level${draft.reference?.testAccuracy === undefined ? '' : ` with ${percent(draft.reference.testAccuracy)} test accuracy`}.`
      : 'Not ready: no network has won the level as it is now.';
    readiness.classList.toggle('editor-ready', ready);
    copyLink.disabled = !ready;
    saveFile.disabled = !ready;
    const starter = draft.rules.starter;
    starterText.textContent = starter?.length
      ? `Starter network: players start from ${layersText(starter)}.`
      : 'Starter network: none, players start from an empty network.';
  };

  const mountWorkbench = async () => {
    const blocks = await import('../blocks');
    if (disposed) return;
    const draft: EditorDraft = access.draft();
    const start = draft.reference?.layers ?? draft.rules.starter ?? [];
    editor = blocks.mountBlockEditor(host, {
      context: {
        input: [draft.side, draft.side, draft.channels],
        classes: draft.classes.map((c) => c.name),
        limits: draftLimits(draft),
      },
      layers: start,
    });
  };

  const element = el(
    'div',
    { class: 'editor-check-panel' },
    el('section', { 'aria-label': 'Check' }, el('h3', {}, 'Check'), readiness, findings),
    el(
      'section',
      { class: 'editor-workbench', 'aria-label': 'Win it in the editor' },
      el('h3', {}, 'Win it in the editor'),
      el(
        'p',
        {},
        'Build a network with the blocks your level offers and press "Win it": it trains on the training pictures and is judged on the hidden test pictures. The first network that reaches the goal is kept as the reference network, and the level becomes ready to share.',
      ),
      host,
      el('div', { class: 'editor-workbench-actions' }, win, suggest, useStarter, clearStarter),
      workbenchStatus,
      starterText,
    ),
    el(
      'section',
      { class: 'editor-share', 'aria-label': 'Share' },
      el('h3', {}, 'Share'),
      el('div', { class: 'editor-workbench-actions' }, copyLink, saveFile),
      el('label', { for: linkField.id }, 'Link to this level'),
      linkField,
      shareStatus,
    ),
  );
  refresh();
  void mountWorkbench();
  return {
    element,
    refresh,
    dispose() {
      disposed = true;
      editor?.dispose();
      client?.dispose();
    },
  };
}
