/** The "Rules" tab: the blocks on offer, the limits, the goal, the star rules and the hints. */

import { LAYER_TYPES, type LayerType, MAX, type StarLimit, type StarRule } from '../spec';
import { el } from '../ui';
import type { DraftRules } from './draft';
import { checkboxField, fieldId, numberField, paragraphs, textField } from './fields';
import type { DraftAccess, EditorPanel } from './panel';

/** The blocks' names as the toolbox shows them. */
export const BLOCK_NAMES: Record<LayerType, string> = {
  conv: 'Conv',
  relu: 'ReLU',
  activation: 'Activation (sigmoid, tanh, ...)',
  pool: 'Pool',
  flatten: 'Flatten',
  dense: 'Dense',
};

type StarKind = 'maxParams' | 'maxSteps' | 'maxLayers';

const STAR_KINDS: Record<StarKind, { label: string; max: number }> = {
  maxParams: { label: 'at most N parameters', max: MAX.params },
  maxSteps: { label: 'within N training steps', max: MAX.steps },
  maxLayers: { label: 'at most N blocks', max: MAX.layers },
};

function starKind(rule: StarRule | undefined): StarKind | 'none' {
  if (!rule) return 'none';
  if ('maxParams' in rule) return 'maxParams';
  if ('maxSteps' in rule) return 'maxSteps';
  return 'maxLayers';
}

function starValue(rule: StarRule | undefined): number | undefined {
  if (!rule) return undefined;
  return Object.values(rule)[0] as number;
}

/** One star rule's row: which kind, and its number. */
function starRow(access: DraftAccess, index: number): HTMLElement {
  const rule = access.draft().rules.stars[index];
  const id = fieldId('star');
  const kind = el('select', { id });
  kind.append(el('option', { value: 'none' }, 'no star rule'));
  for (const [value, { label }] of Object.entries(STAR_KINDS)) kind.append(el('option', { value }, label));
  kind.value = starKind(rule);
  let amount = starValue(rule) ?? 100;
  const apply = () => {
    access.update((d) => {
      const stars = [...d.rules.stars];
      const chosen = kind.value as StarKind | 'none';
      if (chosen === 'none') stars.splice(index, 1);
      else stars[index] = { [chosen]: Math.min(amount, STAR_KINDS[chosen].max) } as StarLimit;
      return { ...d, rules: { ...d.rules, stars: stars.filter((s) => s !== undefined) } };
    });
  };
  kind.addEventListener('change', apply);
  const number = numberField(
    `Star ${index + 2}: N`,
    starValue(rule),
    { min: 1, max: MAX.steps, optional: true },
    (n) => {
      if (n === undefined) return;
      amount = n;
      apply();
    },
  );
  return el(
    'div',
    { class: 'editor-star' },
    el(
      'div',
      { class: 'editor-field' },
      el('label', { for: id }, `Star ${index + 2}: the network has`),
      kind,
    ),
    number,
  );
}

function limit(
  access: DraftAccess,
  label: string,
  key: 'maxLayers' | 'maxParams' | 'maxSteps' | 'maxFilterSize',
  max: number,
  hint: string,
) {
  return numberField(label, access.draft().rules[key], { min: 1, max, optional: true, hint }, (value) =>
    access.update((d) => ({ ...d, rules: { ...d.rules, [key]: value } as DraftRules })),
  );
}

/** Builds the Rules tab. */
export function rulesForm(access: DraftAccess): EditorPanel {
  const { rules } = access.draft();
  const blocks = el('fieldset', { class: 'editor-blocks' }, el('legend', {}, 'Blocks the toolbox offers'));
  for (const type of LAYER_TYPES) {
    const field = checkboxField(BLOCK_NAMES[type], rules.blocks.includes(type), (on) => {
      const current = access.draft().rules.blocks;
      const next = on
        ? LAYER_TYPES.filter((t) => t === type || current.includes(t))
        : current.filter((t) => t !== type);
      if (next.length === 0) {
        (field.querySelector('input') as HTMLInputElement).checked = true;
        access.announce('A level offers at least one block.');
        return;
      }
      access.update((d) => ({ ...d, rules: { ...d.rules, blocks: next } }));
    });
    blocks.append(field);
  }
  const perKind = el(
    'fieldset',
    { class: 'editor-per-kind' },
    el('legend', {}, 'At most this many blocks of a kind (empty: any number)'),
  );
  for (const type of LAYER_TYPES) {
    perKind.append(
      numberField(
        BLOCK_NAMES[type],
        rules.maxBlocks[type],
        { min: 0, max: MAX.layers, optional: true },
        (n) =>
          access.update((d) => {
            const maxBlocks = { ...d.rules.maxBlocks };
            if (n === undefined) delete maxBlocks[type];
            else maxBlocks[type] = n;
            return { ...d, rules: { ...d.rules, maxBlocks } };
          }),
      ),
    );
  }
  const element = el(
    'div',
    { class: 'editor-form' },
    blocks,
    el(
      'fieldset',
      { class: 'editor-limits' },
      el('legend', {}, 'Limits (empty: no limit)'),
      limit(
        access,
        'Most blocks in the network',
        'maxLayers',
        MAX.layers,
        'Counts every block stacked in the Network block.',
      ),
      limit(access, 'Most parameters', 'maxParams', MAX.params, 'The numbers the network learns.'),
      limit(
        access,
        'Largest filter',
        'maxFilterSize',
        MAX.windowSize,
        'A Conv filter is at most this many pixels wide and tall: 5 means 5x5.',
      ),
      limit(access, 'Most training steps', 'maxSteps', MAX.steps, 'Training stops after this many steps.'),
    ),
    perKind,
    el(
      'fieldset',
      { class: 'editor-goal' },
      el('legend', {}, 'Goal and stars'),
      numberField(
        'Goal: test accuracy (%)',
        Math.round(rules.goal * 100),
        {
          min: 0,
          max: 100,
          hint: 'The share of hidden test pictures the network must get right to win (first star).',
        },
        (n) => {
          if (n !== undefined) access.update((d) => ({ ...d, rules: { ...d.rules, goal: n / 100 } }));
        },
      ),
      ...Array.from({ length: MAX.starRules }, (_, i) => starRow(access, i)),
    ),
    textField(
      'Hints',
      rules.hints.join('\n\n'),
      (text) => access.update((d) => ({ ...d, rules: { ...d.rules, hints: paragraphs(text) } })),
      { multiline: true, hint: 'Offered to a player who is stuck. Leave an empty line between hints.' },
    ),
  );
  return { element };
}
