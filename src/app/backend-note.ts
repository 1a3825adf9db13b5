/**
 * Where the network trains, in one plain line; which backends were timed and how fast sits behind
 * a disclosure for players who want it.
 */
import { BACKEND_LABELS, type BackendName } from '../spec';
import { el } from '../ui';
import type { BackendReport } from '../worker/protocol';

/** Where each backend does its sums, in words a beginner follows. */
const PLAIN_PLACES: { readonly [B in BackendName]: string } = {
  plain: 'on the computer’s processor, with sums made for small networks',
  cpu: 'on the computer’s processor',
  wasm: 'on the computer’s processor, in fast WebAssembly',
  webgl: 'on the graphics card',
};

/** The one line shown by default. */
export function plainBackendLine(report: BackendReport): string {
  const how = report.forced ? 'as you chose in Backend' : 'the fastest way this computer has';
  return `Your network trains right here in the browser, ${PLAIN_PLACES[report.backend]} (${how}).`;
}

/** The details for the curious: the backend's name and the speeds measured. */
export function backendDetails(report: BackendReport): string {
  return `Backend: ${BACKEND_LABELS[report.backend]}${report.forced ? ' (your choice)' : ''}. ${report.summary}`;
}

/** An empty, hidden note that `showBackendReport` fills. */
export function backendNote(): HTMLElement {
  const note = el('details', { class: 'backend-summary' });
  note.hidden = true;
  return note;
}

/** Shows a backend report in a note made by `backendNote`. */
export function showBackendReport(note: HTMLElement, report: BackendReport): void {
  note.replaceChildren(el('summary', {}, plainBackendLine(report)), el('p', {}, backendDetails(report)));
  note.hidden = false;
}
