/**
 * A number field that says why it changed a number: Blockly's number field quietly turns 0 filters
 * into 1 and 9999 into 256. This one keeps that rule and puts a warning on its block, open, saying
 * "Filters can be at most 256: 9999 became 256." The next number that fits clears it.
 */
import * as Blockly from 'blockly/core';
import { fieldsOf, layerBlockOfType, NUMBER_FIELD_TYPE, type NumberFieldSpec } from './definitions';

/** The warning id of a field's note, one per field so two fields of a block keep their own. */
const noteId = (fieldName: string) => `convblocks-changed-${fieldName}`;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Why a typed number became another one, in words for the player, or null when it was kept. `typed`
 * is what the player typed, `kept` what the field holds now.
 */
export function changedNumberNote(
  field: Pick<NumberFieldSpec, 'label' | 'min' | 'max'>,
  typed: number,
  kept: number,
): string | null {
  if (!Number.isFinite(typed) || typed === kept) return null;
  const what = capitalised(field.label);
  if (typed > field.max) return `${what} can be at most ${field.max}: ${typed} became ${kept}.`;
  if (typed < field.min) return `${what} must be at least ${field.min}: ${typed} became ${kept}.`;
  return `${what} is a whole number: ${typed} became ${kept}.`;
}

/** The number a player typed, read the way Blockly's number field reads it, or NaN. */
function typedNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return Number.NaN;
  const text = value.replace(/,/g, '').trim();
  return text === '' ? Number.NaN : Number(text);
}

/** Blockly's number field, with a note on its block whenever it had to change the number typed. */
export class NotedNumberField extends Blockly.FieldNumber {
  protected override doClassValidation_(newValue?: unknown): number | null {
    const kept = super.doClassValidation_(newValue);
    if (kept !== null) this.note(changedNumberNote(this.spec(), typedNumber(newValue), kept));
    return kept;
  }

  /** The field's label and range from the blocks table (Blockly's own range as a fallback). */
  private spec(): Pick<NumberFieldSpec, 'label' | 'min' | 'max'> {
    const block = this.getSourceBlock();
    const spec = block && layerBlockOfType(block.type);
    const field = spec && fieldsOf(spec).find((f) => f.name === this.name);
    if (field?.kind === 'number') return field;
    return { label: this.name ?? 'the number', min: this.getMin(), max: this.getMax() };
  }

  private note(text: string | null): void {
    const block = this.getSourceBlock();
    if (!(block instanceof Blockly.BlockSvg) || !this.name || block.isInFlyout) return;
    block.setWarningText(text, noteId(this.name));
    // Open at once: a note the player must first find would be as silent as no note.
    if (text && block.rendered) void block.getIcon(Blockly.icons.WarningIcon.TYPE)?.setBubbleVisible(true);
  }
}

/** Registers the number field with Blockly, once. */
export function registerNumberField(): void {
  if (!Blockly.registry.hasItem(Blockly.registry.Type.FIELD, NUMBER_FIELD_TYPE)) {
    Blockly.fieldRegistry.register(NUMBER_FIELD_TYPE, NotedNumberField);
  }
}
