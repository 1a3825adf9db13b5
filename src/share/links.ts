import {
  type LevelPack,
  type LevelSpec,
  levelToDocument,
  type NetworkSpec,
  networkToDocument,
  packToDocument,
  parseJsonText,
  SpecError,
} from '../spec';
import { base64urlToBytes, bytesToBase64url } from './base64url';
import { deflateText, inflateText } from './compress';
import { guarded } from './guarded';
import { SHARE_LIMITS } from './limits';
import { networkEnvelope } from './link-envelope';
import { documentToShared, type SharedDocument, type SharedKind } from './shared-document';

/**
 * Links are `#net=<data>`, `#level=<data>` and `#pack=<data>`: the document's JSON (UTF-8), compressed with raw
 * DEFLATE and written as base64url without padding. They live after `#`, so no server sees them.
 */

/** A link's `#...` part, ready to put after the page address. */
export interface EncodedLink {
  /** `#net=...` or `#level=...`. */
  readonly hash: string;
  /** Characters of `hash` (the page address adds its own). */
  readonly length: number;
  /** Whether `hash` is within the link budget; when not, offer a file instead. */
  readonly fitsInLink: boolean;
}

const TAGS = { network: 'net', level: 'level', pack: 'pack' } as const satisfies Record<SharedKind, string>;

function encode(kind: SharedKind, document: unknown): EncodedLink {
  const hash = `#${TAGS[kind]}=${bytesToBase64url(deflateText(JSON.stringify(document)))}`;
  return { hash, length: hash.length, fitsInLink: hash.length <= SHARE_LIMITS.linkBudget };
}

/**
 * The link of a network. With `withWeights` (and weights to share) its weights travel packed, see
 * `PackedWeights` for the precision kept; without, the link holds the plain network document.
 */
export function encodeNetworkLink(network: NetworkSpec, options: { withWeights: boolean }): EncodedLink {
  if (options.withWeights && network.weights !== undefined)
    return encode('network', networkEnvelope(network));
  return encode('network', networkToDocument({ ...network, weights: undefined }));
}

/** The link of a level, its pictures and all. */
export function encodeLevelLink(level: LevelSpec): EncodedLink {
  return encode('level', levelToDocument(level));
}

/** The link of a pack of levels, every level's pictures and all. */
export function encodePackLink(pack: LevelPack): EncodedLink {
  return encode('pack', packToDocument(pack));
}

const LINK_PATTERN = /^(net|level|pack)=(.*)$/s;
const TAG_KINDS = { net: 'network', level: 'level', pack: 'pack' } as const;

/**
 * Opens a link: a full address, or just its `#net=...` / `#level=...` part. Refuses, with one
 * SpecError each, anything that is not a whole, undamaged ConvBlocks link, and never inflates past
 * the limits in `SHARE_LIMITS`.
 */
export function decodeLink(text: string): SharedDocument {
  return guarded('link', () => readLink(text));
}

function readLink(text: string): SharedDocument {
  const hashAt = text.indexOf('#');
  const fragment = hashAt >= 0 ? text.slice(hashAt + 1) : text;
  const match = LINK_PATTERN.exec(fragment);
  if (!match) {
    throw new SpecError(
      'link',
      'is not a ConvBlocks link: its address should end in #net=..., #level=... or #pack=...',
    );
  }
  const tag = TAG_KINDS[match[1] as keyof typeof TAG_KINDS];
  const data = match[2] ?? '';
  if (data.length > SHARE_LIMITS.linkDataChars) {
    throw new SpecError(
      'link',
      `is ${data.length} characters long, more than the ${SHARE_LIMITS.linkDataChars} a link may have: share a file instead`,
    );
  }
  if (data.length === 0) {
    throw new SpecError('link', `has nothing after #${match[1]}=: copy the whole link again`);
  }
  const json = inflateText(base64urlToBytes(data, 'link'), SHARE_LIMITS.inflatedBytes, 'link');
  let value: unknown;
  try {
    value = parseJsonText(json);
  } catch {
    throw new SpecError(
      'link',
      'is damaged (it does not unpack to a ConvBlocks document): copy the whole link again',
    );
  }
  return documentToShared(value, tag);
}
