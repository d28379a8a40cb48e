/** A cell of an exported table: text, an integer, or nothing. */
export type CsvCell = string | number | null;

/** Excel and LibreOffice read a UTF-8 file as UTF-8 (and Chinese as Chinese) only with this mark. */
export const UTF8_BOM = '\uFEFF';

// A spreadsheet runs a cell that starts like this as a formula. Names and memos
// are typed by people, so a leading apostrophe keeps them text (OWASP's advice
// against CSV injection); numbers are written as numbers.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record as RFC 4180 writes it: quoted where needed, ended by CRLF. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}
