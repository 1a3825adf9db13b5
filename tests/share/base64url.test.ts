import { describe, expect, it } from 'vitest';
import { base64urlToBytes, bytesToBase64url } from '../../src/share/base64url';
import { refusal } from './refusal';
import { seededRandom } from './samples';

const bytesOf = (length: number, seed: number) => {
  const random = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
};

describe('bytesToBase64url', () => {
  it.each([0, 1, 2, 3, 4, 5, 31, 256])('writes %i bytes as Node writes base64url', (length) => {
    const bytes = bytesOf(length, length + 1);
    expect(bytesToBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });

  it('uses only the URL-safe alphabet and no padding', () => {
    expect(bytesToBase64url(Uint8Array.from([0xfb, 0xff, 0xbf, 0xfe]))).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('base64urlToBytes', () => {
  it.each([0, 1, 2, 3, 4, 5, 31, 256])('reads back %i bytes', (length) => {
    const bytes = bytesOf(length, length + 100);
    expect(base64urlToBytes(Buffer.from(bytes).toString('base64url'), 'link')).toEqual(bytes);
  });

  it.each([
    ['a plus of plain base64', 'ab+c', /character "\+" at position 3/],
    ['a slash of plain base64', 'ab/c', /character "\/" at position 3/],
    ['padding', 'YQ==', /character "=" at position 3/],
    ['a space', 'ab c', /character " " at position 3/],
    ['a percent escape', 'ab%20', /character "%" at position 3/],
    ['a length no encoder writes', 'abcde', /cut short \(its length is impossible\)/],
  ])('refuses %s', (_, text, message) => {
    const error = refusal(() => base64urlToBytes(text, 'link'));
    expect(error.field).toBe('link');
    expect(error.message).toMatch(message);
  });
});
