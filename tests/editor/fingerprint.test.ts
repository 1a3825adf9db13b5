import { describe, expect, it } from 'vitest';
import { Hasher } from '../../src/editor/fingerprint';

describe('the fingerprint hash', () => {
  it('gives the same digest for the same input', () => {
    expect(new Hasher().text('A').number(0.5).digest()).toBe(new Hasher().text('A').number(0.5).digest());
  });

  it.each<[string, (h: Hasher) => Hasher, (h: Hasher) => Hasher]>([
    ['0.5 and 0.25', (h) => h.number(0.5), (h) => h.number(0.25)],
    ['1 and 0', (h) => h.number(1), (h) => h.number(0)],
    ['"ab","c" and "a","bc"', (h) => h.text('ab').text('c'), (h) => h.text('a').text('bc')],
    ['the order of two numbers', (h) => h.number(1).number(0), (h) => h.number(0).number(1)],
  ])('tells %s apart', (_, a, b) => {
    expect(a(new Hasher()).digest()).not.toBe(b(new Hasher()).digest());
  });
});
