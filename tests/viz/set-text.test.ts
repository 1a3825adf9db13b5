// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createLegend } from '../../src/viz/colour-scale';
import { setText } from '../../src/viz/set-text';

describe('setText', () => {
  it('edits the element’s own text node in place, and leaves it alone when the text is the same', () => {
    const span = document.createElement('span');
    span.textContent = 'X 51%';
    const node = span.firstChild;
    setText(span, 'X 52%');
    expect(span.textContent).toBe('X 52%');
    expect(span.firstChild).toBe(node);
    const observer = new MutationObserver(() => undefined);
    observer.observe(span, { childList: true, characterData: true, subtree: true });
    setText(span, 'X 52%');
    setText(span, 'O 60%');
    const seen = observer.takeRecords();
    observer.disconnect();
    expect(seen.map((r) => r.type)).toEqual(['characterData']);
  });

  it('writes the whole text of an element that is empty or holds more than one node', () => {
    const empty = document.createElement('p');
    setText(empty, 'Step 1');
    expect(empty.textContent).toBe('Step 1');
    const mixed = document.createElement('p');
    mixed.append('Step ', document.createElement('b'));
    setText(mixed, 'Step 2');
    expect(mixed.childNodes).toHaveLength(1);
    expect(mixed.textContent).toBe('Step 2');
  });
});

describe('a legend under a changing scale', () => {
  it('keeps its tick elements and changes only their numbers', () => {
    const legend = createLegend(document, 'values', { kind: 'diverging', limit: 1 });
    const ticks = [...legend.element.querySelectorAll('.viz-legend-ticks span')];
    expect(ticks.map((t) => t.textContent)).toEqual(['-1', '0', '1']);
    legend.update({ kind: 'diverging', limit: 2.5 });
    const after = [...legend.element.querySelectorAll('.viz-legend-ticks span')];
    expect(after).toEqual(ticks);
    expect(after.map((t) => t.textContent)).toEqual(['-2.5', '0', '2.5']);
    legend.update({ kind: 'grey', min: 0, max: 1 });
    expect([...legend.element.querySelectorAll('.viz-legend-ticks span')].map((t) => t.textContent)).toEqual([
      '0',
      '1',
    ]);
  });
});
