/**
 * Small pieces of English for text players read: the right article before a class name, a filter
 * size or a word ("an X", "an O", "an 11x11 filter", "a \\", "a 3x3 filter", "an edge").
 */

/** Capital letters whose names start with a vowel sound when read alone: "an F", "an X". */
const VOWEL_SOUND_LETTERS = new Set('AEFHILMNORSX');

/** Words spelt with a vowel but read with a consonant first ("a unit", "a one"), and the reverse. */
const CONSONANT_SOUND_START = /^(uni|use|usu|uti|ure|eu|ewe|one\b|once)/i;
const VOWEL_SOUND_H = /^(hour|honest|honou?r|heir)/i;

/** Whether the number at the start of `text` is read with a vowel first: 8, 11, 18, 80-89, 11000... */
function numberTakesAn(digits: string): boolean {
  if (digits.startsWith('8')) return true;
  // 11 and 18 are read "eleven", "eighteen"; so are 11,000 and 18,000 (groups of three after them).
  return (digits.startsWith('11') || digits.startsWith('18')) && digits.length % 3 === 2;
}

/** "an" or "a" for the text that follows, by how it is read aloud. */
export function articleFor(text: string): 'a' | 'an' {
  const trimmed = text.trimStart();
  const digits = /^\d+/.exec(trimmed)?.[0];
  if (digits) return numberTakesAn(digits) ? 'an' : 'a';
  const first = trimmed[0];
  if (!first) return 'a';
  // A capital read as a letter: alone, or followed by anything but a lower-case letter ("X", "O", "XOR").
  if (/[A-Z]/.test(first) && !/^[A-Z][a-z]/.test(trimmed)) {
    return VOWEL_SOUND_LETTERS.has(first) ? 'an' : 'a';
  }
  if (VOWEL_SOUND_H.test(trimmed)) return 'an';
  if (/^[aeiou]/i.test(trimmed)) return CONSONANT_SOUND_START.test(trimmed) ? 'a' : 'an';
  return 'a';
}

/** The text with its article in front: `withArticle('X')` is "an X", `withArticle('3x3 filter')` "a 3x3 filter". */
export function withArticle(text: string): string {
  return `${articleFor(text)} ${text}`;
}

/** A count with its noun in the right number: `plural(1, 'block')` is "1 block", `plural(3, 'block')` "3 blocks". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
