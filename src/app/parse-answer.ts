import { decodeLink, readSharedText } from '../share';
import { SpecError } from '../spec';
import type { ParseAnswer, ParseRequest } from './parse-messages';

/** What the parse worker answers to one request: the document, or why it was refused. */
export function answerParse(request: ParseRequest): ParseAnswer {
  try {
    const shared = request.from === 'link' ? decodeLink(request.text) : readSharedText(request.text);
    return { ok: true, shared };
  } catch (error) {
    if (error instanceof SpecError)
      return { ok: false, spec: true, field: error.field, message: error.message };
    return {
      ok: false,
      spec: false,
      field: '',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
