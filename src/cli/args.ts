/** A tiny argument reader: positional arguments and `--name value` / `--flag` options. */
export class UsageError extends Error {}

/** Splits argv into positionals and options; `flags` take no value. */
export function readArgs(
  argv: readonly string[],
  known: { readonly values: readonly string[]; readonly flags: readonly string[] },
): { positionals: string[]; options: Map<string, string | true> } {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (known.flags.includes(name)) options.set(name, true);
    else if (known.values.includes(name)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
      i++;
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return { positionals, options };
}

/** A whole number option within a range, or undefined when absent. */
export function intOption(
  options: Map<string, string | true>,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = options.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw === true || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} expects a whole number from ${min} to ${max} but got ${String(raw)}`);
  }
  return value;
}
