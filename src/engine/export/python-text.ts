/**
 * Writing values into a generated Python script. Everything in a network or a level came from a file
 * anyone may have written, so a value only ever enters a script as a literal built here: strings as
 * JSON-escaped literals (valid Python too), numbers as finite decimals, never as code or a comment.
 */
import type { Example, LevelSpec } from '../../spec';

/** A Python literal for plain data: numbers, strings, booleans, None, lists and dicts. */
export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} into a Python script`);
    return String(value);
  }
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${pyString(k)}: ${pyLiteral(v)}`).join(', ')}}`;
  }
  throw new Error(`cannot write a ${typeof value} into a Python script`);
}

/**
 * A Python string literal. JSON's escapes are Python's; `\u2028` and `\u2029` are escaped too, and
 * lone surrogates come out as `\udXXX` escapes.
 */
export function pyString(text: string): string {
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** One picture per line: `(class index, [NHWC numbers])`. */
function picturesLiteral(examples: readonly Example[]): string {
  if (examples.length === 0) return '[]';
  return `[\n${examples.map((e) => `    (${e.classIndex}, ${pyLiteral(e.pixels)}),`).join('\n')}\n]`;
}

/** The level's pictures and classes as Python constants: TRAIN, TEST, CLASSES, INPUT. */
export function levelData(level: LevelSpec, withTrain: boolean): string {
  return [
    `# The level ${pyString(level.id)}: pictures are flat lists of height x width x channels numbers`,
    '# (row by row, channels innermost), each with the index of its class.',
    `INPUT = (${level.input.join(', ')})`,
    `CLASSES = ${pyLiteral(level.classes)}`,
    '# The hidden "trickier" test pictures the level is judged on, in the level\'s order.',
    `TEST = ${picturesLiteral(level.test)}`,
    withTrain
      ? '# The training pictures.'
      : '# Training pictures are left out: the weights are already trained.',
    `TRAIN = ${withTrain ? picturesLiteral(level.train) : '[]'}`,
  ].join('\n');
}

/** The closing part both scripts share: hidden-test accuracy and probabilities, or `--json`. */
export const REPORT_FUNCTION = `def report(probabilities):
    """Prints the hidden-test accuracy and each picture's probabilities (--json: one JSON line)."""
    if "--json" in sys.argv[1:]:
        print(json.dumps({"probabilities": probabilities}))
        return
    correct = sum(1 for (label, _), row in zip(TEST, probabilities) if row.index(max(row)) == label)
    print(f"hidden-test accuracy: {correct}/{len(TEST)} = {100 * correct / max(len(TEST), 1):.1f}%")
    for number, ((label, _), row) in enumerate(zip(TEST, probabilities), start=1):
        votes = ", ".join(f"{name} {p:.4f}" for name, p in zip(CLASSES, row))
        print(f"picture {number} (is {CLASSES[label]}): {votes}")`;
