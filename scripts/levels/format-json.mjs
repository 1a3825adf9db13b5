/**
 * JSON text for level files that a person can read: picture rows one per line, so a `#`/`.` picture
 * looks like itself, while small things (a layer, a row of numbers) stay on one line.
 */

const isPrimitive = (value) => value === null || typeof value !== 'object';

const SHORT = 80;

/**
 * A value is written on one line when it is flat: a row of numbers, a pixel, a short list of names,
 * or a small plain object. A picture's rows never are, so the picture can be seen.
 */
function isInline(value, key) {
  if (isPrimitive(value)) return true;
  if (Array.isArray(value)) {
    if (key === 'picture') return false;
    if (value.every((item) => typeof item === 'string')) return JSON.stringify(value).length <= SHORT;
    return value.every(
      (item) => typeof item === 'number' || (Array.isArray(item) && item.every((n) => typeof n === 'number')),
    );
  }
  return Object.values(value).every(isPrimitive);
}

function inline(value) {
  if (isPrimitive(value)) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`);
  return `{${entries.join(', ')}}`;
}

function format(value, indent, key) {
  if (isInline(value, key)) return inline(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + format(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).map(
    ([name, item]) => `${inner}${JSON.stringify(name)}: ${format(item, inner, name)}`,
  );
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

/** The file text of a JSON value, ending with a newline. */
export function formatJson(value) {
  return `${format(value, '', '')}\n`;
}
