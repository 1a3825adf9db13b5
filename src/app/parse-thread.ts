/**
 * The worker that reads shared documents: inflating a link, JSON.parse and checking every picture
 * of a big level take a second or more, which on the page's own thread froze it. One request, one
 * answer; the page side (read-shared-off-thread.ts) starts a worker per document and ends it after.
 */
import { decodeLink, readSharedText } from '../share';
import { SpecError } from '../spec';
import type { ParseAnswer, ParseRequest } from './parse-messages';

function answer(request: ParseRequest): ParseAnswer {
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

self.addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  self.postMessage(answer(event.data));
});
