import { describe, expect, it } from 'vitest';
import { articleFor, withArticle } from '../../src/spec/words';

describe('the article before a name', () => {
  it.each([
    ['X', 'an X'],
    ['O', 'an O'],
    ['F', 'an F'],
    ['\\', 'a \\'],
    ['/', 'a /'],
    ['T', 'a T'],
    ['11x11 filter', 'an 11x11 filter'],
    ['18x18 picture', 'an 18x18 picture'],
    ['8', 'an 8'],
    ['80', 'an 80'],
    ['3x3 filter', 'a 3x3 filter'],
    ['1', 'a 1'],
    ['110', 'a 110'],
    ['11000 steps', 'an 11000 steps'],
    ['edge', 'an edge'],
    ['Eight', 'an Eight'],
    ['happy face', 'a happy face'],
    ['hour', 'an hour'],
    ['unit', 'a unit'],
    ['one', 'a one'],
    ['uneven line', 'an uneven line'],
    ['Smile', 'a Smile'],
    ['XOR', 'an XOR'],
  ])('%s takes its article: %s', (name, expected) => {
    expect(withArticle(name)).toBe(expected);
  });

  it('says "a" for nothing at all rather than failing', () => {
    expect(articleFor('')).toBe('a');
  });
});
