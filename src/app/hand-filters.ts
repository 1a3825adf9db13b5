/**
 * "Set the filters by hand": a grid of +1 / -1 toggles for each filter of the network's first Conv
 * block, as the course draws its X filters. Using them loads the network with those filters (biases
 * 0, the later blocks at their seeded start), so the maps show what the hand-made filters find
 * before any training.
 */
import type { LayerSpec } from '../spec';
import { button, el } from '../ui';

/** The grid's biggest filter and count: a bigger grid is no longer something to click through. */
const MAX_SIZE = 5;
const MAX_FILTERS = 6;

/** The mounted toggles. */
export interface HandFilters {
  readonly element: HTMLElement;
  /** The editor's network changed: the grid follows its first Conv block, or hides when it has none to set. */
  update(layers: readonly LayerSpec[]): void;
}

/** The first layer as a conv whose filters a player can set by hand on a picture of one channel. */
function settableConv(layers: readonly LayerSpec[], channels: number) {
  const first = layers[0];
  if (first?.type !== 'conv' || channels !== 1) return null;
  return first.size <= MAX_SIZE && first.filters <= MAX_FILTERS ? first : null;
}

/** The kernel in the formats' HWIO order (one input channel) from per-filter rows of +1 / -1. */
export function handKernel(filters: readonly (readonly number[][])[]): number[] {
  const count = filters.length;
  const size = filters[0]?.length ?? 0;
  const kernel = new Array<number>(size * size * count).fill(0);
  filters.forEach((rows, f) => {
    rows.forEach((row, y) => {
      row.forEach((value, x) => {
        kernel[(y * size + x) * count + f] = value;
      });
    });
  });
  return kernel;
}

function sign(value: number): string {
  return value > 0 ? '+1' : '−1';
}

/**
 * Mounts the toggles; `onUse` gets the kernel (HWIO) and the filter count when the player asks to see
 * the maps. Every toggle is a button (Tab to reach it, Enter or Space to flip it).
 */
export function mountHandFilters(
  channels: number,
  onUse: (kernel: number[], filters: number) => void,
): HandFilters {
  const grids = el('div', { class: 'hand-filters-grids' });
  let values: number[][][] = [];
  const use = button('Show the maps with these filters', () => onUse(handKernel(values), values.length));
  const element = el(
    'details',
    { class: 'hand-filters' },
    el('summary', {}, 'Set the filters by hand'),
    el(
      'p',
      {},
      'Click a square to flip it between +1 and −1. The biases are 0 and the later blocks keep their ' +
        'starting weights. Train goes on from your filters; Reset starts from fresh ones.',
    ),
    grids,
    use,
  );
  element.hidden = true;

  function toggle(f: number, y: number, x: number, cell: HTMLButtonElement): void {
    const row = values[f]?.[y];
    if (!row) return;
    row[x] = -(row[x] as number);
    drawCell(cell, f, y, x);
  }

  function drawCell(cell: HTMLButtonElement, f: number, y: number, x: number): void {
    const value = values[f]?.[y]?.[x] ?? -1;
    cell.textContent = sign(value);
    cell.classList.toggle('plus', value > 0);
    cell.setAttribute('aria-pressed', String(value > 0));
    cell.setAttribute('aria-label', `Filter ${f + 1}, row ${y + 1}, column ${x + 1}: ${sign(value)}`);
  }

  function build(filters: number, size: number): void {
    // Keep what the player set where the grid keeps its size; new filters start at -1 everywhere.
    values = Array.from({ length: filters }, (_, f) =>
      Array.from({ length: size }, (_, y) =>
        Array.from({ length: size }, (_, x) => values[f]?.[y]?.[x] ?? -1),
      ),
    );
    grids.replaceChildren(
      ...values.map((rows, f) => {
        const grid = el('div', { class: 'hand-filter-grid', role: 'group' });
        grid.style.gridTemplateColumns = `repeat(${size}, 2.75rem)`;
        grid.setAttribute('aria-label', `Filter ${f + 1}`);
        rows.forEach((row, y) => {
          row.forEach((_, x) => {
            const cell = button('', () => toggle(f, y, x, cell), { class: 'hand-filter-cell' });
            drawCell(cell, f, y, x);
            grid.append(cell);
          });
        });
        return el('figure', {}, grid, el('figcaption', {}, `Filter ${f + 1}`));
      }),
    );
  }

  let shown = '';
  return {
    element,
    update(layers) {
      const conv = settableConv(layers, channels);
      element.hidden = conv === null;
      if (!conv) return;
      const key = `${conv.filters}x${conv.size}`;
      if (key === shown) return;
      shown = key;
      build(conv.filters, conv.size);
    },
  };
}
