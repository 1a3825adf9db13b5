import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateText, inflateText } from '../../src/share/compress';
import { refusal } from './refusal';

const MiB = 1024 * 1024;

describe('deflateText', () => {
  it('writes raw DEFLATE that zlib reads without any header', () => {
    const text = '{"name":"my X spotter ✓"}';
    expect(inflateRawSync(deflateText(text)).toString('utf8')).toBe(text);
  });
});

describe('inflateText', () => {
  it('reads back text with characters outside ASCII', () => {
    const text = 'Ünïcødé 🙂 '.repeat(500);
    expect(inflateText(deflateText(text), MiB, 'link')).toBe(text);
  });

  it('reads output longer than one pushed slice', () => {
    const text = 'x'.repeat(3 * MiB);
    expect(inflateText(deflateText(text), 4 * MiB, 'link')).toBe(text);
  });

  it('refuses output past the cap', () => {
    const error = refusal(() => inflateText(deflateRawSync(Buffer.alloc(2 * MiB)), MiB, 'link'));
    expect(error.message).toBe('link: unpacks to more than 1 MiB, far more than any network or level needs');
  });

  it('refuses data that ends too early', () => {
    const data = deflateText('{"kind":"convblocks/network","name":"cut"}'.repeat(20));
    const error = refusal(() => inflateText(data.subarray(0, data.length >> 1), MiB, 'link'));
    expect(error.message).toMatch(/cut short \(its data ends too early\)/);
  });

  it('refuses data that is not DEFLATE', () => {
    const error = refusal(() => inflateText(Uint8Array.from([0xff, 0xff, 0xff, 0xff]), MiB, 'link'));
    expect(error.message).toMatch(/is damaged \(its data cannot be unpacked: invalid block type\)/);
  });

  it('refuses nothing at all', () => {
    const error = refusal(() => inflateText(new Uint8Array(0), MiB, 'link'));
    expect(error.message).toMatch(/cut short/);
  });

  it('refuses bytes that are not UTF-8', () => {
    const error = refusal(() => inflateText(deflateRawSync(Buffer.from([0x7b, 0xff, 0xfe])), MiB, 'link'));
    expect(error.message).toMatch(/its data is not UTF-8 text/);
  });
});
