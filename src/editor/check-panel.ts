/**
 * The "Check and share" tab: what is missing or doubtful, a workbench where the teacher builds a
 * network and wins the level with it (`check-workbench`), the starter network, and sharing as a link
 * or a file once the level is ready (`check-share`).
 */

import { el } from '../ui';
import { checkDraft } from './check';
import { type CheckAccess, percent } from './check-access';
import { shareSection } from './check-share';
import { workbenchSection } from './check-workbench';
import { type EditorDraft, isReady } from './draft';
import type { EditorPanel } from './panel';

export type { CheckAccess } from './check-access';

/** Lists the draft's problems and warnings, or says there is nothing to fix. */
function showFindings(findings: HTMLElement, draft: EditorDraft): void {
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
}

/** Builds the Check and share tab. */
export function checkPanel(access: CheckAccess): EditorPanel {
  const findings = el('ul', { class: 'editor-findings' });
  const readiness = el('p', { class: 'editor-readiness' });
  const share = shareSection(access);
  const refresh = () => {
    const draft = access.draft();
    showFindings(findings, draft);
    const ready = isReady(draft);
    readiness.textContent = ready
      ? `Ready: a network has won this level${draft.reference?.testAccuracy === undefined ? '' : ` with ${percent(draft.reference.testAccuracy)} test accuracy`}.`
      : 'Not ready: no network has won the level as it is now.';
    readiness.classList.toggle('editor-ready', ready);
    share.setReady(ready);
    workbench.showStarter(draft);
  };
  const workbench = workbenchSection(access, refresh);
  const element = el(
    'div',
    { class: 'editor-check-panel' },
    el('section', { 'aria-label': 'Check' }, el('h3', {}, 'Check'), readiness, findings),
    workbench.element,
    share.element,
  );
  refresh();
  return { element, refresh, dispose: () => workbench.dispose() };
}
