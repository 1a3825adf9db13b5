import { describe, expect, it } from 'vitest';
import { describeShared } from '../../src/share';
import { parseNetwork } from '../../src/spec';
import { deeperNetwork, greyLevel, xVsOLevel, xVsONetwork } from './samples';

const titles = (id: string) => (id === 'x-vs-o' ? 'X or O?' : undefined);
const trained = xVsONetwork({ filters: 2, padding: 'valid', trained: true });

describe('describeShared', () => {
  it('names a network, its level by title, its size and that it is trained', () => {
    expect(describeShared({ kind: 'network', network: trained }, titles)).toBe(
      "network 'my X spotter' for X or O?: 5 layers, 86 parameters, trained",
    );
  });

  it('says when a network is untrained', () => {
    const network = xVsONetwork({ filters: 4, padding: 'same', trained: false });
    expect(describeShared({ kind: 'network', network }, titles)).toBe(
      "network 'my X spotter' for X or O?: 5 layers, 242 parameters, untrained",
    );
  });

  it('names a network by its classes when no titles are given', () => {
    expect(describeShared({ kind: 'network', network: trained })).toBe(
      "network 'my X spotter' for X vs O: 5 layers, 86 parameters, trained",
    );
  });

  it('names the classes of a network built for no level', () => {
    expect(describeShared({ kind: 'network', network: deeperNetwork() }, titles)).toBe(
      "network 'Smiley finder (v2, with élan)' for happy vs sad vs neutral: 9 layers, 1395 parameters, untrained",
    );
  });

  it('says when a network was built for a level this game does not have', () => {
    const network = { ...trained, level: 'moon-shapes' };
    expect(describeShared({ kind: 'network', network }, titles)).toBe(
      `network 'my X spotter' for the level "moon-shapes", which this game does not have: 5 layers, 86 parameters, trained`,
    );
  });

  it('names the level id of a network without classes when no titles are given', () => {
    const network = parseNetwork({ ...trained, classes: undefined });
    expect(describeShared({ kind: 'network', network })).toBe(
      `network 'my X spotter' for the level "x-vs-o": 5 layers, 86 parameters, trained`,
    );
  });

  it('names a level, its pictures and classes', () => {
    expect(describeShared({ kind: 'level', level: xVsOLevel() })).toBe(
      "level 'X or O?': 9x9 pictures, 2 classes (X, O), 4 to learn from, 2 to test",
    );
  });

  it('mentions the channels of pictures that are not grey', () => {
    expect(describeShared({ kind: 'level', level: greyLevel() })).toBe(
      "level 'Light or dark? «grey» edition': 3x3 pictures with 2 channels, 2 classes (light, dark), 2 to learn from, 1 to test",
    );
  });
});
