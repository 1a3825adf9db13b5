// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { applySteadySize, measureSteadySize, STEADY_BOX_CLASS } from '../../src/viz/steady-text';

/** A box in the document whose copies measure 7 px a character, 12 px high, at a 10 px font. */
function laidOutBox(): HTMLElement {
  const parent = document.createElement('div');
  const box = document.createElement('span');
  box.className = STEADY_BOX_CLASS;
  box.style.fontSize = '10px';
  box.textContent = 'kept';
  parent.append(box);
  document.body.append(parent);
  const measure = HTMLElement.prototype.getBoundingClientRect;
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
    if (!this.classList.contains(STEADY_BOX_CLASS)) return measure.call(this);
    return { width: 7 * (this.textContent?.length ?? 0), height: 12 } as DOMRect;
  };
  return box;
}

describe('measureSteadySize', () => {
  it('fits the widest and tallest text, in ems, and leaves the box as it was', () => {
    const box = laidOutBox();
    try {
      expect(measureSteadySize(box, ['✓ X 9%', '✗ happy 100%', '…'])).toEqual({
        widthEm: (7 * 12 + 1) / 10,
        heightEm: 1.2,
      });
      expect(box.textContent).toBe('kept');
      expect(box.parentElement?.childElementCount).toBe(1);
    } finally {
      delete (HTMLElement.prototype as { getBoundingClientRect?: unknown }).getBoundingClientRect;
      box.parentElement?.remove();
    }
  });

  it('measures nothing while the box is not in the document', () => {
    const box = document.createElement('span');
    const parent = document.createElement('div');
    parent.append(box);
    expect(measureSteadySize(box, ['✓ X 9%'])).toBeNull();
  });

  it('measures nothing while the box is not laid out (jsdom lays out nothing)', () => {
    const box = document.createElement('span');
    box.style.fontSize = '10px';
    const parent = document.createElement('div');
    parent.append(box);
    document.body.append(parent);
    expect(measureSteadySize(box, ['✓ X 9%'])).toBeNull();
    parent.remove();
  });
});

describe('applySteadySize', () => {
  it('sets the size once on the container, for its boxes to read', () => {
    const list = document.createElement('ul');
    applySteadySize(list, { widthEm: 8.5, heightEm: 1.2 });
    expect(list.classList.contains('viz-steady')).toBe(true);
    expect(list.style.getPropertyValue('--viz-steady-width')).toBe('8.500em');
    expect(list.style.getPropertyValue('--viz-steady-height')).toBe('1.200em');
  });
});
