import type { z } from 'zod';
import { describeValue, formatPath, SpecError } from './errors';

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'an object',
  tuple: 'a list',
  boolean: 'true or false',
};

function countOf(origin: string, n: number | bigint): string {
  if (origin === 'string') return `${n} characters`;
  return `${n} items`;
}

function sizeOf(input: unknown): number | undefined {
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  return undefined;
}

/**
 * zod checks that a whole number is a safe integer before its own bounds, so `filters: 1e308` would
 * be told "at most 9007199254740991". Where a field's real bound also failed, that one is kept.
 */
function withoutSafeRange(issues: readonly Issue[]): Issue[] {
  const isSafeRange = (i: Issue) =>
    (i.code === 'too_big' || i.code === 'too_small') &&
    i.origin === 'int' &&
    Math.abs(Number(i.code === 'too_big' ? i.maximum : i.minimum)) === Number.MAX_SAFE_INTEGER;
  const key = (i: Issue) => formatPath(i.path);
  return issues.filter(
    (i) =>
      !isSafeRange(i) || !issues.some((other) => other !== i && !isSafeRange(other) && key(other) === key(i)),
  );
}

const isMissing = (issue: Issue) => issue.code === 'invalid_type' && issue.input === undefined;

/** A union failed: report the alternative that got furthest, which is the one the author meant. */
function bestBranch(issue: { errors: Issue[][] }): Issue | undefined {
  let best: Issue | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const branch of issue.errors.map(withoutSafeRange)) {
    // A missing field says less than a wrong one: prefer what the author did write.
    const telling = branch.find((i) => !isMissing(i)) ?? branch[0];
    if (!telling) continue;
    const generic = telling.code === 'invalid_type' || telling.code === 'unrecognized_keys';
    const score = isMissing(telling) ? -1 : telling.path.length * 2 + (generic ? 0 : 1);
    if (score > bestScore) {
      best = telling;
      bestScore = score;
    }
  }
  return best;
}

function message(issue: Issue): { path: PropertyKey[]; text: string } {
  const path = [...issue.path];
  const got = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return { path, text: `is missing (expected ${expected})` };
      return { path, text: `expected ${expected} but got ${got}` };
    }
    case 'too_small': {
      const size = sizeOf(issue.input);
      if (issue.origin === 'number' || issue.origin === 'int') {
        const bound = issue.inclusive ? `at least ${issue.minimum}` : `more than ${issue.minimum}`;
        return { path, text: `expected a number ${bound} but got ${got}` };
      }
      if (issue.origin === 'string' && size === 0) return { path, text: 'must not be empty' };
      return { path, text: `needs at least ${countOf(issue.origin, issue.minimum)} but has ${size ?? got}` };
    }
    case 'too_big': {
      const size = sizeOf(issue.input);
      if (issue.origin === 'number' || issue.origin === 'int') {
        const bound = issue.inclusive ? `at most ${issue.maximum}` : `less than ${issue.maximum}`;
        return { path, text: `expected a number ${bound} but got ${got}` };
      }
      return {
        path,
        text: `may hold at most ${countOf(issue.origin, issue.maximum)} but has ${size ?? got}`,
      };
    }
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      return { path: [...path, key], text: `unknown field ${describeValue(key)}` };
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return { path, text: `expected one of ${options} but got ${got}` };
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const tag = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
        const options = ('options' in issue ? (issue.options ?? []) : [])
          .map((v) => JSON.stringify(v))
          .join(', ');
        return {
          path,
          text: `expected one of ${options} but got ${describeValue(tag)}`,
        };
      }
      const best = 'errors' in issue ? bestBranch(issue) : undefined;
      if (best) {
        const inner = message(best);
        return { path: [...path, ...inner.path], text: inner.text };
      }
      return { path, text: `is not valid: got ${got}` };
    }
    case 'invalid_format':
      return { path, text: `${issue.message}, but got ${got}` };
    default:
      return { path, text: `${issue.message} (got ${got})` };
  }
}

/** Turns the first problem zod found into our error, naming the field and the bad value. */
export function specErrorFromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): SpecError {
  const first = withoutSafeRange(error.issues)[0];
  if (!first) return new SpecError(formatPath(prefix), 'is not valid');
  const { path, text } = message(first);
  return new SpecError(formatPath([...prefix, ...path]), text);
}
