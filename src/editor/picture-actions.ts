/** The Pictures tab's controls beside the drawing grid: the drawing tools and the picture's actions. */

import { seededRandom } from '../spec';
import { button, el } from '../ui';
import { radioGroup } from './fields';
import { blankPicture } from './picture';
import {
  deleteChosen,
  insertAfterChosen,
  moveChosen,
  type PicturesContext,
  replaceChosen,
} from './picture-choice';
import type { Tool } from './pixel-grid';
import {
  flipPicture,
  noiseFlips,
  noisyVariants,
  rotatePicture,
  shiftedVariants,
  shiftPicture,
} from './transforms';

const NOISY_COPIES = 4;

/** A labelled row of buttons. */
function group(label: string, ...buttons: HTMLButtonElement[]): HTMLElement {
  return el('div', { class: 'editor-action-group', role: 'group', 'aria-label': label }, ...buttons);
}

/** Clear, duplicate, delete and move the chosen picture. */
function pictureGroup(ctx: PicturesContext): HTMLElement {
  const s = ctx.selection;
  return group(
    'Picture',
    button('Clear', () => replaceChosen(ctx, (p) => blankPicture(p.side, p.channels))),
    button('Duplicate', () => insertAfterChosen(ctx, (p) => [{ ...p, values: p.values.slice() }], 'copy')),
    button('Delete', () => {
      if (s) deleteChosen(ctx, s);
    }),
    button(s?.set === 'train' ? 'Move to test pictures' : 'Move to training pictures', () => {
      if (s) moveChosen(ctx, s);
    }),
  );
}

/** The chosen picture's actions: its own, shifts, turns and mirrors, and variants. */
export function pictureActions(ctx: PicturesContext): HTMLElement {
  const replace = (transform: Parameters<typeof replaceChosen>[1]) => () => replaceChosen(ctx, transform);
  return el(
    'div',
    { class: 'editor-picture-actions' },
    pictureGroup(ctx),
    group(
      'Shift',
      button(
        'Shift left',
        replace((p) => shiftPicture(p, -1, 0)),
      ),
      button(
        'Shift right',
        replace((p) => shiftPicture(p, 1, 0)),
      ),
      button(
        'Shift up',
        replace((p) => shiftPicture(p, 0, -1)),
      ),
      button(
        'Shift down',
        replace((p) => shiftPicture(p, 0, 1)),
      ),
    ),
    group(
      'Turn and mirror',
      button(
        'Rotate anticlockwise',
        replace((p) => rotatePicture(p, 'anticlockwise')),
      ),
      button(
        'Rotate clockwise',
        replace((p) => rotatePicture(p, 'clockwise')),
      ),
      button(
        'Flip left to right',
        replace((p) => flipPicture(p, 'horizontal')),
      ),
      button(
        'Flip top to bottom',
        replace((p) => flipPicture(p, 'vertical')),
      ),
    ),
    group(
      'Variants',
      button('Add shifted copies', () => insertAfterChosen(ctx, shiftedVariants, 'shifted copies')),
      button(`Add ${NOISY_COPIES} noisy copies`, () =>
        insertAfterChosen(
          ctx,
          (p) => noisyVariants(p, NOISY_COPIES, noiseFlips(p.side), seededRandom(ctx.noiseSeed++)),
          'noisy copies',
        ),
      ),
    ),
  );
}

/** The drawing tools, and the pen colour when the pictures have colour. */
export function pictureToolbar(ctx: PicturesContext): HTMLElement {
  const tools = radioGroup<Tool>(
    'Tool',
    [
      { value: 'pen', label: 'Pen' },
      { value: 'eraser', label: 'Eraser' },
      { value: 'fill', label: 'Fill' },
    ],
    ctx.tool,
    (t) => {
      ctx.tool = t;
    },
  );
  if (ctx.access.draft().channels === 1) return el('div', { class: 'editor-tools' }, tools);
  const colour = el('input', { type: 'color', id: 'editor-pen-colour', value: ctx.penColour });
  colour.addEventListener('input', () => {
    ctx.penColour = colour.value;
  });
  return el(
    'div',
    { class: 'editor-tools' },
    tools,
    el('span', { class: 'editor-pen-colour' }, el('label', { for: colour.id }, 'Pen colour'), colour),
  );
}
