/**
 * The page side of the parse worker: a refused document comes back as the same SpecError (field
 * and message) it was in the worker, the document itself survives the copy across, a worker that
 * breaks down is told apart from a bad document, and without workers the page reads it itself.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerParse } from '../../src/app/parse-answer';
import type { ParseRequest } from '../../src/app/parse-messages';
import { ParseWorkerFailed, readSharedOffThread } from '../../src/app/read-shared-off-thread';
import { encodeLevelLink } from '../../src/share';
import { SpecError } from '../../src/spec';
import { levelDocument, sampleLevel } from '../storage/helpers';

/** A Worker that answers as parse-thread.ts does, across a structured clone, a turn later. */
class CloningWorker extends EventTarget {
  postMessage(request: ParseRequest) {
    setTimeout(() => {
      const data = structuredClone(answerParse(structuredClone(request)));
      this.dispatchEvent(new MessageEvent('message', { data }));
    });
  }
  terminate() {}
}

/** A Worker whose script fails to load. */
class BrokenWorker extends EventTarget {
  postMessage() {
    setTimeout(() => this.dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' })));
  }
  terminate() {}
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reading a shared document off the page’s thread', () => {
  it('gives back the level a link holds, pictures and all', async () => {
    vi.stubGlobal('Worker', CloningWorker);
    const level = sampleLevel();
    const shared = await readSharedOffThread({ from: 'link', text: encodeLevelLink(level).hash });
    expect(shared).toEqual({ kind: 'level', level });
  });

  it('rejects a refused document with the worker’s SpecError, field and message', async () => {
    vi.stubGlobal('Worker', CloningWorker);
    const text = JSON.stringify(levelDocument({ classes: ['a', 'a\u202E'] }));
    const answer = answerParse({ from: 'text', text });
    const inThread = answer.ok ? null : answer;
    const error = await readSharedOffThread({ from: 'text', text }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).field).toBe('classes[1]');
    expect((error as SpecError).message).toBe(inThread?.message);
    expect((error as SpecError).message).toMatch(
      /^classes\[1\]: contains a direction-changing character U\+202E/,
    );
  });

  it('tells a worker that broke down apart from a bad document', async () => {
    vi.stubGlobal('Worker', BrokenWorker);
    const error = await readSharedOffThread({ from: 'text', text: '{}' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseWorkerFailed);
    expect((error as Error).message).toBe('the reader stopped: out of memory');
  });

  it('reads on the page’s thread where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    const error = await readSharedOffThread({ from: 'link', text: '#net=' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toBe('link: has nothing after #net=: copy the whole link again');
  });
});
