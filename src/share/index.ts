/** Sharing networks and levels as links and JSON files, safe against any link or file. */

export { type CsvCell, csvField, toCsv } from './csv';
export { describeShared, type LevelTitleLookup } from './describe-shared';
export {
  levelToFile,
  networkToFile,
  packToFile,
  resultsToFile,
  type SharedFile,
  safeFileStem,
} from './files';
export { SHARE_LIMITS } from './limits';
export { LINK_ENVELOPE } from './link-envelope';
export { decodeLink, type EncodedLink, encodeLevelLink, encodeNetworkLink, encodePackLink } from './links';
export { type PackedWeights, packingError, WEIGHT_ENCODING } from './packed-weights';
export { readResultsText } from './read-results';
export { readSharedText } from './read-shared';
export { documentToShared, type SharedDocument, type SharedKind } from './shared-document';
