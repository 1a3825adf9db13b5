import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/share';

describe('CSV for a spreadsheet', () => {
  it.each([
    ['plain text', 'Ada', 'Ada'],
    ['a comma', 'Lovelace, Ada', '"Lovelace, Ada"'],
    ['quotes', 'the "builder"', '"the ""builder"""'],
    ['a line break', 'two\nlines', '"two\nlines"'],
    ['a carriage return', 'two\rlines', '"two\rlines"'],
    ['a formula', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a plus', '+1', "'+1"],
    ['a minus', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['a formula with a comma', '=1,2', `"'=1,2"`],
    ['an empty cell', null, ''],
    ['a number', 10, '10'],
    ['zero', 0, '0'],
    ['not a number', Number.NaN, ''],
  ])('writes %s safely', (_, cell, field) => {
    expect(csvField(cell)).toBe(field);
  });

  it('ends every row with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b,c', null],
      ]),
    ).toBe('a,1\r\n"b,c",\r\n');
  });
});
