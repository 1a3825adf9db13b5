/**
 * Reads a shared link or text in a worker, so the page keeps drawing and answering while a big
 * document is inflated and checked (a 3,500-picture level held the main thread for 1.4 s even to be
 * refused). Where workers are missing it reads on the page's thread, as before.
 */
import type { SharedDocument } from '../share';
import { SpecError } from '../spec';
import { answerParse } from './parse-answer';
import type { ParseAnswer, ParseRequest } from './parse-messages';

/** Raised when the worker itself failed (it could not start or ran out of memory): not the document's fault. */
export class ParseWorkerFailed extends Error {
  override readonly name = 'ParseWorkerFailed';
}

const spawn = () => new Worker(new URL('./parse-thread.ts', import.meta.url), { type: 'module' });

/** A SpecError again, from the field and message that crossed the worker boundary. */
function specErrorFrom(field: string, message: string): SpecError {
  const prefix = field ? `${field}: ` : '';
  return new SpecError(field, message.startsWith(prefix) ? message.slice(prefix.length) : message);
}

/** The document, or a rejection, from an answer (the worker's, or one made on this thread). */
function settle(answer: ParseAnswer): SharedDocument {
  if (answer.ok) return answer.shared;
  if (answer.spec) throw specErrorFrom(answer.field, answer.message);
  throw new ParseWorkerFailed(answer.message);
}

/**
 * The document a link or text holds, read off the page's thread. Rejects with a SpecError (naming
 * the field and value) for a refused document, or a ParseWorkerFailed when the worker broke down.
 */
export function readSharedOffThread(request: ParseRequest): Promise<SharedDocument> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => settle(answerParse(request)));
  return new Promise((resolve, reject) => {
    const worker = spawn();
    worker.addEventListener('message', (event: MessageEvent<ParseAnswer>) => {
      worker.terminate();
      try {
        resolve(settle(event.data));
      } catch (error) {
        reject(error);
      }
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new ParseWorkerFailed(`the reader stopped: ${event.message || 'no reason given'}`));
    });
    worker.addEventListener('messageerror', () => {
      worker.terminate();
      reject(new ParseWorkerFailed('the reader answered something that could not be read'));
    });
    worker.postMessage(request);
  });
}
