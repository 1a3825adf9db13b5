import { describeValue, SpecError } from '../spec';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks that untrusted JSON is an object with exactly the allowed keys (the optional ones may be
 * missing), refusing keys that could reach a prototype, and returns it as a record.
 */
export function plainObject(
  value: unknown,
  keys: { readonly required: readonly string[]; readonly optional?: readonly string[] },
  field: string,
  what: string,
): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SpecError(field, `${what} should be a JSON object but is ${describeValue(value)}`);
  }
  const allowed = new Set([...keys.required, ...(keys.optional ?? [])]);
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key))
      throw new SpecError(field, `${what} has the field name ${key}, which is not allowed`);
    if (!allowed.has(key)) {
      throw new SpecError(field, `${what} has the unknown field ${describeValue(key)}`);
    }
  }
  const record = value as Record<string, unknown>;
  for (const key of keys.required) {
    if (!Object.hasOwn(record, key)) throw new SpecError(field, `${what} is missing its field "${key}"`);
  }
  return record;
}
