import {
  describeValue,
  type LevelPack,
  type LevelSpec,
  type NetworkSpec,
  PACK_KIND,
  parseLevel,
  parseNetwork,
  parsePack,
  SpecError,
} from '../spec';
import { LINK_ENVELOPE, readNetworkEnvelope } from './link-envelope';

/** What a link or a file brought: a network or a level, parsed and ready to open. */
export type SharedDocument =
  | { readonly kind: 'network'; readonly network: NetworkSpec }
  | { readonly kind: 'level'; readonly level: LevelSpec }
  | { readonly kind: 'pack'; readonly pack: LevelPack };

/** The kind of thing shared. */
export type SharedKind = SharedDocument['kind'];

/** The document kinds a link or file may hold, and what each opens as. */
const SHAREABLE_KINDS = new Map<unknown, SharedKind>([
  ['convblocks/network', 'network'],
  ['convblocks/level', 'level'],
  [LINK_ENVELOPE.kind, 'network'],
  [PACK_KIND, 'pack'],
]);

/** The link tag of each kind, as a refusal names it. */
const TAG_WORDS: Record<SharedKind, string> = { network: '#net=', level: '#level=', pack: '#pack=' };

function kindOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return (value as Record<string, unknown>).kind;
}

/**
 * Parses an untrusted document of any shareable kind: a network, a level, or the link envelope of a
 * network with packed weights. `expected` is what the link said it holds (`#net=` or `#level=`).
 */
export function documentToShared(value: unknown, expected?: SharedKind): SharedDocument {
  const kind = kindOf(value);
  const found = SHAREABLE_KINDS.get(kind);
  if (found === undefined) {
    throw new SpecError(
      expected ? 'link' : 'kind',
      value === null || typeof value !== 'object' || Array.isArray(value)
        ? `expected a ConvBlocks network or level (a JSON object) but got ${describeValue(value)}`
        : `expected "convblocks/network", "convblocks/level" or "${PACK_KIND}" but got ${describeValue(kind)}`,
    );
  }
  if (expected !== undefined && found !== expected) {
    throw new SpecError('link', `this ${TAG_WORDS[expected]} link holds a ${found}, not a ${expected}`);
  }
  if (kind === PACK_KIND) return { kind: 'pack', pack: parsePack(value) };
  if (kind === 'convblocks/level') return { kind: 'level', level: parseLevel(value) };
  if (kind === 'convblocks/network') return { kind: 'network', network: parseNetwork(value) };
  return { kind: 'network', network: readNetworkEnvelope(value) };
}
