/**
 * A short hash of a level's pictures, so "has this level changed since it was won?" costs one pass
 * over the pixels per change of pictures and keeps a few characters, not a copy of every pixel.
 */

const FLOAT = new Float64Array(1);
const WORDS = new Uint32Array(FLOAT.buffer);

/** A 53-bit hash (cyrb53) fed number by number and character by character. */
export class Hasher {
  #h1 = 0xdeadbeef;
  #h2 = 0x41c6ce57;

  #mix(n: number): void {
    this.#h1 = Math.imul(this.#h1 ^ n, 2654435761);
    this.#h2 = Math.imul(this.#h2 ^ n, 1597334677);
  }

  /** Adds a number, bit for bit (so 0.5 and 0.25 differ, and -0 and 0 too). */
  number(v: number): this {
    FLOAT[0] = v;
    this.#mix(WORDS[0] ?? 0);
    this.#mix(WORDS[1] ?? 0);
    return this;
  }

  /** Adds a string, with a separator so "ab","c" and "a","bc" differ. */
  text(value: string): this {
    for (let i = 0; i < value.length; i++) this.#mix(value.charCodeAt(i));
    this.#mix(0x1f);
    return this;
  }

  /** The hash so far, as base-36 text. */
  digest(): string {
    let h1 = this.#h1;
    let h2 = this.#h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  }
}
