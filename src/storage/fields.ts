import { describeValue, SpecError } from '../spec';

/**
 * Small hand validators for what storage reads back (records, backups): each returns the value
 * with its type, or throws a SpecError naming the field and the bad value.
 */

/** The ids levels and saved things use: lowercase letters, digits and dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A plain object with exactly the allowed fields (those in `required` must be there). */
export function expectRecord(
  value: unknown,
  field: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SpecError(field, `expected an object but got ${describeValue(value)}`);
  }
  const record = value as Record<string, unknown>;
  const known = new Set([...required, ...optional]);
  for (const key of Object.keys(record)) {
    if (!known.has(key)) throw new SpecError(join(field, key), `unknown field ${JSON.stringify(key)}`);
  }
  for (const key of required) {
    if (record[key] === undefined) throw new SpecError(join(field, key), 'is missing');
  }
  return record;
}

/** A list of at most `max` entries. */
export function expectList(value: unknown, field: string, max: number): readonly unknown[] {
  if (!Array.isArray(value)) throw new SpecError(field, `expected a list but got ${describeValue(value)}`);
  if (value.length > max) throw new SpecError(field, `may hold at most ${max} items but has ${value.length}`);
  return value;
}

/** A whole number from `min` to `max`. */
export function expectInt(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SpecError(
      field,
      `expected a whole number from ${min} to ${max} but got ${describeValue(value)}`,
    );
  }
  return value;
}

/** A finite number from `min` to `max`. */
export function expectNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new SpecError(field, `expected a number from ${min} to ${max} but got ${describeValue(value)}`);
  }
  return value;
}

/** true or false. */
export function expectBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean')
    throw new SpecError(field, `expected true or false but got ${describeValue(value)}`);
  return value;
}

/** One of a fixed list of values. */
export function expectOneOf<T extends string>(value: unknown, field: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    const names = options.map((o) => JSON.stringify(o)).join(', ');
    throw new SpecError(field, `expected one of ${names} but got ${describeValue(value)}`);
  }
  return value as T;
}

/** An id: lowercase letters, digits and dashes, at most 64 characters. */
export function expectId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw new SpecError(
      field,
      `expected an id (lowercase letters, digits and dashes) but got ${describeValue(value)}`,
    );
  }
  return value;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A moment written as an ISO 8601 UTC time, as `Date.prototype.toISOString` writes it. */
export function expectTime(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ISO_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new SpecError(
      field,
      `expected a time like "2025-01-31T12:00:00.000Z" but got ${describeValue(value)}`,
    );
  }
  return value;
}

/** Joins a parent field and a child key or index the way error messages write paths. */
export function join(field: string, key: string | number): string {
  if (typeof key === 'number') return `${field}[${key}]`;
  return field ? `${field}.${key}` : key;
}

/** Runs a parse of a nested document and re-throws its SpecError with the path from our root. */
export function nested<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    const detail = error.field ? error.message.slice(error.field.length + 2) : error.message;
    const inner = error.field
      ? error.field.startsWith('[')
        ? `${field}${error.field}`
        : join(field, error.field)
      : field;
    throw new SpecError(inner, detail);
  }
}
