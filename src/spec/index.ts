/** The formats: types, parsing of untrusted documents, shape inference and parameter counts. */
export { describeValue, formatPath, SpecError } from './errors';
export * from './judged-run';
export { parseLayersModel } from './layers-model';
export { levelNetworkTraining, starLimit } from './level-networks';
export { type LimitBreach, limitBreaches } from './limit-breaches';
export { MAX } from './limits';
export {
  type LevelPack,
  makePack,
  PACK_KIND,
  PACK_VERSION,
  packLevelId,
  packToDocument,
  parsePack,
} from './pack';
export {
  checkVersionedHeader,
  DOCUMENT_VERSIONS,
  type DocumentKind,
  parseJsonText,
  parseNetwork,
  parseNetworkDraft,
  weightSizes,
} from './parse';
export { parseDocument, parseLevel, parsePicture, picturePixels } from './parse-level';
export { seededRandom, shuffledIndices } from './random';
export {
  type LevelOutcome,
  type PackResults,
  parseResults,
  RESULTS_KIND,
  RESULTS_VERSION,
  resultsToDocument,
} from './results';
export { levelToDocument, networkToDocument, pictureRows } from './serialize';
export * from './shapes';
export {
  escapeInvisible,
  lookAlikeName,
  MAX_MAGNITUDE,
  nonFiniteOutput,
  unshowableCharacter,
} from './showable';
export { goalText, meetsStar, missedStarText, type StarAttempt, starRuleText } from './stars';
export * from './training';
export * from './types';
export { articleFor, plural, withArticle } from './words';
