/** A byte-order mark tells spreadsheet programs (Excel above all) that the file is UTF-8. */
const BOM = '\uFEFF';

// A spreadsheet runs a cell that starts like this as a formula; names are typed by people, so a
// leading apostrophe keeps them text (as the service's own exports do).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text (RFC 4180), quoted where needed, each ended by CRLF. */
export function csvText(rows: string[][]): string {
  return `${BOM}${rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')}`;
}

export function csvBlob(rows: string[][]): Blob {
  return new Blob([csvText(rows)], { type: 'text/csv;charset=utf-8' });
}
