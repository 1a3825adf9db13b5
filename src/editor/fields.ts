/** Labelled form controls for the editor's forms; every control is an HTML control with a visible label. */
import { el } from '../ui';

let nextId = 0;

/** A fresh element id for tying a label or description to its control. */
export function fieldId(stem: string): string {
  nextId += 1;
  return `editor-${stem}-${nextId}`;
}

/** A one-line or multi-line text box; `onInput` hears every keystroke. */
export function textField(
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: { multiline?: boolean; hint?: string; maxLength?: number; name?: string } = {},
): HTMLElement {
  const id = fieldId('text');
  const attributes: Record<string, string> = { id, name: options.name ?? id };
  if (options.maxLength !== undefined) attributes.maxlength = String(options.maxLength);
  const control = options.multiline
    ? el('textarea', { ...attributes, rows: '4' })
    : el('input', { ...attributes, type: 'text' });
  control.value = value;
  control.addEventListener('input', () => onInput(control.value));
  const hint = options.hint ? el('span', { class: 'editor-hint', id: `${id}-hint` }, options.hint) : null;
  if (hint) control.setAttribute('aria-describedby', hint.id);
  return el('div', { class: 'editor-field' }, el('label', { for: id }, label), control, hint);
}

/**
 * A whole-number box; empty means "no value" when `optional`. A value outside [min, max] is not
 * passed on: the box says what it accepts instead.
 */
export function numberField(
  label: string,
  value: number | undefined,
  range: { min: number; max: number; optional?: boolean; hint?: string },
  onChange: (value: number | undefined) => void,
): HTMLElement {
  const id = fieldId('number');
  const control = el('input', {
    id,
    name: id,
    type: 'number',
    min: String(range.min),
    max: String(range.max),
    step: '1',
    inputmode: 'numeric',
  });
  control.value = value === undefined ? '' : String(value);
  const message = el('span', { class: 'editor-field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const hint = range.hint ? el('span', { class: 'editor-hint', id: `${id}-hint` }, range.hint) : null;
  control.setAttribute('aria-describedby', [hint?.id, message.id].filter(Boolean).join(' '));
  control.addEventListener('change', () => {
    const text = control.value.trim();
    if (text === '' && range.optional) {
      message.textContent = '';
      control.removeAttribute('aria-invalid');
      onChange(undefined);
      return;
    }
    const n = Number(text);
    if (text === '' || !Number.isInteger(n) || n < range.min || n > range.max) {
      message.textContent = `${label}: enter a whole number from ${range.min} to ${range.max}${range.optional ? ', or leave it empty for no limit' : ''}.`;
      control.setAttribute('aria-invalid', 'true');
      return;
    }
    message.textContent = '';
    control.removeAttribute('aria-invalid');
    onChange(n);
  });
  return el('div', { class: 'editor-field' }, el('label', { for: id }, label), control, hint, message);
}

/** A checkbox with its label. */
export function checkboxField(
  label: string,
  checked: boolean,
  onChange: (checked: boolean) => void,
): HTMLElement {
  const id = fieldId('check');
  const control = el('input', { id, type: 'checkbox' });
  control.checked = checked;
  control.addEventListener('change', () => onChange(control.checked));
  return el('div', { class: 'editor-check' }, control, el('label', { for: id }, label));
}

/** A group of radio buttons in a fieldset whose legend names the choice. */
export function radioGroup<T extends string>(
  legend: string,
  choices: readonly { value: T; label: string }[],
  value: T,
  onChange: (value: T) => void,
): HTMLFieldSetElement {
  const name = fieldId('radio');
  const group = el('fieldset', { class: 'editor-radios' }, el('legend', {}, legend));
  for (const choice of choices) {
    const id = fieldId('option');
    const control = el('input', { id, type: 'radio', name, value: choice.value });
    control.checked = choice.value === value;
    control.addEventListener('change', () => {
      if (control.checked) onChange(choice.value);
    });
    group.append(el('span', { class: 'editor-radio' }, control, el('label', { for: id }, choice.label)));
  }
  return group;
}

/** Splits a text box's text into paragraphs at blank lines, dropping empty ones. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
