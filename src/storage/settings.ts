import { BACKEND_CHOICES, DEFAULT_SPEED, describeValue, SPEEDS, SpecError } from '../spec';
import { expectOneOf, expectRecord, join } from './fields';

/**
 * The player's settings as a table: adding a setting is one row (its choices and default), and
 * storage keeps one row per setting the player changed, so a new setting needs no migration.
 */
export const SETTINGS = {
  /** How fast training plays out, from watchable slow motion to as fast as the machine goes. */
  speed: { choices: SPEEDS, default: DEFAULT_SPEED },
  /** The training backend: the measured fastest ('auto') or one the player forces. */
  backend: { choices: BACKEND_CHOICES, default: 'auto' },
} as const;

/** The name of a setting. */
export type SettingName = keyof typeof SETTINGS;

/** Every setting with its value. */
export type Settings = { readonly [K in SettingName]: (typeof SETTINGS)[K]['choices'][number] };

/** The settings the player changed; the others take their defaults. */
export type SettingChanges = Partial<Settings>;

/** The setting names, in table order. */
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** Every setting at its default. */
export const DEFAULT_SETTINGS: Settings = Object.fromEntries(
  SETTING_NAMES.map((name) => [name, SETTINGS[name].default]),
) as unknown as Settings;

/** The settings in effect: the changes over the defaults. */
export function effectiveSettings(changes: SettingChanges): Settings {
  return { ...DEFAULT_SETTINGS, ...changes };
}

function isSettingName(name: string): name is SettingName {
  return Object.hasOwn(SETTINGS, name);
}

/** Checks one setting's value; throws a SpecError naming the field and the value. */
export function parseSetting(name: unknown, value: unknown, field: string): SettingChanges {
  if (typeof name !== 'string' || !isSettingName(name)) {
    throw new SpecError(
      field,
      `expected a setting (${SETTING_NAMES.join(', ')}) but got ${describeValue(name)}`,
    );
  }
  return { [name]: expectOneOf(value, join(field, name), SETTINGS[name].choices) };
}

/** Checks a settings object (as a backup holds it): only known settings, each with an allowed value. */
export function parseSettings(value: unknown, field: string): SettingChanges {
  const record = expectRecord(value, field, [], SETTING_NAMES);
  let changes: SettingChanges = {};
  for (const name of SETTING_NAMES) {
    if (record[name] !== undefined) changes = { ...changes, ...parseSetting(name, record[name], field) };
  }
  return changes;
}

/** One stored row of the settings store. */
export interface StoredSetting {
  readonly name: string;
  readonly value: unknown;
}

/** Checks a settings row read from storage. */
export function parseSettingRow(value: unknown, field: string): SettingChanges {
  const row = expectRecord(value, field, ['name', 'value']);
  return parseSetting(row.name, row.value, field);
}
