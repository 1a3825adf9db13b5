/**
 * What can be shown to a person: text with nothing in it that hides, reorders or drives a terminal,
 * and numbers a network can compute with. Two class names that look the same on screen, or a title
 * that reverses itself, would mislead a player as surely as a wrong label, so both are refused at
 * the edge, where every other rule about documents lives.
 */

/**
 * The largest magnitude of a weight or a pixel. Past it float32 overflows within a few layers (a
 * 1e6 weight on a 1e6 pixel is already 1e12) and the votes come out as NaN.
 */
export const MAX_MAGNITUDE = 1e6;

/** Why a character cannot be shown as it is. */
export type UnshowableKind = 'control' | 'direction' | 'invisible' | 'line' | 'broken';

/** The words each kind gets in a message. */
const KIND_WORDS: Record<UnshowableKind, string> = {
  control: 'a control character',
  direction: 'a direction-changing character',
  invisible: 'an invisible character',
  line: 'a line break',
  broken: 'a broken character',
};

const DIRECTION = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// Letters and marks that draw nothing although they are not format characters: Hangul fillers,
// the grapheme joiner, Khmer inherent vowels, Mongolian selectors and the blank braille cell.
const BLANK = new Set([
  0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180b, 0x180c, 0x180d, 0x180e, 0x180f, 0x2800, 0x3164, 0xffa0,
]);
const codeOf = (ch: string | undefined) => ch?.codePointAt(0) ?? 0;
/** A pictograph, a skin tone or the emoji presentation selector: what a zero-width joiner joins. */
const isPictograph = (ch: string | undefined) =>
  /\p{Extended_Pictographic}/u.test(ch ?? '') ||
  (codeOf(ch) >= 0x1f3fb && codeOf(ch) <= 0x1f3ff) ||
  codeOf(ch) === 0xfe0f;
const TAG = /[\u{e0020}-\u{e007f}]/u;

/**
 * The kind of `chars[i]` when it cannot be shown, or undefined. A zero-width joiner between
 * pictographs and tag characters after a black flag are emoji sequences (a person at a laptop, the
 * flag of Scotland), so they pass.
 */
function kindAt(chars: readonly string[], i: number): UnshowableKind | undefined {
  const ch = chars[i] as string;
  if (/\p{Cc}/u.test(ch)) return 'control';
  if (/\p{Cs}/u.test(ch)) return 'broken';
  if (/[\u2028\u2029]/u.test(ch)) return 'line';
  if (DIRECTION.test(ch)) return 'direction';
  if (ch === '\u200d' && isPictograph(chars[i - 1]) && isPictograph(chars[i + 1])) return undefined;
  if (TAG.test(ch) && /[\u{1f3f4}\u{e0020}-\u{e007f}]/u.test(chars[i - 1] ?? '')) return undefined;
  if (/\p{Cf}/u.test(ch) || BLANK.has(codeOf(ch))) return 'invisible';
  return undefined;
}

/** `U+200B`: how a message names a code point. */
function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** How an escaped character is written: `\x1b` below 256, `\u202e` in the BMP, `\u{e0041}` past it. */
function escaped(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const short: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  if (short[ch]) return short[ch];
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

/**
 * `text` with every character that cannot be shown as it is (controls, escape sequences, format and
 * direction characters, separators, broken surrogates) written as an escape such as `\x1b` or
 * `\u202e`, so printing it can neither drive a terminal nor reorder or hide what is around it.
 */
export function escapeInvisible(text: string): string {
  const chars = Array.from(text);
  return chars.map((ch, i) => (kindAt(chars, i) ? escaped(ch) : ch)).join('');
}

/**
 * The first character of `text` that may not appear in it, as words for a message (`contains an
 * invisible character U+200B`), or undefined. Names (titles, class names, labels) may hold none;
 * paragraphs may also break lines and use tabs and format characters such as a soft hyphen, but
 * never controls or direction changes.
 */
export function unshowableCharacter(text: string, where: 'name' | 'paragraph'): string | undefined {
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const kind = kindAt(chars, i);
    if (!kind) continue;
    const ch = chars[i] as string;
    if (where === 'paragraph' && (kind === 'invisible' || kind === 'line' || /[\n\r\t]/.test(ch))) continue;
    return `contains ${KIND_WORDS[kind]} ${codePointName(ch)}`;
  }
  return undefined;
}

/**
 * The first of `names` that looks the same as an earlier one once Unicode's compatibility forms are
 * folded (a fullwidth `ｃat` and `cat`, a composed and a decomposed `é`), or undefined.
 */
export function lookAlikeName(names: readonly string[]): { index: number; twin: number } | undefined {
  const seen = new Map<string, number>();
  for (let index = 0; index < names.length; index++) {
    const folded = (names[index] as string).normalize('NFKC');
    const twin = seen.get(folded);
    if (twin !== undefined) return { index, twin };
    seen.set(folded, index);
  }
  return undefined;
}

/** The first layer output holding a value that is not a finite number (an overflow), or undefined. */
export function nonFiniteOutput(
  outputs: readonly { readonly values: ArrayLike<number> }[],
): { layerIndex: number; value: number } | undefined {
  for (let layerIndex = 0; layerIndex < outputs.length; layerIndex++) {
    const values = (outputs[layerIndex] as { values: ArrayLike<number> }).values;
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as number;
      if (!Number.isFinite(value)) return { layerIndex, value };
    }
  }
  return undefined;
}
