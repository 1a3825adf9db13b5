// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createDrawPad, setPixel } from '../../src/viz/draw-pad';

describe('setPixel', () => {
  it('sets every channel of one pixel', () => {
    const pixels = new Array(2 * 2 * 3).fill(0);
    setPixel(pixels, [2, 2, 3], 1, 0, 1);
    expect(pixels).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0]);
  });
});

describe('createDrawPad', () => {
  const press = (pad: HTMLElement, key: string) =>
    pad.querySelector('canvas')?.dispatchEvent(new KeyboardEvent('keydown', { key }));
  const button = (pad: HTMLElement, text: string) =>
    [...pad.querySelectorAll('button')].find((b) => b.textContent === text);

  it('inks the pixel under the keyboard cursor', () => {
    const onUse = vi.fn();
    const pad = createDrawPad(document, { input: [2, 2, 1], blank: -1, onUse });
    press(pad, 'ArrowRight');
    press(pad, 'ArrowDown');
    press(pad, ' ');
    button(pad, 'Look inside this drawing')?.click();
    expect(onUse).toHaveBeenCalledWith([-1, -1, -1, 1]);
  });

  it('says where the cursor is and what lies under it', () => {
    const pad = createDrawPad(document, { input: [2, 2, 1], blank: 0, onUse: vi.fn() });
    press(pad, ' ');
    expect(pad.querySelector('.viz-draw-cursor')?.textContent).toBe('Cursor at row 1, column 1: ink');
  });

  it('clears back to blank paper', () => {
    const onUse = vi.fn();
    const pad = createDrawPad(document, { input: [1, 2, 1], blank: 0, onUse });
    press(pad, ' ');
    button(pad, 'Clear')?.click();
    button(pad, 'Look inside this drawing')?.click();
    expect(onUse).toHaveBeenCalledWith([0, 0]);
  });

  it('draws a colour picture with the pen colour chosen from a list', () => {
    const onUse = vi.fn();
    const pad = createDrawPad(document, { input: [1, 2, 3], blank: 0, onUse });
    const select = pad.querySelector('select') as HTMLSelectElement;
    expect(select.labels?.[0]?.textContent).toContain('Pen colour');
    expect([...select.options].map((o) => o.value)).toEqual(['red', 'green', 'blue', 'white']);
    select.value = 'blue';
    select.dispatchEvent(new Event('change'));
    press(pad, ' ');
    expect(pad.querySelector('.viz-draw-cursor')?.textContent).toBe('Cursor at row 1, column 1: blue');
    press(pad, 'ArrowRight');
    select.value = 'red';
    select.dispatchEvent(new Event('change'));
    press(pad, ' ');
    button(pad, 'Look inside this drawing')?.click();
    expect(onUse).toHaveBeenLastCalledWith([0, 0, 1, 1, 0, 0]);
    // The same pen again erases to no light.
    press(pad, ' ');
    button(pad, 'Look inside this drawing')?.click();
    expect(onUse).toHaveBeenLastCalledWith([0, 0, 1, 0, 0, 0]);
  });

  it('has no pen list on a grey pad', () => {
    expect(
      createDrawPad(document, { input: [2, 2, 1], blank: -1, onUse: vi.fn() }).querySelector('select'),
    ).toBeNull();
  });
});
