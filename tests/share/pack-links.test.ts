import { describe, expect, it } from 'vitest';
import {
  decodeLink,
  describeShared,
  encodeLevelLink,
  encodePackLink,
  packToFile,
  readSharedText,
  resultsToFile,
} from '../../src/share';
import { parsePack, parseResults } from '../../src/spec';
import { packDocument, resultsDocument } from '../fixtures/packs';
import { refusal } from './refusal';

const pack = parsePack(packDocument());

describe('a pack as a link or a file', () => {
  it('opens from its #pack= link as the same pack', () => {
    const link = encodePackLink(pack);
    expect(link.hash).toMatch(/^#pack=[A-Za-z0-9_-]+$/);
    const shared = decodeLink(`https://example.test/${link.hash}`);
    expect(shared).toEqual({ kind: 'pack', pack });
  });

  it('opens from its file as the same pack, named after its title', () => {
    const file = packToFile(pack);
    expect(file.filename).toBe('slashes-for-3b.pack.json');
    expect(readSharedText(file.text)).toEqual({ kind: 'pack', pack });
  });

  it('says what it is before it is opened', () => {
    expect(describeShared({ kind: 'pack', pack })).toBe(
      "pack of 2 levels: 'Slashes for 3B' by Ms Lovelace (My slashes, More slashes)",
    );
  });

  it('refuses a #pack= link holding a level, and a #level= link holding a pack', () => {
    const level = encodeLevelLink(pack.levels[0] as never).hash.replace('#level=', '#pack=');
    expect(refusal(() => decodeLink(level)).message).toBe('link: this #pack= link holds a level, not a pack');
    const packed = encodePackLink(pack).hash.replace('#pack=', '#level=');
    expect(refusal(() => decodeLink(packed)).message).toBe(
      'link: this #level= link holds a pack, not a level',
    );
  });

  it('names a bad level inside a pack file by its place in the pack', () => {
    const text = JSON.stringify(
      packDocument({ levels: [{ ...(packDocument().levels as object[])[0], blank: 3 }] }),
    );
    expect(refusal(() => readSharedText(text)).field).toBe('levels[0].blank');
  });

  it('names a results file after the pack and the student', () => {
    const results = parseResults(resultsDocument(pack.id, { student: 'Ada Lovelace' }));
    expect(resultsToFile(results).filename).toBe('slashes-for-3b-ada-lovelace.results.json');
  });
});
