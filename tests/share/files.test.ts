import { describe, expect, it } from 'vitest';
import { levelToFile, networkToFile, readSharedText, safeFileStem } from '../../src/share';
import { levelToDocument, networkToDocument } from '../../src/spec';
import { deeperNetwork, greyLevel, xVsOLevel, xVsONetwork } from './samples';

const trained = xVsONetwork({ filters: 4, padding: 'same', trained: true });

describe('networkToFile', () => {
  it('names the file after the network', () => {
    expect(networkToFile(trained).filename).toBe('my-x-spotter.network.json');
  });

  it('writes the network document as indented JSON', () => {
    const { text } = networkToFile(trained);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(networkToDocument(trained))));
    expect(text.split('\n')[1]).toBe('  "kind": "convblocks/network",');
  });

  it('opens again with every weight exact', () => {
    expect(readSharedText(networkToFile(trained).text)).toEqual({ kind: 'network', network: trained });
  });

  it('opens an untrained network again exactly', () => {
    const network = deeperNetwork();
    expect(readSharedText(networkToFile(network).text)).toEqual({ kind: 'network', network });
  });
});

describe('levelToFile', () => {
  it('names the file after the level id', () => {
    expect(levelToFile(xVsOLevel()).filename).toBe('x-vs-o.level.json');
  });

  it('writes the level document as indented JSON', () => {
    const level = greyLevel();
    expect(JSON.parse(levelToFile(level).text)).toEqual(JSON.parse(JSON.stringify(levelToDocument(level))));
  });

  it.each([
    ['ink pictures', xVsOLevel()],
    ['grey pictures', greyLevel()],
  ])('opens a level of %s again exactly', (_, level) => {
    expect(readSharedText(levelToFile(level).text)).toEqual({ kind: 'level', level });
  });
});

describe('safeFileStem', () => {
  it.each([
    ['my X spotter', 'my-x-spotter'],
    ['Smiley finder (v2, with élan)', 'smiley-finder-v2-with-elan'],
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\system32', 'c-windows-system32'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['  --spaced--  ', 'spaced'],
    ['日本語のネットワーク', 'network'],
    ['CON', 'con-network'],
    ['lpt1', 'lpt1-network'],
    ['a'.repeat(100), 'a'.repeat(60)],
  ])('turns %j into %j', (name, stem) => {
    expect(safeFileStem(name, 'network')).toBe(stem);
  });

  it('never ends a shortened name in a dash', () => {
    expect(safeFileStem(`${'a'.repeat(59)} b`, 'network')).toBe('a'.repeat(59));
  });
});
