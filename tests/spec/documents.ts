/**
 * The parse tests' starting documents, as the untyped JSON a file or link would hold, and a way to
 * change one field of them.
 */
import { xoNetworkDocument } from '../fixtures/documents';

type Doc = Record<string, unknown>;

/** The X-or-O network with weights for each layer that has them. */
export const weightedXoNetwork = (): Doc =>
  xoNetworkDocument({
    training: { optimizer: 'adam', learningRate: 0.01, batchSize: 32, seed: 1 },
    weights: [
      { kernel: Array(18).fill(0.1), bias: [0, 0] },
      null,
      null,
      null,
      { kernel: Array(64).fill(0.2), bias: [0.1, -0.1] },
    ],
  });

/** A copy of `doc` with the value at `path` replaced, or removed when `value` is undefined. */
export function edited(doc: Doc, path: (string | number)[], value: unknown): Doc {
  const copy = structuredClone(doc);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
