// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createVoteBars } from '../../src/viz/vote-bars';

/** Every change the DOM saw under `element` while `act` ran. */
function mutationsDuring(element: HTMLElement, act: () => void): number {
  const observer = new MutationObserver(() => undefined);
  observer.observe(element, { subtree: true, childList: true, attributes: true, characterData: true });
  act();
  const seen = observer.takeRecords().length;
  observer.disconnect();
  return seen;
}

describe('vote bars', () => {
  it('shows each class as a meter with its percentage', () => {
    const bars = createVoteBars(document, ['X', 'O']);
    bars.update([0.25, 0.75]);
    const rows = [...bars.element.querySelectorAll<HTMLElement>('[role="meter"]')];
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual(['vote for X', 'vote for O']);
    expect(rows.map((r) => r.getAttribute('aria-valuenow'))).toEqual(['25', '75']);
    expect(rows.map((r) => r.getAttribute('aria-valuetext'))).toEqual(['25%', '75%']);
    expect(rows.map((r) => (r.querySelector('.viz-vote-fill') as HTMLElement).style.width)).toEqual([
      '25%',
      '75%',
    ]);
  });

  it('leaves the page alone when the same votes come again, and changes only the bars that moved', () => {
    const bars = createVoteBars(document, ['X', 'O']);
    bars.update([0.25, 0.75]);
    expect(mutationsDuring(bars.element, () => bars.update([0.2501, 0.7499]))).toBe(0);
    expect(mutationsDuring(bars.element, () => bars.update([0.3, 0.75]))).toBeGreaterThan(0);
    const rows = [...bars.element.querySelectorAll<HTMLElement>('[role="meter"]')];
    expect(rows.map((r) => r.getAttribute('aria-valuenow'))).toEqual(['30', '75']);
  });

  it('shows no percentage for a vote that is not a number', () => {
    const bars = createVoteBars(document, ['X']);
    bars.update([0.5]);
    bars.update([Number.NaN]);
    const row = bars.element.querySelector('[role="meter"]') as HTMLElement;
    expect(row.hasAttribute('aria-valuenow')).toBe(false);
    expect(row.getAttribute('aria-valuetext')).toBe('—');
    expect((row.querySelector('.viz-vote-fill') as HTMLElement).style.width).toBe('0%');
  });
});
