import { parseJsonText, SpecError } from '../spec';
import { guarded } from './guarded';
import { SHARE_LIMITS } from './limits';
import { decodeLink } from './links';
import { documentToShared, type SharedDocument } from './shared-document';

/**
 * Reads what a player pasted or opened: a link (a full address or just its `#net=...` /
 * `#level=...` part) or the contents of a network or level JSON file. Throws one SpecError, with a
 * message for the player, for anything else.
 */
export function readSharedText(text: string): SharedDocument {
  return guarded('', () => {
    if (typeof text !== 'string') {
      throw new SpecError('', `expected text but got ${typeof text}`);
    }
    if (text.length > SHARE_LIMITS.textChars) {
      throw new SpecError(
        '',
        `is ${text.length} characters long, more than the ${SHARE_LIMITS.textChars} a shared network or level may have`,
      );
    }
    const trimmed = text.trim();
    if (trimmed === '') {
      throw new SpecError('', 'is empty: paste a ConvBlocks link or open a network or level file');
    }
    if (trimmed.startsWith('{')) return documentToShared(parseJsonText(trimmed));
    if (trimmed.includes('#') || /^(net|level|pack)=/.test(trimmed)) return decodeLink(trimmed);
    throw new SpecError(
      '',
      'is neither a ConvBlocks link (with #net=, #level= or #pack=) nor a network, level or pack file (JSON starting with {)',
    );
  });
}
