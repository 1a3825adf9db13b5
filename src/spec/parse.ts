import type { z } from 'zod';
import { describeValue, formatPath, SpecError } from './errors';
import { MAX } from './limits';
import { networkDraftSchema, networkSchema } from './schemas';
import { classifierProblem, inferShapes } from './shapes';
import { lookAlikeName } from './showable';
import type { LayerSpec, LayerWeights, NetworkSpec, Shape } from './types';
import { stepWork } from './work';
import { specErrorFromZod } from './zod-messages';

/** The document kinds and the newest version of each this reader knows. */
export const DOCUMENT_VERSIONS = { 'convblocks/network': 1, 'convblocks/level': 3 } as const;

/** A document kind. */
export type DocumentKind = keyof typeof DOCUMENT_VERSIONS;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses JSON text, turning a syntax error into our error type. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SpecError('', `this is not valid JSON (${detail})`);
  }
}

/**
 * Walks any value once before the schema sees it: refuses keys that could reach a prototype,
 * nesting deeper than any document needs, and things JSON cannot hold.
 */
export function checkStructure(value: unknown, path: PropertyKey[], depth: number): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new SpecError(formatPath(path), `expected plain JSON data but got ${describeValue(value)}`);
    }
    return;
  }
  if (depth > MAX.depth)
    throw new SpecError(formatPath(path), `is nested more than ${MAX.depth} levels deep`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkStructure(value[i], [...path, i], depth + 1);
    return;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key))
      throw new SpecError(formatPath([...path, key]), `the field name ${key} is not allowed`);
    checkStructure((value as Record<string, unknown>)[key], [...path, key], depth + 1);
  }
}

/** How a versioned document is named in the messages about its header. */
export interface HeaderWords {
  /** The document as the "expected ..." message names it: "a convblocks/pack document". */
  readonly document: string;
  /** Its subject when a newer game made it: "this pack was", "these results were". */
  readonly made: string;
  /** The pronoun that ends that message: "it" or "them". */
  readonly it: 'it' | 'them';
}

/**
 * Checks a versioned document's `kind` and `version` first, so a wrong or newer document gets the
 * message that matters; gives the object and its version. Every document kind we read uses it.
 */
export function checkVersionedHeader(
  value: unknown,
  kind: string,
  newest: number,
  words: HeaderWords,
): { doc: Record<string, unknown>; version: number } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SpecError('', `expected ${words.document} (a JSON object) but got ${describeValue(value)}`);
  }
  const doc = value as Record<string, unknown>;
  if (doc.kind !== kind) {
    throw new SpecError('kind', `expected "${kind}" but got ${describeValue(doc.kind)}`);
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new SpecError('version', `expected a whole number from 1 but got ${describeValue(version)}`);
  }
  if (version > newest) {
    throw new SpecError(
      'version',
      `${words.made} made by a newer ConvBlocks (version ${version}; this one reads up to ${newest}): update the game to open ${words.it}`,
    );
  }
  return { doc, version };
}

/** Checks a network's or a level's `kind` and `version` first (see `checkVersionedHeader`). */
export function checkHeader(value: unknown, kind: DocumentKind): void {
  checkVersionedHeader(value, kind, DOCUMENT_VERSIONS[kind], {
    document: `a ${kind} document`,
    made: `this ${kind} was`,
    it: 'it',
  });
}

/** Runs a check over untrusted input and guarantees that only a SpecError ever escapes. */
export function guarded<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SpecError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new SpecError('', `could not be read (${detail})`);
  }
}

export function schemaParse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw specErrorFromZod(result.error);
  return result.data;
}

/** The number of kernel and bias values a layer has, or null for a layer without parameters. */
export function weightSizes(layer: LayerSpec, input: Shape): { kernel: number; bias: number } | null {
  if (layer.type === 'conv') {
    const channels = input.length === 3 ? input[2] : 0;
    return { kernel: layer.size * layer.size * channels * layer.filters, bias: layer.filters };
  }
  if (layer.type === 'dense') return { kernel: (input[0] ?? 0) * layer.units, bias: layer.units };
  return null;
}

