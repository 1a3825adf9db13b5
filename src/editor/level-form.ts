/** The "Level" tab: title, the idea it teaches, the intro, the classes, the picture size and colour. */

import { MAX } from '../spec';
import { button, el } from '../ui';
import { addClass, CLASS_COUNT, removeClass, reshapeDraft, updateClass } from './draft';
import { numberField, paragraphs, radioGroup, textField } from './fields';
import type { DraftAccess, EditorPanel } from './panel';
import { PICTURE_SIDE } from './picture';

function classList(access: DraftAccess): HTMLElement {
  const list = el('ol', { class: 'editor-class-list' });
  const add = button('Add a class', () => {
    access.update(addClass);
    render();
    const inputs = list.querySelectorAll('input');
    inputs[inputs.length - 1]?.focus();
  });
  const render = () => {
    const { classes } = access.draft();
    list.replaceChildren(
      ...classes.map((c, i) => {
        const pictures = c.train.length + c.test.length;
        const remove = button(
          'Remove',
          () => {
            access.update((d) => removeClass(d, i));
            access.announce(`Class "${c.name}" removed${pictures ? ` with its ${pictures} pictures` : ''}.`);
            render();
          },
          { 'aria-label': `Remove class ${i + 1} (${c.name})` },
        );
        remove.disabled = classes.length <= CLASS_COUNT.min;
        const field = textField(
          `Class ${i + 1} name`,
          c.name,
          (name) => access.update((d) => updateClass(d, i, (old) => ({ ...old, name }))),
          { maxLength: MAX.nameLength },
        );
        return el('li', { class: 'editor-class-row' }, field, remove);
      }),
    );
    add.disabled = classes.length >= CLASS_COUNT.max;
  };
  render();
  return el(
    'fieldset',
    { class: 'editor-classes' },
    el('legend', {}, `Classes (${CLASS_COUNT.min} to ${CLASS_COUNT.max})`),
    list,
    add,
  );
}

/** Builds the Level tab. */
export function levelForm(access: DraftAccess): EditorPanel {
  const draft = access.draft();
  const element = el(
    'div',
    { class: 'editor-form' },
    textField('Title', draft.title, (title) => access.update((d) => ({ ...d, title })), {
      maxLength: MAX.nameLength,
      name: 'title',
    }),
    textField('The idea it teaches', draft.concept, (concept) => access.update((d) => ({ ...d, concept })), {
      maxLength: MAX.textLength,
      hint: 'One sentence, shown under the title.',
      name: 'concept',
    }),
    textField(
      'Introduction',
      draft.intro.join('\n\n'),
      (text) => access.update((d) => ({ ...d, intro: paragraphs(text) })),
      {
        multiline: true,
        hint: 'Shown before the level starts. Leave an empty line between paragraphs.',
        name: 'intro',
      },
    ),
    classList(access),
    numberField(
      'Picture size (pixels per side)',
      draft.side,
      {
        min: PICTURE_SIDE.min,
        max: PICTURE_SIDE.max,
        hint: `From ${PICTURE_SIDE.min} to ${PICTURE_SIDE.max}. Pictures already drawn are cropped or padded around their centre.`,
      },
      (side) => {
        if (side !== undefined) access.update((d) => reshapeDraft(d, side, d.channels));
      },
    ),
    radioGroup(
      'Pictures are',
      [
        { value: 'grey', label: 'Grey' },
        { value: 'colour', label: 'Colour (red, green, blue)' },
      ],
      draft.channels === 1 ? 'grey' : 'colour',
      (value) => access.update((d) => reshapeDraft(d, d.side, value === 'grey' ? 1 : 3)),
    ),
    radioGroup(
      'A blank pixel counts as',
      [
        { value: '-1', label: '-1 (ink is +1, blank is -1)' },
        { value: '0', label: '0 (ink is 1, blank is 0)' },
      ],
      String(draft.blank) as '-1' | '0',
      (value) => access.update((d) => ({ ...d, blank: value === '0' ? 0 : -1 })),
    ),
  );
  return { element };
}
