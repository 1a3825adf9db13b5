import { SpecError } from '../spec';

/** base64url (RFC 4648 section 5) without padding, the alphabet that needs no escaping in a URL. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((char, value) => [char, value]));

/** Encodes bytes as base64url without `=` padding. */
export function bytesToBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const bits = (b0 << 16) | (b1 << 8) | b2;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(bits >> (18 - 6 * k)) & 63];
  }
  return out;
}

/**
 * Decodes base64url without padding; refuses any other character (naming it and where it is) and a
 * length no encoder can produce, which is what a link cut short usually looks like.
 */
export function base64urlToBytes(text: string, field: string): Uint8Array {
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let bitCount = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const value = VALUES.get(char);
    if (value === undefined) {
      throw new SpecError(
        field,
        `has the character ${JSON.stringify(char)} at position ${i + 1}, which no ConvBlocks link contains: copy the whole link again`,
      );
    }
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[at++] = (bits >> bitCount) & 0xff;
    }
  }
  if (text.length % 4 === 1) {
    throw new SpecError(field, 'is cut short (its length is impossible): copy the whole link again');
  }
  return bytes;
}