function checkWeights(
  input: Shape,
  layers: readonly LayerSpec[],
  weights: readonly (LayerWeights | null)[],
): void {
  if (weights.length !== layers.length) {
    throw new SpecError(
      'weights',
      `expected ${layers.length} entries, one per layer, but got ${weights.length}`,
    );
  }
  const report = inferShapes(input, layers);
  layers.forEach((layer, i) => {
    const shape = report.layers[i];
    const sizes = shape ? weightSizes(layer, shape.input) : null;
    const entry = weights[i] ?? null;
    if (!sizes) {
      if (entry !== null)
        throw new SpecError(`weights[${i}]`, `a ${layer.type} layer has no weights: expected null`);
      return;
    }
    if (entry === null)
      throw new SpecError(`weights[${i}]`, `the ${layer.type} layer needs its weights but got null`);
    if (entry.kernel.length !== sizes.kernel) {
      throw new SpecError(
        `weights[${i}].kernel`,
        `expected ${sizes.kernel} numbers but got ${entry.kernel.length}`,
      );
    }
    if (entry.bias.length !== sizes.bias) {
      throw new SpecError(
        `weights[${i}].bias`,
        `expected ${sizes.bias} numbers but got ${entry.bias.length}`,
      );
    }
  });
}

/** Refuses a stack that cannot run, naming the layer and a reason a player can act on. */
export function checkLayers(
  field: string,
  input: Shape,
  layers: readonly LayerSpec[],
  classCount: number | undefined,
): void {
  if (classCount !== undefined) {
    const problem = classifierProblem(input, layers, classCount);
    if (problem)
      throw new SpecError(
        problem.layerIndex >= 0 ? `${field}[${problem.layerIndex}]` : field,
        problem.reason,
      );
  } else {
    const report = inferShapes(input, layers);
    const failed = report.layers[report.errorAt];
    if (failed && !failed.ok) throw new SpecError(`${field}[${report.errorAt}]`, failed.reason);
  }
  const params = inferShapes(input, layers).totalParams;
  if (params > MAX.params) {
    throw new SpecError(field, `has ${params} parameters, more than the ${MAX.params} a browser can train`);
  }
}

/** Refuses a network whose one training step is more work than a browser does in about a second. */
export function checkStepWork(
  field: string,
  input: Shape,
  layers: readonly LayerSpec[],
  batch: number,
): void {
  const work = stepWork(input, layers, batch);
  if (work > MAX.stepWork) {
    throw new SpecError(
      field,
      `one training step is ${work} multiply-adds, more than the ${MAX.stepWork} a browser can do in about a second`,
    );
  }
}

export function checkClassNames(field: string, classes: readonly string[]): void {
  const clash = lookAlikeName(classes);
  if (!clash) return;
  const name = classes[clash.index] as string;
  const twin = classes[clash.twin] as string;
  throw new SpecError(
    `${field}[${clash.index}]`,
    name === twin
      ? `the class ${describeValue(name)} is named twice`
      : `${describeValue(name)} looks the same as ${field}[${clash.twin}] ${describeValue(twin)}`,
  );
}

function readNetwork(value: unknown, draft: boolean): NetworkSpec {
  return guarded(() => {
    checkStructure(value, [], 0);
    checkHeader(value, 'convblocks/network');
    const doc = schemaParse(draft ? networkDraftSchema : networkSchema, value);
    if (!doc.classes && !doc.level) {
      throw new SpecError('classes', 'is missing: a network names its classes or the level it was built for');
    }
    if (doc.classes) checkClassNames('classes', doc.classes);
    if (!draft) {
      checkLayers('layers', doc.input, doc.layers, doc.classes?.length);
      checkStepWork('training.batchSize', doc.input, doc.layers, doc.training.batchSize);
    }
    if (doc.weights) checkWeights(doc.input, doc.layers, doc.weights);
    const network: NetworkSpec = {
      kind: doc.kind,
      version: doc.version,
      name: doc.name,
      input: doc.input,
      layers: doc.layers,
      training: doc.training,
      ...(doc.level !== undefined && { level: doc.level }),
      ...(doc.classes !== undefined && { classes: doc.classes }),
      ...(doc.weights !== undefined && { weights: doc.weights }),
    };
    return network;
  });
}

/** Parses an untrusted `convblocks/network` document, or throws a SpecError naming the field and value. */
export function parseNetwork(value: unknown): NetworkSpec {
  return readNetwork(value, false);
}

/**
 * Parses a network still being built, as a workbench saves it mid-edit: every field is checked as
 * for any network, but the stack may be empty or not run yet, and weights are refused.
 */
export function parseNetworkDraft(value: unknown): NetworkSpec {
  return readNetwork(value, true);
}
