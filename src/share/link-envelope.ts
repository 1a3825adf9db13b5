import { describeValue, type NetworkSpec, networkToDocument, parseNetwork, SpecError } from '../spec';
import { packWeights, unpackWeights } from './packed-weights';
import { plainObject } from './plain-object';

/**
 * A link that carries trained weights holds this envelope instead of the bare network document:
 *
 * ```json
 * {"kind": "convblocks/link", "version": 1,
 *  "network": {...the version-1 network document, without "weights"...},
 *  "weights": {"encoding": "int16-max-abs", "scales": [[0.8, 0.1], null, ...], "data": "base64url"}}
 * ```
 *
 * Unpacking it gives back a plain version-1 network document (weights as number lists, within the
 * precision documented on `PackedWeights`), which is then parsed like any other. A link without
 * weights holds the plain network document, exactly as a file does. The envelope has its own
 * version so links made today open next year: a newer reader migrates older envelopes.
 */
export const LINK_ENVELOPE = { kind: 'convblocks/link', version: 1 } as const;

/** The envelope of a network whose weights travel packed, as a JSON-ready object. */
export function networkEnvelope(network: NetworkSpec): Record<string, unknown> {
  const { weights, ...bare } = network;
  return {
    ...LINK_ENVELOPE,
    network: networkToDocument(bare),
    ...(weights !== undefined && { weights: packWeights(weights) }),
  };
}

/** Reads an untrusted link envelope back into a network, or throws a SpecError on field `link`. */
export function readNetworkEnvelope(value: unknown): NetworkSpec {
  // The version comes first: a newer envelope may have other fields, and deserves the "update" message.
  const version =
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>).version : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new SpecError(
      'link',
      `its version should be a whole number from 1 but is ${describeValue(version)}`,
    );
  }
  if (version > LINK_ENVELOPE.version) {
    throw new SpecError(
      'link',
      `it was made by a newer ConvBlocks (link version ${version}; this one reads up to ${LINK_ENVELOPE.version}): update the game to open it`,
    );
  }
  const envelope = plainEnvelope(value);
  const bare = parseNetwork(envelope.network);
  if (envelope.weights === undefined) return bare;
  if (bare.weights !== undefined) {
    throw new SpecError('link', 'its network lists its weights twice: once packed and once as numbers');
  }
  const weights = unpackWeights(envelope.weights, bare, 'link');
  return parseNetwork({ ...networkToDocument(bare), weights });
}

function plainEnvelope(value: unknown): Record<string, unknown> {
  return plainObject(
    value,
    { required: ['kind', 'version', 'network'], optional: ['weights'] },
    'link',
    'the link',
  );
}
