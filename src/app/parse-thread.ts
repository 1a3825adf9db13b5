/**
 * The worker that reads shared documents: inflating a link, JSON.parse and checking every picture
 * of a big level take a second or more, which on the page's own thread froze it. One request, one
 * answer; the page side (read-shared-off-thread.ts) starts a worker per document and ends it after.
 */
import { answerParse } from './parse-answer';
import type { ParseRequest } from './parse-messages';

self.addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  self.postMessage(answerParse(event.data));
});
