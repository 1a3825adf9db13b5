/**
 * The votes for the selected picture: one meter per class, a bar and its percentage, read out as
 * a meter by screen readers.
 */
import { part } from './part';
import { formatPercent } from './pictures-grid';
import { setText } from './set-text';

/** The mounted meters. */
export interface VoteBars {
  readonly element: HTMLElement;
  /** Shows one probability per class, in the classes' order. */
  update(probabilities: ArrayLike<number>): void;
}

/** One class's meter, and the vote it shows (in tenths of a percent; '' before the first). */
interface Bar {
  readonly fill: HTMLElement;
  readonly text: HTMLElement;
  readonly row: HTMLElement;
  shown: string;
}

/** Shows one class's vote, unless the bar shows it already (a style set again still restyles). */
function drawBar(bar: Bar, p: number): void {
  const finite = Number.isFinite(p);
  const tenths = finite ? Math.round(p * 1000) : null;
  const key = tenths === null ? 'none' : String(tenths);
  if (key === bar.shown) return;
  bar.shown = key;
  const text = formatPercent(p);
  bar.fill.style.width = tenths === null ? '0%' : `${tenths / 10}%`;
  setText(bar.text, text);
  if (finite) bar.row.setAttribute('aria-valuenow', String(Math.round(p * 100)));
  else bar.row.removeAttribute('aria-valuenow');
  bar.row.setAttribute('aria-valuetext', text);
}

/** Builds one meter per class, under a "Votes" heading; nothing is voted until the first update. */
export function createVoteBars(doc: Document, classes: readonly string[]): VoteBars {
  const element = part(doc, 'div', 'viz-votes');
  element.append(part(doc, 'h4', '', 'Votes'));
  const bars = classes.map((name): Bar => {
    const row = part(doc, 'div', 'viz-vote-row');
    const track = part(doc, 'div', 'viz-vote-track');
    const fill = part(doc, 'div', 'viz-vote-fill');
    track.append(fill);
    const text = part(doc, 'span', 'viz-vote-percent');
    row.append(part(doc, 'span', 'viz-vote-class', name), track, text);
    row.setAttribute('role', 'meter');
    row.setAttribute('aria-label', `vote for ${name}`);
    row.setAttribute('aria-valuemin', '0');
    row.setAttribute('aria-valuemax', '100');
    element.append(row);
    return { fill, text, row, shown: '' };
  });
  return {
    element,
    update(probabilities) {
      for (const [k, bar] of bars.entries()) drawBar(bar, probabilities[k] ?? 0);
    },
  };
}
