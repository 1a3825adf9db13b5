/**
 * CSV (RFC 4180) for spreadsheets: a cell holding a comma, a quote or a line break is quoted, its
 * quotes doubled; text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
 * `'`, so a spreadsheet shows it as text instead of running it as a formula (a student's name is
 * untrusted input, and `=HYPERLINK(...)` in it must stay words).
 */

/** One cell: numbers are written as they are; text is escaped. */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of one cell as a CSV field. */
export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text, lines ended by CRLF as RFC 4180 writes them. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
}
