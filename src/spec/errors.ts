import { escapeInvisible } from './showable';

/** The one error type that parsing untrusted documents throws: it names the field and the bad value. */
export class SpecError extends Error {
  /** Where the problem is, as a path like `layers[2].filters` (empty for the document itself). */
  readonly field: string;

  constructor(field: string, message: string) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'SpecError';
    this.field = field;
  }
}

/** Writes a path such as `['layers', 2, 'filters']` as `layers[2].filters`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    // A key is untrusted text too: an escape in it must not reach a terminal or reorder a message.
    else out += out ? `.${escapeInvisible(String(key))}` : escapeInvisible(String(key));
  }
  return out;
}

/** A short, safe description of any value for an error message (never the whole of a huge value). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    return String(value);
  }
  if (typeof value === 'string') {
    // Cut by code points, so a long value never ends in half a character.
    const chars = Array.from(value);
    const shown = chars.slice(0, 40).join('');
    const quoted = `"${escapeInvisible(shown.replace(/["\\]/g, '\\$&'))}"`;
    return chars.length > 40 ? `${quoted.slice(0, -1)}..."` : quoted;
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
